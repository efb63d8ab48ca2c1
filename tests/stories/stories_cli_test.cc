// The malaf binary on the seed documents: stories and copies against the
// hand-made gold in tests/stories/gold/seeds.tsv, the same stories whatever
// the order of ingestion, and incremental updates equal to a rebuild.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "cli/run_command.h"
#include "exact_reference.h"
#include "text/normalizer.h"

namespace malaf {
namespace {

using nlohmann::json;
using testing::RunMalaf;

const std::string kSeeds = std::string(MALAF_SHARED_CORPUS) + "/seeds/";

class Archive {
 public:
  Archive() {
    char name[] = "/tmp/malaf-stories-cli-XXXXXX";
    path_ = mkdtemp(name) ? name : "";
  }
  ~Archive() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  json Run(const std::string& args, int* code = nullptr) const {
    auto r = RunMalaf("--archive " + path_ + "/a " + args);
    if (code) *code = r.exit_code;
    return json::parse(r.out, nullptr, false);
  }
  int Ingest(const std::string& files) const {
    return RunMalaf("--archive " + path_ + "/a ingest " + files).exit_code;
  }

 private:
  std::string path_;
};

struct Gold {
  std::map<std::string, std::string> story_of;             // key -> label
  std::vector<std::vector<std::string>> copies;            // groups of keys
};

Gold ReadGold() {
  Gold g;
  std::ifstream in(std::string(MALAF_SOURCE_DIR) + "/tests/stories/gold/seeds.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string kind, label, tok;
    ls >> kind >> label;
    std::vector<std::string> keys;
    while (ls >> tok) keys.push_back(tok.substr(0, tok.find(':')));
    if (kind == "story")
      for (const auto& k : keys) g.story_of[k] = label;
    if (kind == "copies") g.copies.push_back(keys);
  }
  return g;
}

std::string TitleKey(const std::string& title) {
  return Hex64(Hash64(text::SearchKey(title))).substr(0, 12);
}

bool SeedsPresent() { return std::filesystem::exists(kSeeds + "dossier-geneva-2016-08.txt"); }

std::string SeedFiles() {
  return kSeeds + "dossier-geneva-2016-08.txt " + kSeeds + "page-geneva-2016-08.txt " + kSeeds +
         "page-moscow-2016-03.txt";
}

TEST(StoriesCli, SeedStoriesAndCopiesAgainstGold) {
  if (!SeedsPresent()) GTEST_SKIP() << "seed corpus absent at " << kSeeds;
  Gold gold = ReadGold();
  ASSERT_EQ(gold.story_of.size(), 28u);
  Archive ar;
  ASSERT_EQ(ar.Ingest(SeedFiles()), 0);
  json arts = ar.Run("articles --json --limit 0");
  ASSERT_TRUE(arts.contains("articles"));
  std::map<std::string, std::string> key_of;  // id -> gold key
  for (const auto& a : arts["articles"]) key_of[a["id"]] = TitleKey(a["title"]);
  ASSERT_EQ(key_of.size(), 28u);
  size_t unknown = 0;
  for (const auto& [id, k] : key_of) unknown += !gold.story_of.count(k);
  ASSERT_EQ(unknown, 0u) << "titles changed: regenerate the keys of tests/stories/gold/seeds.tsv";

  // Copies: pairwise precision/recall against the gold groups.
  json dups = ar.Run("duplicates --json");
  ASSERT_TRUE(dups.contains("groups"));
  std::map<std::string, uint32_t> index;
  auto idx = [&](const std::string& k) { return index.emplace(k, index.size()).first->second; };
  std::vector<std::vector<uint32_t>> pred, truth;
  for (const auto& g : dups["groups"]) {
    std::vector<uint32_t> m;
    for (const auto& id : g) m.push_back(idx(key_of[id]));
    pred.push_back(m);
  }
  for (const auto& g : gold.copies) {
    std::vector<uint32_t> m;
    for (const auto& k : g) m.push_back(idx(k));
    truth.push_back(m);
  }
  auto ps = testing::ScorePairs(testing::PairsOfGroups(pred), testing::PairsOfGroups(truth));
  std::printf("seed copies: precision %.3f recall %.3f F1 %.3f (%zu predicted, %zu gold pairs)\n", ps.precision,
              ps.recall, ps.f1, ps.predicted, ps.gold);
  EXPECT_EQ(ps.precision, 1.0);
  EXPECT_GE(ps.recall, 0.75);  // the rewrite by بيروت برس is below the copy rule

  // Stories: B-cubed against the gold, and copies folded into their story.
  json st = ar.Run("stories --json");
  ASSERT_TRUE(st.contains("stories"));
  std::map<std::string, uint32_t> label_of;
  std::vector<uint32_t> p_label, g_label;
  std::set<std::string> seen;
  uint32_t s_no = 0;
  for (const auto& s : st["stories"]) {
    for (const auto& id : s["articles"]) {
      const std::string& k = key_of[id];
      seen.insert(id);
      p_label.push_back(s_no);
      g_label.push_back(label_of.emplace(gold.story_of[k], label_of.size()).first->second);
    }
    for (const auto& g : s["duplicates"])
      for (const auto& id : g) EXPECT_TRUE(std::find(s["articles"].begin(), s["articles"].end(), id) != s["articles"].end());
    EXPECT_FALSE(s["title"].get<std::string>().empty());
    ++s_no;
  }
  EXPECT_EQ(seen.size(), 28u);  // every article in exactly one story
  auto b = testing::ScoreBCubed(p_label, g_label);
  std::printf("seed stories: %u stories, B-cubed precision %.3f recall %.3f F1 %.3f\n", s_no, b.precision, b.recall,
              b.f1);
  EXPECT_EQ(b.precision, 1.0);  // the March Moscow meeting is never merged in
  EXPECT_GE(b.f1, 0.6);

  // One story by id, in JSON and text.
  std::string first = st["stories"][0]["id"];
  int code = -1;
  json one = ar.Run("story --json " + first.substr(0, 6), &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(one["id"], first);
  EXPECT_EQ(one["articles"], st["stories"][0]["articles"]);
  auto text = RunMalaf("--archive " + std::string() + "/nonexistent story abcd");
  EXPECT_NE(text.exit_code, 0);
}

TEST(StoriesCli, SameStoriesWhateverTheIngestOrderAndIncrementalEqualsRebuild) {
  if (!SeedsPresent()) GTEST_SKIP() << "seed corpus absent at " << kSeeds;
  Archive forward, backward;
  ASSERT_EQ(forward.Ingest(kSeeds + "dossier-geneva-2016-08.txt"), 0);
  json partial = forward.Run("stories --json");  // first update: batch of the dossier
  ASSERT_TRUE(partial.contains("stories"));
  ASSERT_EQ(forward.Ingest(kSeeds + "page-geneva-2016-08.txt " + kSeeds + "page-moscow-2016-03.txt"), 0);
  json incremental = forward.Run("stories --json");
  json rebuilt = forward.Run("stories --json --rebuild");
  ASSERT_EQ(backward.Ingest(kSeeds + "page-moscow-2016-03.txt " + kSeeds + "page-geneva-2016-08.txt " + kSeeds +
                            "dossier-geneva-2016-08.txt"),
            0);
  json other_order = backward.Run("stories --json");
  EXPECT_EQ(rebuilt, other_order);
  EXPECT_EQ(incremental, rebuilt);
  json d1 = forward.Run("duplicates --json"), d2 = backward.Run("duplicates --json");
  EXPECT_EQ(d1, d2);
}

TEST(StoriesCli, Errors) {
  Archive ar;
  int code = 0;
  json e = ar.Run("stories --json", &code);  // no archive yet
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(e.contains("error"));
}

}  // namespace
}  // namespace malaf
