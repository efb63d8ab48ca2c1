#include "extract/json_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace malaf {
namespace {

Result<std::vector<JsonRecord>> ReadAll(std::string_view text, bool lines, JsonReaderOptions o = {}) {
  std::vector<JsonRecord> out;
  Status st = ReadJsonRecords(text, lines, o, [&](JsonRecord&& r, size_t i) {
    EXPECT_EQ(i, out.size());
    out.push_back(std::move(r));
    return true;
  });
  if (!st.ok()) return st;
  return out;
}

TEST(JsonReaderTest, UsualFieldNames) {
  struct Case {
    const char* json;
    const char* title;
    const char* body;
    const char* date;
    const char* outlet;
    const char* url;
    std::vector<std::string> authors;
  };
  const Case cases[] = {
      {R"([{"title":"ع","body":"ن","date":"2031-03-11","outlet":"م","url":"u","author":"أ"}])", "ع", "ن",
       "2031-03-11", "م", "u", {"أ"}},
      {R"([{"headline":"ع","content":"ن","published":"d","source":"م","link":"u","authors":["أ","ب"]}])", "ع", "ن",
       "d", "م", "u", {"أ", "ب"}},
      {R"([{"title":"ع","text":"ن","pubDate":"d","site":"م","authors":[{"name":"أ"}]}])", "ع", "ن", "d", "م", "",
       {"أ"}},
      {R"([{"title":"ع","article":"ن","date_extracted":"2015-07-23 19:28:17","author":""}])", "ع", "ن",
       "2015-07-23 19:28:17", "", "", {}},
      // An empty usual field falls through to the next name.
      {R"([{"title":"","headline":"ع","body":["ف1","ف2"],"date":1900000000}])", "ع", "ف1\n\nف2", "1900000000", "", "", {}},
  };
  for (const auto& c : cases) {
    auto r = ReadAll(c.json, false);
    ASSERT_TRUE(r.ok()) << c.json << ": " << r.status().ToString();
    ASSERT_EQ(r->size(), 1u) << c.json;
    const JsonRecord& j = (*r)[0];
    EXPECT_EQ(j.title, c.title) << c.json;
    EXPECT_EQ(j.body, c.body) << c.json;
    EXPECT_EQ(j.date, c.date) << c.json;
    EXPECT_EQ(j.outlet, c.outlet) << c.json;
    EXPECT_EQ(j.url, c.url) << c.json;
    EXPECT_EQ(j.authors, c.authors) << c.json;
  }
}

TEST(JsonReaderTest, Shapes) {
  struct Case {
    const char* name;
    const char* json;
    bool lines;
    std::vector<std::string> titles;
  };
  const Case cases[] = {
      {"array", R"([{"title":"أ"},{"title":"ب"},3,"x",{"title":"ج","nested":{"a":[1,{"b":2}]}}])", false, {"أ", "ب", "ج"}},
      {"object holding an array", R"({"meta":{"n":2},"articles":[{"title":"أ"},{"title":"ب"}]})", false, {"أ", "ب"}},
      {"single object", R"({"title":"أ","tags":["x","y"],"meta":{"k":"v"}})", false, {"أ"}},
      {"single object with an array of objects", R"({"images":[{"src":"a.jpg"}],"title":"أ","authors":[{"name":"ب"}]})",
       false, {"أ"}},
      {"object holding items", R"({"count":1,"items":[{"title":"أ","authors":[{"name":"ب"}]}]})", false, {"أ"}},
      {"json lines", "{\"title\":\"أ\"}\n\n{\"title\":\"ب\"}\r\n", true, {"أ", "ب"}},
      {"empty array", "[]", false, {}},
  };
  for (const auto& c : cases) {
    auto r = ReadAll(c.json, c.lines);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().ToString();
    std::vector<std::string> titles;
    for (auto& j : *r) titles.push_back(j.title);
    EXPECT_EQ(titles, c.titles) << c.name;
  }
}

TEST(JsonReaderTest, FieldMapping) {
  JsonReaderOptions o;
  o.field_map = {{"body", "matn"}, {"title", "meta.unwan"}, {"published", "waqt"}};
  auto r = ReadAll(R"([{"matn":"نص","content":"غير هذا","meta":{"unwan":"عنوان"},"waqt":"2031-01-02"}])", false, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].body, "نص");
  EXPECT_EQ((*r)[0].title, "عنوان");
  EXPECT_EQ((*r)[0].date, "2031-01-02");
  o.field_map = {{"colour", "x"}};
  EXPECT_TRUE(ReadAll("[]", false, o).status().IsInvalidArgument());
}

TEST(JsonReaderTest, BadJson) {
  struct Case {
    const char* name;
    std::string json;
    bool lines;
    bool exhausted;  // else corruption
    size_t delivered;
  };
  std::string deep(100000, '[');
  std::string deep_line = "{\"a\":" + std::string(100000, '[');
  const Case cases[] = {
      {"truncated array", R"([{"title":"أ"},{"title":"ب)", false, false, 1},
      {"trailing garbage", R"([{"title":"أ"}] x)", false, false, 1},
      {"bad line", "{\"title\":\"أ\"}\n{\"title\": nope}\n", true, false, 1},
      {"line not an object", "{\"title\":\"أ\"}\n[1,2]\n", true, false, 1},
      {"deep array", deep, false, true, 0},
      {"deep line", deep_line, true, true, 0},
  };
  for (const auto& c : cases) {
    size_t n = 0;
    Status st = ReadJsonRecords(c.json, c.lines, {}, [&](JsonRecord&&, size_t) {
      ++n;
      return true;
    });
    ASSERT_FALSE(st.ok()) << c.name;
    EXPECT_EQ(st.IsResourceExhausted(), c.exhausted) << c.name << ": " << st.ToString();
    EXPECT_EQ(n, c.delivered) << c.name;
  }
}

TEST(JsonReaderTest, RecordLimitAndStop) {
  std::string many = "[";
  for (int i = 0; i < 100; ++i) many += std::string(i ? "," : "") + "{\"title\":\"x\"}";
  many += "]";
  JsonReaderOptions o;
  o.max_records = 10;
  EXPECT_TRUE(ReadAll(many, false, o).status().IsResourceExhausted());
  size_t n = 0;
  EXPECT_TRUE(ReadJsonRecords(many, false, {}, [&](JsonRecord&&, size_t) { return ++n < 5; }).ok());
  EXPECT_EQ(n, 5u);
}

}  // namespace
}  // namespace malaf
