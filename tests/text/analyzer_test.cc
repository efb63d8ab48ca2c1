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

// The fused loop (tokenizing and keying plain Arabic words in one pass) must
// agree with the tokenizer and the word functions on anything: random text
// built from the pieces where the two paths part (clitics before digits,
// Latin and punctuation, marks and joiners, letters of other Arabic blocks,
// long words, invalid bytes), with and without punctuation tokens.
TEST(AnalyzerTest, FusedPathMatchesTokenizerOnRandomText) {
  const std::vector<std::string> pieces = {
      " ", " ", " ", "\n", "\u0628", "\u0627\u0644", "\u0648", "\u0644\u0644", "\u0641\u0627\u0644",
      "\u0643\u064A\u0631\u064A", "\u0645\u0633\u0624\u0648\u0644", "\u0645\u0633\u0626\u0648\u0644",
      "\u0627\u0644\u0623\u0645\u0631\u064A\u0643\u064A\u0629", "\u0648\u0632\u064A\u0631",
      "\u0627\u0644\u0628\u062D\u0631\u064A\u0646", "\u0641\u064A", "\u0625\u0644\u0649", "\u0649",
      "\u0629", "\u0640", "\u064E", "\u0651", "\u0670", "\u0653", "\u0654", "\u200C", "\u200D",
      "\u0301", "\u0750", "\u08A0", "\uFEFB", "\u06A9", "\u06CC", "\u06AF", "\u060C", "\u061F", "\u066B",
      "\u0660\u0661", "12", "3.5", ",", ".", "\"", "\u00AB", "\u00BB", "\u201C", "(", "#", "@", "_", "-",
      "'", "Kerry", "G20", "http://x.org/a", "www.example.com", "a@b.co", "\xD8", "\xD9\x80", "\xFF",
      "\xE2\x80", "\U0001F600", "\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628"
      "\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628"
      "\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628\u0628"};
  uint64_t state = 0x2545F4914F6CDD1Dull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  std::vector<AnalyzedToken> toks;
  AnalyzedText views;
  for (int round = 0; round < 3000; ++round) {
    std::string raw;
    size_t len = 1 + next() % 24;
    for (size_t k = 0; k < len; ++k) raw += pieces[next() % pieces.size()];
    std::string d = NormalizeDisplay(raw);
    for (bool punct : {false, true}) {
      AnalyzerOptions o;
      o.tokenizer.emit_punctuation = punct;
      o.name_keys = round % 2 == 0;
      AnalyzeTo(d, o, &toks);
      auto plain = Tokenize(d, o.tokenizer);
      ASSERT_EQ(toks.size(), plain.size()) << d;
      AnalyzeInto(d, o, &views);
      ASSERT_EQ(views.size(), plain.size()) << d;
      for (size_t i = 0; i < toks.size(); ++i) {
        const auto& a = toks[i];
        ASSERT_EQ(a.token.start, plain[i].start) << d;
        ASSERT_EQ(a.token.end, plain[i].end) << d;
        ASSERT_EQ(a.token.type, plain[i].type) << d;
        std::string key;
        AppendSearchKey(a.token.text, &key);
        ASSERT_EQ(a.key, key) << d;
        ASSERT_EQ(a.stopword, IsStopword(key)) << d;
        bool arabic = a.token.type == TokenType::kArabic;
        ASSERT_EQ(a.stem, arabic ? LightStem(key) : key) << d;
        ASSERT_EQ(a.name, o.name_keys ? (arabic ? NameKey(key) : key) : "") << d;
        ASSERT_EQ(views[i].token.start, a.token.start);
        ASSERT_EQ(views[i].token.text, a.token.text);
        ASSERT_EQ(views[i].key, a.key);
        ASSERT_EQ(views[i].stem, a.stem);
        ASSERT_EQ(views[i].name, a.name);
        ASSERT_EQ(views[i].stopword, a.stopword);
      }
    }
  }
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
