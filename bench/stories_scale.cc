// Loads generated articles (bench/corpus_gen JSONL) straight into an archive
// through Store::Put, so that `malaf stories` / `malaf duplicates` can be
// timed on archives of 100k and 1M articles without timing extraction and
// the other derived data. The archive holds the store's article rows only
// (title, outlet, date, body, url, source): no search index, no entities.
//   stories_scale JSONL ARCHIVE_DIR FROM COUNT
// stores documents [FROM, FROM + COUNT) of JSONL (0-based, in file order).
//   stories_scale --update ARCHIVE_DIR [--rebuild]
// brings duplicates and stories up to date (stories::UpdateStories, two
// threads) and prints what it did with the wall time of each phase.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "search_corpus.h"
#include "store/store.h"
#include "stories/story_archive.h"

namespace {

int Update(const std::string& dir, bool rebuild) {
  malaf::StoreOptions so;
  so.create_if_missing = false;
  auto store = malaf::Store::Open(dir, so);
  if (!store.ok()) {
    std::fprintf(stderr, "stories_scale: %s\n", store.status().ToString().c_str());
    return 1;
  }
  // Schema migrations (an archive of an older version) are timed apart.
  double tm = malaf::bench::NowSeconds();
  auto probe = malaf::stories::StoryOfArticle(**store, "");
  if (!probe.ok()) {
    std::fprintf(stderr, "stories_scale: %s\n", probe.status().ToString().c_str());
    return 1;
  }
  std::printf("schema: %.2f s\n", malaf::bench::NowSeconds() - tm);
  malaf::stories::UpdateOptions uo;
  uo.rebuild = rebuild;
  double t0 = malaf::bench::NowSeconds();
  auto r = malaf::stories::UpdateStories(**store, uo);
  double t = malaf::bench::NowSeconds() - t0;
  if (!r.ok()) {
    std::fprintf(stderr, "stories_scale: %s\n", r.status().ToString().c_str());
    return 1;
  }
  std::printf("update: %s, %zu articles (%zu copies), %zu stories written, %zu stories, %.2f s\n",
              r->rebuilt ? "rebuild" : "incremental", r->articles, r->copies, r->stories_changed,
              r->stories_total, t);
  for (const auto& p : r->phases)
    std::printf("  %-16s %8.3f s  peak %6.0f MB\n", p.name.c_str(), p.seconds, p.peak_mb);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "--update")
    return Update(argv[2], argc >= 4 && std::string(argv[3]) == "--rebuild");
  if (argc != 5) {
    std::fprintf(stderr, "usage: stories_scale JSONL ARCHIVE_DIR FROM COUNT | --update ARCHIVE_DIR [--rebuild]\n");
    return 2;
  }
  const std::string jsonl = argv[1], dir = argv[2];
  const uint64_t from = std::strtoull(argv[3], nullptr, 10), count = std::strtoull(argv[4], nullptr, 10);
  auto store = malaf::Store::Open(dir);
  if (!store.ok()) {
    std::fprintf(stderr, "stories_scale: %s\n", store.status().ToString().c_str());
    return 1;
  }
  std::vector<malaf::Article> batch;
  uint64_t n = 0, stored = 0;
  bool failed = false;
  double t0 = malaf::bench::NowSeconds();
  auto flush = [&] {
    if (batch.empty() || failed) return;
    malaf::PutOptions po;
    po.ingested_at = "2026-11-25T00:00:00Z";
    auto r = (*store)->Put(batch, po);
    if (!r.ok()) {
      std::fprintf(stderr, "stories_scale: %s\n", r.status().ToString().c_str());
      failed = true;
    }
    stored += batch.size();
    batch.clear();
  };
  malaf::bench::ForEachJsonl(jsonl, [&](malaf::bench::BenchDoc&& d) {
    uint64_t i = n++;
    if (i < from || i >= from + count || failed) return;
    malaf::Article a;
    a.title = std::move(d.title);
    a.outlet = std::move(d.outlet);
    a.published = std::move(d.published);
    a.body = std::move(d.body);
    a.url = d.key;
    a.sources.push_back({jsonl, "jsonl", static_cast<int>(i)});
    batch.push_back(std::move(a));
    if (batch.size() == 5000) flush();
  });
  flush();
  std::fprintf(stderr, "stored %llu articles in %.1f s\n", static_cast<unsigned long long>(stored),
               malaf::bench::NowSeconds() - t0);
  return failed ? 1 : 0;
}
