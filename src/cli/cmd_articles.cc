// malaf articles [--json] [--limit N] [--offset N] [--order date|ingest]:
// the archive's articles, newest first, a page at a time.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/cli_output.h"
#include "cli/command.h"
#include "cli/json_stream.h"
#include "extract/article_json.h"
#include "store/store.h"
#include "store/store_json.h"

namespace malaf::cli {

Subcommand RegisterArticles(CLI::App& root, const GlobalOptions& global) {
  struct Opts {
    bool json = false;
    int64_t limit = 50;
    int64_t offset = 0;
    std::string order = "date";
  };
  auto opts = std::make_shared<Opts>();
  Subcommand s;
  s.app = root.add_subcommand("articles", "List the archive's articles, newest first");
  s.app->add_flag("--json", opts->json, "Machine-readable output");
  s.app->add_option("--limit", opts->limit, "Articles to list (default 50; 0 = all)")
      ->check(CLI::Range(int64_t(0), int64_t(1) << 40));
  s.app->add_option("--offset", opts->offset, "Articles to skip (default 0)")
      ->check(CLI::Range(int64_t(0), int64_t(1) << 40));
  s.app->add_option("--order", opts->order, "date (newest first, default) or ingest (oldest stored first)")
      ->check(CLI::IsMember({"date", "ingest"}));
  s.run = [opts, &global] {
    StoreOptions so;
    so.create_if_missing = false;
    auto store = Store::Open(global.archive, so);
    if (!store.ok()) return ReportError("articles", store.status(), opts->json);
    auto total = (*store)->Count();
    if (!total.ok()) return ReportError("articles", total.status(), opts->json);
    ListOptions lo;
    lo.limit = opts->limit;
    lo.offset = opts->offset;
    lo.order = opts->order == "ingest" ? ListOrder::kSeqAsc : ListOrder::kPublishedDesc;
    if (opts->json) {
      // Streamed one article at a time, so `--limit 0` on a large archive
      // never holds the whole listing in memory.
      JsonListWriter out("articles");
      Status st = (*store)->ListEach(lo, [&](const StoredArticle& a) {
        out.Add(StoredArticleToJson(a));
        return true;
      });
      nlohmann::json errors = nlohmann::json::array();
      if (!st.ok()) errors.push_back(InputErrorToJson(Store::DbPath(global.archive), st));
      out.Finish({{"errors", errors}, {"total", *total}});
      if (!st.ok()) std::fprintf(stderr, "malaf articles: %s\n", st.message().c_str());
      return st.ok() ? kExitOk : kExitFailure;
    }
    auto list = (*store)->List(lo);
    if (!list.ok()) return ReportError("articles", list.status(), opts->json);
    if (list->empty()) {
      fmt::print("{} articles in {}; none in this range\n", *total, global.archive);
      return kExitOk;
    }
    fmt::print("{} articles in {} ({}-{}, {})\n", *total, global.archive, opts->offset + 1,
               opts->offset + int64_t(list->size()), lo.order == ListOrder::kSeqAsc ? "in ingest order" : "newest first");
    for (const auto& sa : *list) {
      const Article& a = sa.article;
      fmt::print("{}  {:<10}  {}  |  {}\n", a.id, a.published.empty() ? "-" : a.published.substr(0, 10),
                 a.outlet.empty() ? "-" : a.outlet, a.title.empty() ? "(untitled)" : a.title);
    }
    return kExitOk;
  };
  return s;
}

}  // namespace malaf::cli
