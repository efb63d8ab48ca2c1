// The analysis chain, fused into one pass over the display text.
//
// Most of Arabic news is words of two-byte Arabic letters between spaces.
// For those the loop below tokenizes and keys at once: one 256-entry table
// per letter gives the tokenizer's class and the search key's two bytes, so
// the word is scanned once and its key written straight into the output
// buffer. Whatever is not such a word (Latin, numbers, URLs, tags,
// punctuation, marks, other scripts, and Arabic words that might be a
// clitic glued to what follows) goes through the tokenizer's own step and
// the general normalizer, so the output is the tokenizer's and the
// normalizer's by construction (tests/text/analyzer_test.cc checks it over
// the corpus and random text).
//
// Word forms in news follow Zipf's law, so each thread keeps a
// direct-mapped cache from a search key to its stem, stopword flag and name
// key: a hit costs one hash and a compare instead of stemming the word
// again. The cache is per thread (no locks), bounded (4096 entries of 32
// bytes for stems and 32 for name keys, 256 KB; 262144 entries, 8 MB for
// stems, once the thread has analysed 4 MB of text, as an indexing thread
// does: a day of news has more word forms than 65536 slots hold, and a
// sixth of the words missed at that size) and only holds results that are
// a pure function of the key, so it cannot change any output.
#include "text/analyzer.h"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <memory>
#include <new>

#include "text/analyzer_internal.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::text {
namespace {

constexpr size_t kSmallSlots = 4096;     // 128 KB of stem entries
constexpr size_t kLargeSlots = 262144;   // 8 MB (L3-resident; lookups are prefetched)
constexpr size_t kGrowAfter = 4 << 20;   // bytes analysed by the thread
constexpr size_t kMaxCachedKey = 28;  // bytes
constexpr size_t kMaxName = 31;
constexpr size_t kMaxFastWord = 64;   // bytes; longer words take the general normalizer (as RunArabicWord)

struct alignas(32) StemEntry {
  uint8_t key_len = 0;  // 0: empty slot (empty keys are never cached)
  uint8_t stem_off = 0;
  uint8_t stem_len = 0;
  bool stopword = false;
  char key[kMaxCachedKey];
};
static_assert(sizeof(StemEntry) == 32);

struct NameEntry {
  uint8_t len = 0xFF;  // 0xFF: not computed for the key in the stem slot
  char name[kMaxName];
};

// Starts small (a thread that analyses a query or a title needs little)
// and grows once, to kLargeSlots, when the thread has analysed kGrowAfter
// bytes: an indexing thread then keeps most of a day's vocabulary. Name
// entries are allocated on first use (chains without name keys never touch
// them).
// A table of trivially copyable entries, filled with one byte value. Large
// tables ask for transparent huge pages: the lookups are spread over the
// whole table, and with 4 KB pages the prefetches would stall on the TLB.
template <typename Entry>
class Table {
 public:
  Table() = default;
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  ~Table() { std::free(p_); }
  void Assign(size_t n, unsigned char fill) {
    std::free(p_);
    constexpr size_t kHuge = size_t{2} << 20;
    size_t bytes = n * sizeof(Entry);
    if (bytes >= kHuge) {
      bytes = (bytes + kHuge - 1) / kHuge * kHuge;
      p_ = static_cast<Entry*>(std::aligned_alloc(kHuge, bytes));
#ifdef MADV_HUGEPAGE
      if (p_) madvise(p_, bytes, MADV_HUGEPAGE);
#endif
    } else {
      p_ = static_cast<Entry*>(std::aligned_alloc(64, (bytes + 63) / 64 * 64));
    }
    if (!p_) throw std::bad_alloc();
    std::memset(static_cast<void*>(p_), fill, bytes);
    n_ = n;
  }
  void Clear() {
    std::free(p_);
    p_ = nullptr;
    n_ = 0;
  }
  bool empty() const { return n_ == 0; }
  size_t size() const { return n_; }
  Entry* data() { return p_; }
  Entry& operator[](size_t i) { return p_[i]; }

 private:
  Entry* p_ = nullptr;
  size_t n_ = 0;
};

// Starts small (a thread that analyses a query or a title needs little)
// and grows once, to kLargeSlots, when the thread has analysed kGrowAfter
// bytes: an indexing thread then keeps most of a day's vocabulary. Name
// entries are allocated on first use (chains without name keys never touch
// them).
struct WordCache {
  Table<StemEntry> stems;  // all zero: empty
  Table<NameEntry> names;  // all 0xFF: not computed
  size_t mask = 0;
  size_t analysed = 0;  // bytes of display text this thread has analysed
  void Resize(size_t slots) {
    stems.Assign(slots, 0);
    names.Clear();
    mask = slots - 1;
  }
  NameEntry* Names() {
    if (names.empty()) names.Assign(stems.size(), 0xFF);
    return names.data();
  }
};

inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Keys of 1..kMaxCachedKey bytes, compared eight bytes at a time without a
// byte loop: the last eight bytes overlap the chunk before them, and a key
// under eight bytes is masked.
// REQUIRES: 0 < n <= kMaxCachedKey, 8 bytes readable at a and at b (an
// entry's key array is kMaxCachedKey long; the buffer keeps slack).
inline bool SameKey(const char* a, const char* b, size_t n) {
  const uint64_t mask = n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * (n & 7))) - 1;
  const size_t last = n >= 8 ? n - 8 : 0;
  uint64_t diff = ((Load8(a) ^ Load8(b)) | (Load8(a + last) ^ Load8(b + last))) & mask;
  for (size_t i = 8; i + 8 < n; i += 8) diff |= Load8(a + i) ^ Load8(b + i);
  return diff == 0;
}

// REQUIRES: 0 < n, and 8 bytes readable at p (the buffer keeps slack).
// Without branches on the length (word lengths vary from word to word, so
// a branch on them would be mispredicted often).
inline uint64_t HashKey(const char* p, size_t n) {
  const uint64_t a = Load8(p) & (n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * (n & 7))) - 1);
  const uint64_t b = Load8(p + (n > 8 ? n - 8 : 0)) & (n > 8 ? ~uint64_t{0} : 0);
  uint64_t h = (a ^ (b << 29 | b >> 35) ^ n) * 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 32)) * 0xD6E8FEB86659FD93ull;
  return h >> 32;
}

// Per U+0600..U+06FF (indexed by the low 2 bits of the lead byte and the 6
// of the continuation): bits 0-15 the search key's bytes (SearchArabicSimple),
// bits 16-17 the tokenizer's class (ArabicBlockClass).
struct FusedTables {
  std::array<uint32_t, 256> arabic{};
  std::array<bool, 128> ascii_skip{};  // ASCII the tokenizer skips (spaces, controls)
  // U+0000..U+07FF (every two-byte character): true when it ends an
  // Arabic word (neither a letter nor a mark to the tokenizer).
  std::array<bool, 0x800> ends_word{};
  bool ascii_digits_plain = false;  // search keys keep ASCII digits as written
};

const FusedTables& Fused() {
  static const FusedTables* t = [] {
    auto* t = new FusedTables;
    const uint16_t* simple = internal::SearchArabicSimple();
    for (unsigned k = 0; k < 256; ++k) t->arabic[k] = simple[k] | uint32_t{internal::ArabicBlockClass(k)} << 16;
    for (char32_t c = 0; c < 0x800; ++c) t->ends_word[c] = internal::WordClass(c) == 0;
    t->ascii_digits_plain = SearchKey("0123456789") == "0123456789";
    // An ASCII byte is skipped when the tokenizer's step consumes it and
    // emits nothing, with every option set.
    std::vector<Token> toks;
    for (unsigned c = 0; c < 128; ++c) {
      char s[1] = {static_cast<char>(c)};
      TokenizerOptions o;
      o.emit_punctuation = true;
      toks.clear();
      t->ascii_skip[c] = internal::TokenizeStep(std::string_view(s, 1), 0, o, &toks) == 1 && toks.empty();
    }
    return t;
  }();
  return *t;
}

class Filler {
 public:
  Filler(std::string_view display, const AnalyzerOptions& options, WordCache* cache, std::vector<TokenAnalysis>* toks,
         size_t* count, std::string* bytes)
      : display_(display), options_(options), cache_(cache), names_(options.name_keys ? cache->Names() : nullptr),
        toks_(toks), count_(count), bytes_(bytes) {}

  // Room for `need` bytes at used_ in the buffer. 16 bytes of slack always
  // follow, so keys can be read 8 bytes at a time (HashKey). The buffer is
  // reused across calls, so it rarely grows; when it does, the views
  // already handed out are moved with it.
  __attribute__((always_inline)) char* Room(size_t need) {
    if (bytes_->size() < used_ + need + 16) Grow(need);
    return bytes_->data() + used_;
  }

  // A token whose search key has been written at [key_off, used_). The
  // stem, stopword flag and name key of an Arabic word come from the word
  // cache, whose slot is prefetched here and read kLag words later (the
  // cache is larger than L1, and a miss would stall every lookup).
  __attribute__((always_inline)) void Add(const Token& t, size_t key_off) {
    const size_t klen = used_ - key_off;
    const char* key = bytes_->data() + key_off;
    const std::string_view k(key, klen);
    const size_t index = *count_;
    TokenAnalysis& ta = NewToken();
    // Field by field: a whole-struct copy goes through the stack and
    // stalls on store forwarding.
    ta.token.text = t.text;
    ta.token.start = t.start;
    ta.token.end = t.end;
    ta.token.type = t.type;
    ta.key = k;
    ta.stem = k;
    if (t.type != TokenType::kArabic) {
      ta.name = options_.name_keys ? k : std::string_view();
      ta.stopword = IsStopword(k);
      return;
    }
    ta.name = std::string_view();
    ta.stopword = false;
    uint32_t slot = kNoSlot;
    if (klen > 0 && klen <= kMaxCachedKey) {
      slot = static_cast<uint32_t>(HashKey(key, klen) & cache_->mask);
      __builtin_prefetch(&cache_->stems[slot]);
      if (names_) __builtin_prefetch(&names_[slot]);
    }
    pending_[pushed_++ % kLag] = Pending{static_cast<uint32_t>(index), slot};
    if (pushed_ - finished_ == kLag) {
      Finish(pending_[finished_ % kLag]);
      ++finished_;
    }
  }

  // Finishes the Arabic words still pending.
  void Drain() {
    for (; finished_ < pushed_; ++finished_) Finish(pending_[finished_ % kLag]);
  }

  // A token found by the tokenizer's step: keyed by the general normalizer.
  void AddGeneral(const Token& t) {
    thread_local std::string key;
    key.clear();
    AppendSearchKey(t.text, &key);
    char* w = Room(key.size());
    std::memcpy(w, key.data(), key.size());
    size_t off = used_;
    used_ += key.size();
    Add(t, off);
  }

  void Run(std::vector<Token>* scratch);

 private:
  static constexpr uint32_t kNoSlot = 0xFFFFFFFF;
  static constexpr size_t kLag = 8;
  struct Pending {
    uint32_t index;  // into toks_
    uint32_t slot;   // kNoSlot: not cached (empty or long key)
  };

  TokenAnalysis& NewToken() {
    if (*count_ == toks_->size()) toks_->resize(std::max<size_t>(256, toks_->size() * 2));
    return (*toks_)[(*count_)++];
  }

  __attribute__((noinline)) void Grow(size_t need) {
    // Views to offsets, grow, offsets to views (no pointer into the freed
    // buffer is ever used).
    thread_local std::vector<size_t> offs;
    offs.clear();
    const char* base = bytes_->data();
    auto off = [&](std::string_view v) { return v.data() == nullptr ? SIZE_MAX : static_cast<size_t>(v.data() - base); };
    for (size_t i = 0; i < *count_; ++i) {
      const TokenAnalysis& t = (*toks_)[i];
      offs.push_back(off(t.key));
      offs.push_back(off(t.stem));
      offs.push_back(off(t.name));
    }
    bytes_->resize(std::max(bytes_->size() * 2, used_ + need + 4096));
    base = bytes_->data();
    auto view = [&](size_t o, size_t len) { return o == SIZE_MAX ? std::string_view() : std::string_view(base + o, len); };
    for (size_t i = 0; i < *count_; ++i) {
      TokenAnalysis& t = (*toks_)[i];
      t.key = view(offs[3 * i], t.key.size());
      t.stem = view(offs[3 * i + 1], t.stem.size());
      t.name = view(offs[3 * i + 2], t.name.size());
    }
  }

  // Appends a name key to the buffer; returns its view.
  std::string_view AddName(std::string_view name) {
    char* w = Room(name.size());
    std::memcpy(w, name.data(), name.size());
    used_ += name.size();
    return std::string_view(w, name.size());
  }

  // The common case inline: a cached word without name keys.
  __attribute__((always_inline)) void Finish(Pending pw) {
    if (pw.slot != kNoSlot && !names_) {
      TokenAnalysis& ta = (*toks_)[pw.index];
      const StemEntry& e = cache_->stems[pw.slot];
      if (e.key_len == ta.key.size() && SameKey(e.key, ta.key.data(), ta.key.size())) {
        ta.stopword = e.stopword;
        ta.stem = ta.key.substr(e.stem_off, e.stem_len);
        return;
      }
    }
    FinishSlow(pw);
  }

  __attribute__((noinline)) void FinishSlow(Pending pw) {
    TokenAnalysis& ta = (*toks_)[pw.index];
    const std::string_view k = ta.key;
    if (pw.slot == kNoSlot) {
      ta.stopword = IsStopword(k);
      ta.stem = LightStemView(k);
      if (options_.name_keys) {
        std::string name = NameKey(k);
        ta.name = AddName(name);  // may move the buffer: ta.key and ta.stem move with it
      }
      return;
    }
    StemEntry& e = cache_->stems[pw.slot];
    if (e.key_len != k.size() || !SameKey(e.key, k.data(), k.size())) {
      std::string_view stem = LightStemView(k);
      e.key_len = static_cast<uint8_t>(k.size());
      std::memcpy(e.key, k.data(), k.size());
      e.stem_off = static_cast<uint8_t>(stem.data() - k.data());
      e.stem_len = static_cast<uint8_t>(stem.size());
      e.stopword = IsStopword(k);
      // The name entry of this slot belonged to the key replaced.
      if (!cache_->names.empty()) cache_->names[pw.slot].len = 0xFF;
    }
    ta.stopword = e.stopword;
    ta.stem = k.substr(e.stem_off, e.stem_len);
    if (names_) {
      NameEntry& ne = names_[pw.slot];
      if (ne.len == 0xFF) {
        std::string name = NameKey(k);
        if (name.size() <= kMaxName) {
          ne.len = static_cast<uint8_t>(name.size());
          std::memcpy(ne.name, name.data(), name.size());
        }
        ta.name = AddName(name);
      } else {
        ta.name = AddName(std::string_view(ne.name, ne.len));
      }
    }
  }

  Pending pending_[kLag];
  size_t pushed_ = 0, finished_ = 0;
  std::string_view display_;
  const AnalyzerOptions& options_;
  WordCache* cache_;
  NameEntry* names_;  // null when name keys are off
  std::vector<TokenAnalysis>* toks_;
  size_t* count_;  // tokens of this text in *toks_
  std::string* bytes_;
  size_t used_ = 0;
};

void Filler::Run(std::vector<Token>* scratch) {
  const FusedTables& ft = Fused();
  const auto* p = reinterpret_cast<const unsigned char*>(display_.data());
  const size_t n = display_.size();
  const bool clitics = options_.tokenizer.split_tatweel_clitics;
  size_t i = 0;
  while (i < n) {
    const unsigned b = p[i];
    if (b < 0x80) {
      if (ft.ascii_skip[b]) { ++i; continue; }
    } else if ((b & 0xFC) == 0xD8 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80 &&
               (ft.arabic[((b & 3) << 6) | (p[i + 1] & 0x3F)] >> 16) == 1) {
      // A word starting with an Arabic letter: scan and key it in one loop
      // (the tokenizer's ScanWord hot loop, with the key alongside).
      size_t e = i;
      bool simple = true;
      char* w = Room(kMaxFastWord);
      size_t kw = 0;
      while (e + 1 < n && (p[e] & 0xFC) == 0xD8 && (p[e + 1] & 0xC0) == 0x80) {
        const uint32_t u = ft.arabic[((p[e] & 3) << 6) | (p[e + 1] & 0x3F)];
        if ((u >> 16) == 0) break;
        const uint16_t v = static_cast<uint16_t>(u);
        if (v == 0 || e - i >= kMaxFastWord) simple = false;
        else if (v != 0xFFFF) { std::memcpy(w + kw, &v, 2); kw += 2; }
        e += 2;
      }
      // Where the tokenizer would do more than end the word here (a word
      // going on in another block, a clitic glued to what follows), its
      // own step decides.
      bool plain = e == n;
      if (!plain) {
        const unsigned c = p[e];
        const bool ends = c < 0x80 || (c >= 0xC2 && c < 0xE0 && e + 1 < n && (p[e + 1] & 0xC0) == 0x80 &&
                                       ft.ends_word[((c & 0x1F) << 6) | (p[e + 1] & 0x3F)]);
        // The tokenizer's clitic test: only for short words followed by
        // something; no word longer than the longest clitic is one.
        size_t core = e - i;
        while (core >= 2 && p[i + core - 2] == 0xD9 && p[i + core - 1] == 0x80) core -= 2;
        plain = ends && (c == ' ' || c == '\n' || !clitics || e - i > 12 || core > internal::kLongestTatweelClitic);
      }
      if (plain) {
        Token t{display_.substr(i, e - i), i, e, TokenType::kArabic};
        if (simple) {
          size_t off = used_;
          used_ += kw;
          Add(t, off);
        } else {
          AddGeneral(t);
        }
        i = e;
        continue;
      }
    }
    if (b - '0' < 10u && ft.ascii_digits_plain) {
      // A run of ASCII digits ending at a space is a number (no separator
      // or e-mail address can follow), keyed as written.
      size_t e = i + 1;
      while (e < n && static_cast<unsigned>(p[e] - '0') < 10u) ++e;
      if (e == n || p[e] == ' ' || p[e] == '\n') {
        char* w = Room(e - i);
        std::memcpy(w, p + i, e - i);
        size_t off = used_;
        used_ += e - i;
        Add(Token{display_.substr(i, e - i), i, e, TokenType::kNumber}, off);
        i = e;
        continue;
      }
    }
    scratch->clear();
    i = internal::TokenizeStep(display_, i, options_.tokenizer, scratch);
    for (const Token& t : *scratch) AddGeneral(t);
  }
}

}  // namespace

void AnalyzeInto(std::string_view display, const AnalyzerOptions& options, AnalyzedText* out) {
  thread_local std::unique_ptr<WordCache> cache;
  if (!cache) {
    cache = std::make_unique<WordCache>();
    cache->Resize(kSmallSlots);
  }
  if (cache->analysed < kGrowAfter && (cache->analysed += display.size()) >= kGrowAfter) cache->Resize(kLargeSlots);
  out->size_ = 0;
  Filler f(display, options, cache.get(), &out->tokens_, &out->size_, &out->bytes_);
  f.Run(&out->scratch_);
  f.Drain();
}

void AnalyzeTo(std::string_view display, const AnalyzerOptions& options, std::vector<AnalyzedToken>* out) {
  thread_local AnalyzedText views;
  AnalyzeInto(display, options, &views);
  if (out->size() < views.size()) out->resize(views.size());
  else out->erase(out->begin() + static_cast<std::ptrdiff_t>(views.size()), out->end());
  for (size_t i = 0; i < views.size(); ++i) {
    const TokenAnalysis& v = views[i];
    AnalyzedToken& a = (*out)[i];
    a.token = v.token;
    a.key.assign(v.key);
    a.stem.assign(v.stem);
    a.name.assign(v.name);
    a.stopword = v.stopword;
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
