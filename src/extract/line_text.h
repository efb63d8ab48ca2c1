// Line-level text helpers shared by the input readers (dossiers, feeds, JSON
// exports): splitting into lines, trimming every kind of space an Arabic
// page carries (NBSP, bidi marks, zero-width characters), and building an
// Article body (display-normalized paragraphs joined by a blank line).
// Pure functions on valid UTF-8; thread-safe. Returned views borrow from the
// argument and live as long as it does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace malaf::extract_internal {

// Lines of `text` without their terminators ("\n", "\r\n" or "\r").
std::vector<std::string_view> SplitLines(std::string_view text);

// `s` without leading and trailing spaces, tabs, NBSP (U+00A0), narrow and
// wide Unicode spaces, bidi marks (U+200E/F, U+061C) and zero-width
// characters (U+200B-D, U+FEFF).
std::string_view TrimSpace(std::string_view s);

// Display text of one line: NormalizeDisplay, every run of spaces folded to
// one ' ', trimmed; a run of tatweel standing alone between spaces (used as
// a dash: "جنيف ــ العربي الجديد") becomes "-" instead of vanishing.
std::string CleanLine(std::string_view line);

// Appends CleanLine(line) as a paragraph of `body` ("\n\n" between
// paragraphs); empty lines add nothing.
void AppendParagraph(std::string_view line, std::string* body);

// Body text from free text: every non-empty line becomes a paragraph.
std::string ParagraphsFromText(std::string_view text);

// Number of Unicode code points in valid UTF-8 `s`.
size_t CodePointCount(std::string_view s);

// Words of `s` split on spaces (after TrimSpace), as views into `s`.
std::vector<std::string_view> SplitWords(std::string_view s);

// ASCII lowercase copy.
std::string AsciiLower(std::string_view s);

}  // namespace malaf::extract_internal
