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
// Word forms in news follow Zipf's law, so each thread keeps a small
// direct-mapped cache from a search key to its stem, stopword flag and name
// key: a hit costs one hash and a compare instead of stemming the word
// again. The cache is per thread (no locks), bounded (kCacheSlots entries of
// 32 + 32 bytes, 512 KB per thread, within L2 for the stems) and only holds
// results that are a pure function of the key, so it cannot change any
// output.
#include "text/analyzer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include "text/analyzer_internal.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::text {
namespace {

constexpr size_t kCacheSlots = 16384;
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

struct WordCache {
  std::array<StemEntry, kCacheSlots> stems;
  std::array<NameEntry, kCacheSlots> names;
};

// REQUIRES: 0 < n, and 8 bytes readable at p (the buffer keeps slack).
inline size_t SlotOf(const char* p, size_t n) {
  uint64_t a, b = 0;
  std::memcpy(&a, p, 8);
  if (n < 8) a &= (uint64_t{1} << (8 * n)) - 1;
  else if (n > 8) std::memcpy(&b, p + n - 8, 8);
  uint64_t h = (a ^ (b << 29 | b >> 35) ^ n) * 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 32)) * 0xD6E8FEB86659FD93ull;
  return static_cast<size_t>(h >> 32) & (kCacheSlots - 1);
}

// Per U+0600..U+06FF (indexed by the low 2 bits of the lead byte and the 6
// of the continuation): bits 0-15 the search key's bytes (SearchArabicSimple),
// bits 16-17 the tokenizer's class (ArabicBlockClass).
struct FusedTables {
  std::array<uint32_t, 256> arabic{};
  std::array<bool, 128> ascii_skip{};  // ASCII the tokenizer skips (spaces, controls)
};

const FusedTables& Fused() {
  static const FusedTables* t = [] {
    auto* t = new FusedTables;
    const uint16_t* simple = internal::SearchArabicSimple();
    for (unsigned k = 0; k < 256; ++k) t->arabic[k] = simple[k] | uint32_t{internal::ArabicBlockClass(k)} << 16;
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

// Room for `need` bytes at `used` in `bytes`, growing it geometrically
// (steady state: no allocation). 16 bytes of slack always follow, so keys
// can be read 8 bytes at a time (SlotOf).
inline char* Reserve(std::string* bytes, size_t used, size_t need) {
  if (bytes->size() < used + need + 16) bytes->resize(std::max(bytes->size() * 2, used + need + 4096));
  return bytes->data() + used;
}

class Filler {
 public:
  Filler(std::string_view display, const AnalyzerOptions& options, WordCache* cache, std::vector<TokenAnalysis>* toks,
         std::vector<AnalyzedText::Spans>* spans, std::string* bytes)
      : display_(display), options_(options), cache_(cache), toks_(toks), spans_(spans), bytes_(bytes) {}

  // A token whose search key has been written at [key_off, used_). The
  // stem, stopword flag and name key of an Arabic word come from the word
  // cache, whose slot is prefetched here and read kLag words later (the
  // cache is larger than L1, and a miss would stall every lookup).
  void Add(const Token& t, size_t key_off) {
    const size_t klen = used_ - key_off;
    const size_t index = toks_->size();
    toks_->push_back(TokenAnalysis{t, {}, {}, {}, false});
    spans_->push_back(AnalyzedText::Spans{static_cast<uint32_t>(key_off), static_cast<uint32_t>(klen),
                                          static_cast<uint32_t>(key_off), static_cast<uint32_t>(klen), 0, 0});
    if (t.type != TokenType::kArabic) {
      AnalyzedText::Spans& sp = spans_->back();
      toks_->back().stopword = IsStopword(std::string_view(bytes_->data() + key_off, klen));
      if (options_.name_keys) { sp.name_off = sp.key_off; sp.name_len = sp.key_len; }
      return;
    }
    uint32_t slot = kNoSlot;
    if (klen > 0 && klen <= kMaxCachedKey) {
      slot = static_cast<uint32_t>(SlotOf(bytes_->data() + key_off, klen));
      __builtin_prefetch(&cache_->stems[slot]);
      if (options_.name_keys) __builtin_prefetch(&cache_->names[slot]);
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

  void AddName(std::string_view name, AnalyzedText::Spans* sp) {
    char* w = Reserve(bytes_, used_, name.size());
    std::memcpy(w, name.data(), name.size());
    sp->name_off = static_cast<uint32_t>(used_);
    sp->name_len = static_cast<uint32_t>(name.size());
    used_ += name.size();
  }

  // A token found by the tokenizer's step: keyed by the general normalizer.
  void AddGeneral(const Token& t) {
    thread_local std::string key;
    key.clear();
    AppendSearchKey(t.text, &key);
    size_t off = used_;
    char* w = Reserve(bytes_, used_, key.size());
    std::memcpy(w, key.data(), key.size());
    used_ += key.size();
    Add(t, off);
  }

  void Run(std::vector<Token>* scratch);

 private:
  static constexpr uint32_t kNoSlot = 0xFFFFFFFF;
  static constexpr size_t kLag = 8;
  struct Pending {
    uint32_t index;  // into toks_ / spans_
    uint32_t slot;   // kNoSlot: not cached (empty or long key)
  };

  void Finish(Pending pw) {
    AnalyzedText::Spans& sp = (*spans_)[pw.index];
    const size_t klen = sp.key_len;
    const char* key = bytes_->data() + sp.key_off;
    bool stop;
    if (pw.slot == kNoSlot) {
      std::string_view k(key, klen);
      stop = IsStopword(k);
      std::string_view stem = LightStemView(k);
      sp.stem_off = static_cast<uint32_t>(sp.key_off + (stem.data() - key));
      sp.stem_len = static_cast<uint32_t>(stem.size());
      if (options_.name_keys) AddName(NameKey(k), &sp);
    } else {
      StemEntry& e = cache_->stems[pw.slot];
      NameEntry& ne = cache_->names[pw.slot];
      if (e.key_len != klen || std::memcmp(e.key, key, klen) != 0) {
        std::string_view k(key, klen);
        std::string_view stem = LightStemView(k);
        e.key_len = static_cast<uint8_t>(klen);
        std::memcpy(e.key, key, klen);
        e.stem_off = static_cast<uint8_t>(stem.data() - key);
        e.stem_len = static_cast<uint8_t>(stem.size());
        e.stopword = IsStopword(k);
        ne.len = 0xFF;
      }
      stop = e.stopword;
      sp.stem_off = static_cast<uint32_t>(sp.key_off + e.stem_off);
      sp.stem_len = e.stem_len;
      if (options_.name_keys) {
        if (ne.len == 0xFF) {
          std::string name = NameKey(std::string_view(key, klen));
          if (name.size() <= kMaxName) {
            ne.len = static_cast<uint8_t>(name.size());
            std::memcpy(ne.name, name.data(), name.size());
          }
          AddName(name, &sp);
        } else {
          AddName(std::string_view(ne.name, ne.len), &sp);
        }
      }
    }
    (*toks_)[pw.index].stopword = stop;
  }

  Pending pending_[kLag];
  size_t pushed_ = 0, finished_ = 0;
  std::string_view display_;
  const AnalyzerOptions& options_;
  WordCache* cache_;
  std::vector<TokenAnalysis>* toks_;
  std::vector<AnalyzedText::Spans>* spans_;
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
      char* w = Reserve(bytes_, used_, kMaxFastWord);
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
        const bool ends = c < 0x80 || ((c & 0xFC) == 0xD8 && e + 1 < n && (p[e + 1] & 0xC0) == 0x80);
        plain = ends && (c == ' ' || c == '\n' || !clitics || e - i > 12);
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
    scratch->clear();
    i = internal::TokenizeStep(display_, i, options_.tokenizer, scratch);
    for (const Token& t : *scratch) AddGeneral(t);
  }
}

}  // namespace

void AnalyzeInto(std::string_view display, const AnalyzerOptions& options, AnalyzedText* out) {
  thread_local std::unique_ptr<WordCache> cache;
  if (!cache) cache = std::make_unique<WordCache>();
  out->tokens_.clear();
  out->spans_.clear();
  Filler f(display, options, cache.get(), &out->tokens_, &out->spans_, &out->bytes_);
  f.Run(&out->scratch_);
  f.Drain();
  const char* base = out->bytes_.data();
  for (size_t i = 0; i < out->tokens_.size(); ++i) {
    const AnalyzedText::Spans& s = out->spans_[i];
    TokenAnalysis& t = out->tokens_[i];
    t.key = std::string_view(base + s.key_off, s.key_len);
    t.stem = std::string_view(base + s.stem_off, s.stem_len);
    t.name = std::string_view(base + s.name_off, s.name_len);
  }
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
