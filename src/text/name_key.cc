// Name keys. A word's search key is split into letters; the article group is
// stripped; consonants fold to their transliteration class; long vowels
// inside the word are dropped (a foreign name's vowels are written or not);
// a final vowel letter stays (كيري ≠ كوريا) and a run of final vowel
// letters counts once (سيرجيي = سيرجي); letters doubled inside the word
// collapse (كيللي = كيلي); hamza is dropped. Arabic words (marked by a
// letter such as ع ح ق or an ending such as ة ء) keep their letters as
// written. Tables: data/name_key.tsv.
#include "text/name_key.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "base/data_files.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace malaf::text {
namespace {

enum : uint8_t { kKeep = 0, kVowel = 1, kDrop = 2, kFold = 3 };

struct NameTables {
  // For U+0600..U+06FF: what the letter does, and its class letter.
  std::array<uint8_t, 0x100> kind{};
  std::array<char32_t, 0x100> fold{};
  // Letters that mark an Arabic word (native) anywhere, or at its end.
  std::array<bool, 0x100> native{};
  std::array<bool, 0x100> native_ending{};
  std::vector<std::u32string> prefixes;  // longest first
  std::vector<std::string> particles;    // search keys
  size_t min_vowel_drop = 4;             // letters (after the article)
};

std::u32string Letters32(std::string_view utf8) {
  std::u32string r;
  for (size_t i = 0; i < utf8.size();) r.push_back(NextCodePoint(utf8, i));
  return r;
}

const NameTables& Tables() {
  static const NameTables* t = [] {
    auto* t = new NameTables;
    t->kind[0x21] = kDrop;  // ء
    if (auto f = DataFile("data/name_key.tsv")) {
      for (const auto& row : ReadTable(*f)) {
        if (row.size() < 2) continue;
        std::u32string letters = Letters32(SearchKey(row[1]));
        if (row[0] == "fold" && row.size() >= 3) {
          std::u32string cls = Letters32(SearchKey(row[2]));
          if (cls.size() != 1) continue;
          for (char32_t c : letters)
            if (c >= 0x600 && c < 0x700) { t->kind[c - 0x600] = kFold; t->fold[c - 0x600] = cls[0]; }
        } else if (row[0] == "vowel") {
          for (char32_t c : letters)
            if (c >= 0x600 && c < 0x700) t->kind[c - 0x600] = kVowel;
        } else if (row[0] == "native" || row[0] == "native_ending") {
          for (char32_t c : letters)
            if (c >= 0x600 && c < 0x700) (row[0] == "native" ? t->native : t->native_ending)[c - 0x600] = true;
        } else if (row[0] == "min_vowel_drop") {
          t->min_vowel_drop = std::stoul(std::string(row[1]));
        } else if (row[0] == "prefix") {
          t->prefixes.push_back(letters);
        } else if (row[0] == "particle") {
          t->particles.push_back(SearchKey(row[1]));
        }
      }
    }
    std::stable_sort(t->prefixes.begin(), t->prefixes.end(),
                     [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
    return t;
  }();
  return *t;
}

bool IsArabicBlock(char32_t c) { return c >= 0x600 && c < 0x700; }

}  // namespace

std::string NameKey(std::string_view word) {
  const NameTables& t = Tables();
  thread_local std::string key;
  key.clear();
  AppendSearchKey(word, &key);
  char32_t buf[64];
  size_t n = 0;
  for (size_t i = 0; i < key.size() && n < 64;) buf[n++] = NextCodePoint(key, i);
  if (n == 64) return key;  // not a name; leave it whole
  size_t b = 0;
  for (const auto& p : t.prefixes) {
    if (n >= p.size() + 3 && std::equal(p.begin(), p.end(), buf)) {
      b = p.size();
      break;
    }
  }
  // The last letter that is not a dropped one: a final vowel stays.
  size_t last = n;
  while (last > b && IsArabicBlock(buf[last - 1]) && t.kind[buf[last - 1] - 0x600] == kDrop) --last;
  std::string out;
  out.reserve(key.size());
  // An Arabic word (a letter foreign names are not written with, or an
  // ending of Arabic morphology) keeps its letters: the folds below are for
  // transliterations, and on Arabic words they join different words
  // (حكم/حجم, جامعه/جماعه, دوله/دوليه).
  bool native = n > b && IsArabicBlock(buf[n - 1]) && t.native_ending[buf[n - 1] - 0x600];
  for (size_t i = b; i < n && !native; ++i) native = IsArabicBlock(buf[i]) && t.native[buf[i] - 0x600];
  if (native) {
    for (size_t i = b; i < n; ++i) AppendUtf8(buf[i], &out);
    return out;
  }
  const bool drop_vowels = last - b >= t.min_vowel_drop;
  char32_t prev_in = 0;   // previous written letter, as written
  char32_t prev_out = 0;  // previous letter emitted
  for (size_t i = b; i < last; ++i) {
    char32_t c = buf[i];
    if (!IsArabicBlock(c)) {
      AppendUtf8(c, &out);
      prev_in = prev_out = c;
      continue;
    }
    uint8_t k = t.kind[c - 0x600];
    if (k == kDrop) continue;
    bool first = i == b, final = i + 1 == last;
    if (k == kVowel && !first && drop_vowels) {
      // Inside the word: dropped (so a run of final vowel letters counts
      // once: سيرجيي = سيرجي). At the end: kept (كيري ≠ كوريا).
      if (final) AppendUtf8(c, &out);
      prev_in = c;
      continue;
    }
    char32_t f = k == kFold ? t.fold[c - 0x600] : c;
    // A letter doubled inside the word (كيللي); not at its start, where a
    // conjunction meets a word (ففي, ممن), nor at its end (امم).
    if (c == prev_in && f == prev_out && i > b + 1 && i + 1 < last) continue;
    AppendUtf8(f, &out);
    prev_in = c;
    prev_out = f;
  }
  return out;
}

std::string NameKeyPhrase(std::string_view name) {
  const NameTables& t = Tables();
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '-' || name[i] == '\n' || name[i] == '\t')) ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '-' && name[j] != '\n' && name[j] != '\t') ++j;
    if (j > i) {
      std::string_view w = name.substr(i, j - i);
      std::string k = SearchKey(w);
      bool particle = false;
      for (const auto& p : t.particles) particle |= k == p;
      if (!out.empty()) out += ' ';
      out += particle ? std::string("\u062F") : NameKey(w);
    }
    i = j;
  }
  return out;
}

}  // namespace malaf::text
