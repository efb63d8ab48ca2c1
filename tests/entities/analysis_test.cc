// Table tests for entity and quotation analysis: one row per pattern, with
// the expected people (and roles), places, organisations and quotations.
// Texts are our own, written for these tests.
#include "entities/analysis.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/charset.h"
#include "text/utf8.h"

namespace malaf::entities {
namespace {

const Entity* Find(const TextAnalysis& t, const std::string& type, const std::string& name) {
  std::string key = text::NameKeyPhrase(text::SearchKey(name));
  for (const auto& e : t.entities) {
    if (e.type != type) continue;
    if (text::NameKeyPhrase(text::SearchKey(e.name)) == key) return &e;
    for (const auto& s : e.surfaces)
      if (text::NameKeyPhrase(text::SearchKey(s)) == key) return &e;
  }
  return nullptr;
}

std::string Dump(const TextAnalysis& t) {
  std::string out;
  for (const auto& e : t.entities) {
    out += e.type + ":" + e.name;
    for (const auto& s : e.surfaces) out += "|" + s;
    if (!e.role.empty()) out += " (" + e.role + ")";
    out += "; ";
  }
  for (const auto& q : t.quotes) out += "quote[" + q.speaker + "]:" + q.quote + "; ";
  return out;
}

struct PersonCase {
  const char* pattern;
  const char* text;
  const char* person;  // expected person (any spelling)
  const char* role;    // expected role, "" for any
};

TEST(EntityPatternsTest, PeopleNobodyListed) {
  const PersonCase cases[] = {
      {"title, comma, name", "وقال وزير الزراعة الموريتاني، سيدي ولد التاه، إن الموسم جيد.", "سيدي ولد التاه",
       "وزير الزراعة الموريتاني"},
      {"title then name", "أعلن المتحدث باسم وزارة الصحة الدكتور خالد المرغلاني عن خطة جديدة.", "خالد المرغلاني", ""},
      {"nisba role", "التقى الرئيس الكيني أوهورو كنياتا بالوفد.", "أوهورو كنياتا", "الرئيس الكيني"},
      {"given name and surname", "شارك فهد العتيبي في الندوة أمس.", "فهد العتيبي", ""},
      {"nasab with بن", "استقبل الأمير فيصل بن خالد بن سلطان الوفد.", "فيصل بن خالد بن سلطان", ""},
      {"name then role", "وقال عبدالله الشيخي المتحدث الرسمي للنادي إن الخطاب طبيعي.", "عبدالله الشيخي",
       "المتحدث الرسمي للنادي"},
      {"speech verb, name, role in apposition", "وذكر ضاري المطرفي المتحدث الإعلامي للهيئة أن العمل مستمر.",
       "ضاري المطرفي", ""},
      {"foreign name, comma, role", "وقال ماركوس فالتمان، المحلل المالي في المصرف، إن الأسعار سترتفع.",
       "ماركوس فالتمان", ""},
      {"name, comma, role in construct", "وأوضحت إنغريد هالفورسن، مديرة المعهد، أن الدراسة اكتملت.",
       "إنغريد هالفورسن", ""},
      {"feminine role, feminine given name", "وتعالج الطفلة رقية العمراني في المستشفى منذ أسبوع.", "رقية العمراني",
       ""},
      {"عبدال + a name of God", "استقبل المحافظ عبدالقدوس ناجي سالم الوفد أمس.", "عبدالقدوس ناجي سالم", ""},
      {"construct title", "وأكد شيخ التمور بالأحساء عبدالحميد الحليبي أن الإنتاج زاد.", "عبدالحميد الحليبي", ""},
      {"speech verb and given name", "وقال محمد الزهراني إن القرار صائب.", "محمد الزهراني", ""},
      {"nisba adjective as role head, known given name", "وأكد العداء الكيني ديفيد موتاي أن السباق كان صعبا.",
       "ديفيد موتاي", "العداء الكيني"},
      {"nisba adjective as role head, foreign name used again",
       "وتعاقد النادي مع الغاني كوامي أسانتي لمدة موسمين. وسيصل أسانتي إلى المدينة غدا.", "كوامي أسانتي", "الغاني"},
      {"given name in و", "قال الباحث وجدي الساعدي إن النتائج مشجعة.", "وجدي الساعدي", ""},
      {"foreign name in يا", "وسجل المهاجم ديديه ياكوبان الهدف الثاني.", "ديديه ياكوبان", ""},
      {"أبو family name stands alone as أبو + name", "وقال وائل أبو ريشة إن الحل قريب. ورأى أبو ريشة أن الحوار ضروري.",
       "وائل أبو ريشة", ""},
      {"two titles, the second indefinite", "أوضح الناطق الإعلامي العقيد دكتور سالم بن عطية الحربي أن البحث مستمر.",
       "سالم بن عطية الحربي", ""},
      {"abbreviated title with its dot", "وأوضح د. رشدي لوقا أن المشروع مهم.", "رشدي لوقا", ""},
      {"coordinated titles", "وحاضر فيها الدكتور سامي منصور، استشاري ورئيس قسم الجراحة بالمستشفى.", "سامي منصور", ""},
      {"analyst title", "قال الكاتب والمحلل السياسي الأردني ياسر الزعاترة إن الاجتماع فاشل.", "ياسر الزعاترة", ""},
  };
  for (const auto& c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c.text));
    const Entity* e = Find(t, "person", c.person);
    ASSERT_NE(e, nullptr) << c.pattern << ": " << Dump(t);
    if (*c.role) {
      EXPECT_EQ(e->role, c.role) << c.pattern;
    }
  }
}

TEST(EntityPatternsTest, NotPeople) {
  // Phrases that look like names after titles or verbs but are not.
  const char* cases[] = {
      "وقال مسؤول أمريكي إن المحادثات مستمرة.",
      "عقد الوزير مؤتمر صحفي مشترك مع نظيره.",
      "أكد قيام الجامعة بتوزيع المنح على الطلاب.",
      "ونقلت الوكالة عن مصادر مطلعة قولها إن الاجتماع تأجل.",
      "وأشار الرئيس إلى أن الوضع مستقر.",
      "واستخدم الطيران الروسي لشن غارات على المدينة.",
      "وسجل المنتخب الوطني هدفين في المباراة الأخيرة.",
      "وأعلن الجيش السوري سيطرته على البلدة.",
      "وتعاقد النادي مع الغاني كوامي أسانتي لمدة موسمين.",  // a foreign-looking pair named once stays unsure
      "وحاضر فيها استشاري ورئيس قسم الجراحة العامة بالمستشفى.",
      "والتقى رئيس أركان حرب القوات المسلحة بالوفد.",  // a construct chain is all role
      "وشكر المحافظ رئيس جمعية مراكز الأحياء على جهوده.",
      "وقال البيان: «نحن ملتزمون بكل ما جاء في الاتفاق»",
      "وعمل استشاري الجراحة بمدينة الملك فهد الطبية سنوات.",
      // Given names that are also verbs or nouns (flag "common").
      "ورفعت الشركة أسعار منتجاتها.",
      "وقال إن القرار يزيد الطلب المحلي.",
      // A given name that is also a common word, before a definite noun.
      "وتحدث عن جمال الطبيعة في المنطقة.",
      "واجتمع مساعد المدير بالموظفين أمس.",
      // Generic subjects of speech and a formula that holds a given name.
      "ويقول علماء من جامعة الخليج إن النتائج مشجعة.",
      "وقال إن الحرارة لم تبلغ بحمد الله المستوى الأعلى.",
      // A comma after a role, then the next clause with و or a passive verb.
      "ونقل المريض إلى المستشفى لعلاج الطفل، وتم إبلاغ أسرته بالحادث.",
      "وراجعت الأم المستشفى مع الطفل، قيل لها إن الحالة مستقرة.",
      // A speech verb that is also an everyday verb, and its object used again.
      "ويمكن للعامل نقل كفالة العمل بعد عام. وتتطلب الكفالة موافقة صاحب العمل.",
  };
  for (const char* c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c));
    for (const auto& e : t.entities) EXPECT_NE(e.type, "person") << c << ": " << Dump(t);
  }
}

TEST(EntityPatternsTest, RoleWithItsOwnNameIsNoApposition) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay("وتخلى الوفد عن شرط رحيل الرئيس بشار الأسد في البيان."));
  EXPECT_NE(Find(t, "person", "بشار الأسد"), nullptr) << Dump(t);
  EXPECT_EQ(Find(t, "person", "شرط رحيل"), nullptr) << Dump(t);
}

TEST(EntityPatternsTest, DatelineNamesAnUnlistedPlace) {
  const char* cases[] = {
      "المجمعة - واس\n\nافتتح المحافظ أمس المعرض السنوي للكتاب.",
      "المجمعة (واس)\n\nافتتح المحافظ أمس المعرض السنوي للكتاب.",
  };
  for (const char* c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c));
    EXPECT_NE(Find(t, "place", "المجمعة"), nullptr) << c << ": " << Dump(t);
  }
  // Not at a paragraph's start, or not before an outlet: no dateline.
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay("افتتح المحافظ المعرض - وهو الأكبر - أمس."));
  for (const auto& e : t.entities) EXPECT_NE(e.type, "place") << Dump(t);
}

TEST(EntityPatternsTest, TheKingdomIsTheKingdomTheArticleNames) {
  struct Case {
    const char* text;
    const char* place;  // the entity that carries the spelling "المملكة"
  };
  const Case cases[] = {
      {"وصل الوفد إلى الأردن أمس، وأكد أن المملكة شريك مهم في المنطقة.", "الأردن"},
      {"زار الوزير المملكة العربية السعودية، وقال إن المملكة تدعم المشروع.", "المملكة العربية السعودية"},
      {"وتستقبل المملكة آلاف الزوار كل عام.", "المملكة"},
  };
  for (const auto& c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c.text));
    const Entity* e = Find(t, "place", c.place);
    ASSERT_NE(e, nullptr) << c.text << ": " << Dump(t);
    EXPECT_NE(std::find(e->surfaces.begin(), e->surfaces.end(), "\u0627\u0644\u0645\u0645\u0644\u0643\u0629"), e->surfaces.end())
        << c.text << ": " << Dump(t);
    int places = 0;
    for (const auto& x : t.entities) places += x.type == "place";
    EXPECT_EQ(places, 1) << c.text << ": " << Dump(t);
  }
}

TEST(EntityPatternsTest, APossessiveEndingEndsAName) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay("وحضر الحفل خالد المري وعمر أشهر لاعبيه في الفريق."));
  EXPECT_EQ(Find(t, "person", "عمر أشهر لاعبيه"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "person", "خالد المري"), nullptr) << Dump(t);
}

TEST(EntityPatternsTest, GazetteerPlacesAndOrganisations) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "ناقش مجلس الأمن الدولي في نيويورك هجمات تنظيم داعش في سوريا، فيما دعت الجامعة العربية وحلف الناتو "
      "إلى الهدنة، بحسب وكالة فرانس برس."));
  EXPECT_NE(Find(t, "organization", "مجلس الأمن الدولي"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "organization", "تنظيم الدولة الإسلامية"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "organization", "جامعة الدول العربية"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "organization", "حلف شمال الأطلسي"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "organization", "فرانس برس"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "place", "نيويورك"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "place", "سوريا"), nullptr) << Dump(t);
}

TEST(EntityPatternsTest, HeadWordsFindUnlistedPlacesAndOrganisations) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "زار الوفد بلدة مارع ثم مستشفى الملك فهد التخصصي، وقالت صحيفة \"الأنباء\" إن الزيارة ناجحة. "
      "وانتقل بعدها إلى مدينة \"كاشغر\" الصينية."));
  EXPECT_NE(Find(t, "place", "مارع"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "place", "كاشغر"), nullptr) << Dump(t);
  EXPECT_NE(Find(t, "organization", "مستشفى الملك فهد التخصصي"), nullptr) << Dump(t);
  EXPECT_EQ(Find(t, "person", "الملك فهد"), nullptr) << "a person inside an institution's name: " << Dump(t);
  EXPECT_NE(Find(t, "organization", "الأنباء"), nullptr) << Dump(t);
}

struct OrgCase {
  const char* pattern;
  const char* text;
  const char* org;      // expected organisation (any spelling), "" for none
  const char* not_org;  // a span that must not be an organisation's name, "" for none
};

TEST(EntityPatternsTest, OrganisationsNobodyListed) {
  const OrgCase cases[] = {
      {"definite head, adjective and ل-complement", "أعلنت الهيئة الوطنية للأرصاد الجوية تحذيرا جديدا.",
       "الهيئة الوطنية للأرصاد الجوية", ""},
      {"coordinated adjectives", "وأصدر مركز الخليج للدراسات الاقتصادية والاجتماعية تقريره.",
       "مركز الخليج للدراسات الاقتصادية والاجتماعية", ""},
      {"a city after ب is where it is", "ونقل المصاب إلى مستشفى النور بمكة بعد الحادث.", "مستشفى النور",
       "مستشفى النور بمكة"},
      {"a region with its head word stays", "وأصدرت المديرية العامة للتعليم بمنطقة القصيم تعميما.",
       "المديرية العامة للتعليم بمنطقة القصيم", ""},
      {"a country's adjective ends the name", "وقال حزب العدالة الوطني المغربي المعارض للحكومة إن القرار خاطئ.",
       "حزب العدالة الوطني المغربي", "حزب العدالة الوطني المغربي المعارض"},
      {"a royal name only right after the head", "بعد استقالة إدارة نادي الشعلة الأمير سعود بن فهد أمس.",
       "نادي الشعلة", "نادي الشعلة الأمير سعود بن"},
      {"outlet spoken to", "وقال مدير الإدارة لـ\"الندوة\" إن العمل بدأ.", "الندوة", ""},
      {"outlet cited", "وبحسب «الشروق» فإن الاجتماع تأجل.", "الشروق", ""},
      {"listed outlet in quote marks", "وكانت “عكاظ” قد نشرت الخبر أمس.", "عكاظ", ""},
      {"byline", "مكة المكرمة - سبق\n\nبدأت أعمال التوسعة أمس.", "", ""},
      {"source line", "بدأت أعمال التوسعة أمس.\n\nالمصدر : الجزيرة + وكالات", "الجزيرة", ""},
      {"لل + name spells ال", "وقدم الوفد الشكر للنادي الأهلي على الاستقبال.", "النادي الأهلي", ""},
      {"a purpose is no complement", "وشكلت الوزارة لجنة للوقوف على الأسباب.", "", "لجنة للوقوف"},
      {"a definite head alone is a common noun", "وأكدت الوزارة الجديدة أهمية القرار.", "", "الوزارة الجديدة"},
      {"a و-list after the complement", "وأصدرت الهيئة الوطنية للزراعة والمياه والبيئة تقريرها السنوي.",
       "الهيئة الوطنية للزراعة والمياه والبيئة", "الهيئة الوطنية"},
      {"ل-construct after a country's adjective", "وأطلق الصندوق الأردني لتنمية القرى مشروعا جديدا.",
       "الصندوق الأردني لتنمية القرى", ""},
      {"two adjectives, the last a country's", "وخفض البنك المركزي المغربي سعر الفائدة أمس.",
       "البنك المركزي المغربي", ""},
      {"a royal name with its nasab, then ل-construct",
       "وقدم صندوق الأمير نايف بن سلطان لدعم الأسر منحا جديدة.", "صندوق الأمير نايف بن سلطان لدعم الأسر",
       "صندوق الأمير نايف بن"},
      {"a description is no institution", "وتابع الطبيب الحركة السريعة لأطراف المريض بعد العملية.", "",
       "الحركة السريعة لأطراف المريض"},
  };
  for (const auto& c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c.text));
    if (*c.org) {
      EXPECT_NE(Find(t, "organization", c.org), nullptr) << c.pattern << ": " << Dump(t);
    }
    if (*c.not_org) {
      EXPECT_EQ(Find(t, "organization", c.not_org), nullptr) << c.pattern << ": " << Dump(t);
    }
  }
}

TEST(EntityVariantsTest, SpellingsMergeIntoOneEntity) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "التقى جون كيري نظيره سيرغي لافروف. وقال كيرى إن سيرجي لافروف متفائل، وأضاف لافروف أن "
      "ستافان دو ميستورا سيحضر. ورحب ستيفان دي ميستورا بالاتفاق، وقال دي ميستورا إنه مهم."));
  auto count = [&](const std::string& name) {
    int n = 0;
    std::string key = text::NameKeyPhrase(text::SearchKey(name));
    for (const auto& e : t.entities)
      for (const auto& s : e.surfaces)
        if (text::NameKeyPhrase(text::SearchKey(s)) == key) {
          ++n;
          break;
        }
    return n;
  };
  const Entity* kerry = Find(t, "person", "جون كيري");
  ASSERT_NE(kerry, nullptr) << Dump(t);
  EXPECT_NE(std::find(kerry->surfaces.begin(), kerry->surfaces.end(), "كيرى"), kerry->surfaces.end()) << Dump(t);
  const Entity* lavrov = Find(t, "person", "سيرغي لافروف");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_GE(lavrov->surfaces.size(), 2u) << Dump(t);
  EXPECT_EQ(count("لافروف"), 1) << "one entity for every Lavrov spelling: " << Dump(t);
  EXPECT_EQ(count("دي ميستورا"), 1) << Dump(t);
  int people = 0;
  for (const auto& e : t.entities) people += e.type == "person";
  EXPECT_EQ(people, 3) << Dump(t);
}

TEST(EntityVariantsTest, ArmedGroupNamesMerge) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay("هاجم تنظيم الدولة المدينة، ثم انسحب مقاتلو داعش منها."));
  int orgs = 0;
  for (const auto& e : t.entities) orgs += e.type == "organization";
  EXPECT_EQ(orgs, 1) << Dump(t);
}

TEST(EntityCoreferenceTest, RoleMentionResolvesToThePerson) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "اجتمع وزير الخارجية الإيطالي باولو جنتيلوني مع نظيره التونسي منجي الحامدي. وقال الوزير الإيطالي: "
      "\"نحن ندعم تونس في حربها على الإرهاب\". ورد نظيره التونسي: \"نشكر إيطاليا على هذا الدعم الكبير\"."));
  ASSERT_EQ(t.quotes.size(), 2u) << Dump(t);
  EXPECT_EQ(text::NameKeyPhrase(t.quotes[0].speaker), text::NameKeyPhrase("باولو جنتيلوني")) << Dump(t);
  EXPECT_EQ(t.quotes[0].speaker_surface, "الوزير الإيطالي");
  EXPECT_EQ(text::NameKeyPhrase(t.quotes[1].speaker), text::NameKeyPhrase("منجي الحامدي")) << Dump(t);
}

TEST(EntityCoreferenceTest, GivenNameAloneIsTheOnePersonItStarts) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "وصل الأمير مقرن بن سعود إلى جدة. وأكد الأمير مقرن، في تصريح، أهمية الزيارة."));
  int people = 0;
  for (const auto& e : t.entities) people += e.type == "person";
  EXPECT_EQ(people, 1) << Dump(t);
  const Entity* e = Find(t, "person", "مقرن بن سعود");
  ASSERT_NE(e, nullptr) << Dump(t);
  EXPECT_EQ(e->mentions.size(), 2u) << Dump(t);
}

TEST(EntityCoreferenceTest, SurnameAloneIsTheFullPerson) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "قال المدرب البرتغالي جوزيه غوميز إن الفريق جاهز. وأضاف غوميز أن الجمهور سيحضر."));
  const Entity* e = Find(t, "person", "جوزيه غوميز");
  ASSERT_NE(e, nullptr) << Dump(t);
  EXPECT_EQ(e->mentions.size(), 2u) << Dump(t);
}

TEST(EntityCoreferenceTest, ShortFormOfALongNameIsThePerson) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "استقبل الدكتور سلمان بن ناصر القحطاني الوفد. وأكد سلمان القحطاني أهمية التعاون."));
  const Entity* e = Find(t, "person", "سلمان بن ناصر القحطاني");
  ASSERT_NE(e, nullptr) << Dump(t);
  EXPECT_EQ(e->mentions.size(), 2u) << Dump(t);
  int people = 0;
  for (const auto& x : t.entities) people += x.type == "person";
  EXPECT_EQ(people, 1) << Dump(t);
}

struct QuoteCase {
  const char* form;
  const char* text;
  const char* speaker;  // expected speaker name (any spelling), "" for none
  const char* quote;    // words the quotation must contain
};

TEST(QuotationTest, FormsAndSpeakers) {
  const QuoteCase cases[] = {
      {"guillemets, verb before", "وقال وزير المالية محمد الجدعان: «الميزانية ستحقق فائضا هذا العام».", "محمد الجدعان",
       "الميزانية ستحقق فائضا"},
      {"curly quotes", "وأكد فهد الشهري أن “المشروع سيكتمل قبل نهاية العام الحالي”.", "فهد الشهري",
       "المشروع سيكتمل قبل"},
      {"reversed curly quotes", "وقال سعد الحربي ”نحن مستعدون لكل الاحتمالات المقبلة“.", "سعد الحربي",
       "نحن مستعدون لكل"},
      {"straight quotes", "وأضاف ماجد العنزي \"لن نتراجع عن هذا القرار أبدا\".", "ماجد العنزي", "لن نتراجع عن"},
      {"low-high quotes", "وقال ماجد العنزي „سنواصل العمل حتى تحقيق الأهداف“.", "ماجد العنزي", "سنواصل العمل حتى"},
      {"verb after the quote", "«الاتفاق خطوة مهمة نحو السلام»، قال خالد اليمني للصحفيين.", "خالد اليمني",
       "الاتفاق خطوة مهمة"},
      {"interrupted quote", "وقال نايف الرشيد \"الوضع صعب جدا في المنطقة\"، مضيفا \"لكننا سنتجاوزه بالتعاون مع الجميع\".",
       "نايف الرشيد", "لكننا سنتجاوزه بالتعاون"},
      {"pronoun subject", "التقى محمد العيسى بالوفد. وأوضح: «اللقاء تناول قضايا كثيرة ومهمة».", "محمد العيسى",
       "اللقاء تناول قضايا"},
      {"نقلت عن X قوله", "ونقلت الصحيفة عن سلمان الدوسري قوله \"إن الخطة جاهزة للتنفيذ الآن\".", "سلمان الدوسري",
       "الخطة جاهزة للتنفيذ"},
      {"headline form", "عبدالله الربيعة: المساعدات وصلت إلى جميع المحافظات اليمنية", "عبدالله الربيعة",
       "المساعدات وصلت إلى"},
      {"multi-sentence quote", "وقال أحمد الخطيب: «العمل مستمر. وسنعلن النتائج قريبا. والجميع ملتزم»", "أحمد الخطيب",
       "وسنعلن النتائج قريبا"},
      {"feminine verb", "وقالت سارة الغامدي إن \"المبادرة تستهدف الشباب في كل المناطق\".", "سارة الغامدي",
       "المبادرة تستهدف الشباب"},
      {"no closing mark: to the paragraph's end",
       "وقال محمد الفرج: «سنبدأ المشروع في الربيع المقبل ونكمله خلال عامين.\n\nوتبلغ كلفة المشروع مليون ريال.",
       "محمد الفرج", "ونكمله خلال عامين"},
      {"no opening mark: from the verb's colon", "وأضاف خالد المطيري: نحن مستعدون للحوار مع جميع الأطراف\".",
       "خالد المطيري", "مستعدون للحوار مع"},
      {"outlet between verb and subject",
       "وكشف لـ\"الوطن\" فهد الحربي المتحدث باسم الشركة أن \"العمل سيبدأ الأسبوع المقبل في الموقع\".", "فهد الحربي",
       "العمل سيبدأ الأسبوع"},
      {"a person before a name after a preposition",
       "ورغم أن محمد العلي لم يشر إلى حزب الأمة، إلا أنه قال إن \"الانتخابات ستجري في موعدها المحدد\".", "محمد العلي",
       "الانتخابات ستجري في"},
      {"bare verb: the subject of a later sentence takes over",
       "وقال فهد العنزي إن المشروع مهم. وروى ماجد السالم قصته مع الشركة منذ تأسيسها. وقال: «بدأنا العمل بفريق صغير من "
       "خمسة موظفين»",
       "ماجد السالم", "بدأنا العمل بفريق"},
      {"bare verb: a name in a reported clause does not take over",
       "وقال فهد العنزي إن محمد السالم سيحضر الاجتماع. وأضاف: «نحن جاهزون لكل الاحتمالات المقبلة»", "فهد العنزي",
       "نحن جاهزون لكل"},
      {"unknown name between the verb and the colon",
       "قال جوزيف بلاتر إن الاتحاد قوي. وقال شتاينر: «نحن نعمل وفق القواعد المعتمدة دائما»", "شتاينر",
       "نحن نعمل وفق"},
      {"an unnamed official speaks, not the name after",
       "وقال مسؤول كبير بوزارة المالية أمس بخصوص زيارة فهد العتيبي \"ننتظر نتائج الزيارة منذ فترة طويلة\".", "",
       "ننتظر نتائج الزيارة"},
      {"عنه: the person spoken of", "وغضب ماجد الحربي المدير التنفيذي للشركة، ونقل موقع الشركة عنه قوله: «لم نتوقع هذا القرار أبدا»",
       "ماجد الحربي", "لم نتوقع هذا"},
      {"honorific before a title, role mention later",
       "استقبل رئيس الوزراء الكويتي الشيخ جابر المبارك الوفد. وقال سمو رئيس الوزراء الكويتي \"نرحب بكم في بلدكم الثاني\".",
       "جابر المبارك", "نرحب بكم في"},
      {"object after the verb is no subject",
       "وجه ناصر العتيبي رسالة. ودعا لمجلس الإدارة \"بالتوفيق في المرحلة المقبلة كلها\".", "ناصر العتيبي",
       "بالتوفيق في المرحلة"},
      {"a noun subject that names nobody",
       "التقى فهد السبيعي بالأسر أمس. وقالت والدة الطالبة «نحن سعداء جدا بهذه المبادرة الكريمة».", "",
       "نحن سعداء جدا"},
      {"a statement as subject, quotation in parentheses",
       "وانتقد حمد المري التصريحات. وأكد البيان (إن الحوار هو الطريق الوحيد لحل الخلاف).", "",
       "الحوار هو الطريق"},
      {"bare verb after a name that is an object",
       "التقى فهد السبيعي بالوفد أمس. وعن دعم اللجنة لماجد الدوسري، أجاب: «القرار يعود إلى اللجنة المختصة وحدها».",
       "فهد السبيعي", "القرار يعود إلى"},
  };
  for (const auto& c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c.text));
    const Quote* found = nullptr;
    for (const auto& q : t.quotes)
      if (text::SearchKey(q.quote).find(text::SearchKey(c.quote)) != std::string::npos) found = &q;
    ASSERT_NE(found, nullptr) << c.form << ": " << Dump(t);
    EXPECT_EQ(text::NameKeyPhrase(text::SearchKey(found->speaker)), text::NameKeyPhrase(text::SearchKey(c.speaker)))
        << c.form << ": " << Dump(t);
  }
}

TEST(QuotationTest, ParenthesesAfterSpeech) {
  // A statement quoted in parentheses right after a speech verb, closed or
  // running to its paragraph's end; parentheses elsewhere are asides.
  const QuoteCase cases[] = {
      {"closed", "وأكد البيان (إن الحوار هو الطريق الوحيد لحل الخلاف بين الطرفين) وطالب بالتهدئة.", "",
       "الحوار هو الطريق الوحيد"},
      {"lost closing mark", "وتساءل سامي الخطيب (كيف يطالبون بالحوار وهم يرفضون كل المبادرات المطروحة؟\n\nوبدأ الاجتماع.",
       "سامي الخطيب", "كيف يطالبون بالحوار"},
      {"after a colon", "وقال فهد الشهري: (سنعلن النتائج كاملة خلال الأسبوع المقبل).", "فهد الشهري",
       "سنعلن النتائج كاملة"},
  };
  for (const auto& c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c.text));
    const Quote* found = nullptr;
    for (const auto& q : t.quotes)
      if (text::SearchKey(q.quote).find(text::SearchKey(c.quote)) != std::string::npos) found = &q;
    ASSERT_NE(found, nullptr) << c.form << ": " << Dump(t);
    EXPECT_EQ(text::NameKeyPhrase(text::SearchKey(found->speaker)), text::NameKeyPhrase(text::SearchKey(c.speaker)))
        << c.form << ": " << Dump(t);
    EXPECT_EQ(found->quote.find("وبدأ الاجتماع"), std::string::npos) << c.form << ": " << Dump(t);
  }
  const char* asides[] = {
      "وأعلنت المنظمة العربية للتنمية (وهي هيئة تابعة للجامعة العربية منذ سنوات) خطتها.",
      "وارتفع المؤشر (بنسبة اثنين في المائة خلال تعاملات الأمس) بعد القرار.",
  };
  for (const char* c : asides) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c));
    EXPECT_TRUE(t.quotes.empty()) << c << ": " << Dump(t);
  }
}

TEST(QuotationTest, LostClosingMarkEndsAtTheNextQuotation) {
  // A straight quote left open: the next 'وقال: "' opens a quotation of its
  // own instead of closing the first.
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "وجاء في البيان: \"تقرر تأجيل الاجتماع إلى موعد لاحق بسبب الظروف. وقال: \"سيتم إبلاغ الأعضاء بالموعد الجديد قريبا\"."));
  ASSERT_EQ(t.quotes.size(), 2u) << Dump(t);
  EXPECT_NE(t.quotes[0].quote.find("تأجيل الاجتماع"), std::string::npos) << Dump(t);
  EXPECT_EQ(t.quotes[0].quote.find("إبلاغ"), std::string::npos) << Dump(t);
  EXPECT_NE(t.quotes[1].quote.find("إبلاغ الأعضاء"), std::string::npos) << Dump(t);
}

TEST(QuotationTest, QuotationOverSeveralParagraphs) {
  // Each paragraph of a long quotation opens again; only the last closes,
  // or the last has only its closing mark.
  const char* cases[] = {
      "وقال سامي الخطيب: «بدأنا العمل في المشروع منذ عامين.\n\n«وسنفتتح المرحلة الأولى في نهاية العام.\n\n"
      "«والمرحلة الثانية ستكتمل بعد ذلك بعام واحد».",
      "وقال سامي الخطيب: «بدأنا العمل في المشروع منذ عامين.\n\nوسنفتتح المرحلة الأولى في نهاية العام المقبل».",
  };
  for (const char* c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c));
    ASSERT_GE(t.quotes.size(), 2u) << c << ": " << Dump(t);
    for (const auto& q : t.quotes)
      EXPECT_EQ(text::NameKeyPhrase(text::SearchKey(q.speaker)), text::NameKeyPhrase(text::SearchKey("سامي الخطيب")))
          << c << ": " << Dump(t);
    bool found = false;
    for (const auto& q : t.quotes) found = found || q.quote.find("المرحلة الأولى") != std::string::npos;
    EXPECT_TRUE(found) << Dump(t);
  }
}

TEST(QuotationTest, StrayMarksAreNotQuotations) {
  // A mark left open with no speech before it, or at a paragraph's end.
  const char* cases[] = {
      "ارتفعت أسعار \"النفط في الأسواق العالمية اليوم بنسبة كبيرة",
      "وقال الوزير إن المشروع ناجح\"\n\nوبدأ العمل أمس في الموقع الجديد.",
  };
  for (const char* c : cases) {
    TextAnalysis t = AnalyzeText(text::NormalizeDisplay(c));
    EXPECT_TRUE(t.quotes.empty()) << c << ": " << Dump(t);
  }
}

TEST(QuotationTest, ScareQuotesAreNotQuotations) {
  TextAnalysis t = AnalyzeText(text::NormalizeDisplay(
      "وقال الوزير إن تنظيم \"داعش\" يشكل خطرا، وإن الاتفاق حقق \"وضوحا\" في عملية «درع الفرات»."));
  EXPECT_TRUE(t.quotes.empty()) << Dump(t);
}

TEST(QuotationTest, QuoteOffsetsSliceTheBody) {
  std::string body = text::NormalizeDisplay("وقال الرئيس اللبناني ميشال عون: «لن نقبل بأي تدخل في شؤوننا الداخلية».");
  TextAnalysis t = AnalyzeText(body);
  ASSERT_EQ(t.quotes.size(), 1u) << Dump(t);
  const Quote& q = t.quotes[0];
  EXPECT_EQ(body.substr(q.start, q.end - q.start), q.quote);
  EXPECT_EQ(q.verb, "قال");
}

// Every mention's offsets slice the body to one of the entity's surfaces,
// on character boundaries, for texts with clitics, punctuation and noise.
TEST(EntityOffsetsTest, MentionsSliceTheBodyToTheirSurface) {
  const char* texts[] = {
      "وقال وزير الخارجية الأميركي جون كيري إن \"روسيا والولايات المتحدة\" اتفقتا، ولكيري رأي آخر في للأمم المتحدة.",
      "بـ12 صاروخا هاجم «داعش» مدينة حلب؛ وقال لافروف: «سنرد». ولسوريا وللعراق حق الدفاع.",
      "الرئيس التركي، رجب طيب أردوغان، زار بالرياض والتقى بالأمير محمد بن سلمان.",
  };
  for (const char* raw : texts) {
    std::string body = text::NormalizeDisplay(raw);
    TextAnalysis t = AnalyzeText(body);
    ASSERT_FALSE(t.entities.empty()) << raw;
    for (const auto& e : t.entities) {
      for (const auto& m : e.mentions) {
        ASSERT_LE(m.end, body.size());
        ASSERT_LT(m.start, m.end);
        std::string s = body.substr(m.start, m.end - m.start);
        EXPECT_TRUE(text::IsValidUtf8(s)) << s;
        EXPECT_NE(std::find(e.surfaces.begin(), e.surfaces.end(), s), e.surfaces.end()) << e.name << " / " << s;
      }
    }
  }
}

// Hostile input: random Arabic words, quote marks and punctuation never crash
// the analysis, and offsets stay inside the body on character boundaries.
TEST(EntityRobustnessTest, RandomTextsKeepInvariants) {
  const char* pieces[] = {"قال", "وقال", "الرئيس", "وزير", "الخارجية", "الروسي", "،", ".", "«", "»", "\"", "“",
                          "”", "محمد", "بن", "آل", "لافروف", "كيري", "ل", "ب", "بال", "الـ", "12", "دي", "نظيره",
                          ":", "مضيفا", "عن", "قوله", "\n\n", "مدينة", "وزارة", "أن", "إن", "سلمان", "ة", "ى"};
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string raw;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      raw += pieces[rng() % (sizeof pieces / sizeof *pieces)];
      if (rng() % 3) raw += ' ';
    }
    std::string body = text::NormalizeDisplay(raw);
    TextAnalysis t = AnalyzeText(body);
    for (const auto& e : t.entities)
      for (const auto& m : e.mentions) {
        ASSERT_LE(m.end, body.size()) << raw;
        EXPECT_TRUE(text::IsValidUtf8(body.substr(m.start, m.end - m.start))) << raw;
      }
    for (const auto& q : t.quotes) {
      ASSERT_LE(q.end, body.size()) << raw;
      EXPECT_EQ(body.substr(q.start, q.end - q.start), q.quote) << raw;
    }
  }
}

TEST(EntityRobustnessTest, LongBodiesAreCut) {
  AnalysisOptions o;
  o.max_body_bytes = 1000;
  std::string body;
  while (body.size() < 5000) body += "وقال جون كيري إن الاتفاق قريب. ";
  TextAnalysis t = AnalyzeText(body, o);
  for (const auto& e : t.entities)
    for (const auto& m : e.mentions) EXPECT_LE(m.end, 1000u);
}

TEST(AnalyzeArticleTest, FillsArticleAndMarksItAnalyzed) {
  Article a;
  a.id = "0123456789abcdef";
  a.body = text::NormalizeDisplay("وقال وزير الخارجية السعودي عادل الجبير: «المملكة تدعم الحل السياسي في اليمن».");
  AnalyzeArticle(&a);
  EXPECT_TRUE(a.analyzed);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].article, a.id);
  EXPECT_EQ(a.quotes[0].speaker, "عادل الجبير");
  const Entity* e = nullptr;
  for (const auto& x : a.entities)
    if (x.name == "عادل الجبير") e = &x;
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->role, "وزير الخارجية السعودي");
}

}  // namespace
}  // namespace malaf::entities
