// RSS/Atom reading and the extract front door on arbitrary bytes: never
// crash, every article's text is valid UTF-8, errors carry a one-line reason.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/extractor.h"
#include "extract/feed_reader.h"
#include "text/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string utf8;
  malaf::text::RepairUtf8(bytes, &utf8);
  malaf::FeedOptions fo;
  fo.max_items = 1000;
  auto feed = malaf::ReadFeed(utf8, fo);
  if (feed.ok()) {
    for (const auto& item : feed->items) {
      std::string text = malaf::HtmlFragmentToText(item.content);
      if (!malaf::text::IsValidUtf8(text)) std::abort();
    }
  }
  malaf::ExtractOptions opt;
  opt.max_input_bytes = 1 << 20;
  opt.max_articles_per_input = 1000;
  if (size > 0 && data[0] % 3 == 0) opt.format = "rss";
  if (size > 0 && data[0] % 3 == 1) opt.format = "atom";
  malaf::ExtractOutput out = malaf::ExtractBytes("fuzz", bytes, opt);
  for (const auto& a : out.articles) {
    if (!malaf::text::IsValidUtf8(a.title) || !malaf::text::IsValidUtf8(a.body) ||
        !malaf::text::IsValidUtf8(a.outlet))
      std::abort();
    if (a.sources.size() != 1) std::abort();
  }
  for (const auto& e : out.errors)
    if (e.status.ok() || e.status.message().find('\n') != std::string::npos) std::abort();
  return 0;
}
