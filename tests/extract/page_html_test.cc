// HTML main-content extraction: table-driven pages (input -> kept and
// dropped text, metadata), the HTML tree on malformed markup, and hostile
// input (deep nesting, size limit, binary junk).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/page.h"
#include "extract/page_html_tree.h"

namespace malaf {
namespace {

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

// Article paragraphs of sentence length, so that the container is clear.
const char* kArabicArticle =
    "<p>قال وزير الخارجية الأميركي جون كيري إن المحادثات مع نظيره الروسي كانت بناءة، وإن الطرفين اقتربا من اتفاق.</p>"
    "<h2>الاتفاق على آلية للمحاسبة</h2>"
    "<p>وأضاف أن الخبراء سيواصلون عملهم في جنيف الأسبوع المقبل، لوضع اللمسات الأخيرة على التفاصيل الفنية.</p>"
    "<figure><img src=x.jpg><figcaption>Foreign ministers shake hands before their talks in Geneva, Switzerland.</figcaption></figure>"
    "<p>من جهته، قال لافروف إن موسكو وواشنطن اتفقتا على عدد من النقاط المهمة بشأن سوريا، لكن بعض النقاط ما زالت عالقة.</p>";

struct HtmlCase {
  const char* name;
  std::string html;
  std::vector<std::string> keep;   // substrings that must be in the paragraphs
  std::vector<std::string> drop;   // substrings that must not
};

TEST(ExtractHtmlPage, KeepsArticleDropsFurniture) {
  const std::string nav =
      "<nav><ul><li><a href=/>الرئيسية</a></li><li><a href=/a>سياسة</a></li><li><a href=/b>اقتصاد</a></li></ul></nav>";
  const std::string related =
      "<div class=related><h3>أخبار ذات صلة</h3><ul>"
      "<li><a href=/1>كيري يصل إلى جنيف للقاء لافروف بشأن الأزمة السورية المستمرة</a></li>"
      "<li><a href=/2>موسكو تعلن استعدادها للعمل مع واشنطن في مسألة التحقيق الأممي</a></li></ul></div>";
  const std::string comments =
      "<section id=comments><h3>التعليقات (2)</h3><div class=comment><span>Samer</span><span>منذ 7 سنوات</span>"
      "<p>مش كافي كذب، سوريا تمر بأوامر خارجية وأداة التنفيذ معروفة للجميع منذ سنوات طويلة.</p></div></section>";
  const std::string share = "<div class=share-tools><a href=#>Facebook</a> <a href=#>Twitter</a> <span>اطبع</span></div>";
  const HtmlCase cases[] = {
      {"article with nav, share widget, related list and comments",
       "<html lang=ar><head><title>كيري ولافروف | الموقع</title></head><body>" + nav +
           "<article><h1>كيري ولافروف يتفقان</h1>" + share + kArabicArticle + "</article>" + related + comments +
           "<footer><p>جميع الحقوق محفوظة للموقع، ولا يجوز النقل دون إذن مسبق من الإدارة.</p></footer></body></html>",
       {"قال وزير الخارجية الأميركي", "الاتفاق على آلية للمحاسبة", "وأضاف أن الخبراء", "من جهته، قال لافروف"},
       {"الرئيسية", "Facebook", "اطبع", "أخبار ذات صلة", "كيري يصل إلى جنيف", "التعليقات", "مش كافي", "Samer",
        "Foreign ministers", "جميع الحقوق", "كيري ولافروف يتفقان"}},
      {"Published On line and see-also block inside the article body",
       std::string("<body><div class=content><h1>عنوان</h1><p>Published On 24/3/2016</p>") + kArabicArticle +
           "<p>اقرأ أيضا</p><p><a href=/x>عنوان خبر آخر عن سوريا</a></p>"
           "<p>وختم المتحدث بأن الاجتماع المقبل سيعقد في موعد يحدد لاحقا، بعد مشاورات مع الأطراف المعنية.</p></div></body>",
       {"قال وزير الخارجية الأميركي", "وختم المتحدث"},
       {"Published On", "اقرأ أيضا", "عنوان خبر آخر"}},
      {"English article: list of links and newsletter box dropped, br paragraphs kept",
       "<body><div id=main><h1>Kerry and Lavrov meet</h1>"
       "<p>The two ministers met in Geneva on Friday for twelve hours, their third meeting in six weeks.</p>"
       "<div>They agreed on a number of points, officials said.<br><br>Experts will meet again next week to settle the "
       "remaining technical details of the deal.</div>"
       "<div class=newsletter><p>Sign up for our newsletter to get the latest news every morning, free.</p></div>"
       "<ul><li><a href=/a>Most read story one</a></li><li><a href=/b>Most read story two</a></li></ul>"
       "<p>Neither side would say when an agreement could be announced, but both described the talks as useful.</p></div></body>",
       {"The two ministers met", "They agreed on a number of points", "Experts will meet again", "Neither side would say"},
       {"Sign up", "Most read story"}},
      {"related section of plain paragraphs after the article: blurbs, captions, dates dropped",
       std::string("<body><div id=page><h1>عنوان</h1>") + kArabicArticle +
           "<p>المصدر : الجزيرة + وكالات</p><h2>حول هذه القصة</h2>"
           "<p>U.N. envoy arrives for talks at the United Nations in Geneva, Switzerland. REUTERS/Pool</p>"
           "<p>قال نشطاء ودبلوماسيون إن المبعوث الأممي يضع اللمسات النهائية على وثيقة لرؤى المشاركين لحل الأزمة.</p>"
           "<p>Published On 24/3/2016</p>"
           "<p>أقرت روسيا للمرة الأولى بوجود قوات خاصة في سوريا لمساعدة الطيران على شن الغارات والتدريب.</p>"
           "<p>Published On 23/3/2016</p><p>المزيد من أزمات</p></div></body>",
       {"قال وزير الخارجية الأميركي", "من جهته، قال لافروف", "المصدر : الجزيرة + وكالات"},
       {"حول هذه القصة", "U.N. envoy", "قال نشطاء", "Published On", "أقرت روسيا", "المزيد من"}},
      {"teaser cards (linked headline + blurb) after the article",
       std::string("<body><main><article><h1>Talks in Geneva</h1>"
                   "<p>The two ministers met in Geneva on Friday for twelve hours, their third meeting in six weeks.</p>"
                   "<p>Neither side would say when an agreement could be announced, but both called the talks useful.</p>"
                   "</article><ul>"
                   "<li><h3><a href=/1>Another story about the war in the north</a></h3>"
                   "<div>A blurb that reads like a sentence, with a comma, and that goes on for a while.</div></li>"
                   "<li><h3><a href=/2>A second story about talks elsewhere</a></h3>"
                   "<div>Another blurb that reads like a sentence, with a comma, and that also goes on.</div></li>"
                   "</ul></main></body>"),
       {"The two ministers met", "Neither side would say"},
       {"Another story", "A blurb", "Another blurb"}},
  };
  for (const auto& c : cases) {
    auto page = ExtractHtmlPage(c.html);
    ASSERT_TRUE(page.ok()) << c.name << ": " << page.status().ToString();
    std::string all = Joined(page->paragraphs);
    for (const auto& k : c.keep) EXPECT_NE(all.find(k), std::string::npos) << c.name << ": lost " << k << "\n" << all;
    for (const auto& d : c.drop) EXPECT_EQ(all.find(d), std::string::npos) << c.name << ": kept " << d << "\n" << all;
  }
}

TEST(ExtractHtmlPage, ShortPageWithoutContainer) {
  auto page = ExtractHtmlPage("<html><body><nav><a href=/>Home</a></nav><p>Hello world.</p></body></html>");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(Joined(page->paragraphs), "Hello world.\n");
}

TEST(ExtractHtmlPage, SubHeadingsAndOrderKept) {
  auto page = ExtractHtmlPage(std::string("<body><article>") + kArabicArticle + "</article></body>");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->paragraphs.size(), 4u) << Joined(page->paragraphs);
  EXPECT_EQ(page->paragraphs[1], "الاتفاق على آلية للمحاسبة");
  EXPECT_EQ(page->paragraphs[0].rfind("قال وزير", 0), 0u);
  EXPECT_EQ(page->paragraphs[3].rfind("من جهته", 0), 0u);
}

struct MetaCase {
  const char* name;
  std::string html;
  std::string title, site_name, url, lang;
  std::vector<std::string> dates, authors;
};

TEST(ExtractHtmlPage, Metadata) {
  const std::string body = std::string("<body><article>") + kArabicArticle + "</article></body>";
  const MetaCase cases[] = {
      {"og tags win", std::string("<html lang=ar><head><title>عنوان الصفحة - الجزيرة نت</title>"
                      "<meta property=\"og:title\" content=\"كيري يتحدث عن اتفاق وشيك\">"
                      "<meta property=og:site_name content=\"الجزيرة نت\">"
                      "<meta property=og:url content=\"https://example.net/a?utm=1\">"
                      "<link rel=canonical href=\"https://example.net/a\">"
                      "<meta property=\"article:published_time\" content=\"2016-08-26T23:15:00+03:00\">"
                      "<meta name=author content=\"أحمد عبدالناصر\"></head>") + body,
       "كيري يتحدث عن اتفاق وشيك", "الجزيرة نت", "https://example.net/a", "ar",
       {"2016-08-26T23:15:00+03:00"}, {"أحمد عبدالناصر"}},
      {"title minus site name; JSON-LD date and author; entities decoded",
       std::string("<head><title>Kerry &amp; Lavrov meet &#8211; talks go on | Example News</title>"
                   "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2016-08-27\","
                   "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}</script></head>") + body,
       "Kerry & Lavrov meet \u2013 talks go on", "Example News", "", "", {"2016-08-27"}, {"Jane Doe"}},
      {"h1 and <time datetime>",
       std::string("<head><title>Site</title></head><body><h1>كيري في جنيف</h1><time datetime=\"2016-08-26\">26 أغسطس</time>"
                   "<article>") + kArabicArticle + "</article></body>",
       "كيري في جنيف", "", "", "", {"2016-08-26"}, {}},
      {"byline markup when no meta author",
       std::string("<body><h1>كيري في جنيف اليوم</h1><div class=\"post-byline\">بقلم: أحمد علي</div><article>") +
           kArabicArticle + "</article></body>",
       "كيري في جنيف اليوم", "", "", "", {}, {"أحمد علي"}},
  };
  for (const auto& c : cases) {
    auto page = ExtractHtmlPage(c.html);
    ASSERT_TRUE(page.ok()) << c.name << ": " << page.status().ToString();
    EXPECT_EQ(page->title, c.title) << c.name;
    EXPECT_EQ(page->site_name, c.site_name) << c.name;
    EXPECT_EQ(page->url, c.url) << c.name;
    EXPECT_EQ(page->lang, c.lang) << c.name;
    ASSERT_GE(page->date_texts.size(), c.dates.size()) << c.name;
    for (size_t i = 0; i < c.dates.size(); ++i) EXPECT_EQ(page->date_texts[i], c.dates[i]) << c.name;
    EXPECT_EQ(Joined(page->authors), Joined(c.authors)) << c.name;
  }
}

struct EntityCase {
  const char* in;
  const char* out;
};

TEST(DecodeEntities, Table) {
  const EntityCase cases[] = {
      {"a &amp; b", "a & b"}, {"&lt;p&gt;", "<p>"}, {"&#1603;&#x64A;", "كي"}, {"&nbsp;", "\u00a0"},
      {"&copy 2016", "\u00a9 2016"}, {"&zzzz;", "&zzzz;"}, {"&notit;", "\u00acit;"}, {"&#0;", "\ufffd"},
      {"&#x110000;", "\ufffd"}, {"&#150;", "\u2013"}, {"AT&T", "AT&T"}, {"&", "&"}, {"&#", "&#"},
  };
  for (const auto& c : cases) {
    std::string out;
    html::DecodeEntities(c.in, false, &out);
    EXPECT_EQ(out, c.out) << c.in;
  }
}

TEST(ParseHtml, ImpliedEndTagsMakeSiblings) {
  // Unclosed <p> and <li> close at the next one, as browsers do.
  auto tree = html::ParseHtml("<body><p>one<p>two<ul><li>a<li>b</ul></body>");
  int p = 0, li = 0;
  for (const auto& n : tree.nodes) {
    if (n.tag == html::Tag::kP) {
      ++p;
      EXPECT_EQ(tree.nodes[n.parent].tag, html::Tag::kBody);
    }
    if (n.tag == html::Tag::kLi) {
      ++li;
      EXPECT_EQ(tree.nodes[n.parent].tag, html::Tag::kUl);
    }
  }
  EXPECT_EQ(p, 2);
  EXPECT_EQ(li, 2);
}

TEST(ExtractHtmlPage, HostileInput) {
  // 100k levels of nesting: bounded depth, no stack overflow.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>Deep text that is long enough to be a paragraph, with a comma, and a full stop.</p>";
  auto page = ExtractHtmlPage(deep);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_NE(Joined(page->paragraphs).find("Deep text"), std::string::npos);

  std::string spans;
  for (int i = 0; i < 100000; ++i) spans += "<span><a><b>";
  EXPECT_NO_FATAL_FAILURE((void)ExtractHtmlPage(spans));

  PageOptions small;
  small.max_bytes = 1000;
  auto big = ExtractHtmlPage(std::string(2000, 'x'), small);
  ASSERT_FALSE(big.ok());
  EXPECT_TRUE(big.status().IsResourceExhausted());

  // Binary junk (valid UTF-8 is the contract; junk here is ASCII noise and
  // unterminated markup).
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245 + 12345;
    junk.push_back(static_cast<char>("<>/=\"'!-&#;abp \n"[(x >> 16) % 16]));
  }
  (void)ExtractHtmlPage(junk);
  for (const char* s : {"<", "<!--", "<script>", "<p", "<a href=\"", "&#x", "</", "<title>x", "<svg><p>"}) {
    (void)ExtractHtmlPage(s);
  }
  auto empty = ExtractHtmlPage("");
  EXPECT_FALSE(empty.ok());
}

TEST(SniffHtmlCharset, Table) {
  const EntityCase cases[] = {
      {"<html><head><meta charset=\"windows-1256\">", "windows-1256"},
      {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-6\">", "iso-8859-6"},
      {"<meta charset=utf-8>", "utf-8"},
      {"<html><body>no charset</body></html>", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(SniffHtmlCharset(c.in), c.out) << c.in;
  std::string late = std::string(5000, ' ') + "<meta charset=utf-8>";
  EXPECT_EQ(SniffHtmlCharset(late), "");
}

}  // namespace
}  // namespace malaf
