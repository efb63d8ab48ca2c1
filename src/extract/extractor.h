// The front door of src/extract: bytes or a file of any supported kind ->
// Articles. Detects the format from content (`ExtractOptions::format`
// overrides), decodes the charset, unpacks gzip and zip, splits dossiers,
// feeds and JSON exports into articles, cleans pages, then fills metadata
// (outlet, dateline, agencies, authors, date).
// Thread-safe; no global state. Never throws; bad input is reported per
// input in ExtractOutput::errors while the rest goes on.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/article.h"

namespace malaf {

struct ExtractOptions {
  // "" (detect), "html", "text", "dossier", "rss", "atom", "json", "jsonl".
  std::string format;
  // Explicit charset ("windows-1256"); "" to detect.
  std::string charset;
  // Reference time for relative dates ("منذ 10 ساعات", "أمس"), ISO 8601.
  // "" uses the source's own date (the dossier's date, the feed's date),
  // else the file's modification time, else now.
  std::string reference_date;
  // JSON field mapping, Article field -> input field (--field body=content).
  std::map<std::string, std::string> field_map;
  // Limits that keep memory bounded on hostile input.
  size_t max_input_bytes = 128u << 20;    // one file, or one member after decompression
  size_t max_articles_per_input = 200000;
};

struct InputError {
  std::string path;
  Status status;  // message names the reason; path is not repeated in it
};

struct ExtractOutput {
  std::vector<Article> articles;  // each with sources = {path, format, index}
  std::vector<InputError> errors;
};

// Extracts from bytes already read. `path` names the input in provenance
// and errors ("-" for stdin).
ExtractOutput ExtractBytes(std::string_view path, std::string_view bytes, const ExtractOptions& options);

// Reads and extracts one file (gzip and zip read directly).
ExtractOutput ExtractFile(const std::string& path, const ExtractOptions& options);

}  // namespace malaf
