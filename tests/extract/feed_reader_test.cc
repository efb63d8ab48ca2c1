#include "extract/feed_reader.h"

#include <string>

#include <gtest/gtest.h>

namespace malaf {
namespace {

const char* kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>صحيفة النهار</title>
  <link>https://nahar.example/</link>
  <lastBuildDate>Tue, 11 Mar 2031 18:00:00 +0300</lastBuildDate>
  <item>
    <title>الجفاف يضرب قرى الوادي</title>
    <link>https://nahar.example/a/1</link>
    <pubDate>Tue, 11 Mar 2031 09:30:00 +0300</pubDate>
    <dc:creator>سلمى حداد</dc:creator>
    <description>ملخص قصير</description>
    <content:encoded><![CDATA[<p>الفقرة الأولى &amp; تتمة.</p><p>الفقرة <b>الثانية</b>.</p><script>x()</script>]]></content:encoded>
  </item>
  <item>
    <title>خبر بلا محتوى مفصل</title>
    <guid isPermaLink="true">https://nahar.example/a/2</guid>
    <author>desk@nahar.example (مكتب الأخبار)</author>
    <description>&lt;p&gt;نص الوصف&lt;br/&gt;سطر ثان&lt;/p&gt;</description>
  </item>
</channel>
</rss>)";

const char* kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">موقع الضفة</title>
  <link rel="alternate" href="https://daffa.example/"/>
  <link rel="self" href="https://daffa.example/feed.atom"/>
  <updated>2031-03-11T20:00:00Z</updated>
  <entry>
    <title type="html">الوزير: &lt;em&gt;خطة&lt;/em&gt; طوارئ</title>
    <link rel="edit" href="https://daffa.example/edit/7"/>
    <link rel="alternate" href="https://daffa.example/n/7"/>
    <published>2031-03-11T10:00:00+02:00</published>
    <updated>2031-03-11T12:00:00+02:00</updated>
    <author><name>رامي سالم</name></author>
    <summary>ملخص</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>أعلن الوزير خطة.</p><p>وأضاف تفاصيل.</p></div></content>
  </entry>
  <entry>
    <title>نص عادي</title>
    <link href="https://daffa.example/n/8"/>
    <updated>2031-03-11T13:00:00+02:00</updated>
    <content type="text">سطر أول
سطر ثان</content>
  </entry>
</feed>)";

TEST(FeedReaderTest, Rss) {
  auto f = ReadFeed(kRss);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->kind, "rss");
  EXPECT_EQ(f->title, "صحيفة النهار");
  EXPECT_EQ(f->link, "https://nahar.example/");
  EXPECT_EQ(f->date_text, "Tue, 11 Mar 2031 18:00:00 +0300");
  ASSERT_EQ(f->items.size(), 2u);
  const auto& a = f->items[0];
  EXPECT_EQ(a.title, "الجفاف يضرب قرى الوادي");
  EXPECT_EQ(a.link, "https://nahar.example/a/1");
  EXPECT_EQ(a.date_text, "Tue, 11 Mar 2031 09:30:00 +0300");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0], "سلمى حداد");
  EXPECT_NE(a.content.find("<p>الفقرة الأولى &amp; تتمة.</p>"), std::string::npos);  // content:encoded wins
  const auto& b = f->items[1];
  EXPECT_EQ(b.link, "https://nahar.example/a/2");  // from a permalink guid
  EXPECT_EQ(b.content, "<p>نص الوصف<br/>سطر ثان</p>");
  EXPECT_EQ(b.authors.size(), 1u);
}

TEST(FeedReaderTest, Atom) {
  auto f = ReadFeed(kAtom);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->kind, "atom");
  EXPECT_EQ(f->title, "موقع الضفة");
  EXPECT_EQ(f->link, "https://daffa.example/");
  EXPECT_EQ(f->date_text, "2031-03-11T20:00:00Z");
  ASSERT_EQ(f->items.size(), 2u);
  EXPECT_EQ(f->items[0].title, "الوزير: خطة طوارئ");
  EXPECT_EQ(f->items[0].link, "https://daffa.example/n/7");
  EXPECT_EQ(f->items[0].date_text, "2031-03-11T10:00:00+02:00");  // published before updated
  ASSERT_EQ(f->items[0].authors.size(), 1u);
  EXPECT_EQ(f->items[0].authors[0], "رامي سالم");
  EXPECT_TRUE(f->items[0].content_is_html);
  EXPECT_NE(f->items[0].content.find("أعلن الوزير خطة."), std::string::npos);
  EXPECT_EQ(f->items[1].link, "https://daffa.example/n/8");  // link without rel is alternate
  EXPECT_FALSE(f->items[1].content_is_html);
  EXPECT_EQ(f->items[1].content, "سطر أول\nسطر ثان");
}

TEST(FeedReaderTest, DeclaredEntitiesAreNotExpanded) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY big \"expanded\">\n]>\n"
      "<rss version=\"2.0\"><channel><title>t</title><item><title>a &big; b</title></item></channel></rss>";
  auto f = ReadFeed(xml);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->items.size(), 1u);
  EXPECT_EQ(f->items[0].title.find("expanded"), std::string::npos) << f->items[0].title;
}

TEST(FeedReaderTest, BillionLaughsIsRefused) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 2; i <= 9; ++i) {
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) xml += "&lol" + std::to_string(i - 1) + ";";
    xml += "\">\n";
  }
  xml += "]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>&lol9;</title>"
         "<description>&lol9;</description></item></channel></rss>";
  auto f = ReadFeed(xml);
  ASSERT_FALSE(f.ok());
  EXPECT_TRUE(f.status().IsResourceExhausted()) << f.status().ToString();
  EXPECT_NE(f.status().message().find("billion laughs"), std::string::npos);
}

TEST(FeedReaderTest, BadFeeds) {
  struct Case {
    const char* name;
    std::string xml;
    bool corruption;  // else unsupported
  };
  const Case cases[] = {
      {"truncated", std::string(kRss).substr(0, 400), true},
      {"not xml", "<rss><channel><item></rss>", true},
      {"other root", "<?xml version=\"1.0\"?><catalog/>", false},
  };
  for (const auto& c : cases) {
    auto f = ReadFeed(c.xml);
    ASSERT_FALSE(f.ok()) << c.name;
    EXPECT_EQ(f.status().IsCorruption(), c.corruption) << c.name << ": " << f.status().ToString();
  }
}

TEST(FeedReaderTest, LimitsAndDepth) {
  std::string many = "<rss><channel>";
  for (int i = 0; i < 50; ++i) many += "<item><title>x</title></item>";
  many += "</channel></rss>";
  FeedOptions o;
  o.max_items = 10;
  EXPECT_TRUE(ReadFeed(many, o).status().IsResourceExhausted());
  o.max_bytes = 100;
  EXPECT_TRUE(ReadFeed(many, o).status().IsResourceExhausted());
  // 100k nested elements inside an item: parsed without recursion.
  std::string deep = "<rss><channel><item><title>t</title><description>";
  for (int i = 0; i < 100000; ++i) deep += "<d>";
  deep += "x";
  for (int i = 0; i < 100000; ++i) deep += "</d>";
  deep += "</description></item></channel></rss>";
  auto f = ReadFeed(deep);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->items[0].content, "x");
}

TEST(HtmlFragmentToTextTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"<p>أ</p><p>ب</p>", "\nأ\n\nب\n"},
      {"سطر<br>سطر", "سطر\nسطر"},
      {"a &amp; b &lt;c&gt; &#1575; &#x627; &nbsp;", "a & b <c> ا ا \u00A0"},
      {"<script>alert('<p>')</script>نص", "نص"},
      {"<STYLE>p{}</STYLE>نص", "نص"},
      {"<!-- تعليق -->نص", "نص"},
      {"نص <b>غامق</b> و<a href='x'>رابط</a>", "نص غامق ورابط"},
      {"&unknown; & &", "&unknown; & &"},
      {"نص مقطوع <a href=", "نص مقطوع "},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(HtmlFragmentToText(in), want) << in;
}

}  // namespace
}  // namespace malaf
