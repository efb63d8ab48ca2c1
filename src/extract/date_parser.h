// DateParser: finds dates in Arabic (and English) news text and resolves them.
//
// It reads what Arabic news sites print: the three month-name systems
// (يناير…, كانون الثاني…, جانفي…) and combined forms (أغسطس/آب), weekday
// names (checked against the date, and used to resolve "اليوم الجمعة"),
// Arabic-Indic digits, numeric d/m/y, y/m/d and m/d/y (told apart by their
// values), 12-hour clocks with AM/PM, ص/م or صباحاً/مساءً, ISO 8601 and RFC
// 822, odd forms (28.08.2016, 27AUGUST2016), English month names, time-zone
// notes (GMT, ت غ, بتوقيت مكة), Hijri dates (converted through ICU's
// islamic-umalqura calendar) and relative forms ("منذ 10 ساعات", "أمس",
// "الجمعة الماضي", "15 ساعة" on a line of its own) against a reference time.
// The words it knows are data: data/months.tsv, data/weekdays.tsv and
// data/date_words.tsv.
//
// Threads: a DateParser is immutable after construction and safe for
// concurrent use; DateParser::Default() is built once and lives for the
// process. Errors: nothing is thrown; text without a date simply yields no
// match. Input should be valid UTF-8 (invalid bytes are skipped, never read
// past the end). Work is linear in the input size; memory beyond the
// result is bounded (long texts are scanned in pieces cut at line ends).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace malaf {

// How much of a date is known. Ordered: a larger value knows more.
enum class DatePrecision : int { kNone = 0, kYear = 1, kMonth = 2, kDay = 3, kMinute = 4 };

// A civil (wall-clock) date and time, to a precision. Fields beyond the
// precision are zero (month and day are 1-based when known).
struct CivilTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  DatePrecision precision = DatePrecision::kNone;
  bool has_utc_offset = false;  // only when the text (or input) gave a zone
  int utc_offset_minutes = 0;   // local time minus UTC, e.g. +180 for +03:00

  bool known() const { return precision != DatePrecision::kNone; }
  // ISO 8601 to the precision: "2016", "2016-08", "2016-08-26",
  // "2016-08-27T10:27", "2016-08-27T15:00+08:00" (offset only when known);
  // "" when unknown.
  std::string Iso() const;
  // ISO weekday of the date (1 = Monday … 7 = Sunday); 0 below day precision.
  int Weekday() const;
};

// `t` moved by `days` (day precision or finer; otherwise returned as is).
CivilTime AddDays(const CivilTime& t, int days);

// Parses an ISO 8601 reference ("2016-08-27", "2016-08-27T10:00",
// "2016-08-27T10:00:00+03:00", "2016-08", also "27/8/2016") as given by
// --reference-date or a source's own date. InvalidArgument when unreadable.
Result<CivilTime> ParseReferenceTime(std::string_view text);

// What kind of expression a match came from; the caller weighs them.
enum class DateKind : int {
  kAbsolute = 0,   // a calendar date written out ("26 أغسطس 2016", "2016/08/27 01:51 ص")
  kAgo = 1,        // "منذ 10 ساعات", "قبل يومين", or a bare "15 ساعة" on a short line
  kDeictic = 2,    // "اليوم", "أمس", "أول أمس", "اليوم الجمعة", "أمس الخميس"
  kWeekday = 3,    // a weekday alone: "الجمعة", "يوم الجمعة", "الجمعة الماضي"
  kMonthRelative = 4, // "حزيران الماضي", "الشهر الماضي", "العام الماضي"
  kYearOnly = 5,   // "عام 2011"
  kTimeOnly = 6,   // "الساعة 13,00 (11,00 ت غ)": the day comes from the reference
};

struct DateMatch {
  CivilTime value;           // resolved
  std::string iso;           // value.Iso()
  DateKind kind = DateKind::kAbsolute;
  size_t start = 0;          // byte span of the expression in the searched text
  size_t end = 0;
  std::string text;          // the bytes [start, end) of the searched text
  // True when the expression is (nearly) alone on its line, as a site's
  // date line is; false inside running text, where "منذ 12 ساعة" is more
  // often a duration than a time stamp.
  bool standalone = false;
  // A weekday was written and it does not fall on the date (kept, flagged).
  bool weekday_mismatch = false;
  // The date was converted from the Hijri calendar.
  bool hijri = false;
  // The year was not written ("16 يوليو") and came from the reference.
  bool year_inferred = false;
  // Days from the date to the day the text speaks from: 1 for "أمس
  // الخميس" (written the day after), 2 for "أول أمس", 0 otherwise.
  int anchor_days = 0;
};

struct DateParserOptions {
  // Read ambiguous numeric dates (3/4/2016) day first, as Arabic sites do.
  // Unambiguous ones (24/3/2016, 3/24/2016, 2016/08/27) are read by value.
  bool day_first = true;
  // Years outside this range are not dates (guards against numbers in text).
  int min_year = 1900;
  int max_year = 2100;
  // Hijri calendar used for "هـ" dates: "islamic-umalqura" (Saudi official)
  // or "islamic-civil" (tabular).
  std::string hijri_calendar = "islamic-umalqura";
};

// Per-call settings.
struct DateContext {
  // The time relative forms count back from; unknown (the default) means
  // relative forms, and dates written without a year, are not resolved.
  CivilTime reference;
};

class DateParser {
 public:
  // Loads the word tables from the compiled-in data files. Fails
  // (Corruption) when a table is missing or malformed.
  static Result<std::unique_ptr<DateParser>> Create(const DateParserOptions& options = {});
  // The parser with default options; built on first use, never destroyed.
  // REQUIRES: the compiled-in tables are well formed (tested).
  static const DateParser& Default();

  ~DateParser();
  DateParser(const DateParser&) = delete;
  DateParser& operator=(const DateParser&) = delete;

  // Every date expression in `text`, in text order, non-overlapping (the
  // longest reading wins at each place). Spans index `text`.
  std::vector<DateMatch> FindAll(std::string_view text, const DateContext& context = {}) const;

  // The first date a reader would take as the text's own date: the first
  // written date known to the day, or a relative/deictic one that stands
  // alone on its line; failing that, the first absolute (month-only too),
  // relative, deictic or weekday match. Year-only, time-only and
  // month-relative matches are never returned. nullopt when none.
  std::optional<DateMatch> Find(std::string_view text, const DateContext& context = {}) const;

  // Reads a string that is meant to be one date (a meta tag, a feed's
  // pubDate, a JSON field): ISO 8601, RFC 822, JavaScript's Date text, Unix
  // seconds or milliseconds, compact YYYYMMDD[HHMM], or any form FindAll
  // reads (two-digit years too: "27/8/16"). Only the first 4 KiB are read.
  // nullopt when it holds none.
  std::optional<DateMatch> Parse(std::string_view text, const DateContext& context = {}) const;

 // Opaque word tables (defined in date_parser.cc).
  struct Tables;

 private:
  DateParser(const DateParserOptions& options, std::unique_ptr<Tables> tables);
  DateParserOptions options_;
  std::unique_ptr<Tables> tables_;
  friend class DateScanner;
};

}  // namespace malaf
