#include "text/analyzer.h"

#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::text {

std::vector<AnalyzedToken> Analyze(std::string_view display, const TokenizerOptions& options) {
  std::vector<AnalyzedToken> out;
  for (const Token& t : Tokenize(display, options)) {
    AnalyzedToken a;
    a.token = t;
    a.key = SearchKey(t.text);
    a.stopword = IsStopword(a.key);
    a.stem = t.type == TokenType::kArabic ? LightStem(a.key) : a.key;
    a.name = t.type == TokenType::kArabic ? NameKey(a.key) : a.key;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace malaf::text
