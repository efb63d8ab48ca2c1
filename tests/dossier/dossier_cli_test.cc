// `malaf dossier` through the real binary: the text dossier reads back as
// the same articles (round trip), and the PDF renders to pages.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "../cli/run_command.h"
#include "../store/temp_dir.h"

namespace malaf {
namespace {

using nlohmann::json;
using testing::RunMalaf;
using testing::TempDir;

// outlet | title | date (to the minute when known) of each article.
std::multiset<std::string> Keys(const json& articles) {
  std::multiset<std::string> keys;
  for (const auto& a : articles) {
    std::string published = a["published"].is_string() ? a["published"].get<std::string>() : "";
    keys.insert(a["outlet"].get<std::string>() + " | " + a["title"].get<std::string>() + " | " +
                published.substr(0, 16));
  }
  return keys;
}

// Ingests `input`, writes a text dossier of every article, reads it back
// with `malaf extract`, and compares outlets, headlines and dates.
void ExpectRoundTrip(const std::string& input) {
  TempDir tmp;
  std::string archive = tmp / "archive";
  ASSERT_EQ(RunMalaf("--archive " + archive + " ingest " + input).exit_code, 0);
  auto listed = RunMalaf("--archive " + archive + " articles --json --limit 0");
  ASSERT_EQ(listed.exit_code, 0);
  json stored = json::parse(listed.out)["articles"];
  ASSERT_GT(stored.size(), 1u);
  std::string ids;
  for (const auto& a : stored) ids += (ids.empty() ? "" : ",") + a["id"].get<std::string>();
  std::string out = tmp / "dossier.txt";
  auto made = RunMalaf("--archive " + archive + " dossier --ids " + ids +
                       " --title 'ملف الاختبار' --preparer 'malaf' --date 2031-03-16 --format text -o " + out);
  ASSERT_EQ(made.exit_code, 0);
  auto back = RunMalaf("extract --json --format dossier " + out);
  ASSERT_EQ(back.exit_code, 0) << back.out;
  json reread = json::parse(back.out)["articles"];
  EXPECT_EQ(reread.size(), stored.size());
  EXPECT_EQ(Keys(reread), Keys(stored));
}

TEST(DossierCliTest, TextDossierReadsBackAsTheSameArticles) {
  ExpectRoundTrip(std::string(MALAF_SOURCE_DIR) + "/examples");
}

TEST(DossierCliTest, SeedDossierSurvivesTheRoundTrip) {
  std::string seed = std::string(MALAF_SHARED_CORPUS) + "/seeds/dossier-geneva-2016-08.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no shared corpus at " << MALAF_SHARED_CORPUS;
  ExpectRoundTrip(seed);
}

TEST(DossierCliTest, PdfRendersOnePageOrMorePerArticle) {
  if (!std::filesystem::exists("/usr/bin/chromium") || !std::filesystem::exists("/usr/bin/pdftoppm"))
    GTEST_SKIP() << "needs Debian's chromium and poppler-utils (make deps installs them)";
  TempDir tmp;
  std::string archive = tmp / "archive";
  ASSERT_EQ(RunMalaf("--archive " + archive + " ingest " + std::string(MALAF_SOURCE_DIR) + "/examples").exit_code, 0);
  json stored = json::parse(RunMalaf("--archive " + archive + " articles --json --limit 3").out)["articles"];
  ASSERT_EQ(stored.size(), 3u);
  std::string ids;
  for (const auto& a : stored) ids += (ids.empty() ? "" : ",") + a["id"].get<std::string>();
  std::string pdf = tmp / "dossier.pdf";
  ASSERT_EQ(RunMalaf("--archive " + archive + " dossier --ids " + ids + " --format pdf -o " + pdf).exit_code, 0);
  std::string pages = tmp / "page";
  ASSERT_EQ(std::system(("pdftoppm -r 20 -png " + pdf + " " + pages).c_str()), 0);
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
    if (e.path().filename().string().rfind("page", 0) == 0) ++n;
  // Header and contents on the first page, then every article on a page of its own.
  EXPECT_GE(n, 4u);
  EXPECT_LE(n, 12u);
}

TEST(DossierCliTest, UsageErrors) {
  EXPECT_EQ(RunMalaf("dossier --format text").exit_code, 2);  // no source
  EXPECT_EQ(RunMalaf("dossier --ids a --story b --format text").exit_code, 2);
  EXPECT_EQ(RunMalaf("dossier --ids a --format docx").exit_code, 2);
}

}  // namespace
}  // namespace malaf
