// Store throughput on real articles: Put (new), Put again (idempotent),
// ForEach (full scan), Get by id, and the first page of List.
// Usage: store_bench ARCHIVE_DIR EXTRACT_JSON...
//   each EXTRACT_JSON is the output of `malaf extract --json` for one input;
//   its articles are put in one call, as `malaf ingest` does per file.
// Prints one tab-separated line per measure: name, count, seconds.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/article_json.h"
#include "store/store.h"

namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_bench ARCHIVE_DIR EXTRACT_JSON...\n");
    return 2;
  }
  struct Input {
    std::string raw_hash;
    std::vector<malaf::Article> articles;
  };
  std::vector<Input> inputs;
  size_t total = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (!j.is_object() || !j.contains("articles")) {
      std::fprintf(stderr, "%s: not malaf extract --json output\n", argv[i]);
      return 1;
    }
    Input x;
    x.raw_hash = malaf::RawHash(ss.str());
    for (const auto& a : j["articles"]) {
      auto art = malaf::ArticleFromJson(a);
      if (art.ok()) x.articles.push_back(std::move(*art));
    }
    total += x.articles.size();
    inputs.push_back(std::move(x));
  }
  auto store = malaf::Store::Open(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  auto put_all = [&](const char* name) {
    double t0 = Now();
    for (const auto& x : inputs) {
      malaf::PutOptions po;
      po.raw_hash = x.raw_hash;
      auto r = (*store)->Put(x.articles, po);
      if (!r.ok()) {
        std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
        std::exit(1);
      }
    }
    std::printf("%s\t%zu\t%.4f\n", name, total, Now() - t0);
  };
  put_all("put");
  put_all("reput");

  std::vector<std::string> ids;
  double t0 = Now();
  size_t scanned = 0;
  auto st = (*store)->ForEach(0, [&](const malaf::StoredArticle& a) {
    if (scanned++ % 8 == 0) ids.push_back(a.article.id);
    return true;
  });
  if (!st.ok()) return 1;
  std::printf("foreach\t%zu\t%.4f\n", scanned, Now() - t0);

  t0 = Now();
  for (const auto& id : ids)
    if (!(*store)->Get(id).ok()) return 1;
  std::printf("get\t%zu\t%.4f\n", ids.size(), Now() - t0);

  t0 = Now();
  const int kPages = 100;
  for (int i = 0; i < kPages; ++i)
    if (!(*store)->List({}).ok()) return 1;
  std::printf("list50\t%d\t%.4f\n", kPages, Now() - t0);
  return 0;
}
