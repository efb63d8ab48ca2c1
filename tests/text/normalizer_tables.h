// The normalizer's stage tables: for each stage, input -> that stage's own
// output (only that stage enabled) -> whole display pipeline -> whole search
// pipeline. Shared by normalizer_test.cc (in-process) and analyze_cli_test.cc
// (through `malaf analyze --json`), so the CLI is checked on every row.
#pragma once

#include <string_view>

namespace malaf::text::testing {

struct StageRow {
  std::string_view stage;    // NormalizerStageInfo::name
  std::string_view input;
  std::string_view stage_out;
  std::string_view display;
  std::string_view search;
};

inline constexpr StageRow kStageRows[] = {
    // nfkc: presentation forms, lam-alef ligatures, compatibility forms.
    {"nfkc", "ﻻ", "لا", "لا", "لا"},
    {"nfkc", "ﻷ", "لأ", "لأ", "لا"},
    {"nfkc", "ﻹﺳﻼﻡ", "لإسلام", "لإسلام", "لاسلام"},
    {"nfkc", "ﺍﻟﺴﻼﻡ", "السلام", "السلام", "السلام"},
    {"nfkc", "ﷲ", "الله", "الله", "الله"},
    {"nfkc", "ﷺ", "صلى الله عليه وسلم", "صلى الله عليه وسلم", "صلي الله عليه وسلم"},
    {"nfkc", "ﹰ", "\u064B", "", ""},
    {"nfkc", "ﹱ", "\u0640\u064B", "", ""},
    {"nfkc", "Ａｂｃ１", "Abc1", "Abc1", "abc1"},
    {"nfkc", "x²", "x2", "x2", "x2"},
    {"nfkc", "ا\u0654حمد", "أحمد", "أحمد", "احمد"},
    {"nfkc", "ا\u0655سلام", "إسلام", "إسلام", "اسلام"},
    {"nfkc", "ا\u0653خر", "آخر", "آخر", "اخر"},
    {"nfkc", "مسو\u0654ول", "مسؤول", "مسؤول", "مسءول"},
    {"nfkc", "ري\u0654يس", "رئيس", "رئيس", "رءيس"},
    // fold_spaces: every Unicode space -> ' ', line separators -> '\n'.
    {"fold_spaces", "a\u00A0b", "a b", "a b", "a b"},
    {"fold_spaces", "a\u2003b", "a b", "a b", "a b"},
    {"fold_spaces", "a\u2009b", "a b", "a b", "a b"},
    {"fold_spaces", "a\u202Fb", "a b", "a b", "a b"},
    {"fold_spaces", "a\u205Fb", "a b", "a b", "a b"},
    {"fold_spaces", "a\u3000b", "a b", "a b", "a b"},
    {"fold_spaces", "a\u1680b", "a b", "a b", "a b"},
    {"fold_spaces", "a\tb", "a b", "a b", "a b"},
    {"fold_spaces", "a\u2028b", "a\nb", "a\nb", "a\nb"},
    {"fold_spaces", "a\u2029b", "a\nb", "a\nb", "a\nb"},
    {"fold_spaces", "a\u0085b", "a\nb", "a\nb", "a\nb"},
    // strip_controls: bidi marks and isolates, zero-width, BOM, soft hyphen, C0/C1.
    {"strip_controls", "\u200Fعربي\u200E", "عربي", "عربي", "عربي"},
    {"strip_controls", "\uFEFFabc", "abc", "abc", "abc"},
    {"strip_controls", "\u202Bنص\u202C", "نص", "نص", "نص"},
    {"strip_controls", "\u2067x\u2069", "x", "x", "x"},
    {"strip_controls", "\u061Cا", "ا", "ا", "ا"},
    {"strip_controls", "مي\u200Cخواهم", "ميخواهم", "ميخواهم", "ميخواهم"},
    {"strip_controls", "لا\u200Dا", "لاا", "لاا", "لاا"},
    {"strip_controls", "co\u00ADop", "coop", "coop", "coop"},
    {"strip_controls", "a\r\nb", "a\nb", "a\nb", "a\nb"},
    {"strip_controls", "a\x01\x7F" "b", "ab", "ab", "ab"},
    {"strip_controls", "a\u0090b", "ab", "ab", "ab"},
    {"strip_controls", "a\u200Bb", "ab", "ab", "ab"},
    // strip_tashkeel: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
    {"strip_tashkeel", "مُحَمَّدٌ", "محمد", "محمد", "محمد"},
    {"strip_tashkeel", "كِتَابًا", "كتابا", "كتابا", "كتابا"},
    {"strip_tashkeel", "إِنْ", "إن", "إن", "ان"},
    {"strip_tashkeel", "هٰذا", "هذا", "هذا", "هذا"},
    {"strip_tashkeel", "الرَّحْمَٰنِ", "الرحمن", "الرحمن", "الرحمن"},
    {"strip_tashkeel", "عَلَيْهِۖ", "عليه", "عليه", "عليه"},
    {"strip_tashkeel", "بِۢ", "ب", "ب", "ب"},
    {"strip_tashkeel", "وَٱلضُّحَىٰ ۝", "وٱلضحى ", "وٱلضحى ", "والضحي "},
    {"strip_tashkeel", "ـًّ", "ـ", "", ""},
    // strip_tatweel.
    {"strip_tatweel", "الـــسلام", "السلام", "السلام", "السلام"},
    {"strip_tatweel", "بـ12", "ب12", "ب12", "ب12"},
    {"strip_tatweel", "مـحـمـد", "محمد", "محمد", "محمد"},
    // fold_digits: Arabic-Indic, Eastern Arabic-Indic, ٫ ٬ ٪.
    {"fold_digits", "١٢٣", "123", "123", "123"},
    {"fold_digits", "۱۲۳۴۵۶۷۸۹۰", "1234567890", "1234567890", "1234567890"},
    {"fold_digits", "٣٫٥", "3.5", "3.5", "3.5"},
    {"fold_digits", "١٬٠٠٠", "1,000", "1,000", "1,000"},
    {"fold_digits", "٥٠٪", "50%", "50%", "50%"},
    {"fold_digits", "عام ٢٠١٦م", "عام 2016م", "عام 2016م", "عام 2016م"},
    // fold_persian: Persian/Urdu letter forms used in Arabic text.
    {"fold_persian", "کتاب", "كتاب", "كتاب", "كتاب"},
    {"fold_persian", "ایران", "ايران", "ايران", "ايران"},
    {"fold_persian", "علی", "علي", "علي", "علي"},
    {"fold_persian", "ې", "ي", "ي", "ي"},
    {"fold_persian", "ے", "ي", "ي", "ي"},
    {"fold_persian", "ە", "ه", "ه", "ه"},
    {"fold_persian", "خانۀ", "خانه", "خانه", "خانه"},
    {"fold_persian", "ھ", "ه", "ه", "ه"},
    {"fold_persian", "ہ", "ه", "ه", "ه"},
    {"fold_persian", "ۃ", "ة", "ة", "ه"},
    {"fold_persian", "ۓ", "ئ", "ئ", "ء"},
    {"fold_persian", "گوگل", "گوگل", "گوگل", "كوكل"},
    // search only: fold_alef.
    {"fold_alef", "أحمد", "احمد", "أحمد", "احمد"},
    {"fold_alef", "إسلام", "اسلام", "إسلام", "اسلام"},
    {"fold_alef", "آخر", "اخر", "آخر", "اخر"},
    {"fold_alef", "ٱلسلام", "السلام", "ٱلسلام", "السلام"},
    // fold_yeh.
    {"fold_yeh", "على", "علي", "على", "علي"},
    {"fold_yeh", "مصطفى", "مصطفي", "مصطفى", "مصطفي"},
    // fold_teh_marbuta.
    {"fold_teh_marbuta", "مدرسة", "مدرسه", "مدرسة", "مدرسه"},
    {"fold_teh_marbuta", "الخارجية", "الخارجيه", "الخارجية", "الخارجيه"},
    // fold_hamza_carriers.
    {"fold_hamza_carriers", "مسؤول", "مسءول", "مسؤول", "مسءول"},
    {"fold_hamza_carriers", "مسئول", "مسءول", "مسئول", "مسءول"},
    {"fold_hamza_carriers", "شؤون", "شءون", "شؤون", "شءون"},
    {"fold_hamza_carriers", "شئون", "شءون", "شئون", "شءون"},
    // fold_foreign_letters.
    {"fold_foreign_letters", "پاریس", "باریس", "پاريس", "باريس"},
    {"fold_foreign_letters", "ڤيينا", "فيينا", "ڤيينا", "فيينا"},
    {"fold_foreign_letters", "چاي", "جاي", "چاي", "جاي"},
    {"fold_foreign_letters", "گوگل", "كوكل", "گوگل", "كوكل"},
    // lowercase_latin.
    {"lowercase_latin", "Reuters", "reuters", "Reuters", "reuters"},
    {"lowercase_latin", "ÉCOLE", "école", "ÉCOLE", "école"},
    {"lowercase_latin", "ΑΘΗΝΑ", "αθηνα", "ΑΘΗΝΑ", "αθηνα"},
    {"lowercase_latin", "МОСКВА", "москва", "МОСКВА", "москва"},
};

// Whole-pipeline expectations on running text.
struct PipelineRow {
  std::string_view input;
  std::string_view display;
  std::string_view search;
};

inline constexpr PipelineRow kPipelineRows[] = {
    {"قالَ وزيرُ الخارجيـة الأمريكي جون كيري", "قال وزير الخارجية الأمريكي جون كيري",
     "قال وزير الخارجيه الامريكي جون كيري"},
    {"\u200Fفي ٢٦ آب/أغسطس ٢٠١٦\u200F", "في 26 آب/أغسطس 2016", "في 26 اب/اغسطس 2016"},
    {"ﺍﻟﻤﺴﺆﻭﻝ ﻻ ﻳﻌﻠﻢ", "المسؤول لا يعلم", "المسءول لا يعلم"},
    {"نسبة ٣٫٥٪ من ١٬٢٠٠", "نسبة 3.5% من 1,200", "نسبه 3.5% من 1,200"},
    {"Sergey LAVROV\u00A0و\u00A0John Kerry", "Sergey LAVROV و John Kerry", "sergey lavrov و john kerry"},
    {"مُؤْتَمَرٌ صَحَفِيٌّ فِي جِنِيفَ", "مؤتمر صحفي في جنيف", "مءتمر صحفي في جنيف"},
};

}  // namespace malaf::text::testing
