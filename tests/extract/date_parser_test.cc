#include "extract/date_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace malaf {
namespace {

CivilTime Ref(std::string_view iso) {
  auto r = ParseReferenceTime(iso);
  EXPECT_TRUE(r.ok()) << iso;
  return r.ok() ? *r : CivilTime{};
}

struct FindCase {
  const char* text;
  const char* reference;  // "" = none
  const char* iso;        // expected ISO of Find(); "" = no date
  const char* span;       // expected matched text; nullptr = not checked
};

// Every date string of the seed dossier and pages (../shared/corpus/seeds),
// against the dossier's date 27/8/2016 (or the article's own day where the
// string is a time of that day), then general cases.
const FindCase kSeedCases[] = {
    {"26 أغسطس 2016", "2016-08-27", "2016-08-26", "26 أغسطس 2016"},
    {"السبت 27 آب 2016   آخر تحديث 06:39", "2016-08-27", "2016-08-27", "السبت 27 آب 2016"},
    {"27 أغسطس, 2016 - 11:38 صباحًا المصدر: الأخبار", "2016-08-27", "2016-08-27T11:38",
     "27 أغسطس, 2016 - 11:38 صباحًا"},
    {"كتب : أحمد عبدالناصر السبت، 27 أغسطس 2016 12:41 م", "2016-08-27", "2016-08-27T12:41",
     "السبت، 27 أغسطس 2016 12:41 م"},
    {"السبت 27 آب , 2016 10:53", "2016-08-27", "2016-08-27T10:53", "السبت 27 آب , 2016 10:53"},
    {"السبت 27 أغسطس 2016 10:27:00 صباحاً", "2016-08-27", "2016-08-27T10:27", nullptr},
    {"/مصدر: شينخوا/  15:00, August 27, 2016    اطبع", "2016-08-27", "2016-08-27T15:00",
     "15:00, August 27, 2016"},
    {"جنيف 26 أغسطس 2016 / قال وزير الخارجية الأمريكي جون كيري يوم الجمعة", "2016-08-27", "2016-08-26",
     "26 أغسطس 2016"},
    {"أخبار العالم هذا اليوم منذ 6 ساعات", "2016-08-27", "2016-08-27", "منذ 6 ساعات"},
    {"27AUGUST2016", "2016-08-27", "2016-08-27", "27AUGUST2016"},
    {" الوطن  منذ 10 ساعات  0 تعليق  14  ارسل لصديق  نسخة للطباعة", "2016-08-27", "2016-08-27", "منذ 10 ساعات"},
    {" الوطن  منذ 13 ساعة  0 تعليق  22  ارسل لصديق  نسخة للطباعة", "2016-08-27", "2016-08-27", "منذ 13 ساعة"},
    {"2016/08/27         01:51 ص", "2016-08-27", "2016-08-27T01:51", nullptr},
    {"   أخر تحديث : السبت 27 أغسطس 2016 - 1:05 صباحًا", "2016-08-27", "2016-08-27T01:05",
     "السبت 27 أغسطس 2016 - 1:05 صباحًا"},
    {"10 ساعات عصيبة حول سوريا بين «كيري ولافروف» | بواسطة : Wael Ahmad  | بتاريخ 27 أغسطس, 2016", "2016-08-27",
     "2016-08-27", "27 أغسطس, 2016"},
    {"القبس 15 ساعة", "2016-08-27", "2016-08-27", "15 ساعة"},
    {"28.08.2016", "", "2016-08-28", "28.08.2016"},
    {"27/8/2016", "", "2016-08-27", "27/8/2016"},
    {"Published On 24/3/2016", "", "2016-03-24", "24/3/2016"},
    {"Published On 23/3/2016", "", "2016-03-23", "23/3/2016"},
    {"أعلن وزير الخارجية الروسي، سيرغي لافروف، مساء الجمعة 26 أغسطس/آب، أن روسيا", "2016-08-27", "2016-08-26",
     "مساء الجمعة 26 أغسطس/آب"},
    {"قال سيرجي لافروف، مساء اليوم الجمعة، \"نود أن نرى", "2016-08-27", "2016-08-26", "مساء اليوم الجمعة"},
    {"قال وزير الخارجية الأمريكي، جون كيري، مساء اليوم الجمعة، إن المباحثات", "2016-08-26", "2016-08-26", nullptr},
    {"·منذ 7 سنوات 8 أشهر", "2024-04-27", "2016-08", "منذ 7 سنوات 8 أشهر"},
    {"prior to their talks in Moscow, Russia, 24 March 2016. John Kerry arrived", "", "2016-03-24", "24 March 2016"},
    {"in this handout photograph released by Russia's Defence Ministry, October 22, 2015.", "", "2015-10-22",
     "October 22, 2015"},
    {"in Geneva, Switzerland, March 23, 2016. REUTERS/Martial Trezzini/Pool", "", "2016-03-23", "March 23, 2016"},
    {"at the European headquarters of the United Nations in Geneva, Switzerland, 23 March 2016.", "", "2016-03-23",
     "23 March 2016"},
    {"وانطلقت اليوم الخميس في موسكو مباحثات بين كيري ولافروف", "2016-03-24", "2016-03-24", "اليوم الخميس"},
    {"وكان الموفد الدولي الخاص إلى سورية ستيفان دي ميستورا، قد صرّح أمس الخميس، بأن", "2016-08-26", "2016-08-25",
     "أمس الخميس"},
    {"قد جرى في موسكو يوم 16 يوليو.", "2016-08-27", "2016-07-16", "يوم 16 يوليو"},
    {"للأزمة المندلعة منذ مارس العام 2011.", "", "2011-03", "مارس العام 2011"},
    {"في جنيف أمس، والتي أتت في خضم تطورات ميدانية", "2016-08-27", "2016-08-26", "أمس"},
    {"مؤتمر صحفي مشترك مع لافروف عُقد الجمعة.", "2016-08-27", "2016-08-26", "الجمعة"},
    {"28.08.2016\nAdmin\n\n\nإعداد : مركز الشرق العربي\n27/8/2016", "", "2016-08-28", "28.08.2016"},
};

// General cases: the three month systems, variants, digits, numeric orders,
// clocks, zones, Hijri, relative forms.
const FindCase kGeneralCases[] = {
    {"الأحد 3 كانون الثاني 2016", "", "2016-01-03", "الأحد 3 كانون الثاني 2016"},
    {"15 تشرين الأول 2015", "", "2015-10-15", nullptr},
    {"الخميس 5 تشرين ثاني 2015", "", "2015-11-05", nullptr},
    {"1 كانون الأول 2016", "", "2016-12-01", nullptr},
    {"12 جانفي 2017", "", "2017-01-12", nullptr},
    {"3 فيفري 2017", "", "2017-02-03", nullptr},
    {"نشر في 9 أفريل 2017", "", "2017-04-09", nullptr},
    {"1 ماي 2017", "", "2017-05-01", nullptr},
    {"21 جوان 2017", "", "2017-06-21", nullptr},
    {"5 جويلية 2017", "", "2017-07-05", nullptr},
    {"15 أوت 2017", "", "2017-08-15", nullptr},
    {"الرباط في 20 غشت 2017", "", "2017-08-20", nullptr},
    {"3 شتنبر 2017", "", "2017-09-03", nullptr},
    {"30 نونبر 2017", "", "2017-11-30", nullptr},
    {"25 دجنبر 2017", "", "2017-12-25", nullptr},
    {"17 يوليوز 2017", "", "2017-07-17", nullptr},
    {"مايو/أيار 2016", "", "2016-05", "مايو/أيار 2016"},
    {"10 آب/أغسطس 2016", "", "2016-08-10", "10 آب/أغسطس 2016"},
    {"22 حزيران (يونيو) 2016", "", "2016-06-22", "22 حزيران (يونيو) 2016"},
    {"٢٧ أغسطس ٢٠١٦", "", "2016-08-27", nullptr},
    {"٢٠١٦/٠٨/٢٧", "", "2016-08-27", nullptr},
    {"۲۷/۸/۲۰۱۶", "", "2016-08-27", nullptr},
    {"12/25/2016", "", "2016-12-25", nullptr},
    {"3/4/2016", "", "2016-04-03", nullptr},
    {"2016-08-27", "", "2016-08-27", nullptr},
    {"2016-08-27T10:27:00+03:00", "", "2016-08-27T10:27+03:00", nullptr},
    {"2016-08-27T07:27:00.000Z", "", "2016-08-27T07:27+00:00", nullptr},
    {"2016-08-27 22:05:13", "", "2016-08-27T22:05", nullptr},
    {"Sat, 27 Aug 2016 10:27:00 +0300", "", "2016-08-27T10:27+03:00", nullptr},
    {"Saturday, August 27, 2016 3:05 PM", "", "2016-08-27T15:05", nullptr},
    {"August 2016", "", "2016-08", nullptr},
    {"الجمعة 26 أغسطس 2016 الساعة 10:30 مساءً بتوقيت مكة", "", "2016-08-26T22:30+03:00", nullptr},
    {"26 أغسطس 2016 - 09:15 بتوقيت دمشق", "", "2016-08-26T09:15+03:00", nullptr},
    {"26 يناير 2016 - 09:15 بتوقيت دمشق", "", "2016-01-26T09:15+02:00", nullptr},
    {"27 أغسطس 2016 13:00 GMT", "", "2016-08-27T13:00+00:00", nullptr},
    {"27 أغسطس 2016 13:00 غرينتش", "", "2016-08-27T13:00+00:00", nullptr},
    {"27 أغسطس 2016 1:00 ظهرا", "", "2016-08-27T13:00", nullptr},
    {"27 أغسطس 2016 5:10 فجرا", "", "2016-08-27T05:10", nullptr},
    {"27 أغسطس 2016 12:10 ص", "", "2016-08-27T00:10", nullptr},
    {"27 أغسطس 2016 4:10 PM", "", "2016-08-27T16:10", nullptr},
    {"الجمعة 23 ذو القعدة 1437 هـ", "", "2016-08-26", nullptr},  // Umm al-Qura: 23 Dhu al-Qa'dah 1437 = 26 Aug 2016
    {"24 ذي القعدة 1437هـ الموافق 27 أغسطس 2016م", "", "2016-08-27", nullptr},
    {"1 رمضان 1437 هـ", "", "2016-06-06", nullptr},
    {"1437/9/1 هـ", "", "2016-06-06", "1437/9/1 هـ"},
    {"اجتماع يعقد الساعة 10 صباحا بتوقيت مكة", "2016-08-27", "", nullptr},  // a bare time is not Find()'s
    {"الأحد 28 أغسطس 2016 الساعة 10 صباحا بتوقيت مكة", "", "2016-08-28T10:00+03:00", nullptr},
    {"27 أغسطس 2016 الساعة 9 مساء", "", "2016-08-27T21:00", nullptr},
    {"27 أغسطس 2016 14:00 GMT+3", "", "2016-08-27T14:00+03:00", nullptr},
    {"27 أغسطس 2016 14:00 بتوقيت غرينتش", "", "2016-08-27T14:00+00:00", nullptr},
    {"تم النشر في 27 أغسطس 2016 عند 20 ألف شخص", "", "2016-08-27", "27 أغسطس 2016"},
    {"منذ ساعتين", "2016-08-27T10:00", "2016-08-27T08:00", nullptr},
    {"منذ 45 دقيقة", "2016-08-27T10:00", "2016-08-27T09:15", nullptr},
    {"منذ يومين", "2016-08-27", "2016-08-25", nullptr},
    {"منذ 3 أيام", "2016-08-27", "2016-08-24", nullptr},
    {"قبل أسبوع", "2016-08-27", "2016-08-20", nullptr},
    {"منذ شهرين", "2016-08-27", "2016-06", nullptr},
    {"منذ سنة", "2016-08-27", "2015-08", nullptr},
    {"3 hours ago", "2016-08-27T10:00", "2016-08-27T07:00", nullptr},
    {"أول أمس", "2016-08-27", "2016-08-25", nullptr},
    {"أمس", "2016-08-27", "2016-08-26", nullptr},
    {"اليوم", "2016-08-27", "2016-08-27", nullptr},
    {"الجمعة الماضي", "2016-08-27", "2016-08-26", nullptr},
    {"الجمعة الماضية", "2016-08-26", "2016-08-19", nullptr},
    {"الثلاثاء المقبل", "2016-08-27", "2016-08-30", nullptr},
    {"يوم الأحد", "2016-08-27", "2016-08-21", nullptr},
    {"قال مسؤولون أمس (الجمعة) إن", "2016-08-27", "2016-08-26", "أمس (الجمعة)"},
    {"أعلن اليوم (السبت) أن", "2016-08-27", "2016-08-27", "اليوم (السبت)"},
    {"يوم الأحد الموافق 21 أغسطس", "2016-08-27", "2016-08-21", "يوم الأحد الموافق 21 أغسطس"},
    // Not dates.
    {"استمرت المحادثات نحو 12 ساعة في جنيف مع الوفد الروسي الذي وصل صباحا إلى المدينة", "2016-08-27", "", nullptr},
    {"صحيفة اليوم السابع المصرية", "2016-08-27", "", nullptr},
    {"في هذا اليوم التاريخي", "2016-08-27", "", nullptr},
    {"في الثالث من مارس 2020", "", "2020-03-03", "الثالث من مارس 2020"},
    {"الحادي والعشرين من أيلول 2019", "", "2019-09-21", nullptr},
    {"الأول من أيار", "2016-08-27", "2016-05-01", nullptr},
    {"قتل 290 الف شخص", "2016-08-27", "", nullptr},
    {"الإصدار 1.2.3 من البرنامج", "", "", nullptr},
    {"منذ خمس سنوات", "2016-08-27", "", nullptr},
    {"منذ أيام قليلة", "2016-08-27", "", nullptr},
    {"قبل ساعات من الاجتماع", "2016-08-27", "", nullptr},
    {"32 أغسطس 2016", "", "", nullptr},
    {"29 فبراير 2015", "", "", nullptr},
    {"26 أغسطس", "", "", nullptr},  // no year and no reference
};

void RunCases(const FindCase* cases, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const FindCase& c = cases[i];
    DateContext ctx;
    if (*c.reference) ctx.reference = Ref(c.reference);
    auto m = DateParser::Default().Find(c.text, ctx);
    if (!*c.iso) {
      EXPECT_FALSE(m.has_value()) << "text: " << c.text << "\n  found: " << (m ? m->iso + " from '" + m->text + "'" : "");
      continue;
    }
    ASSERT_TRUE(m.has_value()) << "no date in: " << c.text;
    EXPECT_EQ(m->iso, c.iso) << "text: " << c.text << "\n  matched: '" << m->text << "'";
    if (c.span) EXPECT_EQ(m->text, c.span) << "text: " << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(m->start, m->end - m->start), m->text);
  }
}

TEST(DateParserTest, EverySeedDateString) { RunCases(kSeedCases, std::size(kSeedCases)); }

TEST(DateParserTest, GeneralCases) { RunCases(kGeneralCases, std::size(kGeneralCases)); }

// A time of day with its GMT equivalent (the seed's AFP copy): found by
// FindAll as a time-only match on the reference day, with the offset the two
// clocks imply.
TEST(DateParserTest, TimeWithGmtNote) {
  DateContext ctx;
  ctx.reference = Ref("2016-08-26");
  auto all = DateParser::Default().FindAll("ووصل دي ميستورا قبيل الساعة 13,00 (11,00 ت غ) الى الفندق", ctx);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].kind, DateKind::kTimeOnly);
  EXPECT_EQ(all[0].iso, "2016-08-26T13:00+02:00");
  EXPECT_EQ(all[0].text, "الساعة 13,00 (11,00 ت غ)");
  // Find() does not take a bare time as the text's date.
  EXPECT_FALSE(DateParser::Default().Find("قبيل الساعة 13,00 (11,00 ت غ)", ctx));
}

TEST(DateParserTest, WeekdayIsCheckedAgainstTheDate) {
  auto ok = DateParser::Default().Find("السبت 27 أغسطس 2016");
  ASSERT_TRUE(ok);
  EXPECT_FALSE(ok->weekday_mismatch);
  auto bad = DateParser::Default().Find("الأحد 27 أغسطس 2016");
  ASSERT_TRUE(bad);
  EXPECT_TRUE(bad->weekday_mismatch);
  EXPECT_EQ(bad->iso, "2016-08-27");
}

TEST(DateParserTest, WeekdayPicksTheYearOfADateWithoutOne) {
  DateContext ctx;
  ctx.reference = Ref("2017-01-03");
  // 30 December fell on a Friday in 2016.
  auto m = DateParser::Default().Find("الجمعة 30 ديسمبر", ctx);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->iso, "2016-12-30");
}

TEST(DateParserTest, KindsAndFlags) {
  DateContext ctx;
  ctx.reference = Ref("2016-08-27");
  auto all = DateParser::Default().FindAll("قال أمس الخميس إن الاجتماع عقد منذ 12 ساعة في 16 يوليو", ctx);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].kind, DateKind::kDeictic);
  EXPECT_EQ(all[0].anchor_days, 1);
  EXPECT_EQ(all[1].kind, DateKind::kAgo);
  EXPECT_FALSE(all[1].standalone);
  EXPECT_EQ(all[2].kind, DateKind::kAbsolute);
  auto hijri = DateParser::Default().Find("5 رجب 1437هـ");
  ASSERT_TRUE(hijri);
  EXPECT_TRUE(hijri->hijri);
  EXPECT_EQ(hijri->iso, "2016-04-12");
}

TEST(DateParserTest, ParseReadsWholeStrings) {
  const DateParser& p = DateParser::Default();
  struct { const char* in; const char* iso; } cases[] = {
      {"2016-08-27T10:27:00+03:00", "2016-08-27T10:27+03:00"},
      {"Sat, 27 Aug 2016 07:27:00 GMT", "2016-08-27T07:27+00:00"},
      {"1472282820", "2016-08-27T07:27+00:00"},
      {"1472282820000", "2016-08-27T07:27+00:00"},
      {"27/8/16", "2016-08-27"},
      {"2015-07-21 02:51:32", "2015-07-21T02:51"},
      {"السبت 27 آب 2016", "2016-08-27"},
      {"20160827", "2016-08-27"},
      {"201608271027", "2016-08-27T10:27"},
      {"27-08-2016 10:27", "2016-08-27T10:27"},
      {"Sat Aug 27 2016 10:27:00 GMT+0300 (Arabian Standard Time)", "2016-08-27T10:27+03:00"},
      {"2016-08-27T10:27:00.123456+03:00", "2016-08-27T10:27+03:00"},
      {"  2016-08-27  ", "2016-08-27"},
  };
  for (const auto& c : cases) {
    auto m = p.Parse(c.in);
    ASSERT_TRUE(m) << c.in;
    EXPECT_EQ(m->iso, c.iso) << c.in;
  }
  EXPECT_FALSE(p.Parse("لا تاريخ هنا"));
  EXPECT_FALSE(p.Parse("20161327"));  // month 13
  EXPECT_FALSE(p.Parse(""));
}

TEST(DateParserTest, Options) {
  DateParserOptions month_first;
  month_first.day_first = false;
  auto us = DateParser::Create(month_first);
  ASSERT_TRUE(us.ok());
  EXPECT_EQ((*us)->Find("3/4/2016")->iso, "2016-03-04");
  EXPECT_EQ((*us)->Find("24/3/2016")->iso, "2016-03-24");  // unambiguous by value either way
  DateParserOptions civil;
  civil.hijri_calendar = "islamic-civil";
  auto tabular = DateParser::Create(civil);
  ASSERT_TRUE(tabular.ok());
  auto m = (*tabular)->Find("1 رمضان 1437 هـ");
  ASSERT_TRUE(m);
  // The tabular calendar may differ from Umm al-Qura by a day or two.
  EXPECT_EQ(m->iso.substr(0, 7), "2016-06");
  DateParserOptions narrow;
  narrow.min_year = 2000;
  auto recent = DateParser::Create(narrow);
  ASSERT_TRUE(recent.ok());
  EXPECT_FALSE((*recent)->Find("12 مارس 1995"));
}

// One parser, many threads: no shared mutable state.
TEST(DateParserTest, ConcurrentUse) {
  const DateParser& p = DateParser::Default();
  DateContext ctx;
  ctx.reference = Ref("2016-08-27");
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto m = p.Find("السبت 27 آب 2016 منذ 10 ساعات 5 رجب 1437هـ", ctx);
        if (m && m->iso == "2016-08-27") ++ok[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int v : ok) EXPECT_EQ(v, 200);
}

TEST(DateParserTest, ReferenceTimeIsValidated) {
  EXPECT_TRUE(ParseReferenceTime("2016-08-27").ok());
  EXPECT_TRUE(ParseReferenceTime("27/8/2016").ok());
  EXPECT_TRUE(ParseReferenceTime("2016-08-27T10:00:00+03:00").ok());
  EXPECT_TRUE(ParseReferenceTime("yesterday").status().IsInvalidArgument());
  EXPECT_TRUE(ParseReferenceTime("").status().IsInvalidArgument());
}

TEST(DateParserTest, IsoToPrecision) {
  CivilTime t;
  EXPECT_EQ(t.Iso(), "");
  t.year = 2016;
  t.precision = DatePrecision::kYear;
  EXPECT_EQ(t.Iso(), "2016");
  t.month = 8;
  t.precision = DatePrecision::kMonth;
  EXPECT_EQ(t.Iso(), "2016-08");
  t.day = 27;
  t.precision = DatePrecision::kDay;
  EXPECT_EQ(t.Iso(), "2016-08-27");
  EXPECT_EQ(t.Weekday(), 6);
  t.hour = 15;
  t.precision = DatePrecision::kMinute;
  EXPECT_EQ(t.Iso(), "2016-08-27T15:00");
  t.has_utc_offset = true;
  t.utc_offset_minutes = 480;
  EXPECT_EQ(t.Iso(), "2016-08-27T15:00+08:00");
  t.utc_offset_minutes = -330;
  EXPECT_EQ(t.Iso(), "2016-08-27T15:00-05:30");
}

TEST(DateParserTest, HostileInputIsSafe) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 131) % 256);
  junk += "\xd8";  // truncated sequence at the end
  auto all = DateParser::Default().FindAll(junk);
  (void)all;
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "27/8/2016 ";
  EXPECT_EQ(DateParser::Default().FindAll(many).size(), 2000u);
}

// Long texts are scanned in pieces cut at line ends: every date is still
// found once, with spans into the whole text.
TEST(DateParserTest, LongTextInPieces) {
  std::string text;
  size_t lines = 0;
  while (text.size() < 700 * 1024) {
    text += "قال المتحدث في بيان صدر السبت 27 أغسطس 2016 إن الاجتماع انتهى دون اتفاق على شيء\n";
    ++lines;
  }
  auto all = DateParser::Default().FindAll(text);
  ASSERT_EQ(all.size(), lines);
  for (const auto& m : all) {
    ASSERT_EQ(m.iso, "2016-08-27");
    ASSERT_EQ(text.substr(m.start, m.end - m.start), m.text);
  }
}

// The dossier split naively at its rule lines: every section that states a
// date (absolute, relative or a weekday) gets one, and relative ones resolve
// against the dossier's date, 27/8/2016.
TEST(DateParserTest, SeedDossierSectionsAreDated) {
  std::ifstream in(std::string(MALAF_SHARED_CORPUS) + "/seeds/dossier-geneva-2016-08.txt");
  if (!in) GTEST_SKIP() << "seed corpus not found at " << MALAF_SHARED_CORPUS;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  std::vector<std::string> sections;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t rule = all.find("\n=====", pos);
    std::string part = all.substr(pos, rule == std::string::npos ? std::string::npos : rule - pos);
    sections.push_back(part);
    if (rule == std::string::npos) break;
    size_t eol = all.find('\n', rule + 1);
    pos = eol == std::string::npos ? all.size() : eol + 1;
  }
  // The first part holds the dossier header and article 1; article 1 starts
  // after the last contents line ("  26. خبر :…").
  ASSERT_EQ(sections.size(), 26u);
  std::string header = sections[0];
  size_t contents = header.find("  26.");
  ASSERT_NE(contents, std::string::npos);
  size_t article1 = header.find('\n', header.find('\n', contents) + 1);
  sections[0] = header.substr(article1);
  header.resize(article1);
  sections.insert(sections.begin(), header);
  DateContext ctx;
  ctx.reference = Ref("2016-08-27");
  // Expected date per article section (1..26); "" = the section states none.
  const char* expected[] = {
      "2016-08-26",        // 1  26 أغسطس 2016
      "2016-08-26",        // 2  "عُقد الجمعة"
      "2016-08-26",        // 3  "الجمعة في جنيف"
      "2016-08-27",        // 4  السبت 27 آب 2016
      "2016-08-27T11:38",  // 5
      "2016-08-26",        // 6  مساء الجمعة 26 أغسطس/آب
      "2016-08-27T12:41",  // 7
      "2016-08-26",        // 8  "ولوحظ أمس": the day before the dossier
      "2016-08-27T10:53",  // 9
      "2016-08-27T10:27",  // 10
      "2016-08-27T15:00",  // 11
      "",                  // 12 no date
      "2016-08-26",        // 13 "الجمعة"
      "2016-08-27",        // 14 منذ 6 ساعات
      "2016-08-25",        // 15 "بعد ظهر الخميس" (and "حزيران الماضي")
      "2016-08-27",        // 16 27AUGUST2016
      "2016-08-27",        // 17 منذ 10 ساعات
      "2016-08-26",        // 18 مساء الجمعة
      "2016-08-27",        // 19 منذ 13 ساعة
      "",                  // 20 no date
      "2016-08-27T01:51",  // 21
      "2016-08-27T01:05",  // 22
      "2016-08-26",        // 23 مساء اليوم الجمعة
      "2016-08-27",        // 24 بتاريخ 27 أغسطس, 2016
      "2016-08-27",        // 25 القبس 15 ساعة
      "2016-08-26",        // 26 "الجمعة"
  };
  for (size_t s = 1; s <= 26; ++s) {
    const std::string& text = sections[s];
    // Skip the headline line (it may hold numbers such as "10 ساعات عصيبة").
    size_t nl = text.find('\n', 1);
    std::string body = nl == std::string::npos ? "" : text.substr(nl + 1);
    auto m = DateParser::Default().Find(body, ctx);
    std::string got = m ? m->iso : "";
    if (!m) {
      for (const auto& x : DateParser::Default().FindAll(body, ctx))
        if (x.kind == DateKind::kMonthRelative) { got = x.iso; break; }
    }
    EXPECT_EQ(got, expected[s - 1]) << "section " << s << (m ? " matched '" + m->text + "'" : "");
  }
  // The dossier header: 28.08.2016 on top, 27/8/2016 under the preparer.
  auto dates = DateParser::Default().FindAll(sections[0]);
  ASSERT_GE(dates.size(), 2u);
  EXPECT_EQ(dates[0].iso, "2016-08-28");
  EXPECT_EQ(dates[1].iso, "2016-08-27");
}

}  // namespace
}  // namespace malaf
