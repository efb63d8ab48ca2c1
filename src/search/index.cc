#include "search/index.h"

#include <xapian.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_set>

#include "search/terms.h"
#include "text/analyzer.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::search {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMetaFormat = "malaf.format";
constexpr std::string_view kMetaNormalizer = "malaf.normalizer";
constexpr std::string_view kMetaStemmer = "malaf.stemmer";
constexpr std::string_view kMetaNameKey = "malaf.namekey";
constexpr std::string_view kMetaLastSeq = "malaf.last_seq";

// Positions of body words start after a gap, so that a phrase never spans
// the end of the title and the start of the body.
constexpr Xapian::termpos kBodyPositionGap = 100;

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    unsigned char c = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *v |= static_cast<uint64_t>(c & 0x7F) << shift;
    if (!(c & 0x80)) return true;
  }
  return false;
}

std::string MetaVersions(int format, int normalizer, int stemmer, int namekey) {
  return "format v" + std::to_string(format) + ", normalizer v" + std::to_string(normalizer) +
         ", stemmer v" + std::to_string(stemmer) + ", name key v" + std::to_string(namekey);
}

int ParseIntOr(const std::string& s, int fallback) {
  if (s.empty() || s.size() > 9) return fallback;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

uint64_t ParseU64(const std::string& s) {
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

// Builds documents and records the lexicon: every distinct word form is
// listed (Xapian synonym table) under Z<stem> and N<name key>, so a query
// word expands to the forms that share its stem or name key. Keeping the
// variants in a lexicon instead of as extra postings on every token makes
// the index a third of the size and indexing about twice as fast.
// The lexicon entries are gathered here and written sorted by key at each
// flush: Xapian's synonym table holds the changes of one key at a time and
// rewrites that key's compressed B-tree entry whenever the key changes, so
// adding them in text order (Z, N, Z, N, ...) cost a fifth of the indexing
// time; sorted, each key is written once per flush.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(const IndexWriterOptions& options) : options_(options) {}

  Xapian::Document Build(const Article& a) {
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    // Article text in the archive is display text already; normalizing again
    // is idempotent and protects against articles built elsewhere.
    std::string title = text::NormalizeDisplay(a.title);
    title_forms_.clear();
    IndexText(title, 1 + options_.title_wdf_boost, &pos, &doc, &title_forms_);
    // The title words again as a field of their own: a word in the title
    // says what the article is about more than one in the body.
    for (const std::string& key : title_forms_)
      if (std::string st = terms::Make(terms::kTitle, key); !st.empty()) doc.add_term(st);
    pos += kBodyPositionGap;
    IndexText(a.body, 1, &pos, &doc, nullptr);

    doc.add_boolean_term(terms::Make(terms::kId, a.id));
    if (std::string o = terms::Make(terms::kOutlet, terms::FieldKey(a.outlet)); !o.empty()) doc.add_boolean_term(o);
    if (std::string c = terms::Make(terms::kCity, terms::FieldKey(a.dateline_city)); !c.empty())
      doc.add_boolean_term(c);
    std::string agencies;
    for (const auto& ag : a.agencies) {
      if (std::string t = terms::Make(terms::kAgency, terms::FieldKey(ag)); !t.empty()) doc.add_boolean_term(t);
      if (!agencies.empty()) agencies.push_back('\n');
      agencies += ag;
    }
    std::string date = terms::SortableDate(a.published);
    std::string month = MonthOf(date);
    if (!month.empty()) doc.add_boolean_term(terms::Make(terms::kMonth, month));
    if (!date.empty()) doc.add_value(kSlotDate, date);
    if (!a.outlet.empty()) doc.add_value(kSlotOutlet, a.outlet);
    if (!month.empty()) doc.add_value(kSlotMonth, month);
    if (!agencies.empty()) doc.add_value(kSlotAgencies, agencies);

    StoredFields f{a.id, a.title, a.outlet, a.published, options_.store_body ? a.body : std::string()};
    doc.set_data(EncodeStoredFields(f));
    return doc;
  }

  // Writes the lexicon entries gathered since the last flush, sorted by key.
  void FlushLexicon(Xapian::WritableDatabase& db) {
    std::sort(lexicon_.begin(), lexicon_.end());
    lexicon_.erase(std::unique(lexicon_.begin(), lexicon_.end()), lexicon_.end());
    for (const auto& [key, form] : lexicon_) db.add_synonym(key, form);
    lexicon_.clear();
    lexicon_.shrink_to_fit();
    seen_.clear();  // bounded memory; add_synonym is idempotent
  }

 private:
  void IndexText(std::string_view display, Xapian::termcount wdf, Xapian::termpos* pos, Xapian::Document* doc,
                 std::vector<std::string>* forms) {
    text::AnalyzeTo(display, analyzer_options_, &analyzed_);
    for (const auto& t : analyzed_) {
      ++*pos;
      if (t.key.empty() || t.key.size() > terms::kMaxTermBytes) continue;
      term_.assign(t.key);  // reused: no allocation per token
      doc->add_posting(term_, *pos, wdf);
      if (t.stopword) continue;
      if (forms) forms->push_back(term_);
      if (seen_.find(t.key) != seen_.end()) continue;
      seen_.emplace(t.key);
      if (std::string z = terms::Make(terms::kStem, t.stem); !z.empty()) lexicon_.emplace_back(std::move(z), term_);
      if (std::string n = terms::Make(terms::kName, t.name); !n.empty()) lexicon_.emplace_back(std::move(n), term_);
    }
  }

  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  const IndexWriterOptions& options_;
  text::AnalyzerOptions analyzer_options_;
  std::vector<text::AnalyzedToken> analyzed_;  // reused between texts (no allocation in steady state)
  std::string term_;
  std::vector<std::string> title_forms_;
  // Forms already in lexicon_ (this flush).
  std::unordered_set<std::string, StringHash, std::equal_to<>> seen_;
  std::vector<std::pair<std::string, std::string>> lexicon_;  // (Z/N key, form) to add
};

}  // namespace

namespace terms {

std::string FieldKey(std::string_view display_value) {
  std::string k = text::SearchKey(display_value);
  // Trim and collapse spaces so "روسيا  اليوم " and "روسيا اليوم" meet.
  std::string out;
  bool space = false;
  for (char c : k) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string SortableDate(std::string_view p) {
  if (p.size() < 4) return {};
  for (int i = 0; i < 4; ++i)
    if (p[i] < '0' || p[i] > '9') return {};
  return std::string(p.substr(0, std::min<size_t>(p.size(), 64)));
}

}  // namespace terms

std::string IndexDir(const std::string& archive_dir) { return (fs::path(archive_dir) / "index").string(); }

std::string MonthOf(std::string_view d) {
  if (d.size() < 7 || d[4] != '-') return {};
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (d[i] < '0' || d[i] > '9') return {};
  return std::string(d.substr(0, 7));
}

std::string_view IndexStateName(IndexState s) {
  switch (s) {
    case IndexState::kOk: return "ok";
    case IndexState::kMissing: return "missing";
    case IndexState::kVersionMismatch: return "version mismatch";
    case IndexState::kDamaged: return "damaged";
  }
  return "unknown";
}

IndexCheck CheckIndex(const std::string& index_dir) {
  IndexCheck c;
  std::error_code ec;
  if (!fs::is_directory(index_dir, ec) || !fs::exists(fs::path(index_dir) / "iamglass", ec)) {
    c.state = IndexState::kMissing;
    c.detail = "no index at " + index_dir;
    return c;
  }
  try {
    Xapian::Database db(index_dir, Xapian::DB_BACKEND_GLASS);
    int format = ParseIntOr(db.get_metadata(std::string(kMetaFormat)), -1);
    int norm = ParseIntOr(db.get_metadata(std::string(kMetaNormalizer)), -1);
    int stem = ParseIntOr(db.get_metadata(std::string(kMetaStemmer)), -1);
    int name = ParseIntOr(db.get_metadata(std::string(kMetaNameKey)), -1);
    if (format != kIndexFormatVersion || norm != text::kNormalizerVersion || stem != text::kStemmerVersion ||
        name != text::kNameKeyVersion) {
      c.state = IndexState::kVersionMismatch;
      c.detail = "index built with " + MetaVersions(format, norm, stem, name) + "; this malaf uses " +
                 MetaVersions(kIndexFormatVersion, text::kNormalizerVersion, text::kStemmerVersion,
                              text::kNameKeyVersion);
      return c;
    }
    c.last_seq = ParseU64(db.get_metadata(std::string(kMetaLastSeq)));
    c.documents = db.get_doccount();
    // Touch the posting and document tables so that a truncated table is
    // caught here rather than in the middle of a query.
    if (c.documents > 0) {
      Xapian::docid last = db.get_lastdocid();
      Xapian::PostingIterator p = db.postlist_begin("");
      if (p != db.postlist_end("")) (void)db.get_document(*p).get_data();
      (void)last;
      for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        (void)db.get_termfreq(*t);
        break;
      }
    }
    c.state = IndexState::kOk;
  } catch (const Xapian::DatabaseVersionError& e) {
    c.state = IndexState::kVersionMismatch;
    c.detail = "Xapian database version: " + e.get_msg();
  } catch (const Xapian::Error& e) {
    c.state = IndexState::kDamaged;
    c.detail = e.get_type() + std::string(": ") + e.get_msg();
  } catch (const std::exception& e) {
    c.state = IndexState::kDamaged;
    c.detail = e.what();
  }
  return c;
}

struct IndexWriter::Impl {
  IndexWriterOptions options;
  Xapian::WritableDatabase db;
  uint64_t last_seq = 0;
  std::unique_ptr<DocumentBuilder> builder;  // created on first Add
  uint64_t since_flush = 0;                  // articles added since the last lexicon flush

  // Xapian exceptions propagate: callers wrap them.
  void FlushLexicon() {
    if (builder) builder->FlushLexicon(db);
    since_flush = 0;
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() {
  if (!impl_) return;
  try {
    impl_->db.close();  // uncommitted changes are discarded, never half-written
  } catch (const Xapian::Error&) {
  }
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::Create(const std::string& index_dir,
                                                         const IndexWriterOptions& options) {
  std::error_code ec;
  fs::remove_all(index_dir, ec);
  if (ec) return Status::IOError(index_dir + ": cannot remove old index: " + ec.message());
  fs::create_directories(index_dir, ec);
  if (ec) return Status::IOError(index_dir + ": " + ec.message());
  try {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->db = Xapian::WritableDatabase(index_dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS,
                                        static_cast<int>(impl->options.block_size));
    impl->db.set_metadata(std::string(kMetaFormat), std::to_string(kIndexFormatVersion));
    impl->db.set_metadata(std::string(kMetaNormalizer), std::to_string(text::kNormalizerVersion));
    impl->db.set_metadata(std::string(kMetaStemmer), std::to_string(text::kStemmerVersion));
    impl->db.set_metadata(std::string(kMetaNameKey), std::to_string(text::kNameKeyVersion));
    impl->db.set_metadata(std::string(kMetaLastSeq), "0");
    impl->db.commit();
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IOError(index_dir + ": index is locked by another writer (" + e.get_msg() + ")");
  } catch (const Xapian::Error& e) {
    return Status::IOError(index_dir + ": " + e.get_type() + ": " + e.get_msg());
  }
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::OpenExisting(const std::string& index_dir,
                                                               const IndexWriterOptions& options) {
  IndexCheck c = CheckIndex(index_dir);
  if (c.state != IndexState::kOk)
    return Status::Corruption(index_dir + ": index " + std::string(IndexStateName(c.state)) + ": " + c.detail);
  try {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->db = Xapian::WritableDatabase(index_dir, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS,
                                        static_cast<int>(options.block_size));
    impl->last_seq = ParseU64(impl->db.get_metadata(std::string(kMetaLastSeq)));
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IOError(index_dir + ": index is locked by another writer (" + e.get_msg() + ")");
  } catch (const Xapian::Error& e) {
    return Status::Corruption(index_dir + ": " + e.get_type() + ": " + e.get_msg());
  }
}

Status IndexWriter::Add(const Article& a, uint64_t seq) {
  if (a.id.empty()) return Status::InvalidArgument("article without id cannot be indexed");
  try {
    if (!impl_->builder) impl_->builder = std::make_unique<DocumentBuilder>(impl_->options);
    Xapian::Document doc = impl_->builder->Build(a);
    impl_->db.replace_document(terms::Make(terms::kId, a.id), doc);
    if (seq > impl_->last_seq) impl_->last_seq = seq;
    if (++impl_->since_flush >= impl_->options.batch_size) impl_->FlushLexicon();
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return Status::IOError("indexing " + a.id + ": " + e.get_type() + ": " + e.get_msg());
  }
}

Status IndexWriter::Remove(std::string_view id) {
  try {
    impl_->db.delete_document(terms::Make(terms::kId, id));
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return Status::IOError("removing " + std::string(id) + ": " + e.get_type() + ": " + e.get_msg());
  }
}

Status IndexWriter::Commit() {
  try {
    impl_->FlushLexicon();
    impl_->db.set_metadata(std::string(kMetaLastSeq), std::to_string(impl_->last_seq));
    impl_->db.commit();
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return Status::IOError(std::string("committing index: ") + e.get_type() + ": " + e.get_msg());
  }
}

uint64_t IndexWriter::last_seq() const { return impl_->last_seq; }

// One shard writer of an IndexBuilder: a thread fed through a bounded queue
// of article batches.
struct ShardWorker {
  using Batch = std::vector<std::pair<Article, uint64_t>>;
  static constexpr size_t kBatchArticles = 64;
  static constexpr size_t kMaxQueuedBatches = 4;  // bounds memory when the writer lags

  std::string dir;              // this worker's parts are dir-0, dir-1, ...
  IndexWriterOptions options;
  uint64_t part_articles = 0;   // 0: one part
  std::vector<std::string> parts;
  uint64_t in_part = 0;
  std::unique_ptr<IndexWriter> writer;
  std::thread thread;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Batch> queue;
  Batch filling;      // owned by the feeding thread
  bool closed = false;
  Status failed;      // first error of the writer (guarded by mu)

  // Starts the next part (called before the thread starts, then by it).
  Status NextPart() {
    if (writer) MALAF_RETURN_IF_ERROR(writer->Commit());
    writer.reset();
    parts.push_back(dir + "-" + std::to_string(parts.size()));
    auto w = IndexWriter::Create(parts.back(), options);
    if (!w.ok()) return w.status();
    writer = std::move(*w);
    in_part = 0;
    return Status::OK();
  }

  void Run() {
    for (;;) {
      Batch b;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return closed || !queue.empty(); });
        if (queue.empty()) break;
        b = std::move(queue.front());
        queue.pop_front();
      }
      cv.notify_all();
      Status st;
      for (auto& [a, seq] : b) {
        // A new part every part_articles: Xapian's cost per article grows
        // with the size of the database it flushes into, and merging the
        // parts at the end is one sequential pass.
        if (part_articles && in_part >= part_articles) st = NextPart();
        if (st.ok()) st = writer->Add(a, seq);
        if (!st.ok()) break;
        ++in_part;
      }
      if (!st.ok()) {
        std::lock_guard lock(mu);
        failed = st;
        queue.clear();
        closed = true;
        cv.notify_all();
        return;
      }
    }
    Status st = writer->Commit();
    std::lock_guard lock(mu);
    if (failed.ok()) failed = st;
  }

  // Hands the filled batch to the writer, waiting while its queue is full.
  Status Push() {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return closed || queue.size() < kMaxQueuedBatches; });
    if (!failed.ok()) return failed;
    if (closed) return Status::IOError("index shard writer stopped");
    queue.push_back(std::move(filling));
    filling.clear();
    lock.unlock();
    cv.notify_all();
    return Status::OK();
  }

  Status Close() {
    {
      std::lock_guard lock(mu);
      closed = true;
    }
    cv.notify_all();
    if (thread.joinable()) thread.join();
    std::lock_guard lock(mu);
    return failed;
  }
};

struct IndexBuilder::Impl {
  std::string index_dir, shards_dir;
  IndexBuilderOptions options;
  std::vector<std::unique_ptr<ShardWorker>> workers;
  uint64_t last_seq = 0;
  bool finished = false;

  ~Impl() {
    for (auto& w : workers) (void)w->Close();
    workers.clear();
    std::error_code ec;
    fs::remove_all(shards_dir, ec);
  }
};

IndexBuilder::IndexBuilder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexBuilder::~IndexBuilder() = default;

Result<std::unique_ptr<IndexBuilder>> IndexBuilder::Create(const std::string& index_dir,
                                                           const IndexBuilderOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->index_dir = index_dir;
  impl->shards_dir = index_dir + ".shards";
  impl->options = options;
  std::error_code ec;
  fs::remove_all(index_dir, ec);
  if (ec) return Status::IOError(index_dir + ": cannot remove old index: " + ec.message());
  fs::remove_all(impl->shards_dir, ec);
  if (ec) return Status::IOError(impl->shards_dir + ": " + ec.message());
  uint32_t n = std::clamp<uint32_t>(options.threads, 1, 64);
  for (uint32_t i = 0; i < n; ++i) {
    auto w = std::make_unique<ShardWorker>();
    w->dir = (fs::path(impl->shards_dir) / ("shard-" + std::to_string(i))).string();
    w->options = options.writer;
    w->part_articles = options.part_articles;
    MALAF_RETURN_IF_ERROR(w->NextPart());
    w->filling.reserve(ShardWorker::kBatchArticles);
    impl->workers.push_back(std::move(w));
  }
  for (auto& w : impl->workers) w->thread = std::thread([p = w.get()] { p->Run(); });
  return std::unique_ptr<IndexBuilder>(new IndexBuilder(std::move(impl)));
}

Status IndexBuilder::Add(Article a, uint64_t seq) {
  if (impl_->finished) return Status::InvalidArgument("IndexBuilder::Add after Finish");
  if (a.id.empty()) return Status::InvalidArgument("article without id cannot be indexed");
  if (seq > impl_->last_seq) impl_->last_seq = seq;
  ShardWorker& w = *impl_->workers[std::hash<std::string>{}(a.id) % impl_->workers.size()];
  w.filling.emplace_back(std::move(a), seq);
  if (w.filling.size() >= ShardWorker::kBatchArticles) return w.Push();
  return Status::OK();
}

Status IndexBuilder::Finish() {
  if (impl_->finished) return Status::InvalidArgument("IndexBuilder::Finish called twice");
  impl_->finished = true;
  Status failed;
  for (auto& w : impl_->workers)
    if (!w->filling.empty())
      if (Status st = w->Push(); !st.ok() && failed.ok()) failed = st;
  for (auto& w : impl_->workers) {
    Status st = w->Close();
    if (!st.ok() && failed.ok()) failed = st;
    w->writer.reset();  // releases the shard's write lock
  }
  if (!failed.ok()) return failed;
  try {
    Xapian::Database shards;
    for (auto& w : impl_->workers)
      for (const auto& part : w->parts) shards.add_database(Xapian::Database(part, Xapian::DB_BACKEND_GLASS));
    // The shards' metadata (versions) are the same; compaction keeps the
    // first shard's.
    shards.compact(impl_->index_dir, Xapian::Compactor::FULL,
                   static_cast<int>(impl_->options.writer.block_size));
    Xapian::WritableDatabase db(impl_->index_dir, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(std::string(kMetaLastSeq), std::to_string(impl_->last_seq));
    db.commit();
    db.close();
  } catch (const Xapian::Error& e) {
    std::error_code ec;
    fs::remove_all(impl_->index_dir, ec);  // never leave a half-merged index
    return Status::IOError(impl_->index_dir + ": merging index shards: " + e.get_type() + ": " + e.get_msg());
  }
  impl_->workers.clear();
  std::error_code ec;
  fs::remove_all(impl_->shards_dir, ec);
  return Status::OK();
}

std::string EncodeStoredFields(const StoredFields& f) {
  std::string out;
  out.reserve(f.id.size() + f.title.size() + f.outlet.size() + f.published.size() + f.body.size() + 16);
  for (const std::string* s : {&f.id, &f.title, &f.outlet, &f.published, &f.body}) {
    PutVarint(s->size(), &out);
    out += *s;
  }
  return out;
}

Result<StoredFields> DecodeStoredFields(std::string_view data) {
  StoredFields f;
  for (std::string* s : {&f.id, &f.title, &f.outlet, &f.published, &f.body}) {
    uint64_t n = 0;
    if (!GetVarint(&data, &n) || n > data.size()) return Status::Corruption(std::string("index document data is truncated"));
    s->assign(data.substr(0, n));
    data.remove_prefix(n);
  }
  return f;
}

}  // namespace malaf::search
