#include "stories/story_archive.h"

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace malaf::stories {
namespace {

// The tables of component "stories". Binary columns (signature, vector,
// participants, state) hold the little-endian encodings of codec below.
constexpr std::string_view kMigrations[] = {
    R"sql(
CREATE TABLE stories_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE stories_article(
  article_id   TEXT PRIMARY KEY,
  published    TEXT NOT NULL,
  title        TEXT NOT NULL,
  outlet       TEXT NOT NULL,
  place        TEXT NOT NULL,
  length       INTEGER NOT NULL,
  signature    BLOB NOT NULL,     -- unused since v2 ('')
  shingles     INTEGER NOT NULL,  -- shingle set size
  canonical_id TEXT,              -- canonical copy when this is a copy, else NULL
  similarity   REAL NOT NULL,     -- estimated Jaccard with the canonical (1 if none)
  story_id     TEXT NOT NULL,
  score        REAL NOT NULL,     -- similarity to the story when it joined
  vector       BLOB NOT NULL,     -- top TF-IDF terms, for centrality
  participants BLOB NOT NULL      -- participant keys
) WITHOUT ROWID;
CREATE INDEX stories_article_story ON stories_article(story_id);
CREATE INDEX stories_article_canonical ON stories_article(canonical_id);
CREATE TABLE stories_story(
  id             TEXT PRIMARY KEY,
  seq            INTEGER NOT NULL,
  first_day      INTEGER NOT NULL,
  last_day       INTEGER NOT NULL,
  date           TEXT NOT NULL,
  title          TEXT NOT NULL,
  representative TEXT NOT NULL,
  place          TEXT NOT NULL,
  participants   TEXT NOT NULL,   -- JSON array
  outlets        TEXT NOT NULL,   -- JSON array
  size           INTEGER NOT NULL,
  state          BLOB NOT NULL    -- clusterer state (centroid, names, places, ...)
) WITHOUT ROWID;
CREATE INDEX stories_story_last_day ON stories_story(last_day);
CREATE INDEX stories_story_date ON stories_story(date, id);
CREATE TABLE stories_df(term INTEGER PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE stories_name(key INTEGER PRIMARY KEY, surface TEXT NOT NULL, first TEXT NOT NULL);
)sql",
    // v2: signatures in a narrow table of their own, scanned whole by every
    // incremental update (stories_article.signature is left empty).
    R"sql(
CREATE TABLE stories_signature(
  article_id TEXT PRIMARY KEY,
  signature  BLOB NOT NULL,
  shingles   INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
    // v3: a story's members in (published, id) order straight from the
    // index, so that an incremental update reads the first kSummaryMembers
    // of a large story instead of all of them.
    R"sql(
DROP INDEX IF EXISTS stories_article_story;
CREATE INDEX stories_article_story ON stories_article(story_id, published, article_id);
)sql",
};

constexpr int32_t kNoDay = kUnknownDay;

// Wall time per phase into UpdateStats::phases.
class PhaseClock {
 public:
  explicit PhaseClock(UpdateStats* stats) : stats_(stats), t_(std::chrono::steady_clock::now()) {}
  void Mark(const char* phase) {
    auto now = std::chrono::steady_clock::now();
    stats_->phases.push_back({phase, std::chrono::duration<double>(now - t_).count(), PeakMb()});
    t_ = now;
  }

 private:
  static double PeakMb() {
    FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    double kb = 0;
    while (std::fgets(line, sizeof line, f))
      if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::atof(line + 6);
    std::fclose(f);
    return kb / 1024;
  }

  UpdateStats* stats_;
  std::chrono::steady_clock::time_point t_;
};

// ---- codec: little-endian binary, read with bounds checks ----

class Writer {
 public:
  void U8(uint8_t v) { s_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Raw(&v, 2); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void I32(int32_t v) { Raw(&v, 4); }
  void F32(float v) { Raw(&v, 4); }
  void Str(std::string_view v) {
    U32(static_cast<uint32_t>(v.size()));
    s_.append(v);
  }
  void Vec(const SparseVector& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const auto& [k, w] : v) {
      U64(k);
      F32(w);
    }
  }
  std::string& str() { return s_; }

 private:
  void Raw(const void* p, size_t n) { s_.append(static_cast<const char*>(p), n); }
  std::string s_;
};

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == s_.size(); }
  uint16_t U16() { uint16_t v = 0; Raw(&v, 2); return v; }
  uint32_t U32() { uint32_t v = 0; Raw(&v, 4); return v; }
  uint64_t U64() { uint64_t v = 0; Raw(&v, 8); return v; }
  int32_t I32() { int32_t v = 0; Raw(&v, 4); return v; }
  float F32() { float v = 0; Raw(&v, 4); return v; }
  std::string Str() {
    uint32_t n = U32();
    if (!ok_ || n > s_.size() - pos_) { ok_ = false; return {}; }
    std::string v(s_.substr(pos_, n));
    pos_ += n;
    return v;
  }
  SparseVector Vec() {
    uint32_t n = U32();
    SparseVector v;
    if (!ok_ || n > (s_.size() - pos_) / 12) { ok_ = false; return v; }
    v.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t k = U64();
      v.emplace_back(k, F32());
    }
    return v;
  }

 private:
  void Raw(void* p, size_t n) {
    if (!ok_ || n > s_.size() - pos_) { ok_ = false; return; }
    std::memcpy(p, s_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view s_;
  size_t pos_ = 0;
  bool ok_ = true;
};

std::string EncodeSignature(const Signature& s) {
  Writer w;
  for (uint16_t m : s.mins) w.U16(m);
  return std::move(w.str());
}

Signature DecodeSignature(std::string_view bytes, uint32_t shingles) {
  Signature s;
  if (bytes.size() % 2) return s;
  s.mins.resize(bytes.size() / 2);
  std::memcpy(s.mins.data(), bytes.data(), bytes.size());
  s.shingles = shingles;
  return s;
}

std::string EncodeKeys(const std::vector<uint64_t>& keys) {
  Writer w;
  for (uint64_t k : keys) w.U64(k);
  return std::move(w.str());
}

std::vector<uint64_t> DecodeKeys(std::string_view bytes) {
  std::vector<uint64_t> out(bytes.size() / 8);
  if (!out.empty()) std::memcpy(out.data(), bytes.data(), out.size() * 8);
  return out;
}

std::string EncodeVector(const SparseVector& v) {
  Writer w;
  w.Vec(v);
  return std::move(w.str());
}

SparseVector DecodeVector(std::string_view bytes) {
  Reader r(bytes);
  SparseVector v = r.Vec();
  return r.ok() ? v : SparseVector{};
}

std::string EncodeState(const StoryState& s) {
  Writer w;
  w.U8(1);  // state encoding version
  w.Str(s.id);
  w.Str(s.first_article);
  w.I32(s.first_day);
  w.I32(s.last_day);
  w.U32(s.size);
  w.U64(s.seq);
  w.Vec(s.centroid);
  w.Vec(s.names);
  w.Vec(s.places);
  w.U32(static_cast<uint32_t>(s.extra.size()));
  for (const auto& [name, v] : s.extra) {
    w.Str(name);
    w.Vec(v);
  }
  w.U32(static_cast<uint32_t>(s.indexed.size()));
  for (uint64_t t : s.indexed) w.U64(t);
  return std::move(w.str());
}

Result<StoryState> DecodeState(std::string_view bytes, std::string_view id) {
  StoryState s;
  if (bytes.empty() || bytes[0] != 1) return Status::Corruption("story " + std::string(id) + ": unknown state encoding");
  Reader q(bytes.substr(1));
  s.id = q.Str();
  s.first_article = q.Str();
  s.first_day = q.I32();
  s.last_day = q.I32();
  s.size = q.U32();
  s.seq = q.U64();
  s.centroid = q.Vec();
  s.names = q.Vec();
  s.places = q.Vec();
  uint32_t extra = q.U32();
  for (uint32_t i = 0; q.ok() && i < extra && i < 64; ++i) {
    std::string name = q.Str();
    s.extra.emplace_back(std::move(name), q.Vec());
  }
  uint32_t indexed = q.U32();
  for (uint32_t i = 0; q.ok() && i < indexed && i < 1000000; ++i) s.indexed.push_back(q.U64());
  if (!q.ok() || !q.done()) return Status::Corruption("story " + std::string(id) + ": damaged state");
  return s;
}

std::string JsonList(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> ParseList(std::string_view s) {
  auto j = nlohmann::json::parse(s, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& e : j)
    if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

std::string Context(const Store& store) { return "stories (" + store.dir() + ")"; }

// ---- meta ----

Result<std::map<std::string, std::string>> ReadMeta(Db& db) {
  std::map<std::string, std::string> m;
  auto q = db.Prepare("SELECT key, value FROM stories_meta");
  if (!q.ok()) return q.status();
  for (;;) {
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    m[std::string(q->Text(0))] = std::string(q->Text(1));
  }
  return m;
}

Status WriteMeta(Db& db, const std::map<std::string, std::string>& m) {
  auto q = db.Prepare("INSERT OR REPLACE INTO stories_meta(key, value) VALUES (?1, ?2)");
  if (!q.ok()) return q.status();
  for (const auto& [k, v] : m) {
    q->BindText(1, k).BindText(2, v);
    MALAF_RETURN_IF_ERROR(q->Run());
  }
  return Status::OK();
}

int64_t ToInt(const std::map<std::string, std::string>& m, const std::string& key, int64_t def = 0) {
  auto it = m.find(key);
  if (it == m.end()) return def;
  try {
    return std::stoll(it->second);
  } catch (...) {
    return def;
  }
}

std::string ClusterVersion(const StoryOptions& o) { return std::to_string(o.cluster.version); }

// ---- records from the store, signed and featured on `threads` workers ----

Status ReadRecords(Store& store, int64_t after_seq, int64_t up_to_seq,
                   const std::function<bool(const StoredArticle&)>& wanted, const StoryOptions& options,
                   int threads, std::vector<ArticleRecord>* out) {
  // The reader (this thread) fills the next chunk while `threads` workers
  // turn the previous one into records.
  constexpr size_t kChunk = 2048;
  std::vector<Article> chunk, working;
  std::vector<std::thread> workers;
  auto join = [&] {
    for (auto& w : workers) w.join();
    workers.clear();
  };
  auto flush = [&] {
    join();  // before resizing `out`, which the workers write into
    working.swap(chunk);
    chunk.clear();
    size_t base = out->size();
    out->resize(base + working.size());
    for (int t = 0; t < threads; ++t)
      workers.emplace_back([&, base, t] {
        for (size_t i = static_cast<size_t>(t); i < working.size(); i += static_cast<size_t>(threads))
          (*out)[base + i] = MakeRecord(working[i], options);
      });
  };
  Status st = store.ForEach(after_seq, [&](const StoredArticle& a) {
    if (a.seq > up_to_seq) return false;
    if (!wanted(a)) return true;
    chunk.push_back(a.article);
    chunk.back().sources.clear();
    chunk.back().quotes.clear();
    if (chunk.size() == kChunk) flush();
    return true;
  });
  if (!chunk.empty()) flush();
  join();
  return st;
}

// ---- writing ----

struct ArticleRow {
  const ArticleRecord* rec;
  std::string canonical;  // "" when none
  float similarity = 1;
  std::string story;
  float score = 1;
  const SparseVector* vector;
};

Status InsertArticles(Db& db, const std::vector<ArticleRow>& rows) {
  auto q = db.Prepare(
      "INSERT OR REPLACE INTO stories_article(article_id, published, title, outlet, place, length, signature, "
      "shingles, canonical_id, similarity, story_id, score, vector, participants) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  if (!q.ok()) return q.status();
  auto sq = db.Prepare("INSERT OR REPLACE INTO stories_signature(article_id, signature, shingles) VALUES (?1, ?2, ?3)");
  if (!sq.ok()) return sq.status();
  static const SparseVector kEmpty;
  for (const auto& r : rows) {
    const ArticleRecord& rec = *r.rec;
    std::vector<uint64_t> parts;
    for (const auto& p : rec.participants) parts.push_back(p.key);
    q->BindText(1, rec.id).BindText(2, rec.published).BindText(3, rec.title).BindText(4, rec.outlet);
    q->BindText(5, rec.place).BindInt(6, static_cast<int64_t>(rec.length));
    q->BindText(7, "").BindInt(8, rec.signature.shingles);
    if (r.canonical.empty()) q->BindNull(9);
    else q->BindText(9, r.canonical);
    q->BindDouble(10, r.similarity).BindText(11, r.story).BindDouble(12, r.score);
    q->BindText(13, EncodeVector(r.vector ? *r.vector : kEmpty)).BindText(14, EncodeKeys(parts));
    MALAF_RETURN_IF_ERROR(q->Run());
    sq->BindText(1, rec.id).BindText(2, EncodeSignature(rec.signature)).BindInt(3, rec.signature.shingles);
    MALAF_RETURN_IF_ERROR(sq->Run());
  }
  return Status::OK();
}

Status UpsertNames(Db& db, const std::vector<ArticleRecord>& recs) {
  // The surface kept is that of the first article in feed order ("first"
  // holds "published\tid"; unknown dates sort after known ones).
  auto q = db.Prepare(
      "INSERT INTO stories_name(key, surface, first) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(key) DO UPDATE SET surface = excluded.surface, first = excluded.first "
      "WHERE excluded.first < stories_name.first");
  if (!q.ok()) return q.status();
  for (const auto& rec : recs) {
    std::string first = (rec.published.empty() ? std::string("~") : rec.published) + "\t" + rec.id;
    for (const auto& p : rec.participants) {
      q->BindInt(1, static_cast<int64_t>(p.key)).BindText(2, p.surface).BindText(3, first);
      MALAF_RETURN_IF_ERROR(q->Run());
    }
  }
  return Status::OK();
}

Status WriteDf(Db& db, const std::unordered_map<uint64_t, uint32_t>& df) {
  auto q = db.Prepare("INSERT OR REPLACE INTO stories_df(term, df) VALUES (?1, ?2)");
  if (!q.ok()) return q.status();
  std::vector<std::pair<uint64_t, uint32_t>> sorted(df.begin(), df.end());
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [t, n] : sorted) {
    q->BindInt(1, static_cast<int64_t>(t)).BindInt(2, n);
    MALAF_RETURN_IF_ERROR(q->Run());
  }
  return Status::OK();
}

Result<std::unordered_map<uint64_t, std::string>> ReadNames(Db& db, const std::set<uint64_t>& keys) {
  std::unordered_map<uint64_t, std::string> out;
  auto q = db.Prepare("SELECT surface FROM stories_name WHERE key = ?1");
  if (!q.ok()) return q.status();
  for (uint64_t k : keys) {
    q->BindInt(1, static_cast<int64_t>(k));
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (*row) out[k] = std::string(q->Text(0));
    q->Reset();
  }
  return out;
}

constexpr char kMemberColumns[] =
    "SELECT article_id, published, title, outlet, place, canonical_id, similarity, vector, participants "
    "FROM stories_article ";

Status ReadMemberRows(Statement* q, std::vector<StoryMember>* out) {
  for (;;) {
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    StoryMember m;
    m.id = q->Text(0);
    m.published = q->Text(1);
    m.title = q->Text(2);
    m.outlet = q->Text(3);
    m.place = q->Text(4);
    m.canonical = q->Text(5);
    m.similarity = static_cast<float>(q->Double(6));
    m.vector = DecodeVector(q->Text(7));
    m.participants = DecodeKeys(q->Text(8));
    out->push_back(std::move(m));
  }
}

// The first `limit` members of a story in (published, id) order, unknown
// dates last (MemberBefore), read in that order from the index.
Result<std::vector<StoryMember>> ReadFirstMembers(Db& db, std::string_view story, size_t limit) {
  std::vector<StoryMember> out;
  auto dated = db.Prepare(std::string(kMemberColumns) +
                          "WHERE story_id = ?1 AND published > '' ORDER BY published, article_id LIMIT ?2");
  if (!dated.ok()) return dated.status();
  dated->BindText(1, story).BindInt(2, static_cast<int64_t>(limit));
  MALAF_RETURN_IF_ERROR(ReadMemberRows(&*dated, &out));
  if (out.size() < limit) {
    auto undated = db.Prepare(std::string(kMemberColumns) +
                              "WHERE story_id = ?1 AND published = '' ORDER BY article_id LIMIT ?2");
    if (!undated.ok()) return undated.status();
    undated->BindText(1, story).BindInt(2, static_cast<int64_t>(limit - out.size()));
    MALAF_RETURN_IF_ERROR(ReadMemberRows(&*undated, &out));
  }
  return out;
}

Result<std::vector<StoryMember>> ReadMembers(Db& db, std::string_view story) {
  auto q = db.Prepare(std::string(kMemberColumns) + "WHERE story_id = ?1");
  if (!q.ok()) return q.status();
  q->BindText(1, story);
  std::vector<StoryMember> out;
  MALAF_RETURN_IF_ERROR(ReadMemberRows(&*q, &out));
  return out;
}

Result<Statement> PrepareWriteStory(Db& db) {
  return db.Prepare(
      "INSERT OR REPLACE INTO stories_story(id, seq, first_day, last_day, date, title, representative, place, "
      "participants, outlets, size, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
}

// `size`: the story's articles, copies included.
Status WriteStory(Statement* q, const StoryState& state, const StorySummary& s, size_t size) {
  q->BindText(1, state.id).BindInt(2, static_cast<int64_t>(state.seq)).BindInt(3, state.first_day);
  q->BindInt(4, state.last_day).BindText(5, s.date).BindText(6, s.title).BindText(7, s.representative);
  q->BindText(8, s.place).BindText(9, JsonList(s.participants)).BindText(10, JsonList(s.outlets));
  q->BindInt(11, static_cast<int64_t>(size)).BindText(12, EncodeState(state));
  return q->Run();
}

// Summary of a story from its first kSummaryMembers stored members (all a
// summary reads; see story_builder.h), so that the cost of an update does
// not grow with the size of the stories it touches.
Status RewriteStory(Db& db, const StoryState& state, size_t max_participants) {
  auto members = ReadFirstMembers(db, state.id, kSummaryMembers);
  if (!members.ok()) return members.status();
  if (members->empty()) {
    auto q = db.Prepare("DELETE FROM stories_story WHERE id = ?1");
    if (!q.ok()) return q.status();
    q->BindText(1, state.id);
    return q->Run();
  }
  size_t size = members->size();
  if (size >= kSummaryMembers) {
    auto c = db.Prepare("SELECT COUNT(*) FROM stories_article WHERE story_id = ?1");
    if (!c.ok()) return c.status();
    c->BindText(1, state.id);
    auto row = c->Step();
    if (!row.ok()) return row.status();
    size = static_cast<size_t>(c->Int(0));
  }
  std::set<uint64_t> keys;
  for (const auto& m : *members) keys.insert(m.participants.begin(), m.participants.end());
  auto names = ReadNames(db, keys);
  if (!names.ok()) return names.status();
  auto q = PrepareWriteStory(db);
  if (!q.ok()) return q.status();
  return WriteStory(&*q, state, Summarize(state, *members, *names, max_participants), size);
}

std::map<std::string, std::string> BaseMeta(const UpdateOptions& options) {
  return {{"scheme", std::string(kSignatureScheme)}, {"cluster", ClusterVersion(options.story)}};
}

// ---- full rebuild ----

Result<UpdateStats> Rebuild(Store& store, const UpdateOptions& options) {
  Db& db = store.db();
  UpdateStats stats;
  PhaseClock clock(&stats);
  auto last = store.LastSeq();
  if (!last.ok()) return last.status();
  std::vector<ArticleRecord> recs;
  auto count = store.Count();
  if (!count.ok()) return count.status();
  recs.reserve(static_cast<size_t>(std::max<int64_t>(*count, 0)));
  MALAF_RETURN_IF_ERROR(ReadRecords(
      store, 0, *last, [](const StoredArticle&) { return true; }, options.story, options.threads, &recs));
  clock.Mark("read");
  // Features are dropped as they are fed: the writes below need only ids,
  // dates, signatures and participants.
  BuildResult built = BuildStoriesReleasingFeatures(&recs, options.story, options.threads);
  const auto& stories = built.clusterer.stories();
  clock.Mark("build");

  auto tx = db.Begin();
  if (!tx.ok()) return tx.status();
  MALAF_RETURN_IF_ERROR(db.Exec(
      "DELETE FROM stories_article; DELETE FROM stories_story; DELETE FROM stories_df; "
      "DELETE FROM stories_name; DELETE FROM stories_meta; DELETE FROM stories_signature;"));
  // Rows in chunks (a row holds two id strings).
  std::vector<ArticleRow> rows;
  constexpr size_t kRowChunk = 16384;
  for (size_t i = 0; i < recs.size(); ++i) {
    ArticleRow r{&recs[i], "", built.score[i], stories[built.story_of[i]].id, built.score[i], &built.vectors[i]};
    if (built.canonical_of[i] >= 0) {
      r.canonical = recs[built.canonical_of[i]].id;
      r.score = built.score[built.canonical_of[i]];
    } else {
      r.similarity = 1;
    }
    rows.push_back(std::move(r));
    if (rows.size() == kRowChunk || i + 1 == recs.size()) {
      MALAF_RETURN_IF_ERROR(InsertArticles(db, rows));
      rows.clear();
    }
  }
  MALAF_RETURN_IF_ERROR(UpsertNames(db, recs));
  MALAF_RETURN_IF_ERROR(WriteDf(db, built.clusterer.document_frequencies()));
  clock.Mark("write_articles");
  auto story_q = PrepareWriteStory(db);
  if (!story_q.ok()) return story_q.status();
  size_t written = 0;
  Status story_status;
  ForEachSummary(recs, built, options.story.max_participants, [&](size_t s, StorySummary&& summary) {
    if (!story_status.ok()) return;
    story_status = WriteStory(&*story_q, stories[s], summary, summary.articles.size());
    ++written;
  });
  MALAF_RETURN_IF_ERROR(story_status);
  int32_t max_day = kNoDay;
  for (const auto& st : stories) max_day = std::max(max_day, st.last_day);
  auto meta = BaseMeta(options);
  meta["seq"] = std::to_string(*last);
  meta["documents"] = std::to_string(built.clusterer.documents());
  meta["next_seq"] = std::to_string(built.clusterer.next_seq());
  meta["max_day"] = std::to_string(max_day);
  meta["articles"] = std::to_string(recs.size());
  MALAF_RETURN_IF_ERROR(WriteMeta(db, meta));
  clock.Mark("write_stories");
  MALAF_RETURN_IF_ERROR(tx->Commit());
  clock.Mark("commit");
  stats.rebuilt = true;
  stats.articles = recs.size();
  for (auto c : built.canonical_of) stats.copies += c >= 0;
  stats.stories_changed = written;
  stats.stories_total = written;
  return stats;
}

// ---- incremental update ----

struct ExistingHit {
  std::string id, published, canonical, story;
  size_t length = 0;
};

Result<UpdateStats> Increment(Store& store, const UpdateOptions& options, std::map<std::string, std::string> meta,
                              int64_t last_seq) {
  Db& db = store.db();
  const MinHashOptions& mh = options.story.minhash;
  UpdateStats stats;
  PhaseClock clock(&stats);
  int64_t cursor = ToInt(meta, "seq");
  // New articles: stored since the cursor and not processed yet.
  auto known = db.Prepare("SELECT 1 FROM stories_article WHERE article_id = ?1");
  if (!known.ok()) return known.status();
  std::vector<ArticleRecord> recs;
  Status bad;
  MALAF_RETURN_IF_ERROR(ReadRecords(
      store, cursor, last_seq,
      [&](const StoredArticle& a) {
        known->BindText(1, a.article.id);
        auto row = known->Step();
        if (!row.ok()) {
          bad = row.status();
          return false;
        }
        known->Reset();
        return !*row;
      },
      options.story, options.threads, &recs));
  MALAF_RETURN_IF_ERROR(bad);
  clock.Mark("read");
  if (recs.empty()) {
    meta["seq"] = std::to_string(last_seq);
    MALAF_RETURN_IF_ERROR(WriteMeta(db, meta));
    auto n = db.Prepare("SELECT COUNT(*) FROM stories_story");
    if (n.ok() && n->Step().ok()) stats.stories_total = static_cast<size_t>(n->Int(0));
    return stats;
  }
  const size_t n = recs.size();
  // 1. Copies: band keys of the new articles, then one pass over every
  // stored signature.
  std::unordered_map<uint64_t, std::vector<uint32_t>> bands;
  // A bitmap of the new band keys turns away almost every stored key
  // before the hash lookup.
  constexpr int kFilterBits = 22;
  std::vector<uint64_t> filter((1u << kFilterBits) / 64, 0);
  auto slot = [](uint64_t k) { return k >> (64 - kFilterBits); };
  for (uint32_t i = 0; i < n; ++i)
    for (uint64_t k : BandKeys(recs[i].signature, mh)) {
      bands[k].push_back(i);
      filter[slot(k) / 64] |= uint64_t{1} << (slot(k) % 64);
    }
  DisjointSets sets(n);
  std::vector<std::vector<ExistingHit>> hits(n);
  {
    // Stored copies of new articles, as (stored id, new article index): one
    // pass over every stored signature, in two halves of the key space on
    // two connections when two threads are allowed.
    using Found = std::vector<std::pair<std::string, uint32_t>>;
    const size_t band_values = static_cast<size_t>(mh.bands) * static_cast<size_t>(mh.rows);
    auto scan = [&](Db& conn, bool upper_half, Found* out) -> Status {
      // Every signature page is read once: memory-mapped reads spare a
      // system call and a copy per page. The connection's setting is put back.
      int64_t mmap_before = 0;
      {
        auto m = conn.Prepare("PRAGMA mmap_size");
        if (m.ok()) {
          auto row = m->Step();
          if (row.ok() && *row) mmap_before = m->Int(0);
        }
      }
      MALAF_RETURN_IF_ERROR(conn.Exec("PRAGMA mmap_size = 17179869184"));  // capped by SQLite's limit
      struct RestoreMmap {
        Db& db;
        int64_t size;
        ~RestoreMmap() { (void)db.Exec("PRAGMA mmap_size = " + std::to_string(size)); }
      } restore_mmap{conn, mmap_before};
      auto q = conn.Prepare(upper_half
                                ? "SELECT article_id, signature, shingles FROM stories_signature WHERE article_id >= '8'"
                                : "SELECT article_id, signature, shingles FROM stories_signature WHERE article_id < '8'");
      if (!q.ok()) return q.status();
      std::vector<uint32_t> matched;
      Signature sig;  // reused: no allocation per stored signature
      for (;;) {
        auto row = q->Step();
        if (!row.ok()) return row.status();
        if (!*row) return Status::OK();
        std::string_view bytes = q->Text(1);
        if (bytes.size() % 2 || bytes.size() / 2 < band_values) continue;  // empty text: never a copy
        sig.mins.resize(bytes.size() / 2);
        std::memcpy(sig.mins.data(), bytes.data(), bytes.size());
        sig.shingles = static_cast<uint32_t>(q->Int(2));
        matched.clear();
        for (int band = 0; band < mh.bands; ++band) {
          uint64_t k = BandKey(sig, band, mh);
          if (!(filter[slot(k) / 64] >> (slot(k) % 64) & 1)) continue;
          auto it = bands.find(k);
          if (it == bands.end()) continue;
          matched.insert(matched.end(), it->second.begin(), it->second.end());
        }
        if (matched.empty()) continue;
        std::sort(matched.begin(), matched.end());
        matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
        for (uint32_t i : matched)
          if (IsCopy(recs[i].signature, sig, mh)) out->emplace_back(std::string(q->Text(0)), i);
      }
    };
    Found lower, upper;
    std::unique_ptr<Db> second;
    if (options.threads >= 2) {
      DbOptions ro;
      ro.create_if_missing = false;
      ro.read_only = true;
      auto opened = Db::Open(db.path(), ro);
      if (opened.ok()) second = std::move(*opened);  // else one connection scans both halves
    }
    Status upper_status;
    std::thread worker;
    if (second) worker = std::thread([&] { upper_status = scan(*second, true, &upper); });
    Status lower_status = scan(db, false, &lower);
    if (worker.joinable()) worker.join();
    else upper_status = scan(db, true, &upper);
    MALAF_RETURN_IF_ERROR(lower_status);
    MALAF_RETURN_IF_ERROR(upper_status);
    second.reset();
    lower.insert(lower.end(), std::make_move_iterator(upper.begin()), std::make_move_iterator(upper.end()));
    auto info = db.Prepare(
        "SELECT published, length, canonical_id, story_id FROM stories_article WHERE article_id = ?1");
    if (!info.ok()) return info.status();
    for (auto& [id, i] : lower) {
      info->BindText(1, id);
      auto irow = info->Step();
      if (!irow.ok()) return irow.status();
      if (!*irow) continue;
      ExistingHit h;
      h.id = std::move(id);
      h.published = info->Text(0);
      h.length = static_cast<size_t>(info->Int(1));
      h.canonical = info->Text(2);
      h.story = info->Text(3);
      info->Reset();
      hits[i].push_back(std::move(h));
    }
  }
  clock.Mark("copies");
  for (const auto& [k, members] : bands)
    for (size_t a = 0; a < members.size(); ++a)
      for (size_t b = a + 1; b < members.size() && b < a + 1 + kBucketWindow; ++b)
        if (sets.Find(members[a]) != sets.Find(members[b]) &&
            IsCopy(recs[members[a]].signature, recs[members[b]].signature, mh))
          sets.Union(members[a], members[b]);
  // Components of new articles, with the existing groups they touch.
  std::map<uint32_t, std::vector<uint32_t>> comps;
  for (uint32_t i = 0; i < n; ++i) comps[sets.Find(i)].push_back(i);
  std::vector<int64_t> canonical_of(n, -1);  // new canonical (index) for new copies
  std::vector<std::string> existing_canonical(n);  // or an existing canonical's id
  std::vector<std::string> host_story(n);
  std::set<std::string> touched_stories;
  std::vector<std::pair<std::string, std::string>> regroup;  // (old canonical, new canonical) to rewrite
  for (auto& [root, members] : comps) {
    // Existing groups touched: by canonical id, with that canonical's info.
    std::map<std::string, ExistingHit> groups;
    for (uint32_t i : members)
      for (const auto& h : hits[i]) {
        std::string canon = h.canonical.empty() ? h.id : h.canonical;
        if (groups.count(canon)) continue;
        if (h.canonical.empty()) {
          groups[canon] = h;
        } else {
          auto q = db.Prepare("SELECT article_id, published, length, story_id FROM stories_article WHERE article_id = ?1");
          if (!q.ok()) return q.status();
          q->BindText(1, canon);
          auto row = q->Step();
          if (!row.ok()) return row.status();
          if (!*row) continue;
          ExistingHit c;
          c.id = q->Text(0);
          c.published = q->Text(1);
          c.length = static_cast<size_t>(q->Int(2));
          c.story = q->Text(3);
          groups[canon] = c;
        }
      }
    if (groups.empty()) {
      if (members.size() < 2) continue;
      uint32_t best = members[0];
      for (uint32_t i : members)
        if (CanonicalBefore({recs[i].id, recs[i].published, recs[i].length},
                            {recs[best].id, recs[best].published, recs[best].length}))
          best = i;
      for (uint32_t i : members)
        if (i != best) canonical_of[i] = best;
      continue;
    }
    // The host: the existing group whose canonical comes first.
    const ExistingHit* host = nullptr;
    for (const auto& [id, g] : groups)
      if (!host || CanonicalBefore({g.id, g.published, g.length}, {host->id, host->published, host->length}))
        host = &g;
    std::string canon = host->id;
    CopyInfo ci{host->id, host->published, host->length};
    int64_t new_canon = -1;
    for (uint32_t i : members)
      if (CanonicalBefore({recs[i].id, recs[i].published, recs[i].length}, ci)) {
        ci = {recs[i].id, recs[i].published, recs[i].length};
        new_canon = i;
      }
    for (uint32_t i : members) {
      host_story[i] = host->story;
      if (static_cast<int64_t>(i) == new_canon) continue;
      if (new_canon >= 0) canonical_of[i] = new_canon;
      else existing_canonical[i] = canon;
    }
    touched_stories.insert(host->story);
    // The common case: new copies join one existing group that keeps its
    // canonical. Its members' rows stay as they are (rewriting them would
    // cost in proportion to the group: a wire text copied thousands of
    // times).
    if (new_canon < 0 && groups.size() == 1) continue;
    std::string final_canon = new_canon >= 0 ? recs[new_canon].id : canon;
    for (const auto& [id, g] : groups) {
      if (id != final_canon) regroup.emplace_back(id, final_canon);
      touched_stories.insert(g.story);
    }
  }
  clock.Mark("groups");
  // 2. Stories for the new articles that are not copies.
  std::vector<uint32_t> feed;
  for (uint32_t i = 0; i < n; ++i)
    if (canonical_of[i] < 0 && existing_canonical[i].empty() && host_story[i].empty()) feed.push_back(i);
  std::sort(feed.begin(), feed.end(), [&](uint32_t a, uint32_t b) { return FeedBefore(recs[a], recs[b]); });
  StoryClusterer clusterer(options.story.cluster);
  std::vector<std::string> story_id(n);
  std::vector<float> score(n, 1);
  std::vector<SparseVector> vectors(n);
  if (!feed.empty()) {
    int32_t window = options.story.cluster.window_days;
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    bool unknown = false;
    for (uint32_t i : feed) {
      int32_t d = recs[i].features.day;
      if (d == kNoDay) unknown = true;
      else { lo = std::min(lo, d); hi = std::max(hi, d); }
    }
    int32_t max_day = static_cast<int32_t>(ToInt(meta, "max_day", kNoDay));
    if (unknown && max_day != kNoDay) lo = std::min(lo, max_day);
    if (lo == INT32_MAX) lo = INT32_MIN + window + 1;
    std::vector<StoryState> active;
    // Undated articles may join any story: then every story is restored
    // (slow, and rare: dated news is the rule).
    // Undated stories (last_day is the INT32_MIN sentinel) are asked for
    // separately, so that each arm uses the last_day index.
    auto q = db.Prepare(unknown ? "SELECT id, state FROM stories_story"
                                : "SELECT id, state FROM stories_story WHERE last_day >= ?1 "
                                  "UNION ALL SELECT id, state FROM stories_story WHERE last_day = ?2");
    if (!q.ok()) return q.status();
    if (!unknown) q->BindInt(1, static_cast<int64_t>(lo) - window).BindInt(2, kNoDay);
    for (;;) {
      auto row = q->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto st = DecodeState(q->Text(1), q->Text(0));
      if (!st.ok()) return st.status();
      active.push_back(std::move(*st));
    }
    std::unordered_map<uint64_t, uint32_t> df;
    auto dq = db.Prepare("SELECT df FROM stories_df WHERE term = ?1");
    if (!dq.ok()) return dq.status();
    for (uint32_t i : feed)
      for (const auto& t : recs[i].features.terms) {
        if (df.count(t.term)) continue;
        dq->BindInt(1, static_cast<int64_t>(t.term));
        auto row = dq->Step();
        if (!row.ok()) return row.status();
        df[t.term] = *row ? static_cast<uint32_t>(dq->Int(0)) : 0;
        dq->Reset();
      }
    for (auto it = df.begin(); it != df.end();) it = it->second == 0 ? df.erase(it) : std::next(it);
    clock.Mark("restore");
    clusterer.Restore(static_cast<uint64_t>(ToInt(meta, "documents")), static_cast<uint64_t>(ToInt(meta, "next_seq")),
                      std::move(df), std::move(active));
    for (uint32_t i : feed) {
      auto p = clusterer.Add(recs[i].id, recs[i].features);
      story_id[i] = clusterer.stories()[p.story].id;
      score[i] = p.score;
      SparseVector v = std::move(p.vector);
      if (v.size() > 16) {
        std::nth_element(v.begin(), v.begin() + 16, v.end(), [](const auto& a, const auto& b) {
          return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        v.resize(16);
        std::sort(v.begin(), v.end());
      }
      vectors[i] = std::move(v);
      touched_stories.insert(story_id[i]);
      max_day = std::max(max_day, recs[i].features.day);
    }
    meta["documents"] = std::to_string(clusterer.documents());
    meta["next_seq"] = std::to_string(clusterer.next_seq());
    meta["max_day"] = std::to_string(max_day);
  }
  clock.Mark("cluster");
  // New copies of new canonicals follow their canonical's story.
  for (uint32_t i = 0; i < n; ++i) {
    if (canonical_of[i] >= 0) {
      uint32_t c = static_cast<uint32_t>(canonical_of[i]);
      story_id[i] = host_story[c].empty() ? story_id[c] : host_story[c];
      score[i] = static_cast<float>(EstimateJaccard(recs[c].signature, recs[i].signature));
    } else if (!host_story[i].empty()) {
      story_id[i] = host_story[i];
    }
  }
  // 3. Write.
  auto tx = db.Begin();
  if (!tx.ok()) return tx.status();
  // Signatures of the existing canonicals that new copies join.
  std::unordered_map<std::string, Signature> canon_sig;
  {
    auto q = db.Prepare("SELECT signature, shingles FROM stories_signature WHERE article_id = ?1");
    if (!q.ok()) return q.status();
    for (uint32_t i = 0; i < n; ++i) {
      const std::string& c = existing_canonical[i];
      if (c.empty() || canon_sig.count(c)) continue;
      q->BindText(1, c);
      auto row = q->Step();
      if (!row.ok()) return row.status();
      canon_sig[c] = *row ? DecodeSignature(q->Text(0), static_cast<uint32_t>(q->Int(1))) : Signature{};
      q->Reset();
    }
  }
  std::vector<ArticleRow> rows;
  for (uint32_t i = 0; i < n; ++i) {
    ArticleRow r{&recs[i], "", 1, story_id[i], score[i], &vectors[i]};
    if (canonical_of[i] >= 0) {
      r.canonical = recs[canonical_of[i]].id;
      r.similarity = score[i];
      r.score = 1;
    } else if (!existing_canonical[i].empty()) {
      r.canonical = existing_canonical[i];
      r.similarity = static_cast<float>(EstimateJaccard(canon_sig[r.canonical], recs[i].signature));
    }
    rows.push_back(std::move(r));
  }
  MALAF_RETURN_IF_ERROR(InsertArticles(db, rows));
  clock.Mark("write_articles");
  // Regroup: the members of every existing group whose canonical changes
  // (a merged group, or a new article that is now the canonical) move to
  // the final canonical and its story, with their similarity to it. A group
  // that keeps its canonical is not rewritten, so the cost is that of the
  // groups that change, not of the group they join.
  if (!regroup.empty()) {
    auto story_q = db.Prepare("SELECT story_id FROM stories_article WHERE article_id = ?1");
    if (!story_q.ok()) return story_q.status();
    auto sig_q = db.Prepare("SELECT signature, shingles FROM stories_signature WHERE article_id = ?1");
    if (!sig_q.ok()) return sig_q.status();
    auto members_q = db.Prepare(
        "SELECT a.article_id, s.signature, s.shingles FROM stories_article a "
        "JOIN stories_signature s ON s.article_id = a.article_id WHERE a.canonical_id = ?1");
    if (!members_q.ok()) return members_q.status();
    auto up = db.Prepare(
        "UPDATE stories_article SET canonical_id = NULLIF(?2, article_id), similarity = ?3, "
        "story_id = CASE WHEN ?4 = '' THEN story_id ELSE ?4 END WHERE article_id = ?1");
    if (!up.ok()) return up.status();
    auto signature_of = [&](const std::string& id, Signature* out) -> Status {
      sig_q->BindText(1, id);
      auto row = sig_q->Step();
      if (!row.ok()) return row.status();
      *out = *row ? DecodeSignature(sig_q->Text(0), static_cast<uint32_t>(sig_q->Int(1))) : Signature{};
      sig_q->Reset();
      return Status::OK();
    };
    for (const auto& [old_canon, new_canon] : regroup) {
      story_q->BindText(1, new_canon);
      auto row = story_q->Step();
      if (!row.ok()) return row.status();
      std::string host = *row ? std::string(story_q->Text(0)) : std::string();
      story_q->Reset();
      Signature cs, own;
      MALAF_RETURN_IF_ERROR(signature_of(new_canon, &cs));
      // The old group: its canonical and the rows that point at it.
      std::vector<std::pair<std::string, double>> moved;
      MALAF_RETURN_IF_ERROR(signature_of(old_canon, &own));
      moved.emplace_back(old_canon, old_canon == new_canon ? 1.0 : EstimateJaccard(cs, own));
      members_q->BindText(1, old_canon);
      for (;;) {
        auto r = members_q->Step();
        if (!r.ok()) return r.status();
        if (!*r) break;
        std::string id(members_q->Text(0));
        double sim = id == new_canon ? 1.0
                                     : EstimateJaccard(cs, DecodeSignature(members_q->Text(1),
                                                                           static_cast<uint32_t>(members_q->Int(2))));
        moved.emplace_back(std::move(id), sim);
      }
      members_q->Reset();
      for (const auto& [id, sim] : moved) {
        up->BindText(1, id).BindText(2, new_canon).BindDouble(3, sim).BindText(4, host);
        MALAF_RETURN_IF_ERROR(up->Run());
      }
    }
  }
  clock.Mark("regroup");
  MALAF_RETURN_IF_ERROR(UpsertNames(db, recs));
  MALAF_RETURN_IF_ERROR(WriteDf(db, clusterer.document_frequencies()));
  clock.Mark("write_df");
  // Rewrite every touched story: states from the clusterer when it holds
  // them, else as stored.
  std::unordered_map<std::string, const StoryState*> live;
  for (const auto& s : clusterer.stories()) live[s.id] = &s;
  for (const auto& id : touched_stories) {
    if (id.empty()) continue;
    StoryState state;
    auto it = live.find(id);
    if (it != live.end()) {
      state = *it->second;
    } else {
      auto q = db.Prepare("SELECT state FROM stories_story WHERE id = ?1");
      if (!q.ok()) return q.status();
      q->BindText(1, id);
      auto row = q->Step();
      if (!row.ok()) return row.status();
      if (!*row) continue;
      auto st = DecodeState(q->Text(0), id);
      if (!st.ok()) return st.status();
      state = std::move(*st);
    }
    MALAF_RETURN_IF_ERROR(RewriteStory(db, state, options.story.max_participants));
    ++stats.stories_changed;
  }
  meta["seq"] = std::to_string(last_seq);
  meta["articles"] = std::to_string(ToInt(meta, "articles") + static_cast<int64_t>(n));
  MALAF_RETURN_IF_ERROR(WriteMeta(db, meta));
  clock.Mark("write_stories");
  MALAF_RETURN_IF_ERROR(tx->Commit());
  clock.Mark("commit");
  stats.articles = n;
  for (uint32_t i = 0; i < n; ++i) stats.copies += canonical_of[i] >= 0 || !existing_canonical[i].empty();
  auto cnt = db.Prepare("SELECT COUNT(*) FROM stories_story");
  if (cnt.ok()) {
    auto row = cnt->Step();
    if (row.ok() && *row) stats.stories_total = static_cast<size_t>(cnt->Int(0));
  }
  return stats;
}

Status EnsureTables(Db& db) { return db.EnsureSchema("stories", kMigrations); }

}  // namespace

Result<UpdateStats> UpdateStories(Store& store, const UpdateOptions& options) {
  Db& db = store.db();
  Status st = EnsureTables(db);
  if (!st.ok()) return st.WithContext(Context(store));
  auto meta = ReadMeta(db);
  if (!meta.ok()) return meta.status().WithContext(Context(store));
  auto last = store.LastSeq();
  if (!last.ok()) return last.status().WithContext(Context(store));
  bool rebuild = options.rebuild || meta->empty() || (*meta)["scheme"] != kSignatureScheme ||
                 (*meta)["cluster"] != ClusterVersion(options.story);
  if (!rebuild) {
    // Many new articles: a batch is cheaper and canonical.
    int64_t done = ToInt(*meta, "articles");
    auto total = store.Count();
    if (!total.ok()) return total.status().WithContext(Context(store));
    if (*total - done > std::max<int64_t>(done, 1000)) rebuild = true;
  }
  auto r = rebuild ? Rebuild(store, options) : Increment(store, options, std::move(*meta), *last);
#ifdef __GLIBC__
  // A rebuild frees about a gigabyte at a million articles, much of it in
  // the reading threads' heap arenas, which later work on this thread (a
  // listing of every story) would not reuse: give it back.
  if (rebuild) malloc_trim(0);
#endif
  if (!r.ok()) return r.status().WithContext(Context(store));
  return r;
}

Result<std::vector<CopyGroup>> ListCopyGroups(Store& store) {
  Db& db = store.db();
  MALAF_RETURN_IF_ERROR(EnsureTables(db));
  auto q = db.Prepare(
      "SELECT c.article_id, c.canonical_id, c.similarity, k.published, k.length, c.published, c.length "
      "FROM stories_article c JOIN stories_article k ON k.article_id = c.canonical_id "
      "WHERE c.canonical_id IS NOT NULL");
  if (!q.ok()) return q.status();
  struct Member { std::string id, published; size_t length; float sim; };
  std::map<std::string, std::pair<Member, std::vector<Member>>> groups;
  for (;;) {
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string canon(q->Text(1));
    auto& g = groups[canon];
    g.first = {canon, std::string(q->Text(3)), static_cast<size_t>(q->Int(4)), 1.0f};
    g.second.push_back({std::string(q->Text(0)), std::string(q->Text(5)), static_cast<size_t>(q->Int(6)),
                        static_cast<float>(q->Double(2))});
  }
  std::vector<std::pair<Member, std::vector<Member>>> list;
  for (auto& [k, g] : groups) list.push_back(std::move(g));
  auto before = [](const Member& a, const Member& b) {
    return CanonicalBefore({a.id, a.published, a.length}, {b.id, b.published, b.length});
  };
  std::sort(list.begin(), list.end(), [&](const auto& a, const auto& b) { return before(a.first, b.first); });
  std::vector<CopyGroup> out;
  for (auto& [canon, copies] : list) {
    std::sort(copies.begin(), copies.end(), before);
    CopyGroup g;
    g.ids.push_back(canon.id);
    g.similarity.push_back(1);
    for (const auto& c : copies) {
      g.ids.push_back(c.id);
      g.similarity.push_back(c.sim);
    }
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

// Articles (by (published, id)) and copy groups of a story from its members.
void FillArticles(std::vector<StoryMember>& members, StorySummary* s) {
  std::sort(members.begin(), members.end(), [](const StoryMember& a, const StoryMember& b) {
    bool ka = !a.published.empty(), kb = !b.published.empty();
    if (ka != kb) return ka;
    return a.published != b.published ? a.published < b.published : a.id < b.id;
  });
  std::map<std::string, std::vector<std::string>> copies;
  for (const auto& m : members) {
    s->articles.push_back(m.id);
    if (!m.canonical.empty()) copies[m.canonical].push_back(m.id);
  }
  for (const auto& m : members) {
    auto it = copies.find(m.id);
    if (it == copies.end()) continue;
    std::vector<std::string> g{m.id};
    g.insert(g.end(), it->second.begin(), it->second.end());
    s->duplicates.push_back(std::move(g));
  }
}

StorySummary ReadSummaryRow(Statement& q) {
  StorySummary s;
  s.id = q.Text(0);
  s.date = q.Text(1);
  s.title = q.Text(2);
  s.representative = q.Text(3);
  s.place = q.Text(4);
  s.participants = ParseList(q.Text(5));
  s.outlets = ParseList(q.Text(6));
  return s;
}

Result<StorySummary> ReadSummary(Db& db, Statement& q) {
  StorySummary s = ReadSummaryRow(q);
  auto members = ReadMembers(db, s.id);
  if (!members.ok()) return members.status();
  FillArticles(*members, &s);
  return s;
}

constexpr char kStoryColumns[] = "id, date, title, representative, place, participants, outlets";

}  // namespace

Result<std::vector<StorySummary>> ListStories(Store& store) {
  Db& db = store.db();
  MALAF_RETURN_IF_ERROR(EnsureTables(db));
  // One pass over the members, one over the stories (a query per story
  // would cost minutes on a million articles).
  std::unordered_map<std::string, std::vector<StoryMember>> members;
  {
    auto m = db.Prepare("SELECT story_id, article_id, published, canonical_id FROM stories_article");
    if (!m.ok()) return m.status();
    for (;;) {
      auto row = m->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      StoryMember x;
      x.id = m->Text(1);
      x.published = m->Text(2);
      x.canonical = m->Text(3);
      members[std::string(m->Text(0))].push_back(std::move(x));
    }
  }
  auto q = db.Prepare(std::string("SELECT ") + kStoryColumns +
                      " FROM stories_story ORDER BY date = '', date, id");
  if (!q.ok()) return q.status();
  std::vector<StorySummary> out;
  for (;;) {
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    StorySummary s = ReadSummaryRow(*q);
    auto it = members.find(s.id);
    if (it != members.end()) FillArticles(it->second, &s);
    out.push_back(std::move(s));
  }
  return out;
}

Result<StorySummary> GetStory(Store& store, std::string_view id_or_prefix) {
  Db& db = store.db();
  MALAF_RETURN_IF_ERROR(EnsureTables(db));
  if (id_or_prefix.size() < 4 || id_or_prefix.size() > 16 ||
      id_or_prefix.find_first_not_of("0123456789abcdef") != std::string_view::npos)
    return Status::InvalidArgument("story id must be 4 to 16 lowercase hex digits: " + std::string(id_or_prefix));
  auto q = db.Prepare(std::string("SELECT ") + kStoryColumns +
                      " FROM stories_story WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2");
  if (!q.ok()) return q.status();
  std::string hi(id_or_prefix);
  hi += '\x7f';
  q->BindText(1, id_or_prefix).BindText(2, hi);
  auto row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no story " + std::string(id_or_prefix));
  auto s = ReadSummary(db, *q);
  if (!s.ok()) return s.status();
  auto again = q->Step();
  if (!again.ok()) return again.status();
  if (*again) return Status::InvalidArgument("story id prefix " + std::string(id_or_prefix) + " is ambiguous");
  return s;
}

Result<std::string> StoryOfArticle(Store& store, std::string_view article_id) {
  Db& db = store.db();
  MALAF_RETURN_IF_ERROR(EnsureTables(db));
  auto q = db.Prepare("SELECT story_id FROM stories_article WHERE article_id = ?1");
  if (!q.ok()) return q.status();
  q->BindText(1, article_id);
  auto row = q->Step();
  if (!row.ok()) return row.status();
  return *row ? std::string(q->Text(0)) : std::string();
}

}  // namespace malaf::stories
