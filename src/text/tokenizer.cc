// The tokenizer: one pass over the bytes with a per-code-point class table
// (built once from ICU's properties, so the hot loop never calls ICU).
#include "text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cstdint>

#include "text/analyzer_internal.h"
#include "text/utf8.h"

namespace malaf::text {
namespace {

enum Cls : uint8_t {
  kSpace,    // separators and anything that is not part of a token
  kArabic,   // Arabic-script letter, tatweel
  kMark,     // combining mark or zero-width joiner: continues the current word
  kLatin,    // other alphabetic letter
  kDigit,    // any decimal digit
  kPunct,    // punctuation and symbols (emitted only when asked)
  kOther,    // invisible controls, emoji etc.: skipped
};

struct ClassTable {
  std::array<uint8_t, 0x10000> cls;
};

Cls ClassifySlow(char32_t c) {
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f') return kSpace;
  if (c == 0x0640) return kArabic;  // tatweel
  if (c == 0x200C || c == 0x200D) return kMark;
  UChar32 u = static_cast<UChar32>(c);
  int8_t cat = u_charType(u);
  if (cat == U_NON_SPACING_MARK || cat == U_COMBINING_SPACING_MARK || cat == U_ENCLOSING_MARK) return kMark;
  if (u_charType(u) == U_DECIMAL_DIGIT_NUMBER) return kDigit;
  UScriptCode script = static_cast<UScriptCode>(u_getIntPropertyValue(u, UCHAR_SCRIPT));
  if (u_isalpha(u)) return script == USCRIPT_ARABIC ? kArabic : kLatin;
  if (u_isUWhiteSpace(u)) return kSpace;
  if (u_ispunct(u) || cat == U_MATH_SYMBOL || cat == U_CURRENCY_SYMBOL || cat == U_MODIFIER_SYMBOL) return kPunct;
  if (c < 0x80 && c > 0x20) return kPunct;
  return kOther;
}

const ClassTable& Classes() {
  static const ClassTable* t = [] {
    auto* t = new ClassTable;
    for (char32_t c = 0; c < 0x10000; ++c) t->cls[c] = ClassifySlow(c);
    return t;
  }();
  return *t;
}

// Decodes the code point at s[i] (its length in *len); invalid bytes decode
// as U+FFFD of length 1, so hostile input cannot derail offsets.
inline char32_t DecodeAt(const unsigned char* p, size_t n, size_t i, size_t* len) {
  unsigned b = p[i];
  if (b < 0x80) { *len = 1; return b; }
  if (b >= 0xC2 && b < 0xE0 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
    *len = 2;
    return ((b & 0x1F) << 6) | (p[i + 1] & 0x3F);
  }
  if (b >= 0xE0 && b < 0xF0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
      (b != 0xE0 || p[i + 1] >= 0xA0) && (b != 0xED || p[i + 1] < 0xA0)) {
    *len = 3;
    return ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
  }
  if (b >= 0xF0 && b <= 0xF4 && i + 3 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
      (p[i + 3] & 0xC0) == 0x80 && (b != 0xF0 || p[i + 1] >= 0x90) && (b != 0xF4 || p[i + 1] < 0x90)) {
    *len = 4;
    return ((b & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
  }
  *len = 1;
  return 0xFFFD;
}

class Scanner {
 public:
  Scanner(std::string_view s, const TokenizerOptions& o, std::vector<Token>* out)
      : s_(s), p_(reinterpret_cast<const unsigned char*>(s.data())), n_(s.size()), o_(o), out_(out),
        cls_(Classes().cls) {}

  void Run();
  // One iteration of Run at byte i: skips or emits at most one token;
  // returns the position after it.
  size_t Step(size_t i);

 private:
  Cls ClassAt(size_t i, size_t* len, char32_t* cp = nullptr) const {
    unsigned b = p_[i];
    if (b >= 0xC2 && b < 0xE0 && i + 1 < n_ && (p_[i + 1] & 0xC0) == 0x80) {
      char32_t c = ((b & 0x1F) << 6) | (p_[i + 1] & 0x3F);
      *len = 2;
      if (cp) *cp = c;
      return static_cast<Cls>(cls_[c]);
    }
    char32_t c = DecodeAt(p_, n_, i, len);
    if (cp) *cp = c;
    if (c < 0x10000) return static_cast<Cls>(cls_[c]);
    if (*len == 4) return ClassifySlow(c);
    return kOther;
  }
  void Emit(size_t b, size_t e, TokenType t) { out_->push_back(Token{s_.substr(b, e - b), b, e, t}); }
  bool StartsWithAsciiCi(size_t i, std::string_view prefix) const;
  size_t ScanUrl(size_t i) const;
  size_t ScanEmail(size_t i) const;
  size_t ScanWord(size_t i, Cls cls) const;
  size_t ScanNumber(size_t i) const;
  size_t ScanTag(size_t i) const;
  bool IsTatweelClitic(size_t b, size_t e, bool* had_tatweel) const;

  std::string_view s_;
  const unsigned char* p_;
  size_t n_;
  const TokenizerOptions& o_;
  std::vector<Token>* out_;
  const std::array<uint8_t, 0x10000>& cls_;
};

bool Scanner::StartsWithAsciiCi(size_t i, std::string_view prefix) const {
  if (n_ - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    unsigned char c = p_[i + k];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != static_cast<unsigned char>(prefix[k])) return false;
  }
  return true;
}

// A URL runs to the next space; trailing punctuation belongs to the sentence.
size_t Scanner::ScanUrl(size_t i) const {
  size_t e = i;
  while (e < n_) {
    size_t len;
    Cls c = ClassAt(e, &len);
    if (c == kSpace) break;
    e += len;
  }
  while (e > i) {
    unsigned char last = p_[e - 1];
    if (last == '.' || last == ',' || last == ')' || last == ']' || last == '"' || last == '\'' || last == ';' ||
        last == ':' || last == '!' || last == '?') { --e; continue; }
    // Arabic comma/semicolon/question mark, guillemets, curly quotes.
    if (e - i >= 2 && (s_.compare(e - 2, 2, "\u060C") == 0 || s_.compare(e - 2, 2, "\u061B") == 0 ||
                       s_.compare(e - 2, 2, "\u061F") == 0 || s_.compare(e - 2, 2, "\u00BB") == 0)) { e -= 2; continue; }
    if (e - i >= 3 && (s_.compare(e - 3, 3, "\u201D") == 0 || s_.compare(e - 3, 3, "\u2019") == 0)) { e -= 3; continue; }
    break;
  }
  return e;
}

inline bool IsEmailLocal(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}
inline bool IsDomainChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// End of an e-mail address starting at i, or 0 when there is none.
size_t Scanner::ScanEmail(size_t i) const {
  size_t j = i;
  while (j < n_ && IsEmailLocal(p_[j])) ++j;
  if (j == i || j >= n_ || p_[j] != '@') return 0;
  size_t d = j + 1, e = d;
  bool dot = false;
  while (e < n_ && IsDomainChar(p_[e])) { dot |= p_[e] == '.'; ++e; }
  while (e > d && (p_[e - 1] == '.' || p_[e - 1] == '-')) --e;
  if (!dot || e == d || p_[d] == '.') return 0;
  // The last label must be letters (a TLD), not "1.5".
  size_t last_dot = e;
  while (last_dot > d && p_[last_dot - 1] != '.') --last_dot;
  if (last_dot == d || e - last_dot < 2) return 0;
  for (size_t k = last_dot; k < e; ++k)
    if (!((p_[k] >= 'a' && p_[k] <= 'z') || (p_[k] >= 'A' && p_[k] <= 'Z'))) return 0;
  return e;
}

// A run of one script's letters, with combining marks and joiners inside;
// Latin words keep inner apostrophes and hyphens (O'Brien, al-Assad) and
// trailing digits (G20, F16).
size_t Scanner::ScanWord(size_t i, Cls cls) const {
  size_t e = i;
  if (cls == kArabic) {
    // Hot loop: two-byte characters of U+0600..U+06FF.
    while (e + 1 < n_ && (p_[e] & 0xFC) == 0xD8 && (p_[e + 1] & 0xC0) == 0x80) {
      uint8_t c = cls_[((p_[e] & 0x1F) << 6) | (p_[e + 1] & 0x3F)];
      if (c != kArabic && c != kMark) return e;
      e += 2;
    }
  }
  while (e < n_) {
    size_t len;
    Cls c = ClassAt(e, &len);
    if (c == cls || c == kMark) { e += len; continue; }
    if (cls == kLatin) {
      if (c == kDigit) { e += len; continue; }
      unsigned char x = p_[e];
      if ((x == '\'' || x == '-') && e + 1 < n_) {
        size_t len2;
        if (ClassAt(e + 1, &len2) == kLatin) { e += 1; continue; }
      }
    }
    break;
  }
  return e;
}

// Digits with inner separators followed by a digit: 3.5, 1,000, ٣٫٥, ١٬٠٠٠.
size_t Scanner::ScanNumber(size_t i) const {
  size_t e = i;
  while (e < n_) {
    size_t len;
    char32_t cp;
    Cls c = ClassAt(e, &len, &cp);
    if (c == kDigit) { e += len; continue; }
    if (cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C) {
      size_t len2;
      if (e + len < n_ && ClassAt(e + len, &len2) == kDigit) { e += len; continue; }
    }
    break;
  }
  return e;
}

// After '#' or '@': letters of any script, digits, '_' and marks.
size_t Scanner::ScanTag(size_t i) const {
  size_t e = i;
  while (e < n_) {
    size_t len;
    Cls c = ClassAt(e, &len);
    if (c == kArabic || c == kLatin || c == kDigit || c == kMark || p_[e] == '_') { e += len; continue; }
    break;
  }
  return e;
}

// "الـ", "بـ", ... (with or without the tatweel, which display text has
// already removed): a prefix written apart from a number or foreign word.
bool Scanner::IsTatweelClitic(size_t b, size_t e, bool* had_tatweel) const {
  std::string_view w = s_.substr(b, e - b);
  *had_tatweel = false;
  while (w.size() >= 2 && w.compare(w.size() - 2, 2, "\u0640") == 0) {
    w.remove_suffix(2);
    *had_tatweel = true;
  }
  static constexpr std::string_view kClitics[] = {
      "\u0627\u0644", "\u0644", "\u0628", "\u0648", "\u0643", "\u0641", "\u0648\u0627\u0644",
      "\u0628\u0627\u0644", "\u0644\u0644", "\u0641\u0627\u0644", "\u0643\u0627\u0644", "\u0648\u0628",
      "\u0648\u0644", "\u0641\u0628"};
  static_assert([] {
    for (std::string_view c : kClitics)
      if (c.size() > internal::kLongestTatweelClitic) return false;
    return true;
  }());
  for (std::string_view c : kClitics)
    if (w == c) return true;
  return false;
}

void Scanner::Run() {
  size_t i = 0;
  while (i < n_) i = Step(i);
}

size_t Scanner::Step(size_t i) {
  {
    unsigned char b = p_[i];
    size_t len;
    char32_t cp;
    Cls cls = ClassAt(i, &len, &cp);
    switch (cls) {
      case kSpace:
      case kOther:
      case kMark:
        return i + len;
      case kPunct:
        if ((b == '#' || b == '@') && i + 1 < n_) {
          size_t e = ScanTag(i + 1);
          if (e > i + 1) {
            Emit(i, e, b == '#' ? TokenType::kHashtag : TokenType::kMention);
            return e;
          }
        }
        if (o_.emit_punctuation) Emit(i, i + len, TokenType::kPunct);
        return i + len;
      case kArabic: {
        size_t e = ScanWord(i, kArabic);
        // A clitic glued to what follows: "ب12", "الـ48", "بـFacebook",
        // "ل«الشرق»" (the tatweel gone in display text). Cheap
        // tests first: clitics are short and are followed by something.
        if (o_.split_tatweel_clitics && e - i <= 12 && e < n_ && p_[e] != ' ' && p_[e] != '\n') {
          size_t len2;
          Cls next = ClassAt(e, &len2);
          bool tatweel = false;
          if (next != kSpace && IsTatweelClitic(i, e, &tatweel) &&
              (next == kDigit || next == kLatin || next == kPunct || tatweel)) {
            return e;
          }
        }
        Emit(i, e, TokenType::kArabic);
        return e;
      }
      case kLatin: {
        if ((b == 'h' || b == 'H') && (StartsWithAsciiCi(i, "http://") || StartsWithAsciiCi(i, "https://"))) {
          size_t e = ScanUrl(i);
          Emit(i, e, TokenType::kUrl);
          return e;
        }
        if ((b == 'w' || b == 'W') && StartsWithAsciiCi(i, "www.") && i + 4 < n_ && IsDomainChar(p_[i + 4])) {
          size_t e = ScanUrl(i);
          Emit(i, e, TokenType::kUrl);
          return e;
        }
        if (b < 0x80) {
          if (size_t e = ScanEmail(i)) {
            Emit(i, e, TokenType::kEmail);
            return e;
          }
        }
        size_t e = ScanWord(i, kLatin);
        Emit(i, e, TokenType::kLatin);
        return e;
      }
      case kDigit: {
        if (b < 0x80) {
          if (size_t e = ScanEmail(i)) {
            Emit(i, e, TokenType::kEmail);
            return e;
          }
        }
        size_t e = ScanNumber(i);
        Emit(i, e, TokenType::kNumber);
        return e;
      }
    }
  }
  return i + 1;  // not reached: every class is handled above
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

void TokenizeTo(std::string_view text, const TokenizerOptions& options, std::vector<Token>* out) {
  Scanner(text, options, out).Run();
}

std::vector<Token> Tokenize(std::string_view text, const TokenizerOptions& options) {
  std::vector<Token> out;
  out.reserve(text.size() / 6 + 4);
  TokenizeTo(text, options, &out);
  return out;
}

namespace internal {

size_t TokenizeStep(std::string_view text, size_t i, const TokenizerOptions& options, std::vector<Token>* out) {
  return Scanner(text, options, out).Step(i);
}

uint8_t WordClass(char32_t cp) {
  if (cp >= 0x10000) return 0;
  uint8_t c = Classes().cls[cp];
  return c == kArabic ? 1 : c == kMark ? 2 : 0;
}

uint8_t ArabicBlockClass(unsigned index) { return WordClass(0x600 + (index & 0xFF)); }

}  // namespace internal

}  // namespace malaf::text
