#include "extract/page_furniture.h"

#include <unordered_map>
#include <unordered_set>

#include "base/data_files.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace malaf {
namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
  if (c >= 0x0600 && c <= 0x06FF) {
    return c != 0x060C && c != 0x061B && c != 0x061F && !(c >= 0x066A && c <= 0x066D) && c != 0x06D4;
  }
  if (c < 0xC0) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0x1F000) return false;
  return true;
}

bool IsDigitKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) if (c < '0' || c > '9') return false;
  return true;
}

struct Word {
  size_t start = 0, end = 0;  // span in the line as written
  std::string key;            // search key with edge punctuation removed ("" for pure punctuation)
  bool raw_digits = false;    // the word as written is only ASCII digits
};

bool IsSplitSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Bytes of the whitespace (ASCII or NBSP) at s[i]; 0 if none.
size_t SpaceAt(std::string_view s, size_t i) {
  if (IsSplitSpace(s[i])) return 1;
  if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  return 0;
}

// Spans of the whitespace-separated words of `s`.
std::vector<std::pair<size_t, size_t>> Spans(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size()) {
      size_t n = SpaceAt(s, i);
      if (n == 0) break;
      i += n;
    }
    if (i >= s.size()) break;
    size_t start = i;
    while (i < s.size() && SpaceAt(s, i) == 0) ++i;
    spans.push_back({start, i});
  }
  return spans;
}

// Trims non-word code points from both ends of a search key.
std::string TrimKey(std::string_view key) {
  size_t a = 0, first_word = std::string::npos, last_end = 0;
  while (a < key.size()) {
    size_t at = a;
    char32_t c = text::NextCodePoint(key, a);
    if (IsWordChar(c)) {
      if (first_word == std::string::npos) first_word = at;
      last_end = a;
    }
  }
  if (first_word == std::string::npos) return "";
  return std::string(key.substr(first_word, last_end - first_word));
}

// Splits on whitespace; keys drop punctuation at the edges. The line's
// search key is computed once and split alongside it when the two have the
// same words (the normal case); otherwise word by word.
std::vector<Word> Words(std::string_view line) {
  std::vector<Word> words;
  auto spans = Spans(line);
  std::string key = text::SearchKey(line);
  auto key_spans = Spans(key);
  bool parallel = key_spans.size() == spans.size();
  words.reserve(spans.size());
  for (size_t k = 0; k < spans.size(); ++k) {
    Word w;
    w.start = spans[k].first;
    w.end = spans[k].second;
    std::string_view raw = line.substr(w.start, w.end - w.start);
    if (parallel) {
      w.key = TrimKey(std::string_view(key).substr(key_spans[k].first, key_spans[k].second - key_spans[k].first));
    } else {
      w.key = TrimKey(text::SearchKey(raw));
    }
    w.raw_digits = !raw.empty();
    for (char c : raw) if (c < '0' || c > '9') { w.raw_digits = false; break; }
    words.push_back(std::move(w));
  }
  return words;
}

struct Phrase {
  std::vector<std::string> words;
  bool strong = false;
};

struct FurnitureTable {
  std::unordered_set<std::string> end, end_prefix, see_also, date, caption, credit_label, notice;
  std::unordered_map<std::string, std::vector<Phrase>> widget_by_first;
  size_t max_prefix_words = 1;
};

std::vector<std::string> PhraseKeys(std::string_view phrase) {
  std::vector<std::string> keys;
  for (Word& w : Words(phrase)) if (!w.key.empty()) keys.push_back(std::move(w.key));
  return keys;
}

const FurnitureTable& Table() {
  static const FurnitureTable* table = [] {
    auto* t = new FurnitureTable;
    auto file = DataFile("data/furniture.tsv");
    if (!file) return t;
    for (const auto& row : ReadTable(*file)) {
      if (row.size() < 2) continue;
      std::vector<std::string> keys = PhraseKeys(row[1]);
      if (keys.empty()) continue;
      std::string joined;
      for (const auto& k : keys) { if (!joined.empty()) joined.push_back(' '); joined += k; }
      t->max_prefix_words = std::max(t->max_prefix_words, keys.size());
      std::string_view kind = row[0];
      if (kind == "end") t->end.insert(joined);
      else if (kind == "end_prefix") t->end_prefix.insert(joined);
      else if (kind == "see_also") t->see_also.insert(joined);
      else if (kind == "date") t->date.insert(joined);
      else if (kind == "caption") t->caption.insert(joined);
      else if (kind == "credit_label") t->credit_label.insert(joined);
      else if (kind == "notice") t->notice.insert(joined);
      else if (kind == "widget") {
        Phrase p;
        p.strong = row.size() > 2 && row[2] == "strong";
        p.words = keys;
        t->widget_by_first[keys[0]].push_back(std::move(p));
      }
    }
    return t;
  }();
  return *table;
}

// Keys of the words that carry letters (numbers and counters dropped).
std::vector<std::string> LetterKeys(const std::vector<Word>& words) {
  std::vector<std::string> keys;
  for (const Word& w : words) {
    if (w.key.empty() || IsDigitKey(w.key)) continue;
    keys.push_back(w.key);
  }
  return keys;
}

std::string Join(const std::vector<std::string>& keys, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < keys.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += keys[i];
  }
  return out;
}

// Length in words of the longest phrase of `set` that `keys` starts with; 0 if none.
size_t PrefixMatch(const std::unordered_set<std::string>& set, const std::vector<std::string>& keys) {
  size_t best = 0;
  size_t max = std::min(keys.size(), Table().max_prefix_words);
  for (size_t n = 1; n <= max; ++n) {
    if (set.count(Join(keys, 0, n))) best = n;
  }
  return best;
}

// Longest widget phrase ending at word index `end` (exclusive) / starting at
// `start`; returns its length in words (0 if none).
size_t WidgetEndingAt(const std::vector<Word>& words, size_t end, bool* strong) {
  const auto& t = Table();
  size_t best = 0;
  for (size_t len = 1; len <= end && len <= t.max_prefix_words; ++len) {
    size_t s = end - len;
    auto it = t.widget_by_first.find(words[s].key);
    if (it == t.widget_by_first.end()) continue;
    for (const Phrase& p : it->second) {
      if (p.words.size() != len) continue;
      bool match = true;
      for (size_t k = 0; k < len; ++k) if (words[s + k].key != p.words[k]) { match = false; break; }
      if (match && len > best) { best = len; *strong = p.strong; }
    }
  }
  return best;
}

size_t WidgetStartingAt(const std::vector<Word>& words, size_t start, bool* strong) {
  const auto& t = Table();
  if (start >= words.size()) return 0;
  auto it = t.widget_by_first.find(words[start].key);
  if (it == t.widget_by_first.end()) return 0;
  size_t best = 0;
  for (const Phrase& p : it->second) {
    size_t len = p.words.size();
    if (start + len > words.size()) continue;
    bool match = true;
    for (size_t k = 0; k < len; ++k) if (words[start + k].key != p.words[k]) { match = false; break; }
    if (match && len > best) { best = len; *strong = p.strong; }
  }
  return best;
}

// A counter beside a widget label ("0 تعليق 14"): plain digits, not a year.
bool IsCounter(const Word& w) {
  if (!w.raw_digits) return w.key.empty();  // pure punctuation (| - ·) goes too
  if (w.end - w.start == 4 && (w.key.rfind("19", 0) == 0 || w.key.rfind("20", 0) == 0)) return false;
  return w.end - w.start <= 7;
}

}  // namespace

bool IsTailHeader(std::string_view line) {
  std::vector<Word> words = Words(line);
  if (words.empty() || words.size() > 8) return false;
  std::vector<std::string> keys = LetterKeys(words);
  if (keys.empty()) return false;
  const auto& t = Table();
  if (t.end.count(Join(keys, 0, keys.size()))) return true;
  size_t n = PrefixMatch(t.end_prefix, keys);
  return n > 0 && keys.size() - n <= 4;
}

bool IsSeeAlsoHeader(std::string_view line, bool* headline_follows) {
  std::vector<Word> words = Words(line);
  if (words.empty() || words.size() > 25) return false;
  std::vector<std::string> keys = LetterKeys(words);
  size_t n = PrefixMatch(Table().see_also, keys);
  if (n == 0) return false;
  bool alone = n == keys.size();
  if (!alone) {
    // "Read also: headline" - the phrase must be set off by a colon or dash,
    // so that a sentence starting with "Related" is not taken.
    size_t k = 0, seen = 0;
    while (k < words.size() && seen < n) { if (!words[k].key.empty() && !IsDigitKey(words[k].key)) ++seen; ++k; }
    std::string_view tail = line.substr(words[k - 1].start, words[k - 1].end - words[k - 1].start);
    bool set_off = !tail.empty() && (tail.back() == ':' || tail.back() == '-');
    if (!set_off && k < words.size()) {
      std::string_view next = line.substr(words[k].start, words[k].end - words[k].start);
      set_off = next == ":" || next == "-" || next == "|" || next.rfind(":", 0) == 0;
    }
    if (!set_off) return false;
  }
  if (headline_follows) *headline_follows = alone;
  return true;
}

bool IsDateLabelLine(std::string_view line) {
  std::vector<Word> words = Words(line);
  if (words.empty() || words.size() > 14) return false;
  std::vector<std::string> keys;
  for (const Word& w : words) if (!w.key.empty()) keys.push_back(w.key);
  size_t n = PrefixMatch(Table().date, keys);
  if (n == 0 || n == keys.size()) return false;
  // What follows the label must be a date: short, and a third of it numbers
  // ("24/3/2016", "السبت 27 أغسطس 2016"), not a sentence with one number.
  size_t rest = keys.size() - n, numeric = 0;
  if (rest > 7) return false;
  for (size_t i = n; i < keys.size(); ++i) {
    for (char c : keys[i]) if (c >= '0' && c <= '9') { ++numeric; break; }
  }
  return numeric > 0 && numeric * 3 >= rest;
}

std::string StripWidgetText(std::string_view line) {
  std::vector<Word> words = Words(line);
  if (words.empty()) return "";
  size_t begin = 0, end = words.size();
  // Trailing run.
  {
    size_t pos = end, committed = end, phrases = 0;
    bool strong_seen = false;
    while (pos > 0) {
      bool strong = false;
      size_t len = WidgetEndingAt(words, pos, &strong);
      if (len) {
        pos -= len;
        committed = pos;
        ++phrases;
        strong_seen |= strong;
        continue;
      }
      if (IsCounter(words[pos - 1])) { --pos; continue; }
      break;
    }
    // Counters just inside the run count as the run's own ("0 تعليق").
    while (committed > 0 && committed - 1 >= pos && IsCounter(words[committed - 1])) --committed;
    if (phrases > 0 && (strong_seen || phrases >= 2 || committed == 0)) end = committed;
  }
  if (end == 0) return "";
  // Leading run.
  {
    size_t pos = 0, committed = 0, phrases = 0;
    bool strong_seen = false;
    while (pos < end) {
      bool strong = false;
      size_t len = WidgetStartingAt(words, pos, &strong);
      if (len && pos + len <= end) {
        pos += len;
        committed = pos;
        ++phrases;
        strong_seen |= strong;
        continue;
      }
      if (IsCounter(words[pos])) { ++pos; continue; }
      break;
    }
    while (committed < end && committed < pos && IsCounter(words[committed])) ++committed;
    if (phrases > 0 && (strong_seen || phrases >= 2 || committed == end)) begin = committed;
  }
  if (begin >= end) return "";
  if (begin == 0 && end == words.size()) {
    std::string_view s = line.substr(words.front().start, words.back().end - words.front().start);
    return std::string(s);
  }
  return std::string(line.substr(words[begin].start, words[end - 1].end - words[begin].start));
}

bool HasPhotoCredit(std::string_view line) {
  // "REUTERS/Name" style credits.
  for (std::string_view credit : {"REUTERS/", "AFP/", "AP/", "EPA/", "Getty Images", "AP Photo"}) {
    if (line.find(credit) != std::string_view::npos) return true;
  }
  // "... Credit: ESA", "... Photo: AFP", "... تصوير: فلان" near the end.
  {
    std::vector<Word> words = Words(line);
    size_t n = words.size();
    for (size_t i = n > 6 ? n - 6 : 0; i + 1 < n; ++i) {
      std::string_view raw = line.substr(words[i].start, words[i].end - words[i].start);
      if (raw.empty() || raw.back() != ':') continue;
      if (Table().credit_label.count(words[i].key)) return true;
    }
  }
  size_t close = line.find_last_not_of(" \t.");
  if (close == std::string_view::npos || line[close] != ')') return false;
  size_t open = line.rfind('(', close);
  if (open == std::string_view::npos) return false;
  std::string_view inner = line.substr(open + 1, close - open - 1);
  std::vector<std::string> keys = LetterKeys(Words(inner));
  if (keys.empty() || keys.size() > 4) return false;
  const auto& t = Table();
  for (size_t n = keys.size(); n >= 1; --n) {
    if (t.caption.count(Join(keys, 0, n))) return true;
  }
  return t.caption.count(keys.back()) > 0;
}

bool IsNoticeLine(std::string_view line) {
  auto spans = Spans(line);
  if (spans.empty()) return false;
  size_t take = std::min<size_t>(spans.size(), Table().max_prefix_words);
  std::vector<Word> words = Words(line.substr(0, spans[take - 1].second));
  std::vector<std::string> keys;
  for (const Word& w : words) if (!w.key.empty()) keys.push_back(w.key);
  return PrefixMatch(Table().notice, keys) > 0;
}

std::vector<std::string> CleanFurnitureLines(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const std::string& line : lines) {
    bool blank = Spans(line).empty();  // spaces, tabs and NBSP only
    if (blank) {
      out.push_back(line);
      continue;
    }
    std::string kept = StripWidgetText(line);
    if (kept.empty()) continue;
    auto spans = Spans(line);
    if (kept.size() == spans.back().second - spans.front().first) {
      out.push_back(line);  // unchanged: keep it as written
    } else {
      out.push_back(std::move(kept));
    }
  }
  return out;
}

}  // namespace malaf
