// A gazetteer of countries, capitals and major cities (data/places.tsv):
// Arabic names with their spelling variants and English names, for
// datelines now and for entity resolution later.
//
// Threads: built once on first use from the compiled-in table; read-only
// afterwards and safe for concurrent use. Errors: unknown names give nullopt.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace malaf {

struct Place {
  std::string name;     // canonical Arabic name, e.g. "جنيف"
  std::string type;     // "country", "capital", "city", "region"
  std::string country;  // ISO 3166 alpha-2 ("CH")
  std::string english;  // "Geneva"
  // The name is also an everyday word ("الخبر" the news, "العين" the eye):
  // take it as a place only with context (a dateline, "مدينة الخبر").
  bool common = false;
};

// Looks up an Arabic or English name or variant, after Arabic search folding
// (hamza forms, ى/ي, ة/ه, diacritics, Latin case); a leading "مدينة" or a
// clitic "و"/"ب"/"في" is not stripped: pass the name itself.
std::optional<Place> LookupPlace(std::string_view name);

}  // namespace malaf
