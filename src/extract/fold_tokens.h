// Internal to src/extract: a small, fast tokenizer with folded keys, shared
// by the date parser and the metadata reader (agencies, datelines, places).
// Words (Arabic or Latin letters), numbers (ASCII, Arabic-Indic and Eastern
// Arabic-Indic digits, each run its own token, so "27AUGUST2016" is three
// tokens) and single punctuation marks, each with byte offsets into the
// input. Keys are folded for matching: diacritics and tatweel removed, hamza
// forms -> ا, ى/ئ -> ي, ة -> ه, ؤ -> و, Latin lowercased and unaccented;
// digits become ASCII; look-alike commas, dashes and slashes become , - /.
// Pure functions; thread-safe. Invalid UTF-8 bytes are skipped safely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace malaf::fold {

enum class TokKind : uint8_t { kWord, kNumber, kPunct, kNewline };

struct Tok {
  TokKind kind = TokKind::kWord;
  size_t start = 0, end = 0;
  std::string key;      // folded word, digits as ASCII, or the punctuation itself
  int64_t num = 0;      // value of a number (saturated)
  int digits = 0;       // digit count of a number
  bool space_before = false;
  int line = 0;
};

// Decodes one code point at s[*i] and advances *i; invalid bytes give U+FFFD
// and advance one byte. REQUIRES: *i < s.size().
char32_t Decode(std::string_view s, size_t* i);
void Append(char32_t cp, std::string* out);

std::vector<Tok> Tokenize(std::string_view s);

// The folded key of a whole string: its tokens' keys joined by one space.
std::string FoldKey(std::string_view s);

inline bool IsPunct(const Tok& t, std::string_view p) { return t.kind == TokKind::kPunct && t.key == p; }

}  // namespace malaf::fold
