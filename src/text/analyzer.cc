#include "text/analyzer.h"

#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::text {

void AnalyzeTo(std::string_view display, const AnalyzerOptions& options, std::vector<AnalyzedToken>* out) {
  thread_local std::vector<Token> tokens;
  tokens.clear();
  TokenizeTo(display, options.tokenizer, &tokens);
  if (out->size() < tokens.size()) out->resize(tokens.size());
  else out->erase(out->begin() + static_cast<std::ptrdiff_t>(tokens.size()), out->end());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    AnalyzedToken& a = (*out)[i];
    a.token = t;
    a.key.clear();
    AppendSearchKey(t.text, &a.key);
    a.stopword = IsStopword(a.key);
    if (t.type == TokenType::kArabic) {
      a.stem.assign(LightStemView(a.key));
      if (options.name_keys) a.name = NameKey(a.key);
      else a.name.clear();
    } else {
      a.stem.assign(a.key);
      if (options.name_keys) a.name.assign(a.key);
      else a.name.clear();
    }
  }
}

std::vector<AnalyzedToken> Analyze(std::string_view display, const TokenizerOptions& options) {
  std::vector<AnalyzedToken> out;
  AnalyzerOptions o;
  o.tokenizer = options;
  AnalyzeTo(display, o, &out);
  return out;
}

}  // namespace malaf::text
