// malaf token create [--label L] [--json]: a write token for the HTTP API.
#include <cstdio>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "server/tokens.h"
#include "store/store.h"

namespace malaf::cli {

Subcommand RegisterToken(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    std::string label = "cli";
    bool json = false;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("token", "Manage write tokens of the HTTP API");
  s.app->require_subcommand(1);
  CLI::App* create = s.app->add_subcommand("create", "Create a token (shown once)");
  create->add_option("--label", opts->label, "What the token is for");
  create->add_flag("--json", opts->json, "Machine-readable output");
  s.run = [opts, &global] {
    StoreOptions so;
    so.create_if_missing = false;
    auto store = Store::Open(global.archive, so);
    if (!store.ok()) return ReportError("token", store.status(), opts->json);
    auto token = server::CreateToken(**store, opts->label);
    if (!token.ok()) return ReportError("token", token.status(), opts->json);
    if (opts->json) {
      PrintJson({{"token", *token}, {"label", opts->label}});
    } else {
      std::printf("%s\n", token->c_str());
      std::fprintf(stderr, "Send it as: Authorization: Bearer <token>. It is shown only this once.\n");
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
