#include "entities/analysis.h"

#include <cassert>

#include "entities/name_finder.h"
#include "entities/quote_finder.h"
#include "entities/words.h"

namespace malaf::entities {

TextAnalysis AnalyzeText(std::string_view body, const AnalysisOptions& options) {
  if (body.size() > options.max_body_bytes) {
    size_t cut = options.max_body_bytes;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    body = body.substr(0, cut);
  }
  std::vector<Word> words = Words(body);
  NameFinding names = FindNames(body, words);
  TextAnalysis out;
  out.quotes = FindQuotes(body, words, names, options.min_quote_words);
  out.entities = std::move(names.entities);
  return out;
}

void AnalyzeArticle(Article* a, const AnalysisOptions& options) {
  assert(a != nullptr);
  TextAnalysis t = AnalyzeText(a->body, options);
  a->entities = std::move(t.entities);
  a->quotes = std::move(t.quotes);
  for (auto& q : a->quotes) q.article = a->id;
  a->analyzed = true;
}

}  // namespace malaf::entities
