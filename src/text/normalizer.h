// The Arabic normalizer: a fixed, ordered pipeline of small stages.
//
// Two outputs:
//  - display text: clean text with letters as written (diacritics, tatweel,
//    controls and odd spaces removed, presentation forms and digits folded).
//    Used for stored article text, snippets and offsets.
//  - search key: display text further folded for matching (hamza-carrying
//    alefs and alef wasla -> ا, ى -> ي, ة -> ه, Persian letters folded, ...).
// Each stage can be switched off in NormalizerOptions, and each has its own
// table of test cases (tests/text/normalizer_test.cc). Normalizing an already
// normalized string changes nothing (idempotence is tested).
// A Normalizer is immutable after construction and safe for concurrent use.
#pragma once

#include <string>
#include <string_view>

namespace malaf::text {

// Version of the normalization rules; stored in the index so that a change
// of rules forces a rebuild. Bump it whenever output changes.
inline constexpr int kNormalizerVersion = 1;

struct NormalizerOptions {
  // Lossless-for-reading stages (display and search):
  bool nfkc = true;               // presentation forms, lam-alef ligatures -> base letters
  bool strip_controls = true;     // bidi marks, ZWJ/ZWNJ, BOM, soft hyphen removed
  bool fold_spaces = true;        // every Unicode space -> ' '
  bool strip_tashkeel = true;     // harakat, tanwin, shadda, sukun, superscript alef, Quranic marks
  bool strip_tatweel = true;      // U+0640
  bool fold_digits = true;        // Arabic-Indic and Eastern Arabic-Indic digits, ٫ ٬ -> ASCII
  bool fold_persian = true;       // ک گ ی ې ە ۀ ... -> Arabic letters
  // Search-key-only stages:
  bool fold_alef = true;          // أ إ آ ٱ -> ا
  bool fold_yeh = true;           // ى -> ي
  bool fold_teh_marbuta = true;   // ة -> ه
  bool fold_hamza_carriers = true;// ؤ -> و, ئ -> ي  (search only)
  bool lowercase_latin = true;    // Latin case folding

  static NormalizerOptions ForDisplay();  // search-key-only stages off
  static NormalizerOptions ForSearch();   // everything on (the default)
};

// Display text. Input must be valid UTF-8.
std::string NormalizeDisplay(std::string_view utf8);

// Search key of a word or text (display normalization + search folding).
std::string SearchKey(std::string_view utf8);

// Runs exactly the stages enabled in `options`.
std::string Normalize(std::string_view utf8, const NormalizerOptions& options);

}  // namespace malaf::text
