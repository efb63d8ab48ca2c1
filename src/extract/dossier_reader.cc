#include "extract/dossier_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "extract/line_text.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace malaf {
namespace {

using extract_internal::CleanLine;
using extract_internal::CodePointCount;
using extract_internal::SplitLines;
using extract_internal::SplitWords;
using extract_internal::TrimSpace;

constexpr size_t kMaxOutletWords = 6;
constexpr size_t kMaxOutletChars = 50;

bool IsQuote(char32_t c) {
  return c == '"' || c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == 0x201E || c == '\'' ||
         c == 0x2018 || c == 0x2019;
}

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212; }

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = 0;
  return text::NextCodePoint(s, i);
}

// Removes leading separators (':' '-' '|' and spaces) left over after an
// outlet prefix.
std::string_view StripLeadingSeparators(std::string_view s) {
  for (;;) {
    s = TrimSpace(s);
    if (s.empty()) return s;
    size_t i = 0;
    char32_t c = text::NextCodePoint(s, i);
    if (c == ':' || IsDash(c) || c == '|' || c == 0x0640 /* tatweel, as in "ــ" */) {
      s.remove_prefix(i);
      continue;
    }
    return s;
  }
}

// A plausible outlet name: short, no sentence punctuation or quotes, not a
// bare number.
bool PlausibleOutlet(std::string_view s) {
  s = TrimSpace(s);
  if (s.empty() || CodePointCount(s) > kMaxOutletChars) return false;
  if (SplitWords(s).size() > kMaxOutletWords) return false;
  bool letter = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = text::NextCodePoint(s, i);
    if (IsQuote(c) || c == ':' || c == 0x060C /* ، */ || c == '.' || c == '?' || c == 0x061F || c == '!' ||
        c == '(' || c == ')' || c == ',')
      return false;
    if (text::IsArabicLetter(c) || (c < 0x80 && std::isalpha(static_cast<int>(c)))) letter = true;
  }
  return letter;
}

// Words reduced to their search keys, without surrounding punctuation.
std::vector<std::string> KeyWords(std::string_view s) {
  std::vector<std::string> out;
  std::string key = text::SearchKey(s);
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < key.size();) {
    size_t start = i;
    char32_t c = text::NextCodePoint(key, i);
    bool keep = text::IsArabicLetter(c) || (c < 0x80 && std::isalnum(static_cast<int>(c))) ||
                (c >= 0x80 && !IsQuote(c) && c != 0x060C && c != 0x061F && c != 0x061B && c != 0x2026 &&
                 !IsDash(c) && c != 0x00A0);
    if (keep) word.append(key, start, i - start);
    else flush();
  }
  flush();
  return out;
}

std::string JoinWords(const std::vector<std::string_view>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < words.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

// "12. text", "12 - text", "12) text", "١٢. text" (digits are folded by
// CleanLine before this runs). Returns the number, 0 when not numbered.
constexpr int kBullet = -1;

// "• text", "- text", "* text", "▪ text", "◄ text": an unnumbered list
// entry. Returns kBullet, 0 when not such a line.
int BulletLine(std::string_view line, std::string_view* rest) {
  if (line.empty()) return 0;
  size_t k = 0;
  char32_t c = text::NextCodePoint(line, k);
  static constexpr char32_t kBullets[] = {0x2022, 0x25CF, 0x25AA, 0x25A0, 0x25C4, 0x25BA, 0x2023, 0x25E6, '-', '*', 0x2013};
  if (std::find(std::begin(kBullets), std::end(kBullets), c) == std::end(kBullets)) return 0;
  if (k >= line.size() || line[k] != ' ') return 0;
  std::string_view r = TrimSpace(line.substr(k));
  if (r.empty()) return 0;
  *rest = r;
  return kBullet;
}

int NumberedLine(std::string_view line, std::string_view* rest) {
  size_t i = 0;
  while (i < line.size() && i < 4 && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0 || i > 3) return 0;
  size_t j = i;
  while (j < line.size() && line[j] == ' ') ++j;
  if (j >= line.size()) return 0;
  std::string_view tail = line.substr(j);
  size_t k = 0;
  char32_t c = text::NextCodePoint(tail, k);
  if (c != '.' && c != ')' && !IsDash(c) && c != 0x066B /* ٫ */) return 0;
  std::string_view r = TrimSpace(tail.substr(k));
  if (r.empty()) return 0;
  *rest = r;
  return std::stoi(std::string(line.substr(0, i)));
}

// "Home \\ Files \\ Title", "Home > News > Title": two or more of one
// separator.
bool IsBreadcrumb(std::string_view line) {
  static constexpr std::string_view kSeparators[] = {"\\", " > ", " \u00BB ", " / ", " \u203A "};
  for (std::string_view sep : kSeparators) {
    size_t n = 0;
    for (size_t p = line.find(sep); p != std::string_view::npos; p = line.find(sep, p + sep.size())) ++n;
    if (n >= 2) return true;
  }
  return false;
}

bool IsLatinOnly(std::string_view line) {
  for (unsigned char c : line)
    if (c >= 0x80) return false;
  return true;
}

// "إعداد : X", "اعداد: X", "إعداد وتحرير : X" -> X.
bool PreparerLine(std::string_view line, std::string* who) {
  static constexpr std::string_view kPrepare[] = {"\u0625\u0639\u062F\u0627\u062F", "\u0627\u0639\u062F\u0627\u062F"};
  for (std::string_view p : kPrepare) {
    size_t at = line.find(p);
    if (at == std::string_view::npos || at > 40) continue;
    size_t colon = line.find(':', at);
    if (colon == std::string_view::npos || colon > at + 60) continue;
    *who = std::string(TrimSpace(line.substr(colon + 1)));
    return !who->empty();
  }
  return false;
}

struct Chunk {
  std::vector<std::string> lines;  // display text, blank lines dropped
};

}  // namespace

bool IsRuleLine(std::string_view line) {
  line = TrimSpace(line);
  if (line.size() > 1600) return false;
  char32_t rule = 0;
  size_t count = 0;
  for (size_t i = 0; i < line.size();) {
    char32_t c = text::NextCodePoint(line, i);
    if (c == ' ') continue;
    if (rule == 0) {
      static constexpr char32_t kRules[] = {'=', '-', '_', '*', 0x2500, 0x2501, 0x2550, '~', '#', 0x2014, 0x0640};
      if (std::find(std::begin(kRules), std::end(kRules), c) == std::end(kRules)) return false;
      rule = c;
    } else if (c != rule) {
      return false;
    }
    ++count;
  }
  size_t min = rule == '*' ? 3 : 4;
  return rule != 0 && count >= min && count <= 400;
}

double HeadlineSimilarity(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = KeyWords(a), wb = KeyWords(b);
  if (wa.empty() || wb.empty()) return 0;
  std::map<std::string, int> count;
  for (auto& w : wa) ++count[w];
  size_t common = 0;
  for (auto& w : wb) {
    auto it = count.find(w);
    if (it != count.end() && it->second > 0) {
      --it->second;
      ++common;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(wa.size() + wb.size());
}

OutletHeadline SplitOutletHeadline(std::string_view line_in, bool expect_outlet, const OutletPredicate& is_outlet) {
  std::string_view line = TrimSpace(line_in);
  OutletHeadline r;
  auto known = [&](std::string_view name) { return is_outlet && !TrimSpace(name).empty() && is_outlet(TrimSpace(name)); };
  auto accept = [&](std::string_view outlet, std::string_view rest) {
    r.outlet = std::string(TrimSpace(outlet));
    r.headline = std::string(StripLeadingSeparators(rest));
    return !r.headline.empty();
  };
  // 1. " :" with a space before the colon.
  for (size_t p = line.find(" :"); p != std::string_view::npos; p = line.find(" :", p + 1)) {
    std::string_view left = line.substr(0, p);
    if (PlausibleOutlet(left) && accept(left, line.substr(p + 2))) return r;
    break;  // only the first such colon can end an outlet
  }
  std::vector<std::string_view> words = SplitWords(line);
  // 2. A known outlet as prefix (longest first).
  for (size_t n = std::min<size_t>(kMaxOutletWords, words.size() - (words.empty() ? 0 : 1)); n >= 1 && !words.empty(); --n) {
    std::string prefix = JoinWords(words, 0, n);
    std::string_view bare = prefix;
    // "بوابة فيتو:" -> "بوابة فيتو"
    while (!bare.empty() && (bare.back() == ':' || bare.back() == '-')) bare.remove_suffix(1);
    if (known(bare)) {
      size_t end = static_cast<size_t>(words[n - 1].data() + words[n - 1].size() - line.data());
      // Without a separator after it, a known name may just be the first
      // word of a headline ("الوطن يحتفل ..."): only where an outlet is due.
      std::string_view rest = line.substr(end);
      bool separated = bare.size() < prefix.size() || StripLeadingSeparators(rest).size() < TrimSpace(rest).size();
      if ((separated || expect_outlet) && accept(bare, rest)) return r;
    }
  }
  // 3. " - " (also en/em dash).
  static constexpr std::string_view kDashes[] = {" - ", " \u2013 ", " \u2014 "};
  size_t best = std::string_view::npos, best_len = 0;
  for (std::string_view d : kDashes) {
    size_t p = line.find(d);
    if (p != std::string_view::npos && p < best) {
      best = p;
      best_len = d.size();
    }
  }
  if (best != std::string_view::npos) {
    std::string_view left = line.substr(0, best);
    bool colon_before = left.find(':') != std::string_view::npos;
    if (!colon_before && PlausibleOutlet(left) && SplitWords(left).size() <= 4 && (expect_outlet || known(left)) &&
        accept(left, line.substr(best + best_len)))
      return r;
  }
  // 4. "X:" with X a known outlet.
  size_t colon = line.find(':');
  if (colon != std::string_view::npos && known(line.substr(0, colon)) && accept(line.substr(0, colon), line.substr(colon + 1)))
    return r;
  // 5. A short prefix before a quoted speaker: 'X "Name": ...'. A headline
  // that opens with a quoted speaker has no words before the quote, so
  // those words name the outlet.
  if (expect_outlet && words.size() >= 3) {
    for (size_t n = 1; n <= 3 && n < words.size(); ++n) {
      if (!IsQuote(FirstCodePoint(words[n]))) continue;
      std::string_view rest = line.substr(static_cast<size_t>(words[n].data() - line.data()));
      size_t close_colon = rest.find(':');
      // The quote must close before the colon that ends the speaker.
      if (close_colon == std::string_view::npos || close_colon > 80) break;
      std::string_view speaker = rest.substr(0, close_colon);
      bool closed = false;
      size_t i = 0;
      text::NextCodePoint(speaker, i);  // the opening quote
      while (i < speaker.size()) {
        if (IsQuote(text::NextCodePoint(speaker, i))) closed = true;
      }
      std::string_view left = line.substr(0, static_cast<size_t>(words[n].data() - line.data()));
      if (closed && PlausibleOutlet(left) && accept(left, rest)) return r;
      break;
    }
  }
  r.outlet.clear();
  r.headline = std::string(line);
  return r;
}

std::string NumericDateToIso(std::string_view text_in) {
  std::string_view s = TrimSpace(text_in);
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int n = 0;
  char sep = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (digits[n] >= 4) return "";
      parts[n] = parts[n] * 10 + (c - '0');
      ++digits[n];
    } else if ((c == '/' || c == '.' || c == '-') && n < 2 && digits[n] > 0 && (sep == 0 || sep == c)) {
      sep = c;
      ++n;
    } else {
      return "";
    }
  }
  if (n != 2 || digits[2] == 0) return "";
  int y, m, d;
  if (digits[0] == 4) { y = parts[0]; m = parts[1]; d = parts[2]; }
  else if (digits[2] == 4) { d = parts[0]; m = parts[1]; y = parts[2]; }
  else return "";
  if (m > 12 && d <= 12) std::swap(m, d);  // m/d/y when the day cannot be a month
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool LooksLikeDossier(std::string_view utf8) {
  size_t rules = 0, entries = 0, heads = 0;
  bool after_rule = false;
  for (std::string_view raw : SplitLines(utf8)) {
    std::string_view line = TrimSpace(raw);
    if (line.empty()) continue;
    if (IsRuleLine(line)) {
      ++rules;
      after_rule = true;
      continue;
    }
    // Cheap shape tests on the raw line (no normalization on this path).
    size_t colon = line.find(" :");
    bool shaped = colon != std::string_view::npos && colon > 0 && PlausibleOutlet(line.substr(0, colon));
    std::string_view rest;
    if (NumberedLine(line, &rest) > 0) {
      size_t c2 = rest.find(" :");
      size_t d2 = rest.find(" - ");
      if ((c2 != std::string_view::npos && PlausibleOutlet(rest.substr(0, c2))) ||
          (d2 != std::string_view::npos && PlausibleOutlet(rest.substr(0, d2))))
        ++entries;
    }
    if (after_rule && shaped) ++heads;
    after_rule = false;
  }
  return (rules >= 2 && (entries >= 3 || heads >= 2)) || (rules >= 1 && entries >= 3 && heads >= 1);
}

Result<Dossier> ReadDossier(std::string_view utf8, const DossierOptions& options) {
  Dossier d;
  std::vector<std::string> lines;
  for (std::string_view raw : SplitLines(utf8)) lines.push_back(CleanLine(raw));

  // The contents: the first run of at least two consecutively numbered
  // lines before the first rule line.
  size_t first_rule = lines.size();
  for (size_t i = 0; i < lines.size(); ++i)
    if (IsRuleLine(lines[i])) { first_rule = i; break; }
  size_t contents_begin = lines.size(), contents_end = lines.size();
  // A bulleted list counts only when most of its entries name an outlet
  // (a header may hold an ordinary list).
  auto entry_kind = [](std::string_view line, std::string_view* r) {
    int k = NumberedLine(line, r);
    return k != 0 ? k : BulletLine(line, r);
  };
  for (size_t i = 0; i < first_rule; ++i) {
    std::string_view rest;
    int num = entry_kind(lines[i], &rest);
    if (num == 0) continue;
    size_t j = i, count = 0, last_line = i, with_outlet = 0;
    int expect = num;
    std::vector<DossierEntry> entries;
    while (j < first_rule) {
      if (lines[j].empty()) { ++j; continue; }
      std::string_view r;
      int k = entry_kind(lines[j], &r);
      if (k == 0 || (count > 0 && k != expect)) break;
      DossierEntry e;
      e.number = k == kBullet ? 0 : k;
      e.line = std::string(r);
      size_t colon = r.find(" :"), dash = r.find(" - ");
      if ((colon != std::string_view::npos && PlausibleOutlet(r.substr(0, colon))) ||
          (dash != std::string_view::npos && PlausibleOutlet(r.substr(0, dash))))
        ++with_outlet;
      entries.push_back(std::move(e));
      expect = k == kBullet ? kBullet : k + 1;
      ++count;
      last_line = j;
      ++j;
    }
    if (count >= 2 && (num != kBullet || with_outlet * 2 > count)) {
      contents_begin = i;
      contents_end = last_line + 1;
      d.contents = std::move(entries);
      break;
    }
  }

  // Chunks of lines between rule lines.
  std::vector<Chunk> chunks;
  size_t body_begin = 0;
  if (contents_begin < lines.size()) {
    for (size_t i = 0; i < contents_begin; ++i)
      if (!lines[i].empty()) d.header_lines.push_back(lines[i]);
    body_begin = contents_end;
  }
  Chunk cur;
  for (size_t i = body_begin; i < lines.size(); ++i) {
    if (IsRuleLine(lines[i])) {
      chunks.push_back(std::move(cur));
      cur = Chunk();
      continue;
    }
    if (!lines[i].empty()) cur.lines.push_back(lines[i]);
  }
  chunks.push_back(std::move(cur));

  // Outlets the dossier itself establishes with an unambiguous " : ".
  std::set<std::string> local_outlets;
  auto note_outlet = [&](std::string_view line) {
    size_t p = line.find(" :");
    if (p != std::string_view::npos && PlausibleOutlet(line.substr(0, p)))
      local_outlets.insert(text::SearchKey(TrimSpace(line.substr(0, p))));
  };
  for (auto& e : d.contents) note_outlet(e.line);
  for (size_t c = 0; c < chunks.size(); ++c)
    if (!chunks[c].lines.empty() && (c > 0 || contents_begin < lines.size())) note_outlet(chunks[c].lines[0]);
  OutletPredicate is_outlet = [&](std::string_view name) {
    if (local_outlets.count(text::SearchKey(name))) return true;
    return options.is_outlet ? options.is_outlet(name) : false;
  };

  // Without contents, the first chunk is the header unless it opens with a
  // section head.
  size_t first_chunk = 0;
  if (contents_begin >= lines.size() && chunks.size() >= 2) {
    const auto& c0 = chunks[0].lines;
    bool head = !c0.empty() && !SplitOutletHeadline(c0[0], false, is_outlet).outlet.empty();
    if (!head) {
      d.header_lines = c0;
      first_chunk = 1;
    }
  }

  // Header fields.
  std::string breadcrumb_tail;
  bool after_preparer = false;
  std::string first_date_text, preparer_date_text;
  for (const std::string& h : d.header_lines) {
    std::string who;
    if (d.preparer.empty() && PreparerLine(h, &who)) {
      d.preparer = who;
      after_preparer = true;
      continue;
    }
    if (!NumericDateToIso(h).empty()) {
      if (first_date_text.empty()) first_date_text = h;
      if (after_preparer && preparer_date_text.empty()) preparer_date_text = h;
      continue;
    }
    after_preparer = false;
    if (IsBreadcrumb(h)) {
      size_t p = h.find_last_of("\\>/");
      if (p != std::string::npos) breadcrumb_tail = std::string(TrimSpace(std::string_view(h).substr(p + 1)));
      continue;
    }
    if (IsLatinOnly(h) && SplitWords(h).size() <= 2) continue;  // user names, "Admin"
    if (d.title.empty() && SplitWords(h).size() >= 3) d.title = h;
  }
  if (d.title.empty()) d.title = breadcrumb_tail;
  // The date under the preparer is when the dossier was compiled; a site's
  // posting date above it comes later.
  d.date_text = !preparer_date_text.empty() ? preparer_date_text : first_date_text;
  d.date = NumericDateToIso(d.date_text);

  // Sections.
  for (size_t c = first_chunk; c < chunks.size(); ++c) {
    if (chunks[c].lines.empty()) continue;
    if (d.sections.size() >= options.max_sections)
      return Status::ResourceExhausted("more than " + std::to_string(options.max_sections) + " sections");
    DossierSection s;
    s.head = chunks[c].lines[0];
    s.lines.assign(chunks[c].lines.begin() + 1, chunks[c].lines.end());
    d.sections.push_back(std::move(s));
  }
  if (d.sections.empty()) return Status::Corruption("dossier without sections");

  // Match sections to contents entries: best similarity first; among equal
  // similarities, the entry closest to the section's position.
  struct Cand { double sim; size_t dist; size_t sec; size_t ent; };
  std::vector<Cand> cands;
  constexpr double kMinSimilarity = 0.5;
  size_t ns = d.sections.size(), ne = d.contents.size();
  if (ne > 0 && ns * ne <= 4'000'000) {
    for (size_t si = 0; si < ns; ++si)
      for (size_t ei = 0; ei < ne; ++ei) {
        double sim = HeadlineSimilarity(d.sections[si].head, d.contents[ei].line);
        if (sim >= kMinSimilarity) cands.push_back({sim, si > ei ? si - ei : ei - si, si, ei});
      }
  }
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    return std::tie(b.sim, a.dist, a.sec) < std::tie(a.sim, b.dist, b.sec);
  });
  std::vector<bool> entry_used(ne, false);
  for (const Cand& k : cands) {
    auto& s = d.sections[k.sec];
    if (s.entry >= 0 || entry_used[k.ent]) continue;
    s.entry = static_cast<int>(k.ent);
    s.similarity = k.sim;
    entry_used[k.ent] = true;
  }
  // Gaps: an unmatched section between two matched ones whose entries leave
  // exactly one unused entry between them takes that entry (position as the
  // last resort). Its first line is then body text unless it resembles the
  // entry's headline.
  for (size_t run_begin = 0; run_begin < ns;) {
    if (d.sections[run_begin].entry >= 0) { ++run_begin; continue; }
    size_t run_end = run_begin;
    while (run_end + 1 < ns && d.sections[run_end + 1].entry < 0) ++run_end;
    int prev = run_begin > 0 ? d.sections[run_begin - 1].entry : -1;
    int next = run_end + 1 < ns ? d.sections[run_end + 1].entry : static_cast<int>(ne);
    std::vector<int> free;
    for (int e = prev + 1; e < next; ++e)
      if (!entry_used[static_cast<size_t>(e)]) free.push_back(e);
    // A section with its own "outlet : headline" head that matched no entry
    // is not in the contents; the others may be entries whose head is gone.
    std::vector<size_t> open;
    for (size_t k = run_begin; k <= run_end; ++k) {
      const std::string& head = d.sections[k].head;
      size_t colon = head.find(" :");
      if (colon == std::string::npos || !PlausibleOutlet(std::string_view(head).substr(0, colon))) open.push_back(k);
    }
    if (next > prev && !open.empty() && free.size() == open.size()) {  // counts disagree: no guessing
      for (size_t i = 0; i < open.size(); ++i) {
        auto& s = d.sections[open[i]];
        int e = free[i];
        s.entry = e;
        entry_used[static_cast<size_t>(e)] = true;
        s.similarity = HeadlineSimilarity(s.head, d.contents[static_cast<size_t>(e)].line);
        auto split = SplitOutletHeadline(s.head, false, is_outlet);
        // Not similar enough to be the entry's headline (else it would have
        // matched above): a long line, or a sentence, is body text.
        size_t words = SplitWords(s.head).size();
        bool sentence = !s.head.empty() && (s.head.back() == '.' || s.head.back() == ':');
        if (split.outlet.empty() && (words > 25 || (words > 12 && sentence))) s.head_is_body = true;
      }
    }
    run_begin = run_end + 1;
  }

  // Outlet and headline of entries and sections.
  for (auto& e : d.contents) {
    auto split = SplitOutletHeadline(e.line, true, is_outlet);
    e.outlet = split.outlet;
    e.headline = split.headline;
  }
  for (auto& s : d.sections) {
    if (s.head_is_body) {
      s.lines.insert(s.lines.begin(), s.head);
      s.head.clear();
    }
    OutletHeadline head = s.head.empty() ? OutletHeadline{} : SplitOutletHeadline(s.head, s.entry >= 0, is_outlet);
    if (s.entry >= 0) {
      const DossierEntry& e = d.contents[static_cast<size_t>(s.entry)];
      s.outlet = !e.outlet.empty() ? e.outlet : head.outlet;
      s.headline = !e.headline.empty() ? e.headline : head.headline;
    } else {
      s.outlet = head.outlet;
      s.headline = head.headline;
    }
  }
  return d;
}

}  // namespace malaf
