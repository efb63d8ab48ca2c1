#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "search/index.h"
#include "search/search_json.h"
#include "search/searcher.h"
#include "search_fixture.h"
#include "text/normalizer.h"

namespace malaf::search {
namespace {

using testing::SampleArticles;
using testing::TempDir;

class IndexTest : public testing::IndexedArticlesTest {
 protected:
  void SetUp() override { Build(SampleArticles()); }
};

TEST_F(IndexTest, QueriesFindTheRightArticles) {
  struct Case {
    const char* query;
    std::set<std::string> want;
  } cases[] = {
      {"كيري", {"a1", "a2"}},
      {"كيرى", {"a1", "a2"}},               // ى/ي
      {"سيرجي", {"a1", "a2"}},              // سيرغي/سيرجي meet by name key
      {"سيرغي لافروف", {"a1", "a2"}},
      {"الغازات السامة", {"a1", "a4"}},     // plural/singular meet by stem
      {"الغاز السام", {"a1", "a4"}},
      {"\"الغازات السامة\"", {"a1"}},       // a phrase is exact
      {"\"السامة الغازات\"", {}},           // and in order
      {"\"الغاز السام في حلب\"", {"a4"}},   // phrases keep stopwords
      {"\"كيري يلتقي\"", {"a1"}},           // phrase in the title
      {"اسعار النفط", {"a3"}},              // hamza dropped
      {"الاسواق العالميه", {"a3"}},         // ة written as ه
      {"كيري -جنيف", {"a2"}},
      {"كيري NOT جنيف", {"a2"}},
      {"كيري -\"في جنيف\"", {"a2"}},
      {"النفط OR حلب", {"a3", "a4"}},
      {"outlet:\"صحيفة الغد\"", {"a2", "a4"}},
      {"outlet:\"صحيفه الغد\" حلب", {"a4"}},
      {"agency:رويترز", {"a1"}},
      {"agency:\"فرانس برس\" لافروف", {"a2"}},
      {"city:جنيف", {"a1"}},
      {"كيري from:2016-09", {"a2"}},
      {"كيري to:2016-08-31", {"a1"}},
      {"from:1/8/2016 to:8/2016", {"a1", "a4"}},
      {"from:2015 to:2015", {"a3"}},
      {"\u064e\u064f\u0650", {}},           // only diacritics
      {"\"كيري لافروف", {}},                // unbalanced quote: a phrase to the end
      {"زلزال", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Ids(c.query), c.want) << c.query;
}

TEST_F(IndexTest, AllWordsRankBeforeSomeWords) {
  auto r = searcher_->Search("لافروف حلب");
  ASSERT_TRUE(r.ok());
  // No article has both: the ones with either follow, and count in total.
  EXPECT_EQ(r->total, 3u);
  auto r2 = searcher_->Search("كيري جنيف");
  ASSERT_TRUE(r2.ok());
  ASSERT_EQ(r2->hits.size(), 2u);
  EXPECT_EQ(r2->hits[0].id, "a1");
}

TEST_F(IndexTest, ExactFormRanksFirst) {
  auto r = searcher_->Search("كيرى");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  // Both spellings fold to the same key; the title hit ranks first.
  EXPECT_EQ(r->hits[0].id, "a2");
}

TEST_F(IndexTest, SortByDate) {
  SearchOptions o;
  o.sort = SortOrder::kDate;
  auto r = searcher_->Search("كيري OR النفط OR حلب", o);
  ASSERT_TRUE(r.ok());
  std::vector<std::string> ids;
  for (const auto& h : r->hits) ids.push_back(h.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a2", "a1", "a4", "a3"}));
}

TEST_F(IndexTest, LimitAndOffset) {
  SearchOptions o;
  o.sort = SortOrder::kDate;
  o.limit = 2;
  o.offset = 1;
  auto r = searcher_->Search("كيري OR النفط OR حلب", o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].id, "a1");
  EXPECT_EQ(r->hits[1].id, "a4");
  EXPECT_EQ(r->total, 4u);
}

TEST_F(IndexTest, Facets) {
  auto r = searcher_->Search("كيري OR حلب");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->facets.exact);
  EXPECT_EQ(r->facets.outlet, (std::map<std::string, uint64_t>{{"وكالة الأنباء", 1}, {"صحيفة الغد", 2}}));
  EXPECT_EQ(r->facets.month, (std::map<std::string, uint64_t>{{"2016-08", 2}, {"2016-09", 1}}));
  EXPECT_EQ(r->facets.agency, (std::map<std::string, uint64_t>{{"رويترز", 1}, {"فرانس برس", 1}}));
  auto j = SearchResultsToJson(*r);
  EXPECT_EQ(j["total"], 3);
  EXPECT_EQ(j["facets"]["outlet"]["صحيفة الغد"], 2);
  for (const char* k : {"id", "score", "title", "outlet", "published", "snippet", "highlights"})
    EXPECT_TRUE(j["hits"][0].contains(k)) << k;
}

TEST_F(IndexTest, SnippetHighlightsSitOnTheWordsAsWritten) {
  struct Case {
    const char* query;
    const char* id;
    std::vector<std::string> highlighted;
  } cases[] = {
      {"كيري", "a2", {"كيرى"}},
      {"سيرغي", "a2", {"سيرجي"}},
      {"الغاز السام", "a1", {"الغازات", "السامة"}},
      {"جنيف", "a1", {"جنيف"}},
  };
  auto articles = SampleArticles();
  for (const auto& c : cases) {
    auto r = searcher_->Search(c.query);
    ASSERT_TRUE(r.ok());
    auto it = std::find_if(r->hits.begin(), r->hits.end(), [&](const Hit& h) { return h.id == c.id; });
    ASSERT_NE(it, r->hits.end()) << c.query;
    const Article& a = *std::find_if(articles.begin(), articles.end(), [&](const Article& x) { return x.id == c.id; });
    EXPECT_EQ(a.body.substr(it->snippet_start, it->snippet.size()), it->snippet);
    std::vector<std::string> got;
    for (const auto& h : it->highlights) {
      ASSERT_LE(h.end, it->snippet.size());
      got.push_back(it->snippet.substr(h.start, h.end - h.start));
      EXPECT_EQ(a.body.substr(it->snippet_start + h.start, h.end - h.start), got.back());
    }
    EXPECT_EQ(got, c.highlighted) << c.query;
  }
}

TEST(Snippet, PicksTheWindowWithTheMostQueryWords) {
  std::string body;
  for (int i = 0; i < 60; ++i) body += "كلام عام هنا ";
  body += "ثم التقى كيري ولافروف في جنيف ";
  for (int i = 0; i < 60; ++i) body += "كلام عام هنا ";
  std::string display = text::NormalizeDisplay(body);
  auto q = ParseQuery("كيري لافروف");
  ASSERT_TRUE(q.ok());
  Snippet s = MakeSnippet(display, *q, 120);
  EXPECT_LE(s.text.size(), 120u);
  EXPECT_NE(s.text.find("كيري"), std::string::npos);
  EXPECT_EQ(s.highlights.size(), 2u);
  Snippet none = MakeSnippet("", *q, 120);
  EXPECT_TRUE(none.text.empty());
}

TEST_F(IndexTest, BadQueriesFailClearlyOrFindNothing) {
  std::string huge;
  for (int i = 0; i < 10000; ++i) huge += "كلمة ";
  auto r = searcher_->Search(huge);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsInvalidArgument());
  auto d = searcher_->Search("كيري from:2016-02-30");
  ASSERT_FALSE(d.ok());
  EXPECT_TRUE(d.status().IsInvalidArgument());
  auto stop = searcher_->Search("في من على");
  EXPECT_TRUE(stop.ok());
  auto diac = searcher_->Search("\u064b\u064c\u064d");
  ASSERT_TRUE(diac.ok());
  EXPECT_EQ(diac->total, 0u);
}

TEST(CheckIndex, DetectsMissingMismatchedAndDamagedIndexes) {
  TempDir tmp;
  std::string dir = tmp.path() + "/index";
  EXPECT_EQ(CheckIndex(dir).state, IndexState::kMissing);
  {
    auto w = IndexWriter::Create(dir);
    ASSERT_TRUE(w.ok());
    for (const auto& a : SampleArticles()) ASSERT_TRUE((*w)->Add(a, 7).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  IndexCheck ok = CheckIndex(dir);
  EXPECT_EQ(ok.state, IndexState::kOk) << ok.detail;
  EXPECT_EQ(ok.last_seq, 7u);
  EXPECT_EQ(ok.documents, 4u);
  {
    Xapian::WritableDatabase db(dir);
    db.set_metadata("malaf.normalizer", std::to_string(text::kNormalizerVersion + 1));
    db.commit();
  }
  IndexCheck mismatch = CheckIndex(dir);
  EXPECT_EQ(mismatch.state, IndexState::kVersionMismatch);
  EXPECT_NE(mismatch.detail.find("normalizer"), std::string::npos) << mismatch.detail;
  EXPECT_FALSE(Searcher::Open(dir).ok());
  EXPECT_FALSE(IndexWriter::OpenExisting(dir).ok());

  // Damage: the posting table cut short.
  {
    auto w = IndexWriter::Create(dir);
    ASSERT_TRUE(w.ok());
    for (const auto& a : SampleArticles()) ASSERT_TRUE((*w)->Add(a, 1).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  std::filesystem::resize_file(dir + "/postlist.glass", 100);
  IndexCheck damaged = CheckIndex(dir);
  EXPECT_EQ(damaged.state, IndexState::kDamaged) << damaged.detail;
  // Garbage where the version file should be.
  std::ofstream(dir + "/iamglass", std::ios::trunc) << "not a database";
  EXPECT_NE(CheckIndex(dir).state, IndexState::kOk);
  // Create replaces a damaged index.
  auto w = IndexWriter::Create(dir);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->Commit().ok());
  EXPECT_EQ(CheckIndex(dir).state, IndexState::kOk);
}

TEST(IndexWriter, IncrementalAddReplaceRemove) {
  TempDir tmp;
  std::string dir = tmp.path() + "/index";
  auto articles = SampleArticles();
  {
    auto w = IndexWriter::Create(dir);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Add(articles[0], 1).ok());
    ASSERT_TRUE((*w)->Add(articles[1], 2).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  {
    auto w = IndexWriter::OpenExisting(dir);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    EXPECT_EQ((*w)->last_seq(), 2u);
    ASSERT_TRUE((*w)->Add(articles[2], 3).ok());
    Article changed = articles[0];
    changed.title = "عنوان جديد عن الزلزال";
    ASSERT_TRUE((*w)->Add(changed, 4).ok());  // same id: replaced
    ASSERT_TRUE((*w)->Remove("a2").ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  IndexCheck c = CheckIndex(dir);
  EXPECT_EQ(c.last_seq, 4u);
  EXPECT_EQ(c.documents, 2u);
  auto s = Searcher::Open(dir);
  ASSERT_TRUE(s.ok());
  auto r = (*s)->Search("الزلزال");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].id, "a1");
  Article no_id = articles[3];
  no_id.id.clear();
  auto w = IndexWriter::OpenExisting(dir);
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE((*w)->Add(no_id, 5).IsInvalidArgument());
}

TEST(IndexBuilder, ShardedBuildFindsWhatOneWriterFinds) {
  // Queries whose answers need every shard's lexicon (variants), positions
  // (phrases), fields and values, against a single-writer build.
  const std::vector<std::string> queries = {
      "كيري", "كيرى", "سيرجي", "سيرغي لافروف", "\"الغاز السام\"", "الغازات", "النفط",
      "outlet:\"صحيفة الغد\"", "agency:رويترز", "حلب from:2016-08", "جنيف -سوريا"};
  TempDir tmp;
  auto articles = SampleArticles();
  auto ids_for = [&](const std::string& dir) {
    std::vector<std::vector<std::string>> out;
    auto s = Searcher::Open(dir);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return out;
    for (const auto& q : queries) {
      auto r = (*s)->Search(q);
      EXPECT_TRUE(r.ok()) << q;
      std::vector<std::string> ids;
      if (r.ok())
        for (const auto& h : r->hits) ids.push_back(h.id);
      std::sort(ids.begin(), ids.end());
      out.push_back(ids);
    }
    return out;
  };
  std::string one = tmp.path() + "/one";
  {
    auto w = IndexWriter::Create(one);
    ASSERT_TRUE(w.ok());
    uint64_t seq = 0;
    for (const auto& a : articles) ASSERT_TRUE((*w)->Add(a, ++seq).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  auto want = ids_for(one);
  ASSERT_EQ(want.size(), queries.size());
  EXPECT_EQ(want[0], (std::vector<std::string>{"a1", "a2"}));
  struct Build {
    uint32_t threads;
    uint64_t part_articles;
  } builds[] = {{1, 0}, {2, 0}, {3, 0}, {7, 0}, {1, 1}, {2, 1}, {1, 3}};
  for (const Build& build : builds) {
    std::string name = std::to_string(build.threads) + "-" + std::to_string(build.part_articles);
    SCOPED_TRACE("threads, part articles " + name);
    std::string dir = tmp.path() + "/built-" + name;
    IndexBuilderOptions o;
    o.threads = build.threads;
    o.part_articles = build.part_articles;
    auto b = IndexBuilder::Create(dir, o);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    uint64_t seq = 0;
    if (build.part_articles == 0) {
      // a3 twice: the second copy replaces the first (same id, same shard).
      Article stale = articles[2];
      stale.title = "عنوان قديم عن الزلزال";
      ASSERT_TRUE((*b)->Add(stale, ++seq).ok());
    }
    for (const auto& a : articles) ASSERT_TRUE((*b)->Add(a, ++seq).ok());
    Article no_id = articles[0];
    no_id.id.clear();
    EXPECT_TRUE((*b)->Add(no_id, 99).IsInvalidArgument());
    ASSERT_TRUE((*b)->Finish().ok());
    EXPECT_FALSE(std::filesystem::exists(dir + ".shards"));
    IndexCheck c = CheckIndex(dir);
    EXPECT_EQ(c.state, IndexState::kOk) << c.detail;
    EXPECT_EQ(c.documents, articles.size());
    EXPECT_EQ(c.last_seq, seq);
    EXPECT_EQ(ids_for(dir), want);
    // The merged index takes incremental updates.
    auto w = IndexWriter::OpenExisting(dir);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    Article changed = articles[3];
    changed.title = "الزلزال";
    ASSERT_TRUE((*w)->Add(changed, ++seq).ok());
    ASSERT_TRUE((*w)->Remove("a1").ok());
    ASSERT_TRUE((*w)->Commit().ok());
    EXPECT_EQ(CheckIndex(dir).documents, articles.size() - 1);
  }
}

TEST(IndexBuilder, AnAbandonedBuildLeavesNoIndex) {
  TempDir tmp;
  std::string dir = tmp.path() + "/index";
  {
    auto w = IndexWriter::Create(dir);  // an older index, replaced by the build
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Add(SampleArticles()[0], 1).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  {
    auto b = IndexBuilder::Create(dir);
    ASSERT_TRUE(b.ok());
    for (const auto& a : SampleArticles()) ASSERT_TRUE((*b)->Add(a, 1).ok());
  }  // destroyed without Finish
  EXPECT_EQ(CheckIndex(dir).state, IndexState::kMissing);
  EXPECT_FALSE(std::filesystem::exists(dir + ".shards"));
}

TEST(StoredFields, RoundTripAndTruncation) {
  StoredFields f{"id", "عنوان", "منفذ", "2016-08-26", "نص"};
  std::string enc = EncodeStoredFields(f);
  auto d = DecodeStoredFields(enc);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->title, "عنوان");
  EXPECT_EQ(d->body, "نص");
  for (size_t n = 0; n < enc.size(); ++n) EXPECT_FALSE(DecodeStoredFields(enc.substr(0, n)).ok()) << n;
}

}  // namespace
}  // namespace malaf::search
