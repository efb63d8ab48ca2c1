#include "extract/article_json.h"

namespace malaf {

using nlohmann::json;

namespace {

json SourceToJson(const SourceRef& s) {
  return json{{"path", s.path}, {"format", s.format}, {"index", s.index}};
}

json EntityToJson(const Entity& e) {
  json mentions = json::array();
  for (const auto& m : e.mentions) mentions.push_back({{"start", m.start}, {"end", m.end}});
  json j{{"type", e.type}, {"name", e.name}, {"surfaces", e.surfaces}, {"mentions", mentions}};
  if (!e.role.empty()) j["role"] = e.role;
  return j;
}

}  // namespace

json QuoteToJson(const Quote& q) {
  json j{{"speaker", {{"name", q.speaker}}},
         {"speaker_surface", q.speaker_surface},
         {"verb", q.verb},
         {"quote", q.quote},
         {"start", q.start},
         {"end", q.end}};
  if (!q.article.empty()) j["article"] = q.article;
  return j;
}

json ArticleToJson(const Article& a, bool archived) {
  json j = json::object();
  if (archived || !a.id.empty()) j["id"] = a.id;
  j["title"] = a.title;
  j["outlet"] = a.outlet;
  j["url"] = a.url;
  j["published"] = a.published.empty() ? json(nullptr) : json(a.published);
  j["published_text"] = a.published_text;
  j["dateline"] = a.dateline;
  j["dateline_city"] = a.dateline_city;
  j["agencies"] = a.agencies;
  j["authors"] = a.authors;
  j["body"] = a.body;
  if (archived) {
    json sources = json::array();
    for (const auto& s : a.sources) sources.push_back(SourceToJson(s));
    j["sources"] = sources;
  } else if (!a.sources.empty()) {
    j["source"] = SourceToJson(a.sources.front());
  }
  if (a.analyzed) {
    json ents = json::array();
    for (const auto& e : a.entities) ents.push_back(EntityToJson(e));
    json quotes = json::array();
    for (const auto& q : a.quotes) quotes.push_back(QuoteToJson(q));
    j["entities"] = ents;
    j["quotes"] = quotes;
  }
  return j;
}

Result<Article> ArticleFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("article is not a JSON object");
  Article a;
  auto str = [&](const char* k, std::string* out) {
    auto it = j.find(k);
    if (it != j.end() && it->is_string()) *out = it->get<std::string>();
  };
  auto strs = [&](const char* k, std::vector<std::string>* out) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_array()) return;
    for (const auto& v : *it)
      if (v.is_string()) out->push_back(v.get<std::string>());
  };
  str("id", &a.id);
  str("title", &a.title);
  str("outlet", &a.outlet);
  str("url", &a.url);
  str("published", &a.published);
  str("published_text", &a.published_text);
  str("dateline", &a.dateline);
  str("dateline_city", &a.dateline_city);
  strs("agencies", &a.agencies);
  strs("authors", &a.authors);
  str("body", &a.body);
  auto source = [](const json& s) {
    SourceRef r;
    if (s.contains("path") && s["path"].is_string()) r.path = s["path"];
    if (s.contains("format") && s["format"].is_string()) r.format = s["format"];
    if (s.contains("index") && s["index"].is_number_integer()) r.index = s["index"];
    return r;
  };
  if (auto it = j.find("source"); it != j.end() && it->is_object()) a.sources.push_back(source(*it));
  if (auto it = j.find("sources"); it != j.end() && it->is_array())
    for (const auto& s : *it)
      if (s.is_object()) a.sources.push_back(source(s));
  return a;
}

json ErrorToJson(const Status& s) {
  return json{{"error", {{"code", std::string(s.code_name())}, {"message", s.message()}}}};
}

json InputErrorToJson(std::string_view path, const Status& s) {
  return json{{"path", std::string(path)}, {"reason", s.message()}};
}

std::string DumpJson(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace malaf
