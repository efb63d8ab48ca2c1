// A light stemmer for Arabic search keys, in the light-stemming tradition:
// strip at most one prefix group (و، ف، ب، ك، ل، ال، وال، بال، كال، فال، لل)
// and suffixes (ها، ان، ات، ون، ين، يه، ية، ه، ة، ي) with minimum-stem
// guards. Tables live in data/stemmer.tsv. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace malaf::text {

inline constexpr int kStemmerVersion = 1;

// REQUIRES: `key` is a search key (output of SearchKey) of one word.
// Non-Arabic input is returned unchanged.
std::string LightStem(std::string_view key);

// True for Arabic news function words (data/stopwords.txt), by search key.
bool IsStopword(std::string_view key);

}  // namespace malaf::text
