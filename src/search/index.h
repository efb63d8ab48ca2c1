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
  // Articles buffered by Xapian before it flushes to disk. Larger batches
  // index faster and use more memory (about 1 MB per 100 articles).
  uint32_t batch_size = 20000;
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
