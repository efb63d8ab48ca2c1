// Dossier composition and rendering: the press file ("ملف") users publish.
//
// Compose() orders and folds a set of articles into a Dossier; the Render*
// functions turn it into text (the layout of a hand-made dossier: header,
// numbered contents `outlet : headline`, then each article separated by rule
// lines), self-contained right-to-left HTML, Markdown or JSON. Re-reading a
// text dossier written here with malaf's dossier reader gives back the same
// articles, outlets, headlines and dates (tested).
// All functions are pure and thread-safe. Every string that came from an
// article is escaped for its format; HTML output contains no markup or
// script from any source page, and bidi override characters are removed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "extract/article.h"

namespace malaf::dossier {

// A copy of a republished article listed under the one printed in full.
struct AlsoPublished {
  std::string id;
  std::string outlet;
  std::string title;
  std::string published;
};

struct Entry {
  Article article;
  std::vector<AlsoPublished> also_published_by;
};

// One row of the optional timeline section.
struct TimelineRow {
  std::string date;
  std::string place;
  std::string title;
  std::vector<std::string> participants;
};

struct Dossier {
  std::string title;
  std::string date;      // ISO date of the dossier (YYYY-MM-DD)
  std::string preparer;  // "إعداد : ..."
  std::vector<Entry> entries;
  std::vector<TimelineRow> timeline;  // optional section
  bool quote_digest = false;          // render the quotations-by-speaker section
};

enum class Order { kTime, kOutlet, kRelevance };

struct ComposeOptions {
  std::string title;     // required (the caller picks a story's headline by default)
  std::string date;      // "" = today (UTC)
  std::string preparer;  // "" = no preparer line
  Order order = Order::kTime;  // kRelevance keeps the given order
  // Groups of near-duplicate article ids, canonical first. With
  // collapse_duplicates, only one copy of each group is printed in full
  // (the canonical one, or the first present) and the others are listed as
  // "also published by" under it.
  bool collapse_duplicates = false;
  std::vector<std::vector<std::string>> duplicate_groups;
};

Dossier Compose(std::vector<Article> articles, const ComposeOptions& options);

std::string RenderText(const Dossier& d);
std::string RenderHtml(const Dossier& d);
std::string RenderMarkdown(const Dossier& d);
nlohmann::json RenderJson(const Dossier& d);

// Prints the HTML rendering to PDF with headless Chromium (Debian's
// /usr/bin/chromium). `html_path` is written, `pdf_path` produced.
Status RenderPdf(const Dossier& d, const std::string& html_path, const std::string& pdf_path);

// The date line printed for an article: an absolute Arabic date from
// `published` ("الجمعة 26 أغسطس 2016 - 23:15"), or published_text when the
// date is unknown.
std::string ArabicDateLine(const Article& a);

}  // namespace malaf::dossier
