// The normalizer: the stages of normalizer_stages.cc compiled into one
// code-point table per set of options.
//
// Table layout (BMP only; the rare supplementary-plane characters take a slow
// path through the stage functions): a two-level table, 512 pages of 128
// entries, where every page that maps nothing shares page 0. An entry is
// 0 (keep the code point as written) or (offset << 8 | length) into a pool of
// replacement UTF-8 bytes, length 0 meaning delete. The Arabic block is two
// pages, so the hot loop stays in L1. Building one table costs a few ms; the
// tables are built once per distinct option set and never freed.
#include "text/normalizer.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <vector>

#include "text/analyzer_internal.h"
#include "text/normalizer_stages.h"
#include "text/utf8.h"

namespace malaf::text {

struct NormalizerTable {
  std::vector<uint16_t> page_of;  // 512 entries
  std::vector<std::array<uint32_t, 128>> pages;
  std::string pool;
  NormalizerOptions options;
  bool compose = false;  // nfkc on: compose Arabic letter + hamza/madda mark

  uint32_t Entry(char32_t c) const { return pages[page_of[c >> 7]][c & 127]; }
  // The entries of U+0000..U+07FF (ASCII, Latin, Arabic: every 1- and 2-byte
  // UTF-8 character) flattened, so the hot loop does one load per character.
  std::array<uint32_t, 0x800> low{};
  // For U+0600..U+06FF: the two UTF-8 bytes each character becomes when
  // that is exactly one two-byte character (0xFFFF: deleted; 0: not simple,
  // take the general loop). Lets a word of Arabic letters be keyed with one
  // lookup and one 2-byte store per letter.
  std::array<uint16_t, 0x100> arabic_simple{};
  bool RunArabicWord(std::string_view s, std::string* out) const;
  // True when this table keeps printable ASCII, '\n' and the Arabic letters
  // U+0621..063A and U+0641..064A unchanged (the display table): then runs
  // of 16 such bytes are recognised with SSE2 and skipped in one step.
  bool block_skip = false;
  void Run(std::string_view s, std::string* out) const;
  void AppendSlow(char32_t c, std::string* out) const;
};

namespace {

constexpr uint32_t kDeleteEntry = 1u << 8;  // offset 1, length 0

// The enabled stages applied in order to one code point, repeated on the
// output until nothing changes (so every output character is a fixed point
// and normalization is idempotent by construction).
std::u32string ApplyStages(const std::u32string& seq, const NormalizerOptions& o) {
  size_t n = 0;
  const internal::StageDef* stages = internal::StageDefs(&n);
  std::u32string cur = seq, next, piece;
  for (size_t s = 0; s < n; ++s) {
    if (!(o.*(stages[s].info.option))) continue;
    next.clear();
    for (char32_t x : cur) {
      if (stages[s].map(x, &piece)) next += piece;
      else next.push_back(x);
    }
    cur.swap(next);
  }
  return cur;
}

// True when some enabled stage changes `c` (most code points: none does).
bool AnyStageChanges(char32_t c, const NormalizerOptions& o, std::u32string* scratch) {
  size_t n = 0;
  const internal::StageDef* stages = internal::StageDefs(&n);
  for (size_t s = 0; s < n; ++s)
    if (o.*(stages[s].info.option) && stages[s].map(c, scratch)) return true;
  return false;
}

std::u32string MapThroughStages(char32_t c, const NormalizerOptions& o) {
  std::u32string scratch;
  if (!AnyStageChanges(c, o, &scratch)) return std::u32string(1, c);
  std::u32string seq = ApplyStages(std::u32string(1, c), o);
  for (int round = 0; round < 4; ++round) {
    std::u32string again = ApplyStages(seq, o);
    if (again == seq) break;
    seq.swap(again);
  }
  return seq;
}

const NormalizerTable* BuildTable(const NormalizerOptions& o) {
  auto* t = new NormalizerTable;
  t->options = o;
  t->compose = o.nfkc;
  t->page_of.assign(512, 0);
  t->pages.emplace_back();
  t->pages[0].fill(0);
  t->pool.push_back('\0');  // offsets start at 1 so that entry 0 means "keep"
  std::string bytes;
  std::u32string scratch;
  for (char32_t page = 0; page < 512; ++page) {
    std::array<uint32_t, 128> entries{};
    bool any = false;
    for (char32_t k = 0; k < 128; ++k) {
      char32_t c = page * 128 + k;
      if (c >= 0xD800 && c <= 0xDFFF) continue;  // never decoded from valid UTF-8
      if (!AnyStageChanges(c, o, &scratch)) continue;
      std::u32string m = MapThroughStages(c, o);
      if (m.size() == 1 && m[0] == c) continue;
      any = true;
      if (m.empty()) { entries[k] = kDeleteEntry; continue; }
      bytes.clear();
      for (char32_t x : m) AppendUtf8(x, &bytes);
      entries[k] = static_cast<uint32_t>(t->pool.size() << 8 | bytes.size());
      t->pool += bytes;
    }
    if (any) {
      t->page_of[page] = static_cast<uint16_t>(t->pages.size());
      t->pages.push_back(entries);
    }
  }
  for (char32_t c = 0; c < 0x800; ++c) t->low[c] = t->Entry(c);
  t->block_skip = t->Entry('\n') == 0;
  for (char32_t c = 0x20; c < 0x7F; ++c) t->block_skip &= t->Entry(c) == 0;
  for (char32_t c = 0x621; c <= 0x63A; ++c) t->block_skip &= t->Entry(c) == 0;
  for (char32_t c = 0x641; c <= 0x64A; ++c) t->block_skip &= t->Entry(c) == 0;
  for (char32_t c = 0x600; c < 0x700; ++c) {
    uint32_t e = t->Entry(c);
    uint16_t v = 0;
    if (o.nfkc && c >= 0x0653 && c <= 0x0655) v = 0;  // composes with the previous letter
    else if (e == 0) { std::string b; AppendUtf8(c, &b); std::memcpy(&v, b.data(), 2); }
    else if ((e & 0xFF) == 0) v = 0xFFFF;
    else if ((e & 0xFF) == 2 && static_cast<unsigned char>(t->pool[e >> 8]) >= 0xC2) std::memcpy(&v, t->pool.data() + (e >> 8), 2);
    t->arabic_simple[c - 0x600] = v;
  }
  return t;
}

uint32_t OptionBits(const NormalizerOptions& o) {
  size_t n = 0;
  const internal::StageDef* stages = internal::StageDefs(&n);
  uint32_t bits = 0;
  for (size_t s = 0; s < n; ++s)
    if (o.*(stages[s].info.option)) bits |= 1u << s;
  return bits;
}

// One table per option set, built on first use, kept for the process.
const NormalizerTable* TableFor(const NormalizerOptions& o) {
  static std::array<std::atomic<const NormalizerTable*>, 1 << 13> cache{};
  static std::mutex mu;
  uint32_t bits = OptionBits(o);
  const NormalizerTable* t = cache[bits].load(std::memory_order_acquire);
  if (t) return t;
  std::lock_guard<std::mutex> lock(mu);
  t = cache[bits].load(std::memory_order_relaxed);
  if (!t) {
    t = BuildTable(o);
    cache[bits].store(t, std::memory_order_release);
  }
  return t;
}

}  // namespace

void NormalizerTable::AppendSlow(char32_t c, std::string* out) const {
  for (char32_t x : MapThroughStages(c, options)) AppendUtf8(x, out);
}

// A word made only of U+0600..U+06FF characters with simple mappings; false
// (and *out untouched) when the general loop is needed.
bool NormalizerTable::RunArabicWord(std::string_view s, std::string* out) const {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  if (n == 0 || n > 64 || (n & 1)) return false;
  char buf[64];
  size_t w = 0;
  for (size_t i = 0; i < n; i += 2) {
    unsigned b = p[i];
    if ((b != 0xD8 && b != 0xD9 && b != 0xDA && b != 0xDB) || (p[i + 1] & 0xC0) != 0x80) return false;
    uint16_t v = arabic_simple[((b & 0x3) << 6) | (p[i + 1] & 0x3F)];
    if (v == 0) return false;
    if (v == 0xFFFF) continue;
    std::memcpy(buf + w, &v, 2);
    w += 2;
  }
  out->append(buf, w);
  return true;
}

namespace {

// The last code point of valid, non-empty UTF-8 `p[0..n)`; its length in *len.
inline char32_t LastCodePoint(const char* p, size_t n, size_t* len) {
  size_t b = n - 1;
  while (b > 0 && (static_cast<unsigned char>(p[b]) & 0xC0) == 0x80) --b;
  size_t i = b;
  char32_t c = NextCodePoint(std::string_view(p, n), i);
  *len = n - b;
  return c;
}

#ifdef __SSE2__
// How many of the 16 bytes at p, from the first, are printable ASCII, '\n',
// and complete two-byte Arabic letters U+0621..063A (D8 A1..BA) and
// U+0641..064A (D9 81..8A); always a character boundary.
inline unsigned PlainArabicPrefix(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto in = [&](int lo, int hi) {  // lo <= byte <= hi, bytes as signed
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  unsigned ascii = static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(in(0x20, 0x7E), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')))));
  unsigned d8 = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD8)))));
  unsigned d9 = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD9)))));
  unsigned c8 = static_cast<unsigned>(_mm_movemask_epi8(in(static_cast<signed char>(0xA1), static_cast<signed char>(0xBA))));
  unsigned c9 = static_cast<unsigned>(_mm_movemask_epi8(in(static_cast<signed char>(0x81), static_cast<signed char>(0x8A))));
  // A lead byte counts only with its continuation inside the block, so the
  // prefix never ends inside a character.
  unsigned lead = (d8 & (c8 >> 1)) | (d9 & (c9 >> 1));
  unsigned ok = ascii | lead | (lead << 1);
  return static_cast<unsigned>(__builtin_ctz(~ok | 0x10000u));
}
#endif

}  // namespace

void NormalizerTable::Run(std::string_view s, std::string* out) const {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->reserve(out->size() + n);
  size_t i = 0, run = 0;           // input bytes [run, i) are pending, copied as written
  // Composition looks at the last character written (so a second pass
  // composes nothing new: idempotence), through deleted ones (tatweel, ZWJ).
  char32_t prev = 0;               // last code point written
  size_t prev_out = 0;             // its bytes at the end of *out (after a flush)
  auto flush = [&] {
    if (i > run) out->append(s.data() + run, i - run);
  };
#ifdef __SSE2__
  // A character that is not plain (a comma, a quote) costs one scalar step,
  // then blocks again; only two such stops within a few bytes (vocalized
  // text, Latin capitals) mean 16 bytes of scalar steps before retrying.
  size_t retry_at = 0;
  size_t last_stop = SIZE_MAX - 8;
#endif
  while (i < n) {
#ifdef __SSE2__
    if (block_skip && i >= retry_at && i + 16 <= n) {
      size_t start = i;
      unsigned k;
      while ((k = PlainArabicPrefix(p + i)) == 16 && i + 32 <= n) i += 16;
      i += k;
      if (i > start) {
        if (p[i - 1] < 0x80) { prev = p[i - 1]; prev_out = 1; }
        else { prev = ((p[i - 2] & 0x1F) << 6) | (p[i - 1] & 0x3F); prev_out = 2; }
        if (i >= n) break;
      }
      if (k < 4) {
        if (i - last_stop <= 4) retry_at = i + 16;
        last_stop = i;
      }
    }
#endif
    unsigned b = p[i];
    char32_t c;
    size_t len;
    if (b < 0x80) {
      // ASCII is mapped only for controls and capitals; runs of it are copied.
      if (low[b] == 0) { ++i; prev = b; prev_out = 1; continue; }
      c = b;
      len = 1;
    } else if (b >= 0xC2 && b < 0xE0 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      c = ((b & 0x1F) << 6) | (p[i + 1] & 0x3F);
      len = 2;
      // Fast path: an unmapped two-byte character (most Arabic letters)
      // that is not a composing mark stays in the pending run.
      if (low[c] == 0 && (!compose || c - 0x0653u >= 3u)) {
        i += 2;
        prev = c;
        prev_out = 2;
        continue;
      }
    } else if (b >= 0xE0 && b < 0xF0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
               (b != 0xE0 || p[i + 1] >= 0xA0) && (b != 0xED || p[i + 1] < 0xA0)) {
      c = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      len = 3;
    } else if (b >= 0xF0 && b <= 0xF4 && i + 3 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
               (p[i + 3] & 0xC0) == 0x80 && (b != 0xF0 || p[i + 1] >= 0x90) && (b != 0xF4 || p[i + 1] < 0x90)) {
      c = ((b & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
      flush();
      size_t before = out->size();
      AppendSlow(c, out);
      i += 4;
      run = i;
      if (out->size() > before) {  // a deleted character is transparent to composition
        prev = LastCodePoint(out->data() + before, out->size() - before, &prev_out);
      }
      continue;
    } else {
      // Invalid byte: U+FFFD, so the output is always valid UTF-8.
      flush();
      out->append("\xEF\xBF\xBD");
      ++i;
      run = i;
      prev = 0xFFFD;
      prev_out = 3;
      continue;
    }
    if (compose && c - 0x0653u < 3u) {
      if (char32_t composed = internal::ComposeArabic(prev, c)) {
        flush();
        out->resize(out->size() - prev_out);
        size_t before = out->size();
        uint32_t e = Entry(composed);
        if (e == 0) AppendUtf8(composed, out);
        else out->append(pool.data() + (e >> 8), e & 0xFF);
        i += len;
        run = i;
        prev = out->size() > before ? LastCodePoint(out->data() + before, out->size() - before, &prev_out) : 0;
        if (out->size() == before) prev_out = 0;
        continue;
      }
    }
    uint32_t e = c < 0x800 ? low[c] : Entry(c);
    if (e == 0) {
      prev = c;
      i += len;
      prev_out = len;
      continue;
    }
    flush();
    out->append(pool.data() + (e >> 8), e & 0xFF);
    if ((e & 0xFF) != 0) {  // a deleted character (tatweel, ZWJ) is transparent to composition
      prev = LastCodePoint(pool.data() + (e >> 8), e & 0xFF, &prev_out);
    }
    i += len;
    run = i;
  }
  flush();
}

NormalizerOptions NormalizerOptions::ForDisplay() {
  NormalizerOptions o;
  size_t n = 0;
  const internal::StageDef* stages = internal::StageDefs(&n);
  for (size_t s = 0; s < n; ++s)
    if (stages[s].info.search_only) o.*(stages[s].info.option) = false;
  return o;
}

NormalizerOptions NormalizerOptions::ForSearch() { return NormalizerOptions(); }

const NormalizerStageInfo* NormalizerStages(size_t* count) {
  // NormalizerStageInfo is the first member of StageDef; expose a copy array.
  static const std::vector<NormalizerStageInfo>* infos = [] {
    size_t n = 0;
    const internal::StageDef* stages = internal::StageDefs(&n);
    auto* v = new std::vector<NormalizerStageInfo>;
    for (size_t s = 0; s < n; ++s) v->push_back(stages[s].info);
    return v;
  }();
  *count = infos->size();
  return infos->data();
}

Normalizer::Normalizer(const NormalizerOptions& options) : table_(TableFor(options)) {}

std::string Normalizer::Normalize(std::string_view utf8) const {
  std::string out;
  table_->Run(utf8, &out);
  return out;
}

void Normalizer::NormalizeTo(std::string_view utf8, std::string* out) const {
  if (!table_->RunArabicWord(utf8, out)) table_->Run(utf8, out);
}

std::string Normalize(std::string_view utf8, const NormalizerOptions& options) {
  return Normalizer(options).Normalize(utf8);
}

namespace {
const Normalizer& DisplayNormalizer() {
  static const Normalizer n(NormalizerOptions::ForDisplay());
  return n;
}
const Normalizer& SearchNormalizer() {
  static const Normalizer n(NormalizerOptions::ForSearch());
  return n;
}
}  // namespace

namespace {
// A run of tatweel standing alone between spaces ("جنيف ــ العربي الجديد",
// "الروسية ــ الأميركية") is a dash, not a stretched letter: display text
// keeps it as "-", so datelines and compounds still read. Only the text
// changes where such a run occurs; elsewhere the input is returned as is.
// The first tatweel (D9 80) at or after `from`. Arabic text has a D9 lead
// byte every few characters, so the pair is compared 16 positions at a time
// rather than found through its first byte.
size_t FindTatweel(std::string_view s, size_t from) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = from;
#ifdef __SSE2__
  const __m128i lead = _mm_set1_epi8(static_cast<char>(0xD9)), cont = _mm_set1_epi8(static_cast<char>(0x80));
  for (; i + 17 <= n; i += 16) {
    __m128i a = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), lead);
    __m128i b = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1)), cont);
    if (unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(a, b)))) return i + __builtin_ctz(m);
  }
#endif
  for (; i + 1 < n; ++i)
    if (p[i] == 0xD9 && p[i + 1] == 0x80) return i;
  return std::string_view::npos;
}

bool LoneTatweelAsDash(std::string_view s, std::string* out) {
  constexpr std::string_view kTatweel = "\xD9\x80";
  size_t at = FindTatweel(s, 0);
  if (at == std::string_view::npos) return false;
  bool changed = false;
  size_t copied = 0;
  while (at != std::string_view::npos) {
    size_t end = at;
    while (s.compare(end, kTatweel.size(), kTatweel) == 0) end += kTatweel.size();
    auto space = [&](size_t i) { return s[i] == ' ' || s[i] == '\n' || s[i] == '\t'; };
    bool lone = (at == 0 || space(at - 1)) && (end == s.size() || space(end));
    if (lone) {
      out->append(s.substr(copied, at - copied));
      out->push_back('-');
      copied = end;
      changed = true;
    }
    at = FindTatweel(s, end);
  }
  if (changed) out->append(s.substr(copied));
  return changed;
}
}  // namespace

std::string NormalizeDisplay(std::string_view utf8) {
  std::string dashed;
  if (LoneTatweelAsDash(utf8, &dashed)) return DisplayNormalizer().Normalize(dashed);
  return DisplayNormalizer().Normalize(utf8);
}

std::string SearchKey(std::string_view utf8) {
  std::string dashed;
  if (LoneTatweelAsDash(utf8, &dashed)) return SearchNormalizer().Normalize(dashed);
  return SearchNormalizer().Normalize(utf8);
}

void AppendSearchKey(std::string_view utf8, std::string* out) { SearchNormalizer().NormalizeTo(utf8, out); }

const uint16_t* internal::SearchArabicSimple() {
  static const uint16_t* table = TableFor(NormalizerOptions::ForSearch())->arabic_simple.data();
  return table;
}

}  // namespace malaf::text
