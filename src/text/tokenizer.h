// The tokenizer: splits display text into tokens with byte offsets.
//
// Offsets index the string passed to Tokenize (normally the display text
// produced by NormalizeDisplay), so a highlight or an entity span always sits
// on the words as written. Token views borrow from that string and are valid
// while it lives and is unchanged. Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace malaf::text {

// DO NOT CHANGE THESE ENUM VALUES: they are stored in the index.
enum class TokenType : uint8_t {
  kArabic = 0,   // Arabic-script word
  kLatin = 1,    // Latin-script (or other alphabetic) word
  kNumber = 2,   // 12, 3.5, 1,000, 12/08/2016 parts
  kUrl = 3,
  kEmail = 4,
  kHashtag = 5,
  kMention = 6,  // @name
  kPunct = 7,    // quotation marks and Arabic/Latin punctuation (only when requested)
};

std::string_view TokenTypeName(TokenType t);

struct Token {
  std::string_view text;  // as written in the input
  size_t start = 0;       // byte offset of text in the input
  size_t end = 0;         // one past the last byte
  TokenType type = TokenType::kArabic;
};

struct TokenizerOptions {
  bool emit_punctuation = false;  // also emit kPunct tokens (quotes, ، ؛ ؟ . ...)
  // Split clitics written with tatweel (الـ، لـ، بـ، وـ): "بـ12" -> "12",
  // "الـ48" -> "48". Display text has the tatweel removed already, so a
  // clitic glued to a number or Latin word ("ب12", "بFacebook") is dropped
  // too; Arabic words are never split.
  bool split_tatweel_clitics = true;
};

std::vector<Token> Tokenize(std::string_view text, const TokenizerOptions& options = {});

// Appends the tokens of `text` to `*out` (reuse one vector across calls to
// avoid allocation on hot paths).
void TokenizeTo(std::string_view text, const TokenizerOptions& options, std::vector<Token>* out);

}  // namespace malaf::text
