#include "store/db.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <string>

namespace malaf {

namespace {

Status StatusFor(int rc, std::string message) {
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      return Status::Corruption(message);
    case SQLITE_ERROR:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_MISUSE:
      return Status::InvalidArgument(message);
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG:
      return Status::ResourceExhausted(message);
    case SQLITE_NOTFOUND:
      return Status::NotFound(message);
    default:  // CANTOPEN, IOERR, READONLY, PERM, FULL, BUSY, LOCKED, PROTOCOL, ...
      return Status::IOError(message);
  }
}

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), bind_rc_(other.bind_rc_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    bind_rc_ = other.bind_rc_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

void Statement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

Statement& Statement::BindText(int index, std::string_view value) {
  // A non-null pointer even for "" so that the value is '' and not NULL.
  static const char kEmpty[] = "";
  NoteBind(sqlite3_bind_text64(stmt_, index, value.empty() ? kEmpty : value.data(), value.size(),
                               SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::BindInt(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Result<bool> Statement::Step() {
  if (!stmt_) return Status::InvalidArgument("step on an empty statement");
  if (bind_rc_ != SQLITE_OK) {
    int rc = bind_rc_;
    return StatusFor(rc, db_->path() + ": cannot bind parameter: " + sqlite3_errstr(rc));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    sqlite3_reset(stmt_);
    return false;
  }
  Status st = db_->Error(rc);
  sqlite3_reset(stmt_);
  return st;
}

Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
  }
}

void Statement::Reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = SQLITE_OK;
}

int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string_view Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string_view(reinterpret_cast<const char*>(p), size_t(sqlite3_column_bytes(stmt_, col)));
}
bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int Statement::ColumnCount() const { return stmt_ ? sqlite3_column_count(stmt_) : 0; }

// ---- Transaction ----

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), depth_(other.depth_), done_(other.done_) {
  other.done_ = true;
}

Status Transaction::Commit() {
  if (done_) return Status::InvalidArgument("transaction already finished");
  Status st = depth_ == 0 ? db_->Exec("COMMIT") : db_->Exec("RELEASE sp" + std::to_string(depth_));
  if (!st.ok()) return st;  // the destructor rolls back
  done_ = true;
  db_->tx_depth_ = depth_;
  return st;
}

Transaction::~Transaction() {
  if (done_) return;
  if (depth_ == 0) {
    // SQLite may already have rolled back by itself (e.g. on SQLITE_FULL).
    if (!sqlite3_get_autocommit(db_->handle_)) (void)db_->Exec("ROLLBACK");
  } else {
    std::string sp = "sp" + std::to_string(depth_);
    (void)db_->Exec("ROLLBACK TO " + sp + "; RELEASE " + sp);
  }
  db_->tx_depth_ = depth_;
}

// ---- Db ----

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, const DbOptions& options) {
  bool memory = path == ":memory:";
  if (!memory && (!options.create_if_missing || options.read_only) && !FileExists(path))
    return Status::NotFound(path + ": no such file");
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread, by contract
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": " + (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close(handle);
    return StatusFor(rc, msg);
  }
  std::unique_ptr<Db> db(new Db(handle, path, options.read_only));
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  // The first real read: fails here with NOTADB for a file that is not SQLite.
  MALAF_RETURN_IF_ERROR(db->Exec("SELECT count(*) FROM sqlite_master"));
  if (!options.read_only) {
    auto mode = db->Prepare("PRAGMA journal_mode=WAL");
    if (!mode.ok()) return mode.status();
    auto row = mode->Step();
    if (!row.ok()) return row.status();
    MALAF_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=NORMAL"));
  }
  MALAF_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys=ON"));
  return db;
}

Db::~Db() {
  // All statements are finalized by their owners first (contract); close_v2
  // defers the close if one was leaked rather than failing.
  sqlite3_close_v2(handle_);
}

Status Db::Error(int rc) const {
  return StatusFor(rc, path_ + ": " + sqlite3_errmsg(handle_));
}

Result<Statement> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(handle_, sql.data(), int(sql.size()), 0, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc);
  }
  if (!stmt) return Status::InvalidArgument(path_ + ": empty SQL statement");
  return Statement(this, stmt);
}

Status Db::Exec(std::string_view sql) {
  std::string owned(sql);  // sqlite3_exec needs a terminated string
  char* err = nullptr;
  int rc = sqlite3_exec(handle_, owned.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::OK();
  std::string msg = path_ + ": " + (err ? err : sqlite3_errstr(rc));
  sqlite3_free(err);
  return StatusFor(rc, msg);
}

Result<Transaction> Db::Begin() {
  int depth = tx_depth_;
  if (depth == 0) {
    MALAF_RETURN_IF_ERROR(Exec(read_only_ ? "BEGIN" : "BEGIN IMMEDIATE"));
  } else {
    MALAF_RETURN_IF_ERROR(Exec("SAVEPOINT sp" + std::to_string(depth)));
  }
  tx_depth_ = depth + 1;
  return Transaction(this, depth);
}

Result<int> Db::SchemaVersion(std::string_view component) {
  auto exists = Prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'");
  if (!exists.ok()) return exists.status();
  auto has = exists->Step();
  if (!has.ok()) return has.status();
  if (!*has) return 0;
  exists->Reset();
  auto q = Prepare("SELECT version FROM schema_version WHERE component=?1");
  if (!q.ok()) return q.status();
  q->BindText(1, component);
  auto row = q->Step();
  if (!row.ok()) return row.status();
  return *row ? int(q->Int(0)) : 0;
}

Status Db::EnsureSchema(std::string_view component, std::span<const std::string_view> migrations) {
  const int target = int(migrations.size());
  std::string name(component);
  auto check = [&](int version) -> Status {
    if (version > target)
      return Status::Unsupported(path_ + ": the '" + name + "' tables are at schema version " +
                                 std::to_string(version) + ", newer than this malaf knows (" +
                                 std::to_string(target) + ")");
    return Status::OK();
  };
  // A plain read first, so that opening an up-to-date archive never waits
  // for the write lock held by a running ingest.
  auto version = SchemaVersion(component);
  if (!version.ok()) return version.status();
  MALAF_RETURN_IF_ERROR(check(*version));
  if (*version == target) return Status::OK();
  if (read_only_)
    return Status::IOError(path_ + ": the '" + name + "' tables need upgrading from version " +
                           std::to_string(*version) + " to " + std::to_string(target) +
                           "; open the archive once with write access");
  auto tx = Begin();
  if (!tx.ok()) return tx.status();
  MALAF_RETURN_IF_ERROR(Exec(
      "CREATE TABLE IF NOT EXISTS schema_version("
      "component TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID"));
  version = SchemaVersion(component);  // another process may have migrated meanwhile
  if (!version.ok()) return version.status();
  MALAF_RETURN_IF_ERROR(check(*version));
  for (int v = *version; v < target; ++v) {
    Status st = Exec(migrations[size_t(v)]);
    if (!st.ok())
      return st.WithContext("migrating '" + name + "' to version " + std::to_string(v + 1));
  }
  auto set = Prepare(
      "INSERT INTO schema_version(component, version) VALUES(?1, ?2) "
      "ON CONFLICT(component) DO UPDATE SET version=excluded.version");
  if (!set.ok()) return set.status();
  set->BindText(1, component).BindInt(2, target);
  MALAF_RETURN_IF_ERROR(set->Run());
  return tx->Commit();
}

int64_t Db::LastInsertRowId() const { return sqlite3_last_insert_rowid(handle_); }
int Db::Changes() const { return sqlite3_changes(handle_); }

}  // namespace malaf
