// The search index: a Xapian database under ARCHIVE/index/, derived from the
// store and rebuildable at any time.
//
// Every article becomes one Xapian document fed with malaf's own analysis
// (text::Analyze), never Xapian's stemmers:
//   (no prefix) search key of each title and body word, with positions, so
//               phrases and exact matches work; title words get extra wdf
//   S<key>      search key of each title word (the title field)
//   O<key>      outlet (boolean), A<key> agency (boolean), C<key> dateline
//               city (boolean), M<YYYY-MM> month of publication (boolean)
//   Q<id>       the article id (unique term, used to replace on re-index)
// The lexicon (Xapian's synonym table) lists every word form (search key)
// under Z<stem> (text::LightStem) and N<name key> (text::NameKey), so that
// a query word expands to the forms sharing its stem (الغازات/الغاز) or its
// name key (سيرغي/سيرجي).
// Value slots: kSlotDate ("YYYY-MM-DD..." sortable), kSlotOutlet,
// kSlotMonth, kSlotAgencies (agencies joined by '\n') for facet counting.
// Document data: id, title, outlet, published (and the display body when
// IndexWriterOptions::store_body), see EncodeStoredFields.
//
// The metadata records the format and the normalizer, stemmer and name-key
// versions; an index whose versions differ, that is missing, or that Xapian
// cannot open is reported by CheckIndex and must be rebuilt, never trusted.
//
// Threads: an IndexWriter is used by one thread at a time; Xapian allows one
// writer per database (a second writer fails with IOError "locked").
// Errors: every function returns Status/Result; Xapian exceptions never leave
// this module.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/article.h"

namespace malaf::search {

// Bump when the terms, prefixes, slots or document data change.
inline constexpr int kIndexFormatVersion = 3;

// DO NOT CHANGE THESE SLOT NUMBERS: they are stored in the index.
inline constexpr unsigned kSlotDate = 0;
inline constexpr unsigned kSlotOutlet = 1;
inline constexpr unsigned kSlotMonth = 2;
inline constexpr unsigned kSlotAgencies = 3;

// The directory of the index inside an archive directory.
std::string IndexDir(const std::string& archive_dir);

enum class IndexState {
  kOk,               // opens, versions match
  kMissing,          // no index directory or no database in it
  kVersionMismatch,  // built by other analysis rules or another format
  kDamaged,          // Xapian cannot open or read it
};
std::string_view IndexStateName(IndexState s);

struct IndexCheck {
  IndexState state = IndexState::kMissing;
  std::string detail;     // why, for a person ("normalizer v1, expected v2")
  uint64_t last_seq = 0;  // highest store seq indexed (when kOk)
  uint64_t documents = 0;
};

// Never fails: a problem is reported in the state.
IndexCheck CheckIndex(const std::string& index_dir);

struct IndexWriterOptions {
  // Articles between two writes of the lexicon gathered from them (sorted
  // by key). Xapian flushes its postings on its own every 10,000 articles
  // (XAPIAN_FLUSH_THRESHOLD); memory grows with both.
  uint32_t batch_size = 10000;
  // B-tree block size of a new index (a power of two, 2048..65536; others
  // mean Xapian's default, 8192).
  uint32_t block_size = 8192;
  // Extra within-document frequency given to every title word: the title
  // is the best summary of what an article is about.
  uint32_t title_wdf_boost = 4;
  // Keep the display body in the document data. Off for archives: the
  // store holds the body and the searcher reads it from there for snippets
  // (SearchOptions::body_of); keeping a second, compressed copy costs a
  // quarter of the indexing time and most of the index size.
  bool store_body = false;
};

class IndexWriter {
 public:
  // Creates an empty index at `index_dir`, replacing whatever is there.
  static Result<std::unique_ptr<IndexWriter>> Create(const std::string& index_dir,
                                                     const IndexWriterOptions& options = {});
  // Opens an existing index for incremental updates. Fails (Corruption)
  // unless CheckIndex says kOk.
  static Result<std::unique_ptr<IndexWriter>> OpenExisting(const std::string& index_dir,
                                                           const IndexWriterOptions& options = {});
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds or replaces the article (by id; an empty id is InvalidArgument).
  // `seq` is its store sequence number; the highest seen is recorded.
  Status Add(const Article& a, uint64_t seq);
  // Removes an article by id (no error when absent).
  Status Remove(std::string_view id);
  // Makes everything added so far durable and visible to readers, with the
  // last indexed seq in the metadata.
  Status Commit();

  uint64_t last_seq() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct IndexBuilderOptions {
  IndexWriterOptions writer;
  // Writers working in parallel, each on a shard of its own; the shards are
  // merged into one index at the end (Xapian's compaction, which also packs
  // the B-tree blocks full: a smaller index than one written in place).
  uint32_t threads = 2;
  // Each writer starts a new part (a database of its own) after this many
  // articles, 0 = never: Xapian's cost per article grows with the database
  // it flushes into (a third more per article at 100k than at 50k), while
  // merging the parts at the end is one sequential pass.
  uint64_t part_articles = 50000;
};

// Builds a new index from scratch, faster than one IndexWriter: articles
// are analysed and written by `threads` writers, each to shards of its own
// (routed by article id), and Finish merges the shards into `index_dir`.
// Article ids must be distinct, as the store's are: an id given twice
// replaces the first copy only while both land in the same part.
// Threads: Add and Finish are called by one thread; the writers are the
// builder's own. Memory: each writer buffers up to XAPIAN_FLUSH_THRESHOLD
// articles (default 10,000). Nothing is at `index_dir` until Finish
// succeeds, so an interrupted build leaves no index (CheckIndex: missing),
// never a partial one that looks whole. Shards live in `index_dir`.shards
// while building and are removed by Finish and by the destructor.
class IndexBuilder {
 public:
  // Removes whatever index is at `index_dir`.
  static Result<std::unique_ptr<IndexBuilder>> Create(const std::string& index_dir,
                                                      const IndexBuilderOptions& options = {});
  ~IndexBuilder();
  IndexBuilder(const IndexBuilder&) = delete;
  IndexBuilder& operator=(const IndexBuilder&) = delete;

  // Queues the article (an empty id is InvalidArgument). A writer's failure
  // is returned by the next Add or by Finish.
  Status Add(Article a, uint64_t seq);
  // Waits for the writers, merges the shards into the index and records the
  // highest seq added. The builder cannot be used afterwards.
  Status Finish();

 private:
  struct Impl;
  explicit IndexBuilder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The fields kept in document data, for results and snippets.
struct StoredFields {
  std::string id, title, outlet, published, body;
};
std::string EncodeStoredFields(const StoredFields& f);
// Fails (Corruption) on truncated or malformed data.
Result<StoredFields> DecodeStoredFields(std::string_view data);

// "YYYY-MM" of an ISO date, or "" when it has no month.
std::string MonthOf(std::string_view iso_date);

}  // namespace malaf::search
