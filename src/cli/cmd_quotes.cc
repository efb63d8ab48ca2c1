// malaf quotes [--speaker NAME] [--json] [--limit N]: who said what in the
// archive, in date order; --speaker matches any spelling of the name (by
// name key) or a surname alone.
#include <memory>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "entities/entity_archive.h"
#include "archive/derived_json.h"
#include "extract/article_json.h"
#include "store/store.h"

namespace malaf::cli {

Subcommand RegisterQuotes(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    std::string speaker;
    size_t limit = 0;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("quotes", "Quotations in the archive with their speakers");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("--speaker", opts->speaker, "Only quotations of this speaker (any spelling, or a surname)");
  s.app->add_option("--limit", opts->limit, "At most N quotations (default: all)");
  s.run = [opts, &global] {
    StoreOptions so;
    so.create_if_missing = false;
    auto store = Store::Open(global.archive, so);
    if (!store.ok()) return ReportError("quotes", store.status(), opts->json);
    // Ingest keeps analysis current; this catches up an archive filled
    // before (a no-op when nothing is new).
    if (auto up = entities::UpdateAnalysis(**store); !up.ok())
      return ReportError("quotes", up.status().WithContext("entities"), opts->json);
    entities::QuoteListOptions lo;
    lo.speaker = opts->speaker;
    lo.limit = opts->limit;
    auto list = entities::ListQuotes(**store, lo);
    if (!list.ok()) return ReportError("quotes", list.status(), opts->json);
    if (opts->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& q : *list) arr.push_back(ArchiveQuoteToJson(q));
      PrintJson({{"quotes", arr}});
      return kExitOk;
    }
    if (list->empty()) {
      fmt::print("no quotations{}\n", opts->speaker.empty() ? "" : " of " + opts->speaker);
      return kExitOk;
    }
    for (const auto& q : *list) {
      std::string who = q.quote.speaker.empty() ? (q.quote.speaker_surface.empty() ? "?" : q.quote.speaker_surface)
                                                : q.quote.speaker;
      fmt::print("{}  {} ({}): «{}»\n    — {} | {} [{}]\n", q.published.empty() ? "-" : q.published.substr(0, 10), who,
                 q.quote.verb.empty() ? "-" : q.quote.verb, q.quote.quote, q.outlet.empty() ? "-" : q.outlet, q.title,
                 q.quote.article);
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
