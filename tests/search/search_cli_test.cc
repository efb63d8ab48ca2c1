// malaf search / reindex as a user runs them, on an archive built through
// the store.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../cli/run_command.h"
#include "search_fixture.h"
#include "store/store.h"

namespace malaf::search {
namespace {

using malaf::testing::RunMalaf;
using testing::SampleArticles;
using testing::TempDir;

class SearchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(tmp_.path());
    ASSERT_TRUE(store.ok());
    auto all = SampleArticles();
    for (auto& a : all) a.id.clear();
    ASSERT_TRUE((*store)->Put(all).ok());
  }
  std::string Malaf(const std::string& args) { return "--archive " + tmp_.path() + " " + args; }
  TempDir tmp_;
};

TEST_F(SearchCliTest, JsonFollowsTheModel) {
  auto r = RunMalaf(Malaf("search --json --limit 5 'كيرى لافروف'"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["query"], "كيرى لافروف");
  EXPECT_EQ(j["total"], 2);
  ASSERT_EQ(j["hits"].size(), 2u);
  for (const auto& h : j["hits"]) {
    for (const char* k : {"id", "score", "title", "outlet", "published", "snippet", "highlights"})
      EXPECT_TRUE(h.contains(k)) << k;
    std::string snippet = h["snippet"];
    for (const auto& x : h["highlights"]) {
      size_t s = x["start"], e = x["end"];
      ASSERT_LE(e, snippet.size());
      std::string word = snippet.substr(s, e - s);
      EXPECT_TRUE(word == "كيري" || word == "كيرى" || word == "لافروف") << word;
    }
  }
  EXPECT_TRUE(j["facets"].contains("outlet"));
  EXPECT_TRUE(j["facets"].contains("month"));
  EXPECT_TRUE(j["facets"].contains("agency"));
}

TEST_F(SearchCliTest, FiltersSortAndText) {
  auto r = RunMalaf(Malaf("search --json --sort date -- 'كيري OR حلب' -جنيف"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["hits"].size(), 2u);
  EXPECT_EQ(j["hits"][0]["published"], "2016-09-02");
  auto t = RunMalaf(Malaf("search 'outlet:\"صحيفة الغد\" حلب'"));
  ASSERT_EQ(t.exit_code, 0);
  EXPECT_NE(t.out.find("الغاز السام في حلب"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("[حلب]"), std::string::npos) << t.out;
}

TEST_F(SearchCliTest, BadQueries) {
  struct Case {
    std::string args;
    int exit_code;
  } cases[] = {
      {"search 'كيري from:2016-13'", 2},
      {"search --json 'from:yesterday'", 2},
      {"search 'from:2016-09 to:2016-08'", 2},
      {"search --sort size كيري", 2},
      {"search '\"كيري لافروف'", 0},          // unbalanced quote
      {"search 'في من على'", 0},              // only stopwords
      {"search '\u064e\u064f\u0650'", 0},     // only diacritics
  };
  for (const auto& c : cases) EXPECT_EQ(RunMalaf(Malaf(c.args)).exit_code, c.exit_code) << c.args;
  std::string huge;
  for (int i = 0; i < 10000; ++i) huge += "كلمة ";
  auto r = RunMalaf(Malaf("search --json '" + huge + "'"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("invalid_argument"), std::string::npos);
  EXPECT_EQ(RunMalaf("--archive " + tmp_.path() + "/none search كيري").exit_code, 1);
}

TEST_F(SearchCliTest, ReindexAndRecoveryFromADamagedIndex) {
  auto r = RunMalaf(Malaf("reindex --json"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["indexed"], 4);
  std::filesystem::resize_file(tmp_.path() + "/index/postlist.glass", 10);
  auto s = RunMalaf(Malaf("search --json النفط"));
  ASSERT_EQ(s.exit_code, 0) << s.out;
  EXPECT_EQ(nlohmann::json::parse(s.out)["total"], 1);
}

}  // namespace
}  // namespace malaf::search
