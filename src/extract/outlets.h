// The registry of Arabic news outlets (data/outlets.tsv): one canonical
// display name per outlet, found from any of its names, spelling variants,
// web domains or URLs ("اليوم السابع", "اليوم 7", "youm7.com",
// "https://www.youm7.com/story/…" all give "اليوم السابع").
//
// Threads: the registry is built once on first use from the compiled-in
// table and never changes; every function here is safe for concurrent use.
// Errors: unknown names are not errors; lookups return nullopt or "".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace malaf {

struct OutletInfo {
  std::string name;     // canonical display name, e.g. "الشرق الأوسط"
  std::string country;  // ISO 3166 alpha-2 of its home, "" for pan-Arab/international
  std::string domain;   // main web domain, e.g. "aawsat.com"
};

// Looks up a name, variant, domain or URL. Names match after Arabic search
// folding (hamza forms, ى/ي, ة/ه, diacritics, case) and with or without a
// leading "موقع"/"صحيفة"/"جريدة"/"قناة"/"وكالة"; domains match with or
// without "www." and by parent domain (m.youm7.com -> youm7.com).
std::optional<OutletInfo> LookupOutlet(std::string_view name_or_domain);

// The canonical name when known, else "" (callers keep their own text).
std::string CanonicalOutlet(std::string_view name_or_domain);

}  // namespace malaf
