// Text-analysis throughput: malaf's chain stage by stage and whole, against
// Lucene++'s ArabicAnalyzer and Xapian's TermGenerator with the Snowball
// "arabic" stemmer, over the same real Arabic news text, plus the floor: a
// loop that only decodes every UTF-8 code point. Every benchmark reports
// bytes/s of the same input (SetBytesProcessed).
//
// Usage: text_bench --dossier FILE --json FILE [google-benchmark flags]
//        text_bench --side-by-side        (markdown table of sample words)
//        text_bench --fold-report --dossier FILE --json FILE
//        text_bench --name-collisions --dossier FILE --json FILE
// FILE for --json is one SaudiNewsNet day (a JSON array of articles),
// extracted by bench/run-text.sh.
#include <benchmark/benchmark.h>
#include <lucene++/LuceneHeaders.h>
#include <lucene++/ArabicAnalyzer.h>
#include <lucene++/TermAttribute.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <time.h>
#include <unordered_map>
#include <vector>

#include "text/analyzer.h"
#include "text/charset.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace {

using namespace malaf;

std::vector<std::string> g_docs;     // raw UTF-8 documents
std::vector<std::string> g_display;  // their display text
size_t g_bytes = 0;

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool LoadCorpus(const std::string& dossier, const std::string& json_path) {
  if (!dossier.empty()) {
    std::string text = ReadFile(dossier);
    // One document per dossier article (they are separated by lines of '=').
    std::string cur;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("=====", 0) == 0) {
        if (!cur.empty()) g_docs.push_back(cur);
        cur.clear();
      } else {
        cur += line + "\n";
      }
    }
    if (!cur.empty()) g_docs.push_back(cur);
  }
  if (!json_path.empty()) {
    std::string raw = ReadFile(json_path);
    auto j = nlohmann::json::parse(raw, nullptr, false);
    if (j.is_discarded() || !j.is_array()) {
      std::fprintf(stderr, "text_bench: %s: not a JSON array\n", json_path.c_str());
      return false;
    }
    for (const auto& a : j) {
      std::string doc;
      if (a.contains("title") && a["title"].is_string()) doc += a["title"].get<std::string>() + "\n";
      if (a.contains("content") && a["content"].is_string()) doc += a["content"].get<std::string>();
      if (!doc.empty()) g_docs.push_back(std::move(doc));
    }
  }
  for (const auto& d : g_docs) {
    g_bytes += d.size();
    g_display.push_back(text::NormalizeDisplay(d));
  }
  return !g_docs.empty();
}

// --- the floor: decode every code point, nothing else ---
void BM_Floor_DecodeCodePoints(benchmark::State& state) {
  for (auto _ : state) {
    uint32_t sum = 0;
    for (const auto& d : g_docs) {
      for (size_t i = 0; i < d.size();) sum += text::NextCodePoint(d, i);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// --- malaf, stage by stage ---
void BM_Malaf_Decode(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& d : g_docs) {
      auto r = text::Decode(d);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

void BM_Malaf_NormalizeDisplay(benchmark::State& state) {
  text::Normalizer n(text::NormalizerOptions::ForDisplay());
  std::string out;
  for (auto _ : state) {
    for (const auto& d : g_docs) {
      out.clear();
      n.NormalizeTo(d, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

void BM_Malaf_Tokenize(benchmark::State& state) {
  std::vector<text::Token> toks;
  for (auto _ : state) {
    for (const auto& d : g_display) {
      toks.clear();
      text::TokenizeTo(d, {}, &toks);
      benchmark::DoNotOptimize(toks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// Search key + stopword + light stem of every token (tokens given).
void BM_Malaf_KeyAndStem(benchmark::State& state) {
  std::vector<std::vector<text::Token>> all;
  for (const auto& d : g_display) all.push_back(text::Tokenize(d));
  std::string key;
  for (auto _ : state) {
    for (const auto& toks : all) {
      for (const auto& t : toks) {
        key.clear();
        text::AppendSearchKey(t.text, &key);
        bool stop = text::IsStopword(key);
        std::string_view stem = text::LightStemView(key);
        benchmark::DoNotOptimize(stop);
        benchmark::DoNotOptimize(stem.data());
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

void BM_Malaf_NameKey(benchmark::State& state) {
  std::vector<std::string> keys;
  for (const auto& d : g_display)
    for (const auto& t : text::Tokenize(d))
      if (t.type == text::TokenType::kArabic) keys.push_back(text::SearchKey(t.text));
  for (auto _ : state) {
    for (const auto& k : keys) {
      std::string n = text::NameKey(k);
      benchmark::DoNotOptimize(n.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// The whole chain: raw bytes -> decode -> display -> tokens with search
// key, stopword flag, stem and name key (AnalyzeInto: views into one reused
// buffer).
void BM_Malaf_FullChain(benchmark::State& state) {
  text::AnalyzedText toks;
  for (auto _ : state) {
    for (const auto& d : g_docs) {
      auto dec = text::Decode(d);
      std::string display = text::NormalizeDisplay(dec->utf8);
      text::AnalyzeInto(display, {}, &toks);
      benchmark::DoNotOptimize(toks.begin());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// The same chain without name keys: what Lucene++ and Xapian also do
// (decode, normalize, tokenize, stopwords, stem).
void BM_Malaf_ChainWithoutNameKeys(benchmark::State& state) {
  text::AnalyzerOptions o;
  o.name_keys = false;
  text::AnalyzedText toks;
  for (auto _ : state) {
    for (const auto& d : g_docs) {
      auto dec = text::Decode(d);
      std::string display = text::NormalizeDisplay(dec->utf8);
      text::AnalyzeInto(display, o, &toks);
      benchmark::DoNotOptimize(toks.begin());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// The same chain on a new thread each iteration: its word cache starts
// empty, so rare words are stemmed as they would be in a stream of new
// articles (the benchmarks above repeat the same text, and the cache keeps
// what it saw on earlier iterations).
void BM_Malaf_ChainWithoutNameKeysFreshThread(benchmark::State& state) {
  text::AnalyzerOptions o;
  o.name_keys = false;
  for (auto _ : state) {
    double cpu_seconds = 0;  // the worker's own CPU time (the machine is shared)
    std::thread worker([&] {
      timespec a{}, b{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
      text::AnalyzedText toks;
      for (const auto& d : g_docs) {
        auto dec = text::Decode(d);
        std::string display = text::NormalizeDisplay(dec->utf8);
        text::AnalyzeInto(display, o, &toks);
        benchmark::DoNotOptimize(toks.begin());
      }
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
      cpu_seconds = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
    });
    worker.join();
    state.SetIterationTime(cpu_seconds);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// The same chain into std::string fields (AnalyzeTo, one AnalyzedToken per
// token): what Analyze() callers pay.
void BM_Malaf_ChainStringsWithoutNameKeys(benchmark::State& state) {
  text::AnalyzerOptions o;
  o.name_keys = false;
  std::vector<text::AnalyzedToken> toks;
  for (auto _ : state) {
    for (const auto& d : g_docs) {
      auto dec = text::Decode(d);
      std::string display = text::NormalizeDisplay(dec->utf8);
      text::AnalyzeTo(display, o, &toks);  // reuses the tokens' storage
      benchmark::DoNotOptimize(toks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// --- peers ---
// Lucene++: UTF-8 -> its wide strings (its decode), then ArabicAnalyzer
// (ArabicLetterTokenizer, LowerCase, Stop, ArabicNormalization, ArabicStem).
void BM_Peer_LuceneArabicAnalyzer(benchmark::State& state) {
  using namespace Lucene;
  AnalyzerPtr analyzer = newLucene<ArabicAnalyzer>(LuceneVersion::LUCENE_CURRENT);
  for (auto _ : state) {
    size_t terms = 0;
    for (const auto& d : g_docs) {
      TokenStreamPtr ts = analyzer->reusableTokenStream(L"body", newLucene<StringReader>(StringUtils::toUnicode(d)));
      TermAttributePtr term = ts->addAttribute<TermAttribute>();
      ts->reset();
      while (ts->incrementToken()) terms += term->termLength();
      ts->end();
      ts->close();
    }
    benchmark::DoNotOptimize(terms);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// Xapian: TermGenerator with Stem("arabic") into a fresh Document per text.
void BM_Peer_XapianTermGenerator(benchmark::State& state) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("arabic"));
  for (auto _ : state) {
    size_t terms = 0;
    for (const auto& d : g_docs) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(d);
      terms += doc.termlist_count();
    }
    benchmark::DoNotOptimize(terms);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// --- side by side ---
std::string LuceneTerms(const std::string& word) {
  using namespace Lucene;
  static AnalyzerPtr analyzer = newLucene<ArabicAnalyzer>(LuceneVersion::LUCENE_CURRENT);
  TokenStreamPtr ts = analyzer->tokenStream(L"body", newLucene<StringReader>(StringUtils::toUnicode(word)));
  TermAttributePtr term = ts->addAttribute<TermAttribute>();
  ts->reset();
  std::string out;
  while (ts->incrementToken()) {
    if (!out.empty()) out += " ";
    out += StringUtils::toUTF8(term->term());
  }
  ts->close();
  return out.empty() ? "(stopword)" : out;
}

int SideBySide() {
  const char* words[] = {"والمفاوضات", "الأمريكي", "الأميركي", "وزير", "الخارجية", "بالسعودية", "المسلحين",
                         "للاجئين", "مسؤول", "مسئول", "البحرين", "فلسطين", "وقال", "كيري", "كيرى",
                         "سيرغي", "سيرجي", "الإسلامية", "مُحَمَّدٌ", "بـ12"};
  Xapian::Stem xstem("arabic");
  std::printf("| word | malaf search key | malaf stem | malaf name key | Lucene++ ArabicAnalyzer | Xapian Snowball arabic |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (const char* w : words) {
    std::string display = text::NormalizeDisplay(w);
    auto toks = text::Analyze(display);
    std::string key, stem, name;
    for (const auto& t : toks) {
      if (!key.empty()) { key += " "; stem += " "; name += " "; }
      key += t.key;
      stem += t.stopword ? "(stopword)" : t.stem;
      name += t.name;
    }
    std::printf("| %s | %s | %s | %s | %s | %s |\n", w, key.c_str(), stem.c_str(), name.c_str(),
                LuceneTerms(w).c_str(), xstem(w).c_str());
  }
  return 0;
}

// --- vocabulary reports ---
// Word types (by display form) and their counts over the corpus.
std::unordered_map<std::string, size_t> Vocabulary() {
  std::unordered_map<std::string, size_t> v;
  for (const auto& d : g_display)
    for (const auto& t : text::Tokenize(d))
      if (t.type == text::TokenType::kArabic || t.type == text::TokenType::kLatin) ++v[std::string(t.text)];
  return v;
}

// For each search-only stage: how many word types (and running words) join
// another type when the stage is switched on, with examples. This is the
// evidence that a fold improves matching.
int FoldReport() {
  auto vocab = Vocabulary();
  size_t n = 0;
  const text::NormalizerStageInfo* stages = text::NormalizerStages(&n);
  std::printf("| stage | word types merged | running words whose form meets another | examples |\n|---|---|---|---|\n");
  text::NormalizerOptions all;
  for (size_t s = 0; s < n; ++s) {
    if (!stages[s].search_only) continue;
    text::NormalizerOptions off = all;
    off.*(stages[s].option) = false;
    text::Normalizer with(all), without(off);
    // Group types by key without the stage; then count how many of those
    // groups fuse under the full key.
    std::map<std::string, std::set<std::string>> groups;  // full key -> keys without the stage
    std::map<std::string, size_t> tokens_by_key_without;
    for (const auto& [w, c] : vocab) {
      std::string kw = without.Normalize(w), k = with.Normalize(w);
      groups[k].insert(kw);
      tokens_by_key_without[kw] += c;
    }
    size_t merged = 0, tokens = 0;
    std::vector<std::string> examples;
    std::vector<std::pair<size_t, std::string>> ranked;
    for (const auto& [k, ws] : groups) {
      if (ws.size() < 2) continue;
      merged += ws.size() - 1;
      size_t t = 0;
      std::string ex;
      for (const auto& w : ws) {
        t += tokens_by_key_without[w];
        if (!ex.empty()) ex += "/";
        ex += w;
      }
      tokens += t;
      ranked.push_back({t, ex});
    }
    std::sort(ranked.rbegin(), ranked.rend());
    std::string ex;
    for (size_t i = 0; i < ranked.size() && i < 4; ++i) ex += (i ? ", " : "") + ranked[i].second;
    std::printf("| %s | %zu | %zu | %s |\n", std::string(stages[s].name).c_str(), merged, tokens, ex.c_str());
  }
  // The rejected alternative for hamza seats (the rule before v2): ؤ -> و,
  // ئ -> ي. Same counting, on keys with fold_hamza_carriers off.
  {
    text::NormalizerOptions off = all;
    off.fold_hamza_carriers = false;
    text::Normalizer without(off);
    auto alt = [](std::string k) {
      for (auto [from, to] : {std::pair{"\u0624", "\u0648"}, std::pair{"\u0626", "\u064A"}})
        for (size_t p = k.find(from); p != std::string::npos; p = k.find(from, p)) k.replace(p, 2, to);
      return k;
    };
    std::map<std::string, std::set<std::string>> groups;
    std::map<std::string, size_t> count;
    for (const auto& [w, c] : vocab) {
      std::string kw = without.Normalize(w);
      groups[alt(kw)].insert(kw);
      count[kw] += c;
    }
    size_t merged = 0, tokens = 0;
    std::vector<std::pair<size_t, std::string>> ranked;
    for (const auto& [k, ws] : groups) {
      if (ws.size() < 2) continue;
      merged += ws.size() - 1;
      size_t t = 0;
      std::string ex;
      for (const auto& w : ws) { t += count[w]; ex += (ex.empty() ? "" : "/") + w; }
      tokens += t;
      ranked.push_back({t, ex});
    }
    std::sort(ranked.rbegin(), ranked.rend());
    std::string ex;
    for (size_t i = 0; i < ranked.size() && i < 4; ++i) ex += (i ? ", " : "") + ranked[i].second;
    std::printf("| (rejected) ؤ->و ئ->ي instead | %zu | %zu | %s |\n", merged, tokens, ex.c_str());
  }
  return 0;
}

// Name keys over the vocabulary: how often word forms that are NOT the same
// word (different search keys once the article group is stripped) share a
// name key. Reported over types and over running words.
std::string WithoutArticle(const std::string& key) {
  static const char* kPrefixes[] = {"\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0641\u0627\u0644",
                                    "\u0643\u0627\u0644", "\u0644\u0644", "\u0627\u0644"};
  for (const char* p : kPrefixes) {
    size_t n = std::strlen(p);
    if (key.size() >= n + 6 && key.compare(0, n, p) == 0) return key.substr(n);
  }
  return key;
}

int NameCollisions() {
  auto vocab = Vocabulary();
  std::map<std::string, size_t> bases;  // base form -> running words
  for (const auto& [w, c] : vocab) bases[WithoutArticle(text::SearchKey(w))] += c;
  std::map<std::string, std::vector<std::pair<size_t, std::string>>> by_name;
  size_t running = 0;
  for (const auto& [b, c] : bases) {
    by_name[text::NameKey(b)].push_back({c, b});
    running += c;
  }
  size_t colliding = 0, colliding_running = 0, biggest = 0;
  for (auto& [n, ws] : by_name) {
    if (ws.size() > 1) {
      colliding += ws.size();
      for (auto& w : ws) colliding_running += w.first;
    }
    biggest = std::max(biggest, ws.size());
  }
  std::printf("base forms (search key without article): %zu\nname keys: %zu\n"
              "base forms sharing their name key with another base form: %zu (%.1f%%)\n"
              "running words whose base form shares its name key: %.1f%%\nlargest group: %zu\n",
              bases.size(), by_name.size(), colliding, 100.0 * colliding / std::max<size_t>(bases.size(), 1),
              100.0 * colliding_running / std::max<size_t>(running, 1), biggest);
  std::vector<std::pair<size_t, std::string>> groups;
  for (auto& [n, ws] : by_name) {
    if (ws.size() < 2) continue;
    std::sort(ws.rbegin(), ws.rend());
    std::string ex;
    for (size_t i = 0; i < ws.size() && i < 5; ++i) ex += (i ? "/" : "") + ws[i].second;
    groups.push_back({ws[1].first, n + ": " + ex});  // ranked by the second most frequent member
  }
  std::sort(groups.rbegin(), groups.rend());
  std::printf("largest collisions (by the second form's frequency):\n");
  for (size_t i = 0; i < groups.size() && i < 20; ++i) std::printf("  %zu\t%s\n", groups[i].first, groups[i].second.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string dossier, json;
  bool side = false, folds = false, names = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dossier" && i + 1 < argc) dossier = argv[++i];
    else if (a == "--json" && i + 1 < argc) json = argv[++i];
    else if (a == "--side-by-side") side = true;
    else if (a == "--fold-report") folds = true;
    else if (a == "--name-collisions") names = true;
    else {
      std::fprintf(stderr, "text_bench: unknown argument '%s'\n", a.c_str());
      return 2;
    }
  }
  if (side) return SideBySide();
  if (!LoadCorpus(dossier, json)) {
    std::fprintf(stderr, "text_bench: no corpus (use --dossier FILE and/or --json FILE)\n");
    return 1;
  }
  if (folds) return FoldReport();
  if (names) return NameCollisions();
  std::fprintf(stderr, "text_bench: %zu documents, %.1f MB\n", g_docs.size(), g_bytes / 1e6);
  benchmark::RegisterBenchmark("floor/decode_code_points", BM_Floor_DecodeCodePoints);
  benchmark::RegisterBenchmark("malaf/decode", BM_Malaf_Decode);
  benchmark::RegisterBenchmark("malaf/normalize_display", BM_Malaf_NormalizeDisplay);
  benchmark::RegisterBenchmark("malaf/tokenize", BM_Malaf_Tokenize);
  benchmark::RegisterBenchmark("malaf/search_key_stopword_stem", BM_Malaf_KeyAndStem);
  benchmark::RegisterBenchmark("malaf/name_key", BM_Malaf_NameKey);
  benchmark::RegisterBenchmark("malaf/chain_without_name_keys", BM_Malaf_ChainWithoutNameKeys);
  benchmark::RegisterBenchmark("malaf/full_chain", BM_Malaf_FullChain);
  benchmark::RegisterBenchmark("malaf/chain_without_name_keys_fresh_thread", BM_Malaf_ChainWithoutNameKeysFreshThread)
      ->UseManualTime();
  benchmark::RegisterBenchmark("malaf/chain_strings_without_name_keys", BM_Malaf_ChainStringsWithoutNameKeys);
  benchmark::RegisterBenchmark("peer/lucene++_arabic_analyzer", BM_Peer_LuceneArabicAnalyzer);
  benchmark::RegisterBenchmark("peer/xapian_termgenerator_arabic", BM_Peer_XapianTermGenerator);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
