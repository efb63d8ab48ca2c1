// The JSON of search results (../shared/JSON.md, "search"), shared by the
// CLI and the HTTP API so both speak one model:
// {"query", "total", "hits": [{"id", "score", "title", "outlet", "published",
//   "snippet", "snippet_start", "highlights": [{"start", "end"}]}],
//  "facets": {"outlet": {..}, "month": {..}, "agency": {..}}, "facets_exact"}
// Highlight offsets are bytes into "snippet"; "snippet_start" is the byte
// offset of the snippet in the article body. Pure function; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "search/searcher.h"

namespace malaf::search {

nlohmann::json SearchResultsToJson(const SearchResults& r);

}  // namespace malaf::search
