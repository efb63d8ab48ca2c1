// The JSON model of ../shared/JSON.md for articles and errors. Every --json
// output and every API response goes through these functions so that the CLI
// and the server speak one model. Output is UTF-8 (never \u escapes).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "extract/article.h"

namespace malaf {

// Article -> JSON. With `archived`, "sources" lists every provenance and "id"
// is set; otherwise the single provenance is written as "source" (extract).
nlohmann::json ArticleToJson(const Article& a, bool archived);

// One quotation as in JSON.md ("article" set when q.article is).
nlohmann::json QuoteToJson(const Quote& q);

// JSON -> Article (accepts both "source" and "sources").
Result<Article> ArticleFromJson(const nlohmann::json& j);

// {"error": {"code": "...", "message": "..."}}
nlohmann::json ErrorToJson(const Status& s);

// {"path": "...", "reason": "..."} entry of an "errors" list.
nlohmann::json InputErrorToJson(std::string_view path, const Status& s);

// Serializes with UTF-8 kept as is and invalid bytes replaced, never throwing.
std::string DumpJson(const nlohmann::json& j, int indent = -1);

}  // namespace malaf
