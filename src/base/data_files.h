// Access to the tables under data/, which are compiled into the binary.
//
// Names are paths relative to the project root ("data/months.tsv"). The
// returned views point into static storage and stay valid for the life of
// the process. Thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace malaf {

// The bytes of one data file, or nullopt when there is none by that name.
std::optional<std::string_view> DataFile(std::string_view name);

// The names of all embedded data files, sorted.
std::vector<std::string_view> DataFileNames();

// Splits a table file into rows of tab-separated fields; skips blank lines
// and lines starting with '#'. Views point into the file's static storage.
std::vector<std::vector<std::string_view>> ReadTable(std::string_view contents);

}  // namespace malaf
