// The schema of the store of record, as the ordered list of migrations that
// Db::EnsureSchema applies for component "store". Step i takes the schema
// from version i to i+1. Append steps; never edit a released one (archives
// in the field were built by it). Internal to src/store and its tests.
#pragma once

#include <span>
#include <string_view>

namespace malaf::store_internal {

inline constexpr std::string_view kStoreComponent = "store";

std::span<const std::string_view> StoreMigrations();

}  // namespace malaf::store_internal
