#include "extract/metadata.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "base/data_files.h"
#include "extract/fold_tokens.h"
#include "extract/outlets.h"
#include "extract/places.h"

namespace malaf {
namespace {

using fold::Tok;
using fold::TokKind;

// ---------------------------------------------------------------------------
// Agencies table.

struct AgencyEntry {
  std::string canonical;
  bool credit_only = false;
};

struct AgencyTable {
  std::unordered_map<std::string, AgencyEntry> by_key;  // folded spelling
  std::unordered_set<std::string> first_words;          // first word of every spelling: a cheap gate
  size_t max_tokens = 1;
};

const AgencyTable& Agencies() {
  static const AgencyTable* table = [] {
    auto* t = new AgencyTable;
    auto bytes = DataFile("data/agencies.tsv");
    if (!bytes) return t;
    for (const auto& f : ReadTable(*bytes)) {
      if (f.size() < 2 || f[0].empty()) continue;
      std::vector<Tok> toks = fold::Tokenize(f[0]);
      if (toks.empty()) continue;
      // "أ.ف.ب" and "أ ف ب" are one key: punctuation inside names is ignored.
      std::string key;
      size_t words = 0;
      for (const Tok& tk : toks) {
        if (tk.kind == TokKind::kPunct) continue;
        if (!key.empty()) key.push_back(' ');
        key += tk.key;
        ++words;
      }
      AgencyEntry e;
      e.canonical = std::string(f[1]);
      e.credit_only = f.size() > 3 && f[3] == "credit";
      t->by_key.emplace(key, e);
      t->first_words.insert(key.substr(0, key.find(' ')));
      t->max_tokens = std::max(t->max_tokens, words);
    }
    return t;
  }();
  return *table;
}

bool IsWordTok(const Tok& t) { return t.kind == TokKind::kWord || t.kind == TokKind::kNumber; }

// Words of `toks` without punctuation (keeping the index of each).
struct WordSeq {
  std::vector<size_t> idx;  // indices into toks of word tokens
};

bool IsCreditLead(const std::string& key) {
  static const std::unordered_set<std::string> kLeads = {
      fold::FoldKey("وكالة"), fold::FoldKey("لوكالة"), fold::FoldKey("بوكالة"), fold::FoldKey("وكاله"),
      fold::FoldKey("المصدر"), fold::FoldKey("مصدر"), fold::FoldKey("ووكالة"), fold::FoldKey("أنباء"),
      fold::FoldKey("للأنباء"), fold::FoldKey("عن"), fold::FoldKey("نقلا"), fold::FoldKey("بحسب"),
      fold::FoldKey("وفق"), fold::FoldKey("وفقا"), fold::FoldKey("حسب")};
  return kLeads.count(key) > 0;
}

// Scans for agencies. `credit_zone_end`: bytes before it count as a credit
// context (dateline, source line) for credit-only spellings.
void ScanAgencies(std::string_view text, size_t credit_zone_end, std::vector<std::string>* out) {
  const AgencyTable& table = Agencies();
  std::vector<Tok> toks = fold::Tokenize(text);
  std::vector<size_t> words;
  for (size_t i = 0; i < toks.size(); ++i)
    if (IsWordTok(toks[i])) words.push_back(i);
  auto add = [&](const std::string& name) {
    if (std::find(out->begin(), out->end(), name) == out->end()) out->push_back(name);
  };
  static const std::string kWaw = "\xd9\x88", kLam = "\xd9\x84", kBa = "\xd8\xa8";
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string& first_key = toks[words[w]].key;
    bool gate = table.first_words.count(first_key) > 0;
    if (!gate && first_key.size() >= 8 &&
        (first_key.rfind(kWaw, 0) == 0 || first_key.rfind(kLam, 0) == 0 || first_key.rfind(kBa, 0) == 0))
      gate = table.first_words.count(first_key.substr(2)) > 0;
    if (!gate) continue;
    size_t maxn = std::min(table.max_tokens, words.size() - w);
    for (size_t n = maxn; n >= 1; --n) {
      // Words of a multi-word name must be adjacent (only spaces, dots or
      // dashes between) and on one line.
      bool adjacent = true;
      for (size_t k = 1; k < n && adjacent; ++k) {
        for (size_t t = words[w + k - 1] + 1; t < words[w + k]; ++t) {
          if (!(fold::IsPunct(toks[t], ".") || fold::IsPunct(toks[t], "-"))) adjacent = false;
        }
        if (toks[words[w + k]].line != toks[words[w]].line) adjacent = false;
      }
      if (!adjacent) continue;
      std::string key;
      for (size_t k = 0; k < n; ++k) {
        if (k) key.push_back(' ');
        key += toks[words[w + k]].key;
      }
      auto it = table.by_key.find(key);
      if (it == table.by_key.end()) {
        // A proclitic و/ل/ب on the first word: "وانترفاكس", "لرويترز".
        const std::string& w0 = toks[words[w]].key;
        bool clitic = w0.size() >= 8 && (w0.rfind(kWaw, 0) == 0 || w0.rfind(kLam, 0) == 0 || w0.rfind(kBa, 0) == 0);
        if (!clitic) continue;
        it = table.by_key.find(key.substr(2));
        if (it == table.by_key.end() || it->second.credit_only) continue;
      }
      size_t first = words[w], last = words[w + n - 1];
      // Latin acronyms must be written in capitals (AP, SPA), not "spa".
      if (it->second.credit_only) {
        bool credit = toks[first].start < credit_zone_end;
        if (first > 0 && fold::IsPunct(toks[first - 1], "(")) credit = true;
        if (last + 1 < toks.size() && fold::IsPunct(toks[last + 1], ")")) credit = true;
        if (w > 0 && IsCreditLead(toks[words[w - 1]].key) && toks[words[w - 1]].line == toks[first].line) credit = true;
        // A dateline-like "واس- الرياض:" / "سبق- وكالات:" at a line start.
        bool line_start = first == 0 || toks[first - 1].kind == TokKind::kNewline;
        if (line_start && last + 1 < toks.size() &&
            (fold::IsPunct(toks[last + 1], "-") || fold::IsPunct(toks[last + 1], ":")))
          credit = true;
        if (!credit) continue;
        std::string_view raw = text.substr(toks[first].start, toks[last].end - toks[first].start);
        bool ascii = std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (ascii && std::any_of(raw.begin(), raw.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
      }
      add(it->second.canonical);
      w += n - 1;
      break;
    }
  }
}

// ---------------------------------------------------------------------------
// Lines and phrases.

std::string_view Trim(std::string_view s) {
  auto sp = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  // Non-breaking and other wide spaces (UTF-8 C2 A0, E2 80 8x) at the ends.
  while (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) s.remove_prefix(2);
  while (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
         static_cast<unsigned char>(s.back()) == 0xA0)
    s.remove_suffix(2);
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return s;
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  for (const Tok& t : fold::Tokenize(s))
    if (IsWordTok(t)) ++n;
  return n;
}

// Folded keys of furniture words: counters, share and print widgets.
const std::unordered_set<std::string>& FurnitureWords() {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string>;
    for (const char* w : {"تعليق", "تعليقات", "ارسل", "أرسل", "لصديق", "نسخة", "للطباعة", "طباعة", "اطبع", "إطبع",
                          "مشاركة", "شارك", "إنشر", "انشر", "نشر", "على", "الفيسبوك", "فيسبوك", "تويتر", "واتساب",
                          "تلغرام", "حفظ", "قراءة", "مشاهدة", "مشاهدات", "زيارة", "زيارات", "التعليقات", "المفضلة",
                          "تكبير", "تصغير", "الخط", "print", "share", "email", "tweet", "facebook", "twitter",
                          "comments", "views", "A", "a", "+", "-", "ق", "د"})
      s->insert(fold::FoldKey(w));
    return s;
  }();
  return *set;
}

// The words that open an author line, as folded token keys.
const std::vector<std::vector<std::string>>& AuthorMarkers() {
  static const auto* v = [] {
    auto* out = new std::vector<std::vector<std::string>>;
    for (const char* w : {"كتب", "كتبت", "بقلم", "بواسطة", "إعداد", "اعداد", "تقرير", "حوار", "متابعة", "تحرير",
                          "by", "written by", "author"}) {
      std::vector<std::string> keys;
      for (const Tok& t : fold::Tokenize(w)) keys.push_back(t.key);
      out->push_back(std::move(keys));
    }
    return out;
  }();
  return *v;
}

bool IsSourceMarker(const std::string& key) {
  static const std::unordered_set<std::string> kMarkers = {fold::FoldKey("المصدر"), fold::FoldKey("مصدر"),
                                                           fold::FoldKey("source"), fold::FoldKey("المصادر")};
  return kMarkers.count(key) > 0;
}

bool IsGenericAgencies(const std::string& key) {
  static const std::unordered_set<std::string> kWords = {fold::FoldKey("وكالات"), fold::FoldKey("والوكالات"),
                                                         fold::FoldKey("ووكالات"), fold::FoldKey("الوكالات"),
                                                         fold::FoldKey("agencies")};
  return kWords.count(key) > 0;
}

// What a head line holds.
struct HeadLine {
  std::string_view text;       // trimmed
  size_t start = 0, end = 0;   // byte range of the untrimmed line in body
  bool metadata = false;       // only metadata or furniture: remove
  std::optional<DateMatch> date;
  std::vector<std::string> authors;
  std::string source;          // text after "المصدر:"
};

// Author name after a marker: up to 5 words, stopping at a date, '|', '-',
// '،', '(' or the end.
std::string AuthorAfter(std::string_view line, size_t from, size_t stop) {
  std::string_view rest = line.substr(from, stop > from ? stop - from : 0);
  std::vector<Tok> toks = fold::Tokenize(rest);
  size_t i = 0;
  while (i < toks.size() && toks[i].kind == TokKind::kPunct && (toks[i].key == ":" || toks[i].key == "-" ||
                                                                 toks[i].key == "/"))
    ++i;
  size_t begin = i < toks.size() ? toks[i].start : rest.size(), end = begin;
  size_t words = 0;
  for (; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    if (t.kind == TokKind::kNewline) break;
    if (t.kind == TokKind::kPunct) {
      if (t.key == "." || t.key == "'") continue;
      break;
    }
    if (t.kind == TokKind::kNumber) break;
    if (++words > 5) return "";
    end = t.end;
  }
  if (words == 0) return "";
  return std::string(Trim(rest.substr(begin, end - begin)));
}

HeadLine ReadHeadLine(std::string_view line, const std::string& title_key, const DateContext& ctx) {
  HeadLine h;
  h.text = Trim(line);
  // A metadata line is short; a long line is text (and costs nothing more).
  if (h.text.size() > 700) return h;
  std::vector<Tok> toks = fold::Tokenize(h.text);
  size_t words = 0;
  for (const Tok& t : toks)
    if (IsWordTok(t)) ++words;
  if (words == 0) {
    h.metadata = !h.text.empty();  // a line of only symbols ("|", "•")
    return h;
  }
  std::vector<DateMatch> dates = DateParser::Default().FindAll(h.text, ctx);
  const DateMatch* date = nullptr;
  for (const DateMatch& m : dates) {
    if (m.kind == DateKind::kAbsolute || m.kind == DateKind::kAgo ||
        (m.kind == DateKind::kDeictic && m.standalone)) {
      date = &m;
      break;
    }
  }
  // Mark what we can explain: date spans, author and source phrases,
  // furniture words, the title repeated.
  std::vector<bool> explained(toks.size(), false);
  if (date) {
    h.date = *date;
    for (size_t i = 0; i < toks.size(); ++i)
      if (toks[i].start >= date->start && toks[i].end <= date->end) explained[i] = true;
  }
  for (const DateMatch& m : dates)
    if (m.kind == DateKind::kTimeOnly)
      for (size_t i = 0; i < toks.size(); ++i)
        if (toks[i].start >= m.start && toks[i].end <= m.end) explained[i] = true;
  // Intro words of dates ("آخر تحديث", "بتاريخ", "Published On").
  static const std::unordered_set<std::string> kIntro = {
      fold::FoldKey("آخر"), fold::FoldKey("أخر"), fold::FoldKey("تحديث"), fold::FoldKey("بتاريخ"),
      fold::FoldKey("تاريخ"), fold::FoldKey("النشر"), fold::FoldKey("نشر"), fold::FoldKey("في"),
      fold::FoldKey("published"), fold::FoldKey("on"), fold::FoldKey("updated"), fold::FoldKey("منذ")};
  const auto& furniture = FurnitureWords();
  for (size_t i = 0; i < toks.size(); ++i) {
    if (explained[i] || !IsWordTok(toks[i])) continue;
    if (furniture.count(toks[i].key) || (h.date && kIntro.count(toks[i].key))) explained[i] = true;
    if (toks[i].kind == TokKind::kNumber && toks[i].digits <= 6) {
      // counters ("0 تعليق 14") are furniture next to furniture words
      bool near = (i + 1 < toks.size() && furniture.count(toks[i + 1].key)) ||
                  (i > 0 && furniture.count(toks[i - 1].key)) || (i + 1 == toks.size());
      if (near) explained[i] = true;
    }
  }
  // Author phrase.
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!IsWordTok(toks[i])) continue;
    for (const std::vector<std::string>& mt : AuthorMarkers()) {
      bool match = i + mt.size() <= toks.size();
      for (size_t k = 0; match && k < mt.size(); ++k) match = toks[i + k].key == mt[k];
      if (!match) continue;
      // Author markers open a line or follow a separator; "كتب" inside a
      // sentence is a verb.
      bool lead = i == 0 || toks[i - 1].kind == TokKind::kPunct;
      if (!lead) continue;
      size_t after = toks[i + mt.size() - 1].end;
      size_t stop = h.text.size();
      if (date && date->start > after) stop = date->start;
      std::string name = AuthorAfter(h.text, after, stop);
      if (name.empty()) continue;
      h.authors.push_back(name);
      size_t name_end = after + (h.text.substr(after).find(name) + name.size());
      for (size_t k = i; k < toks.size() && toks[k].end <= name_end; ++k) explained[k] = true;
      break;
    }
  }
  // Source phrase: "المصدر: X", "/مصدر: X/", "المصدر - X".
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!IsWordTok(toks[i]) || !IsSourceMarker(toks[i].key)) continue;
    size_t j = i + 1;
    if (j < toks.size() && (fold::IsPunct(toks[j], ":") || fold::IsPunct(toks[j], "-"))) ++j;
    else continue;
    size_t begin = j < toks.size() ? toks[j].start : h.text.size();
    size_t end = begin;
    size_t k = j;
    for (; k < toks.size(); ++k) {
      if (date && toks[k].start >= date->start) break;
      if (fold::IsPunct(toks[k], "/") || fold::IsPunct(toks[k], "|")) break;
      if (toks[k].kind == TokKind::kNumber && k + 1 < toks.size() && fold::IsPunct(toks[k + 1], ":")) break;
      end = toks[k].end;
    }
    if (end > begin && k - j <= 8) {
      h.source = std::string(Trim(h.text.substr(begin, end - begin)));
      for (size_t q = i; q < k; ++q) explained[q] = true;
    }
    break;
  }
  size_t unexplained = 0;
  for (size_t i = 0; i < toks.size(); ++i)
    if (IsWordTok(toks[i]) && !explained[i]) ++unexplained;
  bool has_meta = h.date || !h.authors.empty() || !h.source.empty();
  size_t furn = 0;
  for (const Tok& t : toks)
    if (IsWordTok(t) && furniture.count(t.key)) ++furn;
  // The title repeated before its metadata ("العنوان | بواسطة : … | بتاريخ …").
  bool title_line = false;
  if (!title_key.empty()) {
    std::string key = fold::FoldKey(h.text);
    if (key == title_key) title_line = true;
    else if (key.rfind(title_key, 0) == 0 && (has_meta || furn >= 2)) title_line = true;
  }
  if (title_line) h.metadata = true;
  else if (has_meta && unexplained <= 4 && words <= 25) h.metadata = true;
  else if (!has_meta && furn >= 2 && unexplained <= 2) h.metadata = true;
  else if (words <= 3 && furn == words) h.metadata = true;
  return h;
}

// ---------------------------------------------------------------------------
// Datelines.

struct Dateline {
  std::string text;      // the dateline as written, separators trimmed
  std::string city;
  size_t consumed = 0;   // bytes of the paragraph it takes (with its separator)
  bool whole_line = false;
  std::optional<DateMatch> date;
  std::vector<std::string> agencies;
  std::string outlet;
  std::string reporter;  // a person's name opening the dateline
};

// "الجزيرة + وكالات", "رويترز، أ ف ب" -> parts.
std::vector<std::string_view> SplitCredits(std::string_view s) {
  std::vector<std::string_view> out;
  std::vector<Tok> toks = fold::Tokenize(s);
  size_t begin = std::string_view::npos, end = 0;
  auto flush = [&] {
    if (begin != std::string_view::npos) out.push_back(Trim(s.substr(begin, end - begin)));
    begin = std::string_view::npos;
  };
  for (const Tok& t : toks) {
    bool cut = t.kind == TokKind::kNewline ||
               (t.kind == TokKind::kPunct && (t.key == "+" || t.key == "," || t.key == "/" || t.key == "|" ||
                                              t.key == "-" || t.key == "&" || t.key == ":" || t.key == "\xc2\xab" ||
                                              t.key == "\xc2\xbb" || t.key == "\"" || t.key == "\xe2\x80\x9c" ||
                                              t.key == "\xe2\x80\x9d" || t.key == "(" || t.key == ")")) ||
               (t.kind == TokKind::kWord && t.key == "\xd9\x88");  // a lone "و"
    if (cut) { flush(); continue; }
    if (begin == std::string_view::npos) begin = t.start;
    end = t.end;
  }
  flush();
  return out;
}

bool IsAgencyName(std::string_view s) { return !CanonicalAgency(s).empty(); }

// A dateline at the start of `para` ("جنيف ــ العربي الجديد", "موسكو - أ ف ب،
// رويترز:", "(أ ف ب) -", "دبي، الإمارات العربية المتحدة (CNN)--",
// "جنيف 26 أغسطس 2016 /", "واس- الرياض:", "شاشة نيوز- وكالات-").
std::optional<Dateline> ReadDateline(std::string_view para, const DateContext& ctx) {
  // Look only at the first 160 bytes and the first line.
  size_t limit = std::min(para.size(), para.find('\n') == std::string_view::npos ? para.size() : para.find('\n'));
  // A dateline is short: look at the first 300 bytes of the first line, cut
  // at a character boundary (a longer line is never taken whole).
  bool line_fits = limit <= 300;
  if (!line_fits) {
    limit = 300;
    while (limit > 0 && (static_cast<unsigned char>(para[limit]) & 0xC0) == 0x80) --limit;
  }
  std::string_view head = para.substr(0, limit);
  std::vector<Tok> toks = fold::Tokenize(head);
  if (toks.empty()) return std::nullopt;
  bool whole_line_candidate = line_fits && WordCount(head) <= 8;
  // Find the end of the dateline: a separator after at most 10 words.
  size_t words = 0;
  size_t sep = std::string_view::npos, sep_end = 0;
  int paren = 0;
  auto is_quote = [](const Tok& t) {
    return t.kind == TokKind::kPunct &&
           (t.key == "\xc2\xab" || t.key == "\xc2\xbb" || t.key == "\"" || t.key == "\xe2\x80\x9c" ||
            t.key == "\xe2\x80\x9d" || t.key == "'");  // « » " “ ” '
  };
  // Extends the dateline over "X- Y- Z:" / "X - A، B، C:" / "X - «Y» -"
  // while the next segment is short and every comma-separated part of it
  // is known; the last one before ':' may be a place the gazetteer lacks
  // ("سبق- القنفذة:", "رويترز- لونبورج (ألمانيا):") or a reporter.
  auto extend = [&](size_t j) {
    for (int more = 0; more < 3; ++more) {
      size_t k = j, w2 = 0;
      while (k < toks.size() && w2 <= 8 &&
             (IsWordTok(toks[k]) || toks[k].key == "," || toks[k].key == "." || toks[k].key == "(" ||
              toks[k].key == ")" || is_quote(toks[k]))) {
        if (IsWordTok(toks[k])) ++w2;
        ++k;
      }
      if (w2 == 0 || w2 > 8 || k >= toks.size() || !(toks[k].key == "-" || toks[k].key == ":")) break;
      if (toks[k].key == "-" && !(k + 1 == toks.size() || toks[k + 1].space_before || toks[k].space_before)) break;
      std::string_view seg = head.substr(toks[j].start, toks[k - 1].end - toks[j].start);
      bool known = true;
      for (std::string_view part : SplitCredits(seg)) {
        if (!(IsAgencyName(part) || IsGenericAgencies(fold::FoldKey(part)) || LookupPlace(part).has_value() ||
              LookupOutlet(part).has_value()))
          known = false;
      }
      if (!known && !(toks[k].key == ":" && w2 <= 3)) break;
      size_t q = k;
      while (q < toks.size() && (toks[q].key == "-" || toks[q].key == ":")) ++q;
      sep = toks[k].start;
      sep_end = q < toks.size() ? toks[q].start : head.size();
      j = q;
    }
  };
  auto known_text = [&](std::string_view s) {
    s = Trim(s);
    return !s.empty() && (IsAgencyName(s) || LookupPlace(s).has_value() || LookupOutlet(s).has_value());
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    if (t.start > 200) break;
    if (IsWordTok(t)) {
      if (++words > 10) break;
      continue;
    }
    if (t.key == "(") { ++paren; continue; }
    if (t.key == ")") {
      --paren;
      // "(أ ف ب) -", "(CNN)--", "نيويورك (الأمم المتحدة) - رويترز:"
      size_t j = i + 1;
      if (j < toks.size() && (toks[j].key == "-" || toks[j].key == ":")) {
        while (j < toks.size() && (toks[j].key == "-" || toks[j].key == ":")) ++j;
        sep = t.end;
        sep_end = j < toks.size() ? toks[j].start : head.size();
        extend(j);
        break;
      }
      continue;
    }
    if (paren > 0) continue;
    bool spaced_dash = t.key == "-" && (toks[i].space_before || i + 1 == toks.size() || toks[i + 1].space_before);
    // "دمشق-سانا": a tight dash counts after a known place, agency or outlet.
    bool tight_dash = t.key == "-" && !spaced_dash && known_text(head.substr(0, t.start));
    if (t.key == ":" || t.key == "/" || spaced_dash || tight_dash) {
      // A time "15:00" is not a separator.
      if (t.key == ":" && i > 0 && toks[i - 1].kind == TokKind::kNumber && i + 1 < toks.size() &&
          toks[i + 1].kind == TokKind::kNumber && !toks[i + 1].space_before)
        continue;
      if (words == 0) return std::nullopt;
      size_t j = i;
      while (j < toks.size() && (toks[j].key == "-" || toks[j].key == ":" || toks[j].key == "/")) ++j;
      sep = t.start;
      sep_end = j < toks.size() ? toks[j].start : head.size();
      extend(j);
      break;
    }
  }
  // The "ــ" dateline on a line of its own: "جنيف ــ العربي الجديد".
  std::string_view prefix;
  bool own_line = false;
  if (sep == std::string_view::npos) {
    // Without a separator only a short line of its own can be a dateline,
    // and only with a tatweel dash in it: "جنيف ــ العربي الجديد".
    if (!whole_line_candidate || (head.find("\xd9\x80\xd9\x80") == std::string_view::npos &&
                                  head.find(" \xd9\x80 ") == std::string_view::npos))
      return std::nullopt;
    prefix = head;
    own_line = true;
    sep_end = limit;
  } else {
    prefix = head.substr(0, sep);
    std::string_view rest = Trim(head.substr(sep_end));
    own_line = line_fits && rest.empty();
    // "جنيف - العربي الجديد" on a line of its own: what follows the dash
    // is a credit (outlet, agency, place), so the whole line is the dateline.
    if (!own_line && whole_line_candidate && para.find('\n') != std::string_view::npos) {
      bool all_known = true;
      for (std::string_view part : SplitCredits(rest)) {
        if (!(IsAgencyName(part) || IsGenericAgencies(fold::FoldKey(part)) || LookupPlace(part).has_value() ||
              LookupOutlet(part).has_value()))
          all_known = false;
      }
      if (all_known) {
        prefix = head;
        own_line = true;
        sep_end = limit;
      }
    }
  }
  prefix = Trim(prefix);
  if (prefix.empty()) return std::nullopt;
  // Every segment must be something a dateline holds: a place, an agency,
  // "وكالات", an outlet, a date, or a parenthesized credit; a person's name
  // is allowed when another segment is known.
  Dateline d;
  std::string_view inner = prefix;
  bool parenthesized = inner.front() == '(' && inner.back() == ')';
  if (parenthesized) inner = Trim(inner.substr(1, inner.size() - 2));
  std::vector<std::string_view> segs;
  {
    std::vector<Tok> pt = fold::Tokenize(inner);
    size_t seg_start = 0;
    bool have = false;
    for (size_t i = 0; i <= pt.size(); ++i) {
      bool cut = i == pt.size() ||
                 (pt[i].kind == TokKind::kPunct && (pt[i].key == "," || pt[i].key == "(" || pt[i].key == ")" ||
                                                    pt[i].key == "|" || pt[i].key == "-" || pt[i].key == "/" ||
                                                    pt[i].key == "+" || pt[i].key == "\xd9\x80" ||
                                                    pt[i].key == ":" || is_quote(pt[i])));
      if (!cut && pt[i].kind == TokKind::kWord && (pt[i].key == fold::FoldKey("و") )) cut = true;
      if (cut) {
        if (have) {
          std::string_view s = Trim(inner.substr(seg_start, pt[i - 1].end - seg_start));
          if (!s.empty()) segs.push_back(s);
        }
        have = false;
        continue;
      }
      if (!have) { seg_start = pt[i].start; have = true; }
    }
  }
  // Tatweel dashes split "جنيف ــ العربي الجديد" (tatweel is a mark inside a word token).
  {
    std::vector<std::string_view> split;
    for (std::string_view s : segs) {
      size_t p;
      while ((p = s.find("\xd9\x80")) != std::string_view::npos) {
        std::string_view a = Trim(s.substr(0, p));
        size_t q = p;
        while (q + 1 < s.size() && s.substr(q, 2) == "\xd9\x80") q += 2;
        if (!a.empty()) split.push_back(a);
        s = Trim(s.substr(q));
      }
      if (!s.empty()) split.push_back(s);
    }
    segs = split;
  }
  if (segs.empty()) return std::nullopt;
  size_t known = 0, unknown_words = 0;
  std::string_view unknown_first, unknown_last;
  for (size_t si = 0; si < segs.size(); ++si) {
    std::string_view s = segs[si];
    std::string key = fold::FoldKey(s);
    if (IsGenericAgencies(key)) { ++known; continue; }
    std::string agency = CanonicalAgency(s);
    if (!agency.empty()) {
      d.agencies.push_back(agency);
      ++known;
      continue;
    }
    if (auto place = LookupPlace(s)) {
      if (d.city.empty()) d.city = std::string(s);
      ++known;
      continue;
    }
    // A place followed by a date: "جنيف 26 أغسطس 2016".
    if (auto m = DateParser::Default().Find(s, ctx); m && m->kind == DateKind::kAbsolute) {
      std::string_view before = Trim(s.substr(0, m->start));
      if (before.empty() || LookupPlace(before)) {
        if (!before.empty() && d.city.empty()) d.city = std::string(before);
        d.date = m;
        ++known;
        continue;
      }
    }
    if (auto o = LookupOutlet(s)) {
      if (!IsAgencyName(s)) d.outlet = o->name;
      ++known;
      continue;
    }
    if (si == 0) unknown_first = s;
    else unknown_last = s;
    unknown_words += WordCount(s);
  }
  // An unknown short segment after known ones, before a country or at the
  // end, is the city: "سبق- القنفذة", "رويترز- لونبورج (ألمانيا)".
  static const std::unordered_set<std::string> kNotCity = {
      fold::FoldKey("متابعة"), fold::FoldKey("خاص"), fold::FoldKey("تقرير"), fold::FoldKey("ترجمة"),
      fold::FoldKey("تحرير"), fold::FoldKey("خدمة"), fold::FoldKey("محرر"), fold::FoldKey("عاجل"),
      fold::FoldKey("حصري"), fold::FoldKey("مراسل"), fold::FoldKey("مراسلون"), fold::FoldKey("فريق التحرير")};
  if (!unknown_last.empty() && kNotCity.count(fold::FoldKey(unknown_last))) unknown_last = {};
  std::string_view reporter_last;
  if (!unknown_last.empty() && known > 0 && WordCount(unknown_last) <= 3) {
    auto place = d.city.empty() ? std::nullopt : LookupPlace(d.city);
    if (d.city.empty() || (place && place->type == "country")) d.city = std::string(unknown_last);
    else reporter_last = unknown_last;  // "القاهرة - محمد علي:": the city is known, this is a name
  }
  if (known == 0) {
    // "(موسوعة … | اخبار العراق)- صرح": a parenthesized credit before a dash.
    if (!(parenthesized && !own_line && unknown_words <= 8)) return std::nullopt;
  }
  if (unknown_words > 4) return std::nullopt;
  if (own_line && sep == std::string_view::npos && known == 0) return std::nullopt;
  // "فهد كاملي- سبق- جزيرة فرسان:": a name before known segments is the reporter.
  size_t city_words = (!unknown_last.empty() && (d.city == unknown_last || !reporter_last.empty()))
                          ? WordCount(unknown_last)
                          : 0;
  // A name is not in parentheses ("نيويورك (الأمم المتحدة)") and does not
  // open with the article ("الأمم"), as given names do not.
  if (!reporter_last.empty() &&
      (prefix.find("(" + std::string(reporter_last)) != std::string_view::npos ||
       reporter_last.rfind("\xd8\xa7\xd9\x84", 0) == 0))
    reporter_last = {};
  if (!reporter_last.empty() && WordCount(reporter_last) >= 2) {
    bool letters = true;
    for (const Tok& t : fold::Tokenize(reporter_last))
      if (t.kind != TokKind::kWord) letters = false;
    if (letters) d.reporter = std::string(reporter_last);
  }
  if (!unknown_first.empty() && known > 0 && unknown_words - city_words == WordCount(unknown_first)) {
    size_t w = WordCount(unknown_first);
    bool letters = true;
    for (const Tok& t : fold::Tokenize(unknown_first))
      if (t.kind != TokKind::kWord) letters = false;
    if (w >= 2 && w <= 4 && letters) d.reporter = std::string(unknown_first);
  }
  d.text = std::string(prefix);
  d.consumed = sep_end;
  d.whole_line = own_line;
  return d;
}

std::string JoinAgenciesText(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += p + "\n";
  return s;
}

}  // namespace

std::string CanonicalAgency(std::string_view name) {
  std::string key;
  for (const Tok& t : fold::Tokenize(name)) {
    if (t.kind == TokKind::kPunct || t.kind == TokKind::kNewline) continue;
    if (!key.empty()) key.push_back(' ');
    key += t.key;
  }
  const AgencyTable& table = Agencies();
  auto it = table.by_key.find(key);
  if (it != table.by_key.end()) return it->second.canonical;
  // "وكالة رويترز", "وكالة الأنباء الألمانية" minus the lead.
  std::string lead = fold::FoldKey("وكالة") + " ";
  if (key.rfind(lead, 0) == 0) {
    it = table.by_key.find(key.substr(lead.size()));
    if (it != table.by_key.end()) return it->second.canonical;
  }
  return "";
}

// Long texts are scanned in pieces cut at line ends, so memory stays bounded.
static void ScanAgenciesInPieces(std::string_view text, std::vector<std::string>* out) {
  constexpr size_t kPiece = 256 * 1024;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.size();
    if (end - pos > kPiece) {
      end = text.rfind('\n', pos + kPiece);
      if (end == std::string_view::npos || end <= pos) end = text.rfind(' ', pos + kPiece);
      if (end == std::string_view::npos || end <= pos) {
        end = pos + kPiece;
        while (end > pos && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        if (end == pos) end = pos + kPiece;
      }
    }
    ScanAgencies(text.substr(pos, end - pos), 0, out);
    pos = end;
  }
}

std::vector<std::string> FindAgencies(std::string_view text) {
  std::vector<std::string> out;
  ScanAgenciesInPieces(text, &out);
  return out;
}

void FillMetadata(Article* a, const MetadataOptions& options) {
  DateContext ctx;
  ctx.reference = options.reference;
  const DateParser& parser = DateParser::Default();
  std::string title_key = a->title.empty() ? std::string() : fold::FoldKey(a->title);

  // 0. Author fields from markup or exports that hold a dateline or a
  // credit rather than a person ("لندن: «الشرق الأوسط»", "الرياض - الوئام :",
  // "لندن: رنيم حنوش", "«الاقتصادية» من الرياض", "الرياضي").
  std::vector<std::string> early_credits;
  std::optional<Dateline> author_dateline;
  if (!a->authors.empty()) {
    std::vector<std::string> kept;
    for (const std::string& raw : a->authors) {
      // Exports keep HTML's non-breaking space entity in these fields.
      std::string au = raw;
      for (size_t at; (at = au.find("&nbsp;")) != std::string::npos;) au.replace(at, 6, " ");
      std::string_view t = Trim(au);
      if (t.empty() || t.size() > 300) {
        if (!t.empty()) kept.push_back(std::string(t));
        continue;
      }
      // One outlet or agency name, maybe in quotes ("«الشرق الأوسط أونلاين»").
      auto is_credit = [](std::string_view x) {
        std::vector<std::string_view> parts = SplitCredits(x);
        if (parts.size() != 1) return false;
        return IsAgencyName(parts[0]) || LookupOutlet(parts[0]).has_value() ||
               IsGenericAgencies(fold::FoldKey(parts[0]));
      };
      if (is_credit(t)) {
        early_credits.emplace_back(t);
        continue;
      }
      // "أحمد الشميري (صنعاء)", "عكاظ (جدة)": a name or a credit, then the city.
      if (t.back() == ')') {
        size_t open = t.rfind('(');
        if (open != std::string_view::npos && open > 0) {
          std::string_view who = Trim(t.substr(0, open)), where = Trim(t.substr(open + 1, t.size() - open - 2));
          if (!who.empty() && LookupPlace(where)) {
            if (!author_dateline) {
              Dateline d;
              d.text = std::string(t);
              d.city = std::string(where);
              author_dateline = d;
            }
            if (is_credit(who)) early_credits.emplace_back(who);
            else kept.emplace_back(who);
            continue;
          }
        }
      }
      // "«الاقتصادية» من الرياض": a credit from a place.
      size_t from = t.find(" \xd9\x85\xd9\x86 ");  // " من "
      if (from != std::string_view::npos) {
        std::string_view left = Trim(t.substr(0, from)), right = Trim(t.substr(from + 6));
        bool left_credit = false;
        for (std::string_view part : SplitCredits(left))
          if (IsAgencyName(part) || LookupOutlet(part)) left_credit = true;
        if (left_credit && LookupPlace(right)) {
          early_credits.emplace_back(left);
          if (!author_dateline) {
            Dateline d;
            d.text = std::string(t);
            d.city = std::string(right);
            author_dateline = d;
          }
          continue;
        }
      }
      std::string line = std::string(t) + "\n";
      auto d = ReadDateline(line, DateContext{});
      if (d && d->whole_line) {
        early_credits.push_back(d->text);
        if (!author_dateline) author_dateline = d;
        continue;
      }
      if (d && !d->whole_line && !d->city.empty()) {
        // "لندن: رنيم حنوش": the city, then the reporter.
        std::string_view rest = Trim(std::string_view(line).substr(d->consumed));
        size_t words = WordCount(rest);
        if (words >= 1 && words <= 5) {
          if (!author_dateline) author_dateline = d;
          kept.emplace_back(rest);
          continue;
        }
      }
      kept.emplace_back(t);
    }
    a->authors = std::move(kept);
  }

  // 1. Head lines: date, author, source lines and furniture.
  std::string& body = a->body;
  size_t pos = 0;
  size_t lines_seen = 0;
  std::vector<std::pair<size_t, size_t>> remove;  // byte ranges of body to drop
  std::optional<DateMatch> head_date;
  std::string head_date_text;
  std::vector<std::string> credit_texts;  // source lines and the dateline: agencies
  std::vector<std::string> source_texts;  // source lines only: an outlet
  std::optional<Dateline> dl;
  size_t first = 0;  // first byte of the article text proper
  while (pos < body.size() && lines_seen < options.head_lines) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string::npos) eol = body.size();
    std::string_view line(body.data() + pos, eol - pos);
    if (Trim(line).empty()) { pos = eol + 1; continue; }
    ++lines_seen;
    HeadLine h = ReadHeadLine(line, title_key, ctx);
    if (!h.metadata) {
      // A dateline on a line of its own ("جنيف ــ العربي الجديد") is head
      // matter too; the text goes on below it.
      if (!dl) {
        auto own = ReadDateline(std::string_view(body.data() + pos, body.size() - pos), ctx);
        if (own && own->whole_line) {
          dl = own;
          remove.emplace_back(pos, std::min(eol + 1, body.size()));
          pos = eol + 1;
          continue;
        }
      }
      break;
    }
    remove.emplace_back(pos, std::min(eol + 1, body.size()));
    if (h.date && !head_date) head_date = h.date;
    for (auto& au : h.authors)
      if (std::find(a->authors.begin(), a->authors.end(), au) == a->authors.end()) a->authors.push_back(au);
    if (!h.source.empty()) {
      credit_texts.push_back(h.source);
      source_texts.push_back(h.source);
    }
    pos = eol + 1;
  }
  first = std::min(pos, body.size());
  while (first < body.size() && (body[first] == '\n' || body[first] == ' ' || body[first] == '\r' ||
                                 body[first] == '\t'))
    ++first;
  // Trailing source lines ("المصدر: وكالات", "المصدر - المال").
  {
    size_t end = body.size();
    for (int k = 0; k < 3 && end > first; ++k) {
      size_t e = end;
      while (e > first && (body[e - 1] == '\n' || body[e - 1] == ' ' || body[e - 1] == '\r')) --e;
      if (e <= first) break;
      size_t b = body.rfind('\n', e - 1);
      b = b == std::string::npos ? 0 : b + 1;
      if (b <= first) break;
      std::string_view line(body.data() + b, e - b);
      HeadLine h = ReadHeadLine(line, "", ctx);
      if (!h.source.empty() && h.metadata) {
        credit_texts.push_back(h.source);
        source_texts.push_back(h.source);
        remove.emplace_back(b, end);
        end = b;
        continue;
      }
      break;
    }
  }

  // 2. Dateline opening the first paragraph: "جنيف 26 أغسطس 2016 / قال…",
  // "(أ ف ب) - انضم…". It is set off by its separator, so it is not part of
  // the sentence: it moves from the body to a->dateline.
  if (!dl && first < body.size()) {
    std::string_view para(body.data() + first, body.size() - first);
    dl = ReadDateline(para, ctx);
    if (dl) {
      size_t eol = body.find('\n', first);
      if (dl->whole_line) remove.emplace_back(first, eol == std::string::npos ? body.size() : eol + 1);
      else remove.emplace_back(first, first + dl->consumed);
    }
  }
  if (!dl && author_dateline) dl = author_dateline;  // no body edit: it came from the author field
  for (auto& c : early_credits) credit_texts.push_back(c);
  if (dl) {
    if (a->dateline.empty()) a->dateline = dl->text;
    if (a->dateline_city.empty()) a->dateline_city = dl->city;
    credit_texts.push_back(dl->text);
    if (!dl->reporter.empty() &&
        std::find(a->authors.begin(), a->authors.end(), dl->reporter) == a->authors.end())
      a->authors.push_back(dl->reporter);
  }

  // 3. Agencies: credit lines and dateline first, then the whole text.
  {
    std::vector<std::string> found;
    std::string credits = JoinAgenciesText(credit_texts);
    ScanAgencies(credits, credits.size(), &found);
    ScanAgenciesInPieces(body, &found);
    for (const auto& f : found)
      if (std::find(a->agencies.begin(), a->agencies.end(), f) == a->agencies.end()) a->agencies.push_back(f);
  }

  // 4. Outlet: the caller's, canonicalized; else the hint, the URL's
  // domain, the dateline, a source line (each through the registry); else
  // the hint as given.
  if (!a->outlet.empty()) {
    std::string c = CanonicalOutlet(a->outlet);
    if (!c.empty()) {
      a->outlet = c;
    } else {
      // A raw key the registry does not know ("alwatan" is four papers):
      // the hint or the URL may tell which outlet it is.
      std::string known = CanonicalOutlet(options.outlet_hint);
      if (known.empty() && !a->url.empty()) known = CanonicalOutlet(a->url);
      if (!known.empty()) a->outlet = known;
    }
  }
  if (a->outlet.empty() && !options.outlet_hint.empty()) a->outlet = CanonicalOutlet(options.outlet_hint);
  if (a->outlet.empty() && !a->url.empty()) a->outlet = CanonicalOutlet(a->url);
  if (a->outlet.empty() && dl && !dl->outlet.empty()) a->outlet = dl->outlet;
  if (a->outlet.empty()) a->outlet = std::string(Trim(options.outlet_hint));
  // A source line's outlet ("المصدر : الجزيرة + وكالات"): each part in turn.
  for (size_t ci = 0; a->outlet.empty() && ci < source_texts.size(); ++ci) {
    for (std::string_view part : SplitCredits(source_texts[ci])) {
      if (IsAgencyName(part)) continue;  // an agency credited is not the outlet
      if (auto o = LookupOutlet(part)) {
        a->outlet = o->name;
        break;
      }
    }
  }

  // 5. Published date.
  if (a->published.empty()) {
    std::optional<DateMatch> chosen;
    for (const auto& t : options.date_texts) {
      if (auto m = parser.Parse(t, ctx)) {
        chosen = m;
        break;
      }
    }
    if (!chosen && head_date) chosen = head_date;
    if (!chosen && dl && dl->date) chosen = dl->date;
    if (!chosen) {
      size_t limit = std::min(body.size(), first + options.early_body_bytes);
      // Cut at a character boundary.
      while (limit < body.size() && (static_cast<unsigned char>(body[limit]) & 0xC0) == 0x80) ++limit;
      std::string_view early(body.data() + first, limit - first);
      std::vector<DateMatch> all = parser.FindAll(early, ctx);
      // Running text names event days; only days up to the reference (not
      // "غدا", "الأحد القادم") and, for a weekday, within the week before
      // it say when the text was written.
      auto not_future = [&](const DateMatch& m) {
        if (!ctx.reference.known() || m.value.precision < DatePrecision::kDay) return true;
        CivilTime day = m.value;
        day.precision = DatePrecision::kDay;
        return day.Iso() <= ctx.reference.Iso().substr(0, 10);
      };
      auto within_week = [&](const DateMatch& m) {
        if (!ctx.reference.known()) return false;
        return AddDays(m.value, 6).Iso().substr(0, 10) >= ctx.reference.Iso().substr(0, 10);
      };
      all.erase(std::remove_if(all.begin(), all.end(), [&](const DateMatch& m) { return !not_future(m); }),
                all.end());
      for (const DateMatch& m : all)
        if (m.kind == DateKind::kDeictic || (m.kind == DateKind::kAgo && m.standalone)) { chosen = m; break; }
      if (!chosen)
        for (const DateMatch& m : all)
          if (m.kind == DateKind::kAbsolute && m.value.precision >= DatePrecision::kDay &&
              (!m.year_inferred || within_week(m)) && m.start < 400) {
            chosen = m;
            break;
          }
      if (!chosen)
        for (const DateMatch& m : all)
          if (m.kind == DateKind::kWeekday && within_week(m)) { chosen = m; break; }
    }
    if (chosen) {
      CivilTime v = chosen->value;
      // "أمس الخميس": the text was written the day after the date it names.
      if (chosen->anchor_days && v.precision >= DatePrecision::kDay) v = AddDays(v, chosen->anchor_days);
      a->published = v.Iso();
      a->published_text = chosen->text;
    }
  }

  // 6. Edit the body: drop the removed ranges.
  if (options.edit_body && !remove.empty()) {
    std::sort(remove.begin(), remove.end());
    std::string out;
    size_t at = 0;
    for (const auto& r : remove) {
      if (r.first > at) out.append(body, at, r.first - at);
      at = std::max(at, r.second);
    }
    if (at < body.size()) out.append(body, at, std::string::npos);
    // Tidy: no leading/trailing blank lines, at most one blank line between paragraphs.
    std::string tidy;
    size_t newlines = 0;
    for (char c : out) {
      if (c == '\n') { ++newlines; continue; }
      if (newlines) {
        if (!tidy.empty()) tidy.append(newlines >= 2 ? "\n\n" : "\n");
        newlines = 0;
      }
      tidy.push_back(c);
    }
    while (!tidy.empty() && (tidy.back() == ' ' || tidy.back() == '\r')) tidy.pop_back();
    body = std::move(tidy);
  }
}

}  // namespace malaf
