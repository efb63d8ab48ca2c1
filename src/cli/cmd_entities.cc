// malaf entities [--json] [--type person|place|organization] [--name NAME] [--limit N]:
// the people, places and organisations of the archive, each merged over its
// spellings, with the number of articles that name it and the roles given.
#include <memory>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "archive/derived_json.h"

#include "cli/cli_output.h"
#include "cli/command.h"
#include "entities/entity_archive.h"
#include "store/store.h"

namespace malaf::cli {

Subcommand RegisterEntities(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    std::string type;
    std::string name;
    size_t limit = 0;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("entities", "People, places and organisations of the archive, with every spelling");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("--type", opts->type, "Only this type")->check(CLI::IsMember({"person", "place", "organization"}));
  s.app->add_option("--name", opts->name, "Only entities with this name (any spelling, or a surname)");
  s.app->add_option("--limit", opts->limit, "At most N entities (default: all)");
  s.run = [opts, &global] {
    StoreOptions so;
    so.create_if_missing = false;
    auto store = Store::Open(global.archive, so);
    if (!store.ok()) return ReportError("entities", store.status(), opts->json);
    // Ingest keeps analysis current; this catches up an archive filled
    // before (a no-op when nothing is new).
    if (auto up = entities::UpdateAnalysis(**store); !up.ok())
      return ReportError("entities", up.status().WithContext("entities"), opts->json);
    entities::EntityListOptions lo;
    lo.type = opts->type;
    lo.name = opts->name;
    lo.limit = opts->limit;
    auto list = entities::ListEntities(**store, lo);
    if (!list.ok()) return ReportError("entities", list.status(), opts->json);
    if (opts->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& e : *list) arr.push_back(ArchiveEntityToJson(e));
      PrintJson({{"entities", arr}});
      return kExitOk;
    }
    if (list->empty()) {
      fmt::print("no entities in {}\n", global.archive);
      return kExitOk;
    }
    for (const auto& e : *list) {
      std::string spellings;
      for (const auto& sp : e.surfaces)
        if (sp != e.name) spellings += (spellings.empty() ? "" : "، ") + sp;
      fmt::print("{:<12} {:>5}  {}{}{}\n", e.type, e.articles, e.name, e.roles.empty() ? "" : " — " + e.roles.front(),
                 spellings.empty() ? "" : "  (" + spellings + ")");
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
