// How subcommands plug into the `malaf` command. Each subcommand lives in its
// own cmd_NAME.cc and exposes one Register function listed in main.cc.
//
// Exit codes: 0 success; 1 failure (bad input, missing article, I/O);
// 2 usage error (bad flags or values). Messages go to stderr in one line.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace malaf::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct GlobalOptions {
  std::string archive;  // --archive, else $MALAF_ARCHIVE, else ./malaf-archive
};

// A registered subcommand: its CLI11 app and what to run once parsed.
struct Subcommand {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

using RegisterFn = Subcommand (*)(CLI::App& root, const GlobalOptions& global);

Subcommand RegisterAnalyze(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterExtract(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterIngest(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterArticles(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterShow(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterSearch(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterReindex(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterDuplicates(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterStories(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterStory(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterEntities(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterQuotes(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterTimeline(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterDossier(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterServe(CLI::App& root, const GlobalOptions& global);
Subcommand RegisterToken(CLI::App& root, const GlobalOptions& global);

}  // namespace malaf::cli
