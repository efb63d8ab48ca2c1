#include "text/stemmer.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/data_files.h"
#include "text/normalizer.h"

namespace malaf::text {
namespace {

struct StemTables {
  std::vector<std::string> prefixes;  // longest first
  std::vector<std::string> suffixes;  // longest first
  std::unordered_set<std::string> stopwords;
  size_t min_stem_chars = 2;
};

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

const StemTables& Tables() {
  static const StemTables* t = [] {
    auto* t = new StemTables;
    if (auto f = DataFile("data/stemmer.tsv")) {
      for (const auto& row : ReadTable(*f)) {
        if (row.size() < 2) continue;
        if (row[0] == "prefix") t->prefixes.emplace_back(SearchKey(row[1]));
        else if (row[0] == "suffix") t->suffixes.emplace_back(SearchKey(row[1]));
        else if (row[0] == "min_stem") t->min_stem_chars = std::stoul(std::string(row[1]));
      }
    }
    auto longest_first = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
    std::stable_sort(t->prefixes.begin(), t->prefixes.end(), longest_first);
    std::stable_sort(t->suffixes.begin(), t->suffixes.end(), longest_first);
    if (auto f = DataFile("data/stopwords.txt"))
      for (const auto& row : ReadTable(*f))
        if (!row.empty() && !row[0].empty()) t->stopwords.insert(SearchKey(row[0]));
    return t;
  }();
  return *t;
}

}  // namespace

std::string LightStem(std::string_view key) {
  if (key.empty() || static_cast<unsigned char>(key[0]) < 0xD8 || static_cast<unsigned char>(key[0]) > 0xDB)
    return std::string(key);
  const StemTables& t = Tables();
  std::string_view w = key;
  for (const auto& p : t.prefixes) {
    if (w.size() > p.size() && w.compare(0, p.size(), p) == 0 &&
        CharCount(w.substr(p.size())) >= t.min_stem_chars + 1) {
      w.remove_prefix(p.size());
      break;
    }
  }
  for (const auto& s : t.suffixes) {
    if (w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0 &&
        CharCount(w.substr(0, w.size() - s.size())) >= t.min_stem_chars) {
      w.remove_suffix(s.size());
      break;
    }
  }
  return std::string(w);
}

bool IsStopword(std::string_view key) {
  return Tables().stopwords.count(std::string(key)) > 0;
}

}  // namespace malaf::text
