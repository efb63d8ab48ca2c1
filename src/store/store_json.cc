#include "store/store_json.h"

#include "extract/article_json.h"

namespace malaf {

nlohmann::json StoredArticleToJson(const StoredArticle& a) {
  nlohmann::json j = ArticleToJson(a.article, /*archived=*/true);
  auto& sources = j["sources"];
  for (size_t i = 0; i < a.sources.size() && i < sources.size(); ++i) {
    sources[i]["raw_hash"] = a.sources[i].raw_hash;
    sources[i]["ingested_at"] = a.sources[i].ingested_at;
  }
  return j;
}

}  // namespace malaf
