#include "stories/minhash.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace malaf::stories {
namespace {

inline uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Multiply-shift hash family h_i(x) = high 32 bits of (a_i * x + b_i), with
// a_i odd. Coefficients come from a fixed SplitMix64 stream: part of the
// persisted scheme.
struct Coefficients {
  std::vector<uint64_t> a, b;
  explicit Coefficients(int n) : a(n), b(n) {
    uint64_t state = 0x6d616c61666d6831ULL;  // "malafmh1"
    for (int i = 0; i < n; ++i) {
      a[i] = SplitMix(state) | 1;
      b[i] = SplitMix(state);
    }
  }
};

const Coefficients& CoefficientsFor(int n) {
  static const Coefficients k128(128);
  if (n == 128) return k128;
  static const Coefficients k256(256);
  if (n == 256) return k256;
  thread_local std::unique_ptr<Coefficients> cached;
  if (!cached || static_cast<int>(cached->a.size()) != n) cached = std::make_unique<Coefficients>(n);
  return *cached;
}

}  // namespace

Signature ComputeSignature(const std::vector<uint64_t>& shingles, const MinHashOptions& options) {
  const int n = options.num_hashes();
  if (shingles.empty() || n <= 0) return {};
  const Coefficients& c = CoefficientsFor(n);
  std::vector<uint32_t> mins(n, std::numeric_limits<uint32_t>::max());
  const uint64_t* a = c.a.data();
  const uint64_t* b = c.b.data();
  uint32_t* s = mins.data();
  for (uint64_t x : shingles) {
    for (int i = 0; i < n; ++i) {
      uint32_t h = static_cast<uint32_t>((a[i] * x + b[i]) >> 32);
      s[i] = std::min(s[i], h);
    }
  }
  Signature sig;
  sig.mins.resize(n);
  for (int i = 0; i < n; ++i) sig.mins[i] = static_cast<uint16_t>(mins[i]);
  sig.shingles = static_cast<uint32_t>(shingles.size());
  return sig;
}

double EstimateJaccard(const Signature& a, const Signature& b) {
  if (a.empty() || a.mins.size() != b.mins.size()) return 0;
  size_t eq = 0;
  const uint16_t* x = a.mins.data();
  const uint16_t* y = b.mins.data();
  for (size_t i = 0; i < a.mins.size(); ++i) eq += x[i] == y[i];
  return static_cast<double>(eq) / static_cast<double>(a.mins.size());
}

double EstimateContainment(const Signature& a, const Signature& b, double j) {
  uint32_t small = std::min(a.shingles, b.shingles);
  if (small == 0) return 0;
  double inter = j * (double(a.shingles) + b.shingles) / (1.0 + j);
  return std::min(1.0, inter / small);
}

bool IsCopy(const Signature& a, const Signature& b, const MinHashOptions& options, double* jaccard) {
  double j = EstimateJaccard(a, b);
  if (jaccard) *jaccard = j;
  if (j >= options.threshold) return true;
  return j >= options.containment_floor && EstimateContainment(a, b, j) >= options.containment;
}

uint64_t BandKey(const Signature& sig, int band, const MinHashOptions& options) {
  uint64_t h = 0x51ed270b27a1c3f5ULL ^ (static_cast<uint64_t>(band) * 0x9E3779B97F4A7C15ULL);
  for (int r = 0; r < options.rows; ++r) {
    h ^= sig.mins[band * options.rows + r];
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  return h;
}

std::vector<uint64_t> BandKeys(const Signature& sig, const MinHashOptions& options) {
  std::vector<uint64_t> keys;
  if (sig.empty() || sig.mins.size() < static_cast<size_t>(options.bands * options.rows)) return keys;
  keys.reserve(options.bands);
  for (int band = 0; band < options.bands; ++band) keys.push_back(BandKey(sig, band, options));
  return keys;
}

double CandidateProbability(double j, const MinHashOptions& options) {
  return 1.0 - std::pow(1.0 - std::pow(j, options.rows), options.bands);
}

}  // namespace malaf::stories
