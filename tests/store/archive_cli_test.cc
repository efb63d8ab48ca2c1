// `malaf articles` and `malaf show` on archives built through the Store API,
// run through the real binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "../cli/run_command.h"
#include "store/store.h"
#include "temp_dir.h"

namespace malaf {
namespace {

using nlohmann::json;
using testing::RunMalaf;
using testing::TempDir;

Article MakeArticle(const std::string& title, const std::string& published, const std::string& path) {
  Article a;
  a.title = title;
  a.outlet = "الشرق الأوسط";
  a.published = published;
  a.published_text = "الجمعة";
  a.dateline = "الرياض - واس";
  a.dateline_city = "الرياض";
  a.agencies = {"واس"};
  a.body = "نص الخبر عن " + title + "\n\nفقرة ثانية";
  a.sources.push_back({path, "json", 0});
  return a;
}

// An archive of three articles; the second comes from two inputs.
class ArchiveCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = tmp_ / "archive";
    auto store = Store::Open(archive_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto r = (*store)->Put({MakeArticle("قديم", "2015-07-21", "a.json"), MakeArticle("وسط", "2015-07-22", "a.json"),
                            MakeArticle("حديث", "2015-07-23T10:00+03:00", "b.json")});
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE((*store)->Put({MakeArticle("وسط", "", "c.json")}).ok());
    for (const auto& x : *r) ids_.push_back(x.id);
  }
  std::string Run(const std::string& args) { return "--archive " + archive_ + " " + args; }

  TempDir tmp_;
  std::string archive_;
  std::vector<std::string> ids_;  // old, middle, new
};

void ExpectArticleShape(const json& a) {
  for (const char* k : {"id", "title", "outlet", "url", "published", "published_text", "dateline", "dateline_city",
                        "agencies", "authors", "body", "sources"})
    EXPECT_TRUE(a.contains(k)) << k << " missing in " << a.dump();
  EXPECT_FALSE(a.contains("source"));
  ASSERT_TRUE(a["sources"].is_array());
  for (const auto& s : a["sources"]) {
    EXPECT_TRUE(s["path"].is_string());
    EXPECT_TRUE(s["format"].is_string());
    EXPECT_TRUE(s["index"].is_number_integer());
    EXPECT_EQ(s["raw_hash"], "");
    EXPECT_TRUE(s["ingested_at"].is_string());
  }
}

TEST_F(ArchiveCliTest, ArticlesJsonNewestFirst) {
  auto r = RunMalaf(Run("articles --json"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  json j = json::parse(r.out);
  EXPECT_EQ(j["total"], 3);
  EXPECT_EQ(j["errors"], json::array());
  ASSERT_EQ(j["articles"].size(), 3u);
  for (const auto& a : j["articles"]) ExpectArticleShape(a);
  EXPECT_EQ(j["articles"][0]["title"], "حديث");
  EXPECT_EQ(j["articles"][1]["title"], "وسط");
  EXPECT_EQ(j["articles"][1]["sources"].size(), 2u);
  EXPECT_EQ(j["articles"][2]["id"], ids_[0]);
  EXPECT_EQ(r.out.find("\\u"), std::string::npos);  // Arabic as UTF-8
}

TEST_F(ArchiveCliTest, ArticlesPaging) {
  auto r = RunMalaf(Run("articles --json --limit 1 --offset 1"));
  ASSERT_EQ(r.exit_code, 0);
  json j = json::parse(r.out);
  ASSERT_EQ(j["articles"].size(), 1u);
  EXPECT_EQ(j["articles"][0]["title"], "وسط");
  EXPECT_EQ(json::parse(RunMalaf(Run("articles --json --offset 5")).out)["articles"], json::array());
  auto ingest_order = json::parse(RunMalaf(Run("articles --json --order ingest")).out);
  EXPECT_EQ(ingest_order["articles"][0]["title"], "قديم");
  EXPECT_EQ(RunMalaf(Run("articles --limit -1")).exit_code, 2);
}

TEST_F(ArchiveCliTest, ArticlesText) {
  auto r = RunMalaf(Run("articles"));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("3 articles"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(ids_[2] + "  2015-07-23  الشرق الأوسط  |  حديث"), std::string::npos) << r.out;
}

TEST_F(ArchiveCliTest, ShowByIdAndPrefix) {
  for (const std::string& id : {ids_[1], ids_[1].substr(0, 8)}) {
    auto r = RunMalaf(Run("show --json " + id));
    ASSERT_EQ(r.exit_code, 0) << id;
    json j = json::parse(r.out);
    ExpectArticleShape(j);
    EXPECT_EQ(j["id"], ids_[1]);
    ASSERT_EQ(j["sources"].size(), 2u);
    EXPECT_EQ(j["sources"][0]["path"], "a.json");
    EXPECT_EQ(j["sources"][1]["path"], "c.json");
    EXPECT_EQ(j["agencies"], json::array({"واس"}));
  }
  auto text = RunMalaf(Run("show " + ids_[1]));
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out.rfind("وسط\n", 0), 0u) << text.out;  // the title first
  EXPECT_NE(text.out.find("نص الخبر عن وسط\n\nفقرة ثانية"), std::string::npos);
  EXPECT_NE(text.out.find("c.json (json #0"), std::string::npos);
}

TEST_F(ArchiveCliTest, ShowUnknownIdIsNotFound) {
  auto r = RunMalaf(Run("show --json 0123456789abcdef"));
  EXPECT_EQ(r.exit_code, 1);
  json j = json::parse(r.out);
  EXPECT_EQ(j["error"]["code"], "not_found");
  EXPECT_TRUE(j["error"]["message"].is_string());
  EXPECT_EQ(RunMalaf(Run("show not-an-id")).exit_code, 1);
  EXPECT_EQ(RunMalaf(Run("show")).exit_code, 2);
}

TEST(ArchiveCliErrors, MissingArchiveIsNotFoundAndNotCreated) {
  TempDir tmp;
  std::string archive = tmp / "nothing-here";
  auto r = RunMalaf("--archive " + archive + " articles --json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(json::parse(r.out)["error"]["code"], "not_found");
  EXPECT_FALSE(std::filesystem::exists(archive));
  EXPECT_EQ(RunMalaf("--archive " + archive + " show 0123456789abcdef").exit_code, 1);
}

TEST(ArchiveCliErrors, DamagedStoreIsCorruption) {
  TempDir tmp;
  tmp.Write("archive/malaf.sqlite", std::string(5000, 'j'));
  auto r = RunMalaf("--archive " + tmp / "archive" + " show --json 0123456789abcdef");
  EXPECT_EQ(r.exit_code, 1);
  json j = json::parse(r.out);
  EXPECT_EQ(j["error"]["code"], "corruption");
  EXPECT_EQ(j["error"]["message"], tmp / "archive/malaf.sqlite" + ": file is not a database");
}

}  // namespace
}  // namespace malaf
