// Near-duplicate groups: the same text republished (identical, or lightly
// edited: a changed first line, a dropped paragraph, an added credit).
//
// Batch use: compute one Signature per article (minhash.h), then
// FindDuplicateGroups() returns the connected components of the graph whose
// edges are LSH candidate pairs that pass IsCopy (minhash.h). Each group lists its canonical copy first (CanonicalBefore).
//
// Large buckets (one wire text carried by hundreds of outlets, boilerplate)
// are not expanded to all pairs: each member is checked against the previous
// kBucketWindow members of its bucket and pairs already in one component are
// skipped. Components are the same as with all pairs whenever each copy is
// above the threshold with one of its kBucketWindow predecessors, which holds
// for true copies (they are all close to one another).
//
// Thread-safe functions; the result owns its data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stories/minhash.h"

namespace malaf::stories {

inline constexpr size_t kBucketWindow = 32;

// What the canonical choice needs to know of an article.
struct CopyInfo {
  std::string_view id;
  std::string_view published;  // ISO 8601 or "" when unknown
  size_t length = 0;           // body length in bytes
};

// The canonical copy is the earliest published; an unknown date counts as
// latest; on a tie, the most complete (longest body); then the smallest id.
bool CanonicalBefore(const CopyInfo& a, const CopyInfo& b);

struct DuplicateGroup {
  std::vector<uint32_t> members;   // indices into the input, canonical first, then by CanonicalBefore
  std::vector<float> similarity;   // estimated Jaccard of each member with the canonical (1 for it)
};

// Groups of two or more members, ordered by their canonical member
// (CanonicalBefore). `threads` >= 1 workers sort the bands.
// REQUIRES: sigs.size() == info.size().
std::vector<DuplicateGroup> FindDuplicateGroups(const std::vector<Signature>& sigs,
                                                const std::vector<CopyInfo>& info,
                                                const MinHashOptions& options, int threads = 1);
// The same over borrowed signatures (no copy of a million signatures).
std::vector<DuplicateGroup> FindDuplicateGroups(const std::vector<const Signature*>& sigs,
                                                const std::vector<CopyInfo>& info,
                                                const MinHashOptions& options, int threads = 1);

// Union-find over article indices (used by the batch finder and by the
// incremental update in the archive layer).
class DisjointSets {
 public:
  explicit DisjointSets(size_t n);
  uint32_t Find(uint32_t x);
  // Returns false when a and b were already joined.
  bool Union(uint32_t a, uint32_t b);

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint8_t> rank_;
};

}  // namespace malaf::stories
