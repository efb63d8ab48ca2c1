// Reads the SaudiNewsNet daily zips of ../shared/corpus/saudinewsnet into
// Articles (tests and benchmarks only; the corpus is never copied into the
// project). Each zip holds one JSON array of {source, url, date_extracted,
// title, author, content}. `published` is date_extracted as ISO 8601 to the
// minute ("2015-07-21T02:51"), the id is ArticleContentId, as on ingest.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/article.h"
#include "text/normalizer.h"

namespace malaf::testing {

inline std::string SaudiCorpusDir() { return std::string(MALAF_SHARED_CORPUS) + "/saudinewsnet"; }

inline bool ReadZipMember(const std::string& path, std::string* out) {
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  archive_read_support_filter_all(a);
  if (archive_read_open_filename(a, path.c_str(), 1 << 16) != ARCHIVE_OK) {
    archive_read_free(a);
    return false;
  }
  archive_entry* e;
  bool ok = false;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    char buf[1 << 16];
    la_ssize_t n;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
    ok = n == 0;
    break;
  }
  archive_read_free(a);
  return ok;
}

inline std::string IsoMinute(std::string s) {  // "2015-07-21 02:51:32" -> "2015-07-21T02:51"
  if (s.size() >= 16 && s[10] == ' ') return s.substr(0, 10) + "T" + s.substr(11, 5);
  return s.size() >= 10 ? s.substr(0, 10) : "";
}

// All articles of the corpus, in file order; empty when the corpus is absent.
inline std::vector<Article> LoadSaudiCorpus(size_t max_files = 1000) {
  std::vector<Article> out;
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(SaudiCorpusDir(), ec))
    if (e.path().extension() == ".zip") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (files.size() > max_files) files.resize(max_files);
  for (const auto& f : files) {
    std::string bytes;
    if (!ReadZipMember(f, &bytes)) continue;
    auto j = nlohmann::json::parse(bytes, nullptr, false);
    if (!j.is_array()) continue;
    for (const auto& item : j) {
      Article a;
      a.title = text::NormalizeDisplay(item.value("title", ""));
      a.body = text::NormalizeDisplay(item.value("content", ""));
      a.outlet = item.value("source", "");
      a.url = item.value("url", "");
      a.published = IsoMinute(item.value("date_extracted", ""));
      a.id = ArticleContentId(a);
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace malaf::testing
