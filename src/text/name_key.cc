#include "text/name_key.h"

#include <string>

#include "text/normalizer.h"
#include "text/utf8.h"

namespace malaf::text {
namespace {

// Letters that transliterate one foreign sound in several ways fold to one
// class letter; long vowels written or not are dropped inside the word.
char32_t FoldConsonant(char32_t c) {
  switch (c) {
    case 0x063A: case 0x062C: case 0x0643: case 0x06AF: case 0x0642: return 0x0643;  // غ ج ك گ ق -> ك (g/k)
    case 0x062A: case 0x0637: return 0x062A;  // ت ط
    case 0x062F: case 0x0636: case 0x0630: case 0x0638: return 0x062F;  // د ض ذ ظ
    case 0x0633: case 0x0635: case 0x062B: case 0x0632: return 0x0633;  // س ص ث ز
    case 0x0647: case 0x0629: case 0x062D: return 0x0647;  // ه ة ح
    case 0x0641: case 0x06A4: return 0x0641;  // ف ڤ
    case 0x0628: case 0x067E: return 0x0628;  // ب پ
    default: return c;
  }
}

bool IsVowelLetter(char32_t c) { return c == 0x0627 || c == 0x0648 || c == 0x064A || c == 0x0649; }

}  // namespace

std::string NameKey(std::string_view word) {
  std::string key = SearchKey(word);
  std::u32string cps;
  for (size_t i = 0; i < key.size();) cps.push_back(NextCodePoint(key, i));
  // Strip the article so الأمريكي/أمريكي meet.
  if (cps.size() > 4 && cps[0] == 0x0627 && cps[1] == 0x0644) cps.erase(0, 2);
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c == 0x0621) continue;  // lone hamza
    if (!IsArabicLetter(c)) { AppendUtf8(c, &out); continue; }
    bool first = i == 0, last = i + 1 == cps.size();
    if (IsVowelLetter(c) && !first && !last) continue;
    if (IsVowelLetter(c) && last) { AppendUtf8(0x064A, &out); continue; }  // final -ي/-ى/-ا vowel
    char32_t f = FoldConsonant(c);
    // Collapse doubled consonants (سيرجيي).
    size_t n = out.size();
    std::string tmp;
    AppendUtf8(f, &tmp);
    if (n >= tmp.size() && out.compare(n - tmp.size(), tmp.size(), tmp) == 0) continue;
    out += tmp;
  }
  return out;
}

std::string NameKeyPhrase(std::string_view name) {
  std::string out;
  size_t i = 0;
  std::string display(name);
  while (i < display.size()) {
    while (i < display.size() && (display[i] == ' ' || display[i] == '-')) ++i;
    size_t j = i;
    while (j < display.size() && display[j] != ' ' && display[j] != '-') ++j;
    if (j > i) {
      std::string k = NameKey(std::string_view(display).substr(i, j - i));
      if (!out.empty()) out += ' ';
      out += k;
    }
    i = j;
  }
  return out;
}

}  // namespace malaf::text
