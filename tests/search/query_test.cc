#include "search/query.h"

#include <gtest/gtest.h>

namespace malaf::search {
namespace {

TEST(ParseDateFilter, AcceptsIsoAndDayMonthYear) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"2016", "2016"},       {"2016-08", "2016-08"},  {"2016-8", "2016-08"},     {"2016-08-26", "2016-08-26"},
      {"26/8/2016", "2016-08-26"}, {"8/2016", "2016-08"}, {"٢٦/٨/٢٠١٦", "2016-08-26"}, {"2016-02-29", "2016-02-29"},
  };
  for (const auto& c : cases) {
    auto r = ParseDateFilter(c.in);
    ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().ToString();
    EXPECT_EQ(*r, c.want) << c.in;
  }
}

TEST(ParseDateFilter, RejectsMalformedDates) {
  for (const char* in : {"", "2016-13", "2016-02-30", "2015-02-29", "32/1/2016", "yesterday", "16-08-26", "2016--08",
                         "1/2/3/2016", "2016-08-26T10", "99999"}) {
    auto r = ParseDateFilter(in);
    EXPECT_FALSE(r.ok()) << in;
    if (!r.ok()) EXPECT_TRUE(r.status().IsInvalidArgument()) << in;
  }
}

TEST(ParseQuery, Structure) {
  struct Case {
    const char* in;
    size_t conjunctions;
    size_t first_items;
    size_t excluded;
    bool phrase_first;
  } cases[] = {
      {"كيري لافروف", 1, 2, 0, false},
      {"كيري OR لافروف", 2, 1, 0, false},
      {"كيري AND لافروف", 1, 2, 0, false},
      {"كيري -جنيف", 1, 1, 1, false},
      {"كيري NOT جنيف", 1, 1, 1, false},
      {"\"الغازات السامة\" سوريا", 1, 2, 0, true},
      {"\"الغازات السامة", 1, 1, 0, true},  // unbalanced: closes at the end
      {"-\"جنيف\" كيري", 1, 1, 1, false},
      {"كيري-لافروف", 1, 1, 0, true},      // one typed token, two words: together
      {"(كيري OR كيرى) لافروف", 2, 1, 0, false},
  };
  for (const auto& c : cases) {
    auto r = ParseQuery(c.in);
    ASSERT_TRUE(r.ok()) << c.in;
    EXPECT_EQ(r->any.size(), c.conjunctions) << c.in;
    if (!r->any.empty()) {
      EXPECT_EQ(r->any[0].size(), c.first_items) << c.in;
      EXPECT_EQ(r->any[0][0].phrase, c.phrase_first) << c.in;
    }
    EXPECT_EQ(r->exclude.size(), c.excluded) << c.in;
  }
}

TEST(ParseQuery, Filters) {
  auto r = ParseQuery("سوريا outlet:\"صحيفة الغد\" agency:رويترز city:جنيف from:2016-08 to:30/9/2016");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->outlets.size(), 1u);
  EXPECT_EQ(r->outlets[0], "صحيفه الغد");  // search key of the value
  ASSERT_EQ(r->agencies.size(), 1u);
  ASSERT_EQ(r->cities.size(), 1u);
  EXPECT_EQ(r->from, "2016-08");
  EXPECT_EQ(r->to, "2016-09-30");
  EXPECT_EQ(r->any.size(), 1u);
}

TEST(ParseQuery, AnalysesWordsLikeTheIndex) {
  auto r = ParseQuery("كيرى");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->any.size(), 1u);
  const QueryWord& w = r->any[0][0].words[0];
  EXPECT_EQ(w.text, "كيرى");
  EXPECT_EQ(w.key, "كيري");  // alef maqsura folded
}

TEST(ParseQuery, BadInput) {
  std::string huge;
  for (int i = 0; i < 10000; ++i) huge += "كلمة ";
  struct Case {
    std::string in;
    bool ok;
    bool empty;  // no searchable word
  } cases[] = {
      {huge, false, false},
      {std::string(20000, 'a'), false, false},
      {"\u064e\u064f\u0650\u0651", true, true},  // only diacritics
      {"\"\"", true, true},
      {"\"", true, true},
      {"- -- ---", true, true},
      {"OR AND NOT", true, true},
      {"في من على", true, false},  // only stopwords: still searched
      {"from:2016-13-45", false, false},
      {"from:", false, false},
      {"outlet:", false, false},
      {"from:2016-09 to:2016-08", false, false},
      {std::string("\xff\xfe\xc3 كيري"), true, false},  // invalid UTF-8 repaired
  };
  for (const auto& c : cases) {
    auto r = ParseQuery(c.in);
    EXPECT_EQ(r.ok(), c.ok) << c.in.substr(0, 40);
    if (r.ok()) EXPECT_EQ(r->empty(), c.empty) << c.in.substr(0, 40);
    else EXPECT_TRUE(r.status().IsInvalidArgument()) << c.in.substr(0, 40);
  }
}

}  // namespace
}  // namespace malaf::search
