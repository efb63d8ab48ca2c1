// MinHash signatures and LSH banding for near-duplicate detection.
//
// A signature holds, for each of `num_hashes` hash functions h_i, the low 16
// bits of the minimum of h_i over an article's shingle set (shingles.h;
// "b-bit MinHash" with b = 16, which halves storage; two different minima
// agree by chance with probability 2^-16, a negligible bias), plus the size
// of the set. The share of equal positions in two signatures estimates the
// Jaccard similarity J of the two shingle sets (standard error
// sqrt(J(1-J)/num_hashes), about 0.044 at J = 0.5 with 128 hashes); with the
// set sizes it also estimates containment C = |A ∩ B| / min(|A|, |B|).
// LSH cuts the signature into `bands` bands of `rows` values; two articles
// become candidates when any band is equal, which happens with probability
// 1 - (1 - J^rows)^bands.
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
//  - A pair is a copy when J >= threshold (0.5), or when J >= containment_floor
//    (0.3) and C >= containment (0.6). A copy with a changed first line, a
//    dropped paragraph out of five or an added credit line keeps J well
//    above 0.5; a republished wire text cut short or padded with the outlet's
//    own paragraphs keeps C high while J falls; two reports of one event
//    written separately share few 4-word runs (J < 0.2, C < 0.4).
//  - 128 hashes as 64 bands x 2 rows: candidate probability 0.9977 at
//    J = 0.3, 0.99999 at J = 0.5, 0.47 at J = 0.1, 0.15 at J = 0.05; every
//    candidate is then checked with the full signature (128 compares).
//  Measured against the exact rule on exact shingle sets (pairs within copy
//  groups): precision 0.927, recall 0.948, F1 0.937; 98.0% of the exact copy
//  pairs end up in one group. Errors are pairs within one standard error of
//  a threshold; 256 hashes give F1 0.958 at twice the cost, J >= 0.5 alone
//  F1 0.962 (but misses cut or padded republications).
struct MinHashOptions {
  int shingle_words = 4;
  int bands = 64;
  int rows = 2;
  double threshold = 0.5;
  double containment_floor = 0.3;
  double containment = 0.6;
  int hashes = 128;  // >= bands * rows; bands use the first bands * rows values
  int num_hashes() const { return hashes; }
};

// Versioned name of the persisted signature scheme (shingling + hashing +
// sizes). Bump the trailing version on any change to either.
inline constexpr std::string_view kSignatureScheme = "minhash.w4.k128.b16.v2";

struct Signature {
  std::vector<uint16_t> mins;  // num_hashes values; empty for an empty text
  uint32_t shingles = 0;       // size of the shingle set
  bool empty() const { return mins.empty(); }
};

// REQUIRES: `shingles` sorted unique (any order works; sorted is cheaper).
// An empty set gives an empty signature (never similar to anything).
Signature ComputeSignature(const std::vector<uint64_t>& shingles, const MinHashOptions& options);

// Share of equal positions; 0 when either is empty or the sizes differ.
// Symmetric.
double EstimateJaccard(const Signature& a, const Signature& b);

// Containment of the smaller set in the larger, from an estimated Jaccard
// `j`: |A ∩ B| = j (|A| + |B|) / (1 + j). Symmetric; at most 1.
double EstimateContainment(const Signature& a, const Signature& b, double j);

// The copy rule above, on estimates.
bool IsCopy(const Signature& a, const Signature& b, const MinHashOptions& options, double* jaccard = nullptr);

// One 64-bit key per band (the band index is mixed in, so keys of different
// bands never meet). Empty for an empty signature.
std::vector<uint64_t> BandKeys(const Signature& sig, const MinHashOptions& options);
// The key of one band. REQUIRES: the signature has bands * rows values.
uint64_t BandKey(const Signature& sig, int band, const MinHashOptions& options);

// Probability that a pair with Jaccard `j` becomes an LSH candidate.
double CandidateProbability(double j, const MinHashOptions& options);

}  // namespace malaf::stories
