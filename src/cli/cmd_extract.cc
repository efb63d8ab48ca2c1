// PLACEHOLDER until the extract subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterExtract(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("extract", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf extract: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
