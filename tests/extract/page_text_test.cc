// Text dumps of pages and the furniture table: table-driven cases, then the
// seed pages from the shared corpus (skipped when the corpus is absent).
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/page.h"
#include "extract/page_furniture.h"

namespace malaf {
namespace {

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

struct StripCase {
  const char* line;
  const char* expected;  // "" = the whole line is furniture
};

TEST(StripWidgetText, Table) {
  const StripCase cases[] = {
      {"0 تعليق 14 ارسل لصديق نسخة للطباعة", ""},
      {" الوطن  منذ 10 ساعات  0 تعليق  14  ارسل لصديق  نسخة للطباعة", "الوطن  منذ 10 ساعات"},
      {"عنوان الخبر في سوريا إنشر على الفيسبوك  إنشر على تويتر   ", "عنوان الخبر في سوريا"},
      {"انشر على الفيسبوك", ""},
      {"/مصدر: شينخوا/  15:00, August 27, 2016    اطبع", "/مصدر: شينخوا/  15:00, August 27, 2016"},
      {"Share on Facebook Share on Twitter Email", ""},
      {"Share", ""},
      // Single weak words inside or at the end of a sentence stay.
      {"ولم يصدر أي تعليق عن المبعوث الاممي على مسار المحادثات", "ولم يصدر أي تعليق عن المبعوث الاممي على مسار المحادثات"},
      {"He said he would not comment", "He said he would not comment"},
      {"They asked readers to share", "They asked readers to share"},
      {"وقال إن الخطة جاهزة للطباعة", "وقال إن الخطة جاهزة للطباعة"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(StripWidgetText(c.line), c.expected) << c.line;
  }
}

TEST(CleanFurnitureLines, DropsAndStripsKeepsBlankLines) {
  std::vector<std::string> in = {"الفقرة الأولى من الخبر.", "", "إنشر على الفيسبوك  إنشر على تويتر",
                                 " الوطن  منذ 13 ساعة  0 تعليق  22  ارسل لصديق  نسخة للطباعة",
                                 "الفقرة الثانية."};
  std::vector<std::string> want = {"الفقرة الأولى من الخبر.", "", "الوطن  منذ 13 ساعة", "الفقرة الثانية."};
  EXPECT_EQ(CleanFurnitureLines(in), want);
}

struct LineCase {
  const char* line;
  bool tail, see_also, date;
};

TEST(FurnitureLines, Table) {
  const LineCase cases[] = {
      {"التعليقات (2)", true, false, false},
      {"الأكثر قراءة", true, false, false},
      {"الاكثر قراءة", true, false, false},
      {"حول هذه القصة", true, false, false},
      {"المزيد من أزمات", true, false, false},
      {"💡 أهم المواضيع", true, false, false},
      {"Related stories", true, false, false},
      {"Comments (12)", true, false, false},
      {"اقرأ أيضا", false, true, false},
      {"اقرأ أيضاً: كيري يصل إلى جنيف", false, true, false},
      {"Read also: Kerry arrives in Geneva", false, true, false},
      {"Published On 24/3/2016", false, false, true},
      {"Published On\u00a024/3/2016", false, false, true},
      {"آخر تحديث : السبت 27 أغسطس 2016", false, false, true},
      // Sentences that merely mention the same words are not furniture.
      {"وقال إن التعليقات على الاتفاق كانت إيجابية في مجملها بحسب المصادر.", false, false, false},
      {"Related to the talks, Lavrov said the list arrived on Friday.", false, false, false},
      {"Published reports say the talks lasted 12 hours and ended late", false, false, false},
      {"كيري يتحدث عن اتفاق وشيك مع لافروف", false, false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsTailHeader(c.line), c.tail) << c.line;
    EXPECT_EQ(IsSeeAlsoHeader(c.line), c.see_also) << c.line;
    EXPECT_EQ(IsDateLabelLine(c.line), c.date) << c.line;
  }
}

TEST(FurnitureLines, PhotoCreditsAndNotices) {
  const std::pair<const char*, bool> credits[] = {
      {"الوزيران يتصافحان قبل مباحثاتهما (الأوروبية)", true},
      {"A reference habitation module for a crewed Mars mission. Credit: ESA", true},
      {"U.N. envoy arrives in Geneva. REUTERS/Martial Trezzini/Pool", true},
      {"صورة الوزيرين في جنيف. تصوير: أحمد علي", true},
      {"وقال الوزير إن الاتفاق قريب (بحسب رويترز) وإن التفاصيل لم تحسم بعد.", false},
      {"المصدر : الجزيرة + وكالات", false},
  };
  for (const auto& [line, want] : credits) EXPECT_EQ(HasPhotoCredit(line), want) << line;
  const std::pair<const char*, bool> notices[] = {
      {"جميع الحقوق محفوظة لموقع الخبر 2016", true},
      {"All rights reserved. No part may be reproduced.", true},
      {"وقال إن جميع الأطراف ملتزمة بالهدنة.", false},
      {"Copyright law experts said the ruling was narrow.", false},
  };
  for (const auto& [line, want] : notices) EXPECT_EQ(IsNoticeLine(line), want) << line;
}

struct TextPageCase {
  const char* name;
  const char* input;
  const char* title;
  std::vector<std::string> paragraphs;
  std::vector<std::string> dates;
};

TEST(ExtractTextPage, Table) {
  const TextPageCase cases[] = {
      {"repeated title dropped, sub-heading kept, comments and tail cut",
       "عنوان الخبر هنا\n\nعنوان الخبر هنا\nقال الوزير إن المحادثات كانت بناءة ومفيدة للطرفين، وإن الاتفاق قريب جدا.\n\n"
       "عنوان فرعي\n\nوأضاف أن الخبراء سيواصلون العمل الأسبوع المقبل في جنيف لوضع اللمسات الأخيرة على الاتفاق.\n\n"
       "التعليقات (1)\n\n    سامر\n\n    ·منذ 7 سنوات 8 أشهر\n    تعليق القارئ هنا\n\nالأكثر قراءة\n",
       "عنوان الخبر هنا",
       {"قال الوزير إن المحادثات كانت بناءة ومفيدة للطرفين، وإن الاتفاق قريب جدا.", "عنوان فرعي",
        "وأضاف أن الخبراء سيواصلون العمل الأسبوع المقبل في جنيف لوضع اللمسات الأخيرة على الاتفاق."},
       {}},
      {"English caption and its Arabic translation dropped, related blurbs cut",
       "عنوان آخر\n\nForeign ministers shake hands before their talks in Moscow, Russia, 24 March 2016.\n"
       "الوزيران يتصافحان قبل المباحثات (الأوروبية)\n\n"
       "بدأ الوزيران مباحثات بشأن الأزمة، وقال أحدهما إن مستوى العنف انخفض كثيرا بفضل الهدنة.\n\n"
       "المصدر : الجزيرة + وكالات\n\nحول هذه القصة\n\nخبر مرتبط طويل نسبيا يصف ما حدث أمس في المدينة، مع تفاصيل أخرى كثيرة.\n\n"
       "Published On 24/3/2016\n",
       "عنوان آخر",
       {"بدأ الوزيران مباحثات بشأن الأزمة، وقال أحدهما إن مستوى العنف انخفض كثيرا بفضل الهدنة.",
        "المصدر : الجزيرة + وكالات"},
       {}},
      {"date line near the title goes to date_texts; widget run stripped",
       "عنوان ثالث\n26 أغسطس 2016\nPublished On 24/3/2016\n"
       "انضم الموفد الأممي اليوم الجمعة إلى اجتماع يعقد بين الوزيرين في جنيف، وفق ما أعلن مكتبه. إنشر على الفيسبوك  إنشر على تويتر\n"
       "اقرأ أيضا\nعنوان خبر آخر بلا نقطة\nوتابع المتحدث أن الاجتماع سيكون له تأثير أكيد على المبادرات السياسية للأمم المتحدة.\n",
       "عنوان ثالث",
       {"انضم الموفد الأممي اليوم الجمعة إلى اجتماع يعقد بين الوزيرين في جنيف، وفق ما أعلن مكتبه.",
        "وتابع المتحدث أن الاجتماع سيكون له تأثير أكيد على المبادرات السياسية للأمم المتحدة."},
       {"26 أغسطس 2016", "Published On 24/3/2016"}},
  };
  for (const auto& c : cases) {
    auto page = ExtractTextPage(c.input);
    ASSERT_TRUE(page.ok()) << c.name << ": " << page.status().ToString();
    EXPECT_EQ(page->title, c.title) << c.name;
    EXPECT_EQ(Joined(page->paragraphs), Joined(c.paragraphs)) << c.name;
    EXPECT_EQ(Joined(page->date_texts), Joined(c.dates)) << c.name;
  }
}

TEST(ExtractTextPage, LimitsAndEmptyInput) {
  PageOptions small;
  small.max_bytes = 10;
  auto big = ExtractTextPage("عنوان طويل جدا جدا", small);
  ASSERT_FALSE(big.ok());
  EXPECT_TRUE(big.status().IsResourceExhausted());
  auto empty = ExtractTextPage("\n \n\t\n");
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(empty.status().IsCorruption());
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

bool Contains(const std::vector<std::string>& paragraphs, const std::string& needle) {
  for (const auto& p : paragraphs) if (p.find(needle) != std::string::npos) return true;
  return false;
}

struct SeedCase {
  const char* file;
  const char* title;
  size_t paragraphs;                 // exact count of kept paragraphs
  std::vector<std::string> keep;     // starts of paragraphs that must be kept
  std::vector<std::string> drop;     // furniture that must not survive anywhere
};

TEST(ExtractTextPage, SeedPagesKeepArticleLoseFurniture) {
  const std::string dir = std::string(MALAF_SHARED_CORPUS) + "/seeds/";
  if (!std::ifstream(dir + "page-geneva-2016-08.txt")) GTEST_SKIP() << "shared corpus not found at " << dir;
  const SeedCase cases[] = {
      {"page-geneva-2016-08.txt", "كيري يتحدث عن اتفاق وشيك مع لافروف لإبرام هدنة في سوريا", 17,
       {"كشف وزير الخارجية الأميركي", "دي ميستورا سيدفع إلى العودة للمفاوضات", "\" كيري\" وفي مؤتمر صحافي مشترك",
        "نظام الأسد يواصل استخدام الغازات السامة", "وأضاف أن مباحثاته مع نظيره الروسي", "وشدد كيري على أنه",
        "ورأى وزير الخارجية الأميركي", "الاتصالات مع واشنطن بشأن الملف السوري ستتكثف", "من جهته، قال وزير الخارجية الروسي",
        "وأكد لافروف أن موسكو وواشنطن", "وأضاف أن \"مسألة تصنيف", "وتابع لافروف \"إذا كنا قادرين",
        "الاتفاق على آلية لمحاسبة الأطراف", "وأشار لافروف إلى أنه", "وعن العملية التركية في سورية",
        "وأشار إلى أن الوضع في حلب", "يشار أن هذا اللقاء الثالث"},
       {"التعليقات", "Samer", "منذ 7 سنوات", "مش كافي كذب", "سوري حر", "النظام وحلفائه وحلفاء المعارضة",
        "الأكثر قراءة", "أهم المواضيع", "أهم التصنيفات"}},
      {"page-moscow-2016-03.txt", "كيري ولافروف يثنيان على \"نجاح\" تعاونهما بسوريا", 8,
       {"بدأ وزيرا الخارجية الأميركي", "وانطلقت اليوم الخميس في موسكو", "وأضاف أن الكثيرين استبعدوا",
        "من جهته قال لافروف", "وسيلتقي كيري أيضا الرئيس الروسي", "وقال مسؤول كبير بالخارجية",
        "ومن المقرر أن يختتم المبعوث", "المصدر : الجزيرة + وكالات"},
       {"Russian Foreign Minister", "الوزيران يتصافحان", "حول هذه القصة", "U.N. Special Envoy",
        "قال نشطاء ودبلوماسيون", "Published On", "A ground crew member", "أقرت روسيا للمرة الأولى",
        "Syrian chief negotiator", "أعلن وفد النظام السوري", "المزيد من", "الأكثر قراءة"}},
  };
  for (const auto& c : cases) {
    auto page = ExtractTextPage(ReadFile(dir + c.file));
    ASSERT_TRUE(page.ok()) << c.file << ": " << page.status().ToString();
    EXPECT_EQ(page->title, c.title) << c.file;
    EXPECT_EQ(page->paragraphs.size(), c.paragraphs) << c.file << "\n" << Joined(page->paragraphs);
    for (size_t i = 0; i < c.keep.size() && i < page->paragraphs.size(); ++i) {
      EXPECT_EQ(page->paragraphs[i].rfind(c.keep[i], 0), 0u)
          << c.file << " paragraph " << i << " should start with " << c.keep[i] << "\n got: " << page->paragraphs[i];
    }
    for (const auto& d : c.drop) EXPECT_FALSE(Contains(page->paragraphs, d)) << c.file << " kept furniture: " << d;
    // The repeated title is not a paragraph.
    EXPECT_FALSE(Contains(page->paragraphs, c.title)) << c.file;
  }
}

TEST(CleanFurnitureLines, SeedDossierFurnitureLines) {
  const std::string path = std::string(MALAF_SHARED_CORPUS) + "/seeds/dossier-geneva-2016-08.txt";
  std::ifstream f(path);
  if (!f) GTEST_SKIP() << "shared corpus not found at " << path;
  std::vector<std::string> lines;
  for (std::string line; std::getline(f, line);) lines.push_back(line);
  std::vector<std::string> clean = CleanFurnitureLines(lines);
  std::string all = Joined(clean);
  for (const char* gone : {"إنشر على الفيسبوك", "إنشر على تويتر", "ارسل لصديق", "نسخة للطباعة", "0 تعليق", "    اطبع"}) {
    EXPECT_EQ(all.find(gone), std::string::npos) << gone;
  }
  // Article text that only mentions the same words survives, and no
  // non-furniture line is lost.
  EXPECT_NE(all.find("ولم يصدر أي تعليق عن المبعوث"), std::string::npos);
  EXPECT_NE(all.find("منذ 10 ساعات\n"), std::string::npos);
  EXPECT_EQ(clean.size(), lines.size());
}

}  // namespace
}  // namespace malaf
