// malaf timeline [--entity NAME] [--json]: one entry per story, in date
// order: date, place, headline, participants and the key quotations of each
// speaker; --entity keeps the stories that involve that person, place or
// organisation (any spelling).
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

Subcommand RegisterTimeline(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    std::string entity;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("timeline", "Stories in date order with place, participants and key quotations");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("--entity", opts->entity, "Only stories involving this person, place or organisation");
  s.run = [opts, &global] {
    StoreOptions so;
    so.create_if_missing = false;
    auto store = Store::Open(global.archive, so);
    if (!store.ok()) return ReportError("timeline", store.status(), opts->json);
    // Ingest keeps analysis current; this catches up an archive filled
    // before (a no-op when nothing is new).
    if (auto up = entities::UpdateAnalysis(**store); !up.ok())
      return ReportError("timeline", up.status().WithContext("entities"), opts->json);
    entities::TimelineOptions to;
    to.entity = opts->entity;
    auto entries = entities::BuildTimeline(**store, to);
    if (!entries.ok()) return ReportError("timeline", entries.status(), opts->json);
    if (opts->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& e : *entries) {
        arr.push_back(TimelineEntryToJson(e));
      }
      PrintJson({{"entries", arr}});
      return kExitOk;
    }
    if (entries->empty()) {
      fmt::print("no stories{}\n", opts->entity.empty() ? "" : " involving " + opts->entity);
      return kExitOk;
    }
    for (const auto& e : *entries) {
      fmt::print("{}  {}  {}\n", e.date.empty() ? "----------" : e.date.substr(0, 10), e.place.empty() ? "-" : e.place,
                 e.title);
      if (!e.participants.empty()) {
        std::string p;
        for (const auto& x : e.participants) p += (p.empty() ? "" : "، ") + x;
        fmt::print("    {}\n", p);
      }
      for (const auto& q : e.quotes) fmt::print("    {}: «{}»\n", q.quote.speaker, q.quote.quote);
      fmt::print("\n");
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
