// `malaf ingest` through the real binary: idempotence, provenance merging,
// bad inputs among good ones, stdin, and the seed corpus.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "../cli/run_command.h"
#include "temp_dir.h"

namespace malaf {
namespace {

using nlohmann::json;
using testing::RunMalaf;
using testing::TempDir;

// Three distinct articles; "first" is in both files.
constexpr char kArrayFile[] =
    R"([{"title": "الخبر الأول", "content": "نص الخبر الأول عن الرياض.", "source": "سبق", "date": "2015-07-21"},
        {"title": "الخبر الثاني", "content": "نص الخبر الثاني عن جدة.", "source": "عكاظ"}])";
constexpr char kLinesFile[] =
    "{\"title\": \"الخبر الثالث\", \"body\": \"نص الخبر الثالث عن مكة.\"}\n"
    "{\"title\": \"الخبر الأول\", \"body\": \"نص الخبر الأول عن الرياض.\"}\n";

class IngestCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = tmp_ / "archive";
    tmp_.Write("in/a.json", kArrayFile);
    tmp_.Write("in/sub/b.jsonl", kLinesFile);
    tmp_.Write("in/.hidden/c.json", R"([{"title": "مخفي", "body": "لا يقرأ"}])");
    tmp_.Write("in/.dotfile.json", R"([{"title": "مخفي", "body": "لا يقرأ"}])");
  }
  json Ingest(const std::string& args, int expected_exit, const std::string& stdin_text = "") {
    auto r = RunMalaf("--archive " + archive_ + " ingest --json " + args, stdin_text);
    EXPECT_EQ(r.exit_code, expected_exit) << args << "\n" << r.out;
    return json::parse(r.out, nullptr, false);
  }
  json Articles() {
    auto r = RunMalaf("--archive " + archive_ + " articles --json --limit 0");
    EXPECT_EQ(r.exit_code, 0);
    return json::parse(r.out, nullptr, false);
  }
  json ByTitle(const json& list, const std::string& title) {
    for (const auto& a : list["articles"])
      if (a["title"] == title) return a;
    ADD_FAILURE() << "no article titled " << title;
    return json();
  }

  TempDir tmp_;
  std::string archive_;
};

TEST_F(IngestCliTest, SecondIngestAddsNothing) {
  json first = Ingest(tmp_ / "in", 0);
  EXPECT_EQ(first["errors"], json::array());
  EXPECT_EQ(first["summary"]["files"], 2);  // hidden files and directories skipped
  EXPECT_EQ(first["summary"]["articles"], 4);
  EXPECT_EQ(first["summary"]["new"], 3);
  EXPECT_EQ(first["articles"].size(), 3u);
  for (const auto& a : first["articles"]) {
    EXPECT_EQ(a["id"].get<std::string>().size(), 16u);
    EXPECT_FALSE(a["sources"].empty());
    EXPECT_EQ(a["sources"][0]["raw_hash"].get<std::string>().size(), 16u);
  }
  json before = Articles();

  json second = Ingest(tmp_ / "in", 0);
  EXPECT_EQ(second["summary"]["new"], 0);
  EXPECT_EQ(second["summary"]["gained_source"], 0);
  EXPECT_EQ(second["summary"]["already_stored"], 4);
  json after = Articles();
  EXPECT_EQ(after["total"], 3);
  EXPECT_EQ(after, before);  // not one source or field changed
}

TEST_F(IngestCliTest, SameArticleFromTwoFilesIsOneArticleWithTwoSources) {
  Ingest(tmp_ / "in", 0);
  json list = Articles();
  EXPECT_EQ(list["total"], 3);
  json a = ByTitle(list, "الخبر الأول");
  ASSERT_EQ(a["sources"].size(), 2u);
  std::set<std::string> paths = {a["sources"][0]["path"], a["sources"][1]["path"]};
  EXPECT_EQ(paths, (std::set<std::string>{tmp_ / "in/a.json", tmp_ / "in/sub/b.jsonl"}));
  EXPECT_EQ(a["outlet"], "سبق");
  EXPECT_NE(a["sources"][0]["raw_hash"], a["sources"][1]["raw_hash"]);
  // show gives the same object, by a prefix of the id too.
  auto shown = RunMalaf("--archive " + archive_ + " show --json " + a["id"].get<std::string>().substr(0, 6));
  ASSERT_EQ(shown.exit_code, 0);
  EXPECT_EQ(json::parse(shown.out), a);
}

TEST_F(IngestCliTest, BadFileAmongGoodOnesIsReportedAndTheOthersStored) {
  std::string bad = tmp_.Write("in/broken.bin", std::string("\x00\x01\x02\xff\xfe", 5) + std::string(4000, '\0'));
  std::string empty = tmp_.Write("in/empty.txt", "");
  json r = Ingest(tmp_ / "in", 1);
  ASSERT_EQ(r["errors"].size(), 2u) << r["errors"].dump();
  std::set<std::string> failed;
  for (const auto& e : r["errors"]) {
    failed.insert(e["path"].get<std::string>());
    EXPECT_FALSE(e["reason"].get<std::string>().empty());
  }
  EXPECT_EQ(failed, (std::set<std::string>{bad, empty}));
  EXPECT_EQ(r["articles"].size(), 3u);
  EXPECT_EQ(Articles()["total"], 3);
  // Text mode: the summary counts the errors, the exit code is 1.
  auto text = RunMalaf("--archive " + archive_ + " ingest " + bad + " " + tmp_ / "in/a.json");
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("2 articles from 2 files (0 new, 2 already stored); 1 error"), std::string::npos)
      << text.out;
}

TEST_F(IngestCliTest, MissingPathIsAnErrorAndTheRestGoesOn) {
  json r = Ingest(tmp_ / "absent.json " + tmp_ / "in/a.json", 1);
  ASSERT_EQ(r["errors"].size(), 1u);
  EXPECT_EQ(r["errors"][0]["path"], tmp_ / "absent.json");
  EXPECT_EQ(Articles()["total"], 2);
}

TEST_F(IngestCliTest, StdinAndOptions) {
  json r = Ingest("--format jsonl -", 0, kLinesFile);
  ASSERT_EQ(r["articles"].size(), 2u);
  EXPECT_EQ(r["articles"][0]["sources"][0]["path"], "-");
  EXPECT_EQ(r["articles"][0]["sources"][0]["format"], "jsonl");
  // A field mapping reads an export with unusual names.
  std::string odd = tmp_.Write("odd.json", R"([{"headline_ar": "عنوان غريب", "matn": "متن الخبر هنا."}])");
  json m = Ingest("--field title=headline_ar --field body=matn " + odd, 0);
  ASSERT_EQ(m["articles"].size(), 1u);
  EXPECT_EQ(m["articles"][0]["title"], "عنوان غريب");
  EXPECT_EQ(m["articles"][0]["body"], "متن الخبر هنا.");
}

TEST_F(IngestCliTest, UsageErrors) {
  const char* cases[] = {"--field title " ,
                         "--field =x ",
                         "--reference-date yesterday ",
                         "--format pdf ",
                         "--jobs 0 "};
  for (const char* c : cases)
    EXPECT_EQ(RunMalaf("--archive " + archive_ + " ingest " + c + tmp_ / "in").exit_code, 2) << c;
  EXPECT_EQ(RunMalaf("--archive " + archive_ + " ingest").exit_code, 2);
  EXPECT_EQ(RunMalaf("--archive " + archive_ + " ingest --field nonsense=x " + tmp_ / "in").exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(archive_));  // nothing was created
}

TEST_F(IngestCliTest, NoDerivedOnlyStoresAndTheNextIngestCatchesUp) {
  json r = Ingest("--no-derived " + tmp_ / "in", 0);
  EXPECT_EQ(r["summary"]["new"], 3);
  EXPECT_FALSE(std::filesystem::exists(archive_ + "/index"));
  json again = Ingest(tmp_ / "in", 0);  // adds nothing, still brings derived data up to date
  EXPECT_EQ(again["summary"]["new"], 0);
  EXPECT_TRUE(std::filesystem::exists(archive_ + "/index"));
}

TEST_F(IngestCliTest, UnwritableArchiveIsAnIOError) {
  std::string file = tmp_.Write("plain-file", "x");
  auto r = RunMalaf("--archive " + file + "/archive ingest --json " + tmp_ / "in");
  EXPECT_EQ(r.exit_code, 1);
  json j = json::parse(r.out);
  EXPECT_EQ(j["error"]["code"], "io_error");
  EXPECT_NE(j["error"]["message"].get<std::string>().find(file + "/archive"), std::string::npos);
}

TEST_F(IngestCliTest, ArchiveInsideTheInputIsSkipped) {
  std::string inner = tmp_ / "in/archive";
  auto r1 = RunMalaf("--archive " + inner + " ingest --json " + tmp_ / "in");
  ASSERT_EQ(r1.exit_code, 0) << r1.out;
  auto r2 = RunMalaf("--archive " + inner + " ingest --json " + tmp_ / "in");
  ASSERT_EQ(r2.exit_code, 0) << r2.out;
  EXPECT_EQ(json::parse(r2.out)["summary"]["files"], 2);
}

TEST_F(IngestCliTest, ParallelAndSerialExtractionStoreTheSame) {
  for (int i = 0; i < 12; ++i)
    tmp_.Write("many/f" + std::to_string(i) + ".jsonl",
               "{\"title\": \"عنوان " + std::to_string(i) + "\", \"body\": \"نص " + std::to_string(i) + "\"}\n");
  auto serial = RunMalaf("--archive " + tmp_ / "a1" + " ingest --json --jobs 1 " + tmp_ / "many");
  auto parallel = RunMalaf("--archive " + tmp_ / "a2" + " ingest --json --jobs 4 " + tmp_ / "many");
  ASSERT_EQ(serial.exit_code, 0);
  ASSERT_EQ(parallel.exit_code, 0);
  json s = json::parse(serial.out), p = json::parse(parallel.out);
  ASSERT_EQ(s["articles"].size(), 12u);
  ASSERT_EQ(p["articles"].size(), 12u);
  for (size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(s["articles"][i]["id"], p["articles"][i]["id"]);
    EXPECT_EQ(s["articles"][i]["sources"][0]["path"], p["articles"][i]["sources"][0]["path"]);
  }
}

// The seed corpus: a compiled dossier of 26 articles and two pages.
TEST(IngestSeedsTest, SeedDossierAndPages) {
  const std::string seeds = std::string(MALAF_SHARED_CORPUS) + "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "corpus absent: " << seeds;
  TempDir tmp;
  std::string archive = tmp / "archive";
  auto r = RunMalaf("--archive " + archive + " ingest --json " + seeds);
  ASSERT_EQ(r.exit_code, 0) << r.out.substr(0, 2000);
  json j = json::parse(r.out);
  EXPECT_EQ(j["errors"], json::array());
  EXPECT_EQ(j["summary"]["files"], 3);
  // Every dossier section is stored (sections carrying the same text share
  // one article and list each section as a source).
  std::map<std::string, int> sections_by_format;
  for (const auto& a : j["articles"]) {
    EXPECT_FALSE(a["title"].get<std::string>().empty()) << a["id"];
    EXPECT_FALSE(a["body"].get<std::string>().empty()) << a["id"];
    for (const auto& s : a["sources"]) ++sections_by_format[s["format"].get<std::string>()];
  }
  EXPECT_EQ(sections_by_format["dossier"], 26);
  EXPECT_EQ(j["summary"]["articles"], 28);
  auto again = RunMalaf("--archive " + archive + " ingest --json " + seeds);
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(json::parse(again.out)["summary"]["new"], 0);
  EXPECT_EQ(json::parse(again.out)["summary"]["gained_source"], 0);
  auto list = RunMalaf("--archive " + archive + " articles --json --limit 0");
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_EQ(json::parse(list.out)["total"], j["articles"].size());
}

}  // namespace
}  // namespace malaf
