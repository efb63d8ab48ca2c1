// PLACEHOLDER until the search subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterSearch(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("search", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf search: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
