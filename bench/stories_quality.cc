// Quality of near-duplicate detection and story clustering on SaudiNewsNet:
// MinHash/LSH duplicate groups against the exact all-pairs reference
// (tests/stories/exact_reference.h), and stories against the story gold in
// tests/stories/gold/. Prints a markdown table.
//   stories_quality [--words N] [--threshold J] [--bands B --rows R] [--histogram]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "exact_reference.h"
#include "saudi_corpus.h"
#include "stories/duplicates.h"
#include "stories/minhash.h"
#include "stories/shingles.h"

using namespace malaf;

namespace {
double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

int main(int argc, char** argv) {
  stories::MinHashOptions mo;
  bool histogram = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? argv[++i] : "0"; };
    if (a == "--words") mo.shingle_words = std::atoi(next());
    else if (a == "--threshold") mo.threshold = std::atof(next());
    else if (a == "--floor") mo.containment_floor = std::atof(next());
    else if (a == "--containment") mo.containment = std::atof(next());
    else if (a == "--bands") mo.bands = std::atoi(next());
    else if (a == "--rows") mo.rows = std::atoi(next());
    else if (a == "--hashes") mo.hashes = std::atoi(next());
    else if (a == "--histogram") histogram = true;
  }
  double t0 = Now();
  auto articles = testing::LoadSaudiCorpus();
  if (articles.empty()) {
    std::fprintf(stderr, "stories_quality: no corpus at %s\n", testing::SaudiCorpusDir().c_str());
    return 1;
  }
  double t1 = Now();
  std::vector<std::vector<uint64_t>> sets(articles.size());
  std::vector<stories::Signature> sigs(articles.size());
  auto work = [&](size_t from, size_t step) {
    for (size_t i = from; i < articles.size(); i += step) {
      sets[i] = stories::ArticleShingles(articles[i].title, articles[i].body, mo.shingle_words);
      sigs[i] = stories::ComputeSignature(sets[i], mo);
    }
  };
  std::thread t(work, 1, 2);
  work(0, 2);
  t.join();
  double t2 = Now();
  std::vector<stories::CopyInfo> info;
  for (const auto& a : articles) info.push_back({a.id, a.published, a.body.size()});
  auto groups = stories::FindDuplicateGroups(sigs, info, mo, 2);
  double t3 = Now();
  auto exact = histogram ? testing::ExactPairsAbove(sets, 0.1)
                         : testing::ExactCopyPairs(sets, mo.threshold, mo.containment_floor, mo.containment);
  double t4 = Now();
  if (histogram) {
    std::map<int, int> h;
    for (const auto& p : exact) ++h[int(p.jaccard * 20)];
    for (auto [b, c] : h) std::printf("J in [%.2f,%.2f): %d pairs\n", b / 20.0, (b + 1) / 20.0, c);
  }
  // Gold: components of the exact copy graph.
  stories::DisjointSets ds(articles.size());
  std::vector<std::pair<uint32_t, uint32_t>> above;
  for (const auto& p : exact)
    if (!histogram) {
      ds.Union(p.a, p.b);
      above.emplace_back(p.a, p.b);
    }
  std::map<uint32_t, std::vector<uint32_t>> comps;
  for (uint32_t i = 0; i < articles.size(); ++i) comps[ds.Find(i)].push_back(i);
  std::vector<std::vector<uint32_t>> gold_groups, pred_groups;
  for (auto& [r, m] : comps)
    if (m.size() > 1) gold_groups.push_back(m);
  for (const auto& g : groups) pred_groups.push_back(g.members);
  auto pred_pairs = testing::PairsOfGroups(pred_groups);
  auto s = testing::ScorePairs(pred_pairs, testing::PairsOfGroups(gold_groups));
  auto s_edges = testing::ScorePairs(pred_pairs, above);
  std::printf("articles %zu, load %.1f s, shingles+signatures %.2f s, LSH+groups %.2f s, exact reference %.1f s\n",
              articles.size(), t1 - t0, t2 - t1, t3 - t2, t4 - t3);
  std::printf("words=%d threshold=%.2f floor=%.2f containment=%.2f hashes=%d bands=%d rows=%d\n",
              mo.shingle_words, mo.threshold, mo.containment_floor, mo.containment, mo.hashes, mo.bands, mo.rows);
  std::printf("| measure | precision | recall | F1 | predicted pairs | gold pairs |\n|---|---|---|---|---|---|\n");
  std::printf("| duplicate pairs vs exact components | %.4f | %.4f | %.4f | %zu | %zu |\n", s.precision, s.recall,
              s.f1, s.predicted, s.gold);
  std::printf("| exact copy pairs found in one group | - | %.4f | - | - | %zu |\n", s_edges.recall,
              s_edges.gold);
  std::printf("groups: predicted %zu, exact %zu\n", pred_groups.size(), gold_groups.size());
  return 0;
}
