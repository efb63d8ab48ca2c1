#include "store/store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "store/store_schema.h"

namespace malaf {

namespace store_internal {

namespace {
// Version 1: articles and their provenance. Version 2: analysis columns
// (entities and quotes, filled by src/entities) and the date-order index.
constexpr std::string_view kMigrations[] = {
    R"sql(
CREATE TABLE articles(
  id             TEXT PRIMARY KEY,        -- ArticleContentId, 16 hex digits
  seq            INTEGER NOT NULL UNIQUE, -- bumped on every change
  title          TEXT NOT NULL,
  outlet         TEXT NOT NULL,
  url            TEXT NOT NULL,
  published      TEXT NOT NULL,           -- ISO 8601 to the precision known, '' unknown
  published_ts   INTEGER,                 -- Unix seconds of `published`, NULL unknown
  published_text TEXT NOT NULL,
  dateline       TEXT NOT NULL,
  dateline_city  TEXT NOT NULL,
  agencies       TEXT NOT NULL,           -- JSON array of strings
  authors        TEXT NOT NULL,           -- JSON array of strings
  body           TEXT NOT NULL,
  first_ingested TEXT NOT NULL            -- UTC ISO time of the first put
);
CREATE TABLE sources(
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  path        TEXT NOT NULL,              -- file path or URL as given
  format      TEXT NOT NULL,
  section     INTEGER NOT NULL,           -- index of the article in that input
  raw_hash    TEXT NOT NULL,              -- RawHash of the input bytes
  ingested_at TEXT NOT NULL,
  UNIQUE(article_id, path, section)
);
CREATE INDEX sources_path ON sources(path);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql",
    R"sql(
ALTER TABLE articles ADD COLUMN analyzed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN quotes TEXT NOT NULL DEFAULT '[]';
CREATE INDEX articles_published ON articles(published_ts DESC, seq DESC);
)sql",
};
}  // namespace

std::span<const std::string_view> StoreMigrations() { return kMigrations; }

}  // namespace store_internal

namespace {

using nlohmann::json;

constexpr char kDbFile[] = "malaf.sqlite";
constexpr char kColumns[] =
    "id, seq, title, outlet, url, published, published_ts, published_text, dateline, "
    "dateline_city, agencies, authors, body, analyzed, entities, quotes";

json ParseJson(std::string_view s) { return json::parse(s, nullptr, /*allow_exceptions=*/false); }

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

size_t Size(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<size_t>() : 0;
}

std::vector<std::string> Strings(const json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& v : j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string StringsToJson(const std::vector<std::string>& v) { return Dump(json(v)); }

// Storage form of analysis (documented in doc/store.md). Kept compact: the
// public JSON model is produced from the structs by ArticleToJson.
std::string EntitiesToJson(const std::vector<Entity>& entities) {
  json out = json::array();
  for (const auto& e : entities) {
    json mentions = json::array();
    for (const auto& m : e.mentions) mentions.push_back(json::array({m.start, m.end}));
    out.push_back({{"type", e.type}, {"name", e.name}, {"surfaces", e.surfaces},
                   {"role", e.role}, {"mentions", mentions}});
  }
  return Dump(out);
}

std::vector<Entity> EntitiesFromJson(std::string_view text) {
  std::vector<Entity> out;
  json j = ParseJson(text);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (!e.is_object()) continue;
    Entity x;
    x.type = Str(e, "type");
    x.name = Str(e, "name");
    x.role = Str(e, "role");
    if (auto it = e.find("surfaces"); it != e.end()) x.surfaces = Strings(*it);
    if (auto it = e.find("mentions"); it != e.end() && it->is_array())
      for (const auto& m : *it)
        if (m.is_array() && m.size() == 2 && m[0].is_number_unsigned() && m[1].is_number_unsigned())
          x.mentions.push_back({m[0].get<size_t>(), m[1].get<size_t>()});
    out.push_back(std::move(x));
  }
  return out;
}

std::string QuotesToJson(const std::vector<Quote>& quotes) {
  json out = json::array();
  for (const auto& q : quotes)
    out.push_back({{"speaker", q.speaker}, {"speaker_surface", q.speaker_surface}, {"verb", q.verb},
                   {"quote", q.quote}, {"start", q.start}, {"end", q.end}});
  return Dump(out);
}

std::vector<Quote> QuotesFromJson(std::string_view text, const std::string& article_id) {
  std::vector<Quote> out;
  json j = ParseJson(text);
  if (!j.is_array()) return out;
  for (const auto& q : j) {
    if (!q.is_object()) continue;
    Quote x;
    x.speaker = Str(q, "speaker");
    x.speaker_surface = Str(q, "speaker_surface");
    x.verb = Str(q, "verb");
    x.quote = Str(q, "quote");
    x.start = Size(q, "start");
    x.end = Size(q, "end");
    x.article = article_id;
    out.push_back(std::move(x));
  }
  return out;
}

// Fills `out` from a row selected with kColumns.
void ReadArticleRow(const Statement& s, StoredArticle* out) {
  Article& a = out->article;
  a.id = std::string(s.Text(0));
  out->seq = s.Int(1);
  a.title = std::string(s.Text(2));
  a.outlet = std::string(s.Text(3));
  a.url = std::string(s.Text(4));
  a.published = std::string(s.Text(5));
  out->published_ts = s.IsNull(6) ? std::nullopt : std::optional<int64_t>(s.Int(6));
  a.published_text = std::string(s.Text(7));
  a.dateline = std::string(s.Text(8));
  a.dateline_city = std::string(s.Text(9));
  a.agencies = Strings(ParseJson(s.Text(10)));
  a.authors = Strings(ParseJson(s.Text(11)));
  a.body = std::string(s.Text(12));
  a.analyzed = s.Int(13) != 0;
  if (a.analyzed) {
    a.entities = EntitiesFromJson(s.Text(14));
    a.quotes = QuotesFromJson(s.Text(15), a.id);
  }
}

void BindPublished(Statement& s, int index, const std::string& published) {
  if (auto ts = IsoToUnixSeconds(published)) {
    s.BindInt(index, *ts);
  } else {
    s.BindNull(index);
  }
}

// Fills empty fields of `stored` from `incoming`; true when anything changed.
bool MergeInto(Article* stored, const Article& incoming) {
  bool changed = false;
  auto fill = [&](std::string* dst, const std::string& src) {
    if (dst->empty() && !src.empty()) {
      *dst = src;
      changed = true;
    }
  };
  fill(&stored->title, incoming.title);
  fill(&stored->outlet, incoming.outlet);
  fill(&stored->url, incoming.url);
  fill(&stored->published, incoming.published);
  fill(&stored->published_text, incoming.published_text);
  fill(&stored->dateline, incoming.dateline);
  fill(&stored->dateline_city, incoming.dateline_city);
  fill(&stored->body, incoming.body);
  auto unite = [&](std::vector<std::string>* dst, const std::vector<std::string>& src) {
    for (const auto& v : src) {
      if (v.empty() || std::find(dst->begin(), dst->end(), v) != dst->end()) continue;
      dst->push_back(v);
      changed = true;
    }
  };
  unite(&stored->agencies, incoming.agencies);
  unite(&stored->authors, incoming.authors);
  return changed;
}

bool IsHex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

// ---- time and hashing ----

namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
// (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int64_t(doe) - 719468;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Reads exactly `n` digits at *pos.
bool Digits(std::string_view s, size_t* pos, size_t n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

}  // namespace

std::optional<int64_t> IsoToUnixSeconds(std::string_view s) {
  size_t p = 0;
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  bool has_time = false;
  if (!Digits(s, &p, 4, &year)) return std::nullopt;
  if (p < s.size() && s[p] == '-') {
    ++p;
    if (!Digits(s, &p, 2, &month) || month < 1 || month > 12) return std::nullopt;
    if (p < s.size() && s[p] == '-') {
      ++p;
      static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int max_day = kDays[month - 1] + (month == 2 && IsLeap(year));
      if (!Digits(s, &p, 2, &day) || day < 1 || day > max_day) return std::nullopt;
      if (p < s.size() && (s[p] == 'T' || s[p] == ' ')) {
        ++p;
        has_time = true;
        if (!Digits(s, &p, 2, &hour) || hour > 23) return std::nullopt;
        if (p >= s.size() || s[p] != ':') return std::nullopt;
        ++p;
        if (!Digits(s, &p, 2, &minute) || minute > 59) return std::nullopt;
        if (p < s.size() && s[p] == ':') {
          ++p;
          if (!Digits(s, &p, 2, &second) || second > 60) return std::nullopt;
          if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            size_t start = p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
            if (p == start) return std::nullopt;
          }
        }
      }
    }
  }
  int64_t offset = 0;
  if (has_time && p < s.size() && (s[p] == 'Z' || s[p] == '+' || s[p] == '-')) {
    if (s[p] == 'Z') {
      ++p;
    } else {
      int sign = s[p] == '-' ? -1 : 1;
      ++p;
      int oh = 0, om = 0;
      if (!Digits(s, &p, 2, &oh) || oh > 14) return std::nullopt;
      if (p < s.size() && s[p] == ':') ++p;
      if (p < s.size() && !Digits(s, &p, 2, &om)) return std::nullopt;
      if (om > 59) return std::nullopt;
      offset = sign * (oh * 3600 + om * 60);
    }
  }
  if (p != s.size()) return std::nullopt;
  return DaysFromCivil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60 +
         second - offset;
}

std::string UtcNowIso() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {
constexpr size_t kHashBlock = 1u << 20;
}

std::string RawHash(std::string_view bytes) {
  uint64_t h = 0;
  size_t pos = 0;
  do {
    std::string_view block = bytes.substr(pos, kHashBlock);
    h = Hash64(block, h);
    pos += block.size();
  } while (pos < bytes.size());
  return Hex64(h);
}

Result<std::string> RawHashFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open file");
  std::string block(kHashBlock, '\0');
  uint64_t h = 0;
  bool first = true;
  for (;;) {
    in.read(block.data(), std::streamsize(block.size()));
    size_t n = size_t(in.gcount());
    if (n == 0 && !first) break;
    h = Hash64(std::string_view(block.data(), n), h);
    first = false;
    if (n < block.size()) break;
  }
  if (in.bad()) return Status::IOError(path + ": read error");
  return Hex64(h);
}

// ---- Store ----

std::string Store::DbPath(const std::string& dir) {
  std::string d = dir.empty() ? "." : dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return d + "/" + kDbFile;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const StoreOptions& options) {
  namespace fs = std::filesystem;
  std::string path = DbPath(dir);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (!options.create_if_missing || options.read_only)
      return Status::NotFound(dir + ": no malaf archive here (no " + kDbFile + "); create one with malaf ingest");
    fs::create_directories(dir, ec);
    if (ec) return Status::IOError(dir + ": cannot create archive directory: " + ec.message());
    if (!fs::is_directory(dir, ec)) return Status::IOError(dir + ": not a directory");
  }
  DbOptions dopt;
  dopt.create_if_missing = options.create_if_missing;
  dopt.read_only = options.read_only;
  dopt.busy_timeout_ms = options.busy_timeout_ms;
  auto db = Db::Open(path, dopt);
  if (!db.ok()) return db.status();
  MALAF_RETURN_IF_ERROR((*db)->EnsureSchema(store_internal::kStoreComponent, store_internal::StoreMigrations()));
  return std::unique_ptr<Store>(new Store(dir, std::move(*db)));
}

Result<std::vector<PutResult>> Store::Put(const std::vector<Article>& articles, const PutOptions& options) {
  std::vector<PutResult> results;
  results.reserve(articles.size());
  auto tx = db_->Begin();
  if (!tx.ok()) return tx.status();
  auto last = LastSeq();
  if (!last.ok()) return last.status();
  int64_t next_seq = *last + 1;
  const std::string now = options.ingested_at.empty() ? UtcNowIso() : options.ingested_at;

  auto sel = db_->Prepare(std::string("SELECT ") + kColumns + " FROM articles WHERE id=?1");
  auto ins = db_->Prepare(
      "INSERT INTO articles(id, seq, title, outlet, url, published, published_ts, published_text, "
      "dateline, dateline_city, agencies, authors, body, analyzed, entities, quotes, first_ingested) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
  auto upd = db_->Prepare(
      "UPDATE articles SET seq=?2, title=?3, outlet=?4, url=?5, published=?6, published_ts=?7, "
      "published_text=?8, dateline=?9, dateline_city=?10, agencies=?11, authors=?12, body=?13, "
      "analyzed=?14, entities=?15, quotes=?16 WHERE id=?1");
  auto src = db_->Prepare(
      "INSERT INTO sources(article_id, path, format, section, raw_hash, ingested_at) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING");
  auto bump = db_->Prepare("UPDATE articles SET seq=?2 WHERE id=?1");
  for (auto* s : {&sel, &ins, &upd, &src, &bump})
    if (!s->ok()) return s->status();

  // Binds ?2.. ?16 (the columns INSERT and UPDATE share) from `a`.
  auto bind_fields = [](Statement& s, int64_t seq, const Article& a) {
    s.BindInt(2, seq).BindText(3, a.title).BindText(4, a.outlet).BindText(5, a.url);
    s.BindText(6, a.published);
    BindPublished(s, 7, a.published);
    s.BindText(8, a.published_text).BindText(9, a.dateline).BindText(10, a.dateline_city);
    s.BindText(11, StringsToJson(a.agencies)).BindText(12, StringsToJson(a.authors));
    s.BindText(13, a.body).BindInt(14, a.analyzed ? 1 : 0);
    s.BindText(15, a.analyzed ? EntitiesToJson(a.entities) : "[]");
    s.BindText(16, a.analyzed ? QuotesToJson(a.quotes) : "[]");
  };

  for (const Article& in : articles) {
    PutResult r;
    r.id = in.id.empty() ? ArticleContentId(in) : in.id;
    sel->Reset();
    sel->BindText(1, r.id);
    auto found = sel->Step();
    if (!found.ok()) return found.status();
    bool changed = false;
    if (!*found) {
      ins->Reset();
      ins->BindText(1, r.id);
      bind_fields(*ins, next_seq++, in);
      ins->BindText(17, now);
      MALAF_RETURN_IF_ERROR(ins->Run());
      r.outcome = PutOutcome::kNew;
    } else {
      StoredArticle stored;
      ReadArticleRow(*sel, &stored);
      sel->Reset();
      Article& merged = stored.article;
      changed = MergeInto(&merged, in);
      if (in.analyzed && (!merged.analyzed || EntitiesToJson(merged.entities) != EntitiesToJson(in.entities) ||
                          QuotesToJson(merged.quotes) != QuotesToJson(in.quotes))) {
        merged.analyzed = true;
        merged.entities = in.entities;
        merged.quotes = in.quotes;
        changed = true;
      }
      if (changed) {
        upd->Reset();
        upd->BindText(1, r.id);
        bind_fields(*upd, next_seq++, merged);
        MALAF_RETURN_IF_ERROR(upd->Run());
      }
      r.outcome = PutOutcome::kUnchanged;
    }
    bool new_source = false;
    for (const SourceRef& s : in.sources) {
      src->Reset();
      src->BindText(1, r.id).BindText(2, s.path).BindText(3, s.format).BindInt(4, s.index);
      src->BindText(5, options.raw_hash).BindText(6, now);
      MALAF_RETURN_IF_ERROR(src->Run());
      if (db_->Changes() > 0) new_source = true;
    }
    if (r.outcome != PutOutcome::kNew && (changed || new_source)) {
      r.outcome = PutOutcome::kMerged;
      if (!changed) {  // a new provenance alone still counts as a change
        bump->Reset();
        bump->BindText(1, r.id).BindInt(2, next_seq++);
        MALAF_RETURN_IF_ERROR(bump->Run());
      }
    }
    results.push_back(std::move(r));
  }
  MALAF_RETURN_IF_ERROR(tx->Commit());
  return results;
}

Status Store::PutAnalysis(const std::vector<Article>& analyzed) {
  auto tx = db_->Begin();
  if (!tx.ok()) return tx.status();
  auto last = LastSeq();
  if (!last.ok()) return last.status();
  int64_t next_seq = *last + 1;
  auto upd = db_->Prepare("UPDATE articles SET analyzed=1, entities=?2, quotes=?3, seq=?4 WHERE id=?1");
  if (!upd.ok()) return upd.status();
  for (const Article& a : analyzed) {
    upd->Reset();
    upd->BindText(1, a.id).BindText(2, EntitiesToJson(a.entities)).BindText(3, QuotesToJson(a.quotes));
    upd->BindInt(4, next_seq++);
    MALAF_RETURN_IF_ERROR(upd->Run());
    if (db_->Changes() == 0) return Status::NotFound("article " + a.id + " is not in the archive");
  }
  return tx->Commit();
}

Status Store::ReadSources(StoredArticle* out) {
  if (sources_query_.ColumnCount() == 0) {
    auto q = db_->Prepare(
        "SELECT path, format, section, raw_hash, ingested_at FROM sources WHERE article_id=?1 ORDER BY rowid");
    if (!q.ok()) return q.status();
    sources_query_ = std::move(*q);
  }
  Statement* q = &sources_query_;
  q->Reset();
  q->BindText(1, out->article.id);
  out->article.sources.clear();
  out->sources.clear();
  for (;;) {
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    StoredSource s;
    s.ref.path = std::string(q->Text(0));
    s.ref.format = std::string(q->Text(1));
    s.ref.index = int(q->Int(2));
    s.raw_hash = std::string(q->Text(3));
    s.ingested_at = std::string(q->Text(4));
    out->article.sources.push_back(s.ref);
    out->sources.push_back(std::move(s));
  }
  return Status::OK();
}

Result<StoredArticle> Store::Get(std::string_view id) {
  auto q = db_->Prepare(std::string("SELECT ") + kColumns + " FROM articles WHERE id=?1");
  if (!q.ok()) return q.status();
  q->BindText(1, id);
  auto row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no article with id " + std::string(id));
  StoredArticle out;
  ReadArticleRow(*q, &out);
  q->Reset();
  MALAF_RETURN_IF_ERROR(ReadSources(&out));
  return out;
}

Result<std::string> Store::GetBody(std::string_view id) {
  if (body_query_.ColumnCount() == 0) {
    auto q = db_->Prepare("SELECT body FROM articles WHERE id=?1");
    if (!q.ok()) return q.status();
    body_query_ = std::move(*q);
  }
  Statement* q = &body_query_;
  q->Reset();
  q->BindText(1, id);
  auto row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no article with id " + std::string(id));
  std::string body(q->Text(0));
  q->Reset();
  return body;
}

Result<std::string> Store::ResolveId(std::string_view id_or_prefix) {
  std::string p(id_or_prefix);
  for (char& c : p)
    if (c >= 'A' && c <= 'F') c = char(c - 'A' + 'a');
  if (p.empty() || p.size() > 16 || !IsHex(p))
    return Status::NotFound("no article with id " + std::string(id_or_prefix) + " (ids are 16 hex digits)");
  if (p.size() < 4)
    return Status::InvalidArgument("id prefix " + p + " is too short; give at least 4 hex digits");
  // Hex digits sort below 'g', so [p, p+"g") is exactly the ids starting with p.
  auto q = db_->Prepare("SELECT id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2");
  if (!q.ok()) return q.status();
  q->BindText(1, p).BindText(2, p + "g");
  std::vector<std::string> ids;
  for (;;) {
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.emplace_back(q->Text(0));
  }
  if (ids.empty()) return Status::NotFound("no article with id " + p);
  if (ids.size() > 1) return Status::InvalidArgument("id prefix " + p + " matches several articles; give more digits");
  return ids.front();
}

Status Store::ForEach(int64_t after_seq, const std::function<bool(const StoredArticle&)>& fn) {
  auto q = db_->Prepare(std::string("SELECT ") + kColumns + " FROM articles WHERE seq > ?1 ORDER BY seq");
  if (!q.ok()) return q.status();
  q->BindInt(1, after_seq);
  for (;;) {
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    StoredArticle a;
    ReadArticleRow(*q, &a);
    MALAF_RETURN_IF_ERROR(ReadSources(&a));
    if (!fn(a)) {
      q->Reset();
      return Status::OK();
    }
  }
}

Status Store::ListEach(const ListOptions& options, const std::function<bool(const StoredArticle&)>& fn) {
  const char* order = "published_ts DESC, seq DESC";  // SQLite sorts NULL lowest: undated last
  if (options.order == ListOrder::kSeqAsc) order = "seq ASC";
  if (options.order == ListOrder::kSeqDesc) order = "seq DESC";
  auto q = db_->Prepare(std::string("SELECT ") + kColumns + " FROM articles ORDER BY " + order +
                        " LIMIT ?1 OFFSET ?2");
  if (!q.ok()) return q.status();
  q->BindInt(1, options.limit > 0 ? options.limit : -1).BindInt(2, std::max<int64_t>(0, options.offset));
  for (;;) {
    auto row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    StoredArticle a;
    ReadArticleRow(*q, &a);
    MALAF_RETURN_IF_ERROR(ReadSources(&a));
    if (!fn(a)) {
      q->Reset();
      return Status::OK();
    }
  }
}

Result<std::vector<StoredArticle>> Store::List(const ListOptions& options) {
  std::vector<StoredArticle> out;
  MALAF_RETURN_IF_ERROR(ListEach(options, [&](const StoredArticle& a) {
    out.push_back(a);
    return true;
  }));
  return out;
}

Result<int64_t> Store::Count() {
  auto q = db_->Prepare("SELECT count(*) FROM articles");
  if (!q.ok()) return q.status();
  auto row = q->Step();
  if (!row.ok()) return row.status();
  return q->Int(0);
}

Result<int64_t> Store::LastSeq() {
  auto q = db_->Prepare("SELECT COALESCE(MAX(seq), 0) FROM articles");
  if (!q.ok()) return q.status();
  auto row = q->Step();
  if (!row.ok()) return row.status();
  return q->Int(0);
}

Result<std::optional<std::string>> Store::GetMeta(std::string_view key) {
  auto q = db_->Prepare("SELECT value FROM meta WHERE key=?1");
  if (!q.ok()) return q.status();
  q->BindText(1, key);
  auto row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(q->Text(0)));
}

Status Store::SetMeta(std::string_view key, std::string_view value) {
  auto q = db_->Prepare(
      "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  if (!q.ok()) return q.status();
  q->BindText(1, key).BindText(2, value);
  return q->Run();
}

}  // namespace malaf
