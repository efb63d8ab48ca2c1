// Name keys: fold the spelling variation of names (mostly foreign names
// written in Arabic) so that variants of one name meet:
// كيري/كيرى، سيرغي/سيرجي/سيرجيي، ستيفان/ستافان، دي/دو ميستورا، الأمريكي/الأميركي.
// A key is for matching only, never shown. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace malaf::text {

// v2: tables in data/name_key.tsv; article groups stripped; final vowel kept;
// only letters doubled in the writing collapse.
// v3: Arabic words (a letter such as ع ح ق, or the ending ة) keep their
// letters; the folds apply to the other words only.
inline constexpr int kNameKeyVersion = 3;

// Key of one word (any form: display or search key).
std::string NameKey(std::string_view word);

// Key of a multi-word name: word keys joined by ' ', with particles such as
// دي/دو/دا/فان folded to one form (the letter د).
std::string NameKeyPhrase(std::string_view name);

}  // namespace malaf::text
