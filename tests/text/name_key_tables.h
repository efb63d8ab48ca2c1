// Name key pairs: spelling variants of one name that must meet (collected
// from the seed dossier and SaudiNewsNet), and different names or words that
// must stay apart. Shared by name_key_test.cc and analyze_cli_test.cc.
#pragma once

#include <string_view>

namespace malaf::text::testing {

struct NamePair {
  std::string_view a;
  std::string_view b;
};

inline constexpr NamePair kMustMeet[] = {
    {"كيري", "كيرى"},            {"سيرغي", "سيرجي"},          {"سيرجي", "سيرجيي"},
    {"ستيفان", "ستافان"},        {"ستيفان", "ستيفن"},         {"ميستورا", "مستورا"},
    {"الأمريكي", "الأميركي"},    {"الأمريكي", "أمريكي"},      {"أوباما", "اوباما"},
    {"بوتين", "بوتن"},           {"نتنياهو", "نتانياهو"},     {"غوغل", "جوجل"},
    {"الكونغرس", "الكونجرس"},    {"البنتاغون", "البنتاجون"},  {"ديفيد", "دافيد"},
    {"كاميرون", "كامرون"},       {"كلينتون", "كلنتون"},       {"تيريزا", "تريزا"},
    {"فرنسوا", "فرانسوا"},       {"بيونغ", "بيونج"},          {"يانغ", "يانج"},
    {"أنجيلا", "انغيلا"},        {"للكونغرس", "الكونجرس"},    {"لافروف", "لافروڤ"},
    {"هيلاري", "هيلارى"},        {"أمريكا", "أميركا"},        {"بريطانيا", "بريتانيا"},
};

inline constexpr NamePair kMustNotMeet[] = {
    {"كيري", "كوريا"},   {"عمر", "عمرو"},     {"محمد", "أحمد"},     {"روسيا", "روسي"},
    {"سوريا", "سوري"},   {"جون", "جين"},      {"عام", "عم"},        {"كان", "كن"},
    {"قال", "كل"},       {"الذي", "الزي"},     {"لافروف", "لاريجاني"},
    {"بوتين", "بوش"},    {"جنيف", "جنوب"},    {"أوباما", "أوبرا"},  {"ميركل", "مركز"},
};

// Multi-word names: particles fold (دي/دو ميستورا).
inline constexpr NamePair kPhrasesMustMeet[] = {
    {"ستيفان دي ميستورا", "ستافان دو مستورا"},
    {"سيرغي لافروف", "سيرجي لافروف"},
    {"جون كيري", "جون كيرى"},
    {"فان خال", "فون خال"},
};

}  // namespace malaf::text::testing
