// The analysis chain. Word forms in news follow Zipf's law (a few thousand
// forms make most running words), so each thread keeps a small direct-mapped
// cache from a token's display text to its key, stem, stopword flag and name
// key: a hit costs one hash and a compare instead of folding, stemming and
// name-keying the word again. The cache is per thread (no locks), bounded
// (kCacheSlots entries of fixed size, 1.5 MB per thread) and only ever holds results that are a
// pure function of the token text, so it cannot change any output.
#include "text/analyzer.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::text {
namespace {

constexpr size_t kCacheSlots = 16384;
constexpr size_t kMaxCached = 29;  // bytes of text or key
constexpr size_t kMaxName = 31;

// One cache line per slot; name keys sit in a parallel array so a chain
// without name keys never touches them.
struct alignas(64) CacheEntry {
  uint8_t text_len = 0;  // 0: empty slot
  uint8_t key_len = 0;
  uint8_t stem_off = 0;
  uint8_t stem_len = 0;
  uint8_t type = 0;
  bool stopword = false;
  char text[kMaxCached];
  char key[kMaxCached];
};
static_assert(sizeof(CacheEntry) == 64);

struct NameEntry {
  uint8_t len = 0xFF;  // 0xFF: not computed
  char name[kMaxName];
};

struct WordCache {
  std::array<CacheEntry, kCacheSlots> slots;
  std::array<NameEntry, kCacheSlots> names;
};

inline size_t SlotOf(std::string_view w) {
  uint64_t a = 0, b = 0;
  size_t n = w.size();
  std::memcpy(&a, w.data(), n < 8 ? n : 8);
  if (n > 8) {
    size_t m = n - 8 < 8 ? n - 8 : 8;
    std::memcpy(&b, w.data() + n - m, m);
  }
  uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ (n * 0x165667B19E3779F9ull);
  return static_cast<size_t>((h ^ (h >> 31)) & (kCacheSlots - 1));
}

// Key, stopword flag, stem and (optionally) name key of one token.
void AnalyzeWord(const Token& t, bool name_keys, AnalyzedToken* a) {
  a->key.clear();
  AppendSearchKey(t.text, &a->key);
  a->stopword = IsStopword(a->key);
  if (t.type == TokenType::kArabic) {
    a->stem.assign(LightStemView(a->key));
    if (name_keys) a->name = NameKey(a->key);
    else a->name.clear();
  } else {
    a->stem.assign(a->key);
    if (name_keys) a->name.assign(a->key);
    else a->name.clear();
  }
}

}  // namespace

void AnalyzeTo(std::string_view display, const AnalyzerOptions& options, std::vector<AnalyzedToken>* out) {
  thread_local std::vector<Token> tokens;
  thread_local std::unique_ptr<WordCache> cache;
  if (!cache) cache = std::make_unique<WordCache>();
  tokens.clear();
  TokenizeTo(display, options.tokenizer, &tokens);
  if (out->size() < tokens.size()) out->resize(tokens.size());
  else out->erase(out->begin() + static_cast<std::ptrdiff_t>(tokens.size()), out->end());
  const bool names = options.name_keys;
  // Slots are computed ahead and prefetched: the cache is larger than L2,
  // and a miss would otherwise stall every lookup.
  constexpr size_t kAhead = 8;
  thread_local std::vector<uint32_t> slot_of;
  slot_of.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    slot_of[i] = static_cast<uint32_t>(SlotOf(tokens[i].text));
    if (i < kAhead) __builtin_prefetch(&cache->slots[slot_of[i]]);
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i + kAhead < tokens.size()) {
      __builtin_prefetch(&cache->slots[slot_of[i + kAhead]]);
      if (names) __builtin_prefetch(&cache->names[slot_of[i + kAhead]]);
    }
    const Token& t = tokens[i];
    AnalyzedToken& a = (*out)[i];
    a.token = t;
    if (t.text.size() > kMaxCached) {
      AnalyzeWord(t, names, &a);
      continue;
    }
    size_t slot = slot_of[i];
    CacheEntry& e = cache->slots[slot];
    NameEntry& ne = cache->names[slot];
    if (e.text_len == t.text.size() && e.type == static_cast<uint8_t>(t.type) &&
        std::memcmp(e.text, t.text.data(), t.text.size()) == 0 && (!names || ne.len != 0xFF)) {
      a.key.assign(e.key, e.key_len);
      a.stem.assign(e.key + e.stem_off, e.stem_len);
      a.stopword = e.stopword;
      if (names) a.name.assign(ne.name, ne.len);
      else a.name.clear();
      continue;
    }
    AnalyzeWord(t, names, &a);
    if (a.key.size() > kMaxCached || (names && a.name.size() > kMaxName)) {
      e.text_len = 0;
      continue;
    }
    e.text_len = static_cast<uint8_t>(t.text.size());
    std::memcpy(e.text, t.text.data(), t.text.size());
    e.type = static_cast<uint8_t>(t.type);
    e.key_len = static_cast<uint8_t>(a.key.size());
    std::memcpy(e.key, a.key.data(), a.key.size());
    // The stem is a substring of the key (LightStemView), found by offset.
    size_t off = a.key.find(a.stem);
    e.stem_off = static_cast<uint8_t>(off == std::string::npos ? 0 : off);
    e.stem_len = static_cast<uint8_t>(off == std::string::npos ? a.key.size() : a.stem.size());
    e.stopword = a.stopword;
    ne.len = 0xFF;
    if (names) {
      ne.len = static_cast<uint8_t>(a.name.size());
      std::memcpy(ne.name, a.name.data(), a.name.size());
    }
  }
}

std::vector<AnalyzedToken> Analyze(std::string_view display, const TokenizerOptions& options) {
  std::vector<AnalyzedToken> out;
  AnalyzerOptions o;
  o.tokenizer = options;
  AnalyzeTo(display, o, &out);
  return out;
}

}  // namespace malaf::text
