// Internal to src/text: the normalizer's stages as plain code-point maps.
//
// Each stage says what it does to ONE code point: leave it (returns false),
// delete it (returns true with `out` empty) or replace it (returns true with
// the replacement in `out`). The Normalizer runs the enabled stages in this
// order over every code point once, at construction, and keeps the result as
// a table; the stages themselves never run on the hot path.
// Thread-safe (pure functions).
#pragma once

#include <string>

#include "text/normalizer.h"

namespace malaf::text::internal {

using StageMap = bool (*)(char32_t c, std::u32string* out);

struct StageDef {
  NormalizerStageInfo info;
  StageMap map;
};

// The pipeline in order; `*count` receives its length.
const StageDef* StageDefs(size_t* count);

// The canonical composition of an Arabic letter with a following
// U+0653 MADDAH, U+0654 HAMZA ABOVE or U+0655 HAMZA BELOW (ا+ٔ -> أ), or 0
// when the pair does not compose. Part of the nfkc stage: NFKC composes
// these, and the tashkeel stage would otherwise drop the hamza.
char32_t ComposeArabic(char32_t base, char32_t mark);

}  // namespace malaf::text::internal
