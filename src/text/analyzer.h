// The analysis chain in one call: display text -> tokens, each with its
// search key, stem and name key. This is what `malaf analyze`, the index and
// the clusterer consume. Thread-safe (no shared mutable state).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace malaf::text {

struct AnalyzedToken {
  Token token;        // text and offsets into the analysed display text
  std::string key;    // search key (normalized form)
  std::string stem;   // light stem of key (Arabic words; else the key)
  std::string name;   // name key (Arabic words; else the key); empty when name_keys is off
  bool stopword = false;
};

struct AnalyzerOptions {
  TokenizerOptions tokenizer;
  // Name keys cost about as much as the rest of the chain; callers that do
  // not match names (shingling, plain search) can skip them.
  bool name_keys = true;
};

// REQUIRES: `display` is display text (NormalizeDisplay output); the tokens'
// views borrow from it.
std::vector<AnalyzedToken> Analyze(std::string_view display, const TokenizerOptions& options = {});

// Replaces the contents of `*out` with the analysis of `display`, reusing the
// storage of the tokens already in `*out` (no allocation in steady state
// when one vector is reused across texts).
void AnalyzeTo(std::string_view display, const AnalyzerOptions& options, std::vector<AnalyzedToken>* out);

}  // namespace malaf::text
