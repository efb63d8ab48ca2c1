// PLACEHOLDER until the timeline subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterTimeline(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("timeline", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf timeline: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
