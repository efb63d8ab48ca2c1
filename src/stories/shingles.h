// Word shingles: the set representation behind near-duplicate detection.
//
// An article's text becomes a list of search keys (text::SearchKey of the
// display text, then text::Tokenize; stopwords are KEPT, because function
// words carry much of what makes two copies of a text the same text), and
// every run of `words` consecutive keys becomes one 64-bit shingle hash.
// The set of hashes is returned sorted and unique.
//
// Part of the persisted signature scheme (see minhash.h, kSignatureScheme):
// changing how words are cut, keyed or hashed changes every signature.
// Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace malaf::stories {

// Search keys of the words of `display` (Arabic, Latin and number tokens;
// URLs, e-mail addresses and punctuation are left out).
std::vector<std::string> ShingleWords(std::string_view display);

// Sorted unique hashes of every run of `words` consecutive entries of `keys`.
// A text shorter than `words` yields one shingle of all its words; an empty
// one yields none.
std::vector<uint64_t> ShingleHashes(const std::vector<std::string>& keys, int words);

// The shingles of an article: of its body, or of title + body when the body
// alone has fewer than `words` words (a headline-only item).
std::vector<uint64_t> ArticleShingles(std::string_view title, std::string_view body, int words);

// |a ∩ b| / |a ∪ b| of two sorted unique sets; 0 when both are empty.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace malaf::stories
