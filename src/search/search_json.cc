#include "search/search_json.h"

namespace malaf::search {

nlohmann::json SearchResultsToJson(const SearchResults& r) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : r.hits) {
    nlohmann::json hl = nlohmann::json::array();
    for (const Highlight& x : h.highlights) hl.push_back({{"start", x.start}, {"end", x.end}});
    hits.push_back({{"id", h.id},
                    {"score", h.score},
                    {"title", h.title},
                    {"outlet", h.outlet},
                    {"published", h.published},
                    {"snippet", h.snippet},
                    {"snippet_start", h.snippet_start},
                    {"highlights", hl}});
  }
  auto counts = [](const std::map<std::string, uint64_t>& m) {
    nlohmann::json o = nlohmann::json::object();
    for (const auto& [k, v] : m) o[k] = v;
    return o;
  };
  return {{"query", r.query},
          {"total", r.total},
          {"hits", hits},
          {"facets", {{"outlet", counts(r.facets.outlet)}, {"month", counts(r.facets.month)},
                      {"agency", counts(r.facets.agency)}}},
          {"facets_exact", r.facets.exact}};
}

}  // namespace malaf::search
