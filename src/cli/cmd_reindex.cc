// PLACEHOLDER until the reindex subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterReindex(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("reindex", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf reindex: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
