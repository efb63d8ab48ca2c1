// Page furniture recognised from phrases: the labels of comment sections,
// "most read" and related lists, "see also" blocks, share/print widgets and
// "Published On" date lines, in Arabic and English. The phrases are data
// (data/furniture.tsv) matched on search keys, so spelling variants of hamza,
// yeh and teh marbuta and Latin case all meet.
// The table is built once and immutable; every function is thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace malaf {

// True when `line` is a header that starts the page tail: comments ("التعليقات
// (2)"), "الأكثر قراءة", "حول هذه القصة", "المزيد من أزمات", "Related stories".
// Only short lines qualify; a sentence that mentions comments never does.
bool IsTailHeader(std::string_view line);

// True when `line` opens a "see also" block: "اقرأ أيضا", "Read also: ...".
// `*headline_follows` (optional) is set when the header stands alone, so
// the next headline-like lines belong to it.
bool IsSeeAlsoHeader(std::string_view line, bool* headline_follows = nullptr);

// True for a "Published On 24/3/2016" / "آخر تحديث ..." style line: a date
// label followed by something with a digit, and short.
bool IsDateLabelLine(std::string_view line);

// Strips share/print/counter widget runs from the start and end of `line`
// ("... إنشر على الفيسبوك إنشر على تويتر", "0 تعليق 14 ارسل لصديق نسخة للطباعة").
// Returns the remaining text as written, trimmed; "" when the whole line is
// furniture. Single weak words ("Share", "تعليق") inside or at the edge of
// a sentence are left alone.
std::string StripWidgetText(std::string_view line);

// True when `line` ends with a photo credit in parentheses ("(الأوروبية)",
// "(REUTERS)"), ends with a "Credit: ESA" / "تصوير: ..." label, or carries an
// agency photo credit like "REUTERS/Name".
bool HasPhotoCredit(std::string_view line);

// True for a site notice that starts a paragraph ("All rights reserved",
// "This document is subject to copyright", "جميع الحقوق محفوظة").
bool IsNoticeLine(std::string_view line);

// Cleans the lines of a section body copied from a site: drops lines that
// are only furniture and strips widget runs from line edges. Blank lines are
// kept (they separate paragraphs). Order is preserved.
std::vector<std::string> CleanFurnitureLines(const std::vector<std::string>& lines);

}  // namespace malaf
