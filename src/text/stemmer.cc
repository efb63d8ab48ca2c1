// The light stemmer. Every result is a substring of the key (only affixes
// are removed), so LightStemView never allocates.
#include "text/stemmer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/data_files.h"
#include "text/normalizer.h"

namespace malaf::text {
namespace {

size_t Letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// An affix in search-key form, laid out for a quick reject: `edge` holds the
// two bytes at the word's edge (the first two of a prefix, the last two of a
// suffix), compared as one integer before the rest.
struct Affix {
  char bytes[16] = {};
  uint8_t len = 0;
  uint8_t letters = 0;
  uint8_t min_remaining = 2;  // letters that must remain after stripping
  uint16_t edge = 0;
  std::string_view text() const { return {bytes, len}; }
  static Affix Make(std::string_view key, size_t min_remaining, bool suffix) {
    Affix a;
    a.len = static_cast<uint8_t>(std::min<size_t>(key.size(), sizeof a.bytes));
    std::memcpy(a.bytes, key.data(), a.len);
    a.letters = static_cast<uint8_t>(Letters(key.substr(0, a.len)));
    a.min_remaining = static_cast<uint8_t>(min_remaining);
    if (a.len >= 2) std::memcpy(&a.edge, a.bytes + (suffix ? a.len - 2 : 0), 2);
    return a;
  }
};

// A small immutable set of short words: open addressing over a power-of-two
// table, hashed on length and the first and last eight bytes (no loop over
// the word), so a miss costs a few ns. Filled once, then read-only.
class WordSet {
 public:
  void Insert(std::string_view w) {
    words_.push_back(w);
    longest_ = std::max(longest_, w.size());
  }
  void Build() {
    size_t cap = 16;
    while (cap < words_.size() * 4) cap <<= 1;
    slots_.assign(cap, std::string_view());
    mask_ = cap - 1;
    for (std::string_view w : words_) {
      size_t h = Hash(w) & mask_;
      while (!slots_[h].empty() && slots_[h] != w) h = (h + 1) & mask_;
      slots_[h] = w;
      uint32_t q = Quick(w);
      filter_[q >> 6] |= 1ull << (q & 63);
    }
  }
  bool Contains(std::string_view w) const {
    if (w.empty() || w.size() > longest_ || slots_.empty()) return false;
    uint32_t q = Quick(w);
    if (!(filter_[q >> 6] >> (q & 63) & 1)) return false;
    for (size_t h = Hash(w) & mask_;; h = (h + 1) & mask_) {
      const std::string_view& s = slots_[h];
      if (s.empty()) return false;
      if (s.size() == w.size() && std::memcmp(s.data(), w.data(), w.size()) == 0) return true;
    }
  }

 private:
  static size_t Hash(std::string_view w) {
    uint64_t a = 0, b = 0;
    size_t n = w.size();
    std::memcpy(&a, w.data(), std::min<size_t>(n, 8));
    if (n > 8) std::memcpy(&b, w.data() + n - std::min<size_t>(n - 8, 8), std::min<size_t>(n - 8, 8));
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ (n * 0x165667B19E3779F9ull);
    return static_cast<size_t>(h ^ (h >> 29));
  }
  // A 12-bit fingerprint from the length and the bytes at both ends: most
  // words miss in the 4096-bit filter without being hashed.
  static uint32_t Quick(std::string_view w) {
    size_t n = w.size();
    uint32_t h = static_cast<uint32_t>(n) * 0x9E37u;
    h ^= static_cast<unsigned char>(w[n - 1]) * 0x85EBu;
    h ^= static_cast<unsigned char>(w[n / 2]) * 0xC2B3u;
    if (n > 1) h ^= static_cast<unsigned char>(w[1]) * 0x27D5u;
    return (h ^ (h >> 12)) & 4095u;
  }
  uint64_t filter_[64] = {};
  std::vector<std::string_view> words_;
  std::vector<std::string_view> slots_;
  size_t mask_ = 0;
  size_t longest_ = 0;
};

struct StemTables {
  Affix waw = Affix::Make("\u0648", 3, false);
  std::vector<Affix> prefixes;  // longest first
  std::vector<Affix> suffixes;  // in light10 order
  std::deque<std::string> storage;
  WordSet keep;
  WordSet waw_roots;  // stems, و kept
  WordSet stopwords;
};

// Affixes are a few bytes: compare inline rather than through memcmp.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (a[k] != b[k]) return false;
  return true;
}

inline uint16_t Edge(const char* p) {
  uint16_t e;
  std::memcpy(&e, p, 2);
  return e;
}

// `*letters` tracks the letter count of `w` as affixes come off.
std::string_view StripArticle(const StemTables& t, std::string_view w, size_t* letters) {
  if (w.size() < 2) return w;
  uint16_t first = Edge(w.data());
  for (const auto& p : t.prefixes)
    if (p.edge == first && w.size() > p.len && SameBytes(w.data(), p.bytes, p.len) &&
        *letters - p.letters >= p.min_remaining) {
      *letters -= p.letters;
      return w.substr(p.len);
    }
  return w;
}

std::string_view StripSuffixes(const StemTables& t, std::string_view w, size_t letters) {
  for (const auto& s : t.suffixes) {
    if (w.size() <= s.len || Edge(w.data() + w.size() - 2) != s.edge) continue;
    if (SameBytes(w.data() + w.size() - s.len, s.bytes, s.len) && letters - s.letters >= s.min_remaining) {
      w.remove_suffix(s.len);
      letters -= s.letters;
    }
  }
  return w;
}

// Article and suffixes, with the keep list checked before and after the
// article.
std::string_view StemWithoutWaw(const StemTables& t, std::string_view w, size_t letters) {
  if (t.keep.Contains(w)) return w;
  w = StripArticle(t, w, &letters);
  if (t.keep.Contains(w)) return w;
  return StripSuffixes(t, w, letters);
}

std::string_view StripArticle(const StemTables& t, std::string_view w) {
  size_t letters = Letters(w);
  return StripArticle(t, w, &letters);
}

const StemTables& Tables() {
  static const StemTables* t = [] {
    auto* t = new StemTables;
    auto own = [t](std::string s) -> std::string_view { return t->storage.emplace_back(std::move(s)); };
    std::vector<std::string> keep, roots;
    if (auto f = DataFile("data/stemmer.tsv")) {
      for (const auto& row : ReadTable(*f)) {
        if (row.size() < 2) continue;
        size_t min = row.size() >= 3 ? std::stoul(std::string(row[2])) : 2;
        if (row[0] == "prefix_waw") t->waw = Affix::Make(SearchKey(row[1]), min, false);
        else if (row[0] == "prefix") t->prefixes.push_back(Affix::Make(SearchKey(row[1]), min, false));
        else if (row[0] == "suffix") {
          std::string k = SearchKey(row[1]);
          bool dup = false;  // ة and ه fold to one key
          for (const auto& s : t->suffixes) dup |= s.text() == k;
          if (!dup) t->suffixes.push_back(Affix::Make(k, min, true));
        } else if (row[0] == "keep") keep.push_back(SearchKey(row[1]));
        else if (row[0] == "waw_root") roots.push_back(SearchKey(row[1]));
      }
    }
    std::stable_sort(t->prefixes.begin(), t->prefixes.end(),
                     [](const Affix& a, const Affix& b) { return a.len > b.len; });
    // A kept word is stored without its article (so البحرين, والبحرين and
    // بالبحرين all stem to بحرين), unless that would leave under three
    // letters (الله is not ال + له).
    for (const auto& k : keep) {
      std::string_view bare = StripArticle(*t, k);
      t->keep.Insert(own(Letters(bare) >= 3 ? std::string(bare) : k));
    }
    t->keep.Build();
    for (const auto& r : roots) t->waw_roots.Insert(own(std::string(StemWithoutWaw(*t, r, Letters(r)))));
    t->waw_roots.Build();
    if (auto f = DataFile("data/stopwords.txt"))
      for (const auto& row : ReadTable(*f))
        if (!row.empty() && !row[0].empty()) {
          t->stopwords.Insert(own(SearchKey(row[0])));
        }
    t->stopwords.Build();
    return t;
  }();
  return *t;
}

}  // namespace

std::string_view LightStemView(std::string_view key) {
  // Only Arabic-script words (lead bytes 0xD8..0xDB: U+0600..U+06FF).
  if (key.empty() || static_cast<unsigned char>(key[0]) < 0xD8 || static_cast<unsigned char>(key[0]) > 0xDB)
    return key;
  const StemTables& t = Tables();
  size_t letters = Letters(key);
  if (key.size() > t.waw.len && SameBytes(key.data(), t.waw.bytes, t.waw.len) &&
      letters - t.waw.letters >= t.waw.min_remaining) {
    std::string_view with_waw = StemWithoutWaw(t, key, letters);
    if (t.waw_roots.Contains(with_waw)) return with_waw;
    return StemWithoutWaw(t, key.substr(t.waw.len), letters - t.waw.letters);
  }
  return StemWithoutWaw(t, key, letters);
}

std::string LightStem(std::string_view key) { return std::string(LightStemView(key)); }

bool IsStopword(std::string_view key) { return Tables().stopwords.Contains(key); }

}  // namespace malaf::text
