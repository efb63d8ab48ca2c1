// Shape of a line or block of page text: the general signals main-content
// extraction judges by (words, script mix, sentence punctuation). Pure
// functions; thread-safe. Input must be valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace malaf {

struct TextShape {
  size_t words = 0;          // whitespace-separated words, plus one per two CJK characters
                             // (scripts written without spaces still get a length)
  size_t letters = 0;        // letters of any script
  size_t arabic = 0;         // Arabic-script letters
  size_t latin = 0;          // Latin letters
  size_t digits = 0;
  size_t commas = 0;         // , and Arabic comma
  size_t stops = 0;          // sentence ends: . ! ? and Arabic question mark
  bool ends_sentence = false;// last non-space character ends a sentence (or a quote after one)
};

TextShape ShapeOf(std::string_view text);

// Collapses runs of whitespace (and NBSP) to one space and trims.
std::string CollapseSpaces(std::string_view text);

// True when the text's letters are mostly of a script other than `arabic`
// says (Latin inside an Arabic page, or Arabic inside a Latin page).
inline bool IsOtherScript(const TextShape& s, bool page_is_arabic) {
  if (s.letters < 8) return false;
  return page_is_arabic ? s.latin * 10 > s.letters * 7 : s.arabic * 10 > s.letters * 7;
}

}  // namespace malaf
