#include "text/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace malaf::text {
namespace {

bool IsPresentationForm(char32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0xFF01 && c <= 0xFF5E);  // fullwidth ASCII also folds under NFKC
}

bool IsTashkeel(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED) ||
         (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

bool IsControl(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF ||
         c == 0x00AD || c == 0x061C || c == 0x2060 || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ||
         (c >= 0x80 && c < 0xA0);
}

bool IsSpace(char32_t c) {
  return c == '\t' || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// Persian/Urdu letter forms to their Arabic counterparts.
char32_t FoldPersian(char32_t c) {
  switch (c) {
    case 0x06A9: case 0x06AA: return 0x0643;  // ک ڪ -> ك
    case 0x06AF: return 0x0643;                // گ -> ك (Arabic news writes g as ك/ج/غ; key folds)
    case 0x06CC: case 0x06D0: case 0x06D2: return 0x064A;  // ی ې ے -> ي
    case 0x06C0: return 0x0647;                // ۀ -> ه
    case 0x06D5: return 0x0647;                // ە -> ه
    case 0x06C1: case 0x06BE: return 0x0647;   // ہ ھ -> ه
    case 0x06C3: return 0x0629;                // ۃ -> ة
    case 0x0672: case 0x0673: case 0x0675: return 0x0627;
    default: return c;
  }
}

std::string Nfkc(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString out = n->normalize(u, err);
  if (U_FAILURE(err)) return std::string(s);
  std::string r;
  out.toUTF8String(r);
  return r;
}

}  // namespace

NormalizerOptions NormalizerOptions::ForDisplay() {
  NormalizerOptions o;
  o.fold_alef = o.fold_yeh = o.fold_teh_marbuta = o.fold_hamza_carriers = o.lowercase_latin = false;
  return o;
}

NormalizerOptions NormalizerOptions::ForSearch() { return NormalizerOptions(); }

std::string Normalize(std::string_view in, const NormalizerOptions& o) {
  std::string nfkc;
  if (o.nfkc) {
    bool needs = false;
    for (size_t i = 0; i < in.size() && !needs;) {
      if (static_cast<unsigned char>(in[i]) < 0xE0) { i += static_cast<unsigned char>(in[i]) < 0x80 ? 1 : 2; continue; }
      needs = IsPresentationForm(NextCodePoint(in, i));
    }
    if (needs) { nfkc = Nfkc(in); in = nfkc; }
  }
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    char32_t c = NextCodePoint(in, i);
    if (c < 0x80) {
      if (o.strip_controls && c < 0x20 && c != '\n' && c != '\t') continue;
      if (o.fold_spaces && c == '\t') c = ' ';
      if (o.lowercase_latin && c >= 'A' && c <= 'Z') c += 32;
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (o.strip_controls && IsControl(c)) continue;
    if (o.fold_spaces && IsSpace(c)) { out.push_back(' '); continue; }
    if (o.strip_tashkeel && IsTashkeel(c)) continue;
    if (o.strip_tatweel && c == 0x0640) continue;
    if (o.fold_digits) {
      if (c >= 0x0660 && c <= 0x0669) { out.push_back(static_cast<char>('0' + (c - 0x0660))); continue; }
      if (c >= 0x06F0 && c <= 0x06F9) { out.push_back(static_cast<char>('0' + (c - 0x06F0))); continue; }
      if (c == 0x066B) { out.push_back('.'); continue; }
      if (c == 0x066C) { out.push_back(','); continue; }
    }
    if (o.fold_persian) c = FoldPersian(c);
    if (o.fold_alef && (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671)) c = 0x0627;
    if (o.fold_yeh && c == 0x0649) c = 0x064A;
    if (o.fold_teh_marbuta && c == 0x0629) c = 0x0647;
    if (o.fold_hamza_carriers) {
      if (c == 0x0624) c = 0x0648;
      else if (c == 0x0626) c = 0x064A;
    }
    if (o.lowercase_latin && c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 32;
    AppendUtf8(c, &out);
  }
  return out;
}

std::string NormalizeDisplay(std::string_view utf8) {
  static const NormalizerOptions kDisplay = NormalizerOptions::ForDisplay();
  return Normalize(utf8, kDisplay);
}

std::string SearchKey(std::string_view utf8) {
  static const NormalizerOptions kSearch = NormalizerOptions::ForSearch();
  return Normalize(utf8, kSearch);
}

}  // namespace malaf::text
