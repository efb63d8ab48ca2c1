// Invented articles (not corpus text) shared by the search tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/article.h"
#include "search/index.h"
#include "search/searcher.h"

namespace malaf::search::testing {

// An invented article with the fields search indexes.
inline Article MakeArticle(std::string id, std::string title, std::string body, std::string outlet,
                           std::string date, std::vector<std::string> agencies = {}, std::string city = "") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.outlet = std::move(outlet);
  a.published = std::move(date);
  a.agencies = std::move(agencies);
  a.dateline_city = std::move(city);
  return a;
}

inline std::vector<Article> SampleArticles() {
  const auto make = MakeArticle;
  return {
      make("a1", "كيري يلتقي لافروف في جنيف",
           "التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في جنيف.\n\n"
           "وبحث الوزيران الأزمة السورية واستخدام الغازات السامة في الحرب.",
           "وكالة الأنباء", "2016-08-26T23:15+03:00", {"رويترز"}, "جنيف"),
      make("a2", "كيرى: لا حل عسكريا في سوريا", "قال كيرى إن المباحثات مع سيرجي لافروف كانت بناءة ومفيدة.",
           "صحيفة الغد", "2016-09-02", {"فرانس برس"}, ""),
      make("a3", "أسعار النفط ترتفع", "ارتفعت أسعار النفط في الأسواق العالمية اليوم مع تراجع المخزونات.",
           "الاقتصادية", "2015-07-21", {}, "الرياض"),
      make("a4", "الغاز السام في حلب", "اتهمت المعارضة النظام باستخدام الغاز السام في حلب مرة أخرى.",
           "صحيفة الغد", "2016-08-10", {}, ""),
  };
}

// A fresh temporary directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/malaf-search-test-XXXXXX";
    path_ = mkdtemp(name);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A fresh index over some articles (bodies stored) and a searcher over it.
class IndexedArticlesTest : public ::testing::Test {
 protected:
  void Build(const std::vector<Article>& articles) {
    dir_ = tmp_.path() + "/index";
    IndexWriterOptions o;
    o.store_body = true;
    auto w = IndexWriter::Create(dir_, o);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    uint64_t seq = 0;
    for (const auto& a : articles) ASSERT_TRUE((*w)->Add(a, ++seq).ok());
    ASSERT_TRUE((*w)->Commit().ok());
    auto s = Searcher::Open(dir_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    searcher_ = std::move(*s);
  }

  // The ids a query finds (a failed search fails the test and finds none).
  std::set<std::string> Ids(const std::string& q, SearchOptions o = {}) {
    auto r = searcher_->Search(q, o);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status().ToString();
    std::set<std::string> ids;
    if (r.ok())
      for (const auto& h : r->hits) ids.insert(h.id);
    return ids;
  }

  TempDir tmp_;
  std::string dir_;
  std::unique_ptr<Searcher> searcher_;
};

}  // namespace malaf::search::testing
