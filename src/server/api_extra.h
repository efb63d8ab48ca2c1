// Routes over derived data (stories, duplicates, entities, quotations,
// timeline, volume) and saved dossiers. Split from server.cc so each group
// of routes stays small; they share the worker's store through ExtraContext.
#pragma once

#include <httplib.h>

#include <functional>
#include <mutex>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "search/searcher.h"
#include "store/store.h"

namespace malaf::server {

struct ExtraContext {
  std::function<Result<Store*>()> store;  // this worker thread's store
  std::function<Result<search::Searcher*>()> searcher;  // this worker thread's index reader
  std::function<bool(const httplib::Request&, httplib::Response&)> authorized;  // sends 401 when not
  std::function<void(const nlohmann::json& spec, httplib::Response&)> render_dossier;
  std::mutex* write_mu;
};

void RegisterExtraRoutes(httplib::Server& http, ExtraContext ctx);

// Near-duplicate groups (canonical first) restricted to `articles`.
std::vector<std::vector<std::string>> DuplicateGroupsFor(Store& store, const std::vector<Article>& articles);

}  // namespace malaf::server
