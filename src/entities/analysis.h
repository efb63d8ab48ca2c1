// Entity and quotation analysis of an article: who (people, places,
// organisations, each resolved to one entry with every spelling seen and
// the byte offsets of each mention in the body) and who said what (direct
// quotations with their resolved speaker). This is what `malaf extract
// --analyze` adds to each article and what ingest stores in the archive.
//
// Works on Article::body, which must be valid UTF-8 display text (the
// extractor's output). Bodies longer than AnalysisOptions::max_body_bytes
// are analysed on their first max_body_bytes only (cut at a character
// boundary), so memory and time stay bounded on hostile input.
// Pure functions; thread-safe; the word lists load once on first use.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/article.h"

namespace malaf::entities {

struct AnalysisOptions {
  // Longer bodies are cut: no news article comes near, and the patterns
  // scan every word.
  size_t max_body_bytes = 2u << 20;
  // Quoted spans with fewer words are names or terms ("داعش", "وضوح"), not
  // quotations.
  size_t min_quote_words = 4;
};

struct TextAnalysis {
  std::vector<Entity> entities;  // in order of first mention
  std::vector<Quote> quotes;     // in text order; Quote::article left empty
};

TextAnalysis AnalyzeText(std::string_view body, const AnalysisOptions& options = {});

// Fills a->entities and a->quotes (Quote::article = a->id) and sets
// a->analyzed. REQUIRES: a != nullptr.
void AnalyzeArticle(Article* a, const AnalysisOptions& options = {});

}  // namespace malaf::entities
