#include "extract/page_text_shape.h"

#include "text/utf8.h"

namespace malaf {

TextShape ShapeOf(std::string_view text) {
  TextShape s;
  bool in_word = false;
  size_t cjk = 0;
  char32_t last = 0, before_last = 0;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++i;
    } else {
      c = text::NextCodePoint(text, i);
    }
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009 ||
                 c == 0x202F || c == 0x200B;
    if (space) { in_word = false; continue; }
    if (!in_word) { ++s.words; in_word = true; }
    if (c < 0x80) {
      if ((c | 32) >= 'a' && (c | 32) <= 'z') { ++s.letters; ++s.latin; }
      else if (c >= '0' && c <= '9') ++s.digits;
      else if (c == ',') ++s.commas;
      else if (c == '.' || c == '!' || c == '?') ++s.stops;
    } else if (text::IsArabicLetter(c)) {
      ++s.letters; ++s.arabic;
    } else if (c == 0x060C) {
      ++s.commas;
    } else if (c == 0x061F || c == 0x06D4) {
      ++s.stops;
    } else if (c >= 0x0660 && c <= 0x0669) {
      ++s.digits;
    } else if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) ||
               c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640) {
      // Combining marks and tatweel: no letters of their own.
    } else if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) {
      ++s.stops;
    } else if (c == 0x3001 || c == 0xFF0C) {
      ++s.commas;
    } else if ((c >= 0x3040 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0)) {
      ++s.letters;
      if (c < 0xAC00) ++cjk;  // Hangul is written with spaces
    } else if (c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7) {
      ++s.letters;
      if (c < 0x250) ++s.latin;
    }
    before_last = last;
    last = c;
  }
  s.words += cjk / 2;
  auto is_stop = [](char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x06D4 || c == 0x2026 || c == 0x3002 ||
           c == 0xFF01 || c == 0xFF1F;
  };
  auto is_close = [](char32_t c) {
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == ')' || c == 0x201C || c == 0xAB;
  };
  s.ends_sentence = is_stop(last) || (is_close(last) && is_stop(before_last));
  return s;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v') {
      pending = true;
      ++i;
      continue;
    }
    if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      pending = true;
      i += 2;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.push_back(static_cast<char>(b));
    ++i;
  }
  return out;
}

}  // namespace malaf
