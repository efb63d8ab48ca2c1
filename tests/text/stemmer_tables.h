// Light stemmer table: word (display form) -> stem of its search key. Shared
// by stemmer_test.cc and analyze_cli_test.cc.
#pragma once

#include <string_view>

namespace malaf::text::testing {

struct StemRow {
  std::string_view word;
  std::string_view stem;
};

inline constexpr StemRow kStemRows[] = {
    // Article groups.
    {"الكتاب", "كتاب"},
    {"والكتاب", "كتاب"},
    {"بالكتاب", "كتاب"},
    {"للكتاب", "كتاب"},
    {"فالكتاب", "كتاب"},
    {"كالكتاب", "كتاب"},
    // Suffixes (after search folding: ة -> ه, ى -> ي).
    {"المدرسة", "مدرس"},
    {"مدرستها", "مدرست"},
    {"المعلمون", "معلم"},
    {"المعلمين", "معلم"},
    {"المعلمات", "معلم"},
    {"الخارجية", "خارج"},
    {"العربي", "عرب"},
    {"العربية", "عرب"},
    {"كتابان", "كتاب"},
    {"كتابه", "كتاب"},
    // Leading و: conjunction stripped...
    {"وقال", "قال"},
    {"وأكد", "اكد"},
    {"والمعلمون", "معلم"},
    // ...but not when it is a root letter.
    {"وزير", "وزير"},
    {"الوزير", "وزير"},
    {"والوزير", "وزير"},
    {"ووزير", "وزير"},
    {"وزارة", "وزار"},
    {"وزراء", "وزراء"},
    {"وقت", "وقت"},
    {"وكالة", "وكال"},
    {"الولايات", "ولا"},
    {"واشنطن", "واشنطن"},
    // Must NOT be over-stemmed: guards leave short words whole.
    {"بين", "بين"},
    {"يكون", "يكون"},
    {"مكان", "مكان"},
    {"بريطانيا", "بريطانيا"},
    {"فرنسا", "فرنسا"},
    {"لندن", "لندن"},
    {"كتب", "كتب"},
    {"له", "له"},
    {"الله", "الله"},
    {"ولد", "ولد"},
    {"الصين", "صين"},
    // Names that look affixed (keep list).
    {"البحرين", "بحرين"},
    {"والبحرين", "بحرين"},
    {"بالبحرين", "بحرين"},
    {"والله", "الله"},
    {"فلسطين", "فلسطين"},
    {"لبنان", "لبنان"},
    {"السودان", "سودان"},
    // Non-Arabic passes through.
    {"reuters", "reuters"},
    {"2016", "2016"},
};

}  // namespace malaf::text::testing
