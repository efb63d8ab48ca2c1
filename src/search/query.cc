#include "search/query.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "base/data_files.h"

#include "search/terms.h"
#include "text/analyzer.h"
#include "text/charset.h"
#include "text/normalizer.h"

namespace malaf::search {
namespace {

// One lexical unit of the query text.
struct Lexeme {
  std::string field;  // "outlet", ... or "" for text
  std::string value;  // text (phrase contents without quotes)
  bool quoted = false;
  bool negated = false;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')'; }

constexpr std::string_view kFields[] = {"outlet", "agency", "city", "from", "to"};

std::vector<Lexeme> Lex(std::string_view s) {
  std::vector<Lexeme> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    Lexeme lx;
    if (s[i] == '-' && i + 1 < s.size() && !IsSpace(s[i + 1]) && s[i + 1] != '-') {
      lx.negated = true;
      ++i;
    }
    // field:
    for (std::string_view f : kFields) {
      if (s.size() - i > f.size() && s.compare(i, f.size(), f) == 0 && s[i + f.size()] == ':') {
        lx.field = std::string(f);
        i += f.size() + 1;
        break;
      }
    }
    if (i < s.size() && s[i] == '"') {
      size_t close = s.find('"', i + 1);
      if (close == std::string_view::npos) close = s.size();  // unbalanced: close at the end
      lx.value = std::string(s.substr(i + 1, close - i - 1));
      lx.quoted = true;
      i = close < s.size() ? close + 1 : close;
    } else {
      size_t b = i;
      while (i < s.size() && !IsSpace(s[i]) && s[i] != '"') ++i;
      lx.value = std::string(s.substr(b, i - b));
    }
    out.push_back(std::move(lx));
  }
  return out;
}

// Code points of a UTF-8 string (for edit distances between names).
std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

size_t EditDistance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Two search keys of one place are spellings of one name (not two names,
// and not a name and an everyday word) when they are close.
bool SpellingVariants(const std::string& a, const std::string& b) {
  auto ca = CodePoints(a), cb = CodePoints(b);
  size_t shorter = std::min(ca.size(), cb.size());
  if (shorter < 4) return false;
  size_t d = EditDistance(ca, cb);
  return d == 1 || (d == 2 && shorter >= 5);
}

// The search key of a single-word name, or "" when it is several words or
// a stopword.
std::string SingleWordKey(std::string_view name) {
  auto toks = text::Analyze(text::NormalizeDisplay(name));
  if (toks.size() != 1 || toks[0].token.type != text::TokenType::kArabic || toks[0].stopword) return {};
  return toks[0].key;
}

using SpellingTable = std::unordered_map<std::string, std::vector<std::string>>;

SpellingTable BuildPlaceSpellings() {
  SpellingTable table;
  auto add_place = [&](std::vector<std::string_view> names) {
    std::vector<std::string> keys;
    for (auto n : names)
      if (std::string k = SingleWordKey(n); !k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end())
        keys.push_back(std::move(k));
    for (const auto& a : keys)
      for (const auto& b : keys) {
        if (a == b || !SpellingVariants(a, b)) continue;
        auto& v = table[a];
        if (std::find(v.begin(), v.end(), b) == v.end()) v.push_back(b);
      }
  };
  auto split = [](std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t b = 0;
    for (size_t i = 0; i <= s.size(); ++i)
      if (i == s.size() || s[i] == sep) {
        if (i > b) out.push_back(s.substr(b, i - b));
        b = i + 1;
      }
    return out;
  };
  // places.tsv: name, type, ISO code, English name, variants (comma-separated), common.
  if (auto f = DataFile("data/places.tsv")) {
    for (const auto& row : ReadTable(*f)) {
      if (row.empty() || (row.size() > 5 && row[5] == "1")) continue;
      std::vector<std::string_view> names{row[0]};
      if (row.size() > 4)
        for (auto v : split(row[4], ',')) names.push_back(v);
      add_place(names);
    }
  }
  // places_extra.tsv: name, kind, variants separated by '|'.
  if (auto f = DataFile("data/places_extra.tsv")) {
    for (const auto& row : ReadTable(*f)) {
      if (row.empty()) continue;
      std::vector<std::string_view> names{row[0]};
      if (row.size() > 2)
        for (auto v : split(row[2], '|')) names.push_back(v);
      add_place(names);
    }
  }
  return table;
}

QueryItem AnalyzeItem(std::string_view value, bool phrase) {
  QueryItem item;
  std::string display = text::NormalizeDisplay(value);
  for (auto& t : text::Analyze(display)) {
    QueryWord w;
    w.text = std::string(t.token.text);
    w.key = std::move(t.key);
    w.stem = std::move(t.stem);
    w.name = std::move(t.name);
    w.stopword = t.stopword;
    if (w.key.empty() || w.key.size() > terms::kMaxTermBytes) continue;
    if (!w.stopword)
      if (const auto* sp = PlaceSpellings(w.key)) w.spellings = *sp;
    item.words.push_back(std::move(w));
  }
  // A single typed token that analyses into several words ("كيري-لافروف")
  // means those words together.
  item.phrase = phrase || item.words.size() > 1;
  return item;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  return parts;
}

}  // namespace

const std::vector<std::string>* PlaceSpellings(std::string_view key) {
  static const SpellingTable* table = new SpellingTable(BuildPlaceSpellings());
  auto it = table->find(std::string(key));
  return it == table->end() ? nullptr : &it->second;
}

Result<std::string> ParseDateFilter(std::string_view raw) {
  std::string v = text::NormalizeDisplay(raw);  // folds Arabic-Indic digits
  auto bad = [&] {
    return Status::InvalidArgument("'" + std::string(raw) +
                                   "' is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, D/M/YYYY or M/YYYY)");
  };
  int y = 0, m = 0, d = 0;
  if (v.find('/') != std::string::npos) {
    auto p = Split(v, '/');
    for (auto x : p)
      if (!AllDigits(x) || x.size() > 4) return bad();
    if (p.size() == 3 && p[2].size() == 4) {
      d = ToInt(p[0]), m = ToInt(p[1]), y = ToInt(p[2]);
    } else if (p.size() == 2 && p[1].size() == 4) {
      m = ToInt(p[0]), y = ToInt(p[1]);
    } else {
      return bad();
    }
  } else {
    auto p = Split(v, '-');
    for (auto x : p)
      if (!AllDigits(x)) return bad();
    if (p.empty() || p.size() > 3 || p[0].size() != 4) return bad();
    y = ToInt(p[0]);
    if (p.size() >= 2) {
      if (p[1].size() > 2) return bad();
      m = ToInt(p[1]);
    }
    if (p.size() == 3) {
      if (p[2].size() > 2) return bad();
      d = ToInt(p[2]);
    }
    if (p.size() >= 2 && m == 0) return bad();
    if (p.size() == 3 && d == 0) return bad();
  }
  if (y < 1000 || y > 9999) return bad();
  if (m != 0 && (m < 1 || m > 12)) return bad();
  if (d != 0 && (m == 0 || d < 1 || d > DaysIn(y, m))) return bad();
  char buf[48];
  if (d) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return std::string(buf);
}

Result<ParsedQuery> ParseQuery(std::string_view raw, const QueryLimits& limits) {
  if (raw.size() > limits.max_bytes)
    return Status::InvalidArgument("query too long: " + std::to_string(raw.size()) + " bytes (limit " +
                                   std::to_string(limits.max_bytes) + ")");
  std::string repaired;
  text::RepairUtf8(raw, &repaired);
  ParsedQuery q;
  std::vector<QueryItem> current;
  bool pending_not = false;
  size_t words = 0;
  for (Lexeme& lx : Lex(repaired)) {
    if (!lx.quoted && lx.field.empty() && !lx.negated) {
      if (lx.value == "OR") {
        q.explicit_operators = true;
        if (!current.empty()) q.any.push_back(std::move(current));
        current.clear();
        continue;
      }
      if (lx.value == "AND") {
        q.explicit_operators = true;
        continue;
      }
      if (lx.value == "NOT") {
        pending_not = true;
        continue;
      }
    }
    if (!lx.field.empty()) {
      std::string_view f = lx.field;
      if (f == "from" || f == "to") {
        auto d = ParseDateFilter(lx.value);
        if (!d.ok()) return d.status().WithContext(std::string(f));
        (f == "from" ? q.from : q.to) = *d;
        continue;
      }
      std::string key = terms::FieldKey(text::NormalizeDisplay(lx.value));
      if (key.empty()) return Status::InvalidArgument(std::string(f) + ": needs a value");
      (f == "outlet" ? q.outlets : f == "agency" ? q.agencies : q.cities).push_back(key);
      continue;
    }
    QueryItem item = AnalyzeItem(lx.value, lx.quoted);
    if (item.words.empty()) {
      pending_not = false;
      continue;
    }
    words += item.words.size();
    if (words > limits.max_words)
      return Status::InvalidArgument("query too long: more than " + std::to_string(limits.max_words) + " words");
    if (lx.negated || pending_not) q.exclude.push_back(std::move(item));
    else current.push_back(std::move(item));
    pending_not = false;
  }
  if (!current.empty()) q.any.push_back(std::move(current));
  if (!q.from.empty() && !q.to.empty() && q.from.substr(0, std::min(q.from.size(), q.to.size())) >
                                              q.to.substr(0, std::min(q.from.size(), q.to.size())))
    return Status::InvalidArgument("from:" + q.from + " is after to:" + q.to);
  return q;
}

}  // namespace malaf::search
