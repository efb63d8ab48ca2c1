// The analysis chain in one call: display text -> tokens, each with its
// search key, stem and name key. This is what `malaf analyze`, the index and
// the clusterer consume. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace malaf::text {

struct AnalyzedToken {
  Token token;        // text and offsets into the analysed display text
  std::string key;    // search key (normalized form)
  std::string stem;   // light stem of key
  std::string name;   // name key
  bool stopword = false;
};

// REQUIRES: `display` is display text (NormalizeDisplay output); the tokens'
// views borrow from it.
std::vector<AnalyzedToken> Analyze(std::string_view display, const TokenizerOptions& options = {});

}  // namespace malaf::text
