// Keeping an archive's derived data (search index, duplicates and stories,
// entities and quotations) in step with its store of record. Ingest, from
// the CLI or the HTTP API, stores articles first, then calls
// UpdateDerivedData; every step is incremental (it handles what changed
// since its own cursor) and can always be rebuilt from the store.
// Errors: the first failing step's Status, naming the step; steps before it
// stay committed. Not safe to run twice at once on one archive.
#pragma once

#include <string>

#include "base/status.h"
#include "store/store.h"

namespace malaf {

struct DerivedStats {
  uint64_t indexed = 0;          // articles (re)indexed in the search index
  bool index_rebuilt = false;
  uint64_t analyzed = 0;         // articles given entities and quotations
  uint64_t stories_touched = 0;  // stories created or changed
};

Status UpdateDerivedData(Store& store, DerivedStats* stats = nullptr);

}  // namespace malaf
