// The normalizer stages, one small function each, in pipeline order.
// Lossless-for-reading stages come first (they shape the display text), the
// search-only folds last. To add a stage: write its map, add its switch to
// NormalizerOptions, list it in kStages, give it a table in
// tests/text/normalizer_test.cc, and bump kNormalizerVersion.
#include "text/normalizer_stages.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace malaf::text::internal {
namespace {

bool Replace(std::u32string* out, std::u32string_view with) {
  out->assign(with);
  return true;
}
bool Delete(std::u32string* out) {
  out->clear();
  return true;
}

// --- nfkc: compatibility forms (Arabic presentation forms, lam-alef
// ligatures, fullwidth Latin, superscripts, ligatures like ﷲ) -> base text.
bool Nfkc(char32_t c, std::u32string* out) {
  if (c < 0xA0) return false;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) return false;
  icu::UnicodeString decomposition;
  if (!nfkc->getDecomposition(static_cast<UChar32>(c), decomposition)) return false;
  icu::UnicodeString in(static_cast<UChar32>(c));
  icu::UnicodeString norm = nfkc->normalize(in, err);
  if (U_FAILURE(err) || norm == in) return false;
  out->clear();
  for (int32_t i = 0; i < norm.length();) {
    UChar32 x = norm.char32At(i);
    out->push_back(static_cast<char32_t>(x));
    i += U16_LENGTH(x);
  }
  // The isolated harakat forms (U+FE70..FE7F) decompose to SPACE + mark;
  // the space is an artefact of the isolated glyph, not a word break.
  if (c >= 0xFE70 && c <= 0xFE7F && out->size() == 2 && (*out)[0] == ' ') out->erase(0, 1);
  return true;
}

// --- fold_spaces: every Unicode space -> ' ', every line break -> '\n'.
bool FoldSpaces(char32_t c, std::u32string* out) {
  switch (c) {
    case '\t': case 0x0B: case 0x0C: case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0x180E:  // MONGOLIAN VOWEL SEPARATOR, a space before Unicode 6.3
      return Replace(out, U" ");
    case 0x0085: case 0x2028: case 0x2029:
      return Replace(out, U"\n");
    default:
      if (c >= 0x2000 && c <= 0x200A) return Replace(out, U" ");
      return false;
  }
}

// --- strip_controls: bidi marks and isolates, zero-width characters, BOM,
// soft hyphen, C0/C1 controls (except \n), variation selectors, tags.
bool StripControls(char32_t c, std::u32string* out) {
  if (c < 0x20) return c != '\n' && c != '\t' && Delete(out);
  if (c == 0x7F || (c >= 0x80 && c < 0xA0)) return Delete(out);
  switch (c) {
    case 0x00AD: case 0x034F: case 0x061C: case 0x115F: case 0x1160: case 0x17B4: case 0x17B5:
    case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F: case 0xFEFF: case 0x3164: case 0xFFA0:
      return Delete(out);
    default: break;
  }
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) ||
      (c >= 0xFFF0 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE0FFF) || (c >= 0x1BCA0 && c <= 0x1BCA3))
    return Delete(out);
  return false;
}

// --- strip_tashkeel: harakat, tanwin, shadda, sukun, hamza/madda marks,
// superscript alef, Quranic annotation marks (small high letters, pause and
// sajda signs, end of ayah), and the extended-A Quranic marks.
bool StripTashkeel(char32_t c, std::u32string* out) {
  if ((c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0674 ||
      (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2) || c == 0x0898 ||
      (c >= 0x0899 && c <= 0x089F) || (c >= 0x08CA && c <= 0x08D2))
    return c != 0x06DE && c != 0x06E9 ? Delete(out) : false;  // ۞ ۩ are symbols
  return false;
}

// --- strip_tatweel: U+0640 (kashida), only stretches letters.
bool StripTatweel(char32_t c, std::u32string* out) { return c == 0x0640 && Delete(out); }

// --- fold_digits: Arabic-Indic and Eastern Arabic-Indic (Persian/Urdu)
// digits, the Arabic decimal and thousands separators and percent sign.
bool FoldDigits(char32_t c, std::u32string* out) {
  if (c >= 0x0660 && c <= 0x0669) return Replace(out, std::u32string(1, U'0' + (c - 0x0660)));
  if (c >= 0x06F0 && c <= 0x06F9) return Replace(out, std::u32string(1, U'0' + (c - 0x06F0)));
  if (c == 0x066B) return Replace(out, U".");
  if (c == 0x066C) return Replace(out, U",");
  if (c == 0x066A) return Replace(out, U"%");
  return false;
}

// --- fold_persian: Persian and Urdu letter forms that Arabic writes with
// its own letters (keyboard variants that look the same in Arabic text).
bool FoldPersian(char32_t c, std::u32string* out) {
  switch (c) {
    case 0x06A9: case 0x06AA: case 0x063B: case 0x063C: return Replace(out, U"\u0643");  // ک ڪ ػ ؼ -> ك
    case 0x06CC: case 0x06D0: case 0x06D2: case 0x06CD: case 0x06CE: case 0x063D: case 0x063E: case 0x063F:
      return Replace(out, U"\u064A");                                                       // ی ې ے ۍ ێ -> ي
    case 0x06D3: return Replace(out, U"\u0626");                                            // ۓ -> ئ
    case 0x06C0: case 0x06C2: case 0x06D5: case 0x06C1: case 0x06BE: case 0x06FF:
      return Replace(out, U"\u0647");                                                       // ۀ ۂ ە ہ ھ -> ه
    case 0x06C3: return Replace(out, U"\u0629");                                            // ۃ -> ة
    case 0x0672: return Replace(out, U"\u0623");                                            // ٲ -> أ
    case 0x0673: return Replace(out, U"\u0625");                                            // ٳ -> إ
    case 0x06C5: case 0x06C6: case 0x06C7: case 0x06C8: case 0x06C9: case 0x06CB: case 0x06CF:
      return Replace(out, U"\u0648");                                                       // ۅ ۆ ۇ ۈ ۉ ۋ ۏ -> و
    default: return false;
  }
}

// --- search only from here on ---

// fold_alef: hamza-carrying alefs, madda and wasla -> bare alef.
bool FoldAlef(char32_t c, std::u32string* out) {
  return (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) && Replace(out, U"\u0627");
}

// fold_yeh: alef maksura -> yeh (على/علي, مصطفى/مصطفي are written both ways).
bool FoldYeh(char32_t c, std::u32string* out) { return c == 0x0649 && Replace(out, U"\u064A"); }

// fold_teh_marbuta: ة -> ه (final ة/ه are confused in running text).
bool FoldTehMarbuta(char32_t c, std::u32string* out) { return c == 0x0629 && Replace(out, U"\u0647"); }

// fold_hamza_carriers: ؤ ئ -> ء. The seat of a medial hamza varies by
// writer (مسؤول/مسئول, شؤون/شئون, يقرؤون/يقرئون); the hamza itself does not.
bool FoldHamzaCarriers(char32_t c, std::u32string* out) {
  return (c == 0x0624 || c == 0x0626) && Replace(out, U"\u0621");
}

// fold_foreign_letters: letters used for sounds Arabic lacks, which other
// writers spell with the nearest Arabic letter (گوگل/جوجل is left to the
// name key; here only the unambiguous one-to-one folds).
bool FoldForeignLetters(char32_t c, std::u32string* out) {
  switch (c) {
    case 0x06AF: case 0x06B3: case 0x06B1: return Replace(out, U"\u0643");  // گ -> ك
    case 0x067E: return Replace(out, U"\u0628");                            // پ -> ب
    case 0x0686: return Replace(out, U"\u062C");                            // چ -> ج
    case 0x06A4: case 0x06A5: return Replace(out, U"\u0641");              // ڤ -> ف
    case 0x0698: return Replace(out, U"\u0632");                            // ژ -> ز
    default: return false;
  }
}

// lowercase_latin: Unicode simple case folding (Latin, Greek, Cyrillic...).
bool LowercaseLatin(char32_t c, std::u32string* out) {
  if (c < 0x41) return false;
  UChar32 f = u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT);
  if (f == static_cast<UChar32>(c)) return false;
  return Replace(out, std::u32string(1, static_cast<char32_t>(f)));
}

const StageDef kStages[] = {
    {{"nfkc", false, &NormalizerOptions::nfkc}, Nfkc},
    {{"fold_spaces", false, &NormalizerOptions::fold_spaces}, FoldSpaces},
    {{"strip_controls", false, &NormalizerOptions::strip_controls}, StripControls},
    {{"strip_tashkeel", false, &NormalizerOptions::strip_tashkeel}, StripTashkeel},
    {{"strip_tatweel", false, &NormalizerOptions::strip_tatweel}, StripTatweel},
    {{"fold_digits", false, &NormalizerOptions::fold_digits}, FoldDigits},
    {{"fold_persian", false, &NormalizerOptions::fold_persian}, FoldPersian},
    {{"fold_alef", true, &NormalizerOptions::fold_alef}, FoldAlef},
    {{"fold_yeh", true, &NormalizerOptions::fold_yeh}, FoldYeh},
    {{"fold_teh_marbuta", true, &NormalizerOptions::fold_teh_marbuta}, FoldTehMarbuta},
    {{"fold_hamza_carriers", true, &NormalizerOptions::fold_hamza_carriers}, FoldHamzaCarriers},
    {{"fold_foreign_letters", true, &NormalizerOptions::fold_foreign_letters}, FoldForeignLetters},
    {{"lowercase_latin", true, &NormalizerOptions::lowercase_latin}, LowercaseLatin},
};

}  // namespace

const StageDef* StageDefs(size_t* count) {
  *count = sizeof(kStages) / sizeof(kStages[0]);
  return kStages;
}

char32_t ComposeArabic(char32_t base, char32_t mark) {
  if (mark < 0x0653 || mark > 0x0655) return 0;
  switch (base) {
    case 0x0627: return mark == 0x0653 ? 0x0622 : mark == 0x0654 ? 0x0623 : 0x0625;  // آ أ إ
    case 0x0648: return mark == 0x0654 ? 0x0624 : 0;                                  // ؤ
    case 0x064A: case 0x0649: case 0x06CC:
      return mark == 0x0654 ? 0x0626 : 0;  // ئ (its seat is a dotless yeh: ى + hamza is ئ too)
    case 0x06D5: return mark == 0x0654 ? 0x06C0 : 0;                                  // ۀ
    case 0x06C1: return mark == 0x0654 ? 0x06C2 : 0;                                  // ۂ
    case 0x06D2: return mark == 0x0654 ? 0x06D3 : 0;                                  // ۓ
    default: return 0;
  }
}

}  // namespace malaf::text::internal
