#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_command.h"

namespace malaf {
using testing::RunMalaf;

TEST(CliTest, VersionAndHelp) {
  auto v = RunMalaf("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("malaf"), std::string::npos);
  EXPECT_EQ(RunMalaf("--help").exit_code, 0);
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunMalaf("").exit_code, 2);
  EXPECT_EQ(RunMalaf("no-such-command").exit_code, 2);
  EXPECT_EQ(RunMalaf("analyze --no-such-flag").exit_code, 2);
}

TEST(CliTest, MissingFileExitsOne) {
  EXPECT_EQ(RunMalaf("analyze /nonexistent/file.txt").exit_code, 1);
}

TEST(CliTest, AnalyzeJsonFromStdin) {
  auto r = RunMalaf("analyze --json -", "قالَ كيرى في جنيف");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["tokens"].size(), 4u);
  EXPECT_EQ(j["tokens"][0]["text"], "قال");  // harakat removed in display text
  EXPECT_EQ(j["tokens"][1]["normalized"], "كيري");  // ى -> ي in the search key
  EXPECT_EQ(j["tokens"][1]["start"], 7);
}

}  // namespace malaf
