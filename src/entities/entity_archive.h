// Entities and quotations across an archive: keeping every stored article
// analysed, and the archive-wide views behind `malaf entities`, `malaf
// quotes` and `malaf timeline`.
//
// Storage: each article's entities and quotations live in the store's own
// columns (Store::PutAnalysis); the cursor "entities.seq" and the analysis
// version "entities.version" live in the store's meta table. Nothing else is
// written, so dropping them re-analyses the archive.
// Threads: functions take the calling thread's Store (one connection).
// Errors: Status/Result; store errors pass through with context.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/article.h"
#include "store/store.h"

namespace malaf::entities {

// Bump when analysis output changes: the next update re-analyses everything.
inline constexpr int kAnalysisVersion = 1;

struct UpdateAnalysisStats {
  uint64_t analyzed = 0;
  bool rebuilt = false;  // the stored version differed: every article re-analysed
};

// Analyses the articles stored or changed since the last update (all of them
// when the version changed) in batches, and stores the results. Run it before
// other derived-data steps: storing analysis gives articles a new seq.
Result<UpdateAnalysisStats> UpdateAnalysis(Store& store);

// True when `query` names this entity: the same text::NameKeyPhrase as its
// name or one of its surfaces, or the last words of its name ("لافروف"
// names "سيرغي لافروف").
bool NameMatches(const std::string& query, const std::string& name, const std::vector<std::string>& surfaces);

struct ArchiveEntity {
  std::string type;
  std::string name;
  std::vector<std::string> surfaces;  // every spelling in the archive, most frequent first
  std::vector<std::string> roles;     // most frequent first
  int64_t articles = 0;
  int64_t mentions = 0;
};

struct EntityListOptions {
  std::string type;  // "" or person, place, organization
  std::string name;  // "" or a name to match (NameMatches)
  size_t limit = 0;  // 0 = all
};

// Entities of the whole archive merged by type and name key, the most
// widely reported first.
Result<std::vector<ArchiveEntity>> ListEntities(Store& store, const EntityListOptions& options = {});

struct ArchiveQuote {
  Quote quote;  // quote.article set
  std::string published;
  std::string title;
  std::string outlet;
};

struct QuoteListOptions {
  std::string speaker;  // "" or a name to match against the speaker
  size_t limit = 0;     // 0 = all
};

// Quotations in date order (undated last).
Result<std::vector<ArchiveQuote>> ListQuotes(Store& store, const QuoteListOptions& options = {});

struct TimelineEntry {
  std::string date;
  std::string place;
  std::string story;  // story id ("" when the archive has no stories yet: one entry per day)
  std::string title;
  std::vector<std::string> participants;
  std::vector<ArchiveQuote> quotes;  // the key quotations of each speaker
};

struct TimelineOptions {
  std::string entity;             // "" or a person, place or organisation the entry must involve
  size_t max_quotes_per_speaker = 2;
  size_t max_speakers = 6;
  size_t max_participants = 8;
};

// One entry per story in date order, from the stories of src/stories.
Result<std::vector<TimelineEntry>> BuildTimeline(Store& store, const TimelineOptions& options = {});

}  // namespace malaf::entities
