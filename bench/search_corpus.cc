#include "search_corpus.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "text/normalizer.h"

namespace malaf::bench {
namespace fs = std::filesystem;

namespace {
[[noreturn]] void Die(const std::string& m) {
  std::fprintf(stderr, "search bench: %s\n", m.c_str());
  std::exit(1);
}

std::string ReadZipMember(const std::string& path) {
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  archive_read_support_filter_all(a);
  if (archive_read_open_filename(a, path.c_str(), 1 << 16) != ARCHIVE_OK) Die(path + ": " + archive_error_string(a));
  archive_entry* e;
  std::string out;
  if (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    char buf[1 << 16];
    la_ssize_t n;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  }
  archive_read_free(a);
  return out;
}

std::string CleanBody(const std::string& content) {
  // Paragraphs are separated by "\n"; display-normalize each, join with "\n\n".
  std::string out;
  size_t b = 0;
  while (b <= content.size()) {
    size_t e = content.find('\n', b);
    if (e == std::string::npos) e = content.size();
    std::string p = text::NormalizeDisplay(std::string_view(content).substr(b, e - b));
    size_t s = p.find_first_not_of(' '), t = p.find_last_not_of(' ');
    if (s != std::string::npos) {
      if (!out.empty()) out += "\n\n";
      out += p.substr(s, t - s + 1);
    }
    b = e + 1;
  }
  return out;
}

std::string Str(const nlohmann::json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

std::vector<BenchDoc> LoadSaudiNewsNet(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".zip") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<BenchDoc> docs;
  for (const auto& f : files) {
    auto j = nlohmann::json::parse(ReadZipMember(f), nullptr, false);
    if (!j.is_array()) Die(f + ": not a JSON array");
    for (const auto& x : j) {
      BenchDoc d;
      d.key = Str(x, "url");
      d.id = Hex64(Hash64(d.key));
      d.title = text::NormalizeDisplay(Str(x, "title"));
      d.outlet = Str(x, "source");
      d.published = Str(x, "date_extracted").substr(0, 10);
      d.body = CleanBody(Str(x, "content"));
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

std::vector<BenchDoc> LoadSeeds(const std::string& dir) {
  std::vector<BenchDoc> docs;
  auto read = [&](const std::string& name) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    if (!in) Die(dir + "/" + name + ": cannot open");
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto add = [&](const std::string& key, const std::string& textv) {
    std::string body = CleanBody(textv);
    BenchDoc d;
    d.key = key;
    d.id = Hex64(Hash64(key));
    size_t nl = body.find("\n\n");
    d.title = body.substr(0, nl);
    d.body = nl == std::string::npos ? std::string() : body.substr(nl + 2);
    d.published = "2016-08-27";
    d.outlet = "seed";
    docs.push_back(std::move(d));
  };
  std::string dossier = read("dossier-geneva-2016-08.txt");
  std::string section;
  int n = 0;
  size_t b = 0;
  while (b < dossier.size()) {
    size_t e = dossier.find('\n', b);
    if (e == std::string::npos) e = dossier.size();
    std::string line = dossier.substr(b, e - b);
    if (line.size() >= 10 && line.find_first_not_of("=\r") == std::string::npos) {
      add("seed:dossier-geneva-2016-08.txt#" + std::to_string(n++), section);
      section.clear();
    } else {
      section += line;
      section += '\n';
    }
    b = e + 1;
  }
  if (section.find_first_not_of(" \n\r") != std::string::npos)
    add("seed:dossier-geneva-2016-08.txt#" + std::to_string(n++), section);
  for (const char* p : {"page-geneva-2016-08.txt", "page-moscow-2016-03.txt"}) add(std::string("seed:") + p, read(p));
  return docs;
}

void WriteJsonl(const BenchDoc& d, std::string* out) {
  nlohmann::json j = {{"key", d.key}, {"title", d.title}, {"outlet", d.outlet}, {"published", d.published},
                      {"body", d.body}};
  *out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  *out += '\n';
}

uint64_t ForEachJsonl(const std::string& path, const std::function<void(BenchDoc&&)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die(path + ": cannot open");
  std::string line;
  uint64_t n = 0;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) Die(path + ": line " + std::to_string(n + 1) + " is not JSON");
    BenchDoc d;
    d.key = Str(j, "key");
    d.id = Hex64(Hash64(d.key));
    d.title = Str(j, "title");
    d.outlet = Str(j, "outlet");
    d.published = Str(j, "published");
    d.body = Str(j, "body");
    fn(std::move(d));
    ++n;
  }
  return n;
}

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double NowSeconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace malaf::bench
