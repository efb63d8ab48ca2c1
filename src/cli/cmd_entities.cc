// PLACEHOLDER until the entities subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterEntities(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("entities", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf entities: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
