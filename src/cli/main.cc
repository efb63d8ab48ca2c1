// The `malaf` command: global options, then one subcommand.
#include <cstdlib>
#include <cstdio>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"

int main(int argc, char** argv) {
  using namespace malaf::cli;
  CLI::App app{"malaf: Arabic news into searchable, de-duplicated, dated stories and press dossiers"};
  app.set_version_flag("--version", std::string("malaf ") + MALAF_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions global;
  const char* env = std::getenv("MALAF_ARCHIVE");
  global.archive = env && *env ? env : "./malaf-archive";
  app.add_option("--archive", global.archive, "Archive directory (default: $MALAF_ARCHIVE or ./malaf-archive)");

  const RegisterFn registry[] = {
      RegisterAnalyze, RegisterExtract,  RegisterIngest,  RegisterArticles, RegisterShow,
      RegisterSearch,  RegisterReindex,  RegisterDuplicates, RegisterStories, RegisterStory,
      RegisterEntities, RegisterQuotes,  RegisterTimeline, RegisterDossier, RegisterServe,
      RegisterToken,
  };
  std::vector<Subcommand> subs;
  for (RegisterFn reg : registry) subs.push_back(reg(app, global));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "malaf: %s\n", e.what());
    std::fprintf(stderr, "Run 'malaf --help' for usage.\n");
    return kExitUsage;
  }
  for (auto& s : subs)
    if (s.app->parsed()) return s.run();
  return kExitUsage;
}
