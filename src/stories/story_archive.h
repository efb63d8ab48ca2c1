// Duplicates and stories of an archive, kept in the archive's SQLite file in
// the tables of component "stories" (stories_meta, stories_article,
// stories_story, stories_df, stories_name; schema in story_archive.cc).
//
// UpdateStories() brings them up to date with the store: articles stored
// since the last update (Store::ForEach from the saved cursor) are signed,
// matched against every stored signature for copies, and fed to the story
// clusterer restored with the stories still active around their dates.
// Stories that did not change keep their rows and ids. A full rebuild
// happens when the tables are empty, when the signature scheme or the
// clustering version stored differs from this build's, when `rebuild` is
// set, or when the new articles outnumber those already processed (batch is
// then cheaper than incremental and gives the canonical result).
//
// Cost of an incremental update: one pass over the stored signatures (on
// two connections when threads >= 2), index seeks for the rest. A copy
// group that keeps its canonical is not rewritten when copies join it; a
// touched story's summary is recomputed from its first kSummaryMembers
// articles (story_builder.h), read in order from an index. So the cost does
// not grow with the size of the groups and stories the new articles join
// (only a merge or a new canonical rewrites the rows of the groups that
// change).
//
// Incremental = batch when the new articles sort after every processed one
// in (published, id) order. Otherwise the bounded differences are: a new
// article older than its story's articles joins or opens a story as if it
// came last; a new copy that becomes the canonical of an existing group
// keeps that group's story; a new article that bridges two copy groups puts
// the second group's articles into the first group's story.
//
// Threads: functions take the Store of the calling thread (a Store is one
// connection) and use `threads` workers internally for signatures and
// features. Errors: Status/Result; store errors are passed on with context.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"
#include "stories/story_builder.h"

namespace malaf::stories {

struct UpdateStats {
  bool rebuilt = false;
  size_t articles = 0;        // articles processed by this update
  size_t copies = 0;          // of which copies of another article
  size_t stories_changed = 0; // stories written
  size_t stories_total = 0;
  // Per phase, in order (for benchmarks): name ("read", "copies",
  // "cluster", "write_articles", ...), wall seconds, and the process's peak
  // resident memory so far in MB (Linux VmHWM; 0 elsewhere).
  struct Phase {
    std::string name;
    double seconds = 0;
    double peak_mb = 0;
  };
  std::vector<Phase> phases;
};

struct UpdateOptions {
  StoryOptions story;
  int threads = 2;
  bool rebuild = false;
};

Result<UpdateStats> UpdateStories(Store& store, const UpdateOptions& options = {});

// Copy groups, canonical first; groups ordered by canonical (CanonicalBefore).
struct CopyGroup {
  std::vector<std::string> ids;
  std::vector<float> similarity;  // estimated Jaccard with the canonical (1 for it)
};
Result<std::vector<CopyGroup>> ListCopyGroups(Store& store);

// Every story, by (date, id).
Result<std::vector<StorySummary>> ListStories(Store& store);

// One story by id or unique id prefix (at least 4 hex digits); NotFound /
// InvalidArgument (ambiguous prefix).
Result<StorySummary> GetStory(Store& store, std::string_view id_or_prefix);

// The story of an article ("" when the article has not been clustered yet).
Result<std::string> StoryOfArticle(Store& store, std::string_view article_id);

}  // namespace malaf::stories
