#include "extract/dossier_reader.h"

#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "text/normalizer.h"

namespace malaf {
namespace {

std::string ReadCorpus(const std::string& name) {
  std::ifstream in(std::string(MALAF_SHARED_CORPUS) + "/" + name, std::ios::binary);
  if (!in) return "";
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct SplitCase {
  const char* line;
  bool expect_outlet;
  const char* outlet;
  const char* headline;
};

TEST(SplitOutletHeadlineTest, Table) {
  OutletPredicate known = [](std::string_view n) { return n == "بوابة الشمال" || n == "نبض"; };
  const SplitCase cases[] = {
      {"صحيفة النهار : عنوان الخبر", true, "صحيفة النهار", "عنوان الخبر"},
      {"صحيفة النهار :الوزير: لا اتفاق بعد", true, "صحيفة النهار", "الوزير: لا اتفاق بعد"},
      {"قناة الواحة 24 :\"الوزير\": لقاء مثمر", true, "قناة الواحة 24", "\"الوزير\": لقاء مثمر"},
      {"الضفة24 - لقاء الوزيرين ..بلا نتائج", true, "الضفة24", "لقاء الوزيرين ..بلا نتائج"},
      {"الضفة24 - لقاء الوزيرين", false, "", "الضفة24 - لقاء الوزيرين"},  // a dash alone is no proof in a head
      {"بوابة الشمال - لقاء الوزيرين", false, "بوابة الشمال", "لقاء الوزيرين"},
      {"نبض: الوزير يصل العاصمة", false, "نبض", "الوزير يصل العاصمة"},
      {"الوزير: نريد وقف القتال", false, "", "الوزير: نريد وقف القتال"},
      {"الوزير: نريد وقف القتال", true, "", "الوزير: نريد وقف القتال"},
      {"نبض الوزير يصل العاصمة", true, "نبض", "الوزير يصل العاصمة"},
      {"نبض الوزير يصل العاصمة", false, "", "نبض الوزير يصل العاصمة"},  // may be a headline's first word
      {"نبض | الوزير يصل العاصمة", false, "نبض", "الوزير يصل العاصمة"},
      {"مرصد \"الوزير\": نطالب بالفصل بين الجماعات", true, "مرصد", "\"الوزير\": نطالب بالفصل بين الجماعات"},
      {"مرصد \"الوزير\": نطالب بالفصل بين الجماعات", false, "", "مرصد \"الوزير\": نطالب بالفصل بين الجماعات"},
      {"\"الوزير\": نطالب بالفصل", true, "", "\"الوزير\": نطالب بالفصل"},
      {"لقاء وزيري الخارجية في العاصمة - بيان مشترك", true, "", "لقاء وزيري الخارجية في العاصمة - بيان مشترك"},
      {"عنوان بلا مصدر", true, "", "عنوان بلا مصدر"},
      {"قال المتحدث في بيان طويل، إن الجولة : انتهت", true, "", "قال المتحدث في بيان طويل، إن الجولة : انتهت"},
  };
  for (const auto& c : cases) {
    auto r = SplitOutletHeadline(c.line, c.expect_outlet, known);
    EXPECT_EQ(r.outlet, c.outlet) << c.line;
    EXPECT_EQ(r.headline, c.headline) << c.line;
  }
}

TEST(DossierReaderTest, RuleLines) {
  const std::pair<const char*, bool> cases[] = {
      {"========================", true}, {"----", true},     {"________", true}, {"***", true},
      {"* * *", true},                     {"───────", true},  {"==", false},     {"=-=-=-=-", false},
      {"== عنوان ==", false},              {"", false},        {"--", false},     {"~~~~~", true},
  };
  for (const auto& [line, want] : cases) EXPECT_EQ(IsRuleLine(line), want) << line;
}

TEST(DossierReaderTest, NumericDates) {
  const std::pair<const char*, const char*> cases[] = {
      {"27/8/2016", "2016-08-27"}, {"28.08.2016", "2016-08-28"}, {"2016-08-27", "2016-08-27"},
      {"2016/8/27", "2016-08-27"}, {"8/27/2016", "2016-08-27"},  {"27/8", ""},
      {"Admin", ""},               {"32/13/2016", ""},           {"27/8/2016 كتب", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(NumericDateToIso(in), want) << in;
}

TEST(DossierReaderTest, SimilarityIgnoresSpellingAndPunctuation) {
  EXPECT_DOUBLE_EQ(HeadlineSimilarity("لقاء الوزيرين في العاصمة", "لقاء الوزيرين في العاصمة"), 1.0);
  EXPECT_DOUBLE_EQ(HeadlineSimilarity("«لقاء» الوزيرين، في العاصمة", "لقاء الوزيرين في العاصمه"), 1.0);
  EXPECT_LT(HeadlineSimilarity("لقاء الوزيرين في العاصمة", "سقوط أمطار غزيرة على الساحل"), 0.2);
  EXPECT_EQ(HeadlineSimilarity("", "x"), 0);
}

// An invented dossier with the irregularities real ones have: the first
// section without a rule before it, sections in another order than the
// contents, a section missing from the contents, a contents line without an
// outlet, a headline-only section, a section whose head is missing (body
// only), mixed rule styles, and an outlet twice.
const char* kIrregular =
    "الرئيسية \\ ملفات \\ ملف الجفاف في الوادي\n"
    "\n"
    "ملف الجفاف في الوادي .. المزارعون ينتظرون\n"
    "12.03.2031\n"
    "محرر\n"
    "إعداد : وحدة الرصد\n"
    "11/3/2031\n"
    "عناوين الملف\n"
    " 1. صحيفة النهار : الجفاف يضرب قرى الوادي للعام الثالث\n"
    " 2. موقع الضفة :الوزير: خطة طوارئ لحفر الآبار\n"
    " 3. الضفة24 - المزارعون يغلقون الطريق احتجاجا\n"
    " 4. مرصد \"الخبير\": الجفاف دورة مناخية لا أزمة عابرة\n"
    " 5. صحيفة النهار : أسعار القمح ترتفع في أسواق المدينة\n"
    " 6. قناة السهل :بعثة دولية تزور السد القديم\n"
    "\n"
    "صحيفة النهار : الجفاف يضرب قرى الوادي للعام الثالث\n"
    "الوادي - صحيفة النهار\n"
    "تشهد قرى الوادي موسما ثالثا من الجفاف، وقال رئيس الجمعية إن الآبار جفت.\n"
    "========================\n"
    "الضفة24 - المزارعون يغلقون الطريق احتجاجا\n"
    "أغلق مئات المزارعين الطريق الرئيسي صباح اليوم احتجاجا على تأخر التعويضات.\n"
    "------------------------\n"
    "موقع الضفة :الوزير: خطة طوارئ لحفر الآبار\n"
    "أعلن وزير الزراعة خطة طوارئ لحفر عشرين بئرا جديدة.\n"
    "وأضاف أن التمويل سيصل الشهر المقبل.\n"
    "========================\n"
    "مرصد \"الخبير\": الجفاف دورة مناخية لا أزمة عابرة\n"
    "يرى خبير المناخ أن الجفاف الحالي جزء من دورة تتكرر كل عقدين.\n"
    "* * *\n"
    "صحيفة النهار : أسعار القمح ترتفع في أسواق المدينة\n"
    "========================\n"
    "وصلت بعثة دولية من خبراء المياه صباح الثلاثاء إلى السد القديم شمال الوادي في زيارة تستمر ثلاثة أيام لتقييم حالة السد ومخزونه.\n"
    "وقال رئيس البعثة إن التقرير سيرفع إلى الحكومة خلال شهر.\n"
    "========================\n"
    "نشرة المساء : تبرعات أهلية لشراء صهاريج المياه\n"
    "جمع أهالي القرى تبرعات لشراء خمسة صهاريج.\n"
    "========================\n";

TEST(DossierReaderTest, IrregularDossier) {
  auto d = ReadDossier(kIrregular);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->title, "ملف الجفاف في الوادي .. المزارعون ينتظرون");
  EXPECT_EQ(d->preparer, "وحدة الرصد");
  EXPECT_EQ(d->date_text, "11/3/2031");
  EXPECT_EQ(d->date, "2031-03-11");
  ASSERT_EQ(d->contents.size(), 6u);
  struct Want {
    int entry;
    const char* outlet;
    const char* headline;
    size_t lines;
  };
  const Want want[] = {
      {0, "صحيفة النهار", "الجفاف يضرب قرى الوادي للعام الثالث", 2},
      {2, "الضفة24", "المزارعون يغلقون الطريق احتجاجا", 1},  // out of contents order
      {1, "موقع الضفة", "الوزير: خطة طوارئ لحفر الآبار", 2},
      {3, "مرصد", "\"الخبير\": الجفاف دورة مناخية لا أزمة عابرة", 1},  // no separator in the contents
      {4, "صحيفة النهار", "أسعار القمح ترتفع في أسواق المدينة", 0},  // headline only
      {5, "قناة السهل", "بعثة دولية تزور السد القديم", 2},  // no head: body only, filled by position
      {-1, "نشرة المساء", "تبرعات أهلية لشراء صهاريج المياه", 1},  // not in the contents
  };
  ASSERT_EQ(d->sections.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    const auto& s = d->sections[i];
    EXPECT_EQ(s.entry, want[i].entry) << i;
    EXPECT_EQ(s.outlet, want[i].outlet) << i;
    EXPECT_EQ(s.headline, want[i].headline) << i;
    EXPECT_EQ(s.lines.size(), want[i].lines) << i;
  }
  EXPECT_TRUE(d->sections[5].head_is_body);
}

TEST(DossierReaderTest, WithoutContents) {
  auto d = ReadDossier(
      "ملف الأسبوع عن المياه\n2031-03-11\n"
      "=====\n"
      "صحيفة النهار : عنوان أول\nنص أول.\n"
      "=====\n"
      "موقع الضفة : عنوان ثان\nنص ثان.\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->title, "ملف الأسبوع عن المياه");
  EXPECT_EQ(d->date, "2031-03-11");
  ASSERT_EQ(d->sections.size(), 2u);
  EXPECT_EQ(d->sections[1].outlet, "موقع الضفة");
  EXPECT_EQ(d->sections[1].headline, "عنوان ثان");
}

TEST(DossierReaderTest, BulletedContents) {
  auto d = ReadDossier(
      "ملف الأسبوع عن المياه\n"
      "• صحيفة النهار : عنوان أول هنا\n"
      "• موقع الضفة : عنوان ثان هنا\n"
      "\n"
      "صحيفة النهار : عنوان أول هنا\nنص أول.\n"
      "=====\n"
      "نص ثان بلا رأس يبدأ مباشرة بالخبر الذي نشره الموقع عن اجتماع المزارعين في القرية صباح اليوم.\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->contents.size(), 2u);
  EXPECT_EQ(d->contents[1].number, 0);
  ASSERT_EQ(d->sections.size(), 2u);
  EXPECT_EQ(d->sections[1].entry, 1);
  EXPECT_EQ(d->sections[1].outlet, "موقع الضفة");
  EXPECT_EQ(d->sections[1].headline, "عنوان ثان هنا");
  EXPECT_TRUE(d->sections[1].head_is_body);
  // A bulleted list of plain points is no contents.
  auto plain = ReadDossier("ملف\n- نقطة أولى\n- نقطة ثانية\n=====\nصحيفة النهار : عنوان\nنص.\n");
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->contents.empty());
}

TEST(DossierReaderTest, NoSectionIsAnError) {
  EXPECT_FALSE(ReadDossier("").ok());
  EXPECT_FALSE(ReadDossier("=====\n=====\n").ok());
}

TEST(DossierReaderTest, LooksLikeDossier) {
  EXPECT_TRUE(LooksLikeDossier(kIrregular));
  EXPECT_FALSE(LooksLikeDossier("عنوان\n\nنص الخبر.\n----\nتعليقات القراء\n"));
}

TEST(DossierSeedTest, EverySectionMatchesItsContentsLine) {
  std::string text = ReadCorpus("seeds/dossier-geneva-2016-08.txt");
  if (text.empty()) GTEST_SKIP() << "corpus absent: " << MALAF_SHARED_CORPUS << "/seeds";
  EXPECT_TRUE(LooksLikeDossier(text));
  auto d = ReadDossier(text);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->date, "2016-08-27");
  EXPECT_FALSE(d->title.empty());
  EXPECT_FALSE(d->preparer.empty());
  ASSERT_EQ(d->contents.size(), 26u);
  ASSERT_EQ(d->sections.size(), 26u);
  std::set<int> entries;
  for (size_t i = 0; i < d->sections.size(); ++i) {
    const auto& s = d->sections[i];
    const auto& e = d->contents[static_cast<size_t>(std::max(s.entry, 0))];
    ASSERT_GE(s.entry, 0) << "section " << i << " unmatched: " << s.head;
    entries.insert(s.entry);
    EXPECT_FALSE(s.outlet.empty()) << "section " << i << ": " << s.head;
    EXPECT_EQ(s.outlet, e.outlet) << i;
    EXPECT_EQ(s.headline, e.headline) << i;
    // The contents line is "outlet SEP headline": both parts appear in it.
    EXPECT_EQ(e.line.find(s.outlet), 0u) << i;
    EXPECT_NE(e.line.find(s.headline), std::string::npos) << i;
    EXPECT_GT(s.lines.size(), 0u) << i;
  }
  EXPECT_EQ(entries.size(), 26u);  // every entry used once
}

}  // namespace
}  // namespace malaf
