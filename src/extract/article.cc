#include "extract/article.h"

#include "base/hash.h"
#include "text/normalizer.h"

namespace malaf {

std::string ArticleContentId(const Article& a) {
  std::string key = text::SearchKey(a.title);
  key += '\n';
  key += text::SearchKey(a.body);
  return Hex64(Hash64(key));
}

}  // namespace malaf
