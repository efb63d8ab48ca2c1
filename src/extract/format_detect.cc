#include "extract/format_detect.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "extract/dossier_reader.h"
#include "extract/line_text.h"

namespace malaf {
namespace {

using extract_internal::AsciiLower;

constexpr size_t kSniffBytes = 64 * 1024;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Skips a UTF-8 BOM, whitespace, XML comments and processing instructions
// other than the declaration, so that "<rss" or "[" is seen first.
std::string_view SkipLeadingSpace(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) ++i;
  return s.substr(i);
}

// The first line that is not blank parses as a complete JSON value start and
// the text has at least two lines starting with '{': JSON Lines.
bool LooksLikeJsonLines(std::string_view s) {
  size_t objects = 0;
  size_t lines = 0;
  size_t pos = 0;
  while (pos < s.size() && lines < 50) {
    size_t nl = s.find('\n', pos);
    std::string_view line = s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? s.size() : nl + 1;
    line = SkipLeadingSpace(line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) continue;
    ++lines;
    // A line-delimited object starts with '{' and ends with '}' on the same
    // line; a pretty-printed array or object does not.
    if (line.front() == '{' && line.back() == '}') ++objects;
    else if (nl != std::string_view::npos) return false;  // not the (possibly cut) last line
  }
  return objects >= 2 || (objects == 1 && lines == 1);
}

}  // namespace

Container DetectContainer(std::string_view b) {
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1F && static_cast<unsigned char>(b[1]) == 0x8B)
    return Container::kGzip;
  if (b.size() >= 4 && (StartsWith(b, std::string_view("PK\x03\x04", 4)) || StartsWith(b, std::string_view("PK\x05\x06", 4))))
    return Container::kZip;
  return Container::kNone;
}

std::string_view BinarySignature(std::string_view b) {
  struct Sig { std::string_view magic; std::string_view name; };
  static const Sig kSigs[] = {
      {"%PDF-", "PDF document"},
      {"\x89PNG\r\n\x1a\n", "PNG image"},
      {"\xFF\xD8\xFF", "JPEG image"},
      {"GIF87a", "GIF image"},
      {"GIF89a", "GIF image"},
      {"\x7F" "ELF", "ELF executable"},
      {std::string_view("BZh", 3), "bzip2 archive"},
      {std::string_view("\xFD" "7zXZ\x00", 6), "xz archive"},
      {std::string_view("7z\xBC\xAF\x27\x1C", 6), "7-Zip archive"},
      {std::string_view("Rar!\x1A\x07", 6), "RAR archive"},
      {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "OLE document (old Word/Excel)"},
      {std::string_view("SQLite format 3\x00", 16), "SQLite database"},
      {std::string_view("\x28\xB5\x2F\xFD", 4), "zstd archive"},
      {"OggS", "Ogg media"},
      {"ID3", "MP3 audio"},
  };
  for (const auto& s : kSigs)
    if (StartsWith(b, s.magic)) return s.name;
  if (b.size() >= 12 && StartsWith(b, "RIFF")) return "RIFF media";
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return "MP4 media";
  return "";
}

std::string_view DetectUtf16WithoutBom(std::string_view b) {
  std::string_view head = b.substr(0, kSniffBytes & ~size_t{1});
  if (head.size() < 8) return "";
  // Per parity, how many bytes fall in the two most common values: the high
  // bytes of UTF-16 text come from one or two blocks (00 for ASCII, 06 for
  // Arabic), the low bytes are spread.
  size_t counts[2][256] = {};
  for (size_t i = 0; i < head.size(); ++i) ++counts[i % 2][static_cast<unsigned char>(head[i])];
  size_t top[2] = {0, 0};
  for (int p = 0; p < 2; ++p) {
    size_t a = 0, c = 0;
    for (size_t v : counts[p]) {
      if (v > a) { c = a; a = v; }
      else if (v > c) c = v;
    }
    top[p] = a + c;
  }
  size_t half = head.size() / 2;
  auto plausible_high = [&](int p) { return counts[p][0] + counts[p][6] + counts[p][0x20] >= half * 85 / 100; };
  if (top[1] * 100 >= half * 95 && plausible_high(1) && top[0] * 100 < half * 80) return "utf-16le";
  if (top[0] * 100 >= half * 95 && plausible_high(0) && top[1] * 100 < half * 80) return "utf-16be";
  return "";
}

bool LooksBinary(std::string_view b) {
  std::string_view head = b.substr(0, kSniffBytes);
  if (head.empty()) return false;
  if (!DetectUtf16WithoutBom(head).empty()) return false;
  // Byte-order marks announce text.
  if (StartsWith(head, "\xFF\xFE") || StartsWith(head, "\xFE\xFF") || StartsWith(head, "\xEF\xBB\xBF")) return false;
  size_t nul_even = 0, nul_odd = 0, control = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(head[i]);
    if (c == 0) (i % 2 ? nul_odd : nul_even)++;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
    else if (c == 0x7F) ++control;
  }
  size_t n = head.size();
  // UTF-16 text: NULs on one parity only (the high byte of Arabic is 0x06,
  // of ASCII 0x00), and few on the other.
  bool utf16 = (nul_odd > n / 8 && nul_even < n / 64 + 1) || (nul_even > n / 8 && nul_odd < n / 64 + 1);
  if (utf16) return control > n / 8;
  if (nul_even + nul_odd > 0) return true;
  return control * 20 > n;  // more than 5% control bytes
}

bool LooksLikeJsonStart(std::string_view s) {
  size_t i = s.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos || (s[i] != '[' && s[i] != '{')) return false;
  size_t j = s.find_first_not_of(" \t\r\n", i + 1);
  if (j == std::string_view::npos) return false;
  char c = s[j];
  if (s[i] == '{') return c == '"' || c == '}';
  return c == '"' || c == '[' || c == '{' || c == ']' || c == '-' || (c >= '0' && c <= '9') || c == 't' ||
         c == 'f' || c == 'n';
}

std::string DetectFormat(std::string_view utf8) {
  std::string_view s = SkipLeadingSpace(utf8.substr(0, kSniffBytes));
  if (s.empty()) return "text";
  bool json_start = LooksLikeJsonStart(s);
  if (s.front() == '[' && json_start) return "json";
  if (s.front() == '{' && json_start) {
    if (LooksLikeJsonLines(s)) return "jsonl";
    // Lines longer than the sniffed prefix: "}\n{" never occurs in one JSON
    // document (objects in an array are separated by commas).
    if (utf8.find("}\n{") != std::string_view::npos || utf8.find("}\r\n{") != std::string_view::npos) return "jsonl";
    return "json";
  }
  if (s.front() == '<') {
    std::string lower = AsciiLower(s.substr(0, 8192));
    // Find the first element name that is not a declaration, comment or
    // processing instruction.
    size_t pos = 0;
    std::string root;
    while (pos < lower.size()) {
      pos = lower.find('<', pos);
      if (pos == std::string::npos) break;
      if (lower.compare(pos, 4, "<!--") == 0) {
        size_t end = lower.find("-->", pos + 4);
        if (end == std::string::npos) break;
        pos = end + 3;
        continue;
      }
      if (lower.compare(pos, 2, "<?") == 0 || lower.compare(pos, 2, "<!") == 0) {
        if (lower.compare(pos, 14, "<!doctype html") == 0) return "html";
        size_t end = lower.find('>', pos);
        if (end == std::string::npos) break;
        pos = end + 1;
        continue;
      }
      size_t e = pos + 1;
      while (e < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[e])) || lower[e] == ':' ||
                                  lower[e] == '-' || lower[e] == '_'))
        ++e;
      root = lower.substr(pos + 1, e - pos - 1);
      break;
    }
    if (root == "rss" || root == "rdf:rdf" || root == "rdf") return "rss";
    if (root == "feed" || root == "atom:feed") return "atom";
    if (root == "html" || root == "head" || root == "body") return "html";
    bool xml_decl = StartsWith(lower, "<?xml");
    if (xml_decl && !root.empty()) {
      // An XHTML page starts with <?xml too.
      if (lower.find("<html") != std::string::npos) return "html";
      return "xml";
    }
    return "html";  // fragments of HTML (<div>, <p>, ...)
  }
  // Text that is mostly markup with a few words before it is still HTML.
  {
    std::string lower = AsciiLower(s.substr(0, 4096));
    if (lower.find("<html") != std::string::npos || lower.find("<body") != std::string::npos) return "html";
  }
  // Whole lines only, so that no UTF-8 sequence is cut.
  std::string_view prefix = utf8.substr(0, 4 * kSniffBytes);
  if (prefix.size() < utf8.size()) prefix = prefix.substr(0, prefix.rfind('\n') + 1);
  if (LooksLikeDossier(prefix)) return "dossier";
  return "text";
}

bool IsKnownFormat(std::string_view name) {
  static const char* kNames[] = {"html", "text", "dossier", "rss", "atom", "json", "jsonl"};
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* n) { return name == n; });
}

}  // namespace malaf
