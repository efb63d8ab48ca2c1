#include "extract/article_json.h"

#include <gtest/gtest.h>

namespace malaf {

TEST(ArticleJsonTest, RoundTripKeepsArabicUnescaped) {
  Article a;
  a.title = "كيري يتحدث عن اتفاق";
  a.outlet = "الجزيرة";
  a.published = "2016-08-26";
  a.agencies = {"رويترز"};
  a.body = "فقرة\n\nفقرة";
  a.sources.push_back({"x.txt", "text", 0});
  auto j = ArticleToJson(a, false);
  std::string s = DumpJson(j);
  EXPECT_NE(s.find("كيري"), std::string::npos);
  EXPECT_EQ(s.find("\\u"), std::string::npos);
  EXPECT_EQ(j["source"]["format"], "text");
  auto back = ArticleFromJson(j);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->title, a.title);
  EXPECT_EQ(back->agencies, a.agencies);
  EXPECT_EQ(back->sources.size(), 1u);
}

TEST(ArticleJsonTest, UnknownDateIsNull) {
  Article a;
  EXPECT_TRUE(ArticleToJson(a, true)["published"].is_null());
  EXPECT_TRUE(ArticleToJson(a, true)["sources"].is_array());
}

TEST(ArticleJsonTest, ErrorShape) {
  auto j = ErrorToJson(Status::NotFound("no article 12"));
  EXPECT_EQ(j["error"]["code"], "not_found");
  EXPECT_EQ(j["error"]["message"], "no article 12");
}

TEST(ArticleJsonTest, ContentIdIgnoresDiacritics) {
  Article a, b;
  a.title = "كيري";
  a.body = "قال كيري";
  b.title = "كِيري";
  b.body = "قالَ كيري";
  EXPECT_EQ(ArticleContentId(a), ArticleContentId(b));
  b.body = "قال لافروف";
  EXPECT_NE(ArticleContentId(a), ArticleContentId(b));
}

}  // namespace malaf
