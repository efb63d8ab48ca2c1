#include "extract/line_text.h"

#include "text/normalizer.h"
#include "text/utf8.h"

namespace malaf::extract_internal {
namespace {

bool IsSpaceCodePoint(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
    case 0x061C: case 0xFEFF: case 0x2028: case 0x2029:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

// Length in bytes of the UTF-8 sequence starting with lead byte `c`.
size_t SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

}  // namespace

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

std::string_view TrimSpace(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t i = b;
    size_t len = SequenceLength(static_cast<unsigned char>(s[i]));
    if (i + len > s.size()) break;
    char32_t c = text::NextCodePoint(s, i);
    if (!IsSpaceCodePoint(c)) break;
    b = i;
  }
  size_t e = s.size();
  while (e > b) {
    // Step back to the lead byte of the last code point.
    size_t p = e - 1;
    while (p > b && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    size_t i = p;
    if (p + SequenceLength(static_cast<unsigned char>(s[p])) != e) break;
    char32_t c = text::NextCodePoint(s, i);
    if (!IsSpaceCodePoint(c)) break;
    e = p;
  }
  return s.substr(b, e - b);
}

// A run of tatweel standing alone between spaces ("جنيف ــ العربي الجديد")
// is a dash; the normalizer drops tatweel, which would glue the dateline
// to what follows. Returns `line` unchanged when there is none.
std::string TatweelDashes(std::string_view line) {
  static constexpr std::string_view kTatweel = "\u0640";
  if (line.find(kTatweel) == std::string_view::npos) return std::string(line);
  std::string out;
  out.reserve(line.size());
  size_t i = 0;
  while (i < line.size()) {
    if (line.compare(i, kTatweel.size(), kTatweel) == 0) {
      size_t j = i;
      while (line.compare(j, kTatweel.size(), kTatweel) == 0) j += kTatweel.size();
      bool space_before = i == 0 || line[i - 1] == ' ';
      bool space_after = j == line.size() || line[j] == ' ';
      if (space_before && space_after) out.push_back('-');
      else out.append(line.substr(i, j - i));
      i = j;
      continue;
    }
    out.push_back(line[i++]);
  }
  return out;
}

std::string CleanLine(std::string_view line) {
  std::string norm = text::NormalizeDisplay(TatweelDashes(TrimSpace(line)));
  std::string out;
  out.reserve(norm.size());
  bool space = false;
  for (size_t i = 0; i < norm.size();) {
    size_t start = i;
    size_t len = SequenceLength(static_cast<unsigned char>(norm[i]));
    if (i + len > norm.size()) break;
    char32_t c = text::NextCodePoint(norm, i);
    if (IsSpaceCodePoint(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(norm, start, i - start);
  }
  return out;
}

void AppendParagraph(std::string_view line, std::string* body) {
  std::string p = CleanLine(line);
  if (p.empty()) return;
  if (!body->empty()) body->append("\n\n");
  body->append(p);
}

std::string ParagraphsFromText(std::string_view text) {
  std::string body;
  for (std::string_view line : SplitLines(text)) AppendParagraph(line, &body);
  return body;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  s = TrimSpace(s);
  size_t i = 0;
  while (i < s.size()) {
    // Skip spaces.
    size_t j = i;
    while (j < s.size()) {
      size_t k = j;
      size_t len = SequenceLength(static_cast<unsigned char>(s[k]));
      if (k + len > s.size()) { j = s.size(); break; }
      char32_t c = text::NextCodePoint(s, k);
      if (!IsSpaceCodePoint(c)) break;
      j = k;
    }
    size_t start = j;
    while (j < s.size()) {
      size_t k = j;
      size_t len = SequenceLength(static_cast<unsigned char>(s[k]));
      if (k + len > s.size()) { j = s.size(); break; }
      char32_t c = text::NextCodePoint(s, k);
      if (IsSpaceCodePoint(c)) break;
      j = k;
    }
    if (j > start) words.push_back(s.substr(start, j - start));
    i = j;
  }
  return words;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

}  // namespace malaf::extract_internal
