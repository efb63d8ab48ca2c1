#include "dossier/dossier.h"

#include <gtest/gtest.h>

namespace malaf::dossier {
namespace {

Article Make(std::string id, std::string outlet, std::string title, std::string published, std::string body) {
  Article a;
  a.id = std::move(id);
  a.outlet = std::move(outlet);
  a.title = std::move(title);
  a.published = std::move(published);
  a.body = std::move(body);
  return a;
}

std::vector<Article> Sample() {
  return {Make("b", "الوطن", "كيري يتهم النظام", "2016-08-27T01:51", "اتهم وزير الخارجية.\n\nوقال كيري."),
          Make("a", "العربي الجديد", "بدء اجتماع كيري ولافروف", "2016-08-26", "انضم الموفد الأممي.")};
}

TEST(DossierTextTest, LayoutOfAHandMadeDossier) {
  ComposeOptions o;
  o.title = "اجتماع جنيف";
  o.date = "2016-08-27";
  o.preparer = "مركز الدراسات";
  std::string t = RenderText(Compose(Sample(), o));
  // Header, numbered contents in time order, sections with rule lines.
  EXPECT_EQ(t.rfind("اجتماع جنيف\n\n27/8/2016\nإعداد : مركز الدراسات\nعناوين الملف\n", 0), 0u) << t;
  size_t c1 = t.find("  1. العربي الجديد : بدء اجتماع كيري ولافروف\n");
  size_t c2 = t.find("  2. الوطن : كيري يتهم النظام\n");
  ASSERT_NE(c1, std::string::npos);
  ASSERT_NE(c2, std::string::npos);
  EXPECT_LT(c1, c2);
  EXPECT_NE(t.find("الوطن : كيري يتهم النظام\nالسبت 27 أغسطس 2016 - 01:51\nاتهم وزير الخارجية.\nوقال كيري.\n========================\n"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("الجمعة 26 أغسطس 2016\n"), std::string::npos);
}

TEST(DossierTextTest, RuleLinesInsideABodyCannotSplitTheDossier) {
  ComposeOptions o;
  o.title = "t";
  o.date = "2020-01-01";
  auto arts = Sample();
  arts[0].body = "فقرة\n========================\nفقرة ثانية";
  std::string t = RenderText(Compose(arts, o));
  size_t rules = 0;
  for (size_t p = t.find("====="); p != std::string::npos; p = t.find("=====", t.find('\n', p))) ++rules;
  EXPECT_EQ(rules, 2u);
}

TEST(DossierComposeTest, CollapseDuplicatesKeepsCanonicalInFull) {
  auto arts = Sample();
  arts.push_back(Make("c", "رؤيا نيوز", "كيري: النصرة ليست طرفا", "2016-08-27T02:00", "اتهم وزير الخارجية."));
  ComposeOptions o;
  o.title = "t";
  o.collapse_duplicates = true;
  o.duplicate_groups = {{"b", "c"}};
  Dossier d = Compose(arts, o);
  ASSERT_EQ(d.entries.size(), 2u);
  const Entry& b = d.entries[1];
  EXPECT_EQ(b.article.id, "b");
  ASSERT_EQ(b.also_published_by.size(), 1u);
  EXPECT_EQ(b.also_published_by[0].outlet, "رؤيا نيوز");
  EXPECT_NE(RenderText(d).find("نشر أيضاً في:\n- رؤيا نيوز : كيري: النصرة ليست طرفا\n"), std::string::npos);
}

TEST(DossierComposeTest, OrderByOutletAndRelevance) {
  ComposeOptions o;
  o.title = "t";
  o.order = Order::kRelevance;
  EXPECT_EQ(Compose(Sample(), o).entries[0].article.id, "b");
  o.order = Order::kOutlet;
  EXPECT_EQ(Compose(Sample(), o).entries[0].article.outlet, "العربي الجديد");
}

TEST(DossierHtmlTest, RightToLeftWithAnchorsAndPrintStyles) {
  ComposeOptions o;
  o.title = "اجتماع جنيف";
  o.date = "2016-08-27";
  std::string h = RenderHtml(Compose(Sample(), o));
  EXPECT_NE(h.find("<html dir=\"rtl\" lang=\"ar\">"), std::string::npos);
  EXPECT_NE(h.find("href=\"#a1\""), std::string::npos);
  EXPECT_NE(h.find("<article id=\"a2\">"), std::string::npos);
  EXPECT_NE(h.find("page-break-before: always"), std::string::npos);
  EXPECT_NE(h.find("counter(page)"), std::string::npos);
  EXPECT_NE(h.find("Noto Naskh Arabic"), std::string::npos);
}

struct HostileCase {
  const char* name;
  std::string text;
  const char* must_not_appear;
};

TEST(DossierHtmlTest, HostileArticleTextIsInert) {
  const HostileCase cases[] = {
      {"script", "<script>alert(1)</script>", "<script>"},
      {"textarea", "</textarea><img src=x onerror=alert(1)>", "<img"},
      {"attribute", "\" onmouseover=\"alert(1)", "\" onmouseover"},
      {"bidi override", "abc\u202Edcba\u2066x\u2069", "\u202E"},
      {"style", "</style><style>body{display:none}</style>", "</style><style>"},
  };
  for (const auto& c : cases) {
    auto arts = Sample();
    arts[0].title = c.text;
    arts[0].outlet = c.text;
    arts[0].body = c.text + "\n\n" + c.text;
    ComposeOptions o;
    o.title = c.text;
    Dossier d = Compose(arts, o);
    EXPECT_EQ(RenderHtml(d).find(c.must_not_appear), std::string::npos) << c.name;
    if (std::string_view(c.name) == "bidi override") {
      EXPECT_EQ(RenderText(d).find(c.must_not_appear), std::string::npos);
      EXPECT_EQ(RenderMarkdown(d).find(c.must_not_appear), std::string::npos);
    }
  }
}

TEST(DossierHtmlTest, MegabyteParagraphRendersWhole) {
  auto arts = Sample();
  arts[0].body = std::string(1 << 20, 'x');
  ComposeOptions o;
  o.title = "t";
  std::string h = RenderHtml(Compose(arts, o));
  EXPECT_GT(h.size(), size_t(1 << 20));
}

TEST(DossierMarkdownTest, EscapesMarkup) {
  auto arts = Sample();
  arts[0].title = "[link](javascript:alert(1))";
  ComposeOptions o;
  o.title = "t";
  std::string m = RenderMarkdown(Compose(arts, o));
  EXPECT_EQ(m.find("[link](javascript"), std::string::npos);
  EXPECT_NE(m.find("\\[link\\]\\(javascript"), std::string::npos);
}

TEST(DossierJsonTest, SameContentAsText) {
  ComposeOptions o;
  o.title = "اجتماع";
  o.date = "2016-08-27";
  auto j = RenderJson(Compose(Sample(), o));
  ASSERT_EQ(j["dossier"]["articles"].size(), 2u);
  EXPECT_EQ(j["dossier"]["contents"][0]["outlet"], "العربي الجديد");
  EXPECT_EQ(j["dossier"]["articles"][1]["title"], "كيري يتهم النظام");
  EXPECT_TRUE(j["dossier"]["articles"][1]["also_published_by"].is_array());
}

TEST(DossierDateTest, ArabicDateLine) {
  struct Case { const char* iso; const char* text; const char* want; };
  const Case cases[] = {
      {"2016-08-26", "", "الجمعة 26 أغسطس 2016"},
      {"2016-08-27T23:15+03:00", "", "السبت 27 أغسطس 2016 - 23:15"},
      {"2016-08", "", "أغسطس 2016"},
      {"2016", "", "2016"},
      {"", "منذ 10 ساعات", "منذ 10 ساعات"},
      {"2000-02-29", "", "الثلاثاء 29 فبراير 2000"},
  };
  for (const auto& c : cases) {
    Article a;
    a.published = c.iso;
    a.published_text = c.text;
    EXPECT_EQ(ArabicDateLine(a), c.want) << c.iso;
  }
}

}  // namespace
}  // namespace malaf::dossier
