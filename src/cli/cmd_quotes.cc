// PLACEHOLDER until the quotes subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterQuotes(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("quotes", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf quotes: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
