// Incremental story clustering.
//
// Articles are fed one at a time, in canonical order (published, then id; an
// unknown date last): each joins the most similar active story when the
// similarity reaches ClusterOptions::threshold, or opens a new story. Only
// canonical copies are fed (duplicates.h); copies follow their canonical.
//
// Similarity of an article to a story (each part in [0, 1]):
//   text   cosine of the article's TF-IDF vector (light stems; IDF from the
//          articles fed so far, itself included, with a prior) with the story centroid
//          (sum of its articles' unit vectors, pruned to story_terms terms);
//   names  cosine of the article's name keys with the story's name counts;
//   place  1 when the article's dateline city is the story's most frequent
//          one, 0 when both are known and differ (left out when either is
//          unknown);
//   extra  one cosine per FeatureChannel, by channel name.
// score = weighted mean over the parts present. A story is active for an
// article when the article's day is within window_days of the story's days
// (an unknown day matches any story: undated articles look stories up in an
// index of all stories, dated ones in the index of active stories).
//
// Determinism: the result depends only on the sequence fed, so feeding the
// canonical order gives the same stories for any input order. Feeding only
// articles that sort after all those already fed to a clusterer restored with
// Restore() gives the same result as one batch run, with one bounded
// exception documented in DESIGN below (candidate cap).
//
// Threads: a StoryClusterer is NOT thread-safe; use one per thread. It owns
// its state; views it returns are valid until the next non-const call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stories/story_features.h"

namespace malaf::stories {

struct ClusterOptions {
  // Bump when anything that changes the clustering changes (weights,
  // features, channels): stored stories are then rebuilt.
  int version = 1;
  int window_days = 3;
  size_t article_terms = 40;  // TF-IDF terms kept per article
  size_t story_terms = 100;   // centroid terms kept per story
  size_t probe_terms = 10;    // article terms used to look up candidate stories
  size_t candidates = 24;     // stories scored in full per article
  size_t posting_cap = 4096;  // active stories remembered per term (see DESIGN)
  float text_weight = 0.70f;
  float names_weight = 0.20f;
  float place_weight = 0.10f;
  float threshold = 0.30f;
  // IDF is log(1 + (N + idf_prior) / df): as if idf_prior earlier documents
  // had none of the terms. Without it a young archive (tens of articles, all
  // on one event) gives the event's own words near-zero weight and splits
  // the event; with it weights approach plain IDF as the archive grows.
  double idf_prior = 2000;
};

// A weighted sparse vector, sorted by key.
using SparseVector = std::vector<std::pair<uint64_t, float>>;

struct StoryState {
  std::string id;               // stable: derived from the first article's id
  std::string first_article;
  int32_t first_day = kUnknownDay;
  int32_t last_day = kUnknownDay;
  uint32_t size = 0;            // articles fed (canonical copies)
  uint64_t seq = 0;             // creation order, for deterministic ties
  SparseVector centroid;        // sum of unit article vectors, pruned
  SparseVector names;           // name key -> count
  SparseVector places;          // place key -> count
  std::vector<std::pair<std::string, SparseVector>> extra;  // channel -> key counts
  std::vector<uint64_t> indexed;  // terms whose posting lists hold this story, sorted
};

// Story id for a story whose first article is `article_id`.
std::string StoryIdFor(std::string_view article_id);

class StoryClusterer {
 public:
  explicit StoryClusterer(const ClusterOptions& options = {});

  struct Placement {
    size_t story = 0;       // index into stories()
    bool opened = false;    // a new story
    float score = 0;        // similarity to the story joined (1 when opened)
    SparseVector vector;    // the article's unit TF-IDF vector (top article_terms)
  };
  Placement Add(std::string_view article_id, const StoryFeatures& f);

  const std::vector<StoryState>& stories() const { return stories_; }
  const ClusterOptions& options() const { return options_; }

  // Document frequencies, for persisting and restoring.
  uint64_t documents() const { return documents_; }
  const std::unordered_map<uint64_t, uint32_t>& document_frequencies() const { return df_; }

  // Restores a clusterer that had been fed `documents` articles: their
  // document frequencies and the stories that may still be active. Stories
  // keep the given seq numbers. Replaces any state.
  void Restore(uint64_t documents, uint64_t next_seq, std::unordered_map<uint64_t, uint32_t> df,
               std::vector<StoryState> stories);
  uint64_t next_seq() const { return next_seq_; }

  // Cosine of two sparse vectors (sorted by key).
  static float Cosine(const SparseVector& a, const SparseVector& b);

 private:
  SparseVector Weigh(const StoryFeatures& f);
  float Score(const StoryState& s, const SparseVector& vec, const StoryFeatures& f) const;
  void Join(StoryState& s, size_t index, const SparseVector& vec, const StoryFeatures& f);
  void Index(size_t story, const SparseVector& vec);
  void Post(size_t story, uint64_t term);
  void PruneInactive(int32_t day);

  ClusterOptions options_;
  uint64_t documents_ = 0;
  uint64_t next_seq_ = 0;
  std::unordered_map<uint64_t, uint32_t> df_;
  std::vector<StoryState> stories_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;  // term -> active story indices
  // Every story, for undated articles (which may belong to any story): not
  // pruned by day, only capped.
  std::unordered_map<uint64_t, std::vector<uint32_t>> all_postings_;
  int32_t pruned_day_ = kUnknownDay;
  std::vector<float> acc_;       // scratch, per story
  std::vector<uint32_t> touched_;
};

}  // namespace malaf::stories
