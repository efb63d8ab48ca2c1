#include "archive/derived.h"

#include "search/sync.h"

namespace malaf {

Status UpdateDerivedData(Store& store, DerivedStats* stats) {
  DerivedStats local;
  DerivedStats& s = stats ? *stats : local;
  auto synced = search::SyncIndex(store);
  if (!synced.ok()) return synced.status().WithContext("search index");
  s.indexed = synced->indexed;
  s.index_rebuilt = synced->rebuilt;
  return Status::OK();
}

}  // namespace malaf
