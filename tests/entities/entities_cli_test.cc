// The entities, quotes and timeline commands on a small archive of our own
// invented articles, run through the real `malaf` binary.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../cli/run_command.h"

namespace {

using malaf::testing::RunMalaf;
namespace fs = std::filesystem;

class EntitiesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("malaf-entities-cli-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    Write("a.txt",
          "الجبير يبحث مع إيرولت الأزمة اليمنية\n\n"
          "التقى وزير الخارجية السعودي عادل الجبير نظيره الفرنسي جان مارك إيرولت في الرياض أمس.\n\n"
          "وقال الجبير: «بحثنا سبل تعزيز التعاون بين البلدين في كل المجالات».\n\n"
          "وأضاف إيرولت أن \"فرنسا تدعم الحل السياسي في اليمن دون أي تأخير\".\n");
    Write("b.txt",
          "أمير منطقة عسير يفتتح مهرجان أبها\n\n"
          "افتتح أمير منطقة عسير الأمير فيصل بن خالد بن عبدالعزيز مهرجان أبها السياحي مساء أمس.\n\n"
          "وقال مدير المهرجان سعد آل مشيط إن \"المهرجان يستقبل الزوار من كل مناطق المملكة\".\n");
    archive_ = (dir_ / "archive").string();
    auto r = RunMalaf("--archive " + archive_ + " ingest " + (dir_ / "in").string());
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / "in" / name) << text; }
  nlohmann::json Json(const std::string& args, int expect_exit = 0) {
    auto r = RunMalaf("--archive " + archive_ + " " + args);
    EXPECT_EQ(r.exit_code, expect_exit) << args << "\n" << r.out;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  fs::path dir_;
  std::string archive_;
};

TEST_F(EntitiesCliTest, EntitiesListsPeopleWithSpellingsRolesAndCounts) {
  auto j = Json("entities --json --type person");
  ASSERT_TRUE(j.contains("entities")) << j.dump();
  bool jubeir = false;
  for (const auto& e : j["entities"]) {
    EXPECT_EQ(e["type"], "person");
    if (e["name"] == "عادل الجبير") {
      jubeir = true;
      EXPECT_EQ(e["articles"], 1);
      EXPECT_EQ(e["roles"][0], "وزير الخارجية السعودي");
      bool surname = false;
      for (const auto& s : e["surfaces"]) surname = surname || s == "الجبير";
      EXPECT_TRUE(surname) << e.dump();
    }
  }
  EXPECT_TRUE(jubeir) << j.dump();
  auto places = Json("entities --json --type place");
  bool abha = false;
  for (const auto& e : places["entities"]) abha = abha || e["name"] == "أبها";
  EXPECT_TRUE(abha) << places.dump();
}

TEST_F(EntitiesCliTest, QuotesFilteredBySpeakerSpelling) {
  auto all = Json("quotes --json");
  ASSERT_GE(all["quotes"].size(), 3u) << all.dump();
  auto j = Json("quotes --json --speaker الجبير");
  ASSERT_EQ(j["quotes"].size(), 1u) << j.dump();
  EXPECT_EQ(j["quotes"][0]["speaker"]["name"], "عادل الجبير");
  EXPECT_FALSE(j["quotes"][0]["article"].get<std::string>().empty());
  auto k = Json("quotes --json --speaker \"جان مارك ايرولت\"");
  EXPECT_EQ(k["quotes"].size(), 1u) << k.dump();
}

TEST_F(EntitiesCliTest, TimelineHasDateOrderedEntriesWithParticipantsAndQuotes) {
  auto j = Json("timeline --json");
  ASSERT_TRUE(j.contains("entries")) << j.dump();
  ASSERT_GE(j["entries"].size(), 1u);
  bool quoted = false;
  for (const auto& e : j["entries"]) {
    for (const char* k : {"date", "place", "story", "title", "participants", "quotes"}) EXPECT_TRUE(e.contains(k)) << k;
    quoted = quoted || !e["quotes"].empty();
  }
  EXPECT_TRUE(quoted) << j.dump();
  auto f = Json("timeline --json --entity \"فيصل بن خالد بن عبدالعزيز\"");
  ASSERT_EQ(f["entries"].size(), 1u) << f.dump();
  auto none = Json("timeline --json --entity \"اسم لا يرد\"");
  EXPECT_TRUE(none["entries"].empty());
}

TEST(EntitiesCliErrorsTest, MissingArchiveFails) {
  auto r = RunMalaf("--archive /nonexistent/malaf-archive entities --json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("not_found"), std::string::npos) << r.out;
  auto u = RunMalaf("--archive /nonexistent/malaf-archive entities --type city");
  EXPECT_EQ(u.exit_code, 2);
}

}  // namespace
