// Search benchmark harness: the same documents and queries through malaf,
// Xapian with its stock Snowball arabic stemmer, and Lucene++'s
// ArabicAnalyzer. Modes:
//   relevance CORPUS_DIR QUERIES.tsv QRELS.tsv WORK_DIR [RUNS_OUT.tsv]
//   index SYSTEM INPUT.jsonl INDEX_DIR        (one system per process, for peak memory)
//   query SYSTEM INDEX_DIR QUERIES.tsv [REPEAT]
// SYSTEM: malaf | xapian | lucene. Prints results as JSON lines.
#include <xapian.h>

#include <lucene++/LuceneHeaders.h>
#include <lucene++/ArabicAnalyzer.h>
#include <lucene++/MultiFieldQueryParser.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/article.h"
#include "search/index.h"
#include "search/searcher.h"
#include "search_corpus.h"

namespace malaf::bench {
namespace {

namespace fs = std::filesystem;

// Title weight given to every system alike (malaf: wdf boost 4 on top of 1).
constexpr int kTitleWeight = 5;

class System {
 public:
  virtual ~System() = default;
  virtual void Create(const std::string& dir) = 0;
  virtual void Add(const BenchDoc& d) = 0;
  virtual void Finish() = 0;
  virtual void Open(const std::string& dir) = 0;
  // Ids of the top k.
  virtual std::vector<std::string> Search(const std::string& q, int k) = 0;
};

class MalafSystem : public System {
 public:
  // Builds as `malaf reindex` does (search::IndexBuilder: parallel shard
  // writers merged at the end); MALAF_INDEX_THREADS sets the writers.
  void Create(const std::string& dir) override {
    search::IndexBuilderOptions o;
    if (const char* t = getenv("MALAF_INDEX_THREADS")) o.threads = static_cast<uint32_t>(std::max(1, atoi(t)));
    auto w = search::IndexBuilder::Create(dir, o);
    if (!w.ok()) Fail(w.status().ToString());
    writer_ = std::move(*w);
  }
  void Add(const BenchDoc& d) override {
    Article a;
    a.id = d.id;
    a.title = d.title;
    a.outlet = d.outlet;
    a.published = d.published;
    a.body = d.body;
    Status st = writer_->Add(std::move(a), ++seq_);
    if (!st.ok()) Fail(st.ToString());
  }
  void Finish() override {
    Status st = writer_->Finish();
    if (!st.ok()) Fail(st.ToString());
    writer_.reset();
  }
  void Open(const std::string& dir) override {
    auto s = search::Searcher::Open(dir);
    if (!s.ok()) Fail(s.status().ToString());
    searcher_ = std::move(*s);
  }
  std::vector<std::string> Search(const std::string& q, int k) override {
    search::SearchOptions o;
    o.limit = static_cast<size_t>(k);
    o.snippets = snippets;
    o.facets = facets;
    if (!bodies.empty())
      o.body_of = [this](const std::string& id) {
        auto it = bodies.find(id);
        return it == bodies.end() ? std::string() : it->second;
      };
    auto r = searcher_->Search(q, o);
    std::vector<std::string> ids;
    if (!r.ok()) return ids;
    for (const auto& h : r->hits) ids.push_back(h.id);
    return ids;
  }
  bool snippets = false, facets = false;
  std::unordered_map<std::string, std::string> bodies;  // id -> body, as the store would give

 private:
  static void Fail(const std::string& m) {
    std::fprintf(stderr, "malaf: %s\n", m.c_str());
    std::exit(1);
  }
  std::unique_ptr<search::IndexBuilder> writer_;
  std::unique_ptr<search::Searcher> searcher_;
  uint64_t seq_ = 0;
};

// Xapian as its documentation shows it: TermGenerator and QueryParser with
// the Snowball arabic stemmer, default flags, STEM_SOME.
class XapianStockSystem : public System {
 public:
  void Create(const std::string& dir) override {
    fs::remove_all(dir);
    db_ = Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OVERWRITE);
    tg_.set_stemmer(Xapian::Stem("arabic"));
  }
  void Add(const BenchDoc& d) override {
    Xapian::Document doc;
    tg_.set_document(doc);
    tg_.index_text(d.title, kTitleWeight);
    tg_.increase_termpos(100);
    tg_.index_text(d.body);
    doc.set_data(d.id + "\n" + d.title);  // bodies stay in the store, as for the others
    std::string q = "Q" + d.id;
    doc.add_boolean_term(q);
    db_.replace_document(q, doc);
  }
  void Finish() override { db_.commit(); db_.close(); }
  void Open(const std::string& dir) override {
    rdb_ = Xapian::Database(dir);
    qp_.set_stemmer(Xapian::Stem("arabic"));
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp_.set_database(rdb_);
  }
  std::vector<std::string> Search(const std::string& q, int k) override {
    std::vector<std::string> ids;
    try {
      Xapian::Enquire enq(rdb_);
      enq.set_query(qp_.parse_query(q));
      Xapian::MSet m = enq.get_mset(0, static_cast<Xapian::doccount>(k));
      for (auto it = m.begin(); it != m.end(); ++it) {
        std::string data = it.get_document().get_data();
        ids.push_back(data.substr(0, data.find('\n')));
      }
    } catch (const Xapian::Error&) {
    }
    return ids;
  }

 private:
  Xapian::WritableDatabase db_;
  Xapian::Database rdb_;
  Xapian::TermGenerator tg_;
  Xapian::QueryParser qp_;
};

// Lucene++ with the contrib ArabicAnalyzer (normalization, stopwords, light
// stemming), a title and a body field, MultiFieldQueryParser, default OR.
class LuceneSystem : public System {
 public:
  void Create(const std::string& dir) override {
    using namespace Lucene;
    fs::remove_all(dir);
    fs::create_directories(dir);
    analyzer_ = newLucene<ArabicAnalyzer>(LuceneVersion::LUCENE_CURRENT);
    writer_ = newLucene<IndexWriter>(FSDirectory::open(StringUtils::toUnicode(dir)), analyzer_, true,
                                     IndexWriter::MaxFieldLengthUNLIMITED);
  }
  void Add(const BenchDoc& d) override {
    using namespace Lucene;
    DocumentPtr doc = newLucene<Document>();
    doc->add(newLucene<Field>(L"id", StringUtils::toUnicode(d.id), Field::STORE_YES, Field::INDEX_NOT_ANALYZED));
    doc->add(newLucene<Field>(L"title", StringUtils::toUnicode(d.title), Field::STORE_YES, Field::INDEX_ANALYZED));
    doc->add(newLucene<Field>(L"body", StringUtils::toUnicode(d.body), Field::STORE_NO, Field::INDEX_ANALYZED));
    writer_->addDocument(doc);
  }
  void Finish() override {
    writer_->close();
    writer_.reset();
  }
  void Open(const std::string& dir) override {
    using namespace Lucene;
    analyzer_ = newLucene<ArabicAnalyzer>(LuceneVersion::LUCENE_CURRENT);
    reader_ = IndexReader::open(FSDirectory::open(StringUtils::toUnicode(dir)), true);
    searcher_ = newLucene<IndexSearcher>(reader_);
    MapStringDouble boosts = MapStringDouble::newInstance();
    boosts.put(L"title", kTitleWeight);
    boosts.put(L"body", 1.0);
    parser_ = newLucene<MultiFieldQueryParser>(LuceneVersion::LUCENE_CURRENT,
                                               newCollection<String>(L"title", L"body"), analyzer_, boosts);
  }
  std::vector<std::string> Search(const std::string& q, int k) override {
    using namespace Lucene;
    std::vector<std::string> ids;
    try {
      QueryPtr query;
      try {
        query = parser_->parse(StringUtils::toUnicode(q));
      } catch (LuceneException&) {
        // Stock parsers reject stray syntax; retry with it removed.
        String w = StringUtils::toUnicode(q);
        for (auto& c : w)
          if (std::wstring(L"+-&|!(){}[]^\"~*?:\\/").find(c) != std::wstring::npos) c = L' ';
        query = parser_->parse(w);
      }
      TopDocsPtr top = searcher_->search(query, k);
      for (int i = 0; i < top->scoreDocs.size(); ++i)
        ids.push_back(StringUtils::toUTF8(searcher_->doc(top->scoreDocs[i]->doc)->get(L"id")));
    } catch (LuceneException&) {
    }
    return ids;
  }

 private:
  Lucene::AnalyzerPtr analyzer_;
  Lucene::IndexWriterPtr writer_;
  Lucene::IndexReaderPtr reader_;
  Lucene::SearcherPtr searcher_;
  Lucene::QueryParserPtr parser_;
};

// The machine's 1-minute load average when a measurement ends (2 cores
// shared with other work: a figure means little without it).
double LoadAverage() {
  double l[1] = {0};
  return getloadavg(l, 1) == 1 ? l[0] : -1;
}

std::unique_ptr<System> MakeSystem(const std::string& name) {
  if (name == "malaf") return std::make_unique<MalafSystem>();
  if (name == "xapian") return std::make_unique<XapianStockSystem>();
  if (name == "lucene") return std::make_unique<LuceneSystem>();
  std::fprintf(stderr, "unknown system %s\n", name.c_str());
  std::exit(2);
}

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "%s: cannot open\n", path.c_str());
    std::exit(1);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    rows.push_back(f);
  }
  return rows;
}

int Relevance(int argc, char** argv) {
  if (argc < 6) return 2;
  std::string corpus = argv[2], work = argv[5];
  auto queries = ReadTsv(argv[3]);  // qid, query, need
  auto qrels = ReadTsv(argv[4]);    // qid, key, grade
  std::map<std::string, std::map<std::string, int>> rel;
  for (auto& r : qrels)
    if (r.size() >= 3) rel[r[0]][r[1]] = std::stoi(r[2]);
  std::vector<BenchDoc> docs = LoadSaudiNewsNet(corpus + "/saudinewsnet");
  for (auto& d : LoadSeeds(corpus + "/seeds")) docs.push_back(std::move(d));
  std::unordered_map<std::string, std::string> key_of;
  for (const auto& d : docs) key_of[d.id] = d.key;
  for (const auto& [qid, m] : rel)
    for (const auto& [key, g] : m) {
      bool found = false;
      for (const auto& d : docs) found = found || d.key == key;
      if (!found) std::fprintf(stderr, "warning: %s judges unknown document %s\n", qid.c_str(), key.c_str());
    }
  std::FILE* runs = argc > 6 ? std::fopen(argv[6], "w") : nullptr;
  std::vector<std::string> systems{"malaf", "xapian", "lucene"};
  if (const char* only = getenv("SEARCH_REL_SYSTEMS")) {
    systems.clear();
    std::stringstream ss(only);
    std::string x;
    while (ss >> x) systems.push_back(x);
  }
  for (const std::string& name : systems) {
    auto sys = MakeSystem(name);
    std::string dir = work + "/" + name;
    double t0 = NowSeconds();
    // SEARCH_REL_REUSE=1: query the indexes of an earlier run in WORK.
    if (!getenv("SEARCH_REL_REUSE")) {
      sys->Create(dir);
      for (const auto& d : docs) sys->Add(d);
      sys->Finish();
    }
    double t1 = NowSeconds();
    sys->Open(dir);
    double sum_recall = 0, sum_ndcg = 0;
    int n = 0;
    nlohmann::json per = nlohmann::json::object();
    for (const auto& q : queries) {
      if (q.size() < 2) continue;
      const auto& judged = rel[q[0]];
      if (judged.empty()) continue;
      auto ids = sys->Search(q[1], 10);
      double dcg = 0, idcg = 0;
      int hit = 0, nrel = 0;
      std::vector<int> gains;
      for (const auto& [k, g] : judged)
        if (g > 0) {
          ++nrel;
          gains.push_back(g);
        }
      std::sort(gains.rbegin(), gains.rend());
      for (size_t i = 0; i < gains.size() && i < 10; ++i) idcg += (std::pow(2.0, gains[i]) - 1) / std::log2(i + 2.0);
      for (size_t i = 0; i < ids.size() && i < 10; ++i) {
        auto it = judged.find(key_of[ids[i]]);
        int g = it == judged.end() ? 0 : it->second;
        if (g > 0) ++hit;
        dcg += (std::pow(2.0, g) - 1) / std::log2(i + 2.0);
        if (runs) std::fprintf(runs, "%s\t%s\t%zu\t%s\t%d\n", name.c_str(), q[0].c_str(), i + 1, key_of[ids[i]].c_str(), g);
      }
      // Recall@10 against at most 10 relevant (a page can hold no more).
      double recall = nrel ? static_cast<double>(hit) / std::min(nrel, 10) : 0, ndcg = idcg > 0 ? dcg / idcg : 0;
      per[q[0]] = {{"recall", recall}, {"ndcg", ndcg}};
      sum_recall += recall;
      sum_ndcg += ndcg;
      ++n;
    }
    nlohmann::json out = {{"system", name},          {"queries", n},
                          {"recall_at_10", sum_recall / n}, {"ndcg_at_10", sum_ndcg / n},
                          {"documents", docs.size()}, {"index_seconds", t1 - t0},
                          {"per_query", per}};
    std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    std::fflush(stdout);
  }
  if (runs) std::fclose(runs);
  return 0;
}

int Index(int argc, char** argv) {
  if (argc < 5) return 2;
  auto sys = MakeSystem(argv[2]);
  double t0 = NowSeconds();
  sys->Create(argv[4]);
  uint64_t done = 0;
  uint64_t n = ForEachJsonl(argv[3], [&](BenchDoc&& d) {
    sys->Add(d);
    if (++done % 50000 == 0)  // progress, so a run stopped early still tells its rate
      std::fprintf(stderr, "{\"progress\":%llu,\"seconds\":%.1f,\"cpu_seconds\":%.1f,\"peak_rss_mb\":%.0f}\n",
                   static_cast<unsigned long long>(done), NowSeconds() - t0, CpuSeconds(), PeakRssMb());
  });
  sys->Finish();
  double t = NowSeconds() - t0;
  uint64_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(argv[4]))
    if (e.is_regular_file()) bytes += e.file_size();
  double cpu = CpuSeconds();
  nlohmann::json out = {{"mode", "index"},        {"system", argv[2]},      {"articles", n},
                        {"seconds", t},           {"articles_per_s", n / t}, {"peak_rss_mb", PeakRssMb()},
                        {"cpu_seconds", cpu},     {"articles_per_cpu_s", n / cpu},
                        {"index_mb", bytes / 1048576.0}, {"load1", LoadAverage()},
                        {"threads", getenv("MALAF_INDEX_THREADS") ? atoi(getenv("MALAF_INDEX_THREADS")) : 2}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

int Query(int argc, char** argv) {
  if (argc < 5) return 2;
  auto sys = MakeSystem(argv[2]);
  bool full = argc > 6 && std::string(argv[6]) == "full";
  if (auto* m = dynamic_cast<MalafSystem*>(sys.get()); m && full) {
    m->snippets = m->facets = true;
    // Snippets need the bodies, which live in the store: read them up front
    // so that the timing covers cutting snippets, not reading JSON.
    if (argc > 7) ForEachJsonl(argv[7], [&](BenchDoc&& d) { m->bodies.emplace(d.id, std::move(d.body)); });
  }
  sys->Open(argv[3]);
  int repeat = argc > 5 ? std::stoi(argv[5]) : 1;
  std::map<std::string, std::vector<double>> lat, cpu;
  auto queries = ReadTsv(argv[4]);  // class, query
  // This thread's CPU time: on a shared machine wall-clock latency also
  // counts the time other processes held the cores; CPU time does not.
  auto thread_cpu_ms = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  };
  for (const auto& q : queries) sys->Search(q[1], 10);  // warm-up pass
  for (int r = 0; r < repeat; ++r)
    for (const auto& q : queries) {
      double t0 = NowSeconds(), c0 = thread_cpu_ms();
      auto ids = sys->Search(q[1], 10);
      cpu[q[0]].push_back(thread_cpu_ms() - c0);
      lat[q[0]].push_back((NowSeconds() - t0) * 1000);
    }
  for (auto& [cls, v] : lat) {
    std::sort(v.begin(), v.end());
    auto pct = [&](double p) { return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))]; };
    double mean = 0;
    for (double x : v) mean += x;
    std::vector<double>& c = cpu[cls];
    std::sort(c.begin(), c.end());
    double cpu_mean = 0;
    for (double x : c) cpu_mean += x;
    nlohmann::json out = {{"mode", full ? "query_full" : "query"}, {"system", argv[2]}, {"class", cls},
                          {"queries", v.size()}, {"p50_ms", pct(0.5)}, {"p99_ms", pct(0.99)},
                          {"mean_ms", mean / v.size()}, {"load1", LoadAverage()},
                          {"cpu_p50_ms", c[std::min(c.size() - 1, c.size() / 2)]},
                          {"cpu_p99_ms", c[std::min(c.size() - 1, static_cast<size_t>(0.99 * c.size()))]},
                          {"cpu_mean_ms", cpu_mean / c.size()}};
    std::printf("%s\n", out.dump().c_str());
  }
  return 0;
}

}  // namespace
}  // namespace malaf::bench

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  int rc = 2;
  if (mode == "relevance") rc = malaf::bench::Relevance(argc, argv);
  else if (mode == "index") rc = malaf::bench::Index(argc, argv);
  else if (mode == "query") rc = malaf::bench::Query(argc, argv);
  if (rc == 2)
    std::fprintf(stderr,
                 "usage: search_bench relevance CORPUS QUERIES QRELS WORK [RUNS]\n"
                 "       search_bench index malaf|xapian|lucene INPUT.jsonl INDEX_DIR\n"
                 "       search_bench query malaf|xapian|lucene INDEX_DIR QUERIES.tsv [REPEAT] [full CORPUS.jsonl]\n");
  return rc;
}
