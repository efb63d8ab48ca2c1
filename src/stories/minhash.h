// MinHash signatures and LSH banding for near-duplicate detection.
//
// A signature holds, for each of `num_hashes` hash functions h_i, the minimum
// of h_i over an article's shingle set (shingles.h). The share of equal
// positions in two signatures estimates the Jaccard similarity of the two
// shingle sets (standard error sqrt(J(1-J)/num_hashes), about 0.044 at
// J = 0.5 with 128 hashes). LSH cuts the signature into `bands` bands of
// `rows` values; two articles become candidates when any band is equal, which
// happens with probability 1 - (1 - J^rows)^bands.
//
// Signatures are persisted in the archive; kSignatureScheme names the scheme
// and must change whenever shingling, hashing or sizes change (the stored
// signatures are then recomputed). DO NOT CHANGE the hash seeds or the
// MinHash family without bumping it.
//
// Functions are stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace malaf::stories {

// Parameters and the measurements behind them (saudinewsnet, 16,327
// articles, against the exact all-pairs reference of tests/stories; see
// bench/results/stories.md for the commands):
//  - shingle_words = 4: copies of a wire text share long runs; 4-word runs
//    of Arabic search keys (clitics attached) almost never recur between two
//    independently written texts, while one edited word breaks only 4
//    shingles.
//  - threshold = 0.5 (estimated Jaccard of 4-shingles): a copy with a changed
//    first line, a dropped paragraph out of five or an added credit line
//    stays well above it; two reports of one event by different outlets sit
//    well below it (typically < 0.2).
//  - 128 hashes as 32 bands x 4 rows: candidate probability 0.87 at J = 0.5,
//    0.99 at J = 0.7, 0.9998 at J = 0.8; 0.006 at J = 0.2. Candidates are then
//    checked with the full signature.
struct MinHashOptions {
  int shingle_words = 4;
  int bands = 32;
  int rows = 4;
  double threshold = 0.5;
  int num_hashes() const { return bands * rows; }
};

// Versioned name of the persisted signature scheme (shingling + hashing +
// sizes). Bump the trailing version on any change to either.
inline constexpr std::string_view kSignatureScheme = "minhash.w4.k128.b32r4.v1";

using Signature = std::vector<uint32_t>;

// REQUIRES: `shingles` sorted unique (any order works; sorted is cheaper).
// An empty set gives an empty signature (never similar to anything).
Signature ComputeSignature(const std::vector<uint64_t>& shingles, const MinHashOptions& options);

// Share of equal positions; 0 when either is empty or the sizes differ.
double EstimateJaccard(const Signature& a, const Signature& b);

// One 64-bit key per band (the band index is mixed in, so keys of different
// bands never meet). Empty for an empty signature.
std::vector<uint64_t> BandKeys(const Signature& sig, const MinHashOptions& options);

// Probability that a pair with Jaccard `j` becomes an LSH candidate.
double CandidateProbability(double j, const MinHashOptions& options);

}  // namespace malaf::stories
