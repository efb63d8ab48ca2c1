// The word sequence that the name and quotation finders walk: the tokens of
// an article body (punctuation included) with their search keys and their
// forms without the clitics و ف ب ل ك that Arabic writes onto a word.
// Internal to src/entities. Views borrow from the body passed to Words().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace malaf::entities {

struct WordForm {
  std::string key;  // search key of the form
  size_t skip = 0;  // display bytes of the stripped clitics (the form starts at word.start + skip)
  bool conj = false;  // a و/ف was stripped
};

struct Word {
  std::string_view text;
  size_t start = 0;
  size_t end = 0;
  bool punct = false;
  char32_t cp = 0;            // the punctuation mark, for punct words
  bool letters = false;       // Arabic or Latin word
  bool break_before = false;  // a line break separates it from the previous word
  std::string key;            // search key of the whole word
  std::vector<WordForm> forms;  // forms[0] is the whole word; then clitic-stripped forms
};

std::vector<Word> Words(std::string_view body);

// True for a search key that starts with the article ال.
bool IsDefinite(std::string_view key);

// Number of code points.
size_t Letters(std::string_view s);

}  // namespace malaf::entities
