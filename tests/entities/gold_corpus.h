// Reads the articles of ../shared/corpus that the entity gold describes,
// directly from the corpus files, so that the evaluation measures entity
// analysis alone and not extraction: the seed dossier split on its "===="
// lines (key: the article's first line, "outlet : headline"), the seed
// pages whole (key: file name), and SaudiNewsNet articles (key: url).
// Also reads and scores the gold files of tests/entities/gold/.
// Test-only code; not part of the library.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "entities/analysis.h"

namespace malaf::entities::gold {

struct CorpusArticle {
  std::string key;
  std::string body;  // display-normalized, paragraphs separated by "\n\n"
};

// All articles of the seed dossier, of one seed page, or of one SaudiNewsNet
// day file. Empty when the file is absent.
std::vector<CorpusArticle> ReadDossier(const std::string& path);
std::vector<CorpusArticle> ReadPage(const std::string& path);
std::vector<CorpusArticle> ReadSaudiNewsNet(const std::string& zip_path);

struct GoldEntity {
  std::string type;
  std::vector<std::string> spellings;  // first is the canonical name
};
struct GoldQuote {
  std::vector<std::string> speaker;  // spellings; empty when the text names nobody
  std::string snippet;               // words the quotation contains
};
struct GoldArticle {
  std::string source;  // "dossier", "page:FILE", "saudinewsnet:DAY"
  std::string key;
  std::string set;     // "dev" or "heldout"
  std::vector<GoldEntity> entities;
  std::vector<GoldQuote> quotes;
};

// Parses one gold file (format in tests/entities/gold/README.md).
std::vector<GoldArticle> ReadGold(const std::string& path);

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  void Add(const Counts& o) { tp += o.tp; fp += o.fp; fn += o.fn; }
};

struct Score {
  std::map<std::string, Counts> by_type;  // person, place, organization
  Counts quotes;                          // a true positive has the right text and the right speaker
  std::vector<std::string> errors;        // readable lines: "FN person ...", "FP quote ..."
};

// Scores one analysed article against its gold.
Score ScoreArticle(const TextAnalysis& got, const GoldArticle& gold);

// Finds the gold articles' texts in the corpus at `corpus_dir` and scores
// all of them; `set` "" for all. Articles not found are reported in errors.
Score ScoreGold(const std::vector<GoldArticle>& gold, const std::string& corpus_dir, const std::string& set);

}  // namespace malaf::entities::gold
