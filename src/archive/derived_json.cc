#include "archive/derived_json.h"

#include "extract/article_json.h"

namespace malaf {

using nlohmann::json;

namespace {
json DateOrNull(const std::string& d) { return d.empty() ? json(nullptr) : json(d); }
}  // namespace

json StoryToJson(const stories::StorySummary& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"date", DateOrNull(s.date)},
          {"place", s.place},
          {"participants", s.participants},
          {"outlets", s.outlets},
          {"articles", s.articles},
          {"duplicates", s.duplicates}};
}

json CopyGroupsToJson(const std::vector<stories::CopyGroup>& groups) {
  json arr = json::array();
  for (const auto& g : groups) arr.push_back(g.ids);
  return {{"groups", arr}};
}

json TimelineEntryToJson(const entities::TimelineEntry& e) {
  json quotes = json::array();
  for (const auto& q : e.quotes) quotes.push_back(ArchiveQuoteToJson(q));
  return {{"date", DateOrNull(e.date)}, {"place", e.place},           {"story", e.story},
          {"title", e.title},          {"participants", e.participants}, {"quotes", quotes}};
}

json ArchiveEntityToJson(const entities::ArchiveEntity& e) {
  return {{"type", e.type},   {"name", e.name},         {"surfaces", e.surfaces},
          {"roles", e.roles}, {"articles", e.articles}, {"mentions", e.mentions}};
}

json ArchiveQuoteToJson(const entities::ArchiveQuote& q) {
  json j = QuoteToJson(q.quote);
  j["published"] = DateOrNull(q.published);
  j["title"] = q.title;
  j["outlet"] = q.outlet;
  return j;
}

}  // namespace malaf
