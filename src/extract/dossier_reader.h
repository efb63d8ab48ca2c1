// Reading a compiled press dossier ("ملف"): a header (breadcrumb, title,
// date, preparer "إعداد : ..."), a numbered table of contents of
// `outlet : headline` lines, then one section per article separated by rule
// lines (====, ----, ____, ***, ───); a bulleted contents list (•, -, *)
// works too when most entries name an outlet. Each section is matched to its contents
// entry by headline similarity (position only breaks ties and fills gaps), so
// that outlet and headline come from the contents and the section head
// together. Sections without an entry, entries without an outlet and
// headline-only sections are kept.
// Pure functions on valid UTF-8; thread-safe. The results own their strings.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace malaf {

// True for a name known to be an outlet (from a registry of outlets).
using OutletPredicate = std::function<bool(std::string_view)>;

struct DossierEntry {
  int number = 0;        // as printed in the contents (0 for a bulleted entry)
  std::string line;      // the entry without its number, display text
  std::string outlet;    // "" when the line names none
  std::string headline;  // the rest (the whole line when no outlet)
};

struct DossierSection {
  std::string head;                // first non-blank line, display text
  std::string outlet;              // from the contents entry, else the head
  std::string headline;            // from the contents entry, else the head
  std::vector<std::string> lines;  // body lines after the head (display text, no blank lines)
  int entry = -1;                  // index into Dossier::contents; -1 when none matched
  double similarity = 0;           // word overlap (Dice) of head and entry, 0..1
  bool head_is_body = false;       // the first line is body text (no head): it starts `lines`
};

struct Dossier {
  std::string title;
  std::string date_text;  // the dossier's own date as written ("27/8/2016")
  std::string date;       // the same as ISO 8601 ("2016-08-27"), "" when not numeric
  std::string preparer;   // after "إعداد :"
  std::vector<std::string> header_lines;
  std::vector<DossierEntry> contents;
  std::vector<DossierSection> sections;
};

struct DossierOptions {
  // Recognises outlet names beyond those the dossier itself establishes
  // (names used with "outlet : headline" anywhere in it). May be empty.
  OutletPredicate is_outlet;
  size_t max_sections = 200000;  // more fail with ResourceExhausted
};

// Fails (Corruption) when the text has no section at all.
Result<Dossier> ReadDossier(std::string_view utf8, const DossierOptions& options = {});

// Cheap test used by format detection: rule lines plus contents entries or
// section heads of the `outlet : headline` shape.
bool LooksLikeDossier(std::string_view utf8);

// A line that separates sections: one character of = - _ * ─ ━ ═ ~ # repeated
// (spaces allowed between, e.g. "* * *"), 3 to 400 characters long.
bool IsRuleLine(std::string_view line);

struct OutletHeadline {
  std::string outlet;  // "" when no outlet could be told apart
  std::string headline;
};

// Splits one contents entry or section head. Separators, strongest first:
// " : " (space before the colon; a colon inside a headline like "كيري: ..."
// has none), a known outlet as prefix (followed by a separator, or anywhere
// when `expect_outlet`), " - " (only when `expect_outlet` or
// the prefix is a known outlet), "X:" with X a known outlet, and a short
// prefix before a quoted speaker ('ايجاز "لافروف": ...') when
// `expect_outlet`.
OutletHeadline SplitOutletHeadline(std::string_view line, bool expect_outlet, const OutletPredicate& is_outlet);

// Word-overlap similarity (Dice over search keys of the words), 0..1.
double HeadlineSimilarity(std::string_view a, std::string_view b);

// "27/8/2016", "28.08.2016", "2016-08-27", "2016/8/27" -> ISO date; "" when
// the text is not such a date (day-first for d/m/y, as in Arabic usage).
std::string NumericDateToIso(std::string_view text);

}  // namespace malaf
