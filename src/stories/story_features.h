// What the story clusterer sees of an article: content terms, names, place
// and day. Extraction is a pure function of the article; IDF weighting
// happens in the clusterer (it depends on what came before).
//
// Extra evidence plugs in as FeatureChannels: a named, weighted set of
// 64-bit keys compared by overlap (e.g. the entities module's person and
// organisation keys: {"entity", 0.3, {Hash64("person:" + name), ...}}).
// Adding a channel changes the clustering, so ClusterOptions::version must be
// bumped with it.
//
// Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article.h"

namespace malaf::stories {

inline constexpr int32_t kUnknownDay = INT32_MIN;

struct TermCount {
  uint64_t term = 0;   // hash of a light stem
  float count = 0;     // occurrences, title words counted FeatureOptions::title_weight times
};

struct FeatureChannel {
  std::string name;             // "names", "entity", ...
  float weight = 0;             // its share of the similarity score
  std::vector<uint64_t> keys;   // sorted unique
};

struct StoryFeatures {
  int32_t day = kUnknownDay;          // days since 1970-01-01 of `published`
  std::vector<TermCount> terms;       // sorted by term
  std::vector<uint64_t> names;        // name keys (hashed), sorted unique
  uint64_t place = 0;                 // hash of the dateline city's name key; 0 if none
  std::vector<FeatureChannel> extra;  // pluggable evidence
};

struct FeatureOptions {
  // Body words read (the lead carries the event; later paragraphs drift to
  // background, which pulls unrelated stories together).
  size_t body_words = 250;
  float title_weight = 3;
  // Terms kept per article (heaviest counts, ties by hash): bounds memory at
  // a million articles; IDF is counted over the kept terms only.
  size_t max_terms = 48;
  size_t max_names = 24;  // name keys kept (first seen first)
  // Weight of the "entities" channel, filled from Article::entities when the
  // entities module has analysed the article (people, organisations, places
  // by canonical name).
  float entity_weight = 0.15f;
};

// Day number of an ISO 8601 date ("2016-08-26", "2016-08-26T23:15+03:00");
// kUnknownDay when `iso` has no full date.
int32_t DayNumber(std::string_view iso);

// A participant candidate: up to two content words right after a cue word
// (data/story_name_cues.txt: titles such as الرئيس، وزير، الملك, and
// organisation heads such as حزب، حركة) or a run of capitalised Latin words.
struct NameSurface {
  uint64_t key = 0;        // NameHash of the phrase
  std::string surface;     // as written in the article
};

// With `participants`, also returns the article's participant candidates
// (first seen first, unique, at most options.max_names): the people and
// organisations of Article::entities when the article has been analysed,
// else the cue-word phrases above.
StoryFeatures ExtractStoryFeatures(const Article& a, const FeatureOptions& options = {},
                                   std::vector<NameSurface>* participants = nullptr);

// Hash of the name key of a place or name (as used in StoryFeatures).
uint64_t NameHash(std::string_view name);

}  // namespace malaf::stories
