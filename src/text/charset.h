// Decoding raw bytes of any supported encoding into valid UTF-8.
//
// Supported: UTF-8 (validated; each invalid sequence becomes one U+FFFD and
// is counted), UTF-16LE/BE (BOM, or the byte pattern of BOM-less text),
// windows-1256 and ISO-8859-6 (through ICU converters; without a declared
// charset the two are told apart by Arabic letter frequencies), and anything
// else ICU names. An explicit charset (from an HTTP header or <meta charset>)
// wins over detection; only a BOM overrides it. Thread-safe.
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

// For 8-bit Arabic text with no declared charset: "windows-1256" or
// "iso-8859-6", whichever makes the bytes look more like Arabic (scored by
// Arabic letter frequencies, data/arabic_letter_frequency.tsv).
std::string GuessArabicSingleByte(std::string_view bytes);

// True when `s` is entirely valid UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace malaf::text
