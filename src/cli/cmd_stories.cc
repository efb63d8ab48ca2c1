// malaf stories [--json] [--rebuild]: every story of the archive, brought up
// to date with the store first. malaf story [--json] ID: one story, with its
// articles' titles and outlets in text mode.
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "store/store.h"
#include "archive/derived_json.h"
#include "stories/story_archive.h"

namespace malaf::cli {
namespace {

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& x : v) {
    if (!out.empty()) out += sep;
    out += x;
  }
  return out;
}

Result<std::unique_ptr<Store>> OpenUpdated(const GlobalOptions& global, bool rebuild) {
  StoreOptions so;
  so.create_if_missing = false;
  auto store = Store::Open(global.archive, so);
  if (!store.ok()) return store.status();
  stories::UpdateOptions uo;
  uo.rebuild = rebuild;
  auto updated = stories::UpdateStories(**store, uo);
  if (!updated.ok()) return updated.status();
  return std::move(*store);
}

}  // namespace

Subcommand RegisterStories(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    bool rebuild = false;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("stories", "Stories: articles about one event across outlets and days");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_flag("--rebuild", opts->rebuild, "Recompute duplicates and stories from the whole archive");
  s.run = [opts, &global] {
    auto store = OpenUpdated(global, opts->rebuild);
    if (!store.ok()) return ReportError("stories", store.status(), opts->json);
    auto list = stories::ListStories(**store);
    if (!list.ok()) return ReportError("stories", list.status(), opts->json);
    if (opts->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& st : *list) arr.push_back(StoryToJson(st));
      PrintJson({{"stories", arr}});
      return kExitOk;
    }
    for (const auto& st : *list) {
      size_t copies = 0;
      for (const auto& g : st.duplicates) copies += g.size() - 1;
      fmt::print("{}  {}  {}\n", st.id, st.date.empty() ? "(undated)" : st.date, st.title);
      std::string line = fmt::format("    {} articles", st.articles.size());
      if (copies) line += fmt::format(" ({} copies)", copies);
      if (!st.outlets.empty()) line += " | " + Join(st.outlets, "، ");
      if (!st.place.empty()) line += " | " + st.place;
      if (!st.participants.empty()) line += " | " + Join(st.participants, "، ");
      fmt::print("{}\n", line);
    }
    return kExitOk;
  };
  return s;
}

Subcommand RegisterStory(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    std::string id;
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("story", "One story with its articles and copies");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("id", opts->id, "Story id, or a unique prefix of it (at least 4 hex digits)")->required();
  s.run = [opts, &global] {
    auto store = OpenUpdated(global, false);
    if (!store.ok()) return ReportError("story", store.status(), opts->json);
    auto st = stories::GetStory(**store, opts->id);
    if (!st.ok()) return ReportError("story", st.status(), opts->json);
    if (opts->json) {
      PrintJson(StoryToJson(*st));
      return kExitOk;
    }
    fmt::print("{}\n", st->title);
    std::vector<std::string> line{st->date.empty() ? "(undated)" : st->date};
    if (!st->place.empty()) line.push_back(st->place);
    fmt::print("{}\nid: {}\n", Join(line, " | "), st->id);
    if (!st->participants.empty()) fmt::print("participants: {}\n", Join(st->participants, "، "));
    if (!st->outlets.empty()) fmt::print("outlets: {}\n", Join(st->outlets, "، "));
    std::map<std::string, std::string> canonical_of;
    for (const auto& g : st->duplicates)
      for (size_t i = 1; i < g.size(); ++i) canonical_of[g[i]] = g[0];
    fmt::print("articles:\n");
    for (const auto& id : st->articles) {
      auto a = (*store)->Get(id);
      std::string what = a.ok() ? a->article.published + " | " + a->article.outlet + " | " + a->article.title
                                : std::string("(missing)");
      auto c = canonical_of.find(id);
      if (c == canonical_of.end()) fmt::print("  {}  {}\n", id, what);
      else fmt::print("    {}  {}  (copy of {})\n", id, what, c->second);
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
