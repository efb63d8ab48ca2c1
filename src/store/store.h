// Store: the archive's store of record. Articles and their provenance live in
// one SQLite file, DIR/malaf.sqlite, inside the archive directory DIR (which
// also holds derived data such as the search index, DIR/index/). Everything
// else in the archive can be rebuilt from this file.
//
// Identity: an article's id is ArticleContentId (extract/article.h). Putting
// an article whose id is already stored adds its new provenance and fills
// fields the stored copy lacks (never overwrites one it has); putting the
// same article from the same input again changes nothing.
// Change tracking: every article carries `seq`, unique and increasing; an
// article gets a new seq whenever it is inserted or changed (new provenance,
// filled fields, analysis). Derived data catches up with ForEach(after_seq).
//
// Threads: a Store is one SQLite connection and is NOT safe for concurrent
// use; open one Store per thread (cheap after the first open). Readers in any
// number of threads or processes run alongside one writer (WAL).
// Ownership: Open returns the owning pointer; db() borrows the connection.
// Errors: every call returns Status/Result and nothing throws. A directory
// that cannot be created -> IOError; a file that is not a malaf database or is
// damaged -> Corruption ("DIR/malaf.sqlite: file is not a database"); an
// absent archive with create_if_missing=false -> NotFound; an archive written
// by a newer malaf -> Unsupported. Each write call is one transaction (a
// savepoint inside a caller's transaction): stored whole or not at all, so a
// failure midway never loses what is already stored.
// The on-disk format is documented in doc/store.md.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/article.h"
#include "store/db.h"

namespace malaf {

struct StoreOptions {
  // Create DIR and an empty archive when absent; else NotFound. Commands that
  // only read (articles, show, search) pass false so a typo in --archive is
  // reported instead of leaving an empty archive behind.
  bool create_if_missing = true;
  // Open without write access (no migration; an archive that needs one fails).
  bool read_only = false;
  int busy_timeout_ms = 10000;
};

// One provenance: where an article was read, from which bytes, and when.
struct StoredSource {
  SourceRef ref;            // path or URL as given, format, index in that input
  std::string raw_hash;     // RawHash of the input's bytes ("" when unknown)
  std::string ingested_at;  // UTC, "2026-11-25T16:20:05Z"
};

struct StoredArticle {
  Article article;                     // id set; sources = every provenance, oldest first
  int64_t seq = 0;                     // change-tracking sequence number
  std::optional<int64_t> published_ts; // `published` as Unix seconds (UTC), when known
  std::vector<StoredSource> sources;   // same order as article.sources, with details
};

struct PutOptions {
  std::string raw_hash;     // hash of the input all these articles came from
  std::string ingested_at;  // "" = now
};

enum class PutOutcome {
  kNew,        // the article was not stored before
  kMerged,     // already stored; this added a provenance or filled empty fields
  kUnchanged,  // already stored with this provenance; nothing changed
};

struct PutResult {
  std::string id;
  PutOutcome outcome = PutOutcome::kUnchanged;
};

enum class ListOrder {
  kPublishedDesc,  // newest first; undated articles last (then newest ingested first)
  kSeqAsc,         // in change order
  kSeqDesc,
};

struct ListOptions {
  int64_t limit = 50;  // <= 0: no limit
  int64_t offset = 0;
  ListOrder order = ListOrder::kPublishedDesc;
};

class Store {
 public:
  // The SQLite file inside archive directory `dir`.
  static std::string DbPath(const std::string& dir);

  // Opens the archive in `dir`, creating the directory and the schema (or
  // migrating an older one) as needed.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, const StoreOptions& options = {});

  // Stores articles (id = a.id when set, else ArticleContentId(a)); each
  // a.sources entry becomes a provenance with options' raw_hash and time.
  // When a.analyzed, entities and quotes are stored too. One result per
  // article, in order. One transaction for the whole call.
  Result<std::vector<PutResult>> Put(const std::vector<Article>& articles, const PutOptions& options = {});

  // Stores entities and quotes for articles already stored (by a.id) and
  // marks them analyzed; NotFound if an id is not stored (nothing written).
  Status PutAnalysis(const std::vector<Article>& analyzed);

  // The article with exactly this id, with every provenance. NotFound if absent.
  Result<StoredArticle> Get(std::string_view id);
  // The body of the article with exactly this id, and nothing else (no
  // JSON columns parsed, no provenance read): for search snippets, which
  // need only the text. NotFound if absent.
  Result<std::string> GetBody(std::string_view id);
  // The full id for an id or a unique prefix of one (at least 4 hex digits).
  // NotFound when nothing matches; InvalidArgument when several do.
  Result<std::string> ResolveId(std::string_view id_or_prefix);

  // Calls `fn` for every article with seq > after_seq, in seq order, one at a
  // time (memory stays bounded whatever the archive size), until `fn`
  // returns false. `fn` must not write to the articles or sources tables.
  Status ForEach(int64_t after_seq, const std::function<bool(const StoredArticle&)>& fn);

  Result<std::vector<StoredArticle>> List(const ListOptions& options = {});
  // The same page, streamed one article at a time to `fn` (until it returns
  // false), for listings too large to hold in memory.
  Status ListEach(const ListOptions& options, const std::function<bool(const StoredArticle&)>& fn);
  Result<int64_t> Count();
  Result<int64_t> LastSeq();  // 0 for an empty archive

  // A small key/value table for cursors of derived data ("search.seq" = "1234").
  Result<std::optional<std::string>> GetMeta(std::string_view key);
  Status SetMeta(std::string_view key, std::string_view value);

  // The connection, for derived tables of other modules (see db.h).
  Db& db() { return *db_; }
  const std::string& dir() const { return dir_; }

 private:
  Store(std::string dir, std::unique_ptr<Db> db) : dir_(std::move(dir)), db_(std::move(db)) {}
  Status ReadSources(StoredArticle* out);
  std::string dir_;
  std::unique_ptr<Db> db_;
  Statement sources_query_;  // prepared on first use; destroyed before db_
  Statement body_query_;     // likewise
};

// Hash of an input's raw bytes, as stored in provenance: 16 hex digits of
// Hash64 chained over 1 MiB blocks (each block hashed with the previous
// block's hash as seed), so files are hashed in bounded memory.
std::string RawHash(std::string_view bytes);
// The same hash, read from a file in blocks. IOError names the file.
Result<std::string> RawHashFile(const std::string& path);

// ISO 8601 date or date-time, to any precision ("2016", "2016-08",
// "2016-08-26", "2016-08-26T23:15", "2016-08-26T23:15:30+03:00", "...Z")
// -> Unix seconds of its start, UTC (a time without offset counts as UTC).
// nullopt when the text is not such a date.
std::optional<int64_t> IsoToUnixSeconds(std::string_view iso);

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNowIso();

}  // namespace malaf
