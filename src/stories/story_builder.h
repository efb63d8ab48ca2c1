// Batch building of duplicate groups and stories from compact per-article
// records, and the story summary shown to users. Used by the archive layer
// (story_archive.h) for a full rebuild and by tests and benchmarks directly.
//
// Order independence: records may come in any order; stories are built by
// feeding canonical copies to a StoryClusterer in canonical order
// (published, then id; unknown dates last), so the same set of articles
// always gives the same stories with the same ids.
//
// Threads: MakeRecord is thread-safe; BuildStories uses `threads` workers
// for the LSH bands and is otherwise single-threaded. Results own their data.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/article.h"
#include "stories/clusterer.h"
#include "stories/duplicates.h"
#include "stories/minhash.h"
#include "stories/story_features.h"

namespace malaf::stories {

struct StoryOptions {
  MinHashOptions minhash;
  FeatureOptions features;
  ClusterOptions cluster;
  size_t max_participants = 6;
};

// What the batch keeps of one article (the text itself is not kept).
struct ArticleRecord {
  std::string id;
  std::string published;
  std::string title;
  std::string outlet;
  std::string place;                   // dateline city as written
  size_t length = 0;                   // body bytes
  Signature signature;
  StoryFeatures features;
  std::vector<NameSurface> participants;
};

ArticleRecord MakeRecord(const Article& a, const StoryOptions& options);

// (published, id) order with unknown dates last: the order stories are built in.
bool FeedBefore(const ArticleRecord& a, const ArticleRecord& b);

// One member of a story as the summary needs it.
struct StoryMember {
  std::string id;
  std::string published;
  std::string title;
  std::string outlet;
  std::string place;
  std::string canonical;     // canonical copy's id when this is a copy, else ""
  float similarity = 1;      // to the canonical copy (copies only)
  SparseVector vector;       // unit TF-IDF vector (canonical copies only)
  std::vector<uint64_t> participants;
};

struct StorySummary {
  std::string id;
  std::string title;           // the most central article's title
  std::string representative;  // its id
  std::string date;            // earliest publication
  std::string place;           // most frequent dateline city ("" if none)
  std::vector<std::string> participants;
  std::vector<std::string> outlets;   // by number of articles, then name
  std::vector<std::string> articles;  // every article, copies included, by (published, id)
  std::vector<std::vector<std::string>> duplicates;  // groups in this story, canonical first
};

// The headline, place, outlets and participants of a story are taken from
// its first kSummaryMembers articles in (published, id) order (all of them
// for any story short of that): a story that grows without bound (a
// running wire topic, or chained copies in generated text) is then
// summarised, and updated incrementally, at a bounded cost, and the batch
// and incremental results agree for articles that come later.
inline constexpr size_t kSummaryMembers = 1000;

// REQUIRES: members non-empty; `names` maps participant keys to surfaces.
// `articles` and `duplicates` list every member given.
StorySummary Summarize(const StoryState& story, const std::vector<StoryMember>& members,
                       const std::unordered_map<uint64_t, std::string>& names, size_t max_participants);

struct BuildResult {
  std::vector<DuplicateGroup> groups;   // indices into the records
  std::vector<uint32_t> story_of;       // per record: index into stories
  std::vector<float> score;             // per record: similarity when it joined (copies: to canonical)
  std::vector<SparseVector> vectors;    // per record: unit TF-IDF vector (empty for copies)
  std::vector<int64_t> canonical_of;    // per record: canonical record when a copy, else -1
  StoryClusterer clusterer;             // final state (stories, document frequencies)
};

BuildResult BuildStories(const std::vector<ArticleRecord>& records, const StoryOptions& options, int threads);
// The same result, freeing each record's features (terms, names, extra
// channels) once the clusterer has consumed them: a rebuild of a million
// articles holds them only until clustering (about 0.8 KB per article).
BuildResult BuildStoriesReleasingFeatures(std::vector<ArticleRecord>* records, const StoryOptions& options,
                                          int threads);

// Summaries of every story of `result`, ordered by (date, id).
std::vector<StorySummary> SummarizeAll(const std::vector<ArticleRecord>& records, const BuildResult& result,
                                       size_t max_participants);
// The same summaries one at a time, in story order (index into
// result.clusterer.stories()), holding one story's members at a time.
void ForEachSummary(const std::vector<ArticleRecord>& records, const BuildResult& result, size_t max_participants,
                    const std::function<void(size_t story, StorySummary&& summary)>& fn);

}  // namespace malaf::stories
