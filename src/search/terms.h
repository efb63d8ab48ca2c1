// Internal to src/search: the term vocabulary shared by the indexer and the
// query builder, so that both sides spell every term the same way.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace malaf::search::terms {

// DO NOT CHANGE THESE PREFIXES: they are stored in the index.
inline constexpr std::string_view kStem = "Z";
inline constexpr std::string_view kName = "N";
inline constexpr std::string_view kOutlet = "O";
inline constexpr std::string_view kAgency = "A";
inline constexpr std::string_view kCity = "C";
inline constexpr std::string_view kMonth = "M";
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kTitle = "S";  // title words, a field of their own

// Xapian refuses terms over 245 bytes; longer words are not indexed.
inline constexpr size_t kMaxTermBytes = 200;

// "" when the term would be too long or empty.
inline std::string Make(std::string_view prefix, std::string_view body) {
  if (body.empty() || prefix.size() + body.size() > kMaxTermBytes) return {};
  std::string t;
  t.reserve(prefix.size() + body.size());
  t.append(prefix);
  t.append(body);
  return t;
}

// Boolean terms for outlet/agency/city: the search key of the whole name,
// so that "العربية" and "العربيّة" meet.
std::string FieldKey(std::string_view display_value);

// Normalizes a date-ish published string to the sortable "YYYY-MM-DD..."
// form stored in kSlotDate ("" when it does not start with a year).
std::string SortableDate(std::string_view published);

}  // namespace malaf::search::terms
