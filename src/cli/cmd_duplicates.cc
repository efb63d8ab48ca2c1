// PLACEHOLDER until the duplicates subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterDuplicates(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("duplicates", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf duplicates: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
