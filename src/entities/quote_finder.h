// Finds the direct quotations of one article body and their speakers.
// Internal to src/entities (the public entry point is analysis.h).
//
// Quotations are the spans in «…», “…” (and ”…“ as Arabic texts often pair
// them), „…“, and "…" within one paragraph, of at least `min_words` words;
// shorter quoted spans are names and terms ("داعش", "وضوح"), not speech.
// Marks lost in real text: a quotation introduced as speech whose closing
// mark is missing runs to its paragraph's end (a straight quote to the
// sentence before the next 'وقال: "'); a closing mark whose opening mark is
// missing starts the quotation after the speech verb's colon; a paragraph
// that ends with a closing mark after a paragraph left open goes on with
// that quotation and its speaker.
// A speaker is found, in this order: the last speech verb before the quote in
// its sentence with the name or role after it ("وأضاف كيري: «…»", "وقال
// الوزير الروسي إن "…"", "كشف لـ"الوطن" فلان"), else the nearest name before
// the verb in its sentence that is not after a preposition (a person before
// an organisation); the speaker of that verb when it has none ("وأضاف:
// «…»", "…"، مضيفا "…") is the current subject: the latest speaker, unless a
// person is the subject of a later sentence (not inside an أن/إن clause);
// a headline form "X: …"; "نقلت … عن X قوله" and "… عنه قوله"; a speech verb
// or attribution just after the quote ("…"، قال كيري / بحسب كيري).
// Unnamed speakers ("مسؤول كبير", "مصدر") leave the speaker empty.
// Pure; thread-safe.
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
