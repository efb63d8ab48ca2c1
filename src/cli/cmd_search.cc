// malaf search [--json] [--limit N] [--offset N] [--sort relevance|date] QUERY...
// Brings the index up to date with the store first (rebuilding a missing,
// damaged or outdated index), then searches it.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "search/index.h"
#include "search/search_json.h"
#include "search/searcher.h"
#ifdef MALAF_HAVE_STORE
#include "search/sync.h"
#include "store/store.h"
#endif

namespace malaf::cli {
namespace {

// The snippet with each highlight marked: bold on a terminal, [..] otherwise.
std::string Marked(const search::Hit& h, bool tty) {
  std::string out;
  size_t at = 0;
  for (const auto& x : h.highlights) {
    if (x.start < at || x.end > h.snippet.size()) continue;
    out.append(h.snippet, at, x.start - at);
    out += tty ? "\x1b[1m" : "[";
    out.append(h.snippet, x.start, x.end - x.start);
    out += tty ? "\x1b[0m" : "]";
    at = x.end;
  }
  out.append(h.snippet, at, std::string::npos);
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

}  // namespace

Subcommand RegisterSearch(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    size_t limit = 10;
    size_t offset = 0;
    std::string sort = "relevance";
    std::vector<std::string> words;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand(
      "search",
      "Search the archive: words, \"phrases\", OR/AND/NOT, -word, outlet:, agency:, city:, from:, to:");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("--limit", opts->limit, "Hits to show (default 10)")->check(CLI::Range(0, 1000));
  s.app->add_option("--offset", opts->offset, "Hits to skip (default 0)")->check(CLI::Range(0, 1000000));
  s.app->add_option("--sort", opts->sort, "relevance (default) or date (newest first)")
      ->check(CLI::IsMember({"relevance", "date"}));
  // The query words; quote the whole query (or put -- before it) when it
  // holds -exclusions, so they are not taken for options.
  s.app->add_option("query", opts->words, "The query (see above)");
  s.run = [opts, &global] {
    std::string query;
    for (const auto& w : opts->words) {
      if (!query.empty()) query += ' ';
      query += w;
    }
    if (query.empty()) return ReportError("search", Status::InvalidArgument("no query given"), opts->json);
    auto parsed = search::ParseQuery(query);
    if (!parsed.ok()) return ReportError("search", parsed.status(), opts->json);
    const std::string index_dir = search::IndexDir(global.archive);
    search::SearchOptions so;
#ifdef MALAF_HAVE_STORE
    StoreOptions sto;
    sto.create_if_missing = false;
    auto store = Store::Open(global.archive, sto);
    if (!store.ok()) return ReportError("search", store.status(), opts->json);
    Store* st = store->get();
    so.body_of = [st](const std::string& id) {
      auto a = st->Get(id);
      return a.ok() ? a->article.body : std::string();
    };
    {
      auto sync = search::SyncIndex(**store);
      if (!sync.ok()) return ReportError("search", sync.status(), opts->json);
      if (sync->rebuilt)
        std::fprintf(stderr, "malaf search: rebuilt the index (%s): %llu articles\n", sync->reason.c_str(),
                     static_cast<unsigned long long>(sync->documents));
    }
#endif
    auto searcher = search::Searcher::Open(index_dir);
    if (!searcher.ok()) return ReportError("search", searcher.status(), opts->json);
    so.limit = opts->limit;
    so.offset = opts->offset;
    so.sort = opts->sort == "date" ? search::SortOrder::kDate : search::SortOrder::kRelevance;
    auto r = (*searcher)->Search(*parsed, query, so);
    if (!r.ok()) return ReportError("search", r.status(), opts->json);
    if (opts->json) {
      PrintJson(search::SearchResultsToJson(*r));
      return kExitOk;
    }
    bool tty = isatty(STDOUT_FILENO) == 1;
    fmt::print("{} articles for: {}\n", r->total, query);
    size_t n = opts->offset;
    for (const auto& h : r->hits) {
      fmt::print("\n{}. {}\n   {} | {} | {} | {:.2f}\n", ++n, h.title, h.outlet.empty() ? "-" : h.outlet,
                 h.published.empty() ? "-" : h.published, h.id, h.score);
      if (!h.snippet.empty()) fmt::print("   {}\n", Marked(h, tty));
    }
    auto facet = [](const char* name, const std::map<std::string, uint64_t>& m) {
      if (m.empty()) return;
      fmt::print("{}:", name);
      for (const auto& [k, v] : m) fmt::print("  {} ({})", k, v);
      fmt::print("\n");
    };
    if (!r->hits.empty()) fmt::print("\n");
    facet("outlet", r->facets.outlet);
    facet("month", r->facets.month);
    facet("agency", r->facets.agency);
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
