// malaf show [--json] ID: one archived article with every provenance. ID may
// be a unique prefix of at least 4 hex digits.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/core.h>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "store/store.h"
#include "store/store_json.h"

namespace malaf::cli {
namespace {

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

void PrintArticle(const StoredArticle& sa) {
  const Article& a = sa.article;
  fmt::print("{}\n", a.title.empty() ? "(untitled)" : a.title);
  std::vector<std::string> line;
  if (!a.outlet.empty()) line.push_back(a.outlet);
  if (!a.published.empty()) line.push_back(a.published);
  if (!a.dateline.empty()) line.push_back(a.dateline);
  if (!line.empty()) fmt::print("{}\n", Join(line, " | "));
  fmt::print("id: {}\n", a.id);
  if (!a.published_text.empty()) fmt::print("date as written: {}\n", a.published_text);
  if (!a.agencies.empty()) fmt::print("agencies: {}\n", Join(a.agencies, "، "));
  if (!a.authors.empty()) fmt::print("authors: {}\n", Join(a.authors, "، "));
  if (!a.url.empty()) fmt::print("url: {}\n", a.url);
  fmt::print("sources:\n");
  for (const auto& s : sa.sources)
    fmt::print("  {} ({} #{}, ingested {})\n", s.ref.path, s.ref.format, s.ref.index, s.ingested_at);
  if (a.analyzed) {
    std::vector<std::string> names;
    for (const auto& e : a.entities) names.push_back(e.name + " (" + e.type + ")");
    if (!names.empty()) fmt::print("entities: {}\n", Join(names, "، "));
    for (const auto& q : a.quotes)
      fmt::print("quote: {} {}: «{}»\n", q.speaker.empty() ? q.speaker_surface : q.speaker, q.verb, q.quote);
  }
  fmt::print("\n{}\n", a.body);
}

}  // namespace

Subcommand RegisterShow(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    std::string id;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("show", "Show one archived article with all its sources");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("id", opts->id, "Article id, or a unique prefix of it (at least 4 hex digits)")->required();
  s.run = [opts, &global] {
    StoreOptions so;
    so.create_if_missing = false;
    auto store = Store::Open(global.archive, so);
    if (!store.ok()) return ReportError("show", store.status(), opts->json);
    auto id = (*store)->ResolveId(opts->id);
    if (!id.ok()) return ReportError("show", id.status(), opts->json);
    auto got = (*store)->Get(*id);
    if (!got.ok()) return ReportError("show", got.status(), opts->json);
    if (opts->json) {
      PrintJson(StoredArticleToJson(*got));
    } else {
      PrintArticle(*got);
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
