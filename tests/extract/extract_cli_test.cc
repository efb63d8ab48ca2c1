// `malaf extract` driven as a user drives it: files, stdin, --json, errors
// on stderr, exit codes.
#include <sys/wait.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace malaf {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `malaf ARGS` with stdout and stderr captured separately.
CliRun Malaf(const std::string& args, const std::string& stdin_path = "") {
  std::string err_path = std::filesystem::temp_directory_path() / ("malaf-extract-err-" + std::to_string(::getpid()));
  std::string cmd = std::string(MALAF_BINARY) + " " + args + " 2>" + err_path;
  if (!stdin_path.empty()) cmd += " <" + stdin_path;
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream e(err_path);
  r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
  std::remove(err_path.c_str());
  return r;
}

std::string Example(const std::string& name) { return std::string(MALAF_SOURCE_DIR) + "/examples/" + name; }

std::string TempFile(const std::string& name, const std::string& bytes) {
  std::string path = std::filesystem::temp_directory_path() / ("malaf-extract-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(ExtractCliTest, EveryExampleFormat) {
  struct Case {
    const char* file;
    const char* format;
    size_t articles;
  };
  const Case cases[] = {
      {"dossier-water-2031-03.txt", "dossier", 7}, {"page-water-summit.html", "html", 1},
      {"page-dam-visit-cp1256.html", "html", 1},   {"feed-rafid.rss", "rss", 3},
      {"feed-madar.atom", "atom", 2},              {"export-sahl.jsonl", "jsonl", 3},
  };
  for (const auto& c : cases) {
    CliRun r = Malaf("extract --json " + Example(c.file));
    ASSERT_EQ(r.exit_code, 0) << c.file << ": " << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["articles"].size(), c.articles) << c.file;
    EXPECT_TRUE(j["errors"].empty()) << c.file;
    for (const auto& a : j["articles"]) {
      for (const char* field : {"title", "outlet", "url", "published", "published_text", "dateline", "dateline_city",
                                "agencies", "authors", "body", "source"})
        EXPECT_TRUE(a.contains(field)) << c.file << " lacks " << field;
      EXPECT_EQ(a["source"]["format"], c.format) << c.file;
      EXPECT_EQ(a["source"]["path"], Example(c.file));
      EXPECT_FALSE(a["title"].get<std::string>().empty()) << c.file;
    }
  }
}

TEST(ExtractCliTest, DossierOutletsAndHeadlinesFromTheContents) {
  CliRun r = Malaf("extract --json " + Example("dossier-water-2031-03.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto a = nlohmann::json::parse(r.out)["articles"];
  ASSERT_EQ(a.size(), 7u);
  const std::pair<const char*, const char*> want[] = {
      {"صحيفة الرافد", "افتتاح قمة المياه في الواحة بحضور وزراء سبع دول"},
      {"موقع الضفة نت", "الوزير سالم: \"لن نترك قرية بلا ماء\""},
      {"وكالة أنباء السهل", "القمة تقر صندوقا مشتركا لحفر الآبار"},
      {"قناة المدار", "خبراء: الجفاف دورة مناخية وليس أزمة عابرة"},
      {"المرصد", "\"نور الدين\": الاتفاق خطوة أولى تحتاج إلى تمويل"},
      {"صحيفة الرافد", "مزارعو الوادي يتظاهرون أمام مقر القمة"},
      {"نشرة المساء", "حملة أهلية لشراء صهاريج المياه"},
  };
  for (size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(a[i]["outlet"], want[i].first) << i;
    EXPECT_EQ(a[i]["title"], want[i].second) << i;
    EXPECT_EQ(a[i]["source"]["index"], i);
  }
  // "منذ 5 ساعات" counts back from the dossier's date (14/3/2031), not now.
  EXPECT_EQ(a[3]["published"].get<std::string>().substr(0, 7), "2031-03") << a[3];
}

TEST(ExtractCliTest, ReferenceDateOverridesTheSource) {
  CliRun r = Malaf("extract --json --reference-date 2031-05-20T12:00 " + Example("dossier-water-2031-03.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto a = nlohmann::json::parse(r.out)["articles"];
  EXPECT_EQ(a[3]["published"].get<std::string>().substr(0, 10), "2031-05-20") << a[3];
}

TEST(ExtractCliTest, StdinAndFormatOverride) {
  CliRun r = Malaf("extract --json -", Example("feed-rafid.rss"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["articles"].size(), 3u);
  EXPECT_EQ(j["articles"][0]["source"]["path"], "-");
  r = Malaf("extract --json --format text " + Example("export-sahl.jsonl"));
  j = nlohmann::json::parse(r.out);
  for (const auto& a : j["articles"]) EXPECT_EQ(a["source"]["format"], "text");
}

TEST(ExtractCliTest, FieldMapping) {
  std::string path = TempFile("mapped.json", R"([{"unwan": "عنوان مخصص", "matn": "نص المقال المخصص هنا.", "link": "https://x.example/1"}])");
  CliRun r = Malaf("extract --json --field title=unwan --field body=matn " + path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto a = nlohmann::json::parse(r.out)["articles"][0];
  EXPECT_EQ(a["title"], "عنوان مخصص");
  EXPECT_EQ(a["body"], "نص المقال المخصص هنا.");
  EXPECT_EQ(a["url"], "https://x.example/1");
  std::remove(path.c_str());
}

TEST(ExtractCliTest, BadInputsAreReportedAndOthersGoOn) {
  std::string empty = TempFile("empty.txt", "");
  std::string binary = TempFile("binary.bin", std::string("\x00\x01\x02\x03garbage\x00\xff", 13));
  std::string truncated = TempFile("cut.json", "[{\"title\": \"أ\", \"body\": \"نص\"}, {\"title\": ");
  CliRun r = Malaf("extract --json " + empty + " " + Example("feed-madar.atom") + " " + binary + " /nonexistent/x.html " +
                truncated);
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["articles"].size(), 3u);  // the Atom feed's two, and the truncated export's first record
  ASSERT_EQ(j["errors"].size(), 4u);
  EXPECT_EQ(j["errors"][0]["path"], empty);
  EXPECT_EQ(j["errors"][1]["path"], binary);
  EXPECT_EQ(j["errors"][2]["path"], "/nonexistent/x.html");
  EXPECT_EQ(j["errors"][3]["path"], truncated);
  for (const auto& e : j["errors"]) EXPECT_FALSE(e["reason"].get<std::string>().empty());
  // One line per failed input on stderr, naming the file.
  size_t lines = 0;
  for (char c : r.err) lines += c == '\n';
  EXPECT_EQ(lines, 4u) << r.err;
  EXPECT_NE(r.err.find(binary), std::string::npos);
  for (const auto& p : {empty, binary, truncated}) std::remove(p.c_str());
}

TEST(ExtractCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Malaf("extract").exit_code, 2);
  EXPECT_EQ(Malaf("extract --format pdf " + Example("feed-rafid.rss")).exit_code, 2);
  EXPECT_EQ(Malaf("extract --field nonsense " + Example("feed-rafid.rss")).exit_code, 2);
  EXPECT_EQ(Malaf("extract --field colour=x " + Example("feed-rafid.rss")).exit_code, 2);
  EXPECT_EQ(Malaf("extract --reference-date someday " + Example("feed-rafid.rss")).exit_code, 2);
}

TEST(ExtractCliTest, ReadableText) {
  CliRun r = Malaf("extract " + Example("feed-rafid.rss"));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("1. صحيفة الرافد : مزارعو الوادي يتظاهرون أمام مقر القمة"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3. "), std::string::npos);
}

TEST(ExtractCliTest, SeedDossier) {
  std::string path = std::string(MALAF_SHARED_CORPUS) + "/seeds/dossier-geneva-2016-08.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus absent: " << path;
  CliRun r = Malaf("extract --json " + path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["articles"].size(), 26u);
}

}  // namespace
}  // namespace malaf
