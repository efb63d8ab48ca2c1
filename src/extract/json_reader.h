// Reading JSON exports of articles: a JSON array of objects, an object
// holding such an array (under "articles", "items", "data", "results",
// "entries", "posts", "news", "records", "docs", "documents", "hits",
// "rows" or "stories"), a single object, or JSON Lines
// (one object per line). Records are handed to a callback one at a time and
// then dropped, so memory stays bounded by the largest record, not the file:
// arrays are read with nlohmann's SAX parser, JSON Lines line by line.
// Fields are found by their usual names (title/headline, body/content/text/
// article, date/published/pubDate/date_extracted, source/outlet/site,
// url/link, author/authors) or by an explicit mapping.
// Thread-safe; the callback runs on the calling thread.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace malaf {

// One record with its fields as text ("" when absent).
struct JsonRecord {
  std::string title;
  std::string body;
  std::string date;
  std::string outlet;
  std::string url;
  std::vector<std::string> authors;
};

struct JsonReaderOptions {
  // Article field -> input field, overriding the usual names. Keys: title,
  // body, date (alias published), outlet (alias source), url, authors
  // (alias author). A value may be a dotted path ("meta.published").
  std::map<std::string, std::string> field_map;
  size_t max_records = 200000;  // more fail with ResourceExhausted
  size_t max_depth = 256;       // deeper nesting fails with ResourceExhausted
};

// Returns InvalidArgument for an unknown field_map key.
Status CheckFieldMap(const std::map<std::string, std::string>& field_map);

// `lines` selects JSON Lines. The callback gets each record and its index;
// returning false stops reading (not an error). Malformed JSON fails with
// Corruption naming the byte offset (or line) and what was expected; records
// before it have already been delivered.
Status ReadJsonRecords(std::string_view utf8, bool lines, const JsonReaderOptions& options,
                       const std::function<bool(JsonRecord&&, size_t index)>& on_record);

}  // namespace malaf
