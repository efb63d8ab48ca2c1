// The analysis chain: every token's key, stem, stopword flag and name key
// equal the single-word functions (so the per-thread word cache can never
// change an output), on cold and warm cache, with and without name keys.
#include "text/analyzer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::text {
namespace {

void ExpectMatchesWordFunctions(std::string_view display, const std::vector<AnalyzedToken>& toks, bool names) {
  auto plain = Tokenize(display);
  ASSERT_EQ(toks.size(), plain.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& a = toks[i];
    ASSERT_EQ(a.token.start, plain[i].start);
    ASSERT_EQ(a.token.end, plain[i].end);
    std::string key = SearchKey(a.token.text);
    ASSERT_EQ(a.key, key) << a.token.text;
    ASSERT_EQ(a.stopword, IsStopword(key)) << a.token.text;
    bool arabic = a.token.type == TokenType::kArabic;
    ASSERT_EQ(a.stem, arabic ? LightStem(key) : key) << a.token.text;
    if (names) ASSERT_EQ(a.name, arabic ? NameKey(key) : key) << a.token.text;
    else ASSERT_EQ(a.name, "");
  }
}

std::string SeedDisplay() {
  std::ifstream f(std::string(MALAF_SHARED_CORPUS) + "/seeds/dossier-geneva-2016-08.txt", std::ios::binary);
  if (!f) return "";
  std::stringstream ss;
  ss << f.rdbuf();
  return NormalizeDisplay(ss.str());
}

TEST(AnalyzerTest, SmallText) {
  std::string d = NormalizeDisplay("قال وزير الخارجية الأمريكي جون كيري في جنيف إن 12 دولة «اتفقت»");
  auto toks = Analyze(d);
  ExpectMatchesWordFunctions(d, toks, true);
  ASSERT_GE(toks.size(), 10u);
  EXPECT_TRUE(toks[0].stopword);  // قال
  EXPECT_EQ(toks[3].key, "الامريكي");
  EXPECT_EQ(toks[3].stem, "امريك");
}

TEST(AnalyzerTest, CacheNeverChangesOutputs) {
  std::string d = SeedDisplay();
  if (d.empty()) GTEST_SKIP() << "corpus absent: " << MALAF_SHARED_CORPUS << "/seeds";
  std::vector<AnalyzedToken> toks;
  for (bool names : {false, true, true, false}) {  // cold, warm, and switching
    AnalyzerOptions o;
    o.name_keys = names;
    AnalyzeTo(d, o, &toks);
    ExpectMatchesWordFunctions(d, toks, names);
  }
  // Reusing a vector that held a longer text.
  AnalyzeTo("كلمة واحدة", {}, &toks);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[1].key, "واحده");
}

TEST(AnalyzerTest, ThreadsGetTheSameResults) {
  std::string d = SeedDisplay();
  if (d.empty()) GTEST_SKIP() << "corpus absent";
  auto want = Analyze(d);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      auto got = Analyze(d);
      ok[k] = got.size() == want.size();
      for (size_t i = 0; ok[k] && i < got.size(); ++i)
        ok[k] = got[i].key == want[i].key && got[i].stem == want[i].stem && got[i].name == want[i].name;
    });
  for (auto& t : threads) t.join();
  for (int k = 0; k < 4; ++k) EXPECT_TRUE(ok[k]) << "thread " << k;
}

}  // namespace
}  // namespace malaf::text
