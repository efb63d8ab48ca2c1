// The JSON of derived data (../shared/JSON.md: stories, duplicates,
// timeline, entities, quotations), shared by the CLI and the HTTP API so
// both speak one model. Pure functions; thread-safe.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "entities/entity_archive.h"
#include "stories/story_archive.h"

namespace malaf {

// {"id","title","date","place","participants","outlets","articles","duplicates"}
nlohmann::json StoryToJson(const stories::StorySummary& s);
// {"groups": [["canonical id", "copy id", ...], ...]}
nlohmann::json CopyGroupsToJson(const std::vector<stories::CopyGroup>& groups);
// {"date","place","story","title","participants","quotes"}
nlohmann::json TimelineEntryToJson(const entities::TimelineEntry& e);
// {"type","name","surfaces","roles","articles","mentions"}
nlohmann::json ArchiveEntityToJson(const entities::ArchiveEntity& e);
// A quotation with its "article", "published", "title", "outlet".
nlohmann::json ArchiveQuoteToJson(const entities::ArchiveQuote& q);

}  // namespace malaf
