// Recognising what an input is from its bytes: a container (gzip, zip), a
// binary file that is no text at all, or one of the text formats malaf reads.
// The format names are those of SourceRef::format. Pure functions; looks at a
// bounded prefix of the input (at most 64 KiB), so cost does not grow with
// input size. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace malaf {

enum class Container { kNone, kGzip, kZip };

// gzip (1f 8b) or zip (PK\3\4, or the empty-archive PK\5\6) from magic bytes.
Container DetectContainer(std::string_view bytes);

// A short name ("PDF document", "PNG image", "ELF executable", ...) when the
// bytes start with the signature of a known binary format, else "".
std::string_view BinarySignature(std::string_view bytes);

// True when raw bytes cannot be text in any encoding malaf decodes: NUL bytes
// outside a UTF-16 pattern, or many C0 control bytes.
bool LooksBinary(std::string_view bytes);

// "utf-16le" or "utf-16be" for UTF-16 text without a byte-order mark, told
// by its high bytes: at one parity almost every byte is 0x00 (ASCII) or
// 0x06 (Arabic) or another single block; "" otherwise.
std::string_view DetectUtf16WithoutBom(std::string_view bytes);

// Format of decoded UTF-8 text: "html", "rss", "atom", "json", "jsonl",
// "dossier" or "text"; "xml" for XML that is neither RSS nor Atom (which
// malaf does not read).
std::string DetectFormat(std::string_view utf8);

// '[' or '{' followed (after spaces) by what JSON allows there (a quote, a
// bracket or brace, a digit, '-', t/f/n): "[فيديو] ..." is text, not JSON.
bool LooksLikeJsonStart(std::string_view text);

// True for the names accepted by ExtractOptions::format.
bool IsKnownFormat(std::string_view name);

}  // namespace malaf
