#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <cctype>

#include "text/utf8.h"

namespace malaf::text {
namespace {

enum class Cls { kSpace, kArabic, kLatin, kDigit, kPunct, kOther };

Cls Classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Cls::kLatin;
    if (c >= '0' && c <= '9') return Cls::kDigit;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return Cls::kSpace;
    return Cls::kPunct;
  }
  if (IsArabicLetter(c) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) return Cls::kArabic;
  if (c >= 0x0660 && c <= 0x0669) return Cls::kDigit;
  if (c >= 0x06F0 && c <= 0x06F9) return Cls::kDigit;
  if (u_isUWhiteSpace(static_cast<UChar32>(c))) return Cls::kSpace;
  if (u_isalpha(static_cast<UChar32>(c))) return Cls::kLatin;
  if (u_isdigit(static_cast<UChar32>(c))) return Cls::kDigit;
  if (u_ispunct(static_cast<UChar32>(c))) return Cls::kPunct;
  return Cls::kOther;
}

bool StartsWith(std::string_view s, size_t i, std::string_view p) {
  return s.size() - i >= p.size() && s.compare(i, p.size(), p) == 0;
}

bool IsClitic(std::string_view w) {
  return w == "\u0627\u0644" || w == "\u0644" || w == "\u0628" || w == "\u0648" || w == "\u0643" ||
         w == "\u0641" || w == "\u0648\u0627\u0644" || w == "\u0628\u0627\u0644" || w == "\u0644\u0644";
}

}  // namespace

std::string_view TokenTypeName(TokenType t) {
  switch (t) {
    case TokenType::kArabic: return "arabic";
    case TokenType::kLatin: return "latin";
    case TokenType::kNumber: return "number";
    case TokenType::kUrl: return "url";
    case TokenType::kEmail: return "email";
    case TokenType::kHashtag: return "hashtag";
    case TokenType::kMention: return "mention";
    case TokenType::kPunct: return "punct";
  }
  return "unknown";
}

std::vector<Token> Tokenize(std::string_view s, const TokenizerOptions& options) {
  std::vector<Token> out;
  size_t i = 0;
  auto emit = [&](size_t b, size_t e, TokenType t) {
    out.push_back(Token{s.substr(b, e - b), b, e, t});
  };
  while (i < s.size()) {
    size_t start = i;
    // URLs and e-mail run to the next space.
    if (StartsWith(s, i, "http://") || StartsWith(s, i, "https://") || StartsWith(s, i, "www.")) {
      while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t') ++i;
      while (i > start && (s[i - 1] == '.' || s[i - 1] == ',' || s[i - 1] == ')')) --i;
      emit(start, i, TokenType::kUrl);
      continue;
    }
    size_t j = i;
    char32_t c = NextCodePoint(s, j);
    Cls cls = Classify(c);
    if (cls == Cls::kSpace || cls == Cls::kOther) { i = j; continue; }
    if (cls == Cls::kPunct) {
      if ((c == '#' || c == '@') && j < s.size()) {
        size_t k = j;
        char32_t n = NextCodePoint(s, k);
        Cls nc = Classify(n);
        if (nc == Cls::kArabic || nc == Cls::kLatin || nc == Cls::kDigit) {
          i = j;
          while (i < s.size()) {
            size_t k2 = i;
            char32_t x = NextCodePoint(s, k2);
            Cls xc = Classify(x);
            if (xc != Cls::kArabic && xc != Cls::kLatin && xc != Cls::kDigit && x != '_') break;
            i = k2;
          }
          emit(start, i, c == '#' ? TokenType::kHashtag : TokenType::kMention);
          continue;
        }
      }
      i = j;
      if (options.emit_punctuation) emit(start, i, TokenType::kPunct);
      continue;
    }
    // A run of one class; numbers absorb inner separators (1,000 3.5 12/08).
    i = j;
    while (i < s.size()) {
      size_t k = i;
      char32_t x = NextCodePoint(s, k);
      Cls xc = Classify(x);
      if (xc == cls) { i = k; continue; }
      if (cls == Cls::kDigit && (x == '.' || x == ',' || x == 0x066B || x == 0x066C) && k < s.size()) {
        size_t k2 = k;
        if (Classify(NextCodePoint(s, k2)) == Cls::kDigit) { i = k; continue; }
      }
      if (cls == Cls::kLatin && (x == '@') && k < s.size()) {
        // e-mail: letters@domain
        size_t e = k;
        bool dot = false;
        while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '.' || s[e] == '-' || s[e] == '_')) {
          if (s[e] == '.') dot = true;
          ++e;
        }
        while (e > k && s[e - 1] == '.') --e;
        if (dot && e > k) {
          // extend start back over local-part characters
          size_t b = start;
          while (b > 0 && (std::isalnum(static_cast<unsigned char>(s[b - 1])) || s[b - 1] == '.' || s[b - 1] == '_' || s[b - 1] == '-')) --b;
          if (!out.empty() && out.back().end > b) b = out.back().end;
          emit(b, e, TokenType::kEmail);
          i = e;
          goto next;
        }
      }
      if (cls == Cls::kLatin && (x == '\'' || x == '-') && k < s.size()) {
        size_t k2 = k;
        if (Classify(NextCodePoint(s, k2)) == Cls::kLatin) { i = k; continue; }
      }
      break;
    }
    {
      TokenType t = cls == Cls::kArabic ? TokenType::kArabic : cls == Cls::kDigit ? TokenType::kNumber : TokenType::kLatin;
      // A clitic glued to a number or Latin word with tatweel in the source
      // ("بـ12", "الـ48") reaches us as "ب12"/"ال48" after display
      // normalization, or with the tatweel still in place: drop the clitic.
      std::string_view w = s.substr(start, i - start);
      bool tatweel_end = w.size() >= 2 && w.substr(w.size() - 2) == "\u0640";
      std::string_view bare = w;
      while (bare.size() >= 2 && bare.substr(bare.size() - 2) == "\u0640") bare.remove_suffix(2);
      if (t == TokenType::kArabic && options.split_tatweel_clitics && IsClitic(bare) && i < s.size()) {
        size_t k = i;
        Cls nc = Classify(NextCodePoint(s, k));
        if (nc == Cls::kDigit || nc == Cls::kLatin || tatweel_end) continue;
      }
      emit(start, i, t);
    }
  next:;
  }
  return out;
}

}  // namespace malaf::text
