// Date parsing and article metadata on arbitrary bytes: never crash, spans
// inside the input, valid UTF-8 out, ISO strings well formed. Inputs are
// repaired to UTF-8 first, as the extractor front door does; the parser is
// also fed the raw bytes, since it must skip invalid ones safely.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/date_parser.h"
#include "extract/metadata.h"
#include "extract/outlets.h"
#include "extract/places.h"
#include "text/charset.h"

namespace {

void CheckIso(const std::string& iso) {
  // "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", optionally "+HH:MM".
  static const size_t kLengths[] = {4, 7, 10, 16, 22};
  bool ok = false;
  for (size_t n : kLengths) ok = ok || iso.size() == n;
  if (!ok) std::abort();
  for (char c : iso)
    if (!((c >= '0' && c <= '9') || c == '-' || c == 'T' || c == ':' || c == '+')) std::abort();
}

// The first bytes of valid UTF-8 `s`, at most `n`, cut at a character boundary.
std::string Prefix(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string utf8;
  malaf::text::RepairUtf8(bytes, &utf8);
  malaf::DateContext ctx;
  ctx.reference = *malaf::ParseReferenceTime("2016-08-27T10:00");
  const malaf::DateParser& parser = malaf::DateParser::Default();
  for (std::string_view text : {bytes, std::string_view(utf8)}) {
    for (const auto& m : parser.FindAll(text, ctx)) {
      if (m.start > m.end || m.end > text.size()) std::abort();
      if (text.substr(m.start, m.end - m.start) != m.text) std::abort();
      CheckIso(m.iso);
    }
    if (auto m = parser.Parse(text, ctx)) CheckIso(m->iso);
  }
  (void)malaf::ParseReferenceTime(utf8);
  malaf::Article a;
  a.body = utf8;
  a.title = Prefix(utf8, 40);
  malaf::MetadataOptions o;
  o.reference = ctx.reference;
  o.date_texts = {Prefix(utf8, 64)};
  o.outlet_hint = Prefix(utf8, 30);
  malaf::FillMetadata(&a, o);
  for (const std::string* s : {&a.body, &a.dateline, &a.dateline_city, &a.outlet, &a.published_text})
    if (!malaf::text::IsValidUtf8(*s)) std::abort();
  if (!a.published.empty()) CheckIso(a.published);
  (void)malaf::CanonicalOutlet(utf8);
  (void)malaf::LookupPlace(utf8);
  (void)malaf::FindAgencies(utf8);
  return 0;
}
