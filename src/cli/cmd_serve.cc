// PLACEHOLDER until the serve subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterServe(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("serve", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf serve: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
