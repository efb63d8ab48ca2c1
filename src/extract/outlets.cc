#include "extract/outlets.h"

#include <unordered_map>
#include <vector>

#include "base/data_files.h"
#include "text/normalizer.h"

namespace malaf {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Lowercase ASCII host (or host/path prefix) from a URL or bare domain.
std::string HostOf(std::string_view s) {
  s = Trim(s);
  size_t scheme = s.find("://");
  if (scheme != std::string_view::npos) s = s.substr(scheme + 3);
  std::string out;
  for (char c : s) {
    if (c == '?' || c == '#') break;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (out.rfind("www.", 0) == 0) out.erase(0, 4);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

bool LooksLikeDomain(std::string_view s) {
  s = Trim(s);
  if (s.find("://") != std::string_view::npos) return true;
  if (s.find(' ') != std::string_view::npos || s.find('.') == std::string_view::npos) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Folded key of a name: search key, spaces collapsed, a leading kind word
// (موقع، صحيفة …) dropped.
std::string NameKey(std::string_view name) {
  std::string k = text::SearchKey(Trim(name));
  std::string out;
  bool space = false;
  for (char c : k) {
    if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '"' || c == '\'') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  static const char* kKinds[] = {"موقع ", "صحيفه ", "جريده ", "قناه ", "وكاله ", "بوابه ", "مجله ", "تلفزيون "};
  for (const char* kind : kKinds) {
    std::string kk = text::SearchKey(kind);
    if (out.size() > kk.size() && out.rfind(kk, 0) == 0) {
      out.erase(0, kk.size());
      break;
    }
  }
  return out;
}

struct Registry {
  std::vector<OutletInfo> outlets;
  std::unordered_map<std::string, size_t> by_name;
  std::unordered_map<std::string, size_t> by_domain;  // host or host/path
};

const Registry& GetRegistry() {
  static const Registry* reg = [] {
    auto* r = new Registry;
    auto bytes = DataFile("data/outlets.tsv");
    if (!bytes) return r;
    for (const auto& f : ReadTable(*bytes)) {
      if (f.empty() || Trim(f[0]).empty()) continue;
      OutletInfo info;
      info.name = std::string(Trim(f[0]));
      if (f.size() > 1) info.country = std::string(Trim(f[1]));
      std::vector<std::string> domains;
      if (f.size() > 2) {
        std::string_view d = f[2];
        while (!d.empty()) {
          size_t comma = d.find(',');
          std::string one = HostOf(d.substr(0, comma));
          if (!one.empty()) domains.push_back(one);
          if (comma == std::string_view::npos) break;
          d = d.substr(comma + 1);
        }
      }
      if (!domains.empty()) info.domain = domains.front();
      size_t idx = r->outlets.size();
      r->outlets.push_back(info);
      r->by_name.emplace(NameKey(info.name), idx);
      for (const auto& d : domains) r->by_domain.emplace(d, idx);
      if (f.size() > 3) {
        std::string_view v = f[3];
        while (!v.empty()) {
          size_t comma = v.find(',');
          std::string_view one = Trim(v.substr(0, comma));
          if (!one.empty()) {
            if (LooksLikeDomain(one)) r->by_domain.emplace(HostOf(one), idx);
            else r->by_name.emplace(NameKey(one), idx);
          }
          if (comma == std::string_view::npos) break;
          v = v.substr(comma + 1);
        }
      }
    }
    return r;
  }();
  return *reg;
}

}  // namespace

std::optional<OutletInfo> LookupOutlet(std::string_view name_or_domain) {
  const Registry& reg = GetRegistry();
  std::string_view s = Trim(name_or_domain);
  if (s.empty() || s.size() > 2048) return std::nullopt;
  if (LooksLikeDomain(s)) {
    std::string host = HostOf(s);
    // host/path prefixes first (bbc.com/arabic), longest first.
    for (size_t slash = host.size(); slash != std::string::npos && slash > 0;) {
      auto it = reg.by_domain.find(host.substr(0, slash));
      if (it != reg.by_domain.end()) return reg.outlets[it->second];
      slash = host.rfind('/', slash - 1);
    }
    std::string h = host.substr(0, host.find('/'));
    // Parent domains: m.youm7.com -> youm7.com.
    while (true) {
      auto it = reg.by_domain.find(h);
      if (it != reg.by_domain.end()) return reg.outlets[it->second];
      size_t dot = h.find('.');
      if (dot == std::string::npos || h.find('.', dot + 1) == std::string::npos) break;
      h = h.substr(dot + 1);
    }
    return std::nullopt;
  }
  auto it = reg.by_name.find(NameKey(s));
  if (it != reg.by_name.end()) return reg.outlets[it->second];
  // Corpus keys and bare domain stems ("sabq", "okaz") name outlets too.
  // Only when the stem is not shared: "alwatan" is Saudi, Kuwaiti, Omani…
  std::string lower = HostOf(s);
  if (lower.find_first_of(" ./") != std::string::npos) return std::nullopt;
  std::optional<size_t> hit;
  for (const char* tld : {".com", ".net", ".org", ".info", ".news", ".com.sa", ".sa", ".com.kw", ".ae", ".qa",
                          ".com.eg", ".ma", ".dz", ".tn", ".ly", ".iq", ".sy", ".ps", ".jo", ".com.lb", ".om"}) {
    auto d = reg.by_domain.find(lower + tld);
    if (d == reg.by_domain.end()) continue;
    if (hit && *hit != d->second) return std::nullopt;
    hit = d->second;
  }
  if (hit) return reg.outlets[*hit];
  return std::nullopt;
}

std::string CanonicalOutlet(std::string_view name_or_domain) {
  auto info = LookupOutlet(name_or_domain);
  return info ? info->name : std::string();
}

}  // namespace malaf
