// Db: a thin layer over one SQLite connection, for the store of record and
// for every module that keeps DERIVED tables (stories, duplicates, entities,
// tokens, ...) in the same archive file.
//
// A module owns its tables: it creates them with EnsureSchema("stories",
// {v1_sql, v2_sql, ...}), which records a per-module schema version in the
// table `schema_version` and runs only the missing steps, in a transaction.
// Never ALTER another module's tables; read them through their module's API.
//
// Threads: a Db is one connection and is NOT safe for concurrent use. Open
// one per thread (Store::Open is cheap); any number of connections, in any
// number of processes, may read while one writes (WAL). A second writer
// waits up to DbOptions::busy_timeout_ms, then gets IOError ("database is
// locked").
// Ownership: Statements and Transactions borrow their Db and must be
// destroyed before it. Text views returned by Statement::Text() are valid
// until the next Step(), Reset() or destruction of that statement.
// Errors: every call returns Status/Result, messages start with the file
// path. SQLite's codes map to: not a database / damaged -> Corruption; the OS
// refusing, a locked or read-only file -> IOError; bad SQL, constraint
// violations -> InvalidArgument; out of memory, too big -> ResourceExhausted.
// Nothing throws.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace malaf {

class Db;

// One prepared SQL statement. Parameters are 1-based (`?1`, or `?` counted
// from 1). Bind errors are kept and returned by the next Step()/Run().
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& BindText(int index, std::string_view value);  // copied by SQLite
  Statement& BindInt(int index, int64_t value);
  Statement& BindDouble(int index, double value);
  Statement& BindNull(int index);

  // Runs to the next row: true when a row is available, false when done
  // (the statement is then reset, bindings kept, so it can run again).
  Result<bool> Step();
  // Runs a statement that returns no rows (or ignores them) to completion.
  Status Run();
  // Back to the start; clears bindings and any kept bind error.
  void Reset();

  // Columns of the current row, 0-based. REQUIRES: the last Step() gave true.
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string_view Text(int col) const;  // "" for NULL
  bool IsNull(int col) const;
  int ColumnCount() const;

 private:
  friend class Db;
  Statement(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void NoteBind(int rc);
  Db* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = 0;
};

// A transaction (BEGIN IMMEDIATE), or a savepoint when one is already open,
// so that calls nest. Rolled back on destruction unless committed.
class Transaction {
 public:
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();
  Status Commit();

 private:
  friend class Db;
  Transaction(Db* db, int depth) : db_(db), depth_(depth) {}
  Db* db_ = nullptr;
  int depth_ = 0;  // 0: BEGIN/COMMIT; >0: SAVEPOINT sp<depth>
  bool done_ = false;
};

struct DbOptions {
  bool create_if_missing = true;  // else NotFound when the file is absent
  bool read_only = false;         // no writes; no schema creation or migration
  // How long a writer waits for another writer before IOError. Ingest holds
  // the write lock for one file at a time, so 10 s is ample.
  int busy_timeout_ms = 10000;
};

class Db {
 public:
  // Opens the SQLite file at `path` in WAL mode with foreign keys on and
  // synchronous=NORMAL (durable against a crash of malaf; a power cut may
  // lose the last transactions, never corrupt the file). Checks that the
  // file is a readable database (Corruption otherwise).
  static Result<std::unique_ptr<Db>> Open(const std::string& path, const DbOptions& options = {});
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Result<Statement> Prepare(std::string_view sql);
  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  // Starts a transaction (or a nested savepoint). Writers take the write lock
  // at once (BEGIN IMMEDIATE), so a transaction never fails halfway on BUSY.
  Result<Transaction> Begin();

  // Brings `component`'s tables to version migrations.size(): step i (0-based)
  // takes the schema from version i to i+1 and is run with Exec. Steps already
  // applied are skipped; the missing ones run in one transaction. A database
  // whose version for `component` is newer than this build knows fails with
  // Unsupported; a read-only Db that needs migrating fails with IOError.
  Status EnsureSchema(std::string_view component, std::span<const std::string_view> migrations);
  // The recorded version of `component` (0 when it has no tables yet).
  Result<int> SchemaVersion(std::string_view component);

  int64_t LastInsertRowId() const;
  int Changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
  bool read_only() const { return read_only_; }
  const std::string& path() const { return path_; }

  // The Status for SQLite result code `rc` on this connection.
  Status Error(int rc) const;

 private:
  friend class Statement;
  friend class Transaction;
  Db(sqlite3* handle, std::string path, bool read_only)
      : handle_(handle), path_(std::move(path)), read_only_(read_only) {}
  sqlite3* handle_;
  std::string path_;
  bool read_only_;
  int tx_depth_ = 0;
};

}  // namespace malaf
