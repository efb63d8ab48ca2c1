// Keeping the search index in step with the store (the index is derived
// data: it can always be rebuilt from the store).
//
// SyncIndex indexes every stored article whose seq is above the last seq the
// index records, and rebuilds from scratch when the index is missing,
// damaged, built by other analysis rules (normalizer, stemmer or name-key
// version), or ahead of the store (the store was replaced).
// Threads: one sync per archive at a time (Xapian's write lock makes a second
// one fail with IOError). Errors: store and index errors as Status, naming
// the archive; an interrupted sync leaves the last committed index intact.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"
#include "search/index.h"
#include "store/store.h"

namespace malaf::search {

struct SyncOptions {
  IndexWriterOptions writer;
  // Incremental updates: commit every this many articles, so an interrupted
  // sync keeps its progress.
  uint64_t commit_every = 50000;
  // Rebuilds: parallel shard writers (IndexBuilder). An interrupted rebuild
  // leaves no index, and the next sync starts it again.
  uint32_t rebuild_threads = 2;
};

struct SyncStats {
  uint64_t indexed = 0;    // articles (re)indexed by this call
  bool rebuilt = false;    // the index was rebuilt from scratch
  std::string reason;      // why it was rebuilt ("" when not)
  uint64_t last_seq = 0;   // store seq the index is now up to date with
  uint64_t documents = 0;  // articles in the index afterwards
};

Result<SyncStats> SyncIndex(Store& store, const SyncOptions& options = {});

// Rebuilds the index from every stored article, whatever its state.
Result<SyncStats> RebuildIndex(Store& store, const SyncOptions& options = {});

}  // namespace malaf::search
