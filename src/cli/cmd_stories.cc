// PLACEHOLDER until the stories subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterStories(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("stories", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf stories: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

Subcommand RegisterStory(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("story", "One story with its articles (not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf story: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}
}  // namespace malaf::cli
