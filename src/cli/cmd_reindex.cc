// malaf reindex [--json]: rebuilds the search index from the store.
#include <cstdio>
#include <memory>

#include <fmt/core.h>

#include "cli/cli_output.h"
#include "cli/command.h"
#ifdef MALAF_HAVE_STORE
#include "search/sync.h"
#include "store/store.h"
#endif

namespace malaf::cli {

Subcommand RegisterReindex(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("reindex", "Rebuild the search index of the archive from the store");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.run = [opts, &global] {
#ifdef MALAF_HAVE_STORE
    StoreOptions so;
    so.create_if_missing = false;
    auto store = Store::Open(global.archive, so);
    if (!store.ok()) return ReportError("reindex", store.status(), opts->json);
    auto r = search::RebuildIndex(**store);
    if (!r.ok()) return ReportError("reindex", r.status(), opts->json);
    if (opts->json) {
      PrintJson({{"indexed", r->indexed}, {"documents", r->documents}, {"last_seq", r->last_seq}});
    } else {
      fmt::print("indexed {} articles (index now holds {})\n", r->indexed, r->documents);
    }
    return kExitOk;
#else
    return ReportError("reindex", Status::Unsupported("this malaf was built without the store"), opts->json);
#endif
  };
  return s;
}

}  // namespace malaf::cli
