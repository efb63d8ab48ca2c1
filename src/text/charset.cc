// Decoding: UTF-8 validation and repair on a fast path of our own, every
// other charset through ICU converters, and detection when nothing is
// declared (BOM, then UTF-16 byte patterns, then UTF-8 validity, then a
// windows-1256 / ISO-8859-6 vote by Arabic letter frequencies).
#include "text/charset.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <array>
#include <cmath>
#include <cstring>
#include <memory>

#include "base/data_files.h"
#include "text/utf8.h"

namespace malaf::text {
namespace {

std::string Lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid.
inline size_t ValidSequence(const unsigned char* p, size_t n, size_t i) {
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  size_t left = n - i;
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && (p[i + 1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[i + 1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[i + 1] > 0x9F) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && p[i + 1] < 0x90) return 0;
    if (c == 0xF4 && p[i + 1] > 0x8F) return 0;
    return 4;
  }
  return 0;
}

// Bytes covered by one U+FFFD at an invalid sequence at p[i]: the lead byte
// and the continuation bytes that were still valid for it (the "maximal
// subpart" of Unicode 3.9 and the WHATWG decoder), so a truncated sequence
// counts as one error.
size_t MaximalSubpart(const unsigned char* p, size_t n, size_t i) {
  unsigned char c = p[i];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) need = 1;
  else if (c >= 0xE0 && c <= 0xEF) { need = 2; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
  else if (c >= 0xF0 && c <= 0xF4) { need = 3; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
  else return 1;
  size_t k = 0;
  while (k < need && i + 1 + k < n) {
    unsigned char x = p[i + 1 + k];
    if (x < lo || x > hi) break;
    lo = 0x80; hi = 0xBF;
    ++k;
  }
  return 1 + k;
}

// Offset of the first invalid UTF-8 sequence, or s.size(). ASCII is
// skipped eight bytes at a time.
size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time while the text is ASCII and two-byte sequences
  // (all of Arabic): every continuation byte must follow a lead byte
  // C2..DF and every such lead be followed by one. Any other byte (three-
  // and four-byte sequences, invalid bytes) drops to the scalar loop for
  // that block.
  {
    const __m128i kC0 = _mm_set1_epi8(static_cast<char>(0xC0));   // below: continuation 80..BF
    const __m128i kC1 = _mm_set1_epi8(static_cast<char>(0xC1));   // above: lead C2..
    const __m128i kE0 = _mm_set1_epi8(static_cast<char>(0xE0));   // below: lead ..DF
    unsigned carry = 0;  // the previous block ended with a lead byte
    while (i + 16 <= n) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (high == 0 && carry == 0) { i += 16; continue; }
      unsigned cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, kC0)));
      unsigned lead = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, kC1), _mm_cmplt_epi8(v, kE0))));
      if ((cont | lead) != high || (((lead << 1) | carry) & 0xFFFF) != cont) break;
      carry = lead >> 15;
      i += 16;
    }
    if (carry) --i;  // resume the scalar loop at the pending lead byte
  }
#endif
  while (i < n) {
    unsigned c = p[i];
    if (c < 0x80) {
      // Runs of ASCII go eight bytes at a time.
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if ((w & 0x8080808080808080ull) != 0) break;
        i += 8;
      }
      while (i < n && p[i] < 0x80) ++i;
      continue;
    }
    // Two-byte sequences (Arabic, Latin-1, Greek, Cyrillic) inline.
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    size_t len = ValidSequence(p, n, i);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

struct Counter {
  size_t replaced = 0;
};

// ICU to-Unicode callback: every illegal or unmappable byte sequence becomes
// U+FFFD (ICU's single-byte converters would write U+001A) and is counted.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to do
  ++static_cast<Counter*>(const_cast<void*>(context))->replaced;
  static const UChar kFffd = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

using ConverterPtr = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

Result<ConverterPtr> OpenConverter(const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(charset.c_str(), &err), &ucnv_close);
  if (U_FAILURE(err) || !cnv) return Status::Unsupported("unknown charset '" + charset + "'");
  return cnv;
}

Result<std::string> ConvertWithIcu(std::string_view bytes, const std::string& charset, size_t* replaced) {
  auto cnv = OpenConverter(charset);
  if (!cnv.ok()) return cnv.status();
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr utf8(ucnv_open("UTF-8", &err), &ucnv_close);
  if (U_FAILURE(err)) return Status::Corruption("cannot open the UTF-8 converter");
  Counter counter;
  ucnv_setToUCallBack(cnv->get(), CountingSubstitute, &counter, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return Status::Corruption("cannot set up the converter for " + charset);
  std::string out;
  out.resize(bytes.size() * 3 + 16);  // UTF-16/single-byte -> at most 3 UTF-8 bytes per input byte
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(utf8.get(), cnv->get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &err);
  if (U_FAILURE(err)) return Status::Corruption("cannot convert from " + charset + ": " + u_errorName(err));
  out.resize(static_cast<size_t>(target - out.data()));
  *replaced = counter.replaced;
  return out;
}

// The lowercase preferred name (MIME, else IANA) ICU knows `label` by
// ("CP1256" -> "windows-1256", "arabic" -> "iso-8859-6"), or empty when ICU
// does not know it.
std::string CanonicalCharset(const std::string& label) {
  std::string l = Lower(label);
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return "utf-8";
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(l.c_str(), &err), &ucnv_close);
  if (U_FAILURE(err) || !cnv) return "";
  const char* internal = ucnv_getName(cnv.get(), &err);
  if (U_FAILURE(err) || !internal) return "";
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(internal, standard, &e);
    if (U_SUCCESS(e) && name) return Lower(name);
  }
  return Lower(internal);
}

// Each high byte's code point under windows-1256 and ISO-8859-6 (0 for
// undefined), from ICU's own tables.
struct SingleByteTables {
  std::array<char32_t, 128> cp1256{};
  std::array<char32_t, 128> iso88596{};
  std::array<double, 0x100> log_freq{};  // Arabic letters U+0600..06FF, by low byte; 0 = not a letter
};

const SingleByteTables& SingleByte() {
  static const SingleByteTables* t = [] {
    auto* t = new SingleByteTables;
    auto fill = [](const char* name, std::array<char32_t, 128>* out) {
      UErrorCode err = U_ZERO_ERROR;
      ConverterPtr cnv(ucnv_open(name, &err), &ucnv_close);
      if (U_FAILURE(err)) return;
      ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
      for (int b = 0x80; b < 0x100; ++b) {
        char in = static_cast<char>(b);
        UChar u[4];
        err = U_ZERO_ERROR;
        ucnv_reset(cnv.get());
        int32_t n = ucnv_toUChars(cnv.get(), u, 4, &in, 1, &err);
        (*out)[b - 0x80] = U_SUCCESS(err) && n == 1 ? u[0] : 0;
      }
    };
    fill("windows-1256", &t->cp1256);
    fill("ISO-8859-6", &t->iso88596);
    double total = 0;
    std::array<double, 0x100> per{};
    if (auto f = DataFile("data/arabic_letter_frequency.tsv")) {
      for (const auto& row : ReadTable(*f)) {
        if (row.size() < 2) continue;
        unsigned cp = std::stoul(std::string(row[0]), nullptr, 16);
        if (cp < 0x0600 || cp > 0x06FF) continue;
        per[cp & 0xFF] = std::stod(std::string(row[1]));
        total += per[cp & 0xFF];
      }
    }
    for (int k = 0; k < 0x100; ++k) t->log_freq[k] = per[k] > 0 ? std::log(per[k] / total) : 0;
    return t;
  }();
  return *t;
}

// Log-likelihood of the high bytes as Arabic text under one charset: Arabic
// letters score by their frequency in Arabic news, other defined characters
// (punctuation, French letters) a small constant, undefined bytes and C1
// controls a large penalty. The two charsets share ASCII and many letter
// positions but not the frequent ل (0xE1 vs 0xE4), م, ن, ي, و, so real text
// scores clearly higher under its own charset.
double ScoreSingleByte(std::string_view bytes, const std::array<char32_t, 128>& map) {
  const SingleByteTables& t = SingleByte();
  double score = 0;
  const double kOther = std::log(1e-4), kUndefined = std::log(1e-8);
  for (unsigned char b : bytes) {
    if (b < 0x80) continue;
    char32_t c = map[b - 0x80];
    if (c == 0 || (c >= 0x80 && c < 0xA0)) score += kUndefined;
    else if (c >= 0x0600 && c <= 0x06FF && t.log_freq[c & 0xFF] != 0) score += t.log_freq[c & 0xFF];
    else score += kOther;
  }
  return score;
}

// UTF-16 without a BOM: in each 2-byte unit one byte is nearly always the
// same "page" byte (0x00 for ASCII, 0x06 for Arabic, 0x20 for punctuation).
// Returns "utf-16le", "utf-16be" or "".
std::string DetectBomlessUtf16(std::string_view bytes) {
  size_t units = std::min<size_t>(bytes.size(), 8192) / 2;
  if (units < 2) return "";
  size_t le = 0, be = 0, nul = 0;
  for (size_t u = 0; u < units; ++u) {
    unsigned char a = static_cast<unsigned char>(bytes[2 * u]), b = static_cast<unsigned char>(bytes[2 * u + 1]);
    auto page = [](unsigned char x) { return x == 0x00 || x == 0x06 || x == 0x20 || x == 0xFE || x == 0xFB; };
    le += page(b) && a != 0;
    be += page(a) && b != 0;
    nul += (a == 0) + (b == 0);
  }
  if (nul == 0) return "";  // UTF-16 text always has some ASCII (spaces, digits)
  if (le * 10 >= units * 9 && le > be) return "utf-16le";
  if (be * 10 >= units * 9 && be > le) return "utf-16be";
  return "";
}

}  // namespace

bool IsValidUtf8(std::string_view s) { return FirstInvalidUtf8(s) == s.size(); }

namespace {
size_t RepairFrom(std::string_view in, size_t first, std::string* out);
}

size_t RepairUtf8(std::string_view in, std::string* out) { return RepairFrom(in, FirstInvalidUtf8(in), out); }

namespace {
size_t RepairFrom(std::string_view in, size_t first, std::string* out) {
  out->reserve(out->size() + in.size() + 8);
  out->append(in.data(), first);
  if (first == in.size()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t replaced = 0;
  for (size_t i = first; i < in.size();) {
    size_t n = ValidSequence(p, in.size(), i);
    if (n == 0) {
      out->append("\xEF\xBF\xBD");
      ++replaced;
      i += MaximalSubpart(p, in.size(), i);
    } else {
      out->append(in.data() + i, n);
      i += n;
    }
  }
  return replaced;
}
}  // namespace

std::string GuessArabicSingleByte(std::string_view bytes) {
  const SingleByteTables& t = SingleByte();
  return ScoreSingleByte(bytes, t.iso88596) > ScoreSingleByte(bytes, t.cp1256) ? "iso-8859-6" : "windows-1256";
}

Result<Decoded> Decode(std::string_view bytes, const DecodeOptions& options) {
  Decoded d;
  std::string cs;
  if (!options.charset.empty()) {
    cs = CanonicalCharset(options.charset);
    if (cs.empty()) return Status::Unsupported("unknown charset '" + options.charset + "'");
  }
  // A BOM is authoritative over a declared charset (as in the HTML standard):
  // a file saved as UTF-16 keeps its old <meta charset>.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    cs = "utf-8";
  } else if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    cs = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    bytes.remove_prefix(2);
  }
  size_t bad_at = std::string_view::npos;
  if (cs.empty()) {
    bad_at = FirstInvalidUtf8(bytes);
    if (bad_at == bytes.size()) {
      cs = bytes.find('\0') != std::string_view::npos ? DetectBomlessUtf16(bytes) : "";
      if (cs.empty()) cs = "utf-8";
    } else if (std::string u16 = DetectBomlessUtf16(bytes); !u16.empty()) {
      cs = u16;
    } else {
      // Mostly-valid UTF-8 with a few bad bytes is damaged UTF-8, not 8-bit.
      const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
      size_t bad = 0, multi = 0;
      for (size_t i = 0; i < bytes.size();) {
        size_t n = ValidSequence(p, bytes.size(), i);
        if (n == 0) { ++bad; ++i; } else { multi += n > 1; i += n; }
      }
      cs = multi > bad * 4 ? "utf-8" : GuessArabicSingleByte(bytes);
    }
  }
  d.charset = cs;
  if (cs == "utf-8") {
    d.replaced = RepairFrom(bytes, bad_at != std::string_view::npos ? bad_at : FirstInvalidUtf8(bytes), &d.utf8);
  } else {
    auto conv = ConvertWithIcu(bytes, cs, &d.replaced);
    if (!conv.ok()) return conv.status();
    d.utf8 = std::move(conv).value();
  }
  if (d.utf8.size() >= 3 && d.utf8.compare(0, 3, "\xEF\xBB\xBF") == 0) d.utf8.erase(0, 3);
  return d;
}

}  // namespace malaf::text
