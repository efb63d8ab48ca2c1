// The query side of search: place-name spellings, facet counts over every
// match (the in-memory match sets), day counts, and totals. Invented
// articles (not corpus text).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "search/index.h"
#include "search/query.h"
#include "search/searcher.h"
#include "search_fixture.h"

namespace malaf::search {
namespace {

using testing::TempDir;

using testing::MakeArticle;

class SearcherTest : public testing::IndexedArticlesTest {
 protected:
  void SetUp() override {
    std::vector<Article> arts = {
        MakeArticle("s1", "مؤتمر بشأن سوريا", "اجتمع الوزراء لبحث الوضع في سوريا وفي لبنان.", "صحيفة الغد", "2016-08-26",
             {"رويترز"}),
        MakeArticle("s2", "مؤتمر بشأن سورية", "عاد اللاجئون إلى سورية بعد سنوات في الأردن.", "وكالة الأنباء", "2016-08-27",
             {"رويترز", "فرانس برس"}),
        MakeArticle("s3", "وفد يزور المنطقة", "وصل الوفد إلى دمشق ومنها إلى بسورية الشمالية.", "صحيفة الغد", "2016-09-01"),
        MakeArticle("s4", "الطقس في الشام", "أمطار غزيرة في الشام اليوم.", "صحيفة الغد", "2016-09-02"),
        MakeArticle("s5", "كيف تطبخ الأرز", "كيف تطبخ الأرز في البيت بسهولة.", "الاقتصادية", "2015-07-21"),
        MakeArticle("s6", "زيارة إلى كييف", "وصل الرئيس إلى كييف في زيارة رسمية.", "الاقتصادية", "2015-07-22"),
        MakeArticle("s7", "مؤتمر المناخ", "انعقد مؤتمر المناخ في باريس بحضور الوزراء.", "صحيفة الغد", "2016-08-26"),
    };
    Build(arts);
  }
};

TEST(PlaceSpellings, JoinsSpellingsOfOneNameOnly) {
  struct Case {
    const char* key;
    const char* other;  // expected among the spellings; "" = none at all
  } cases[] = {
      {"\u0633\u0648\u0631\u064a\u0627", "\u0633\u0648\u0631\u064a\u0647"},  // سوريا -> سوريه (سورية)
      {"\u0633\u0648\u0631\u064a\u0647", "\u0633\u0648\u0631\u064a\u0627"},  // and back
      {"\u062c\u0627\u0632\u0627\u0646", "\u062c\u064a\u0632\u0627\u0646"},  // جازان -> جيزان
      {"\u0643\u064a\u0641", ""},                                            // كيف (how) is not كييف
      {"\u0643\u064a\u064a\u0641", ""},                                      // nor the reverse
      {"\u062f\u0645\u0634\u0642", ""},                                      // دمشق: الشام is another name
  };
  for (const auto& c : cases) {
    const auto* sp = PlaceSpellings(c.key);
    if (std::string(c.other).empty()) {
      EXPECT_EQ(sp, nullptr) << c.key;
    } else {
      ASSERT_NE(sp, nullptr) << c.key;
      EXPECT_NE(std::find(sp->begin(), sp->end(), c.other), sp->end()) << c.key;
    }
  }
}

TEST_F(SearcherTest, SpellingsOfAPlaceMeet) {
  struct Case {
    const char* query;
    std::set<std::string> want;
  } cases[] = {
      {"سوريا", {"s1", "s2", "s3"}},   // سورية and بسورية too
      {"سورية", {"s1", "s2", "s3"}},   // and back
      {"\"سوريا\"", {"s1"}},           // a quoted word is that form only
      {"دمشق", {"s3"}},                // another name, not another spelling
      {"الشام", {"s4"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Ids(c.query), c.want) << c.query;
}

TEST_F(SearcherTest, SnippetHighlightsTheOtherSpelling) {
  auto r = searcher_->Search("سوريا");
  ASSERT_TRUE(r.ok());
  bool found = false;
  for (const auto& h : r->hits) {
    if (h.id != "s2") continue;
    found = true;
    ASSERT_FALSE(h.highlights.empty());
    std::set<std::string> words;
    for (const auto& x : h.highlights) words.insert(h.snippet.substr(x.start, x.end - x.start));
    EXPECT_TRUE(words.count("سورية")) << h.snippet;
  }
  EXPECT_TRUE(found);
}

TEST_F(SearcherTest, FacetsAndTotalsCountEveryMatch) {
  struct Case {
    const char* query;
    uint64_t total;
    std::map<std::string, uint64_t> outlet, month, agency;
  } cases[] = {
      {"مؤتمر", 3, {{"صحيفة الغد", 2}, {"وكالة الأنباء", 1}}, {{"2016-08", 3}}, {{"رويترز", 2}, {"فرانس برس", 1}}},
      {"\"مؤتمر المناخ\"", 1, {{"صحيفة الغد", 1}}, {{"2016-08", 1}}, {}},
      {"مؤتمر -المناخ outlet:\"صحيفة الغد\"", 1, {{"صحيفة الغد", 1}}, {{"2016-08", 1}}, {{"رويترز", 1}}},
      {"مؤتمر from:2016-08-27", 1, {{"وكالة الأنباء", 1}}, {{"2016-08", 1}}, {{"رويترز", 1}, {"فرانس برس", 1}}},
      {"outlet:الاقتصادية", 2, {{"الاقتصادية", 2}}, {{"2015-07", 2}}, {}},
      // Words not all in one article: those holding some of them follow and count.
      {"الطقس باريس", 2, {{"صحيفة الغد", 2}}, {{"2016-08", 1}, {"2016-09", 1}}, {}},
  };
  for (const auto& c : cases) {
    SearchOptions o;
    o.limit = 1;  // facets and totals do not depend on the page
    auto r = searcher_->Search(c.query, o);
    ASSERT_TRUE(r.ok()) << c.query << ": " << r.status().ToString();
    EXPECT_EQ(r->total, c.total) << c.query;
    EXPECT_TRUE(r->facets.exact) << c.query;
    EXPECT_EQ(r->facets.outlet, c.outlet) << c.query;
    EXPECT_EQ(r->facets.month, c.month) << c.query;
    EXPECT_EQ(r->facets.agency, c.agency) << c.query;
    EXPECT_TRUE(r->facets.day.empty()) << c.query;
  }
}

// Plain word lists are ranked from the posting lists; the same words with
// an explicit AND go through Xapian's matcher. Both must order the articles
// alike (weights differ only by Xapian's estimate of a synonym group's
// frequency).
TEST_F(SearcherTest, PostingListRankingAgreesWithXapian) {
  struct Case {
    const char* plain;
    const char* with_and;
  } cases[] = {
      {"مؤتمر الوزراء", "مؤتمر AND الوزراء"},
      {"مؤتمر سوريا", "مؤتمر AND سوريا"},
      {"\"مؤتمر المناخ\" باريس", "\"مؤتمر المناخ\" AND باريس"},
  };
  for (const auto& c : cases) {
    auto a = searcher_->Search(c.plain);
    auto b = searcher_->Search(c.with_and);
    ASSERT_TRUE(a.ok() && b.ok()) << c.plain;
    // The plain list goes on with articles holding some of the words.
    ASSERT_GE(a->hits.size(), b->hits.size()) << c.plain;
    ASSERT_FALSE(b->hits.empty()) << c.plain;
    for (size_t i = 0; i < b->hits.size(); ++i) {
      EXPECT_EQ(a->hits[i].id, b->hits[i].id) << c.plain << " rank " << i;
      EXPECT_NEAR(a->hits[i].score, b->hits[i].score, 0.25 * b->hits[i].score) << c.plain << " rank " << i;
    }
  }
}

TEST_F(SearcherTest, DayCountsWithoutFacets) {
  SearchOptions o;
  o.limit = 0;
  o.snippets = false;
  o.facets = false;
  o.day_counts = true;
  auto r = searcher_->Search("مؤتمر", o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->hits.empty());
  EXPECT_EQ(r->total, 3u);
  EXPECT_EQ(r->facets.day, (std::map<std::string, uint64_t>{{"2016-08-26", 2}, {"2016-08-27", 1}}));
  EXPECT_TRUE(r->facets.outlet.empty());
}

TEST_F(SearcherTest, SeesNewArticlesAfterReopen) {
  auto before = searcher_->Search("مؤتمر");
  ASSERT_TRUE(before.ok());
  {
    auto w = IndexWriter::OpenExisting(dir_);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    ASSERT_TRUE((*w)->Add(MakeArticle("s8", "مؤتمر جديد", "مؤتمر آخر.", "صحيفة جديدة", "2017-01-02"), 8).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  ASSERT_TRUE(searcher_->Reopen().ok());
  auto after = searcher_->Search("مؤتمر");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, before->total + 1);
  EXPECT_EQ(after->facets.outlet["صحيفة جديدة"], 1u);
  EXPECT_EQ(after->facets.month["2017-01"], 1u);
}

}  // namespace
}  // namespace malaf::search
