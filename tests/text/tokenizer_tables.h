// Tokenizer table: input -> tokens as "text/type" joined by ' | '. Shared by
// tokenizer_test.cc and analyze_cli_test.cc.
#pragma once

#include <string_view>

namespace malaf::text::testing {

struct TokenRow {
  std::string_view input;     // display text
  std::string_view expected;  // "text/type | text/type ..."
};

inline constexpr TokenRow kTokenRows[] = {
    {"قال وزير الخارجية", "قال/arabic | وزير/arabic | الخارجية/arabic"},
    {"Reuters and AFP", "Reuters/latin | and/latin | AFP/latin"},
    {"قالت Reuters إن", "قالت/arabic | Reuters/latin | إن/arabic"},
    {"عام2016", "عام/arabic | 2016/number"},
    {"3.5 و1,000 و12", "3.5/number | 1,000/number | 12/number"},
    {"ارتفع 3.5% إلى 1,200 دولار", "ارتفع/arabic | 3.5/number | إلى/arabic | 1,200/number | دولار/arabic"},
    {"٣٫٥ و١٬٠٠٠", "٣٫٥/number | ١٬٠٠٠/number"},
    {"12/08/2016", "12/number | 08/number | 2016/number"},
    {"بـ12 صوتا", "12/number | صوتا/arabic"},
    {"ب12 صوتا", "12/number | صوتا/arabic"},
    {"الـ48 ساعة", "48/number | ساعة/arabic"},
    {"ال48 ساعة", "48/number | ساعة/arabic"},
    {"لـ«الشرق»", "الشرق/arabic"},
    {"ل«الشرق» و«الحياة»", "الشرق/arabic | الحياة/arabic"},
    {"قال و. ثم", "قال/arabic | ثم/arabic"},
    {"بـFacebook", "Facebook/latin"},
    {"الـسعودية", "الـسعودية/arabic"},
    {"بالسعودية", "بالسعودية/arabic"},
    {"ب", "ب/arabic"},
    {"انظر https://www.aawsat.com/home/article/1?x=1، ثم", "انظر/arabic | https://www.aawsat.com/home/article/1?x=1/url | ثم/arabic"},
    {"(http://spa.gov.sa/viewstory.php?newsid=1).", "http://spa.gov.sa/viewstory.php?newsid=1/url"},
    {"موقع www.alriyadh.com.", "موقع/arabic | www.alriyadh.com/url"},
    {"راسلنا على info@spa.gov.sa.", "راسلنا/arabic | على/arabic | info@spa.gov.sa/email"},
    {"a.b-c@mail.example.org", "a.b-c@mail.example.org/email"},
    {"not@an-email", "not/latin | @an/mention | email/latin"},
    {"#سوريا_الآن و#Syria", "#سوريا_الآن/hashtag | #Syria/hashtag"},
    {"@UN_News قال", "@UN_News/mention | قال/arabic"},
    {"G20 وF-16 وO'Brien", "G20/latin | F/latin | 16/number | O'Brien/latin"},
    {"al-Assad", "al-Assad/latin"},
    {"مي\u200Cخواهم", "مي\u200Cخواهم/arabic"},
    {"مُحَمَّد", "مُحَمَّد/arabic"},
    {"Éric Zemmour", "Éric/latin | Zemmour/latin"},
    {"Москва", "Москва/latin"},
    {"😀 ✓", ""},
};

// With emit_punctuation: quotation marks and Arabic punctuation.
inline constexpr TokenRow kPunctRows[] = {
    {"قال: «نعم»، ثم؟", "قال/arabic | :/punct | «/punct | نعم/arabic | »/punct | ،/punct | ثم/arabic | ؟/punct"},
    {"“هذا” ‘ذاك’ ؛", "“/punct | هذا/arabic | ”/punct | ‘/punct | ذاك/arabic | ’/punct | ؛/punct"},
    {"\"نص\" ۔ ٭", "\"/punct | نص/arabic | \"/punct | ۔/punct | ٭/punct"},
};

}  // namespace malaf::text::testing
