#include "store/db.h"

#include <gtest/gtest.h>

#include <array>
#include <string_view>

#include "temp_dir.h"

namespace malaf {
namespace {

using testing::TempDir;

std::unique_ptr<Db> OpenDb(const std::string& path, DbOptions options = {}) {
  auto db = Db::Open(path, options);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

int64_t CountRows(Db& db, const std::string& table) {
  auto q = db.Prepare("SELECT count(*) FROM " + table);
  EXPECT_TRUE(q.ok()) << q.status().ToString();
  auto row = q->Step();
  EXPECT_TRUE(row.ok() && *row);
  return q->Int(0);
}

TEST(DbTest, BindStepAndColumns) {
  TempDir dir;
  auto db = OpenDb(dir / "t.sqlite");
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE t(a TEXT, b INTEGER, c REAL, d TEXT)").ok());
  auto ins = db->Prepare("INSERT INTO t VALUES(?1, ?2, ?3, ?4)");
  ASSERT_TRUE(ins.ok());
  ins->BindText(1, "جنيف").BindInt(2, int64_t(1) << 40).BindDouble(3, 0.5).BindNull(4);
  ASSERT_TRUE(ins->Run().ok());
  ins->Reset();
  ins->BindText(1, "").BindInt(2, -1).BindDouble(3, 0).BindText(4, "x");
  ASSERT_TRUE(ins->Run().ok());
  EXPECT_EQ(db->LastInsertRowId(), 2);

  auto q = db->Prepare("SELECT a, b, c, d FROM t ORDER BY rowid");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->ColumnCount(), 4);
  auto row = q->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(q->Text(0), "جنيف");
  EXPECT_EQ(q->Int(1), int64_t(1) << 40);
  EXPECT_DOUBLE_EQ(q->Double(2), 0.5);
  EXPECT_TRUE(q->IsNull(3));
  EXPECT_EQ(q->Text(3), "");
  row = q->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_FALSE(q->IsNull(0));  // "" is stored as '' and not as NULL
  EXPECT_EQ(q->Text(0), "");
  row = q->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
  // After the end the statement was reset and runs again from the start.
  row = q->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(q->Text(0), "جنيف");
}

TEST(DbTest, ErrorsAreStatusesNamingTheFile) {
  TempDir dir;
  auto db = OpenDb(dir / "t.sqlite");
  ASSERT_TRUE(db);
  auto bad = db->Prepare("SELEKT 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.status().IsInvalidArgument());
  EXPECT_NE(bad.status().message().find(dir / "t.sqlite"), std::string::npos);

  ASSERT_TRUE(db->Exec("CREATE TABLE u(k TEXT PRIMARY KEY)").ok());
  auto ins = db->Prepare("INSERT INTO u VALUES(?1)");
  ASSERT_TRUE(ins.ok());
  ins->BindText(1, "k");
  ASSERT_TRUE(ins->Run().ok());
  Status dup = ins->Run();
  EXPECT_TRUE(dup.IsInvalidArgument()) << dup.ToString();

  auto q = db->Prepare("SELECT ?1");
  ASSERT_TRUE(q.ok());
  q->BindText(7, "out of range");
  EXPECT_FALSE(q->Step().ok());
  q->Reset();  // clears the kept bind error
  q->BindInt(1, 3);
  auto row = q->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(q->Int(0), 3);
}

TEST(DbTest, TransactionsRollBackUnlessCommittedAndNest) {
  TempDir dir;
  auto db = OpenDb(dir / "t.sqlite");
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE t(x INTEGER)").ok());
  {
    auto tx = db->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES(1)").ok());
  }  // rolled back
  EXPECT_EQ(CountRows(*db, "t"), 0);
  {
    auto outer = db->Begin();
    ASSERT_TRUE(outer.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES(1)").ok());
    {
      auto inner = db->Begin();
      ASSERT_TRUE(inner.ok());
      ASSERT_TRUE(db->Exec("INSERT INTO t VALUES(2)").ok());
    }  // only the inner part is undone
    {
      auto inner = db->Begin();
      ASSERT_TRUE(inner.ok());
      ASSERT_TRUE(db->Exec("INSERT INTO t VALUES(3)").ok());
      ASSERT_TRUE(inner->Commit().ok());
    }
    ASSERT_TRUE(outer->Commit().ok());
  }
  EXPECT_EQ(CountRows(*db, "t"), 2);
  // A new transaction after all that starts at depth 0 again.
  auto tx = db->Begin();
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_FALSE(tx->Commit().ok());
}

TEST(DbTest, EnsureSchemaRunsEachStepOnce) {
  TempDir dir;
  std::string path = dir / "t.sqlite";
  constexpr std::array<std::string_view, 2> kTwo = {"CREATE TABLE a(x)", "CREATE TABLE b(y)"};
  {
    auto db = OpenDb(path);
    ASSERT_TRUE(db);
    auto v = db->SchemaVersion("demo");
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(*v, 0);
    ASSERT_TRUE(db->EnsureSchema("demo", std::span(kTwo).first(1)).ok());
    ASSERT_TRUE(db->EnsureSchema("demo", std::span(kTwo).first(1)).ok());  // no second CREATE
    EXPECT_EQ(*db->SchemaVersion("demo"), 1);
  }
  {
    auto db = OpenDb(path);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->EnsureSchema("demo", kTwo).ok());  // runs only step 2
    EXPECT_EQ(*db->SchemaVersion("demo"), 2);
    EXPECT_EQ(*db->SchemaVersion("other"), 0);
    // A build that knows fewer steps than the file has refuses it.
    Status older = db->EnsureSchema("demo", std::span(kTwo).first(1));
    EXPECT_TRUE(older.IsUnsupported()) << older.ToString();
  }
  // A failing step leaves the version and tables as they were.
  {
    auto db = OpenDb(path);
    constexpr std::array<std::string_view, 3> kBroken = {"CREATE TABLE a(x)", "CREATE TABLE b(y)",
                                                         "CREATE TABLE c(z); CREATE TABLE a(x)"};
    Status st = db->EnsureSchema("demo", kBroken);
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(*db->SchemaVersion("demo"), 2);
    EXPECT_FALSE(db->Prepare("SELECT * FROM c").ok());
  }
  // Read-only connections never migrate.
  {
    DbOptions ro;
    ro.read_only = true;
    auto db = OpenDb(path, ro);
    ASSERT_TRUE(db);
    constexpr std::array<std::string_view, 3> kThree = {"CREATE TABLE a(x)", "CREATE TABLE b(y)",
                                                        "CREATE TABLE c(z)"};
    EXPECT_TRUE(db->EnsureSchema("demo", kTwo).ok());
    Status st = db->EnsureSchema("demo", kThree);
    EXPECT_TRUE(st.IsIOError()) << st.ToString();
  }
}

TEST(DbTest, OpenReportsMissingAndJunkFiles) {
  TempDir dir;
  DbOptions no_create;
  no_create.create_if_missing = false;
  auto missing = Db::Open(dir / "absent.sqlite", no_create);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.status().IsNotFound());

  std::string junk = dir.Write("junk.sqlite", std::string(8192, 'x'));
  auto bad = Db::Open(junk);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.status().IsCorruption()) << bad.status().ToString();
  EXPECT_EQ(bad.status().message(), junk + ": file is not a database");
}

}  // namespace
}  // namespace malaf
