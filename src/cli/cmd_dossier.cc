// PLACEHOLDER until the dossier subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterDossier(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("dossier", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf dossier: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
