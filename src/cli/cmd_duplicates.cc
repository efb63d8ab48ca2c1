// malaf duplicates [--json] [--rebuild]: groups of copies of one text in the
// archive (canonical copy first), brought up to date with the store first.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "archive/derived_json.h"

#include "cli/cli_output.h"
#include "cli/command.h"
#include "store/store.h"
#include "stories/story_archive.h"

namespace malaf::cli {

Subcommand RegisterDuplicates(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    bool rebuild = false;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("duplicates", "Groups of republished copies of one text, canonical copy first");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_flag("--rebuild", opts->rebuild, "Recompute duplicates and stories from the whole archive");
  s.run = [opts, &global] {
    StoreOptions so;
    so.create_if_missing = false;
    auto store = Store::Open(global.archive, so);
    if (!store.ok()) return ReportError("duplicates", store.status(), opts->json);
    stories::UpdateOptions uo;
    uo.rebuild = opts->rebuild;
    auto updated = stories::UpdateStories(**store, uo);
    if (!updated.ok()) return ReportError("duplicates", updated.status(), opts->json);
    auto groups = stories::ListCopyGroups(**store);
    if (!groups.ok()) return ReportError("duplicates", groups.status(), opts->json);
    if (opts->json) {
      PrintJson(CopyGroupsToJson(*groups));
      return kExitOk;
    }
    if (groups->empty()) fmt::print("no duplicates\n");
    for (const auto& g : *groups) {
      for (size_t i = 0; i < g.ids.size(); ++i) {
        auto a = (*store)->Get(g.ids[i]);
        std::string what = a.ok() ? a->article.outlet + " | " + a->article.published + " | " + a->article.title
                                  : std::string("(missing)");
        if (i == 0) fmt::print("{}  {}\n", g.ids[i], what);
        else fmt::print("  {} {:.2f}  {}\n", g.ids[i], g.similarity[i], what);
      }
      fmt::print("\n");
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
