// Stable 64-bit hashing for identifiers and signatures stored on disk.
//
// These functions are part of the archive format: an article id is the hex
// of Hash64 over its content key, and changing the function would change
// every id. DO NOT CHANGE THE ALGORITHM OR SEED of Hash64.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace malaf {

// 64-bit hash (XXH64-style mixing, seed-stable across platforms).
uint64_t Hash64(std::string_view data, uint64_t seed = 0);

// 16 lowercase hex digits.
std::string Hex64(uint64_t v);

}  // namespace malaf
