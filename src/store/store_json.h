// Archived articles in the JSON model of ../shared/JSON.md: ArticleToJson
// with "id" and every provenance in "sources", each source extended with
// "raw_hash" and "ingested_at". Used by the CLI and the HTTP API alike.
// Pure function; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace malaf {

nlohmann::json StoredArticleToJson(const StoredArticle& a);

}  // namespace malaf
