#include "text/charset.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "text/utf8.h"

namespace malaf::text {
namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid.
size_t ValidSequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t n = s.size() - i;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return n >= 2 && (b(i + 1) & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (b(i + 1) & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(i + 1) > 0x9F) return 0;   // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (b(i + 1) & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80 || (b(i + 3) & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && b(i + 1) < 0x90) return 0;
    if (c == 0xF4 && b(i + 1) > 0x8F) return 0;
    return 4;
  }
  return 0;
}

Result<std::string> ConvertWithIcu(std::string_view bytes, const std::string& charset, size_t* replaced) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(charset.c_str(), &err), &ucnv_close);
  if (U_FAILURE(err)) return Status::Unsupported("unknown charset '" + charset + "'");
  std::unique_ptr<UConverter, decltype(&ucnv_close)> utf8(ucnv_open("UTF-8", &err), &ucnv_close);
  if (U_FAILURE(err)) return Status::Corruption("cannot open UTF-8 converter");
  std::string out;
  out.resize(bytes.size() * 3 + 16);
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(utf8.get(), cnv.get(), &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true, &err);
  if (U_FAILURE(err)) return Status::Corruption("cannot convert from " + charset + ": " + u_errorName(err));
  out.resize(static_cast<size_t>(target - out.data()));
  // ICU substitutes U+FFFD for unmappable bytes; count them.
  size_t n = 0;
  for (size_t p = out.find("\xEF\xBF\xBD"); p != std::string::npos; p = out.find("\xEF\xBF\xBD", p + 3)) ++n;
  *replaced = n;
  return out;
}

// Heuristic for 8-bit Arabic text when no charset is declared: windows-1256
// is far more common on the web than ISO-8859-6, and the two disagree mostly
// in 0x80-0x9F and 0xC0-0xFF ranges, where cp1256 letters are frequent.
std::string GuessSingleByte(std::string_view bytes) {
  size_t c1 = 0;
  for (unsigned char c : bytes)
    if ((c >= 0x80 && c <= 0x9F) || (c >= 0xDB && c <= 0xFF && c != 0xE0 && c != 0xE1)) ++c1;
  (void)c1;
  return "windows-1256";
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = ValidSequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

size_t RepairUtf8(std::string_view in, std::string* out) {
  size_t replaced = 0;
  out->reserve(out->size() + in.size());
  for (size_t i = 0; i < in.size();) {
    size_t n = ValidSequence(in, i);
    if (n == 0) {
      out->append("\xEF\xBF\xBD");
      ++replaced;
      ++i;
    } else {
      out->append(in.data() + i, n);
      i += n;
    }
  }
  return replaced;
}

Result<Decoded> Decode(std::string_view bytes, const DecodeOptions& options) {
  Decoded d;
  std::string cs = Lower(options.charset);
  if (cs == "utf8") cs = "utf-8";
  // BOMs are authoritative over a declared charset: a page saved as UTF-16
  // keeps its old <meta charset>.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    cs = "utf-8";
  } else if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    cs = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    bytes.remove_prefix(2);
  }
  if (cs.empty()) {
    // UTF-16 without BOM: many NULs at odd or even positions.
    size_t even = 0, odd = 0, lim = std::min<size_t>(bytes.size(), 4096);
    for (size_t i = 0; i < lim; ++i)
      if (bytes[i] == 0) (i % 2 ? odd : even)++;
    if (lim >= 4 && odd > lim / 4) cs = "utf-16le";
    else if (lim >= 4 && even > lim / 4) cs = "utf-16be";
    else if (IsValidUtf8(bytes)) cs = "utf-8";
    else {
      // Mostly-valid UTF-8 with a few bad bytes is damaged UTF-8, not cp1256.
      size_t bad = 0, high = 0;
      for (size_t i = 0; i < bytes.size();) {
        size_t n = ValidSequence(bytes, i);
        if (n == 0) { ++bad; ++i; } else { if (n > 1) ++high; i += n; }
      }
      cs = high > bad * 4 ? "utf-8" : GuessSingleByte(bytes);
    }
  }
  d.charset = cs;
  if (cs == "utf-8") {
    d.replaced = RepairUtf8(bytes, &d.utf8);
    return d;
  }
  auto conv = ConvertWithIcu(bytes, cs, &d.replaced);
  if (!conv.ok()) return conv.status();
  d.utf8 = std::move(conv).value();
  if (d.utf8.size() >= 3 && d.utf8.compare(0, 3, "\xEF\xBB\xBF") == 0) d.utf8.erase(0, 3);
  return d;
}

}  // namespace malaf::text
