// Decoder + normalizer + tokenizer + analyzer on arbitrary bytes: never
// crash, always valid UTF-8 out, offsets in range and slicing the input,
// normalization idempotent (display and search, and search of display equal
// to search of input), stems substrings of their keys. The first byte picks
// the charset and the normalizer stages, so every stage combination is hit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/analyzer.h"
#include "text/charset.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace malaf::text;
  if (size > 1 << 16) return 0;  // bounded work per input
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  uint8_t mode = size > 0 ? data[0] : 0;
  DecodeOptions opt;
  switch (mode % 7) {
    case 0: opt.charset = "windows-1256"; break;
    case 1: opt.charset = "iso-8859-6"; break;
    case 2: opt.charset = "utf-16le"; break;
    case 3: opt.charset = "utf-8"; break;
    default: break;  // detect
  }
  auto dec = Decode(bytes, opt);
  if (!dec.ok()) return 0;
  Check(IsValidUtf8(dec->utf8));

  // The normalizer straight on the raw bytes too (it must repair, not crash).
  Check(IsValidUtf8(NormalizeDisplay(bytes)));

  std::string display = NormalizeDisplay(dec->utf8);
  Check(IsValidUtf8(display));
  Check(NormalizeDisplay(display) == display);
  std::string key = SearchKey(display);
  Check(SearchKey(key) == key);
  Check(SearchKey(dec->utf8) == key);

  // The pipeline with one stage switched off (each option set builds its
  // table once, so the choice is kept to one stage per input): still valid
  // UTF-8, and still idempotent.
  NormalizerOptions some;
  size_t n = 0;
  const NormalizerStageInfo* stages = NormalizerStages(&n);
  if (size > 1) some.*(stages[data[1] % n].option) = false;
  std::string partial = Normalize(dec->utf8, some);
  Check(IsValidUtf8(partial));
  Check(Normalize(partial, some) == partial);

  AnalyzerOptions ao;
  ao.tokenizer.emit_punctuation = mode & 0x10;
  ao.tokenizer.split_tatweel_clitics = !(mode & 0x20);
  ao.name_keys = !(mode & 0x40);
  std::vector<AnalyzedToken> toks;
  AnalyzeTo(display, ao, &toks);
  size_t prev_end = 0;
  for (const auto& t : toks) {
    Check(t.token.start < t.token.end && t.token.end <= display.size() && t.token.start >= prev_end);
    Check(display.substr(t.token.start, t.token.end - t.token.start) == t.token.text);
    prev_end = t.token.end;
    Check(t.key.find(t.stem) != std::string::npos);
    Check(IsValidUtf8(t.name));
  }
  // Tokens of raw (unnormalized, maybe invalid) bytes keep their offsets too.
  for (const auto& t : Tokenize(bytes)) Check(t.end <= bytes.size() && bytes.substr(t.start, t.end - t.start) == t.text);
  Check(IsValidUtf8(NameKeyPhrase(display.substr(0, 200))));
  return 0;
}
