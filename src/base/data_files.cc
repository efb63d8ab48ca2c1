#include "base/data_files.h"

#include <algorithm>
#include <span>
#include <utility>

namespace malaf {
namespace embedded {
std::span<const std::pair<std::string_view, std::string_view>> DataFiles();
}

std::optional<std::string_view> DataFile(std::string_view name) {
  for (const auto& [n, bytes] : embedded::DataFiles())
    if (n == name) return bytes;
  return std::nullopt;
}

std::vector<std::string_view> DataFileNames() {
  std::vector<std::string_view> names;
  for (const auto& f : embedded::DataFiles()) names.push_back(f.first);
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::vector<std::string_view>> ReadTable(std::string_view contents) {
  std::vector<std::vector<std::string_view>> rows;
  size_t pos = 0;
  while (pos < contents.size()) {
    size_t eol = contents.find('\n', pos);
    if (eol == std::string_view::npos) eol = contents.size();
    std::string_view line = contents.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    size_t f = 0;
    while (true) {
      size_t tab = line.find('\t', f);
      fields.push_back(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace malaf
