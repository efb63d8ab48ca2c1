#include "extract/date_parser.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "base/data_files.h"
#include "extract/fold_tokens.h"

namespace malaf {

// ---------------------------------------------------------------------------
// Civil-date arithmetic (proleptic Gregorian; H. Hinnant's algorithms).

namespace {

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2) return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : 28;
  return kDays[m - 1];
}

bool ValidDate(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

int IsoWeekdayOfDays(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

CivilTime DayValue(int64_t days) {
  CivilTime t;
  CivilFromDays(days, &t.year, &t.month, &t.day);
  t.precision = DatePrecision::kDay;
  return t;
}

int64_t DaysOf(const CivilTime& t) { return DaysFromCivil(t.year, t.month, t.day); }

}  // namespace

std::string CivilTime::Iso() const {
  char buf[48];
  switch (precision) {
    case DatePrecision::kNone: return "";
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); return buf;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); return buf;
    case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); return buf;
    case DatePrecision::kMinute: {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
      std::string s = buf;
      if (has_utc_offset) {
        int off = utc_offset_minutes;
        char sign = off < 0 ? '-' : '+';
        if (off < 0) off = -off;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, off / 60, off % 60);
        s += buf;
      }
      return s;
    }
  }
  return "";
}

CivilTime AddDays(const CivilTime& t, int days) {
  if (t.precision < DatePrecision::kDay) return t;
  CivilTime out = t;
  CivilFromDays(DaysOf(t) + days, &out.year, &out.month, &out.day);
  return out;
}

int CivilTime::Weekday() const {
  if (precision < DatePrecision::kDay) return 0;
  return IsoWeekdayOfDays(DaysOf(*this));
}

namespace {

using fold::Decode;
using fold::IsPunct;
using fold::Tok;
using fold::TokKind;
using fold::Tokenize;
// ---------------------------------------------------------------------------
// The lexicon built from the data tables.

enum class Role : uint8_t {
  kUnit, kAgo, kToday, kYesterday, kDayBefore, kTomorrow, kLast, kNext, kPeriod, kZone, kHijri,
  kGregorian, kYearWord, kHourWord, kDayWord, kMonthWord, kIntro, kNotDay, kOrdinal, kDayOrdinal,
};

enum class Unit : uint8_t { kMinute, kHour, kDay, kWeek, kMonth, kYear };

enum class Period : uint8_t { kAm, kPm, kNoon, kDawn, kNight };

struct LexEntry {
  int gregorian_month = 0;
  int hijri_month = 0;
  int weekday = 0;
  uint32_t roles = 0;  // bit set of Role
  Unit unit = Unit::kDay;
  int unit_count = 0;  // 0: one without a number; 2: dual form; -1: plural, needs a number
  Period period = Period::kAm;
  std::string zone;    // IANA id, "UTC" or "local"
  int day_ordinal = 0; // "الثالث" = 3 (as a day of the month)
  bool Has(Role r) const { return roles & (1u << static_cast<int>(r)); }
};

}  // namespace

struct DateParser::Tables {
  std::unordered_map<std::string, LexEntry> lex;  // key: folded tokens joined by ' '
  std::unordered_set<std::string> first_keys;      // first token of every key: a cheap gate
  size_t max_tokens = 1;
};

namespace {

std::string JoinKeys(const std::vector<Tok>& toks, size_t from, size_t n) {
  std::string k;
  for (size_t j = from; j < from + n; ++j) {
    if (j > from) k.push_back(' ');
    k += toks[j].key;
  }
  return k;
}

Status AddTable(std::string_view name, DateParser::Tables* t,
                Status (*row)(const std::vector<std::string_view>&, LexEntry*)) {
  auto bytes = DataFile(name);
  if (!bytes) return Status::Corruption(std::string(name) + ": missing from the compiled-in data");
  for (const auto& fields : ReadTable(*bytes)) {
    if (fields.empty() || fields[0].empty()) continue;
    std::vector<Tok> toks = Tokenize(fields[0]);
    if (toks.empty()) continue;
    std::string key = JoinKeys(toks, 0, toks.size());
    LexEntry& e = t->lex[key];
    t->first_keys.insert(toks[0].key);
    Status st = row(fields, &e);
    if (!st.ok()) return st.WithContext(std::string(name) + ": row '" + std::string(fields[0]) + "'");
    t->max_tokens = std::max(t->max_tokens, toks.size());
  }
  return Status::OK();
}

int ToInt(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : 0;
}

Status MonthRow(const std::vector<std::string_view>& f, LexEntry* e) {
  if (f.size() < 3) return Status::Corruption("expected spelling, calendar, month");
  int m = ToInt(f[2]);
  if (m < 1 || m > 12) return Status::Corruption("month out of range");
  if (f[1] == "gregorian") e->gregorian_month = m;
  else if (f[1] == "hijri") e->hijri_month = m;
  else return Status::Corruption("calendar must be gregorian or hijri");
  return Status::OK();
}

Status WeekdayRow(const std::vector<std::string_view>& f, LexEntry* e) {
  if (f.size() < 2) return Status::Corruption("expected spelling, weekday");
  int w = ToInt(f[1]);
  if (w < 1 || w > 7) return Status::Corruption("weekday out of range");
  e->weekday = w;
  return Status::OK();
}

Status WordRow(const std::vector<std::string_view>& f, LexEntry* e) {
  if (f.size() < 2) return Status::Corruption("expected spelling, role");
  std::string_view role = f[1];
  std::string_view value = f.size() > 2 ? f[2] : std::string_view();
  static const std::map<std::string_view, Role> kRoles = {
      {"unit", Role::kUnit},         {"ago", Role::kAgo},         {"today", Role::kToday},
      {"yesterday", Role::kYesterday}, {"daybefore", Role::kDayBefore}, {"tomorrow", Role::kTomorrow},
      {"last", Role::kLast},         {"next", Role::kNext},       {"period", Role::kPeriod},
      {"zone", Role::kZone},         {"hijri", Role::kHijri},     {"gregorian", Role::kGregorian},
      {"yearword", Role::kYearWord}, {"hourword", Role::kHourWord}, {"dayword", Role::kDayWord},
      {"monthword", Role::kMonthWord}, {"intro", Role::kIntro},   {"notday", Role::kNotDay},
      {"ordinal", Role::kOrdinal},   {"dayordinal", Role::kDayOrdinal},
  };
  auto it = kRoles.find(role);
  if (it == kRoles.end()) return Status::Corruption("unknown role");
  e->roles |= 1u << static_cast<int>(it->second);
  if (it->second == Role::kUnit) {
    std::string_view u = value;
    size_t star = u.find('*');
    e->unit_count = 0;
    if (star != std::string_view::npos) {
      std::string_view count = u.substr(star + 1);
      e->unit_count = count == "n" ? -1 : ToInt(count);
      u = u.substr(0, star);
    }
    static const std::map<std::string_view, Unit> kUnits = {
        {"minute", Unit::kMinute}, {"hour", Unit::kHour}, {"day", Unit::kDay},
        {"week", Unit::kWeek},     {"month", Unit::kMonth}, {"year", Unit::kYear}};
    auto u_it = kUnits.find(u);
    if (u_it == kUnits.end()) return Status::Corruption("unknown unit");
    e->unit = u_it->second;
  } else if (it->second == Role::kPeriod) {
    static const std::map<std::string_view, Period> kPeriods = {
        {"am", Period::kAm}, {"pm", Period::kPm}, {"noon", Period::kNoon},
        {"dawn", Period::kDawn}, {"night", Period::kNight}};
    auto p_it = kPeriods.find(value);
    if (p_it == kPeriods.end()) return Status::Corruption("unknown period");
    e->period = p_it->second;
  } else if (it->second == Role::kZone) {
    if (value.empty()) return Status::Corruption("zone needs a value");
    e->zone = std::string(value);
  } else if (it->second == Role::kDayOrdinal) {
    e->day_ordinal = ToInt(value);
    if (e->day_ordinal < 1 || e->day_ordinal > 31) return Status::Corruption("day ordinal out of range");
  }
  return Status::OK();
}

// UTC offset in minutes of an IANA zone at a local date and time (ICU).
std::optional<int> ZoneOffset(const std::string& zone, const CivilTime& local) {
  if (zone == "UTC") return 0;
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  if (!tz || *tz == icu::TimeZone::getUnknown()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  double local_ms = (static_cast<double>(DaysOf(local)) * 1440.0 + local.hour * 60 + local.minute) * 60000.0;
  int32_t raw = 0, dst = 0;
  tz->getOffset(local_ms, true, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return (raw + dst) / 60000;
}

}  // namespace

// ---------------------------------------------------------------------------
// The scanner: recognizes date expressions over the token stream.

class DateScanner {
 public:
  DateScanner(const DateParser& parser, std::string_view text, const DateContext& ctx, bool whole_string)
      : opt_(parser.options_), tables_(*parser.tables_), text_(text), ref_(ctx.reference),
        whole_(whole_string), toks_(Tokenize(text)) {
    ComputeLines();
    lexical_.resize(toks_.size());
    matches_.resize(toks_.size());
    for (size_t i = 0; i < toks_.size(); ++i)
      lexical_[i] = toks_[i].kind != TokKind::kPunct && tables_.first_keys.count(toks_[i].key) > 0;
  }

  std::vector<DateMatch> Run() {
    std::vector<DateMatch> out;
    size_t i = 0;
    while (i < toks_.size()) {
      Cand best;
      if ((toks_[i].kind == TokKind::kNumber || lexical_[i]) && TryAt(i, &best)) {
        DateMatch m = MakeMatch(best);
        if (Keep(m, best)) {
          out.push_back(std::move(m));
          i = best.end;
          continue;
        }
      }
      ++i;
    }
    return out;
  }

 private:
  struct Cand {
    size_t begin = 0, end = 0;  // token range [begin, end)
    CivilTime value;
    DateKind kind = DateKind::kAbsolute;
    bool weekday_mismatch = false;
    bool hijri = false;
    bool bare_ago = false;       // "15 ساعة" without منذ
    bool year_inferred = false;
    int anchor_days = 0;
  };

  struct Clock {
    int hour = 0, minute = 0;
    size_t end = 0;
    bool has_zone = false;
    int offset = 0;
    std::string zone_id;  // resolved later against the date
  };

  // -- token helpers --------------------------------------------------------
  bool In(size_t i) const { return i < toks_.size() && toks_[i].kind != TokKind::kNewline; }
  bool Num(size_t i) const { return In(i) && toks_[i].kind == TokKind::kNumber; }
  bool Word(size_t i) const { return In(i) && toks_[i].kind == TokKind::kWord; }
  bool Punct(size_t i, std::string_view p) const { return In(i) && IsPunct(toks_[i], p); }
  bool SameLine(size_t a, size_t b) const { return b < toks_.size() && toks_[a].line == toks_[b].line; }

  // Lexicon entries starting at token i, longest first (computed once).
  const std::vector<std::pair<size_t, const LexEntry*>>& MatchesAt(size_t i) const {
    static const std::vector<std::pair<size_t, const LexEntry*>> kNone;
    if (i >= toks_.size() || !lexical_[i]) return kNone;
    auto& slot = matches_[i];
    if (!slot) {
      slot.emplace();
      size_t maxn = std::min(tables_.max_tokens, toks_.size() - i);
      for (size_t k = maxn; k >= 1; --k) {
        bool ok = true;
        for (size_t j = i; j < i + k; ++j)
          if (!In(j)) { ok = false; break; }
        if (!ok) continue;
        auto it = tables_.lex.find(JoinKeys(toks_, i, k));
        if (it != tables_.lex.end()) slot->emplace_back(k, &it->second);
      }
    }
    return *slot;
  }
  // Longest lexicon entry at token i having a given property.
  template <typename Pred>
  const LexEntry* LexWhere(size_t i, size_t* n, Pred pred) const {
    for (const auto& [k, e] : MatchesAt(i)) {
      if (pred(*e)) {
        *n = k;
        return e;
      }
    }
    return nullptr;
  }
  const LexEntry* Role(size_t i, enum Role r, size_t* n) const {
    return LexWhere(i, n, [r](const LexEntry& e) { return e.Has(r); });
  }

  bool RefDay() const { return ref_.precision >= DatePrecision::kDay; }

  // -- lines ----------------------------------------------------------------
  void ComputeLines() {
    int lines = toks_.empty() ? 0 : toks_.back().line + 1;
    line_words_.assign(lines, 0);
    line_ends_sentence_.assign(lines, false);
    for (const Tok& t : toks_) {
      if (t.kind == TokKind::kWord || t.kind == TokKind::kNumber) ++line_words_[t.line];
      if (t.kind != TokKind::kNewline)
        line_ends_sentence_[t.line] = t.kind == TokKind::kPunct && (t.key == "." || t.key == "!" || t.key == "?" ||
                                                                      t.key == "\xd8\x9f" /* ؟ */);
    }
  }
  // A date line: short, not a sentence, and the expression opens it (within
  // its first three words) or closes it (within its last two).
  bool Standalone(const Cand& c, size_t max_words) const {
    if (whole_) return true;
    int line = toks_[c.begin].line;
    if (line_words_[line] > static_cast<int>(max_words) || line_ends_sentence_[line]) return false;
    int before = 0, after = 0;
    for (size_t k = c.begin; k-- > 0 && toks_[k].line == line;)
      if (toks_[k].kind == TokKind::kWord || toks_[k].kind == TokKind::kNumber) ++before;
    for (size_t k = c.end; k < toks_.size() && toks_[k].line == line && toks_[k].kind != TokKind::kNewline; ++k)
      if (toks_[k].kind == TokKind::kWord || toks_[k].kind == TokKind::kNumber) ++after;
    return before <= 3 || after <= 2;
  }

  // -- pieces ---------------------------------------------------------------
  // A month name at i (with a combined second name: أغسطس/آب, آب (أغسطس)).
  bool MonthAt(size_t i, bool hijri_ok, int* month, bool* hijri, size_t* end) const {
    size_t n = 0;
    const LexEntry* e = LexWhere(i, &n, [&](const LexEntry& x) {
      return x.gregorian_month || (hijri_ok && x.hijri_month);
    });
    if (!e) return false;
    *hijri = !e->gregorian_month;
    *month = *hijri ? e->hijri_month : e->gregorian_month;
    size_t j = i + n;
    // Combined forms: NAME/NAME, NAME-NAME, NAME (NAME).
    if (!*hijri && (Punct(j, "/") || Punct(j, "-") || Punct(j, "("))) {
      bool paren = Punct(j, "(");
      size_t n2 = 0;
      const LexEntry* e2 = LexWhere(j + 1, &n2, [](const LexEntry& x) { return x.gregorian_month != 0; });
      if (e2 && e2->gregorian_month == *month) {
        size_t k = j + 1 + n2;
        if (!paren) j = k;
        else if (Punct(k, ")")) j = k + 1;
      }
    }
    *end = j;
    return true;
  }

  bool YearAt(size_t i, bool hijri, int* year) const {
    if (!Num(i) || toks_[i].digits != 4) return false;
    int y = static_cast<int>(toks_[i].num);
    if (hijri) {
      if (y < 1300 || y > 1600) return false;
    } else if (y < opt_.min_year || y > opt_.max_year) {
      return false;
    }
    *year = y;
    return true;
  }

  bool DayNum(size_t i, int* day) const {
    if (!Num(i) || toks_[i].digits > 2 || toks_[i].num < 1 || toks_[i].num > 31) return false;
    *day = static_cast<int>(toks_[i].num);
    return true;
  }

  // Skips separators that may stand between a date and its time.
  size_t SkipTimeJoin(size_t j) const {
    for (int guard = 0; guard < 3 && In(j); ++guard) {
      if (Punct(j, ",") || Punct(j, "-") || Punct(j, "|") || Punct(j, "/") || Punct(j, "@") || Punct(j, "\xe2\x80\x93")) {
        ++j;
        continue;
      }
      size_t n = 0;
      if (Role(j, Role::kHourWord, &n)) { j += n; continue; }
      if (Word(j) && (toks_[j].key == "في" || toks_[j].key == "على" || toks_[j].key == "at" || toks_[j].key == "t")) {
        ++j;
        continue;
      }
      break;
    }
    return j;
  }

  // Zone after a clock time: GMT, GMT+3, +03:00, +0300, Z, "بتوقيت مكة".
  bool ZoneAt(size_t i, Clock* c) const {
    size_t j = i;
    size_t n = 0;
    const LexEntry* z = Role(j, Role::kZone, &n);
    if (z) {
      j += n;
      c->has_zone = true;
      c->zone_id = z->zone;
      c->offset = 0;
      // GMT+3, UTC +03:00
      int off = 0;
      size_t k = 0;
      if (z->zone == "UTC" && OffsetAt(j, &off, &k)) {
        c->zone_id = "";
        c->offset = off;
        j = k;
      }
      c->end = j;
      return true;
    }
    int off = 0;
    size_t k = 0;
    if (OffsetAt(j, &off, &k)) {
      c->has_zone = true;
      c->zone_id = "";
      c->offset = off;
      c->end = k;
      return true;
    }
    return false;
  }

  // "+03:00", "+0300", "-5", "+3" -> minutes.
  bool OffsetAt(size_t i, int* off, size_t* end) const {
    if (!(Punct(i, "+") || Punct(i, "-")) || !Num(i + 1) || toks_[i + 1].space_before) return false;
    int sign = Punct(i, "-") ? -1 : 1;
    const Tok& n = toks_[i + 1];
    int h = 0, m = 0;
    size_t j = i + 2;
    if (n.digits == 4) {
      h = static_cast<int>(n.num / 100);
      m = static_cast<int>(n.num % 100);
    } else if (n.digits <= 2) {
      h = static_cast<int>(n.num);
      if (Punct(j, ":") && Num(j + 1) && toks_[j + 1].digits == 2) {
        m = static_cast<int>(toks_[j + 1].num);
        j += 2;
      }
    } else {
      return false;
    }
    if (h > 14 || m > 59) return false;
    *off = sign * (h * 60 + m);
    *end = j;
    return true;
  }

  // A clock time at i: H:MM[:SS[.fff]] [period] [zone] [(H,MM zone)].
  // `loose` also accepts H,MM and H.MM (after "الساعة" or before a period).
  bool ClockAt(size_t i, bool loose, Clock* c) const {
    if (!Num(i) || toks_[i].digits > 2 || toks_[i].num > 24) return false;
    size_t j = i + 1;
    bool colon = Punct(j, ":");
    bool other = Punct(j, ",") || Punct(j, ".");
    if (!colon && !other) {
      // "الساعة 10 صباحاً": a whole hour, only after "الساعة" and with a part of day.
      size_t pn = 0;
      const LexEntry* p = loose ? LexWhere(j, &pn, [](const LexEntry& e) { return e.Has(Role::kPeriod); }) : nullptr;
      if (!p || toks_[i].num < 1 || toks_[i].num > 12) return false;
      int h = static_cast<int>(toks_[i].num);
      switch (p->period) {
        case Period::kAm: case Period::kDawn: if (h == 12) h = 0; break;
        case Period::kPm: case Period::kNight: if (h < 12 && !(p->period == Period::kNight && h < 5)) h += 12; break;
        case Period::kNoon: if (h < 5) h += 12; break;
      }
      c->hour = h;
      c->minute = 0;
      c->end = j + pn;
      Clock z;
      if (ZoneAt(c->end, &z)) {
        c->has_zone = true;
        c->offset = z.offset;
        c->zone_id = z.zone_id;
        c->end = z.end;
      }
      return true;
    }
    if (!Num(j + 1) || toks_[j + 1].digits != 2 || toks_[j + 1].num > 59) return false;
    if (toks_[j].space_before || toks_[j + 1].space_before) return false;
    int h = static_cast<int>(toks_[i].num), m = static_cast<int>(toks_[j + 1].num);
    j += 2;
    if (colon && Punct(j, ":") && Num(j + 1) && toks_[j + 1].digits == 2) {
      j += 2;
      if (Punct(j, ".") && Num(j + 1) && !toks_[j + 1].space_before) j += 2;  // fractions of a second
    }
    size_t n = 0;
    const LexEntry* p = LexWhere(j, &n, [](const LexEntry& e) { return e.Has(Role::kPeriod); });
    if (other && !loose && !p) return false;
    if (p) {
      switch (p->period) {
        case Period::kAm: case Period::kDawn: if (h == 12) h = 0; break;
        case Period::kPm: case Period::kNight: if (h < 12 && !(p->period == Period::kNight && h < 5)) h += 12; break;
        case Period::kNoon: if (h < 5) h += 12; break;
      }
      j += n;
    }
    if (h > 23) { if (h == 24 && m == 0) h = 0; else return false; }
    c->hour = h;
    c->minute = m;
    c->end = j;
    Clock z;
    if (ZoneAt(j, &z)) {
      c->has_zone = true;
      c->offset = z.offset;
      c->zone_id = z.zone_id;
      c->end = z.end;
    } else if (Punct(j, "(")) {
      // "13,00 (11,00 ت غ)": the same moment in another zone gives the offset.
      Clock alt;
      if (ClockAt(j + 1, true, &alt) && alt.has_zone && alt.zone_id != "local" && Punct(alt.end, ")")) {
        int alt_utc = alt.hour * 60 + alt.minute - AltOffset(alt);
        int local = h * 60 + m;
        int off = local - alt_utc;
        if (off > 14 * 60) off -= 1440;
        if (off < -14 * 60) off += 1440;
        c->has_zone = true;
        c->offset = off;
        c->zone_id = "";
        c->end = alt.end + 1;
      }
    }
    return true;
  }
  int AltOffset(const Clock& c) const { return c.zone_id.empty() || c.zone_id == "UTC" ? c.offset : 0; }

  void ApplyClock(const Clock& c, CivilTime* t) const {
    t->hour = c.hour;
    t->minute = c.minute;
    t->precision = DatePrecision::kMinute;
    if (c.has_zone && c.zone_id != "local") {
      if (c.zone_id.empty()) {
        t->has_utc_offset = true;
        t->utc_offset_minutes = c.offset;
      } else if (auto off = ZoneOffset(c.zone_id, *t)) {
        t->has_utc_offset = true;
        t->utc_offset_minutes = *off;
      }
    }
  }

  // Hijri -> Gregorian through ICU's Islamic calendar.
  bool FromHijri(int y, int m, int d, CivilTime* out) const {
    UErrorCode st = U_ZERO_ERROR;
    icu::Locale loc(("@calendar=" + opt_.hijri_calendar).c_str());
    std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), loc, st));
    if (U_FAILURE(st) || !cal) return false;
    cal->clear();
    cal->set(UCAL_ERA, 0);
    cal->set(UCAL_YEAR, y);
    cal->set(UCAL_MONTH, m - 1);
    cal->set(UCAL_DATE, d);
    UDate when = cal->getTime(st);
    if (U_FAILURE(st)) return false;
    // Islamic months have 29 or 30 days; a day past the end rolls over: refuse.
    if (cal->get(UCAL_MONTH, st) != m - 1 || U_FAILURE(st)) return false;
    int64_t days = static_cast<int64_t>(when / 86400000.0 + (when < 0 ? -0.5 : 0.5));
    *out = DayValue(days);
    return true;
  }

  // The year for a day and month written without one: the weekday decides
  // when given, else the date nearest the reference (up to ~10 months back,
  // 2 ahead).
  bool InferYear(int month, int day, int weekday, int* year) const {
    if (!RefDay() && ref_.precision < DatePrecision::kMonth) return false;
    int base = ref_.year;
    if (weekday) {
      for (int y : {base, base - 1, base + 1}) {
        if (ValidDate(y, month, day) && IsoWeekdayOfDays(DaysFromCivil(y, month, day)) == weekday) {
          *year = y;
          return true;
        }
      }
    }
    int ref_month = ref_.month;
    int diff = (month - ref_month);
    *year = diff > 2 ? base - 1 : base;
    return ValidDate(*year, month, day);
  }

  int64_t RefDays() const { return DaysFromCivil(ref_.year, ref_.month, ref_.day ? ref_.day : 1); }

  // Most recent `weekday` on or before `days` (strictly before when `strict`).
  static int64_t WeekdayOnOrBefore(int64_t days, int weekday, bool strict) {
    int64_t d = strict ? days - 1 : days;
    int back = (IsoWeekdayOfDays(d) - weekday + 7) % 7;
    return d - back;
  }

  // -- grammar --------------------------------------------------------------
  bool TryAt(size_t i, Cand* best) const {
    Cand c;
    bool found = false;
    auto consider = [&](const Cand& x) {
      if (!found || x.end > best->end) {
        *best = x;
        found = true;
      }
    };
    if (Absolute(i, &c)) consider(c);
    if (Relative(i, &c)) consider(c);
    if (TimeOnly(i, &c)) consider(c);
    return found;
  }

  // [period] [يوم] [weekday [,]] [clock [,]] DATE [clock] | DATE [weekday]
  bool Absolute(size_t i, Cand* out) const {
    size_t j = i;
    size_t n = 0;
    if (const LexEntry* p = Role(j, Role::kPeriod, &n); p && !Num(j)) {
      if (n == 1 && toks_[j].key.size() <= 2) return false;  // "م"/"ص" never open a date
      j += n;
    }
    if (Role(j, Role::kDayWord, &n) && !Num(j)) j += n;
    int weekday = 0;
    if (const LexEntry* w = LexWhere(j, &n, [](const LexEntry& e) { return e.weekday != 0; })) {
      weekday = w->weekday;
      j += n;
      if (Punct(j, ",") || Punct(j, "-")) ++j;
      // "يوم الأحد الموافق 26 يوليو"
      if (Role(j, Role::kIntro, &n) && !Num(j)) j += n;
    }
    Clock lead;
    bool has_lead = false;
    if (ClockAt(j, false, &lead)) {
      has_lead = true;
      j = lead.end;
      if (Punct(j, ",") || Punct(j, "-")) ++j;
    }
    Cand c;
    size_t date_end = 0;
    last_year_inferred_ = false;
    if (!CoreDate(j, weekday, &c.value, &c.hijri, &date_end)) return false;
    c.year_inferred = last_year_inferred_;
    // A lone leading period word ("مساء 27 أغسطس") is fine; a lone "يوم" too.
    c.begin = i;
    c.end = date_end;
    // Hijri followed by its Gregorian equivalent (or the reverse): one span.
    {
      size_t k = date_end;
      if (Punct(k, "-") || Punct(k, ",") || Punct(k, "/") || Punct(k, "(")) ++k;
      size_t m = 0;
      if (Role(k, Role::kIntro, &m)) k += m;
      CivilTime other;
      bool other_hijri = false;
      size_t other_end = 0;
      if (k != date_end && CoreDate(k, 0, &other, &other_hijri, &other_end) && other_hijri != c.hijri) {
        if (c.hijri) c.value = other;
        c.hijri = false;
        c.end = other_end;
        if (Punct(c.end, ")")) ++c.end;
      }
    }
    if (weekday == 0) {  // weekday written after the date: "27 أغسطس 2016، السبت"
      size_t k = c.end;
      if (Punct(k, ",") || Punct(k, "-")) ++k;
      if (const LexEntry* w = LexWhere(k, &n, [](const LexEntry& e) { return e.weekday != 0; })) {
        weekday = w->weekday;
        c.end = k + n;
      }
    }
    if (weekday && c.value.precision >= DatePrecision::kDay && c.value.Weekday() != weekday)
      c.weekday_mismatch = true;
    if (c.value.precision >= DatePrecision::kDay) {
      Clock clk;
      size_t k = SkipTimeJoin(c.end);
      if (has_lead) {
        ApplyClock(lead, &c.value);
        // A zone may follow the date instead: "15:00, August 27, 2016 GMT".
        Clock z;
        if (!lead.has_zone && ZoneAt(c.end, &z)) {
          Clock merged = lead;
          merged.has_zone = true;
          merged.offset = z.offset;
          merged.zone_id = z.zone_id;
          ApplyClock(merged, &c.value);
          c.end = z.end;
        }
      } else if (ClockAt(k, true, &clk)) {
        ApplyClock(clk, &c.value);
        c.end = clk.end;
      }
    }
    c.kind = DateKind::kAbsolute;
    *out = c;
    return true;
  }

  // The calendar date itself. Sets *end past it.
  bool CoreDate(size_t j, int weekday, CivilTime* v, bool* hijri, size_t* end) const {
    int d = 0, m = 0, y = 0;
    bool hj = false;
    size_t k = 0;
    // (a) DAY [sep] MONTH [sep] [yearword] YEAR [era]  — also 27AUGUST2016,
    // and "الثالث من مارس 2020" (an ordinal day).
    size_t mpos = 0;
    bool have_day = false;
    if (DayNum(j, &d)) {
      mpos = j + 1;
      if (Punct(mpos, "-") || Punct(mpos, "/") || Punct(mpos, ".")) ++mpos;
      have_day = true;
    } else {
      size_t on = 0;
      const LexEntry* od = Role(j, Role::kDayOrdinal, &on);
      if (od && Word(j + on) && toks_[j + on].key == "\xd9\x85\xd9\x86" /* من */) {
        d = od->day_ordinal;
        mpos = j + on + 1;
        have_day = true;
      }
    }
    if (have_day) {
      if (MonthAt(mpos, true, &m, &hj, &k)) {
        size_t ypos = k;
        if (Punct(ypos, ",") || Punct(ypos, "-") || Punct(ypos, "/") || Punct(ypos, ".")) ++ypos;
        size_t n = 0;
        if (Role(ypos, Role::kYearWord, &n) && !Num(ypos)) ypos += n;
        if (YearAt(ypos, hj, &y)) {
          size_t e = ypos + 1;
          size_t n2 = 0;
          if (Role(e, hj ? Role::kHijri : Role::kGregorian, &n2) && SameLine(ypos, e)) e += n2;
          return Finish(y, m, d, hj, e, v, hijri, end);
        }
        if (hj) return false;
        // No year: infer from the reference (and the weekday).
        if (!InferYear(m, d, weekday, &y)) return false;
        last_year_inferred_ = true;
        return Finish(y, m, d, false, k, v, hijri, end);
      }
    }
    // (b) MONTH DAY, YEAR  /  (c) MONTH [,|yearword] YEAR
    // A day number right before the month that did not make a valid date
    // ("32 أغسطس 2016") spoils the month-year reading too.
    bool after_day = j > 0 && Num(j - 1) && toks_[j - 1].digits <= 2 && SameLine(j - 1, j);
    if (!after_day && MonthAt(j, true, &m, &hj, &k)) {
      size_t p = k;
      if (DayNum(p, &d)) {
        size_t q = p + 1;
        if (Punct(q, ",")) ++q;
        if (YearAt(q, hj, &y)) {
          size_t e = q + 1;
          size_t n2 = 0;
          if (Role(e, hj ? Role::kHijri : Role::kGregorian, &n2)) e += n2;
          return Finish(y, m, d, hj, e, v, hijri, end);
        }
      }
      size_t q = p;
      if (Punct(q, ",") || Punct(q, "-")) ++q;
      size_t n = 0;
      if (Role(q, Role::kYearWord, &n) && !Num(q)) q += n;
      if (YearAt(q, hj, &y)) {
        size_t e = q + 1;
        size_t n2 = 0;
        if (Role(e, hj ? Role::kHijri : Role::kGregorian, &n2)) e += n2;
        if (hj) {
          CivilTime g;
          if (!FromHijri(y, m, 15, &g)) return false;
          g.day = 0;
          g.precision = DatePrecision::kMonth;
          *v = g;
          *hijri = true;
        } else {
          *v = CivilTime{};
          v->year = y;
          v->month = m;
          v->precision = DatePrecision::kMonth;
          *hijri = false;
        }
        *end = e;
        return true;
      }
      return false;
    }
    // (d) numeric: Y-M-D, D/M/Y, M/D/Y with one separator kind.
    if (Num(j) && (Punct(j + 1, "/") || Punct(j + 1, "-") || Punct(j + 1, ".")) && Num(j + 2) &&
        Punct(j + 3, toks_[j + 1].key) && Num(j + 4)) {
      const Tok& a = toks_[j];
      const Tok& b = toks_[j + 2];
      const Tok& c = toks_[j + 4];
      // All parts touch their separators, or all have spaces ("2016 / 08 / 27").
      bool tight = !toks_[j + 1].space_before && !b.space_before && !toks_[j + 3].space_before && !c.space_before;
      if (!tight && toks_[j + 1].key == ".") return false;
      // A number glued on either side is something else (a version, an id).
      if (j > 0 && In(j - 1) && !a.space_before && (toks_[j - 1].kind == TokKind::kNumber ||
                                                     IsPunct(toks_[j - 1], toks_[j + 1].key)))
        return false;
      if (j + 5 < toks_.size() && In(j + 5) && !toks_[j + 5].space_before && IsPunct(toks_[j + 5], toks_[j + 1].key) &&
          Num(j + 6))
        return false;
      size_t e = j + 5;
      size_t n2 = 0;
      bool era_hijri = false;
      if (Role(e, Role::kHijri, &n2) && !toks_[e].space_before) era_hijri = true;
      else if (Role(e, Role::kHijri, &n2) && toks_[e].key != "ه") era_hijri = true;
      if (a.digits == 4) {  // Y-M-D
        y = static_cast<int>(a.num);
        m = static_cast<int>(b.num);
        d = static_cast<int>(c.num);
        if (b.digits > 2 || c.digits > 2) return false;
      } else if (c.digits == 4 || (whole_ && c.digits == 2)) {
        y = static_cast<int>(c.num);
        if (c.digits == 2) y += 2000;
        if (a.digits > 2 || b.digits > 2) return false;
        int x = static_cast<int>(a.num), z = static_cast<int>(b.num);
        if (x > 12 && z <= 12) { d = x; m = z; }
        else if (z > 12 && x <= 12) { m = x; d = z; }
        else if (opt_.day_first) { d = x; m = z; }
        else { m = x; d = z; }
      } else {
        return false;
      }
      bool hj_num = era_hijri || (y >= 1300 && y <= 1500 && (y < opt_.min_year));
      if (hj_num) {
        if (y < 1300 || y > 1600) return false;
        if (Role(e, Role::kHijri, &n2) && SameLine(j, e)) e += n2;
        return Finish(y, m, d, true, e, v, hijri, end);
      }
      if (y < opt_.min_year || y > opt_.max_year) return false;
      if (Role(e, Role::kGregorian, &n2) && !toks_[e].space_before) e += n2;
      return Finish(y, m, d, false, e, v, hijri, end);
    }
    return false;
  }

  bool Finish(int y, int m, int d, bool hj, size_t e, CivilTime* v, bool* hijri, size_t* end) const {
    if (hj) {
      if (m < 1 || m > 12 || d < 1 || d > 30) return false;
      if (!FromHijri(y, m, d, v)) return false;
    } else {
      if (!ValidDate(y, m, d)) return false;
      *v = CivilTime{};
      v->year = y;
      v->month = m;
      v->day = d;
      v->precision = DatePrecision::kDay;
    }
    *hijri = hj;
    *end = e;
    return true;
  }

  // منذ/قبل N unit…, N unit (standalone), اليوم/أمس [weekday], weekday [الماضي],
  // month الماضي, العام الماضي, عام 2011.
  bool Relative(size_t i, Cand* out) const {
    size_t j = i;
    size_t n = 0;
    Cand c;
    c.begin = i;
    bool lead_period = false;
    if (Role(j, Role::kPeriod, &n) && !(n == 1 && toks_[j].key.size() <= 2)) {
      j += n;
      lead_period = true;
    }
    // ago forms
    if (Role(j, Role::kAgo, &n)) {
      size_t k = j + n;
      int64_t minutes = 0;
      int months = 0;
      DatePrecision prec = DatePrecision::kMinute;
      if (Duration(k, &minutes, &months, &prec, &k)) {
        c.end = k;
        c.kind = DateKind::kAgo;
        if (!ResolveAgo(minutes, months, prec, &c.value)) return false;
        *out = c;
        return true;
      }
    }
    // English "3 hours ago", and bare "15 ساعة"
    {
      int64_t minutes = 0;
      int months = 0;
      DatePrecision prec = DatePrecision::kMinute;
      size_t k = 0;
      if (!lead_period && Num(j) && Duration(j, &minutes, &months, &prec, &k)) {
        size_t m = 0;
        c.end = k;
        if (Role(k, Role::kAgo, &m) && toks_[k].key == "ago") {
          c.end = k + m;
        } else {
          c.bare_ago = true;
        }
        c.kind = DateKind::kAgo;
        if (!ResolveAgo(minutes, months, prec, &c.value)) return false;
        *out = c;
        return true;
      }
    }
    // deictic
    {
      const LexEntry* e = LexWhere(j, &n, [](const LexEntry& x) {
        return x.Has(Role::kToday) || x.Has(Role::kYesterday) || x.Has(Role::kDayBefore) || x.Has(Role::kTomorrow);
      });
      if (e) {
        int back = e->Has(Role::kDayBefore) ? 2 : e->Has(Role::kYesterday) ? 1 : e->Has(Role::kTomorrow) ? -1 : 0;
        size_t k = j + n;
        size_t n2 = 0;
        const LexEntry* w = LexWhere(k, &n2, [](const LexEntry& x) { return x.weekday != 0; });
        // "اليوم (الاثنين)", "أمس (السبت)": the weekday in parentheses.
        if (!w && Punct(k, "(")) {
          size_t n3 = 0;
          const LexEntry* pw = LexWhere(k + 1, &n3, [](const LexEntry& x) { return x.weekday != 0; });
          if (pw && Punct(k + 1 + n3, ")")) {
            w = pw;
            n2 = n3 + 2;
          }
        }
        if (e->Has(Role::kToday) && !w && !lead_period) {
          // "هذا اليوم", "في اليوم الأول", "اليوم السابع": not today.
          if (j > 0 && Word(j - 1)) {
            size_t pn = 0;
            if (Role(j - 1, Role::kNotDay, &pn) && pn == 1) return false;
          }
          size_t on = 0;
          if (Role(k, Role::kOrdinal, &on)) return false;
          if (Num(k)) return false;  // "اليوم 7"
        }
        if (!RefDay()) return false;
        int64_t day = RefDays() - back;
        c.end = k;
        if (w && back >= 0) {
          day = WeekdayOnOrBefore(day, w->weekday, false);
          c.end = k + n2;
        }
        c.value = DayValue(day);
        c.anchor_days = back;
        c.kind = DateKind::kDeictic;
        *out = c;
        return true;
      }
    }
    // weekday alone (Arabic names only)
    {
      size_t k = j;
      if (Role(k, Role::kDayWord, &n) && !Num(k)) k += n;
      size_t n2 = 0;
      const LexEntry* w = LexWhere(k, &n2, [](const LexEntry& x) { return x.weekday != 0; });
      if (w && !IsAsciiKey(toks_[k].key)) {
        size_t e = k + n2;
        size_t n3 = 0;
        bool last = Role(e, Role::kLast, &n3) != nullptr;
        bool next = !last && Role(e, Role::kNext, &n3) != nullptr;
        if (last || next) e += n3;
        if (!RefDay()) return false;
        int64_t r = RefDays();
        int64_t day;
        if (next) {
          int fwd = (w->weekday - IsoWeekdayOfDays(r) + 7) % 7;
          day = r + (fwd == 0 ? 7 : fwd);
        } else {
          day = WeekdayOnOrBefore(r, w->weekday, last);
        }
        c.value = DayValue(day);
        c.end = e;
        c.kind = DateKind::kWeekday;
        *out = c;
        return true;
      }
    }
    // month name + الماضي/المقبل ; الشهر/العام الماضي
    {
      int m = 0;
      bool hj = false;
      size_t k = 0;
      if (MonthAt(j, false, &m, &hj, &k)) {
        size_t n3 = 0;
        bool last = Role(k, Role::kLast, &n3) != nullptr;
        bool next = !last && Role(k, Role::kNext, &n3) != nullptr;
        if ((last || next) && ref_.precision >= DatePrecision::kMonth) {
          int y = ref_.year;
          if (last && m >= ref_.month) --y;
          if (next && m <= ref_.month) ++y;
          c.value = CivilTime{};
          c.value.year = y;
          c.value.month = m;
          c.value.precision = DatePrecision::kMonth;
          c.end = k + n3;
          c.kind = DateKind::kMonthRelative;
          *out = c;
          return true;
        }
      }
      size_t n4 = 0;
      bool month_word = Role(j, Role::kMonthWord, &n4) != nullptr;
      bool year_word = !month_word && Role(j, Role::kYearWord, &n4) != nullptr;
      if ((month_word || year_word) && !Num(j)) {
        size_t e = j + n4;
        size_t n3 = 0;
        bool last = Role(e, Role::kLast, &n3) != nullptr;
        bool next = !last && Role(e, Role::kNext, &n3) != nullptr;
        if ((last || next) && ref_.precision >= DatePrecision::kMonth) {
          c.value = CivilTime{};
          if (month_word) {
            int mm = ref_.month + (last ? -1 : 1);
            int yy = ref_.year;
            if (mm == 0) { mm = 12; --yy; }
            if (mm == 13) { mm = 1; ++yy; }
            c.value.year = yy;
            c.value.month = mm;
            c.value.precision = DatePrecision::kMonth;
          } else {
            c.value.year = ref_.year + (last ? -1 : 1);
            c.value.precision = DatePrecision::kYear;
          }
          c.end = e + n3;
          c.kind = DateKind::kMonthRelative;
          *out = c;
          return true;
        }
        int y = 0;
        if (year_word && YearAt(e, false, &y)) {
          c.value = CivilTime{};
          c.value.year = y;
          c.value.precision = DatePrecision::kYear;
          c.end = e + 1;
          c.kind = DateKind::kYearOnly;
          *out = c;
          return true;
        }
      }
    }
    return false;
  }

  static bool IsAsciiKey(const std::string& k) {
    return std::all_of(k.begin(), k.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  }

  // N unit [(و|,) N unit]… ; dual forms carry their own count; a unit
  // without number counts one ("منذ ساعة").
  bool Duration(size_t k, int64_t* minutes, int* months, DatePrecision* prec, size_t* end) const {
    bool any = false;
    size_t j = k;
    *prec = DatePrecision::kMinute;
    for (int guard = 0; guard < 4; ++guard) {
      size_t p = j;
      if (any) {
        if (Word(p) && toks_[p].key == "و") ++p;
        else if (Punct(p, ",")) ++p;
      }
      int64_t count = 1;
      bool has_num = false;
      if (Num(p)) {
        if (toks_[p].digits > 4) break;
        count = toks_[p].num;
        has_num = true;
        ++p;
      } else if (Word(p) && toks_[p].key.rfind("و", 0) == 0 && false) {
        break;
      }
      size_t n = 0;
      const LexEntry* u = Role(p, Role::kUnit, &n);
      if (!u) break;
      if (u->unit_count > 0) {
        if (has_num) break;  // "2 ساعتين" is not a form
        count = u->unit_count;
      } else if (u->unit_count < 0 && !has_num) {
        break;  // "منذ ساعات": some hours, too vague to date
      }
      switch (u->unit) {
        case Unit::kMinute: *minutes += count; break;
        case Unit::kHour: *minutes += count * 60; break;
        case Unit::kDay: *minutes += count * 1440; *prec = std::min(*prec, DatePrecision::kDay); break;
        case Unit::kWeek: *minutes += count * 7 * 1440; *prec = std::min(*prec, DatePrecision::kDay); break;
        case Unit::kMonth: *months += static_cast<int>(count); *prec = std::min(*prec, DatePrecision::kMonth); break;
        case Unit::kYear: *months += static_cast<int>(count * 12); *prec = std::min(*prec, DatePrecision::kMonth); break;
      }
      any = true;
      j = p + n;
    }
    *end = j;
    return any;
  }

  bool ResolveAgo(int64_t minutes, int months, DatePrecision prec, CivilTime* v) const {
    if (!RefDay()) return false;
    if (months) {
      int total = ref_.year * 12 + (ref_.month - 1) - months;
      *v = CivilTime{};
      v->year = total / 12;
      v->month = total % 12 + 1;
      v->precision = DatePrecision::kMonth;
      if (minutes >= 1440) {  // "منذ سنة وشهرين و3 أيام": month precision is honest enough
      }
      return v->year >= opt_.min_year;
    }
    if (ref_.precision == DatePrecision::kMinute && prec == DatePrecision::kMinute) {
      int64_t t = DaysOf(ref_) * 1440 + ref_.hour * 60 + ref_.minute - minutes;
      int64_t days = t >= 0 ? t / 1440 : -((-t + 1439) / 1440);
      *v = DayValue(days);
      int64_t rem = t - days * 1440;
      v->hour = static_cast<int>(rem / 60);
      v->minute = static_cast<int>(rem % 60);
      v->precision = DatePrecision::kMinute;
      v->has_utc_offset = ref_.has_utc_offset;
      v->utc_offset_minutes = ref_.utc_offset_minutes;
      return true;
    }
    // A reference known to the day: whole days back only.
    *v = DayValue(RefDays() - minutes / 1440);
    return true;
  }

  // [الساعة] H:MM | الساعة H,MM … : a time without a date (day from the reference).
  bool TimeOnly(size_t i, Cand* out) const {
    size_t j = i;
    size_t n = 0;
    bool hourword = false;
    if (Role(j, Role::kHourWord, &n) && !Num(j)) {
      j += n;
      hourword = true;
    }
    Clock clk;
    if (!ClockAt(j, hourword, &clk)) return false;
    if (!hourword && !Punct(j + 1, ":")) {
      // "13,00 (11,00 ت غ)" reads only with a zone note.
      if (!clk.has_zone) return false;
    }
    if (!RefDay()) return false;
    Cand c;
    c.begin = i;
    c.end = clk.end;
    c.value = DayValue(RefDays());
    ApplyClock(clk, &c.value);
    c.kind = DateKind::kTimeOnly;
    *out = c;
    return true;
  }

  DateMatch MakeMatch(const Cand& c) const {
    DateMatch m;
    m.value = c.value;
    m.iso = c.value.Iso();
    m.kind = c.kind;
    m.start = toks_[c.begin].start;
    m.end = toks_[c.end - 1].end;
    m.text = std::string(text_.substr(m.start, m.end - m.start));
    m.weekday_mismatch = c.weekday_mismatch;
    m.hijri = c.hijri;
    m.anchor_days = c.anchor_days;
    m.year_inferred = c.year_inferred;
    m.standalone = Standalone(c, 12);
    return m;
  }

  bool Keep(const DateMatch& m, const Cand& c) const {
    if (!m.value.known()) return false;
    if (c.bare_ago) return Standalone(c, 6);
    return true;
  }

  const DateParserOptions& opt_;
  const DateParser::Tables& tables_;
  std::string_view text_;
  CivilTime ref_;
  bool whole_;
  std::vector<Tok> toks_;
  std::vector<int> line_words_;
  std::vector<bool> line_ends_sentence_;
  std::vector<bool> lexical_;  // token i may open a lexicon entry
  mutable bool last_year_inferred_ = false;  // set by CoreDate for the caller
  mutable std::vector<std::optional<std::vector<std::pair<size_t, const LexEntry*>>>> matches_;
};

// ---------------------------------------------------------------------------

DateParser::DateParser(const DateParserOptions& options, std::unique_ptr<Tables> tables)
    : options_(options), tables_(std::move(tables)) {}
DateParser::~DateParser() = default;

Result<std::unique_ptr<DateParser>> DateParser::Create(const DateParserOptions& options) {
  auto t = std::make_unique<Tables>();
  MALAF_RETURN_IF_ERROR(AddTable("data/months.tsv", t.get(), MonthRow));
  MALAF_RETURN_IF_ERROR(AddTable("data/weekdays.tsv", t.get(), WeekdayRow));
  MALAF_RETURN_IF_ERROR(AddTable("data/date_words.tsv", t.get(), WordRow));
  return std::unique_ptr<DateParser>(new DateParser(options, std::move(t)));
}

const DateParser& DateParser::Default() {
  static const DateParser* parser = [] {
    auto r = Create();
    assert(r.ok());
    if (!r.ok()) return new DateParser(DateParserOptions{}, std::make_unique<Tables>());
    return std::move(r).value().release();
  }();
  return *parser;
}

namespace {

// Splits `text` into pieces of about `target` bytes that end at a newline
// (or, for a longer line, at a space; else at a character boundary), so
// that scanning needs memory for one piece only. Dates never span a line.
std::vector<std::pair<size_t, size_t>> Pieces(std::string_view text, size_t target) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    if (text.size() - pos <= target) {
      out.emplace_back(pos, text.size());
      break;
    }
    size_t cut = text.rfind('\n', pos + target);
    if (cut == std::string_view::npos || cut < pos + target / 2) {
      size_t nl = text.find('\n', pos + target);
      cut = nl != std::string_view::npos && nl < pos + 2 * target ? nl : text.rfind(' ', pos + target);
      if (cut == std::string_view::npos || cut <= pos) {
        cut = pos + target;
        while (cut > pos && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        if (cut == pos) cut = pos + target;
      }
    }
    out.emplace_back(pos, cut + 1 <= text.size() ? cut + 1 : text.size());
    pos = out.back().second;
  }
  return out;
}

}  // namespace

std::vector<DateMatch> DateParser::FindAll(std::string_view text, const DateContext& context) const {
  constexpr size_t kPiece = 256 * 1024;
  if (text.size() <= kPiece) return DateScanner(*this, text, context, false).Run();
  std::vector<DateMatch> all;
  for (const auto& [b, e] : Pieces(text, kPiece)) {
    for (DateMatch& m : DateScanner(*this, text.substr(b, e - b), context, false).Run()) {
      m.start += b;
      m.end += b;
      all.push_back(std::move(m));
    }
  }
  return all;
}

std::optional<DateMatch> DateParser::Find(std::string_view text, const DateContext& context) const {
  std::vector<DateMatch> all = FindAll(text, context);
  for (const DateMatch& m : all) {
    if (m.kind == DateKind::kAbsolute && m.value.precision >= DatePrecision::kDay) return m;
    if ((m.kind == DateKind::kAgo || m.kind == DateKind::kDeictic) && m.standalone) return m;
  }
  for (const DateMatch& m : all) {
    if (m.kind == DateKind::kAbsolute || m.kind == DateKind::kAgo || m.kind == DateKind::kDeictic ||
        m.kind == DateKind::kWeekday)
      return m;
  }
  return std::nullopt;
}

std::optional<DateMatch> DateParser::Parse(std::string_view text, const DateContext& context) const {
  // Unix time in seconds or milliseconds.
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  if ((s.size() == 10 || s.size() == 13) && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.size() == 13) v /= 1000;
    int64_t days = v >= 0 ? v / 86400 : -((-v + 86399) / 86400);
    int64_t rem = v - days * 86400;
    DateMatch m;
    m.value = DayValue(days);
    m.value.hour = static_cast<int>(rem / 3600);
    m.value.minute = static_cast<int>(rem % 3600 / 60);
    m.value.precision = DatePrecision::kMinute;
    m.value.has_utc_offset = true;
    m.iso = m.value.Iso();
    m.start = static_cast<size_t>(s.data() - text.data());
    m.end = m.start + s.size();
    m.text = std::string(s);
    m.standalone = true;
    if (m.value.year < options_.min_year || m.value.year > options_.max_year) return std::nullopt;
    return m;
  }
  // A date field is short; a long one is read from its start only.
  std::string_view head = text.substr(0, std::min<size_t>(text.size(), 4096));
  while (!head.empty() && head.size() < text.size() && (static_cast<unsigned char>(text[head.size()]) & 0xC0) == 0x80)
    head.remove_suffix(1);
  // Compact "20160827" (and "201608271027") as some exports write dates.
  if ((s.size() == 8 || s.size() == 12) && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    auto num = [&](size_t at, size_t n) {
      int v = 0;
      std::from_chars(s.data() + at, s.data() + at + n, v);
      return v;
    };
    CivilTime t;
    t.year = num(0, 4);
    t.month = num(4, 2);
    t.day = num(6, 2);
    t.precision = DatePrecision::kDay;
    if (s.size() == 12) {
      t.hour = num(8, 2);
      t.minute = num(10, 2);
      t.precision = DatePrecision::kMinute;
    }
    if (t.year >= options_.min_year && t.year <= options_.max_year && ValidDate(t.year, t.month, t.day) &&
        t.hour < 24 && t.minute < 60) {
      DateMatch m;
      m.value = t;
      m.iso = t.Iso();
      m.start = static_cast<size_t>(s.data() - text.data());
      m.end = m.start + s.size();
      m.text = std::string(s);
      m.standalone = true;
      return m;
    }
  }
  std::vector<DateMatch> all = DateScanner(*this, head, context, true).Run();
  const DateMatch* best = nullptr;
  for (const DateMatch& m : all) {
    if (m.kind == DateKind::kTimeOnly) continue;
    if (!best || m.value.precision > best->value.precision ||
        (m.value.precision == best->value.precision && m.end - m.start > best->end - best->start))
      best = &m;
  }
  if (!best) return std::nullopt;
  return *best;
}

Result<CivilTime> ParseReferenceTime(std::string_view text) {
  auto m = DateParser::Default().Parse(text);
  if (!m || m->kind != DateKind::kAbsolute || m->value.precision < DatePrecision::kMonth)
    return Status::InvalidArgument("not a date: '" + std::string(text.substr(0, 80)) + "'");
  CivilTime t = m->value;
  if (t.precision == DatePrecision::kMonth) {
    t.day = 1;
    t.precision = DatePrecision::kDay;
  }
  return t;
}

}  // namespace malaf
