// Main-content extraction from one web page (HTML) or one text dump of a
// page (what a browser's copy gives). Output is the article without page
// furniture: navigation, comments and their metadata, "most read" and
// related-story lists, share/print widgets, captions in another language,
// "Published On" lines, "see also" blocks. Sub-headings and every paragraph
// of the article are kept, in order.
// Pure functions of their input; thread-safe. Inputs must be valid UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace malaf {

struct Page {
  std::string title;                  // og:title, h1, or <title> minus the site name
  std::string site_name;              // og:site_name, application-name, or title suffix
  std::string url;                    // canonical / og:url when present
  std::string lang;                   // <html lang>, when present
  std::vector<std::string> date_texts;// raw date strings from meta tags, <time>, or near the title, best first
  std::vector<std::string> authors;   // from meta author / byline markup
  std::vector<std::string> paragraphs;// main text, display-normalized, sub-headings as their own paragraphs
};

struct PageOptions {
  size_t max_bytes = 64u << 20;  // larger inputs fail with ResourceExhausted
  size_t max_depth = 400;        // deeper HTML trees are cut (gumbo itself is iterative)
};

// HTML page -> Page. Fails (Corruption) only when nothing usable is found.
Result<Page> ExtractHtmlPage(std::string_view html, const PageOptions& options = {});

// Text dump of a page -> Page (same cleaning, on lines).
Result<Page> ExtractTextPage(std::string_view text, const PageOptions& options = {});

// The charset declared inside an HTML document (<meta charset>, http-equiv),
// lowercase, or "" when none. Looks at the first 4 KiB of raw bytes only.
std::string SniffHtmlCharset(std::string_view raw_bytes);

}  // namespace malaf
