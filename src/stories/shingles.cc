#include "stories/shingles.h"

#include <algorithm>

#include "base/hash.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace malaf::stories {
namespace {

// Seed of the word hashes; part of the signature scheme.
constexpr uint64_t kWordSeed = 0x6d616c6166736831ULL;  // "malafsh1"

inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

std::vector<std::string> ShingleWords(std::string_view display) {
  std::string key = text::SearchKey(display);
  std::vector<std::string> out;
  for (const text::Token& t : text::Tokenize(key)) {
    switch (t.type) {
      case text::TokenType::kArabic:
      case text::TokenType::kLatin:
      case text::TokenType::kNumber:
        out.emplace_back(t.text);
        break;
      default:
        break;
    }
  }
  return out;
}

std::vector<uint64_t> ShingleHashes(const std::vector<std::string>& keys, int words) {
  std::vector<uint64_t> out;
  if (keys.empty() || words <= 0) return out;
  std::vector<uint64_t> wh(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) wh[i] = Hash64(keys[i], kWordSeed);
  size_t w = static_cast<size_t>(words);
  size_t n = keys.size() < w ? 1 : keys.size() - w + 1;
  size_t len = std::min(w, keys.size());
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = 0x9E3779B97F4A7C15ULL * (len + 1);
    for (size_t j = 0; j < len; ++j) h = Mix(h ^ wh[i + j]) + j;
    out.push_back(Mix(h));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint64_t> ArticleShingles(std::string_view title, std::string_view body, int words) {
  std::vector<std::string> keys = ShingleWords(body);
  if (keys.size() < static_cast<size_t>(words)) {
    std::vector<std::string> all = ShingleWords(title);
    all.insert(all.end(), keys.begin(), keys.end());
    keys = std::move(all);
  }
  return ShingleHashes(keys, words);
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++inter; ++i; ++j; }
  }
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

}  // namespace malaf::stories
