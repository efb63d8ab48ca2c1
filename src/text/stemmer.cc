// The light stemmer. Every result is a substring of the key (only affixes
// are removed), so LightStemView never allocates.
#include "text/stemmer.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/data_files.h"
#include "text/normalizer.h"

namespace malaf::text {
namespace {

struct Affix {
  std::string text;      // search-key form
  size_t min_remaining;  // letters that must remain after stripping
};

struct StemTables {
  Affix waw{"\u0648", 3};
  std::vector<Affix> prefixes;  // longest first
  std::vector<Affix> suffixes;  // in light10 order
  std::deque<std::string> storage;
  std::unordered_set<std::string_view> keep;
  std::unordered_set<std::string_view> waw_roots;  // stems, و kept
  std::unordered_set<std::string_view> stopwords;
};

size_t Letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::string_view StripArticle(const StemTables& t, std::string_view w) {
  for (const auto& p : t.prefixes)
    if (w.size() > p.text.size() && StartsWith(w, p.text) && Letters(w.substr(p.text.size())) >= p.min_remaining)
      return w.substr(p.text.size());
  return w;
}

std::string_view StripSuffixes(const StemTables& t, std::string_view w) {
  for (const auto& s : t.suffixes)
    if (w.size() > s.text.size() && EndsWith(w, s.text) &&
        Letters(w.substr(0, w.size() - s.text.size())) >= s.min_remaining)
      w.remove_suffix(s.text.size());
  return w;
}

// Article and suffixes, with the keep list checked after the article.
std::string_view StemWithoutWaw(const StemTables& t, std::string_view w) {
  if (t.keep.count(w)) return w;
  w = StripArticle(t, w);
  if (t.keep.count(w)) return w;
  return StripSuffixes(t, w);
}

const StemTables& Tables() {
  static const StemTables* t = [] {
    auto* t = new StemTables;
    auto own = [t](std::string s) -> std::string_view { return t->storage.emplace_back(std::move(s)); };
    std::vector<std::string> keep, roots;
    if (auto f = DataFile("data/stemmer.tsv")) {
      for (const auto& row : ReadTable(*f)) {
        if (row.size() < 2) continue;
        size_t min = row.size() >= 3 ? std::stoul(std::string(row[2])) : 2;
        if (row[0] == "prefix_waw") t->waw = {SearchKey(row[1]), min};
        else if (row[0] == "prefix") t->prefixes.push_back({SearchKey(row[1]), min});
        else if (row[0] == "suffix") {
          std::string k = SearchKey(row[1]);
          bool dup = false;  // ة and ه fold to one key
          for (const auto& s : t->suffixes) dup |= s.text == k;
          if (!dup) t->suffixes.push_back({k, min});
        } else if (row[0] == "keep") keep.push_back(SearchKey(row[1]));
        else if (row[0] == "waw_root") roots.push_back(SearchKey(row[1]));
      }
    }
    std::stable_sort(t->prefixes.begin(), t->prefixes.end(),
                     [](const Affix& a, const Affix& b) { return a.text.size() > b.text.size(); });
    // A kept word is stored without its article (so البحرين, والبحرين and
    // بالبحرين all stem to بحرين), unless that would leave under three
    // letters (الله is not ال + له).
    for (const auto& k : keep) {
      std::string_view bare = StripArticle(*t, k);
      t->keep.insert(own(Letters(bare) >= 3 ? std::string(bare) : k));
    }
    for (const auto& r : roots) t->waw_roots.insert(own(std::string(StemWithoutWaw(*t, r))));
    if (auto f = DataFile("data/stopwords.txt"))
      for (const auto& row : ReadTable(*f))
        if (!row.empty() && !row[0].empty()) t->stopwords.insert(own(SearchKey(row[0])));
    return t;
  }();
  return *t;
}

}  // namespace

std::string_view LightStemView(std::string_view key) {
  // Only Arabic-script words (lead bytes 0xD8..0xDB: U+0600..U+06FF).
  if (key.empty() || static_cast<unsigned char>(key[0]) < 0xD8 || static_cast<unsigned char>(key[0]) > 0xDB)
    return key;
  const StemTables& t = Tables();
  if (StartsWith(key, t.waw.text) && Letters(key) - 1 >= t.waw.min_remaining) {
    std::string_view with_waw = StemWithoutWaw(t, key);
    if (t.waw_roots.count(with_waw)) return with_waw;
    return StemWithoutWaw(t, key.substr(t.waw.text.size()));
  }
  return StemWithoutWaw(t, key);
}

std::string LightStem(std::string_view key) { return std::string(LightStemView(key)); }

bool IsStopword(std::string_view key) { return Tables().stopwords.count(key) > 0; }

}  // namespace malaf::text
