#include "extract/places.h"

#include <unordered_map>
#include <vector>

#include "base/data_files.h"
#include "extract/fold_tokens.h"

namespace malaf {
namespace {

struct Gazetteer {
  std::vector<Place> places;
  std::unordered_map<std::string, size_t> by_key;
};

void AddKey(Gazetteer* g, std::string_view name, size_t idx) {
  std::string key = fold::FoldKey(name);
  if (!key.empty()) g->by_key.emplace(key, idx);  // first row wins (capitals before homonyms)
}

const Gazetteer& GetGazetteer() {
  static const Gazetteer* gaz = [] {
    auto* g = new Gazetteer;
    auto bytes = DataFile("data/places.tsv");
    if (!bytes) return g;
    // Columns: name, type, country, english, variants (comma-separated), common.
    for (const auto& f : ReadTable(*bytes)) {
      if (f.size() < 3 || f[0].empty()) continue;
      Place p;
      p.name = std::string(f[0]);
      p.type = std::string(f[1]);
      p.country = std::string(f[2]);
      if (f.size() > 3) p.english = std::string(f[3]);
      p.common = f.size() > 5 && f[5] == "1";
      size_t idx = g->places.size();
      g->places.push_back(p);
      AddKey(g, p.name, idx);
      if (!p.english.empty()) AddKey(g, p.english, idx);
      if (f.size() > 4) {
        std::string_view v = f[4];
        while (!v.empty()) {
          size_t comma = v.find(',');
          AddKey(g, v.substr(0, comma), idx);
          if (comma == std::string_view::npos) break;
          v = v.substr(comma + 1);
        }
      }
    }
    return g;
  }();
  return *gaz;
}

}  // namespace

std::optional<Place> LookupPlace(std::string_view name) {
  if (name.size() > 256) return std::nullopt;
  const Gazetteer& g = GetGazetteer();
  auto it = g.by_key.find(fold::FoldKey(name));
  if (it == g.by_key.end()) return std::nullopt;
  return g.places[it->second];
}

}  // namespace malaf
