// PLACEHOLDER until the articles subcommand is written: fails honestly.
#include <cstdio>

#include "cli/command.h"

namespace malaf::cli {

Subcommand RegisterArticles(CLI::App& root, const GlobalOptions& global) {
  Subcommand s;
  s.app = root.add_subcommand("articles", "(not written yet)");
  s.app->allow_extras();
  s.run = [] {
    std::fprintf(stderr, "malaf articles: not implemented yet\n");
    return kExitFailure;
  };
  return s;
}

}  // namespace malaf::cli
