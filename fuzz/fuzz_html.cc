// HTML and text-page extraction on arbitrary bytes: never crash, bounded
// work, valid UTF-8 out (inputs are repaired to UTF-8 first, as the
// extractor front door does).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/page.h"
#include "text/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string utf8;
  malaf::text::RepairUtf8(bytes, &utf8);
  malaf::PageOptions options;
  options.max_bytes = 1 << 20;
  options.max_depth = 64 + (size > 0 ? data[0] : 0);
  (void)malaf::SniffHtmlCharset(bytes);
  for (auto page : {malaf::ExtractHtmlPage(utf8, options), malaf::ExtractTextPage(utf8, options)}) {
    if (!page.ok()) continue;
    if (!malaf::text::IsValidUtf8(page->title)) std::abort();
    for (const auto& p : page->paragraphs) {
      if (p.empty() || !malaf::text::IsValidUtf8(p)) std::abort();
    }
  }
  return 0;
}
