#include "extract/fold_tokens.h"

#include "text/utf8.h"

namespace malaf::fold {

// Decodes one code point; invalid bytes come back as U+FFFD and advance 1.
char32_t Decode(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  auto cont = [&](size_t k) {
    return *i + k < s.size() && (static_cast<unsigned char>(s[*i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) { ++*i; return c; }
  if (c >= 0xC2 && c < 0xE0 && cont(1)) {
    char32_t cp = ((c & 0x1F) << 6) | (s[*i + 1] & 0x3F);
    *i += 2; return cp;
  }
  if (c >= 0xE0 && c < 0xF0 && cont(1) && cont(2)) {
    char32_t cp = ((c & 0x0F) << 12) | ((s[*i + 1] & 0x3F) << 6) | (s[*i + 2] & 0x3F);
    *i += 3; return cp;
  }
  if (c >= 0xF0 && c < 0xF5 && cont(1) && cont(2) && cont(3)) {
    char32_t cp = ((c & 0x07) << 18) | ((s[*i + 1] & 0x3F) << 12) | ((s[*i + 2] & 0x3F) << 6) |
                  (s[*i + 3] & 0x3F);
    *i += 4; return cp;
  }
  ++*i;
  return 0xFFFD;
}

void Append(char32_t cp, std::string* out) { text::AppendUtf8(cp, out); }

namespace {

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);
  return -1;
}

bool IsMark(char32_t c) {  // removed from keys: harakat, tanwin, superscript alef, tatweel
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED);
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) ||
         c == 0x2028 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x00AD;
}

bool IsLetter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) return true;
  if (c >= 0x0621 && c <= 0x064A) return true;
  if (c >= 0x066E && c <= 0x06D3) return true;
  if (c == 0x06D5 || (c >= 0x06FA && c <= 0x06FC)) return true;
  if (c >= 0xFB50 && c <= 0xFDFF) return true;
  if (c >= 0xFE70 && c <= 0xFEFC) return true;
  return IsMark(c);
}

// Folds one letter for matching: hamza forms, ى/ي, ة/ه, Persian forms,
// Latin case and accents.
char32_t FoldLetter(char32_t c) {
  switch (c) {
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: return 0x0627;
    case 0x0649: case 0x06CC: case 0x0626: return 0x064A;
    case 0x0629: return 0x0647;
    case 0x0624: return 0x0648;
    case 0x06A9: return 0x0643;
    case 0x00E9: case 0x00E8: case 0x00EA: case 0x00EB: return 'e';
    case 0x00E0: case 0x00E2: return 'a';
    case 0x00FB: case 0x00F9: return 'u';
    case 0x00F4: return 'o';
    case 0x00EE: case 0x00EF: return 'i';
    case 0x00E7: return 'c';
    default: break;
  }
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  return c;
}

}  // namespace

std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> toks;
  size_t i = 0;
  bool space = true;
  int line = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = Decode(s, &i);
    if (c == '\n') {
      Tok t;
      t.kind = TokKind::kNewline;
      t.start = start;
      t.end = i;
      t.line = line++;
      toks.push_back(std::move(t));
      space = true;
      continue;
    }
    if (IsSpace(c)) { space = true; continue; }
    Tok t;
    t.start = start;
    t.space_before = space;
    t.line = line;
    space = false;
    if (DigitValue(c) >= 0) {
      t.kind = TokKind::kNumber;
      size_t j = start;
      while (j < s.size()) {
        size_t k = j;
        char32_t d = Decode(s, &k);
        int v = DigitValue(d);
        if (v < 0) break;
        if (t.num < 1000000000000LL) t.num = t.num * 10 + v;
        t.key.push_back(static_cast<char>('0' + v));
        ++t.digits;
        j = k;
      }
      t.end = j;
      i = j;
    } else if (IsLetter(c) && !IsMark(c)) {
      t.kind = TokKind::kWord;
      size_t j = start;
      while (j < s.size()) {
        size_t k = j;
        char32_t d = Decode(s, &k);
        if (!IsLetter(d)) break;
        if (!IsMark(d)) Append(FoldLetter(d), &t.key);
        j = k;
      }
      t.end = j;
      i = j;
    } else {
      t.kind = TokKind::kPunct;
      t.end = i;
      // Fold look-alike separators: Arabic comma, dashes, slashes.
      switch (c) {
        case 0x060C: case 0xFF0C: t.key = ","; break;
        case 0x2013: case 0x2014: case 0x2212: t.key = "-"; break;
        case 0x2044: case 0x2215: t.key = "/"; break;
        case 0x066B: t.key = "."; break;
        case 0x066C: t.key = ","; break;
        default: Append(c, &t.key); break;
      }
    }
    toks.push_back(std::move(t));
  }
  return toks;
}



std::string FoldKey(std::string_view s) {
  std::string k;
  for (const Tok& t : Tokenize(s)) {
    if (t.kind == TokKind::kNewline) continue;
    if (!k.empty()) k.push_back(' ');
    k += t.key;
  }
  return k;
}

}  // namespace malaf::fold
