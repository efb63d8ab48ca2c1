// ===================================================================
// REFERENCE IMPLEMENTATION, TESTS ONLY. NEVER USE IN PRODUCTION.
// Exact near-duplicate pairs: every pair of articles whose shingle sets have
// Jaccard >= threshold, computed exactly through an inverted index over
// shingles (no sampling, no hashing of sets). Quadratic in the size of
// the largest posting list; fine for tens of thousands of articles.
// ===================================================================
#pragma once

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace malaf::testing {

struct ExactPair {
  uint32_t a = 0, b = 0;  // a < b
  double jaccard = 0;
  double containment = 0;  // |A ∩ B| / min(|A|, |B|)
};

// REQUIRES: each set sorted unique.
inline std::vector<ExactPair> ExactPairsAbove(const std::vector<std::vector<uint64_t>>& sets, double threshold) {
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < sets.size(); ++i)
    for (uint64_t s : sets[i]) postings[s].push_back(i);
  std::vector<ExactPair> out;
  std::vector<uint32_t> count(sets.size(), 0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < sets.size(); ++i) {
    touched.clear();
    for (uint64_t s : sets[i]) {
      for (uint32_t j : postings[s]) {
        if (j <= i) continue;
        if (count[j]++ == 0) touched.push_back(j);
      }
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t j : touched) {
      double inter = count[j];
      double uni = static_cast<double>(sets[i].size() + sets[j].size()) - inter;
      double jac = uni > 0 ? inter / uni : 0;
      double small = static_cast<double>(std::min(sets[i].size(), sets[j].size()));
      if (jac >= threshold) out.push_back({i, j, jac, small > 0 ? inter / small : 0});
      count[j] = 0;
    }
  }
  return out;
}

// The copy rule of stories::IsCopy, exactly: J >= threshold, or
// J >= floor and C >= containment.
inline std::vector<ExactPair> ExactCopyPairs(const std::vector<std::vector<uint64_t>>& sets, double threshold,
                                             double floor, double containment) {
  std::vector<ExactPair> out;
  for (const auto& p : ExactPairsAbove(sets, std::min(threshold, floor)))
    if (p.jaccard >= threshold || (p.jaccard >= floor && p.containment >= containment)) out.push_back(p);
  return out;
}

// Pairwise precision/recall of predicted pairs against gold pairs; both as
// sorted (a < b) pair lists.
struct PairScores {
  double precision = 0, recall = 0, f1 = 0;
  size_t predicted = 0, gold = 0, correct = 0;
};

inline PairScores ScorePairs(std::vector<std::pair<uint32_t, uint32_t>> predicted,
                             std::vector<std::pair<uint32_t, uint32_t>> gold) {
  std::sort(predicted.begin(), predicted.end());
  predicted.erase(std::unique(predicted.begin(), predicted.end()), predicted.end());
  std::sort(gold.begin(), gold.end());
  gold.erase(std::unique(gold.begin(), gold.end()), gold.end());
  PairScores s;
  s.predicted = predicted.size();
  s.gold = gold.size();
  std::vector<std::pair<uint32_t, uint32_t>> both;
  std::set_intersection(predicted.begin(), predicted.end(), gold.begin(), gold.end(), std::back_inserter(both));
  s.correct = both.size();
  s.precision = s.predicted ? double(s.correct) / s.predicted : 1.0;
  s.recall = s.gold ? double(s.correct) / s.gold : 1.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

// B-cubed precision/recall of a clustering against a gold clustering, both
// given as one label per item.
struct BCubed {
  double precision = 0, recall = 0, f1 = 0;
};

inline BCubed ScoreBCubed(const std::vector<uint32_t>& predicted, const std::vector<uint32_t>& gold) {
  std::unordered_map<uint64_t, uint32_t> joint;
  std::unordered_map<uint32_t, uint32_t> psize, gsize;
  for (size_t i = 0; i < predicted.size(); ++i) {
    ++joint[(uint64_t(predicted[i]) << 32) | gold[i]];
    ++psize[predicted[i]];
    ++gsize[gold[i]];
  }
  BCubed b;
  if (predicted.empty()) return b;
  double p = 0, r = 0;
  for (size_t i = 0; i < predicted.size(); ++i) {
    double both = joint[(uint64_t(predicted[i]) << 32) | gold[i]];
    p += both / psize[predicted[i]];
    r += both / gsize[gold[i]];
  }
  b.precision = p / predicted.size();
  b.recall = r / predicted.size();
  b.f1 = 2 * b.precision * b.recall / (b.precision + b.recall);
  return b;
}

// All pairs (a < b) inside each group.
inline std::vector<std::pair<uint32_t, uint32_t>> PairsOfGroups(const std::vector<std::vector<uint32_t>>& groups) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const auto& g : groups)
    for (size_t i = 0; i < g.size(); ++i)
      for (size_t j = i + 1; j < g.size(); ++j) out.emplace_back(std::min(g[i], g[j]), std::max(g[i], g[j]));
  return out;
}

}  // namespace malaf::testing
