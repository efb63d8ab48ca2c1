// A light stemmer for Arabic search keys, in the light10 tradition (Larkey
// et al.): strip one leading و (unless it is a root letter, as in وزير),
// one article group (ال، وال، بال، كال، فال، لل), then the suffixes
// (ها، ان، ات، ون، ين، يه، ية، ه، ة، ي) in order, each with a minimum-stem
// guard; a keep list protects names that look affixed (البحرين، لبنان).
// Tables live in data/stemmer.tsv. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace malaf::text {

// v2: light10 prefixes (no lone ب ف ل ك), per-affix guards, keep and
// root-waw lists.
inline constexpr int kStemmerVersion = 2;

// REQUIRES: `key` is a search key (output of SearchKey) of one word.
// Non-Arabic input is returned unchanged.
std::string LightStem(std::string_view key);

// The same stem as a view into `key` (stems are always substrings of the
// key): no allocation. Valid while `key`'s storage lives.
std::string_view LightStemView(std::string_view key);

// True for Arabic news function words (data/stopwords.txt), by search key.
bool IsStopword(std::string_view key);

}  // namespace malaf::text
