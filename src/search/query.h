// The query language of `malaf search`, parsed by malaf itself (Xapian's
// QueryParser does not know Arabic) and analysed with the same chain as the
// index (text::Analyze), so a query word meets its spelling variants.
//
//   word word          all words (articles with only some of them follow)
//   "a phrase"         the words next to each other, in order
//   a OR b, a AND b    explicit operators (upper case); AND binds tighter
//   -word, NOT word    exclusion (also -"a phrase")
//   outlet:NAME  agency:NAME  city:NAME   filters (NAME may be "quoted")
//   from:DATE  to:DATE  DATE is YYYY, YYYY-MM, YYYY-MM-DD, D/M/YYYY or M/YYYY
//
// Unbalanced quotes close at the end of the query. Parentheses are ignored.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace malaf::search {

struct QueryLimits {
  size_t max_bytes = 16 * 1024;  // longer query text is InvalidArgument
  size_t max_words = 64;         // more words (over all clauses) is InvalidArgument
};

struct QueryWord {
  std::string text;  // display form as typed
  std::string key;   // search key
  std::string stem;  // light stem (Arabic), else key
  std::string name;  // name key (Arabic), else key
  bool stopword = false;
  // Search keys of other spellings of the same place name (سوريا/سورية),
  // from the gazetteers in data/; see PlaceSpellings.
  std::vector<std::string> spellings;
};

// One word, or a phrase (several words in order).
struct QueryItem {
  std::vector<QueryWord> words;
  bool phrase = false;
};

struct ParsedQuery {
  // OR of conjunctions; each conjunction is an AND of items.
  std::vector<std::vector<QueryItem>> any;
  std::vector<QueryItem> exclude;
  // Filters as field keys (terms::FieldKey). Several values of one field
  // are alternatives; different fields must all hold.
  std::vector<std::string> outlets, agencies, cities;
  std::string from, to;  // inclusive ISO bounds ("2015-07", "2015-07-21"); "" = open
  bool explicit_operators = false;  // OR/AND written by the user

  bool empty() const { return any.empty(); }
  bool has_filters() const {
    return !outlets.empty() || !agencies.empty() || !cities.empty() || !from.empty() || !to.empty();
  }
};

// Fails with InvalidArgument (message names the problem) for a malformed
// date filter, an empty filter value, from: after to:, or a query over the
// limits. A query with no searchable word (only diacritics, punctuation)
// parses to an empty `any`.
Result<ParsedQuery> ParseQuery(std::string_view text, const QueryLimits& limits = {});

// Other spellings of place names, by search key: for each single-word
// name or variant in data/places.tsv and data/places_extra.tsv, the search
// keys of the other single-word spellings of the same place that are
// spelling variants of it (at most one letter apart, two for names of five
// letters or more; never a stopword, a name of under four letters, or a
// place marked as an everyday word), so that سوريا meets سورية and جازان
// meets جيزان but دمشق does not become الشام nor كييف كيف. Built once;
// thread-safe.
const std::vector<std::string>* PlaceSpellings(std::string_view key);

// Parses one date of a from:/to: filter to ISO ("2015", "2015-07",
// "2015-07-21"). InvalidArgument when it is not a valid date.
Result<std::string> ParseDateFilter(std::string_view value);

}  // namespace malaf::search
