// Write tokens of an archive. A token is 32 random bytes shown once, in hex,
// when created; the archive keeps only its hash (table `tokens`, owned by
// this file), so reading the archive does not reveal a usable token.
// Threads: functions take the caller's Store; see store.h.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "store/store.h"

namespace malaf::server {

// Creates a token labelled `label`; returns it (the only time it is shown).
Result<std::string> CreateToken(Store& store, std::string_view label);

// True when `token` is a live token of this archive.
Result<bool> CheckToken(Store& store, std::string_view token);

}  // namespace malaf::server
