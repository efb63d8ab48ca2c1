#include "extract/metadata.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/data_files.h"
#include "extract/outlets.h"
#include "extract/places.h"

namespace malaf {
namespace {

struct MetaCase {
  const char* name;
  const char* title;
  const char* body;
  const char* outlet_hint;
  const char* date_text;  // a candidate from markup, "" = none
  // expected
  const char* outlet;
  const char* published;
  const char* published_text;
  const char* dateline;
  const char* city;
  const char* agencies;  // joined by '|'
  const char* authors;   // joined by '|'
  const char* body_starts;  // expected start of the edited body
};

// Invented articles in the shapes Arabic sites print (reference 2016-08-27).
const MetaCase kCases[] = {
    {"dateline own line then date line", "اجتماع في جنيف",
     "جنيف ــ العربي الجديد\n26 أغسطس 2016\nانضم المبعوث اليوم الجمعة إلى الاجتماع.\n\nفقرة ثانية.", "العربي الجديد", "",
     "العربي الجديد", "2016-08-26", "26 أغسطس 2016", "جنيف ــ العربي الجديد", "جنيف", "", "", "انضم المبعوث"},
    {"dateline line with a plain dash (tatweel already folded)", "اجتماع في جنيف",
     "جنيف - العربي الجديد\n\n26 أغسطس 2016\n\nانضم المبعوث اليوم الجمعة إلى الاجتماع.", "العربي الجديد", "",
     "العربي الجديد", "2016-08-26", "26 أغسطس 2016", "جنيف - العربي الجديد", "جنيف", "", "", "انضم المبعوث"},
    {"city and agencies", "عنوان",
     "موسكو - أ ف ب، يو بي آي، رويترز: أعلن الكرملين اليوم أن الرئيس سيزور المنطقة.", "", "",
     "", "2016-08-27", "اليوم", "موسكو - أ ف ب، يو بي آي، رويترز", "موسكو",
     "فرانس برس|يونايتد برس إنترناشونال|رويترز", "", "أعلن الكرملين"},
    {"CNN dateline", "عنوان",
     "دبي، الإمارات العربية المتحدة (CNN)-- قال الوزير، إن الاجتماع عقد الجمعة.", "سي ان ان", "",
     "سي إن إن بالعربية", "2016-08-26", "الجمعة", "دبي، الإمارات العربية المتحدة (CNN)", "دبي", "سي إن إن", "",
     "قال الوزير"},
    {"city and date dateline, source line with agency", "عنوان",
     "/مصدر: شينخوا/  15:00, August 27, 2016    اطبع\nجنيف 26 أغسطس 2016 / قال الوزير يوم الجمعة إن المحادثات تقدمت.",
     "", "", "", "2016-08-27T15:00", "15:00, August 27, 2016", "جنيف 26 أغسطس 2016", "جنيف", "شينخوا", "",
     "قال الوزير"},
    {"agency in parentheses", "عنوان", "(أ ف ب) - انضم المبعوث الجمعة الى الاجتماع.", "", "",
     "", "2016-08-26", "الجمعة", "(أ ف ب)", "", "فرانس برس", "", "انضم المبعوث"},
    {"outlet and generic agencies", "عنوان", "شاشة نيوز- وكالات-  بعد ساعات من المحادثات جاءت النتائج.", "", "",
     "شاشة نيوز", "", "", "شاشة نيوز- وكالات", "", "", "", "بعد ساعات"},
    {"author and date line", "عنوان",
     "كتب : أحمد عبدالناصر السبت، 27 أغسطس 2016 12:41 م\nقال المحلل إن الاجتماع لن يغير شيئا.", "المدينة", "",
     "المدينة", "2016-08-27T12:41", "السبت، 27 أغسطس 2016 12:41 م", "", "", "", "أحمد عبدالناصر", "قال المحلل"},
    {"author line alone", "عنوان", "كتب عامر مصطفى\nقال الوزير إن الأزمة طويلة.", "اليوم 7", "",
     "اليوم السابع", "", "", "", "", "", "عامر مصطفى", "قال الوزير"},
    {"title, author and date on one line", "ساعات عصيبة في جنيف",
     "ساعات عصيبة في جنيف | بواسطة : Wael Ahmad  | بتاريخ 27 أغسطس, 2016\nأفاد مصدر لوكالة نوفوستي بأن المباحثات طالت.",
     "vetogate.com", "", "فيتو", "2016-08-27", "27 أغسطس, 2016", "", "", "نوفوستي", "Wael Ahmad", "أفاد مصدر"},
    {"relative date with furniture", "عنوان",
     " الوطن  منذ 10 ساعات  0 تعليق  14  ارسل لصديق  نسخة للطباعة\nقال الوزير مساء اليوم الجمعة إن المباحثات بناءة.",
     "اخبار ليبيا", "", "أخبار ليبيا", "2016-08-27", "منذ 10 ساعات", "", "", "", "", "قال الوزير"},
    {"outlet and bare hours", "عنوان", "القبس 15 ساعة\nاعتبر الوزير أنه ليس هناك حل عسكري.", "القبس", "",
     "القبس", "2016-08-27", "15 ساعة", "", "", "", "", "اعتبر الوزير"},
    {"trailing source line", "عنوان", "توصل الوزيران إلى اتفاق.\nوأضاف المصدر أن الجولة المقبلة قريبة.\nالمصدر - المال",
     "المال", "", "المال", "", "", "", "", "", "", "توصل الوزيران"},
    {"source line names an outlet and agencies", "عنوان",
     "بدأ الوزيران مباحثاتهما اليوم الخميس في موسكو.\n\nالمصدر : الجزيرة + وكالات", "", "",
     "الجزيرة", "2016-08-25", "اليوم الخميس", "", "", "", "", "بدأ الوزيران"},
    {"markup date wins", "عنوان", "السبت 27 آب 2016\nلفتت الصحيفة إلى أن الاجتماع مهم.", "النشرة",
     "2016-08-26T23:15:00+03:00", "النشرة", "2016-08-26T23:15+03:00", "2016-08-26T23:15:00+03:00", "", "", "", "",
     "لفتت الصحيفة"},
    {"saudi dateline with reporter", "عنوان",
     "فهد كاملي- سبق- جزيرة فرسان: قال حراس الأمن إنهم ينتظرون رواتبهم منذ شهرين.", "sabq", "",
     "سبق", "", "", "فهد كاملي- سبق- جزيرة فرسان", "جزيرة فرسان", "", "فهد كاملي", "قال حراس"},
    {"agency dateline", "عنوان", "واس- الرياض: بدأت المديرية العامة للجوازات اليوم الاثنين العمل.", "", "",
     "", "2016-08-22", "اليوم الاثنين", "واس- الرياض", "الرياض", "واس", "", "بدأت المديرية"},
    {"outlet in guillemets", "عنوان", "بيروت - «الحياة» - قال مسؤول إن الحكومة ستجتمع.", "", "", "الحياة", "", "",
     "بيروت - «الحياة»", "بيروت", "", "", "قال مسؤول"},
    {"city and reporter", "عنوان", "القاهرة - محمد علي: قال مسؤول إن الحكومة ستجتمع.", "", "", "", "", "",
     "القاهرة - محمد علي", "القاهرة", "", "محمد علي", "قال مسؤول"},
    {"place qualifier in parentheses", "عنوان", "نيويورك (الأمم المتحدة) - رويترز: قال مسؤول إن المجلس سيجتمع.", "",
     "", "", "", "", "نيويورك (الأمم المتحدة) - رويترز", "نيويورك", "رويترز", "", "قال مسؤول"},
    {"tight dash after a known city", "عنوان", "دمشق-سانا\nقال مسؤول إن الحكومة ستجتمع.", "", "", "", "", "",
     "دمشق-سانا", "دمشق", "سانا", "", "قال مسؤول"},
    {"a dash inside the sentence is no dateline", "عنوان", "قال مسؤول في جنيف - وهو دبلوماسي - إن الحكومة ستجتمع.",
     "", "", "", "", "", "", "", "", "", "قال مسؤول في جنيف"},
    {"a colon after a subject is no dateline", "عنوان", "الرئيس: لن نتراجع عن القرار.", "", "", "", "", "", "", "",
     "", "", "الرئيس: لن"},
    {"yesterday with weekday dates the day after", "عنوان",
     "وقال المتحدث أمس الخميس إن الوفد سيصل.", "", "", "", "2016-08-26", "أمس الخميس", "", "", "", "", "وقال المتحدث"},
    {"no date, no dateline", "عنوان", "قال وزير الخارجية إنه يتعين استئناف العملية السياسية.", "كوردستان 24", "",
     "كردستان 24", "", "", "", "", "", "", "قال وزير"},
    {"verb كتب inside text is not an author", "عنوان", "قال الوزير إنه كتب رسالة إلى نظيره.", "", "",
     "", "", "", "", "", "", "", "قال الوزير"},
    {"agency words without credit stay out", "عنوان",
     "قال إن سانا الصغيرة لعبت في الحديقة وإن قنا الري ممتلئة.", "", "", "", "", "", "", "", "", "", "قال إن"},
};

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "|" : "") + v[i];
  return s;
}

TEST(MetadataTest, TableOfArticleShapes) {
  MetadataOptions o;
  o.reference = *ParseReferenceTime("2016-08-27");
  for (const MetaCase& c : kCases) {
    Article a;
    a.title = c.title;
    a.body = c.body;
    MetadataOptions opt = o;
    opt.outlet_hint = c.outlet_hint;
    if (*c.date_text) opt.date_texts = {c.date_text};
    FillMetadata(&a, opt);
    SCOPED_TRACE(c.name);
    EXPECT_EQ(a.outlet, c.outlet);
    EXPECT_EQ(a.published, c.published);
    EXPECT_EQ(a.published_text, c.published_text);
    EXPECT_EQ(a.dateline, c.dateline);
    EXPECT_EQ(a.dateline_city, c.city);
    EXPECT_EQ(Join(a.agencies), c.agencies);
    EXPECT_EQ(Join(a.authors), c.authors);
    EXPECT_EQ(a.body.substr(0, std::string(c.body_starts).size()), c.body_starts) << "body: " << a.body;
  }
}

TEST(MetadataTest, FieldsSetByTheCallerAreKept) {
  Article a;
  a.body = "كتب عامر مصطفى\nقال الوزير إن الأزمة طويلة.";
  a.authors = {"محرر الموقع"};
  a.published = "2016-08-20";
  a.outlet = "youm7.com";
  FillMetadata(&a, {});
  EXPECT_EQ(a.published, "2016-08-20");
  EXPECT_EQ(Join(a.authors), "محرر الموقع|عامر مصطفى");
  EXPECT_EQ(a.outlet, "اليوم السابع");  // canonicalized through the registry
}

// Author fields from exports often hold a dateline or a credit, not a person.
TEST(MetadataTest, AuthorFieldsThatAreDatelines) {
  struct Case {
    const char* author;
    const char* authors;   // expected, joined by '|'
    const char* dateline;
    const char* city;
  } cases[] = {
      {"لندن: «الشرق الأوسط»", "", "لندن: «الشرق الأوسط»", "لندن"},
      {"الرياض - الوئام :", "", "الرياض - الوئام", "الرياض"},
      {"الوئام - رويترز:", "", "الوئام - رويترز", ""},
      {"لندن: رنيم حنوش", "رنيم حنوش", "لندن", "لندن"},
      {"«الاقتصادية» من الرياض", "", "«الاقتصادية» من الرياض", "الرياض"},
      {"الرياضي", "", "", ""},
      {"عامر مصطفى", "عامر مصطفى", "", ""},
      {"«الشرق الأوسط أونلاين»", "", "", ""},
      {"وكالات", "", "", ""},
      {"&nbsp;أحمد الشميري (صنعاء)", "أحمد الشميري", "أحمد الشميري (صنعاء)", "صنعاء"},
      {"&nbsp;عكاظ (جدة)", "", "عكاظ (جدة)", "جدة"},
  };
  for (const auto& c : cases) {
    Article a;
    a.body = "قال المسؤول إن الاجتماع انتهى.";
    a.authors = {c.author};
    FillMetadata(&a, {});
    EXPECT_EQ(Join(a.authors), c.authors) << c.author;
    EXPECT_EQ(a.dateline, c.dateline) << c.author;
    EXPECT_EQ(a.dateline_city, c.city) << c.author;
    EXPECT_EQ(a.body, "قال المسؤول إن الاجتماع انتهى.");
  }
  Article w;
  w.body = "قال المسؤول.";
  w.authors = {"الوئام - رويترز:"};
  FillMetadata(&w, {});
  EXPECT_EQ(Join(w.agencies), "رويترز");
}

TEST(MetadataTest, UnknownOutletKeyResolvedByUrl) {
  Article a;
  a.outlet = "alwatan";
  a.url = "http://www.alwatan.com.sa/Local/News_Detail.aspx?ArticleID=1";
  a.body = "قال المسؤول.";
  FillMetadata(&a, {});
  EXPECT_EQ(a.outlet, "الوطن السعودية");
}

TEST(MetadataTest, RelativeDatesNeedAReference) {
  Article a;
  a.body = "القبس 15 ساعة\nاعتبر الوزير أنه ليس هناك حل عسكري.";
  FillMetadata(&a, {});
  EXPECT_EQ(a.published, "");
}

TEST(MetadataTest, EditBodyOff) {
  Article a;
  a.body = "كتب عامر مصطفى\nقال الوزير إن الأزمة طويلة.";
  MetadataOptions o;
  o.edit_body = false;
  FillMetadata(&a, o);
  EXPECT_EQ(a.body, "كتب عامر مصطفى\nقال الوزير إن الأزمة طويلة.");
  EXPECT_EQ(Join(a.authors), "عامر مصطفى");
}

// A huge one-line body (no line breaks at all) is read in bounded pieces.
TEST(MetadataTest, HugeBodyIsBounded) {
  Article a;
  a.body = "موسكو - رويترز: ";
  while (a.body.size() < 1u << 20) a.body += "وقالت وكالة فرانس برس إن المحادثات استمرت طويلا ";
  FillMetadata(&a, {});
  EXPECT_EQ(a.dateline_city, "موسكو");
  EXPECT_EQ(Join(a.agencies), "رويترز|فرانس برس");
}

TEST(AgenciesTest, CanonicalNames) {
  struct { const char* in; const char* out; } cases[] = {
      {"أ ف ب", "فرانس برس"}, {"ا ف ب", "فرانس برس"}, {"أ.ف.ب", "فرانس برس"}, {"AFP", "فرانس برس"},
      {"فرانس برس", "فرانس برس"}, {"Reuters", "رويترز"}, {"رويترز", "رويترز"}, {"أسوشيتد برس", "أسوشيتد برس"},
      {"يو بي آي", "يونايتد برس إنترناشونال"}, {"شينخوا", "شينخوا"}, {"سبوتنيك", "سبوتنيك"},
      {"نوفوستي", "نوفوستي"}, {"إيتار-تاس", "تاس"}, {"تاس", "تاس"}, {"إنترفاكس", "إنترفاكس"}, {"سانا", "سانا"},
      {"الأناضول", "الأناضول"}, {"كونا", "كونا"}, {"وام", "وام"}, {"واس", "واس"}, {"أ ش أ", "أ ش أ"},
      {"قنا", "قنا"}, {"بترا", "بترا"}, {"CNN", "سي إن إن"}, {"BBC", "بي بي سي"}, {"د ب أ", "د ب أ"},
      {"وكالة رويترز", "رويترز"}, {"وكالة الأنباء الألمانية", "د ب أ"}, {"صحيفة", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(CanonicalAgency(c.in), c.out) << c.in;
}

TEST(AgenciesTest, FoundWhereCredited) {
  struct { const char* text; const char* agencies; } cases[] = {
      {"وقال المتحدث لوكالة فرانس برس إن الوفد وصل.", "فرانس برس"},
      {"ذكرت وكالة رويترز وأسوشيتد برس أن الاجتماع انتهى.", "رويترز|أسوشيتد برس"},
      {"نقلت وكالة سانا عن مصدر عسكري.", "سانا"},
      {"واس- الرياض: أعلنت الوزارة.", "واس"},
      {"قال لـ(قنا) إن الزيارة ناجحة.", "قنا"},
      {"(AFP) - Kerry said.", "فرانس برس"},
      {"مرت سانا بجانب النهر، وكانت قنا المياه ممتلئة.", ""},
      {"اتفاق بين شركتي spa و tap للمياه.", ""},
      {"وأفادت وكالة الأنباء السورية الرسمية بأن", "سانا"},
      {"نقلا عن إيتار تاس وانترفاكس", "تاس|إنترفاكس"},
  };
  for (const auto& c : cases) EXPECT_EQ(Join(FindAgencies(c.text)), c.agencies) << c.text;
}

TEST(OutletsTest, NamesDomainsAndVariants) {
  struct { const char* in; const char* out; } cases[] = {
      {"اليوم السابع", "اليوم السابع"}, {"اليوم 7", "اليوم السابع"}, {"youm7.com", "اليوم السابع"},
      {"https://www.youm7.com/story/2016/8/27/1", "اليوم السابع"}, {"m.youm7.com", "اليوم السابع"},
      {"الشرق الاوسط", "الشرق الأوسط"}, {"aawsat", "الشرق الأوسط"}, {"http://aawsat.com/home/article/1", "الشرق الأوسط"},
      {"sabq", "سبق"}, {"صحيفة سبق", "سبق"}, {"okaz", "عكاظ"}, {"alriyadh", "الرياض"},
      {"aleqtisadiya", "الاقتصادية"}, {"alwatan.com.sa", "الوطن السعودية"}, {"almadina", "المدينة"},
      {"slaati", "صحيفة سلطي"}, {"aljazirah", "الجزيرة السعودية"}, {"alyaum", "اليوم"}, {"alweeam", "الوئام"},
      {"arreyadi", "الرياضي"}, {"الجزيرة نت", "الجزيرة"}, {"https://www.aljazeera.net/news/x", "الجزيرة"},
      {"سي ان ان", "سي إن إن بالعربية"}, {"arabic.cnn.com", "سي إن إن بالعربية"},
      {"https://www.bbc.com/arabic/middleeast-1", "بي بي سي عربي"}, {"روسيا اليوم", "روسيا اليوم"},
      {"بوابة فيتو", "فيتو"}, {"الوطن الكويتية", "الوطن الكويتية"}, {"هسبريس", "هسبريس"},
      {"الوطن", ""}, {"example.com", ""}, {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(CanonicalOutlet(c.in), c.out) << c.in;
  auto info = LookupOutlet("عكاظ");
  ASSERT_TRUE(info);
  EXPECT_EQ(info->country, "SA");
  EXPECT_EQ(info->domain, "okaz.com.sa");
}

// Every name, variant and domain in data/outlets.tsv leads back to its own
// row: no variant is shadowed by another outlet's.
TEST(OutletsTest, EveryRowResolvesToItself) {
  auto bytes = DataFile("data/outlets.tsv");
  ASSERT_TRUE(bytes);
  size_t rows = 0;
  for (const auto& f : ReadTable(*bytes)) {
    ASSERT_GE(f.size(), 3u);
    ++rows;
    std::string name(f[0]);
    EXPECT_EQ(CanonicalOutlet(name), name);
    auto split = [](std::string_view v) {
      std::vector<std::string> out;
      while (!v.empty()) {
        size_t c = v.find(',');
        std::string one(v.substr(0, c));
        if (!one.empty()) out.push_back(one);
        if (c == std::string_view::npos) break;
        v = v.substr(c + 1);
      }
      return out;
    };
    for (const auto& d : split(f[2])) EXPECT_EQ(CanonicalOutlet(d), name) << "domain " << d;
    if (f.size() > 3)
      for (const auto& v : split(f[3])) EXPECT_EQ(CanonicalOutlet(v), name) << "variant " << v;
  }
  EXPECT_GE(rows, 250u);
}

TEST(PlacesTest, Gazetteer) {
  struct { const char* in; const char* name; const char* country; } cases[] = {
      {"جنيف", "جنيف", "CH"}, {"Geneva", "جنيف", "CH"}, {"موسكو", "موسكو", "RU"}, {"دمشق", "دمشق", "SY"},
      {"سورية", "سوريا", "SY"}, {"أمريكا", "الولايات المتحدة", "US"}, {"ابو ظبي", "أبوظبي", "AE"},
      {"الدار البيضاء", "الدار البيضاء", "MA"}, {"Syria", "سوريا", "SY"}, {"الإمارات العربية المتحدة", "الإمارات العربية المتحدة", "AE"},
  };
  for (const auto& c : cases) {
    auto p = LookupPlace(c.in);
    ASSERT_TRUE(p) << c.in;
    EXPECT_EQ(p->name, c.name) << c.in;
    EXPECT_EQ(p->country, c.country) << c.in;
  }
  EXPECT_FALSE(LookupPlace("كيري"));
  EXPECT_FALSE(LookupPlace("المملكة"));  // too common to be a name of Saudi Arabia here
  auto amman = LookupPlace("عمان");
  ASSERT_TRUE(amman);
  EXPECT_EQ(amman->country, "JO");
  EXPECT_EQ(LookupPlace("سلطنة عمان")->country, "OM");
  auto khobar = LookupPlace("الخبر");
  ASSERT_TRUE(khobar);
  EXPECT_TRUE(khobar->common);
  EXPECT_FALSE(LookupPlace("جنيف")->common);
}

// The seed dossier split naively at its rule lines, each section's first
// line "outlet : headline" giving the outlet hint and the title: every
// section that states a date gets a published date, relative ones against
// the dossier's date.
TEST(MetadataTest, SeedDossierSections) {
  std::ifstream in(std::string(MALAF_SHARED_CORPUS) + "/seeds/dossier-geneva-2016-08.txt");
  if (!in) GTEST_SKIP() << "seed corpus not found at " << MALAF_SHARED_CORPUS;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t rule = all.find("\n=====", pos);
    parts.push_back(all.substr(pos, rule == std::string::npos ? std::string::npos : rule - pos));
    if (rule == std::string::npos) break;
    size_t eol = all.find('\n', rule + 1);
    if (eol == std::string::npos) break;
    pos = eol + 1;
  }
  ASSERT_EQ(parts.size(), 26u);
  size_t contents = parts[0].find("  26.");
  ASSERT_NE(contents, std::string::npos);
  parts[0] = parts[0].substr(parts[0].find('\n', parts[0].find('\n', contents) + 1) + 1);
  struct Expect { const char* published; const char* dateline_city; const char* agencies; };
  const Expect expected[] = {
      {"2016-08-26", "جنيف", ""},                 // 1
      {"2016-08-26", "دبي", "سي إن إن|سانا"},      // 2
      {"2016-08-26", "", "فرانس برس"},             // 3
      {"2016-08-27", "", ""},                      // 4
      {"2016-08-27T11:38", "", ""},                // 5
      {"2016-08-26", "", ""},                      // 6
      {"2016-08-27T12:41", "", ""},                // 7
      {"2016-08-27", "", ""},                      // 8 "ولوحظ أمس": written the day after 26/8
      {"2016-08-27T10:53", "", ""},                // 9
      {"2016-08-27T10:27", "", ""},                // 10
      {"2016-08-27T15:00", "جنيف", "شينخوا"},       // 11
      {"", "", ""},                                // 12
      {"2016-08-26", "", ""},                      // 13
      {"2016-08-27", "", ""},                      // 14
      {"", "", ""},                                // 15 states no date of its own early on
      {"2016-08-27", "", ""},                      // 16
      {"2016-08-27", "", ""},                      // 17
      {"2016-08-26", "", ""},                      // 18
      {"2016-08-27", "", ""},                      // 19
      {"", "", ""},                                // 20
      {"2016-08-27T01:51", "", ""},                // 21
      {"2016-08-27T01:05", "", ""},                // 22
      {"2016-08-26", "", ""},                      // 23
      {"2016-08-27", "", "نوفوستي"},                // 24
      {"2016-08-27", "", ""},                      // 25
      {"2016-08-26", "", "فرانس برس"},              // 26
  };
  MetadataOptions o;
  o.reference = *ParseReferenceTime("27/8/2016");
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    size_t nl = p.find('\n', 1);
    Article a;
    std::string head = p.substr(0, nl);
    size_t colon = head.find(" :");
    if (colon == std::string::npos) colon = head.find(" - ");
    a.title = colon == std::string::npos ? head : head.substr(colon + 2);
    MetadataOptions opt = o;
    opt.outlet_hint = colon == std::string::npos ? "" : head.substr(0, colon);
    a.body = p.substr(nl + 1);
    FillMetadata(&a, opt);
    SCOPED_TRACE("section " + std::to_string(i + 1) + ": " + head);
    EXPECT_EQ(a.published, expected[i].published) << "from '" << a.published_text << "'";
    EXPECT_EQ(a.dateline_city, expected[i].dateline_city);
    EXPECT_EQ(Join(a.agencies), expected[i].agencies);
    // Head furniture is gone from the body.
    EXPECT_EQ(a.body.find("ارسل لصديق"), std::string::npos);
    EXPECT_EQ(a.body.find("اطبع"), std::string::npos);
    EXPECT_FALSE(a.body.empty());
  }
}

}  // namespace
}  // namespace malaf
