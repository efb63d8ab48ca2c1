// Searching the index: query text -> ranked hits with snippets and facets.
//
// Each query word becomes OR(exact search key, forms sharing its stem, forms
// sharing its name key, title-field forms) with falling weights, so the
// written form ranks first and its variants still match; another spelling of
// a place name (سوريا/سورية, from the gazetteers) counts as the written form.
// Phrases match exact keys in order. Words are ANDed; when fewer than a page
// of articles hold every word, articles holding some of them follow (and
// count in `total`).
// A list of words and phrases sorted by relevance (the common case) is
// matched and ranked straight from the posting lists: each term's postings
// are read once, the match set is a bitmap by docid, and the weights are
// Xapian's BM25 with one synonym group per way a word meets, so the order is
// the one Xapian's matcher gives (explicit OR/AND and the date order still
// use the matcher). Facets count every matching article: each article's
// outlet, month, agencies, day and length come from arrays in memory (built
// once per index revision, about 20 bytes per article, shared by all
// Searchers of the process); `total` is then exact. Scratch arrays (two per
// search running at once, 8 bytes per article) come from a shared pool.
//
// Threads: a Searcher is used by one thread at a time (a Xapian::Database
// is not safe for concurrent use); open one per thread. It reads the index
// as of Open() or the last Reopen() (or a newer revision another Searcher
// of the same index has already seen).
// Errors: Open fails (NotFound/Corruption) for a missing, damaged or
// out-of-date index (see CheckIndex); Search fails with InvalidArgument for
// a malformed query and IOError when Xapian cannot read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "search/query.h"

namespace malaf::search {

enum class SortOrder { kRelevance, kDate };

struct SearchOptions {
  size_t limit = 10;
  size_t offset = 0;
  SortOrder sort = SortOrder::kRelevance;
  bool snippets = true;
  // Facet counts (outlet, month, agency) over every matching article.
  bool facets = true;
  // Matching articles per day (Facets::day), for volume charts.
  bool day_counts = false;
  size_t snippet_max_bytes = 320;
  QueryLimits limits;
  // The display body of an article by id, for snippets when the index does
  // not keep bodies (the archive's store does). Unset or returning "" : no
  // snippet for that hit.
  std::function<std::string(const std::string& id)> body_of;
};

struct Highlight {
  size_t start = 0;  // byte offsets into Hit::snippet
  size_t end = 0;
};

struct Hit {
  std::string id, title, outlet, published;
  double score = 0;
  std::string snippet;       // an exact substring of the article body
  size_t snippet_start = 0;  // byte offset of the snippet in the body
  std::vector<Highlight> highlights;
};

struct Facets {
  std::map<std::string, uint64_t> outlet, month, agency;
  std::map<std::string, uint64_t> day;  // "YYYY-MM-DD" -> articles; only with SearchOptions::day_counts
  // Always true when facets were asked for (they count every match); when
  // they were not, false when `total` is an estimate.
  bool exact = true;
};

struct SearchResults {
  std::string query;
  uint64_t total = 0;  // matching articles (estimate when not exact)
  std::vector<Hit> hits;
  Facets facets;
};

class Searcher {
 public:
  // Opens the index at `index_dir` (read-only) after CheckIndex.
  static Result<std::unique_ptr<Searcher>> Open(const std::string& index_dir);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  Result<SearchResults> Search(std::string_view query, const SearchOptions& options = {});
  Result<SearchResults> Search(const ParsedQuery& query, std::string_view query_text,
                               const SearchOptions& options = {});
  // Sees commits made since Open().
  Status Reopen();
  uint64_t documents() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The snippet of `body` for `query`: the window of words holding the most
// distinct query words, with every matching word highlighted. Exposed for
// tests; Search uses it.
struct Snippet {
  std::string text;
  size_t start = 0;
  std::vector<Highlight> highlights;  // offsets into text
};
Snippet MakeSnippet(std::string_view body, const ParsedQuery& query, size_t max_bytes);

}  // namespace malaf::search
