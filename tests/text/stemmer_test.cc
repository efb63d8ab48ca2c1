// The light stemmer and stopword list: tables, including words that must not
// be over-stemmed, and invariants (a stem is a substring; stems are stable).
#include "text/stemmer.h"

#include <gtest/gtest.h>

#include "stemmer_tables.h"
#include "text/normalizer.h"

namespace malaf::text {
namespace {

TEST(StemmerTest, Table) {
  for (const auto& row : testing::kStemRows) {
    std::string key = SearchKey(row.word);
    EXPECT_EQ(LightStem(key), row.stem) << "word " << row.word << " (key " << key << ")";
    std::string_view v = LightStemView(key);
    EXPECT_GE(v.data(), key.data());
    EXPECT_LE(v.data() + v.size(), key.data() + key.size()) << "a stem is a view into its key";
  }
}

TEST(StemmerTest, VariantsOfOneWordShareAStem) {
  const std::vector<std::vector<std::string_view>> groups = {
      {"المفاوضات", "مفاوضات", "والمفاوضات", "بالمفاوضات", "للمفاوضات"},
      {"السوري", "السورية", "سوري", "سورية", "والسوري"},
      {"الأمريكي", "الامريكي", "أمريكي", "الأمريكية", "والأمريكية"},
      {"المسلحين", "المسلحون", "مسلحين", "والمسلحين"},
      {"المعارضة", "معارضة", "والمعارضة", "للمعارضة"},
  };
  for (const auto& g : groups) {
    std::string first = LightStem(SearchKey(g[0]));
    for (auto w : g) EXPECT_EQ(LightStem(SearchKey(w)), first) << w << " vs " << g[0];
  }
}

TEST(StemmerTest, DistinctWordsStayApart) {
  const std::pair<std::string_view, std::string_view> pairs[] = {
      {"البحرين", "البحر"}, {"لبنان", "لبن"}, {"وزير", "زير"}, {"وقت", "قت"}, {"السودان", "سود"},
  };
  for (const auto& [a, b] : pairs) EXPECT_NE(LightStem(SearchKey(a)), LightStem(SearchKey(b))) << a << " / " << b;
}

TEST(StemmerTest, MinimumStemGuardHoldsForEveryShortWord) {
  // No two-letter-or-longer Arabic key is stemmed below two letters.
  const std::string_view letters[] = {"ا", "ل", "و", "ه", "ي", "ن", "ت", "م", "ب"};
  for (auto a : letters)
    for (auto b : letters)
      for (auto c : letters) {
        std::string w = std::string(a) + std::string(b) + std::string(c);
        EXPECT_GE(LightStemView(w).size(), 4u) << w;
      }
}

TEST(StopwordTest, NewsFunctionWords) {
  const std::string_view stop[] = {"في", "من", "على", "علي", "إلى", "الى", "التي", "الذي", "أن", "ان", "وقال",
                                   "كانت", "هذه", "خلال", "بعد", "عليه", "أيضا", "لكن"};
  const std::string_view content[] = {"وزير", "الخارجية", "سوريا", "جنيف", "اتفاق", "كيري", "الهدنة", "reuters"};
  for (auto w : stop) EXPECT_TRUE(IsStopword(SearchKey(w))) << w;
  for (auto w : content) EXPECT_FALSE(IsStopword(SearchKey(w))) << w;
}

}  // namespace
}  // namespace malaf::text
