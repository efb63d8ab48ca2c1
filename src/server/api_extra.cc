#include "server/api_extra.h"

#include <map>
#include <set>

#include "archive/derived_json.h"
#include "entities/entity_archive.h"
#include "extract/article_json.h"
#include "stories/story_archive.h"

namespace malaf::server {
namespace {

using nlohmann::json;

constexpr std::string_view kDossierSchema[] = {
    "CREATE TABLE saved_dossiers (id INTEGER PRIMARY KEY, title TEXT NOT NULL, spec TEXT NOT NULL,"
    " created_at TEXT NOT NULL)",
};

void Json(httplib::Response& res, const json& j, int status = 200) {
  res.status = status;
  res.set_content(DumpJson(j), "application/json; charset=utf-8");
}

void Error(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  Json(res, json{{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}}, status);
}

void Internal(httplib::Response& res) {
  Error(res, 500, "internal", "the archive could not be read or written; see the server log");
}

}  // namespace

std::vector<std::vector<std::string>> DuplicateGroupsFor(Store& store, const std::vector<Article>& articles) {
  std::vector<std::vector<std::string>> out;
  auto groups = stories::ListCopyGroups(store);
  if (!groups.ok()) return out;  // no copy data: nothing is folded
  std::set<std::string> chosen;
  for (const auto& a : articles) chosen.insert(a.id);
  for (const auto& g : *groups) {
    std::vector<std::string> kept;
    for (const auto& id : g.ids)
      if (chosen.count(id)) kept.push_back(id);
    if (kept.size() > 1) out.push_back(std::move(kept));
  }
  return out;
}

void RegisterExtraRoutes(httplib::Server& h, ExtraContext ctx) {
  // Saved dossiers: the spec (ids, title, order, ...) is kept, and rendered
  // on request, so a saved dossier picks up corrections to its articles.
  h.Post("/api/v1/dossiers", [ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.authorized(req, res)) return;
    if (req.body.size() > (1u << 20)) return Error(res, 413, "too_large", "dossier request over 1 MiB");
    json spec = json::parse(req.body, nullptr, false);
    if (spec.is_discarded() || !spec.is_object() || !spec.contains("ids") || !spec["ids"].is_array() ||
        spec["ids"].empty())
      return Error(res, 400, "invalid_argument", "body must be a JSON object with \"ids\"");
    std::lock_guard<std::mutex> lock(*ctx.write_mu);
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    Db& db = (*store)->db();
    if (!db.EnsureSchema("saved_dossiers", kDossierSchema).ok()) return Internal(res);
    auto st = db.Prepare(
        "INSERT INTO saved_dossiers(title, spec, created_at) VALUES(?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    if (!st.ok()) return Internal(res);
    std::string title = spec.value("title", std::string());
    if (!st->BindText(1, title).BindText(2, DumpJson(spec)).Run().ok()) return Internal(res);
    Json(res, {{"id", db.LastInsertRowId()}, {"title", title}}, 201);
  });

  h.Get("/api/v1/dossiers", [ctx](const httplib::Request&, httplib::Response& res) {
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    Db& db = (*store)->db();
    json list = json::array();
    auto version = db.SchemaVersion("saved_dossiers");
    if (version.ok() && *version > 0) {
      auto st = db.Prepare("SELECT id, title, created_at FROM saved_dossiers ORDER BY id DESC LIMIT 500");
      if (!st.ok()) return Internal(res);
      while (true) {
        auto row = st->Step();
        if (!row.ok()) return Internal(res);
        if (!*row) break;
        list.push_back({{"id", st->Int(0)}, {"title", std::string(st->Text(1))}, {"created_at", std::string(st->Text(2))}});
      }
    }
    Json(res, {{"dossiers", list}});
  });

  h.Get(R"(/api/v1/dossiers/(\d{1,12}))", [ctx](const httplib::Request& req, httplib::Response& res) {
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    Db& db = (*store)->db();
    auto version = db.SchemaVersion("saved_dossiers");
    if (!version.ok() || *version == 0) return Error(res, 404, "not_found", "no such dossier");
    auto st = db.Prepare("SELECT spec FROM saved_dossiers WHERE id = ?1");
    if (!st.ok()) return Internal(res);
    st->BindInt(1, std::stoll(req.matches[1].str()));
    auto row = st->Step();
    if (!row.ok()) return Internal(res);
    if (!*row) return Error(res, 404, "not_found", "no such dossier");
    json spec = json::parse(st->Text(0), nullptr, false);
    if (spec.is_discarded()) return Internal(res);
    if (req.has_param("format")) spec["format"] = req.get_param_value("format");
    ctx.render_dossier(spec, res);
  });
  h.Get("/api/v1/stories", [ctx](const httplib::Request&, httplib::Response& res) {
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    auto list = stories::ListStories(**store);
    if (!list.ok()) return Internal(res);
    json arr = json::array();
    for (const auto& s : *list) arr.push_back(StoryToJson(s));
    Json(res, {{"stories", arr}});
  });

  h.Get(R"(/api/v1/stories/([0-9a-f]{4,16}))", [ctx](const httplib::Request& req, httplib::Response& res) {
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    auto s = stories::GetStory(**store, req.matches[1].str());
    if (!s.ok()) {
      if (s.status().IsNotFound()) return Error(res, 404, "not_found", "no such story");
      if (s.status().IsInvalidArgument()) return Error(res, 400, "invalid_argument", s.status().message());
      return Internal(res);
    }
    json j = StoryToJson(*s);
    // The page shows titles and quotations without a request per article.
    json items = json::array(), quotes = json::array();
    size_t n = 0;
    for (const auto& id : s->articles) {
      if (++n > 500) break;
      auto a = (*store)->Get(id);
      if (!a.ok()) continue;
      const Article& art = a->article;
      items.push_back({{"id", art.id}, {"title", art.title}, {"outlet", art.outlet},
                       {"published", art.published.empty() ? json(nullptr) : json(art.published)}});
      for (const auto& q : art.quotes) {
        if (quotes.size() >= 40) break;
        json qj = QuoteToJson(q);
        qj["article"] = art.id;
        quotes.push_back(std::move(qj));
      }
    }
    j["article_items"] = items;
    j["quotes"] = quotes;
    auto timeline = entities::BuildTimeline(**store);
    json tl = json::array();
    if (timeline.ok())
      for (const auto& e : *timeline)
        if (e.story == s->id) tl.push_back(TimelineEntryToJson(e));
    j["timeline"] = tl;
    Json(res, j);
  });

  h.Get("/api/v1/duplicates", [ctx](const httplib::Request&, httplib::Response& res) {
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    auto groups = stories::ListCopyGroups(**store);
    if (!groups.ok()) return Internal(res);
    Json(res, CopyGroupsToJson(*groups));
  });

  h.Get("/api/v1/timeline", [ctx](const httplib::Request& req, httplib::Response& res) {
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    entities::TimelineOptions to;
    to.entity = req.get_param_value("entity");
    if (to.entity.size() > 512) return Error(res, 400, "invalid_argument", "entity name too long");
    auto entries = entities::BuildTimeline(**store, to);
    if (!entries.ok()) return Internal(res);
    json arr = json::array();
    for (const auto& e : *entries) arr.push_back(TimelineEntryToJson(e));
    Json(res, {{"entries", arr}});
  });

  h.Get("/api/v1/entities", [ctx](const httplib::Request& req, httplib::Response& res) {
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    entities::EntityListOptions lo;
    lo.type = req.get_param_value("type");
    if (!lo.type.empty() && lo.type != "person" && lo.type != "place" && lo.type != "organization")
      return Error(res, 400, "invalid_argument", "type must be person, place or organization");
    lo.name = req.get_param_value("name");
    lo.limit = 500;
    auto list = entities::ListEntities(**store, lo);
    if (!list.ok()) return Internal(res);
    json arr = json::array();
    for (const auto& e : *list) arr.push_back(ArchiveEntityToJson(e));
    Json(res, {{"entities", arr}});
  });

  h.Get("/api/v1/quotes", [ctx](const httplib::Request& req, httplib::Response& res) {
    auto store = ctx.store();
    if (!store.ok()) return Internal(res);
    entities::QuoteListOptions qo;
    qo.speaker = req.get_param_value("speaker");
    qo.limit = 500;
    auto list = entities::ListQuotes(**store, qo);
    if (!list.ok()) return Internal(res);
    json arr = json::array();
    for (const auto& q : *list) arr.push_back(ArchiveQuoteToJson(q));
    Json(res, {{"quotes", arr}});
  });

  // Articles per day for a query: the volume chart of the web app. Every
  // matching article is counted (the searcher's day counts), so "counted"
  // is the number of matches with a full date.
  h.Get("/api/v1/volume", [ctx](const httplib::Request& req, httplib::Response& res) {
    std::string q = req.get_param_value("q");
    if (q.size() > 4096) return Error(res, 400, "invalid_argument", "query longer than 4096 bytes");
    auto searcher = ctx.searcher();
    if (!searcher.ok()) return Internal(res);
    search::SearchOptions so;
    so.limit = 0;
    so.snippets = false;
    so.facets = false;
    so.day_counts = true;
    auto r = (*searcher)->Search(q, so);
    if (!r.ok()) {
      if (r.status().IsInvalidArgument()) return Error(res, 400, "invalid_argument", r.status().message());
      return Internal(res);
    }
    std::map<std::string, uint64_t> days;
    uint64_t counted = 0;
    for (const auto& [day, n] : r->facets.day)
      if (day.size() == 10) {  // "YYYY-MM-DD": a year or a month alone is no day
        days[day] += n;
        counted += n;
      }
    Json(res, {{"query", q}, {"days", days}, {"counted", counted}, {"total", r->total}});
  });

}

}  // namespace malaf::server
