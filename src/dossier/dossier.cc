#include "dossier/dossier.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "extract/article_json.h"
#include "text/utf8.h"

namespace malaf::dossier {
namespace {

constexpr std::string_view kRule = "========================";

// Month names as printed: the Egyptian/Gulf forms, which every Arabic
// reader (and malaf's date parser) reads.
constexpr std::string_view kMonths[] = {"يناير", "فبراير", "مارس",   "أبريل",  "مايو",   "يونيو",
                                        "يوليو", "أغسطس",  "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
constexpr std::string_view kWeekdays[] = {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"};

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

struct IsoParts {
  int year = 0, month = 0, day = 0, hour = -1, minute = -1;
};

IsoParts ParseIso(std::string_view s) {
  IsoParts p;
  auto num = [&](size_t at, size_t len) {
    if (s.size() < at + len) return -1;
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  p.year = num(0, 4);
  if (p.year < 0) { p.year = 0; return p; }
  if (s.size() >= 7 && s[4] == '-') p.month = std::max(0, num(5, 2));
  if (s.size() >= 10 && s[7] == '-') p.day = std::max(0, num(8, 2));
  if (s.size() >= 16 && s[10] == 'T' && s[13] == ':') {
    p.hour = num(11, 2);
    p.minute = num(14, 2);
  }
  return p;
}

// Removes what must never reach a reader's renderer: bidi overrides and
// isolates (they can flip the meaning of a line), other controls but \n.
std::string Clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == '\n' || c == '\t' || c >= 0x20) out.push_back(c == '\t' ? ' ' : static_cast<char>(c));
      continue;
    }
    // Input is valid UTF-8 by contract (articles come through text::Decode).
    char32_t cp = text::NextCodePoint(s, i);
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
        cp == 0x061C)
      continue;
    out.append(s.substr(at, i - at));
  }
  return out;
}

std::string OneLine(std::string_view s) {
  std::string c = Clean(s);
  std::replace(c.begin(), c.end(), '\n', ' ');
  size_t b = c.find_first_not_of(' ');
  size_t e = c.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : c.substr(b, e - b + 1);
}

std::vector<std::string> Paragraphs(std::string_view body) {
  std::vector<std::string> out;
  std::string cleaned = Clean(body);
  size_t pos = 0;
  while (pos <= cleaned.size()) {
    size_t eol = cleaned.find('\n', pos);
    if (eol == std::string::npos) eol = cleaned.size();
    std::string line = OneLine(std::string_view(cleaned).substr(pos, eol - pos));
    if (!line.empty()) out.push_back(std::move(line));
    pos = eol + 1;
  }
  return out;
}

// A body line made only of rule characters would split the dossier when it
// is read back; it carries no text, so it is dropped.
bool IsRuleLike(std::string_view line) {
  if (line.size() < 4) return false;
  return line.find_first_not_of("=-_*~. ") == std::string_view::npos;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Markdown: escape the characters that would start markup inline.
std::string MdEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_{}[]<>()#+!|").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string ArabicDate(const IsoParts& p) {
  if (p.year == 0) return "";
  if (p.month < 1 || p.month > 12) return std::to_string(p.year);
  if (p.day < 1 || p.day > 31) return std::string(kMonths[p.month - 1]) + " " + std::to_string(p.year);
  long days = DaysFromCivil(p.year, static_cast<unsigned>(p.month), static_cast<unsigned>(p.day));
  int wd = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
  std::string s = std::string(kWeekdays[wd]) + " " + std::to_string(p.day) + " " +
                  std::string(kMonths[p.month - 1]) + " " + std::to_string(p.year);
  if (p.hour >= 0 && p.minute >= 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, " - %02d:%02d", p.hour, p.minute);
    s += buf;
  }
  return s;
}

std::string Today() {
  auto now = std::chrono::system_clock::now();
  long days = std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
  // civil_from_days
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
  return buf;
}

std::string ContentsLine(const Article& a) {
  std::string outlet = OneLine(a.outlet), title = OneLine(a.title);
  if (outlet.empty()) return title;
  return outlet + " : " + title;
}

// Does the body already open with the dateline? Then it is not printed twice.
bool BodyStartsWith(const Article& a, std::string_view prefix) {
  std::string p = OneLine(prefix);
  if (p.empty()) return true;
  size_t b = a.body.find_first_not_of(" \n");
  return b != std::string::npos && a.body.compare(b, p.size(), p) == 0;
}

void AppendDigest(const Dossier& d, std::map<std::string, std::vector<const Quote*>>* by_speaker) {
  for (const auto& e : d.entries)
    for (const auto& q : e.article.quotes)
      if (!q.speaker.empty()) (*by_speaker)[q.speaker].push_back(&q);
}

}  // namespace

std::string ArabicDateLine(const Article& a) {
  if (!a.published.empty()) {
    std::string s = ArabicDate(ParseIso(a.published));
    if (!s.empty()) return s;
  }
  return OneLine(a.published_text);
}

Dossier Compose(std::vector<Article> articles, const ComposeOptions& options) {
  Dossier d;
  d.title = OneLine(options.title);
  d.date = options.date.empty() ? Today() : options.date;
  d.preparer = OneLine(options.preparer);

  // Duplicate folding happens on ids; articles not in any group stand alone.
  std::unordered_map<std::string, size_t> group_of;
  if (options.collapse_duplicates)
    for (size_t g = 0; g < options.duplicate_groups.size(); ++g)
      for (const auto& id : options.duplicate_groups[g]) group_of.emplace(id, g);

  std::vector<size_t> order(articles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (options.order == Order::kTime) {
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      const auto& a = articles[x].published;
      const auto& b = articles[y].published;
      if (a.empty() != b.empty()) return b.empty();  // dated first
      return a < b;
    });
  } else if (options.order == Order::kOutlet) {
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return articles[x].outlet < articles[y].outlet; });
  }

  // The copy printed in full: the group's canonical id when present in the
  // selection, else the first member in dossier order.
  std::unordered_map<size_t, size_t> printed_for_group;  // group -> entry index
  std::unordered_map<size_t, std::string> canonical_of_group;
  for (const auto& [id, g] : group_of)
    if (options.duplicate_groups[g].front() == id) canonical_of_group[g] = id;
  std::set<std::string> present;
  for (const auto& a : articles) present.insert(a.id);

  std::vector<std::pair<size_t, size_t>> deferred;  // (group, article index) of copies
  for (size_t i : order) {
    Article& a = articles[i];
    auto it = group_of.find(a.id);
    if (it == group_of.end()) {
      d.entries.push_back({std::move(a), {}});
      continue;
    }
    size_t g = it->second;
    const std::string& canon = canonical_of_group[g];
    bool canon_present = !canon.empty() && present.count(canon);
    bool is_printed = canon_present ? a.id == canon : !printed_for_group.count(g);
    if (is_printed && !printed_for_group.count(g)) {
      printed_for_group[g] = d.entries.size();
      d.entries.push_back({std::move(a), {}});
    } else {
      deferred.emplace_back(g, i);
    }
  }
  for (auto [g, i] : deferred) {
    const Article& a = articles[i];
    auto it = printed_for_group.find(g);
    if (it == printed_for_group.end()) continue;
    d.entries[it->second].also_published_by.push_back({a.id, a.outlet, a.title, a.published});
  }
  return d;
}

std::string RenderText(const Dossier& d) {
  std::string out;
  auto line = [&](std::string_view s) {
    out.append(s);
    out.push_back('\n');
  };
  IsoParts date = ParseIso(d.date);
  line(d.title);
  line("");
  if (date.day > 0)
    line(std::to_string(date.day) + "/" + std::to_string(date.month) + "/" + std::to_string(date.year));
  else
    line(d.date);
  if (!d.preparer.empty()) line("إعداد : " + d.preparer);
  line("عناوين الملف");
  for (size_t i = 0; i < d.entries.size(); ++i)
    line("  " + std::to_string(i + 1) + ". " + ContentsLine(d.entries[i].article));
  line(" ");
  for (const auto& e : d.entries) {
    const Article& a = e.article;
    line(ContentsLine(a));
    std::string date_line = ArabicDateLine(a);
    if (!date_line.empty()) line(date_line);
    if (!a.dateline.empty() && !BodyStartsWith(a, a.dateline)) line(OneLine(a.dateline));
    for (const auto& p : Paragraphs(a.body))
      if (!IsRuleLike(p)) line(p);
    if (!e.also_published_by.empty()) {
      line("نشر أيضاً في:");
      for (const auto& c : e.also_published_by) line("- " + OneLine(c.outlet) + " : " + OneLine(c.title));
    }
    line(kRule);
  }
  if (!d.timeline.empty()) {
    line("الخط الزمني");
    for (const auto& r : d.timeline) {
      std::string s = r.date + " | " + OneLine(r.place) + " | " + OneLine(r.title);
      if (!r.participants.empty()) {
        s += " |";
        for (size_t i = 0; i < r.participants.size(); ++i) s += (i ? "، " : " ") + OneLine(r.participants[i]);
      }
      line(s);
    }
    line(kRule);
  }
  if (d.quote_digest) {
    std::map<std::string, std::vector<const Quote*>> by_speaker;
    AppendDigest(d, &by_speaker);
    if (!by_speaker.empty()) {
      line("أبرز التصريحات");
      for (const auto& [speaker, quotes] : by_speaker) {
        line(OneLine(speaker) + ":");
        for (const Quote* q : quotes) line("- «" + OneLine(q->quote) + "»");
      }
      line(kRule);
    }
  }
  return out;
}

std::string RenderHtml(const Dossier& d) {
  std::string o;
  o.reserve(4096);
  o += "<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  o += "<title>" + HtmlEscape(d.title) + "</title>\n<style>\n";
  o += R"css(:root { --ink: #1b1b1b; --muted: #5c5c5c; --rule: #c9c9c9; --accent: #7a1f1f; }
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "KacstOne", "DejaVu Sans", serif;
       color: var(--ink); max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.9; font-size: 17px; }
header.dossier { border-bottom: 3px double var(--accent); margin-bottom: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; color: var(--accent); }
.meta { color: var(--muted); margin: 0; }
nav.contents ol { padding-inline-start: 1.6rem; }
nav.contents a { color: inherit; text-decoration: none; }
nav.contents a:hover, nav.contents a:focus { text-decoration: underline; }
article { border-top: 1px solid var(--rule); padding-top: 1rem; margin-top: 1.5rem; }
article h2 { font-size: 1.25rem; margin: 0 0 .2rem; }
.outlet { color: var(--accent); font-weight: bold; }
.date, .dateline { color: var(--muted); margin: 0; font-size: .95rem; }
article p { margin: .5rem 0; text-align: justify; overflow-wrap: anywhere; }
.also { font-size: .95rem; color: var(--muted); border-inline-start: 3px solid var(--rule); padding-inline-start: .7rem; }
table.timeline { border-collapse: collapse; width: 100%; }
table.timeline td, table.timeline th { border-bottom: 1px solid var(--rule); padding: .3rem; text-align: start; }
@page { size: A4; margin: 2cm 1.8cm; @bottom-center { content: counter(page) " / " counter(pages); } }
@media print {
  body { margin: 0; max-width: none; font-size: 12pt; }
  nav.contents { page-break-after: always; }
  article { page-break-before: always; break-before: page; border-top: none; }
  a { color: inherit; text-decoration: none; }
}
)css";
  o += "</style>\n</head>\n<body>\n<header class=\"dossier\">\n<h1>" + HtmlEscape(d.title) + "</h1>\n";
  o += "<p class=\"meta\"><time datetime=\"" + HtmlEscape(d.date) + "\">" + HtmlEscape(d.date) + "</time>";
  if (!d.preparer.empty()) o += " · إعداد: " + HtmlEscape(d.preparer);
  o += "</p>\n</header>\n<nav class=\"contents\" aria-label=\"عناوين الملف\">\n<h2>عناوين الملف</h2>\n<ol>\n";
  for (size_t i = 0; i < d.entries.size(); ++i) {
    const Article& a = d.entries[i].article;
    o += "<li><a href=\"#a" + std::to_string(i + 1) + "\">";
    if (!a.outlet.empty()) o += "<span class=\"outlet\">" + HtmlEscape(OneLine(a.outlet)) + "</span> : ";
    o += HtmlEscape(OneLine(a.title)) + "</a></li>\n";
  }
  o += "</ol>\n</nav>\n<main>\n";
  for (size_t i = 0; i < d.entries.size(); ++i) {
    const Entry& e = d.entries[i];
    const Article& a = e.article;
    o += "<article id=\"a" + std::to_string(i + 1) + "\">\n<h2>";
    if (!a.outlet.empty()) o += "<span class=\"outlet\">" + HtmlEscape(OneLine(a.outlet)) + "</span> : ";
    o += HtmlEscape(OneLine(a.title)) + "</h2>\n";
    std::string date_line = ArabicDateLine(a);
    if (!date_line.empty()) {
      o += "<p class=\"date\">";
      if (!a.published.empty()) o += "<time datetime=\"" + HtmlEscape(a.published) + "\">";
      o += HtmlEscape(date_line);
      if (!a.published.empty()) o += "</time>";
      o += "</p>\n";
    }
    if (!a.dateline.empty() && !BodyStartsWith(a, a.dateline))
      o += "<p class=\"dateline\">" + HtmlEscape(OneLine(a.dateline)) + "</p>\n";
    for (const auto& p : Paragraphs(a.body)) o += "<p>" + HtmlEscape(p) + "</p>\n";
    if (!e.also_published_by.empty()) {
      o += "<div class=\"also\"><p>نشر أيضاً في:</p><ul>\n";
      for (const auto& c : e.also_published_by)
        o += "<li>" + HtmlEscape(OneLine(c.outlet)) + " : " + HtmlEscape(OneLine(c.title)) + "</li>\n";
      o += "</ul></div>\n";
    }
    o += "</article>\n";
  }
  if (!d.timeline.empty()) {
    o += "<section class=\"timeline-section\"><h2>الخط الزمني</h2>\n<table class=\"timeline\">\n"
         "<tr><th>التاريخ</th><th>المكان</th><th>الحدث</th><th>المشاركون</th></tr>\n";
    for (const auto& r : d.timeline) {
      std::string who;
      for (size_t i = 0; i < r.participants.size(); ++i) who += (i ? "، " : "") + OneLine(r.participants[i]);
      o += "<tr><td>" + HtmlEscape(r.date) + "</td><td>" + HtmlEscape(OneLine(r.place)) + "</td><td>" +
           HtmlEscape(OneLine(r.title)) + "</td><td>" + HtmlEscape(who) + "</td></tr>\n";
    }
    o += "</table></section>\n";
  }
  if (d.quote_digest) {
    std::map<std::string, std::vector<const Quote*>> by_speaker;
    AppendDigest(d, &by_speaker);
    if (!by_speaker.empty()) {
      o += "<section class=\"quotes\"><h2>أبرز التصريحات</h2>\n";
      for (const auto& [speaker, quotes] : by_speaker) {
        o += "<h3>" + HtmlEscape(OneLine(speaker)) + "</h3>\n<ul>\n";
        for (const Quote* q : quotes) o += "<li>«" + HtmlEscape(OneLine(q->quote)) + "»</li>\n";
        o += "</ul>\n";
      }
      o += "</section>\n";
    }
  }
  o += "</main>\n</body>\n</html>\n";
  return o;
}

std::string RenderMarkdown(const Dossier& d) {
  std::string o = "# " + MdEscape(d.title) + "\n\n" + d.date;
  if (!d.preparer.empty()) o += " · إعداد: " + MdEscape(d.preparer);
  o += "\n\n## عناوين الملف\n\n";
  for (size_t i = 0; i < d.entries.size(); ++i)
    o += std::to_string(i + 1) + ". [" + MdEscape(ContentsLine(d.entries[i].article)) + "](#a" +
         std::to_string(i + 1) + ")\n";
  for (size_t i = 0; i < d.entries.size(); ++i) {
    const Entry& e = d.entries[i];
    const Article& a = e.article;
    o += "\n---\n\n<a id=\"a" + std::to_string(i + 1) + "\"></a>\n## " + MdEscape(ContentsLine(a)) + "\n\n";
    std::string date_line = ArabicDateLine(a);
    if (!date_line.empty()) o += "*" + MdEscape(date_line) + "*\n\n";
    if (!a.dateline.empty() && !BodyStartsWith(a, a.dateline)) o += MdEscape(OneLine(a.dateline)) + "\n\n";
    for (const auto& p : Paragraphs(a.body)) o += MdEscape(p) + "\n\n";
    if (!e.also_published_by.empty()) {
      o += "> نشر أيضاً في:\n";
      for (const auto& c : e.also_published_by) o += "> - " + MdEscape(OneLine(c.outlet)) + " : " + MdEscape(OneLine(c.title)) + "\n";
    }
  }
  if (!d.timeline.empty()) {
    o += "\n---\n\n## الخط الزمني\n\n| التاريخ | المكان | الحدث |\n|---|---|---|\n";
    for (const auto& r : d.timeline)
      o += "| " + MdEscape(r.date) + " | " + MdEscape(OneLine(r.place)) + " | " + MdEscape(OneLine(r.title)) + " |\n";
  }
  if (d.quote_digest) {
    std::map<std::string, std::vector<const Quote*>> by_speaker;
    AppendDigest(d, &by_speaker);
    if (!by_speaker.empty()) {
      o += "\n---\n\n## أبرز التصريحات\n";
      for (const auto& [speaker, quotes] : by_speaker) {
        o += "\n### " + MdEscape(OneLine(speaker)) + "\n\n";
        for (const Quote* q : quotes) o += "- «" + MdEscape(OneLine(q->quote)) + "»\n";
      }
    }
  }
  return o;
}

nlohmann::json RenderJson(const Dossier& d) {
  using nlohmann::json;
  json contents = json::array(), arts = json::array();
  for (size_t i = 0; i < d.entries.size(); ++i) {
    const Entry& e = d.entries[i];
    contents.push_back({{"n", i + 1}, {"outlet", e.article.outlet}, {"title", e.article.title},
                        {"anchor", "a" + std::to_string(i + 1)}});
    json a = ArticleToJson(e.article, !e.article.id.empty());
    json also = json::array();
    for (const auto& c : e.also_published_by)
      also.push_back({{"id", c.id}, {"outlet", c.outlet}, {"title", c.title},
                      {"published", c.published.empty() ? json(nullptr) : json(c.published)}});
    a["also_published_by"] = also;
    arts.push_back(std::move(a));
  }
  json timeline = json::array();
  for (const auto& r : d.timeline)
    timeline.push_back({{"date", r.date}, {"place", r.place}, {"title", r.title}, {"participants", r.participants}});
  json j{{"dossier",
          {{"title", d.title}, {"date", d.date}, {"preparer", d.preparer}, {"contents", contents},
           {"articles", arts}}}};
  if (!d.timeline.empty()) j["dossier"]["timeline"] = timeline;
  if (d.quote_digest) {
    json quotes = json::array();
    for (const auto& e : d.entries)
      for (const auto& q : e.article.quotes) {
        json qj = QuoteToJson(q);
        qj["article"] = e.article.id;
        quotes.push_back(std::move(qj));
      }
    j["dossier"]["quotes"] = quotes;
  }
  return j;
}

}  // namespace malaf::dossier
