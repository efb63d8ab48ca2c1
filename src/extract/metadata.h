// Article metadata read from the text itself: dateline, wire agencies,
// authors, source line, outlet and publication date.
//
// FillMetadata runs after an Article has been built from any input format
// (page, dossier section, feed item, JSON record). It reads the head of
// a->body and:
//  - takes the dateline at the start of the first paragraph ("جنيف ــ
//    العربي الجديد", "موسكو - أ ف ب، يو بي آي، رويترز", "دبي، الإمارات
//    العربية المتحدة (CNN)--", "جنيف 26 أغسطس 2016 /", "(أ ف ب) -",
//    "واس- الرياض:") into dateline and dateline_city;
//  - takes author lines ("كتب : …", "كتب عامر مصطفى", "بواسطة : …") into
//    authors, source lines ("المصدر: …", "/مصدر: شينخوا/") into agencies
//    or the outlet;
//  - cleans authors given by the caller that are datelines or credits, as
//    exports hold them ("لندن: «الشرق الأوسط»" -> dateline and city;
//    "لندن: رنيم حنوش" -> city and the name; "أحمد الشميري (صنعاء)" -> the
//    name and the city; "وكالات", an outlet's name -> dropped);
//  - collects agencies credited anywhere in the text, one canonical
//    (Arabic) name each, from data/agencies.tsv;
//  - sets published/published_text from the candidate date texts first
//    (meta tags, pubDate, JSON date), then date lines at the head of the
//    body, then dates early in the body, resolving relative forms against
//    options.reference;
//  - sets outlet (when empty) from options.outlet_hint, the URL's domain,
//    the dateline or a source line, through the outlet registry (outlets.h).
// Body editing (options.edit_body): lines at the head that are only
// metadata or furniture (a date line, an author line, a source line, the
// title repeated, share/print/comment counters) are removed, and so are
// trailing source lines ("المصدر: وكالات"). The dateline is removed too and
// kept in a->dateline: whether it stands on a line of its own ("جنيف ــ
// العربي الجديد") or opens the first paragraph ("جنيف 26 أغسطس 2016 /
// قال…", "(أ ف ب) - انضم…"), it is set off by its separator and is not
// part of the first sentence, and wire copies that differ only in their
// datelines then read the same. A place that is part of the sentence ("في
// جنيف، قال…") has no separator, is not a dateline and stays. Fields
// already set by the caller are kept (a title, authors from markup, a
// date); an outlet is replaced by its canonical name when the registry
// knows it.
// Published date order: options.date_texts; a date line at the head; a date
// in the dateline; early in the body (first early_body_bytes): a deictic
// day ("اليوم"، "أمس الخميس" -> the day after) or a standalone relative
// date, then a written date (with its year, or within the week before the
// reference), then a weekday within that week. Dates after the reference
// ("غدا"، "الأحد المقبل") are never taken as the publication date.
// Threads: pure function of its arguments; safe for concurrent use.
// Errors: none; what cannot be read is left empty.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/article.h"
#include "extract/date_parser.h"

namespace malaf {

struct MetadataOptions {
  // Raw date strings from the input's own markup, best first: page meta
  // tags and <time>, a feed item's pubDate, a JSON record's date field.
  std::vector<std::string> date_texts;
  // The time relative dates count back from: the dossier's date, the
  // feed's date, --reference-date, the file's mtime. Unknown = relative
  // dates are not resolved (ParseReferenceTime reads an ISO string).
  CivilTime reference;
  // An outlet name or domain from outside the body (dossier prefix,
  // og:site_name, feed title, JSON "source"), used when a->outlet is empty
  // and canonicalized through the registry.
  std::string outlet_hint;
  // Remove head lines that are only metadata or furniture (see above).
  bool edit_body = true;
  // How many leading lines (paragraph lines) count as the head.
  size_t head_lines = 6;
  // How far into the body (bytes) a date is still taken as the article's.
  size_t early_body_bytes = 3000;
};

void FillMetadata(Article* a, const MetadataOptions& options);

// Agencies credited in `text`, canonical names in order of first mention,
// each once. Short or ambiguous names (واس، وام، قنا) count only where the
// text credits them: in parentheses, after "وكالة", in a dateline or a
// source line.
std::vector<std::string> FindAgencies(std::string_view text);

// The canonical display name of an agency from any of its names
// ("أ ف ب", "AFP", "فرانس برس" -> "فرانس برس"), else "".
std::string CanonicalAgency(std::string_view name);

}  // namespace malaf
