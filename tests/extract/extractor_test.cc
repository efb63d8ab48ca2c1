#include "extract/extractor.h"

#include <archive.h>
#include <archive_entry.h>
#include <unicode/ucnv.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace malaf {
namespace {

// UTF-8 -> `charset` through ICU, as a page saved in that charset would be.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << charset << ": " << u_errorName(err);
  out.resize(static_cast<size_t>(n));
  return out;
}

// A zip (members: name -> bytes) or a gzip stream (one member, name "").
std::string Pack(const std::vector<std::pair<std::string, std::string>>& members, bool zip) {
  archive* a = archive_write_new();
  if (zip) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_add_filter_gzip(a);
    archive_write_set_format_raw(a);
  }
  size_t cap = 1 << 20;
  for (auto& m : members) cap += m.second.size() + 1024;
  std::string buf(cap, '\0');
  size_t used = 0;
  archive_write_open_memory(a, buf.data(), buf.size(), &used);
  for (const auto& [name, bytes] : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.empty() ? "data" : name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  buf.resize(used);
  return buf;
}

const char* kRss =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>صحيفة النهار</title>"
    "<link>https://nahar.example/</link><lastBuildDate>Tue, 11 Mar 2031 18:00:00 +0300</lastBuildDate>"
    "<item><title>الجفاف يضرب قرى الوادي</title><link>https://nahar.example/a/1</link>"
    "<pubDate>Tue, 11 Mar 2031 09:30:00 +0300</pubDate>"
    "<description>&lt;p&gt;تشهد قرى الوادي موسما ثالثا من الجفاف.&lt;/p&gt;&lt;p&gt;وقال رئيس الجمعية إن الآبار جفت.&lt;/p&gt;</description>"
    "</item></channel></rss>";

const char* kText = "الجفاف يضرب قرى الوادي\n\nتشهد قرى الوادي موسما ثالثا من الجفاف، وقال رئيس الجمعية إن الآبار جفت.\n"
                    "وأضاف أن المزارعين ينتظرون المطر منذ شهور، وأن الحكومة وعدت بحفر آبار جديدة.\n";

TEST(ExtractorTest, FeedArticles) {
  ExtractOutput out = ExtractBytes("feed.xml", kRss, {});
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].status.ToString();
  ASSERT_EQ(out.articles.size(), 1u);
  const Article& a = out.articles[0];
  EXPECT_EQ(a.title, "الجفاف يضرب قرى الوادي");
  EXPECT_EQ(a.url, "https://nahar.example/a/1");
  EXPECT_EQ(a.body, "تشهد قرى الوادي موسما ثالثا من الجفاف.\n\nوقال رئيس الجمعية إن الآبار جفت.");
  EXPECT_FALSE(a.outlet.empty());
  ASSERT_EQ(a.sources.size(), 1u);
  EXPECT_EQ(a.sources[0].path, "feed.xml");
  EXPECT_EQ(a.sources[0].format, "rss");
  EXPECT_EQ(a.sources[0].index, 0);
  EXPECT_EQ(a.published.substr(0, 10), "2031-03-11");
  EXPECT_FALSE(a.published_text.empty());
}

TEST(ExtractorTest, CharsetVariants) {
  struct Case {
    const char* name;
    std::string bytes;
    std::string charset;  // explicit, or "" to detect
  };
  std::string html =
      "<html><head><meta charset=\"windows-1256\"><title>t</title></head><body><h1>الجفاف يضرب قرى الوادي</h1>"
      "<p>تشهد قرى الوادي موسما ثالثا من الجفاف، وقال رئيس الجمعية إن الآبار جفت.</p>"
      "<p>وأضاف أن المزارعين ينتظرون المطر منذ شهور، وأن الحكومة وعدت بحفر آبار جديدة.</p></body></html>";
  const Case cases[] = {
      {"utf-8", kText, ""},
      {"utf-8 with BOM", "\xEF\xBB\xBF" + std::string(kText), ""},
      {"windows-1256 detected", Encode(kText, "windows-1256"), ""},
      {"windows-1256 explicit", Encode(kText, "windows-1256"), "windows-1256"},
      {"iso-8859-6 explicit", Encode(kText, "ISO-8859-6"), "iso-8859-6"},
      {"utf-16le with BOM", "\xFF\xFE" + Encode(kText, "UTF-16LE"), ""},
      {"utf-16be with BOM", "\xFE\xFF" + Encode(kText, "UTF-16BE"), ""},
      {"utf-16le without BOM", Encode(kText, "UTF-16LE"), ""},
      {"meta charset windows-1256", Encode(html, "windows-1256"), ""},
  };
  for (const auto& c : cases) {
    ExtractOptions o;
    o.charset = c.charset;
    ExtractOutput out = ExtractBytes(c.name, c.bytes, o);
    ASSERT_TRUE(out.errors.empty()) << c.name << ": " << out.errors[0].status.ToString();
    ASSERT_EQ(out.articles.size(), 1u) << c.name;
    const Article& a = out.articles[0];
    std::string all = a.title + "\n" + a.body;
    EXPECT_NE(all.find("الآبار جفت"), std::string::npos) << c.name << ": " << all;
    EXPECT_EQ(all.find("\xEF\xBF\xBD"), std::string::npos) << c.name;
  }
  // A wrong explicit charset name is an error for that input.
  ExtractOptions bad;
  bad.charset = "no-such-charset";
  EXPECT_FALSE(ExtractBytes("x", kText, bad).errors.empty());
}

TEST(ExtractorTest, GzipAndZip) {
  std::string gz = Pack({{"", kRss}}, false);
  ExtractOutput out = ExtractBytes("feed.xml.gz", gz, {});
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].status.ToString();
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].sources[0].path, "feed.xml.gz");

  std::string jsonl = "{\"title\":\"أ\",\"body\":\"نص أول\"}\n{\"title\":\"ب\",\"body\":\"نص ثان\"}\n";
  std::string zip = Pack({{"a/feed.xml", kRss}, {"b.jsonl", jsonl}, {"c.txt.gz", Pack({{"", kText}}, false)}}, true);
  out = ExtractBytes("bundle.zip", zip, {});
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].status.ToString();
  ASSERT_EQ(out.articles.size(), 4u);
  EXPECT_EQ(out.articles[0].sources[0].path, "bundle.zip!a/feed.xml");
  EXPECT_EQ(out.articles[1].sources[0].path, "bundle.zip!b.jsonl");
  EXPECT_EQ(out.articles[1].sources[0].format, "jsonl");
  EXPECT_EQ(out.articles[2].sources[0].index, 1);
  EXPECT_EQ(out.articles[3].sources[0].path, "bundle.zip!c.txt.gz");
}

TEST(ExtractorTest, ZipBombIsAnErrorNotAnOutOfMemory) {
  std::string zeros(20u << 20, '\0');
  std::string bomb = Pack({{"zeros.json", zeros}}, true);
  ASSERT_LT(bomb.size(), 200u * 1024);
  ExtractOptions o;
  o.max_input_bytes = 1u << 20;
  ExtractOutput out = ExtractBytes("bomb.zip", bomb, o);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_TRUE(out.errors[0].status.IsResourceExhausted()) << out.errors[0].status.ToString();
  EXPECT_TRUE(out.articles.empty());
  std::string gz = Pack({{"", zeros}}, false);
  out = ExtractBytes("bomb.gz", gz, o);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_TRUE(out.errors[0].status.IsResourceExhausted()) << out.errors[0].status.ToString();
}

TEST(ExtractorTest, HostileInputs) {
  std::mt19937_64 rng(7);
  std::string junk(100u << 20, '\0');
  for (size_t i = 0; i + 8 <= junk.size(); i += 8) {
    uint64_t r = rng();
    std::memcpy(&junk[i], &r, 8);
  }
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<div>";
  nested += "<p>نص في العمق</p>";
  std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  for (int i = 1; i <= 9; ++i) {
    laughs += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) laughs += (i == 1 ? std::string("&a;") : "&a" + std::to_string(i - 1) + ";");
    laughs += "\">";
  }
  laughs += "]><rss><channel><title>t</title><item><title>&a9;</title><description>&a9;</description></item></channel></rss>";
  std::string invalid_utf8;
  for (int i = 0; i < 2000; ++i) invalid_utf8 += "\xC3\x28\xA0\xA1\xE2\x28\xA1\x80\x81";
  enum Want { kError, kArticles, kEither };
  struct Case {
    const char* name;
    std::string bytes;
    Want want;
  };
  const Case cases[] = {
      {"empty", "", kError},
      {"blank", " \n\t\r\n", kError},
      {"junk 100 MB", std::move(junk), kError},
      {"pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj", kError},
      {"invalid utf-8", invalid_utf8, kError},
      {"truncated json", "[{\"title\": \"أ\", \"body\": \"نص\"}, {\"title\": \"ب", kError},
      {"truncated feed", std::string(kRss).substr(0, 300), kError},
      {"truncated gzip", Pack({{"", kText}}, false).substr(0, 30), kError},
      {"xml that is no feed", "<?xml version=\"1.0\"?><catalog><book/></catalog>", kError},
      {"billion laughs", laughs, kError},
      {"plain text (control)", kText, kArticles},
      // A text cut inside its last character is still the text.
      {"text cut mid-character", std::string(kText).substr(0, std::string(kText).size() - 2), kArticles},
      // Either the text deep inside is read or the page is refused; never a crash.
      {"100k nested div", nested, kEither},
  };
  for (const auto& c : cases) {
    auto t0 = std::chrono::steady_clock::now();
    ExtractOutput out = ExtractBytes(c.name, c.bytes, {});
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(secs, 30.0) << c.name;
    if (c.want == kEither && !out.errors.empty()) {
      EXPECT_EQ(out.errors.size(), 1u) << c.name;
      EXPECT_EQ(out.errors[0].status.message().find('\n'), std::string::npos) << c.name;
    } else if (c.want == kError) {
      ASSERT_EQ(out.errors.size(), 1u) << c.name;
      EXPECT_EQ(out.errors[0].path, c.name);
      EXPECT_FALSE(out.errors[0].status.message().empty()) << c.name;
      EXPECT_EQ(out.errors[0].status.message().find('\n'), std::string::npos) << c.name;
    } else {
      for (const auto& e : out.errors) ADD_FAILURE() << c.name << ": " << e.status.ToString();
      if (c.want == kArticles) {
        EXPECT_EQ(out.articles.size(), 1u) << c.name;
      }
      for (const auto& a : out.articles) EXPECT_LT(a.title.size() + a.body.size(), 10000u) << c.name;
    }
  }
}

TEST(ExtractorTest, BadOptions) {
  ExtractOptions o;
  o.format = "pdf";
  auto out = ExtractBytes("x", kText, o);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_TRUE(out.errors[0].status.IsInvalidArgument());
  o = {};
  o.field_map["colour"] = "x";
  EXPECT_TRUE(ExtractBytes("x", kText, o).errors.at(0).status.IsInvalidArgument());
  o = {};
  o.reference_date = "yesterday-ish";
  EXPECT_TRUE(ExtractBytes("x", kText, o).errors.at(0).status.IsInvalidArgument());
}

TEST(ExtractorTest, FormatOverride) {
  // Forced to text, a JSON array is one text article, not records.
  ExtractOptions o;
  o.format = "text";
  auto out = ExtractBytes("x.json", "[{\"title\": \"أ\", \"body\": \"نص طويل بما يكفي ليكون مقالا\"}]", o);
  for (const auto& a : out.articles) EXPECT_EQ(a.sources[0].format, "text");
}

TEST(ExtractorTest, TextOpeningWithABracketIsText) {
  auto out = ExtractBytes("x.txt", "[فيديو] الجفاف يضرب قرى الوادي\n\n" + std::string(kText), {});
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].status.ToString();
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].sources[0].format, "text");
  // Broken JSON stays an error.
  out = ExtractBytes("x.json", "[{\"title\": \"أ\", ", {});
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_TRUE(out.errors[0].status.IsCorruption());
}

TEST(ExtractorTest, MissingFileAndDirectory) {
  auto out = ExtractFile("/nonexistent/file.txt", {});
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_TRUE(out.errors[0].status.IsNotFound());
  out = ExtractFile("/tmp", {});
  ASSERT_EQ(out.errors.size(), 1u);
}

}  // namespace
}  // namespace malaf
