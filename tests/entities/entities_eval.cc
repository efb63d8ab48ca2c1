// Scores entity and quotation analysis against tests/entities/gold/ on the
// shared corpus, and prints analyses for writing gold.
//   entities_eval [--corpus DIR] [--gold DIR] [--set dev|dev2|dev3|heldout3] [--errors]
//   entities_eval --speed SOURCE                analysis throughput
//   entities_eval --dump SOURCE [KEY-PART]    SOURCE: dossier, page:FILE, saudinewsnet:DAY, file:PATH
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "gold_corpus.h"

using namespace malaf::entities;
using namespace malaf::entities::gold;

namespace {

std::string Cut(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

void PrintRow(const char* name, const Counts& c) {
  std::printf("| %s | %d | %d | %d | %.3f | %.3f | %.3f |\n", name, c.tp, c.fp, c.fn, c.precision(), c.recall(), c.f1());
}

std::vector<CorpusArticle> Load(const std::string& corpus, const std::string& source) {
  if (source == "dossier") return ReadDossier(corpus + "/seeds/dossier-geneva-2016-08.txt");
  if (source.rfind("page:", 0) == 0) return ReadPage(corpus + "/seeds/" + source.substr(5));
  if (source.rfind("saudinewsnet:", 0) == 0) return ReadSaudiNewsNet(corpus + "/saudinewsnet/" + source.substr(13) + ".zip");
  if (source.rfind("file:", 0) == 0) return ReadPage(source.substr(5));
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = MALAF_SHARED_CORPUS;
  std::string gold_dir = std::string(MALAF_SOURCE_DIR) + "/tests/entities/gold";
  std::string set, dump, key_part, speed;
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--gold" && i + 1 < argc) gold_dir = argv[++i];
    else if (a == "--set" && i + 1 < argc) set = argv[++i];
    else if (a == "--errors") errors = true;
    else if (a == "--speed" && i + 1 < argc) speed = argv[++i];
    else if (a == "--dump" && i + 1 < argc) {
      dump = argv[++i];
      if (i + 1 < argc) key_part = argv[++i];
    } else {
      std::fprintf(stderr, "usage: entities_eval [--corpus DIR] [--gold DIR] [--set dev|dev2|dev3|heldout3] [--errors] | --dump SOURCE [KEY-PART]\n");
      return 2;
    }
  }
  if (!speed.empty()) {
    // Analysis throughput on one source, reading excluded.
    auto articles = Load(corpus, speed);
    size_t bytes = 0, entities = 0, quotes = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& a : articles) {
      TextAnalysis t = AnalyzeText(a.body);
      bytes += a.body.size();
      entities += t.entities.size();
      quotes += t.quotes.size();
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%zu articles, %.1f MB in %.2f s: %.0f articles/s, %.2f MB/s; %zu entities, %zu quotations\n",
                articles.size(), bytes / 1e6, s, articles.size() / s, bytes / 1e6 / s, entities, quotes);
    return 0;
  }
  if (!dump.empty()) {
    for (const auto& a : Load(corpus, dump)) {
      if (!key_part.empty() && a.key.find(key_part) == std::string::npos) continue;
      TextAnalysis t = AnalyzeText(a.body);
      std::printf("article\t%s\t%s\t%s\n", dump.c_str(), "dev", a.key.c_str());
      std::printf("#BODY %s\n", a.body.c_str());
      for (const auto& e : t.entities) {
        std::string sp = e.name;
        for (const auto& s : e.surfaces)
          if (s != e.name) sp += "|" + s;
        std::printf("%s\t%s%s%s\n", e.type.c_str(), sp.c_str(), e.role.empty() ? "" : "\t# ", e.role.c_str());
      }
      for (const auto& q : t.quotes) {
        // Up to 120 bytes of context before the quotation, on a character boundary.
        size_t from = q.start > 120 ? q.start - 120 : 0;
        while (from < q.start && (static_cast<unsigned char>(a.body[from]) & 0xC0) == 0x80) ++from;
        std::printf("quote\t%s\t%s\t# %s / %s\t#CTX %s\n", q.speaker.empty() ? "-" : q.speaker.c_str(),
                    Cut(q.quote, 60).c_str(), q.verb.c_str(), q.speaker_surface.c_str(),
                    a.body.substr(from, q.start - from).c_str());
      }
      std::printf("\n");
    }
    return 0;
  }
  if (!std::filesystem::exists(corpus)) {
    std::fprintf(stderr, "corpus not found: %s\n", corpus.c_str());
    return 1;
  }
  std::vector<GoldArticle> gold;
  for (const auto& f : std::filesystem::directory_iterator(gold_dir))
    if (f.path().extension() == ".tsv") {
      auto g = ReadGold(f.path().string());
      gold.insert(gold.end(), g.begin(), g.end());
    }
  for (const char* s : {"dev", "dev2", "dev3", "heldout3"}) {
    if (!set.empty() && s != set) continue;
    int n = 0;
    for (const auto& g : gold) n += g.set == s;
    Score sc = ScoreGold(gold, corpus, s);
    std::printf("\n%s set (%d articles)\n\n| | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n", s, n);
    PrintRow("people", sc.by_type["person"]);
    PrintRow("places", sc.by_type["place"]);
    PrintRow("organisations", sc.by_type["organization"]);
    PrintRow("quotations with right speaker", sc.quotes);
    if (errors)
      for (const auto& e : sc.errors) std::printf("%s\n", e.c_str());
  }
  return 0;
}
