// Hooks between the tokenizer, the normalizer and the fused analysis loop
// of analyzer.cc, which tokenizes and keys plain Arabic words in one pass
// and hands everything else to the tokenizer's own step. Not for use
// outside src/text. Thread-safe (the tables are built once, then read-only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace malaf::text::internal {

// One step of the tokenizer at byte `i` of `text`: skips, or appends at most
// one token to `*out`; returns the position after what it consumed.
// Calling it from 0 until it returns text.size() is TokenizeTo.
size_t TokenizeStep(std::string_view text, size_t i, const TokenizerOptions& options, std::vector<Token>* out);

// How the tokenizer classes U+0600 + index (index < 256): 1 an Arabic
// letter (a word goes on), 2 a mark (a word goes on), 0 anything else.
uint8_t ArabicBlockClass(unsigned index);
// The same for any BMP code point (0 above it).
uint8_t WordClass(char32_t cp);

// The longest clitic the tokenizer splits from what follows (وال، بال ...),
// in bytes, trailing tatweel aside: a longer Arabic word is never one.
inline constexpr size_t kLongestTatweelClitic = 6;

// The search normalizer's mapping of U+0600 + index (index < 256) when it is
// exactly one two-byte character: its two UTF-8 bytes as stored in memory;
// 0xFFFF when the character is deleted; 0 when the general loop is needed
// (a composing mark, a multi-character mapping). Search keys of words made
// only of such characters are these bytes in order (RunArabicWord).
const uint16_t* SearchArabicSimple();

}  // namespace malaf::text::internal
