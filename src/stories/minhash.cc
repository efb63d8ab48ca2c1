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
  thread_local std::unique_ptr<Coefficients> cached;
  if (!cached || static_cast<int>(cached->a.size()) != n) cached = std::make_unique<Coefficients>(n);
  return *cached;
}

}  // namespace

Signature ComputeSignature(const std::vector<uint64_t>& shingles, const MinHashOptions& options) {
  const int n = options.num_hashes();
  if (shingles.empty() || n <= 0) return {};
  const Coefficients& c = CoefficientsFor(n);
  Signature sig(n, std::numeric_limits<uint32_t>::max());
  const uint64_t* a = c.a.data();
  const uint64_t* b = c.b.data();
  uint32_t* s = sig.data();
  for (uint64_t x : shingles) {
    for (int i = 0; i < n; ++i) {
      uint32_t h = static_cast<uint32_t>((a[i] * x + b[i]) >> 32);
      s[i] = std::min(s[i], h);
    }
  }
  return sig;
}

double EstimateJaccard(const Signature& a, const Signature& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t eq = 0;
  for (size_t i = 0; i < a.size(); ++i) eq += a[i] == b[i];
  return static_cast<double>(eq) / static_cast<double>(a.size());
}

std::vector<uint64_t> BandKeys(const Signature& sig, const MinHashOptions& options) {
  std::vector<uint64_t> keys;
  if (sig.empty() || sig.size() != static_cast<size_t>(options.num_hashes())) return keys;
  keys.reserve(options.bands);
  for (int band = 0; band < options.bands; ++band) {
    uint64_t h = 0x51ed270b27a1c3f5ULL ^ (static_cast<uint64_t>(band) * 0x9E3779B97F4A7C15ULL);
    for (int r = 0; r < options.rows; ++r) {
      h ^= sig[band * options.rows + r];
      h *= 0xff51afd7ed558ccdULL;
      h ^= h >> 32;
    }
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    keys.push_back(h);
  }
  return keys;
}

double CandidateProbability(double j, const MinHashOptions& options) {
  return 1.0 - std::pow(1.0 - std::pow(j, options.rows), options.bands);
}

}  // namespace malaf::stories
