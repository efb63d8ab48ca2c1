// Invented articles (not corpus text) shared by the search tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extract/article.h"

namespace malaf::search::testing {

inline std::vector<Article> SampleArticles() {
  auto make = [](std::string id, std::string title, std::string body, std::string outlet, std::string date,
                 std::vector<std::string> agencies, std::string city) {
    Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.outlet = std::move(outlet);
    a.published = std::move(date);
    a.agencies = std::move(agencies);
    a.dateline_city = std::move(city);
    return a;
  };
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

}  // namespace malaf::search::testing
