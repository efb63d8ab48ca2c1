#include "archive/derived.h"

#include "entities/entity_archive.h"
#include "search/sync.h"
#include "stories/story_archive.h"

namespace malaf {

Status UpdateDerivedData(Store& store, DerivedStats* stats) {
  DerivedStats local;
  DerivedStats& s = stats ? *stats : local;
  // Entities first: storing an analysis gives the article a new seq, which
  // the steps after it then pick up in the same run.
  auto analyzed = entities::UpdateAnalysis(store);
  if (!analyzed.ok()) return analyzed.status().WithContext("entities");
  s.analyzed = analyzed->analyzed;
  auto synced = search::SyncIndex(store);
  if (!synced.ok()) return synced.status().WithContext("search index");
  s.indexed = synced->indexed;
  s.index_rebuilt = synced->rebuilt;
  auto storied = stories::UpdateStories(store);
  if (!storied.ok()) return storied.status().WithContext("stories");
  s.stories_touched = storied->stories_changed;
  return Status::OK();
}

}  // namespace malaf
