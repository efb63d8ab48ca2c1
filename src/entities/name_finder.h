// Finds the people, places and organisations of one article body and
// resolves their mentions to one entry each. Internal to src/entities
// (the public entry point is analysis.h).
//
// Three sources are combined: the gazetteers of Lexicon; patterns that find
// names nobody listed (a title or role before a name, a definite nisba
// adjective as a role head ("العداء الكيني فلان"), a speech verb before it, a
// known given name, an organisation or place head word, a quoted or byline
// news outlet); and, within the article, coreference: a surname alone (or
// "أبو فلان"), a lone given name that starts one person's name, or a role
// mention such as "الوزير الروسي" / "نظيره الأمريكي", resolves to the person
// named before.
// Spelling variants meet through text::NameKeyPhrase. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entities/words.h"
#include "extract/article.h"

namespace malaf::entities {

// A stretch of words that refers to an entity.
struct Reference {
  int entity = -1;   // index into NameFinding::entities
  int first = 0;     // word indices, inclusive
  int last = 0;
  size_t start = 0;  // byte offsets into the body
  size_t end = 0;
  bool by_role = false;  // "الوزير الروسي": not a spelling of the name
  int role_first = -1;   // first word of the role written just before the name, or -1
};

struct NameFinding {
  std::vector<Entity> entities;
  std::vector<Reference> references;  // sorted by position; names and resolved roles
  // Role phrases that name nobody we know ("المتحدث باسم الوزارة"): a
  // quotation's speaker may be only that.
  std::vector<Reference> unresolved_roles;
};

NameFinding FindNames(std::string_view body, const std::vector<Word>& words);

}  // namespace malaf::entities
