// Finds the direct quotations of one article body and their speakers.
// Internal to src/entities (the public entry point is analysis.h).
//
// Quotations are the spans in «…», “…” (and ”…“ as Arabic texts often pair
// them), „…“, and "…" within one paragraph, of at least `min_words` words;
// shorter quoted spans are names and terms ("داعش", "وضوح"), not speech.
// A speaker is found, in this order: the last speech verb before the quote in
// its sentence with the name or role after it ("وأضاف كيري: «…»", "وقال
// الوزير الروسي إن "…""); the speaker of that verb when it has none ("وأضاف:
// «…»", "…"، مضيفا "…") is the current subject; a headline form "X: …";
// "نقلت … عن X قوله"; a speech verb or attribution just after the quote
// ("…"، قال كيري / بحسب كيري). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "entities/name_finder.h"
#include "entities/words.h"
#include "extract/article.h"

namespace malaf::entities {

std::vector<Quote> FindQuotes(std::string_view body, const std::vector<Word>& words, const NameFinding& names,
                              size_t min_words);

}  // namespace malaf::entities
