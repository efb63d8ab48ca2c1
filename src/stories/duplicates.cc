#include "stories/duplicates.h"

#include <algorithm>
#include <numeric>
#include <thread>
#include <utility>

namespace malaf::stories {

bool CanonicalBefore(const CopyInfo& a, const CopyInfo& b) {
  bool ka = !a.published.empty(), kb = !b.published.empty();
  if (ka != kb) return ka;  // a known date comes first
  if (a.published != b.published) return a.published < b.published;
  if (a.length != b.length) return a.length > b.length;
  return a.id < b.id;
}

DisjointSets::DisjointSets(size_t n) : parent_(n), rank_(n, 0) {
  std::iota(parent_.begin(), parent_.end(), 0u);
}

uint32_t DisjointSets::Find(uint32_t x) {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];
    x = parent_[x];
  }
  return x;
}

bool DisjointSets::Union(uint32_t a, uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return false;
  if (rank_[a] < rank_[b]) std::swap(a, b);
  parent_[b] = a;
  if (rank_[a] == rank_[b]) ++rank_[a];
  return true;
}

std::vector<DuplicateGroup> FindDuplicateGroups(const std::vector<Signature>& sigs,
                                                const std::vector<CopyInfo>& info,
                                                const MinHashOptions& options, int threads) {
  std::vector<const Signature*> ptrs;
  ptrs.reserve(sigs.size());
  for (const auto& s : sigs) ptrs.push_back(&s);
  return FindDuplicateGroups(ptrs, info, options, threads);
}

std::vector<DuplicateGroup> FindDuplicateGroups(const std::vector<const Signature*>& sigp,
                                                const std::vector<CopyInfo>& info,
                                                const MinHashOptions& options, int threads) {
  const size_t n = sigp.size();
  DisjointSets sets(n);
  // Band keys are computed band by band while sorting (keeping all of them
  // would cost n * bands * 8 bytes: 512 MB at a million articles).
  const int bands = options.bands;
  std::vector<uint8_t> has(n, 0);
  for (size_t i = 0; i < n; ++i)
    has[i] = !sigp[i]->empty() && sigp[i]->mins.size() >= static_cast<size_t>(bands * options.rows);
  struct Ref {
    const std::vector<const Signature*>& p;
    const Signature& operator[](size_t i) const { return *p[i]; }
  } sigs{sigp};
  // Sort bands in parallel (two at a time with two threads), then join the
  // candidates of each band in band order so that the result is deterministic.
  threads = std::max(1, threads);
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> sorted(threads);
  auto sort_band = [&](int band, std::vector<std::pair<uint64_t, uint32_t>>& out) {
    out.clear();
    for (size_t i = 0; i < n; ++i)
      if (has[i]) out.emplace_back(BandKey(sigs[i], band, options), static_cast<uint32_t>(i));
    std::sort(out.begin(), out.end());
  };
  for (int band0 = 0; band0 < bands; band0 += threads) {
    int batch = std::min(threads, bands - band0);
    std::vector<std::thread> workers;
    for (int t = 1; t < batch; ++t) workers.emplace_back(sort_band, band0 + t, std::ref(sorted[t]));
    sort_band(band0, sorted[0]);
    for (auto& w : workers) w.join();
    for (int t = 0; t < batch; ++t) {
      const auto& v = sorted[t];
      for (size_t s = 0; s < v.size();) {
        size_t e = s + 1;
        while (e < v.size() && v[e].first == v[s].first) ++e;
        for (size_t j = s + 1; j < e; ++j) {
          size_t from = j > s + kBucketWindow ? j - kBucketWindow : s;
          for (size_t i = from; i < j; ++i) {
            uint32_t a = v[i].second, b = v[j].second;
            if (sets.Find(a) == sets.Find(b)) continue;
            if (IsCopy(sigs[a], sigs[b], options)) sets.Union(a, b);
          }
        }
        s = e;
      }
    }
  }
  // Collect components of size >= 2.
  std::vector<std::vector<uint32_t>> by_root(n);
  for (size_t i = 0; i < n; ++i)
    if (has[i]) by_root[sets.Find(static_cast<uint32_t>(i))].push_back(static_cast<uint32_t>(i));
  std::vector<DuplicateGroup> groups;
  for (auto& members : by_root) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end(),
              [&](uint32_t a, uint32_t b) { return CanonicalBefore(info[a], info[b]); });
    DuplicateGroup g;
    g.members = std::move(members);
    for (uint32_t m : g.members)
      g.similarity.push_back(static_cast<float>(EstimateJaccard(sigs[g.members[0]], sigs[m])));
    groups.push_back(std::move(g));
  }
  std::sort(groups.begin(), groups.end(), [&](const DuplicateGroup& a, const DuplicateGroup& b) {
    return CanonicalBefore(info[a.members[0]], info[b.members[0]]);
  });
  return groups;
}

}  // namespace malaf::stories
