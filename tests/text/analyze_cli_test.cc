// `malaf analyze --json` checked against every stage's table: the binary
// runs once per table on all rows joined by a separator line, and each row's
// display text and tokens must match the tables and the in-process chain.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "../cli/run_command.h"
#include "name_key_tables.h"
#include "normalizer_tables.h"
#include "stemmer_tables.h"
#include "text/analyzer.h"
#include "text/normalizer.h"
#include "tokenizer_tables.h"

namespace malaf::text {
namespace {

constexpr std::string_view kSeparator = "\n@@@\n";

struct Segment {
  std::string display;
  std::vector<nlohmann::json> tokens;  // offsets made relative to the segment
};

// Runs analyze on the inputs joined by kSeparator; splits the output back.
std::vector<Segment> RunAnalyze(const std::vector<std::string_view>& inputs, const std::string& flags = "") {
  std::string joined;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (i) joined += kSeparator;
    joined += inputs[i];
  }
  auto r = malaf::testing::RunMalaf("analyze --json " + flags + " -", joined);
  EXPECT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out.substr(0, 200);
  std::vector<Segment> segs;
  if (j.is_discarded()) return segs;
  EXPECT_EQ(j["charset"], "utf-8");
  EXPECT_EQ(j["versions"]["normalizer"], kNormalizerVersion);
  std::string display = j["display"];
  std::vector<size_t> starts;
  size_t pos = 0;
  while (true) {
    size_t next = display.find(kSeparator, pos);
    segs.push_back({display.substr(pos, next == std::string::npos ? std::string::npos : next - pos), {}});
    starts.push_back(pos);
    if (next == std::string::npos) break;
    pos = next + kSeparator.size();
  }
  for (auto t : j["tokens"]) {
    size_t start = t["start"];
    size_t k = starts.size() - 1;
    while (k > 0 && starts[k] > start) --k;
    if (start >= starts[k] + segs[k].display.size()) continue;  // a token of the separator
    t["start"] = start - starts[k];
    t["end"] = t["end"].get<size_t>() - starts[k];
    segs[k].tokens.push_back(t);
  }
  EXPECT_EQ(segs.size(), inputs.size());
  return segs;
}

// The tokens the library gives for `display`, in the CLI's JSON shape.
std::vector<nlohmann::json> Expected(std::string_view display, bool punct = false) {
  TokenizerOptions o;
  o.emit_punctuation = punct;
  std::vector<nlohmann::json> out;
  for (const auto& t : Analyze(display, o))
    out.push_back({{"text", std::string(t.token.text)}, {"start", t.token.start}, {"end", t.token.end},
                   {"type", std::string(TokenTypeName(t.token.type))}, {"normalized", t.key}, {"stem", t.stem},
                   {"name_key", t.name}, {"stopword", t.stopword}});
  return out;
}

TEST(AnalyzeCliTest, EveryNormalizerStageRow) {
  std::vector<std::string_view> inputs;
  for (const auto& r : testing::kStageRows) inputs.push_back(r.input);
  for (const auto& r : testing::kPipelineRows) inputs.push_back(r.input);
  auto segs = RunAnalyze(inputs);
  ASSERT_EQ(segs.size(), inputs.size());
  size_t i = 0;
  for (const auto& r : testing::kStageRows) {
    EXPECT_EQ(segs[i].display, r.display) << "stage " << r.stage << " row '" << r.input << "'";
    // Each token's normalized form is the search key of its text; together
    // they give the row's search key.
    std::string keys;
    for (const auto& t : segs[i].tokens) keys += t["normalized"].get<std::string>();
    std::string expected_keys;
    for (const auto& t : Expected(r.display)) expected_keys += t["normalized"].get<std::string>();
    EXPECT_EQ(keys, expected_keys) << "stage " << r.stage << " row '" << r.input << "'";
    EXPECT_EQ(segs[i].tokens, Expected(r.display)) << "stage " << r.stage << " row '" << r.input << "'";
    ++i;
  }
  for (const auto& r : testing::kPipelineRows) {
    EXPECT_EQ(segs[i].display, r.display);
    std::string joined;
    for (const auto& t : segs[i].tokens) joined += (joined.empty() ? "" : " ") + t["normalized"].get<std::string>();
    std::string want;
    for (const auto& t : Expected(r.display)) want += (want.empty() ? "" : " ") + t["normalized"].get<std::string>();
    EXPECT_EQ(joined, want);
    ++i;
  }
}

TEST(AnalyzeCliTest, TokenizerRows) {
  std::vector<std::string_view> inputs;
  for (const auto& r : testing::kTokenRows) inputs.push_back(r.input);
  auto segs = RunAnalyze(inputs);
  ASSERT_EQ(segs.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string rendered;
    for (const auto& t : segs[i].tokens)
      rendered += (rendered.empty() ? "" : " | ") + t["text"].get<std::string>() + "/" + t["type"].get<std::string>();
    // The table is for display text; rows that are not display text yet
    // (digits, marks, ZWNJ, tatweel) are checked against the library chain.
    if (NormalizeDisplay(inputs[i]) == inputs[i]) EXPECT_EQ(rendered, testing::kTokenRows[i].expected) << inputs[i];
    EXPECT_EQ(segs[i].tokens, Expected(NormalizeDisplay(inputs[i]))) << inputs[i];
    for (const auto& t : segs[i].tokens)
      EXPECT_EQ(segs[i].display.substr(t["start"], t["end"].get<size_t>() - t["start"].get<size_t>()), t["text"]);
  }
  std::vector<std::string_view> punct;
  for (const auto& r : testing::kPunctRows) punct.push_back(r.input);
  auto psegs = RunAnalyze(punct, "--punct");
  ASSERT_EQ(psegs.size(), punct.size());
  for (size_t i = 0; i < punct.size(); ++i) {
    std::string rendered;
    for (const auto& t : psegs[i].tokens)
      rendered += (rendered.empty() ? "" : " | ") + t["text"].get<std::string>() + "/" + t["type"].get<std::string>();
    EXPECT_EQ(rendered, testing::kPunctRows[i].expected) << punct[i];
  }
}

TEST(AnalyzeCliTest, StemmerRowsAndNameKeys) {
  std::vector<std::string_view> inputs;
  for (const auto& r : testing::kStemRows) inputs.push_back(r.word);
  for (const auto& p : testing::kMustMeet) {
    inputs.push_back(p.a);
    inputs.push_back(p.b);
  }
  auto segs = RunAnalyze(inputs);
  ASSERT_EQ(segs.size(), inputs.size());
  size_t i = 0;
  for (const auto& r : testing::kStemRows) {
    ASSERT_EQ(segs[i].tokens.size(), 1u) << r.word;
    EXPECT_EQ(segs[i].tokens[0]["stem"], r.stem) << r.word;
    ++i;
  }
  for (const auto& p : testing::kMustMeet) {
    ASSERT_EQ(segs[i].tokens.size(), 1u);
    ASSERT_EQ(segs[i + 1].tokens.size(), 1u);
    EXPECT_EQ(segs[i].tokens[0]["name_key"], segs[i + 1].tokens[0]["name_key"]) << p.a << " / " << p.b;
    i += 2;
  }
}

TEST(AnalyzeCliTest, ErrorsAndCharsets) {
  auto r = malaf::testing::RunMalaf("analyze --json /nonexistent/file.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("\"error\""), std::string::npos);
  r = malaf::testing::RunMalaf("analyze --charset klingon-8 -", "abc");
  EXPECT_NE(r.exit_code, 0);
  // windows-1256 bytes of "سلام" (س=D3 ل=E1 ا=C7 م=E3), declared and detected.
  r = malaf::testing::RunMalaf("analyze --json --charset windows-1256 -", "\xD3\xE1\xC7\xE3");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["display"], "سلام");
  EXPECT_EQ(j["charset"], "windows-1256");
  // Damaged UTF-8 stays UTF-8 with the bad byte counted; a lone high byte in
  // ASCII is read as windows-1256.
  r = malaf::testing::RunMalaf("analyze --json -", "سلام\xFF" "عليكم");
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["charset"], "utf-8");
  EXPECT_EQ(j["replaced"], 1);
  EXPECT_EQ(j["display"], "سلام\uFFFDعليكم");
  // Plain text output: one line per token, tab-separated.
  r = malaf::testing::RunMalaf("analyze -", "الأمريكي");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "الأمريكي\t0-16\tarabic\tالامريكي\tامريك\tامركي\n");
}

}  // namespace
}  // namespace malaf::text
