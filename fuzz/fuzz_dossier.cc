// Dossier reading and format detection on arbitrary text: never crash,
// matched entries in range, each entry used at most once, valid UTF-8 out.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dossier_reader.h"
#include "extract/format_detect.h"
#include "text/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string utf8;
  malaf::text::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data), size), &utf8);
  (void)malaf::DetectFormat(utf8);
  malaf::DossierOptions opt;
  opt.max_sections = 2000;
  auto d = malaf::ReadDossier(utf8, opt);
  if (!d.ok()) return 0;
  std::vector<bool> used(d->contents.size(), false);
  for (const auto& s : d->sections) {
    if (s.entry >= 0) {
      if (static_cast<size_t>(s.entry) >= d->contents.size() || used[static_cast<size_t>(s.entry)]) std::abort();
      used[static_cast<size_t>(s.entry)] = true;
    }
    if (!malaf::text::IsValidUtf8(s.headline) || !malaf::text::IsValidUtf8(s.outlet)) std::abort();
    if (s.similarity < 0 || s.similarity > 1.0000001) std::abort();
  }
  return 0;
}
