// Decoding raw bytes of any supported encoding into valid UTF-8.
//
// Supported: UTF-8 (validated; invalid bytes become U+FFFD and are counted),
// UTF-16LE/BE (BOM, or a NUL pattern), windows-1256 and ISO-8859-6 (through
// ICU converters), and anything else ICU names. An explicit charset (from an
// HTTP header or <meta charset>) wins over detection. Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace malaf::text {

struct DecodeOptions {
  // Charset name as declared by the source ("windows-1256", "utf-8", ...).
  // Empty: detect from BOM and content.
  std::string charset;
};

struct Decoded {
  std::string utf8;           // valid UTF-8, BOM removed
  std::string charset;        // the charset actually used, lowercase IANA name
  size_t replaced = 0;        // invalid sequences replaced with U+FFFD
};

// Fails only for an unknown explicit charset name or a converter failure;
// bad bytes are repaired, not rejected.
Result<Decoded> Decode(std::string_view bytes, const DecodeOptions& options = {});

// Appends `in` to `out` as valid UTF-8, each invalid sequence replaced by
// U+FFFD. Returns the number of replacements.
size_t RepairUtf8(std::string_view in, std::string* out);

// True when `s` is entirely valid UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace malaf::text
