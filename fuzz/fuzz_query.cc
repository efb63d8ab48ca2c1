// The search query parser and the snippet maker on arbitrary bytes: never
// crash or hang; a parsed query respects the limits (bounded words and
// bytes); a snippet is a slice of the body with highlights inside it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "search/query.h"
#include "search/searcher.h"
#include "text/charset.h"
#include "text/normalizer.h"

namespace {
void Check(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace malaf;
  if (size > 1 << 16) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // First half: the query; all of it: the body the snippet is cut from.
  std::string_view query = bytes.substr(0, size / 2);
  search::QueryLimits limits;
  auto q = search::ParseQuery(query, limits);
  if (!q.ok()) {
    Check(q.status().IsInvalidArgument());
    return 0;
  }
  size_t words = 0;
  for (const auto& conj : q->any)
    for (const auto& item : conj) {
      Check(!item.words.empty());
      words += item.words.size();
    }
  for (const auto& item : q->exclude) words += item.words.size();
  Check(words <= limits.max_words);
  std::string body;
  text::RepairUtf8(bytes, &body);
  body = text::NormalizeDisplay(body);
  search::Snippet s = search::MakeSnippet(body, *q, 200);
  Check(s.start + s.text.size() <= body.size());
  Check(body.compare(s.start, s.text.size(), s.text) == 0);
  for (const auto& h : s.highlights) Check(h.start < h.end && h.end <= s.text.size());
  return 0;
}
