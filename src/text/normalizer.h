// The Arabic normalizer: a fixed, ordered pipeline of small stages.
//
// Two outputs:
//  - display text: clean text with letters as written (diacritics, tatweel,
//    controls and odd spaces removed, presentation forms and digits folded).
//    Used for stored article text, snippets and offsets.
//  - search key: display text further folded for matching (hamza-carrying
//    alefs and alef wasla -> ا, ى -> ي, ة -> ه, Persian letters folded, ...).
// Each stage can be switched off in NormalizerOptions, and each has its own
// table of test cases (tests/text/normalizer_tables.h; the stages themselves
// are in normalizer_stages.cc). Normalizing an already normalized string
// changes nothing, for every option set (idempotence is tested over the whole
// BMP). Invalid UTF-8 never gets through: each bad byte becomes U+FFFD.
// A Normalizer is immutable after construction and safe for concurrent use.
#pragma once

#include <string>
#include <string_view>

namespace malaf::text {

// Version of the normalization rules; stored in the index so that a change
// of rules forces a rebuild. Bump it whenever output changes.
// v2: table-driven pipeline; NFKC per code point plus Arabic hamza/madda
// composition; Quranic marks; every Unicode space and line separator; ؤ ئ -> ء.
inline constexpr int kNormalizerVersion = 3;  // 3: a lone tatweel run is a dash

struct NormalizerOptions {
  // Lossless-for-reading stages (display and search):
  bool nfkc = true;               // presentation forms, lam-alef ligatures -> base letters
  bool strip_controls = true;     // bidi marks, ZWJ/ZWNJ, BOM, soft hyphen removed
  bool fold_spaces = true;        // every Unicode space -> ' '
  bool strip_tashkeel = true;     // harakat, tanwin, shadda, sukun, superscript alef, Quranic marks
  bool strip_tatweel = true;      // U+0640
  bool fold_digits = true;        // Arabic-Indic and Eastern Arabic-Indic digits, ٫ ٬ -> ASCII
  bool fold_persian = true;       // ک ی ې ے ە ۀ ہ ھ ۃ ... -> Arabic letters (گ stays; see below)
  // Search-key-only stages:
  bool fold_alef = true;          // أ إ آ ٱ -> ا
  bool fold_yeh = true;           // ى -> ي
  bool fold_teh_marbuta = true;   // ة -> ه
  bool fold_hamza_carriers = true;// ؤ ئ -> ء, so مسؤول/مسئول and شؤون/شئون meet (search only)
  bool lowercase_latin = true;    // case folding (Latin, Greek, Cyrillic, ...)
  bool fold_foreign_letters = true;  // گ -> ك, پ -> ب, چ -> ج, ڤ -> ف (search only)

  static NormalizerOptions ForDisplay();  // search-key-only stages off
  static NormalizerOptions ForSearch();   // everything on (the default)
};

// A compiled pipeline: the enabled stages folded into one code-point table,
// so normalizing costs one table lookup per character. Immutable after
// construction, cheap to copy (the table is shared and lives for the whole
// process), safe for concurrent use.
class Normalizer {
 public:
  explicit Normalizer(const NormalizerOptions& options = {});
  std::string Normalize(std::string_view utf8) const;
  // Appends the normalized form of `utf8` to `*out` (no allocation when
  // `*out` has capacity).
  void NormalizeTo(std::string_view utf8, std::string* out) const;

 private:
  const struct NormalizerTable* table_;
};

// One stage of the pipeline, in order. Used by tests and `malaf analyze`.
struct NormalizerStageInfo {
  std::string_view name;            // "nfkc", "strip_tashkeel", ...
  bool search_only;                 // lossy for reading: off in ForDisplay()
  bool NormalizerOptions::*option;  // the switch
};
// The stages in pipeline order.
const NormalizerStageInfo* NormalizerStages(size_t* count);

// Display text. Input should be valid UTF-8; invalid bytes become U+FFFD.
std::string NormalizeDisplay(std::string_view utf8);

// Search key of a word or text (display normalization + search folding).
std::string SearchKey(std::string_view utf8);
// Appends the search key of `utf8` to `*out`.
void AppendSearchKey(std::string_view utf8, std::string* out);

// Runs exactly the stages enabled in `options`.
std::string Normalize(std::string_view utf8, const NormalizerOptions& options);

}  // namespace malaf::text
