// SaudiNewsNet: MinHash/LSH copy groups against the exact all-pairs
// reference (tests/stories/exact_reference.h), and stories against the
// hand-judged sample in tests/stories/gold/saudinewsnet_judged.tsv.
// Skipped when ../shared/corpus is absent.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "base/hash.h"
#include "exact_reference.h"
#include "saudi_corpus.h"
#include "stories/shingles.h"
#include "stories/story_builder.h"

namespace malaf::stories {
namespace {

TEST(SaudiNewsNet, CopyGroupsAgreeWithTheExactReference) {
  auto articles = testing::LoadSaudiCorpus(3);  // three days keep the test short
  if (articles.empty()) GTEST_SKIP() << "corpus absent at " << testing::SaudiCorpusDir();
  MinHashOptions mo;
  std::vector<std::vector<uint64_t>> sets;
  std::vector<Signature> sigs;
  std::vector<CopyInfo> info;
  for (const auto& a : articles) {
    sets.push_back(ArticleShingles(a.title, a.body, mo.shingle_words));
    sigs.push_back(ComputeSignature(sets.back(), mo));
  }
  for (const auto& a : articles) info.push_back({a.id, a.published, a.body.size()});
  auto groups = FindDuplicateGroups(sigs, info, mo, 2);
  DisjointSets ds(articles.size());
  for (const auto& p : testing::ExactCopyPairs(sets, mo.threshold, mo.containment_floor, mo.containment))
    ds.Union(p.a, p.b);
  std::map<uint32_t, std::vector<uint32_t>> comps;
  for (uint32_t i = 0; i < articles.size(); ++i) comps[ds.Find(i)].push_back(i);
  std::vector<std::vector<uint32_t>> gold, pred;
  for (auto& [r, m] : comps)
    if (m.size() > 1) gold.push_back(m);
  for (const auto& g : groups) pred.push_back(g.members);
  auto s = testing::ScorePairs(testing::PairsOfGroups(pred), testing::PairsOfGroups(gold));
  std::printf("%zu articles: copy pairs precision %.4f recall %.4f F1 %.4f\n", articles.size(), s.precision,
              s.recall, s.f1);
  EXPECT_GE(s.f1, 0.9);
  // Canonical copies come first.
  for (const auto& g : groups)
    for (size_t k = 1; k < g.members.size(); ++k)
      EXPECT_FALSE(CanonicalBefore(info[g.members[k]], info[g.members[0]]));
}

TEST(SaudiNewsNet, StoriesAgreeWithTheJudgedSample) {
  auto articles = testing::LoadSaudiCorpus();
  if (articles.empty()) GTEST_SKIP() << "corpus absent at " << testing::SaudiCorpusDir();
  StoryOptions so;
  std::vector<ArticleRecord> recs(articles.size());
  auto work = [&](size_t from) {
    for (size_t i = from; i < articles.size(); i += 2) recs[i] = MakeRecord(articles[i], so);
  };
  std::thread t(work, 1);
  work(0);
  t.join();
  auto built = BuildStories(recs, so, 2);
  std::map<std::string, uint32_t> index;
  for (uint32_t i = 0; i < articles.size(); ++i)
    index[articles[i].outlet + ":" + Hex64(Hash64(articles[i].url)).substr(0, 12)] = i;
  std::ifstream in(std::string(MALAF_SOURCE_DIR) + "/tests/stories/gold/saudinewsnet_judged.tsv");
  ASSERT_TRUE(in.good());
  std::string line;
  double p = 0, r = 0;
  size_t items = 0, unjudged = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string q, tok;
    ls >> q;
    ASSERT_TRUE(index.count(q)) << q;
    uint32_t qi = index[q];
    std::set<uint32_t> same{qi}, other;
    std::set<uint32_t>* into = nullptr;
    while (ls >> tok) {
      if (tok == "same:") into = &same;
      else if (tok == "other:") into = &other;
      else if (into && index.count(tok)) into->insert(index[tok]);
    }
    size_t both = 0, pred = 0;
    for (uint32_t i = 0; i < articles.size(); ++i) {
      if (built.story_of[i] != built.story_of[qi]) continue;
      ++pred;
      if (same.count(i)) ++both;
      else if (!other.count(i)) ++unjudged;
    }
    p += double(both) / pred;
    r += double(both) / same.size();
    ++items;
  }
  p /= items;
  r /= items;
  double f1 = 2 * p * r / (p + r);
  std::printf("B-cubed on %zu judged articles: precision %.4f recall %.4f F1 %.4f (unjudged members %zu)\n", items,
              p, r, f1, unjudged);
  EXPECT_EQ(items, 50u);
  EXPECT_GE(f1, 0.95);
}

}  // namespace
}  // namespace malaf::stories
