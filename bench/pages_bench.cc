// Main-text extraction benchmark: loads every page of the article-extraction
// benchmark (html/KEY.html.gz) once, extracts them all (timed, repeated until
// at least --min-seconds have passed), and writes one JSON object
// {"KEY": {"articleBody": "..."}} for bench/pages_score.py.
//   pages_bench CORPUS_DIR OUT.json [--min-seconds S]
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/page.h"

namespace {

bool ReadGzip(const std::string& path, std::string* out) {
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_raw(a);
  bool ok = archive_read_open_filename(a, path.c_str(), 1 << 16) == ARCHIVE_OK;
  archive_entry* entry;
  if (ok && archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    char buf[1 << 16];
    la_ssize_t n;
    while ((n = archive_read_data(a, buf, sizeof(buf))) > 0) out->append(buf, static_cast<size_t>(n));
    ok = n == 0;
  } else {
    ok = false;
  }
  archive_read_free(a);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: pages_bench CORPUS_DIR OUT.json [--min-seconds S]\n");
    return 2;
  }
  double min_seconds = 2.0;
  for (int i = 3; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--min-seconds") min_seconds = std::stod(argv[i + 1]);
  }
  std::vector<std::string> keys, pages;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(argv[1]) / "html")) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  size_t bytes = 0;
  for (const auto& f : files) {
    std::string name = f.filename().string();
    if (name.size() < 8 || name.compare(name.size() - 8, 8, ".html.gz") != 0) continue;
    std::string html;
    if (!ReadGzip(f.string(), &html)) {
      std::fprintf(stderr, "%s: cannot read\n", f.c_str());
      return 1;
    }
    // The benchmark pages are UTF-8; repair nothing here, extraction
    // requires valid UTF-8 and the front door decodes first.
    keys.push_back(name.substr(0, name.size() - 8));
    bytes += html.size();
    pages.push_back(std::move(html));
  }
  nlohmann::json out = nlohmann::json::object();
  // Warm-up and output pass.
  for (size_t i = 0; i < pages.size(); ++i) {
    auto page = malaf::ExtractHtmlPage(pages[i]);
    std::string body;
    if (page.ok()) {
      for (const auto& p : page->paragraphs) {
        if (!body.empty()) body += "\n\n";
        body += p;
      }
    }
    out[keys[i]] = {{"articleBody", body}, {"title", page.ok() ? page->title : ""}};
  }
  size_t rounds = 0;
  // Wall-clock and this process's CPU time: on a shared machine the CPU
  // figure is the one that other people's load does not move.
  std::clock_t cpu_start = std::clock();
  auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  size_t sink = 0;
  do {
    for (const auto& html : pages) {
      auto page = malaf::ExtractHtmlPage(html);
      if (page.ok()) sink += page->paragraphs.size();
    }
    ++rounds;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (elapsed < min_seconds);
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::ofstream(argv[2]) << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
  double pps = static_cast<double>(pages.size() * rounds) / elapsed;
  double cpu_pps = static_cast<double>(pages.size() * rounds) / cpu;
  std::printf("{\"pages\": %zu, \"bytes\": %zu, \"rounds\": %zu, \"seconds\": %.4f, \"pages_per_second\": %.1f, "
              "\"cpu_seconds\": %.4f, \"pages_per_cpu_second\": %.1f, \"sink\": %zu}\n",
              pages.size(), bytes, rounds, elapsed, pps, cpu, cpu_pps, sink);
  return 0;
}
