// PLACEHOLDER until the ingest subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterIngest(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("ingest", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf ingest: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
