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

// An affix of at most 8 bytes as an integer, for a compare without a loop:
// a prefix against the word's first 8 bytes (little-endian, so the affix
// is in the low bytes), a suffix against its last 8 (the affix in the high
// bytes). `need` is the letters the word must have for the strip (the
// affix's own and the minimum stem).
struct PackedAffix {
  uint64_t value = 0;
  uint64_t mask = 0;
  uint32_t len = 0;
  uint32_t letters = 0;
  uint32_t need = 0;
};

struct StemTables {
  Affix waw = Affix::Make("\u0648", 3, false);
  std::vector<Affix> prefixes;  // longest first
  std::vector<Affix> suffixes;  // in light10 order
  // The same affixes packed, when every one is at most 8 bytes (always, for
  // the shipped table; a longer one falls back to the byte loops).
  bool packed = false;
  std::vector<PackedAffix> packed_prefixes;
  std::vector<PackedAffix> packed_suffixes;
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

// The first 8 bytes of [p, p + n) in the low bytes of an integer (zeros
// past n); reads only inside the range.
inline uint64_t LoadHead(const char* p, size_t n) {
  uint64_t v = 0;
  if (n >= 8) {
    std::memcpy(&v, p, 8);
  } else if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    v = lo | uint64_t{hi} << (8 * (n - 4));  // the overlap holds the same bytes
  } else {
    for (size_t k = 0; k < n; ++k) v |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
  }
  return v;
}

// The last 8 bytes before p + n in the high bytes of an integer (zeros
// before the start); reads only inside [p, p + n).
inline uint64_t LoadTail(const char* p, size_t n) {
  if (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p + n - 8, 8);
    return v;
  }
  return n == 0 ? 0 : LoadHead(p, n) << (8 * (8 - n));
}

// Letters (UTF-8 lead bytes) in [p, p + n), eight bytes at a time: a
// continuation byte has bit 7 set and bit 6 clear.
inline size_t LettersOf(const char* p, size_t n) {
  size_t cont = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    cont += static_cast<size_t>(__builtin_popcountll(v & ~(v << 1) & 0x8080808080808080ull));
  }
  if (i < n) {
    uint64_t v = LoadHead(p + i, n - i);
    cont += static_cast<size_t>(__builtin_popcountll(v & ~(v << 1) & 0x8080808080808080ull));
  }
  return n - cont;
}

// StripArticle and StripSuffixes on packed affixes: the same first-match
// and in-order rules, with one load per step instead of byte loops.
inline std::string_view StripArticlePacked(const StemTables& t, std::string_view w, size_t* letters) {
  const uint64_t head = LoadHead(w.data(), w.size());
  for (const PackedAffix& p : t.packed_prefixes)
    if ((head & p.mask) == p.value && w.size() > p.len && *letters >= p.need) {
      *letters -= p.letters;
      return w.substr(p.len);
    }
  return w;
}

inline std::string_view StripSuffixesPacked(const StemTables& t, std::string_view w, size_t letters) {
  size_t n = w.size();
  for (const PackedAffix& s : t.packed_suffixes) {
    const bool strip = (LoadTail(w.data(), n) & s.mask) == s.value && n > s.len && letters >= s.need;
    n -= strip ? s.len : 0;
    letters -= strip ? s.letters : 0;
  }
  return w.substr(0, n);
}

// Article and suffixes, with the keep list checked before and after the
// article.
std::string_view StemWithoutWaw(const StemTables& t, std::string_view w, size_t letters) {
  if (t.keep.Contains(w)) return w;
  if (t.packed) {
    w = StripArticlePacked(t, w, &letters);
    if (t.keep.Contains(w)) return w;
    return StripSuffixesPacked(t, w, letters);
  }
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
    auto pack = [](const Affix& a, bool suffix) {
      PackedAffix p;
      uint64_t v = LoadHead(a.bytes, a.len);
      uint64_t m = a.len >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * a.len)) - 1;
      p.value = suffix ? (a.len >= 8 ? v : v << (8 * (8 - a.len))) : v;
      p.mask = suffix ? (a.len >= 8 ? m : m << (8 * (8 - a.len))) : m;
      p.len = a.len;
      p.letters = a.letters;
      p.need = a.letters + a.min_remaining;
      return p;
    };
    t->packed = true;
    for (const auto& a : t->prefixes) {
      t->packed &= a.len >= 2 && a.len <= 8;  // as the edge compare of StripArticle needs
      t->packed_prefixes.push_back(pack(a, false));
    }
    for (const auto& a : t->suffixes) {
      t->packed &= a.len >= 2 && a.len <= 8;
      t->packed_suffixes.push_back(pack(a, true));
    }
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
  size_t letters = LettersOf(key.data(), key.size());
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
