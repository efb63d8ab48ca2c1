// Decoder + normalizer + tokenizer on arbitrary bytes: never crash, always
// valid UTF-8 out, offsets in range, normalization idempotent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/analyzer.h"
#include "text/charset.h"
#include "text/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  malaf::text::DecodeOptions opt;
  if (size > 0 && data[0] % 5 == 0) opt.charset = "windows-1256";
  if (size > 0 && data[0] % 5 == 1) opt.charset = "iso-8859-6";
  if (size > 0 && data[0] % 5 == 2) opt.charset = "utf-16le";
  auto dec = malaf::text::Decode(bytes, opt);
  if (!dec.ok()) return 0;
  if (!malaf::text::IsValidUtf8(dec->utf8)) std::abort();
  std::string display = malaf::text::NormalizeDisplay(dec->utf8);
  if (malaf::text::NormalizeDisplay(display) != display) std::abort();
  std::string key = malaf::text::SearchKey(display);
  if (malaf::text::SearchKey(key) != key) std::abort();
  for (const auto& t : malaf::text::Analyze(display)) {
    if (t.token.start > t.token.end || t.token.end > display.size()) std::abort();
  }
  return 0;
}
