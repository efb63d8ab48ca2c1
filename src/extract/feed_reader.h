// Reading RSS 2.0 (and RSS 1.0/RDF) and Atom feeds with pugixml into items:
// title, link, date text, authors, and the item's content (content:encoded,
// Atom content, else description/summary). Element names are matched by
// local name, so any namespace prefix works (dc:creator, atom:link).
// Hostile XML: pugixml never expands entities declared in a DTD (the DOCTYPE
// is skipped and "&name;" stays literal text); a feed whose DTD builds
// entities from other entities (billion laughs) is refused outright. The
// input size and item count are bounded, and the parse is iterative, so deep
// nesting cannot exhaust the stack.
// Pure function; thread-safe. The result owns its strings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace malaf {

struct FeedItem {
  std::string title;                 // plain text (HTML in Atom type="html" titles is stripped)
  std::string link;
  std::string date_text;             // pubDate / dc:date / published / updated, as written
  std::vector<std::string> authors;  // author, dc:creator, Atom author/name
  std::string content;               // the item text, HTML or plain (see content_is_html)
  bool content_is_html = true;
};

struct Feed {
  std::string kind;       // "rss" or "atom"
  std::string title;      // channel or feed title (the outlet)
  std::string link;       // channel or feed site link
  std::string date_text;  // channel lastBuildDate/pubDate/dc:date, feed updated
  std::vector<FeedItem> items;
};

struct FeedOptions {
  size_t max_bytes = 128u << 20;  // larger inputs fail with ResourceExhausted
  size_t max_items = 200000;      // more fail with ResourceExhausted
};

// `utf8_xml` is the feed already decoded to UTF-8 (its encoding declaration
// is ignored). Fails with Corruption (with pugixml's reason and offset) for
// malformed XML, Unsupported for XML that is not a feed.
Result<Feed> ReadFeed(std::string_view utf8_xml, const FeedOptions& options = {});

// Plain text of an HTML fragment (a feed item's description): tags removed,
// block elements and <br> as line breaks, script/style dropped, character
// references decoded. Linear, no tree, so any nesting depth is safe.
std::string HtmlFragmentToText(std::string_view html);

}  // namespace malaf
