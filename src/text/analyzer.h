// The analysis chain in one call: display text -> tokens, each with its
// search key, stem and name key. This is what `malaf analyze`, the index and
// the clusterer consume. Thread-safe (no shared mutable state; each thread
// keeps its own word cache of results: 128 KB, growing once to 8 MB, plus
// as much again when name keys are asked for, after the thread has analysed
// 4 MB of text).
#pragma once

#include <cstdint>
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

// The same analysis without a std::string per field: keys, stems and name
// keys are views into one buffer owned by the AnalyzedText, token texts are
// views into the display text. For hot paths (indexing): reusing one
// AnalyzedText across texts allocates nothing in steady state.
struct TokenAnalysis {
  Token token;
  std::string_view key;
  std::string_view stem;
  std::string_view name;  // empty when name_keys is off
  bool stopword = false;
};

// Neither copyable nor movable: its views point into its own buffer.
class AnalyzedText {
 public:
  AnalyzedText() = default;
  AnalyzedText(const AnalyzedText&) = delete;
  AnalyzedText& operator=(const AnalyzedText&) = delete;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const TokenAnalysis& operator[](size_t i) const { return tokens_[i]; }
  const TokenAnalysis* begin() const { return tokens_.data(); }
  const TokenAnalysis* end() const { return tokens_.data() + size_; }

 private:
  friend void AnalyzeInto(std::string_view display, const AnalyzerOptions& options, AnalyzedText* out);
  std::vector<TokenAnalysis> tokens_;  // the first size_ are this text's (the rest: spare)
  size_t size_ = 0;
  std::vector<Token> scratch_;
  std::string bytes_;
};

// REQUIRES: `display` is display text. Replaces the contents of `*out`; the
// views are valid while `display` lives and until the next AnalyzeInto into
// `*out`. Same tokens, keys, stems, name keys and stopword flags as
// AnalyzeTo.
void AnalyzeInto(std::string_view display, const AnalyzerOptions& options, AnalyzedText* out);

// REQUIRES: `display` is display text (NormalizeDisplay output); the tokens'
// views borrow from it.
std::vector<AnalyzedToken> Analyze(std::string_view display, const TokenizerOptions& options = {});

// Replaces the contents of `*out` with the analysis of `display`, reusing the
// storage of the tokens already in `*out` (no allocation in steady state
// when one vector is reused across texts).
void AnalyzeTo(std::string_view display, const AnalyzerOptions& options, std::vector<AnalyzedToken>* out);

}  // namespace malaf::text
