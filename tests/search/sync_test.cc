#include "search/sync.h"

#include <xapian.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "search/searcher.h"
#include "search_fixture.h"
#include "text/normalizer.h"

namespace malaf::search {
namespace {

using testing::SampleArticles;
using testing::TempDir;

std::vector<Article> WithoutIds(std::vector<Article> v) {
  for (auto& a : v) a.id.clear();  // the store assigns content ids
  return v;
}

size_t Hits(const std::string& archive, const std::string& q) {
  auto s = Searcher::Open(IndexDir(archive));
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return 0;
  auto r = (*s)->Search(q);
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->hits.size() : 0;
}

TEST(SyncIndex, BuildsThenUpdatesIncrementally) {
  TempDir tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto all = WithoutIds(SampleArticles());
  ASSERT_TRUE((*store)->Put({all[0], all[1]}).ok());

  auto first = SyncIndex(**store);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->rebuilt);  // there was no index
  EXPECT_NE(first->reason.find("missing"), std::string::npos) << first->reason;
  EXPECT_EQ(first->indexed, 2u);
  EXPECT_EQ(Hits(tmp.path(), "كيري"), 2u);

  auto again = SyncIndex(**store);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->rebuilt);
  EXPECT_EQ(again->indexed, 0u);

  ASSERT_TRUE((*store)->Put({all[2], all[3]}).ok());
  auto more = SyncIndex(**store);
  ASSERT_TRUE(more.ok());
  EXPECT_FALSE(more->rebuilt);
  EXPECT_EQ(more->indexed, 2u);  // only the new rows
  EXPECT_EQ(more->documents, 4u);
  auto last = (*store)->LastSeq();
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(more->last_seq, static_cast<uint64_t>(*last));
  EXPECT_EQ(Hits(tmp.path(), "النفط"), 1u);
}

TEST(SyncIndex, RebuildsAMissingDamagedOrOutdatedIndex) {
  TempDir tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(WithoutIds(SampleArticles())).ok());
  ASSERT_TRUE(SyncIndex(**store).ok());
  const std::string dir = IndexDir(tmp.path());

  // Outdated analysis rules.
  {
    Xapian::WritableDatabase db(dir);
    db.set_metadata("malaf.stemmer", "0");
    db.commit();
  }
  auto r1 = SyncIndex(**store);
  ASSERT_TRUE(r1.ok());
  EXPECT_TRUE(r1->rebuilt);
  EXPECT_NE(r1->reason.find("version"), std::string::npos) << r1->reason;
  EXPECT_EQ(r1->documents, 4u);

  // Damaged tables.
  std::filesystem::resize_file(dir + "/postlist.glass", 10);
  auto r2 = SyncIndex(**store);
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_TRUE(r2->rebuilt);
  EXPECT_EQ(Hits(tmp.path(), "الغاز السام"), 2u);

  // Deleted.
  std::filesystem::remove_all(dir);
  auto r3 = SyncIndex(**store);
  ASSERT_TRUE(r3.ok());
  EXPECT_TRUE(r3->rebuilt);
  EXPECT_EQ(r3->documents, 4u);

  // Explicit rebuild.
  auto r4 = RebuildIndex(**store);
  ASSERT_TRUE(r4.ok());
  EXPECT_EQ(r4->indexed, 4u);
}

TEST(SyncIndex, ReindexesArticlesTheStoreChanged) {
  TempDir tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok());
  auto all = WithoutIds(SampleArticles());
  Article a = all[2];
  a.sources = {{"first.txt", "text", 0}};
  ASSERT_TRUE((*store)->Put({a}).ok());
  ASSERT_TRUE(SyncIndex(**store).ok());
  // The same article from another input: new provenance, new seq.
  a.sources = {{"second.txt", "text", 0}};
  ASSERT_TRUE((*store)->Put({a}).ok());
  auto r = SyncIndex(**store);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->rebuilt);
  EXPECT_EQ(r->documents, 1u);  // replaced, not added twice
}

}  // namespace
}  // namespace malaf::search
