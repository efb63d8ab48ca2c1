// The tokenizer: table of inputs -> tokens, and the offset property (every
// token's [start, end) slices the input to its text, in order, without
// overlap) on the tables, on the real corpus and on random bytes.
#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "text/normalizer.h"
#include "tokenizer_tables.h"

namespace malaf::text {
namespace {

std::string Render(const std::vector<Token>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += " | ";
    out += std::string(t.text) + "/" + std::string(TokenTypeName(t.type));
  }
  return out;
}

void ExpectOffsetsSliceInput(std::string_view input, const std::vector<Token>& tokens) {
  size_t prev_end = 0;
  for (const auto& t : tokens) {
    ASSERT_LE(t.start, t.end);
    ASSERT_LE(t.end, input.size());
    ASSERT_LT(t.start, t.end) << "empty token";
    ASSERT_GE(t.start, prev_end) << "tokens overlap or go backwards";
    ASSERT_EQ(input.substr(t.start, t.end - t.start), t.text);
    ASSERT_EQ(t.text.data(), input.data() + t.start) << "token view must borrow from the input";
    prev_end = t.end;
  }
}

TEST(TokenizerTest, Table) {
  for (const auto& row : testing::kTokenRows) {
    auto tokens = Tokenize(row.input);
    EXPECT_EQ(Render(tokens), row.expected) << "input: " << row.input;
    ExpectOffsetsSliceInput(row.input, tokens);
  }
}

TEST(TokenizerTest, PunctuationTable) {
  TokenizerOptions o;
  o.emit_punctuation = true;
  for (const auto& row : testing::kPunctRows) {
    auto tokens = Tokenize(row.input, o);
    EXPECT_EQ(Render(tokens), row.expected) << "input: " << row.input;
    ExpectOffsetsSliceInput(row.input, tokens);
  }
  EXPECT_EQ(Render(Tokenize("قال: «نعم»")), "قال/arabic | نعم/arabic") << "punctuation is off by default";
}

TEST(TokenizerTest, ClitcSplittingCanBeSwitchedOff) {
  TokenizerOptions o;
  o.split_tatweel_clitics = false;
  EXPECT_EQ(Render(Tokenize("بـ12", o)), "بـ/arabic | 12/number");
  EXPECT_EQ(Render(Tokenize("ب12", o)), "ب/arabic | 12/number");
}

TEST(TokenizerTest, TokenizeToAppends) {
  std::vector<Token> v;
  TokenizeTo("a b", {}, &v);
  TokenizeTo("ج", {}, &v);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[2].text, "ج");
}

TEST(TokenizerPropertyTest, OffsetsOnRandomBytes) {
  std::mt19937 rng(7);
  const std::string_view pieces[] = {"ب", "ـ", "12", "#", "@", "http://", "www.", "a", ".", ",", "٫", " ", "\xFF",
                                     "\xD8", "ال", "x@y.com", "\u064E", "\u200C", "«", "\n", "é", "'", "-"};
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    int n = 1 + static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) s += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
    TokenizerOptions o;
    o.emit_punctuation = rng() % 2;
    ExpectOffsetsSliceInput(s, Tokenize(s, o));
  }
}

TEST(TokenizerPropertyTest, OffsetsOnTheSeedDossier) {
  std::ifstream f(std::string(MALAF_SHARED_CORPUS) + "/seeds/dossier-geneva-2016-08.txt", std::ios::binary);
  if (!f) GTEST_SKIP() << "corpus absent: " << MALAF_SHARED_CORPUS << "/seeds";
  std::stringstream ss;
  ss << f.rdbuf();
  std::string display = NormalizeDisplay(ss.str());
  TokenizerOptions o;
  o.emit_punctuation = true;
  auto tokens = Tokenize(display, o);
  EXPECT_GT(tokens.size(), 10000u);
  ExpectOffsetsSliceInput(display, tokens);
  // Raw (un-normalized) text too: offsets must hold on any input.
  const std::string raw = ss.str();
  ExpectOffsetsSliceInput(raw, Tokenize(raw, o));
}

}  // namespace
}  // namespace malaf::text
