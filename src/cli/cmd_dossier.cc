// malaf dossier (--story ID | --query Q | --ids ID,ID,...) [--title T]
//   [--preparer P] [--date D] [--order time|outlet|relevance]
//   [--collapse-duplicates] [--timeline] [--quotes] [--limit N]
//   --format text|html|md|json|pdf [-o FILE]
// Composes a press dossier from archived articles and writes it to FILE or
// stdout (PDF needs -o).
#include <cstdio>
#include <set>
#include <sstream>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "dossier/dossier.h"
#include "entities/entity_archive.h"
#include "extract/article_json.h"
#include "search/searcher.h"
#include "store/store.h"
#include "stories/story_archive.h"

namespace malaf::cli {
namespace {

struct Opts {
  std::string story, query, ids;
  std::string title, preparer, date;
  std::string order = "time";
  std::string format = "text";
  std::string output = "-";
  bool collapse = false;
  bool timeline = false;
  bool quotes = false;
  size_t limit = 50;
};

std::vector<std::string> SplitIds(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    size_t b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

int Run(const Opts& o, const GlobalOptions& global) {
  const bool json_errors = o.format == "json";
  StoreOptions so;
  so.create_if_missing = false;
  auto store = Store::Open(global.archive, so);
  if (!store.ok()) return ReportError("dossier", store.status(), json_errors);
  Store& st = **store;

  std::vector<std::string> ids;
  std::string default_title;
  std::string story_id;
  if (!o.story.empty()) {
    auto s = stories::GetStory(st, o.story);
    if (!s.ok()) return ReportError("dossier", s.status(), json_errors);
    ids = s->articles;
    default_title = s->title;
    story_id = s->id;
  } else if (!o.query.empty()) {
    auto searcher = search::Searcher::Open(global.archive + "/index");
    if (!searcher.ok()) return ReportError("dossier", searcher.status().WithContext("search index (run malaf reindex)"), json_errors);
    search::SearchOptions sopt;
    sopt.limit = o.limit;
    sopt.snippets = false;
    sopt.facets = false;
    auto r = (*searcher)->Search(o.query, sopt);
    if (!r.ok()) return ReportError("dossier", r.status(), json_errors);
    for (const auto& h : r->hits) ids.push_back(h.id);
    default_title = o.query;
  } else {
    for (const auto& id : SplitIds(o.ids)) {
      auto full = st.ResolveId(id);
      if (!full.ok()) return ReportError("dossier", full.status(), json_errors);
      ids.push_back(*full);
    }
  }
  if (ids.empty()) return ReportError("dossier", Status::NotFound("no articles for this dossier"), json_errors);

  std::vector<Article> articles;
  for (const auto& id : ids) {
    auto a = st.Get(id);
    if (!a.ok()) return ReportError("dossier", a.status(), json_errors);
    articles.push_back(std::move(a->article));
  }
  if (default_title.empty()) default_title = articles.front().title;

  dossier::ComposeOptions co;
  co.title = o.title.empty() ? default_title : o.title;
  co.preparer = o.preparer;
  co.date = o.date;
  co.order = o.order == "outlet" ? dossier::Order::kOutlet
             : o.order == "relevance" ? dossier::Order::kRelevance
                                      : dossier::Order::kTime;
  co.collapse_duplicates = o.collapse;
  if (o.collapse) {
    auto groups = stories::ListCopyGroups(st);
    if (!groups.ok()) return ReportError("dossier", groups.status(), json_errors);
    std::set<std::string> chosen(ids.begin(), ids.end());
    for (const auto& g : *groups) {
      std::vector<std::string> kept;
      for (const auto& id : g.ids)
        if (chosen.count(id)) kept.push_back(id);
      if (kept.size() > 1) co.duplicate_groups.push_back(std::move(kept));
    }
  }
  dossier::Dossier d = dossier::Compose(std::move(articles), co);
  d.quote_digest = o.quotes;
  if (o.timeline) {
    auto entries = entities::BuildTimeline(st);
    if (!entries.ok()) return ReportError("dossier", entries.status(), json_errors);
    for (const auto& e : *entries) {
      if (!story_id.empty() && e.story != story_id) continue;
      d.timeline.push_back({e.date, e.place, e.title, e.participants});
    }
  }

  if (o.format == "pdf") {
    if (o.output.empty() || o.output == "-")
      return ReportError("dossier", Status::InvalidArgument("--format pdf needs -o FILE.pdf"), false);
    std::string html = o.output + ".html";
    Status s = dossier::RenderPdf(d, html, o.output);
    std::remove(html.c_str());
    if (!s.ok()) return ReportError("dossier", s, false);
    return kExitOk;
  }
  std::string out;
  if (o.format == "text") out = dossier::RenderText(d);
  else if (o.format == "html") out = dossier::RenderHtml(d);
  else if (o.format == "md") out = dossier::RenderMarkdown(d);
  else out = DumpJson(dossier::RenderJson(d), 2) + "\n";
  auto f = OpenOutput(o.output);
  if (!f.ok()) return ReportError("dossier", f.status(), json_errors);
  std::fwrite(out.data(), 1, out.size(), *f);
  if (*f != stdout && std::fclose(*f) != 0)
    return ReportError("dossier", Status::IOError(o.output + ": write failed"), json_errors);
  return kExitOk;
}

}  // namespace

Subcommand RegisterDossier(CLI::App& root, const GlobalOptions& global) {
  auto o = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("dossier", "Compose a press dossier (ملف) from a story, a query or chosen articles");
  auto* source = s.app->add_option_group("source", "What goes into the dossier");
  source->add_option("--story", o->story, "Story id (or unique prefix)");
  source->add_option("--query", o->query, "Search query; its best hits");
  source->add_option("--ids", o->ids, "Article ids, comma separated");
  source->require_option(1);
  s.app->add_option("--title", o->title, "Title (default: the story's headline)");
  s.app->add_option("--preparer", o->preparer, "Who prepared it (إعداد)");
  s.app->add_option("--date", o->date, "Dossier date, YYYY-MM-DD (default: today)");
  s.app->add_option("--order", o->order, "Article order")->check(CLI::IsMember({"time", "outlet", "relevance"}));
  s.app->add_flag("--collapse-duplicates", o->collapse, "Print one copy of a republished text, list the others");
  s.app->add_flag("--timeline", o->timeline, "Add the timeline section");
  s.app->add_flag("--quotes", o->quotes, "Add the quotations-by-speaker digest");
  s.app->add_option("--limit", o->limit, "With --query: how many hits (default 50)")->check(CLI::Range(1, 2000));
  s.app->add_option("--format", o->format, "text, html, md, json or pdf")
      ->check(CLI::IsMember({"text", "html", "md", "json", "pdf"}));
  s.app->add_option("-o,--output", o->output, "Output file (default stdout)");
  s.run = [o, &global] { return Run(*o, global); };
  return s;
}

}  // namespace malaf::cli
