#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <unordered_map>

#include "search/index.h"
#include "search/terms.h"
#include "text/analyzer.h"

namespace malaf::search {
namespace {

// Weights of the three ways a query word can meet an article word. The
// exact written form (after search-key folding) counts most; the same stem
// (الغازات/الغاز) a little less; the same name key (سيرغي/سيرجي), which can
// also join unrelated common words, least.
constexpr double kExactWeight = 1.0;
constexpr double kStemWeight = 0.6;
constexpr double kNameWeight = 0.3;
// The title field: the word, or a form sharing its stem, in the title.
constexpr double kTitleWeight = 1.0;

// Forms of the lexicon listed under `key` (Z<stem> or N<name key>), the
// most frequent first when there are more than kMaxVariants.
constexpr size_t kMaxVariants = 48;

std::vector<std::string> Variants(const Xapian::Database& db, const std::string& key) {
  std::vector<std::string> v;
  if (key.empty()) return v;
  for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) v.push_back(*it);
  if (v.size() > kMaxVariants) {
    std::vector<std::pair<Xapian::doccount, std::string>> f;
    for (auto& t : v) f.emplace_back(db.get_termfreq(t), std::move(t));
    std::partial_sort(f.begin(), f.begin() + kMaxVariants, f.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    v.clear();
    for (size_t i = 0; i < kMaxVariants; ++i) v.push_back(std::move(f[i].second));
  }
  return v;
}

Xapian::Query Scaled(Xapian::Query q, double w) {
  return w == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, w);
}

// One word: its exact form, the forms sharing its stem and the forms sharing
// its name key, each group as one synonym term (so a word with many forms
// is not counted many times). Each group includes the exact form, so an
// article with the form as typed gathers all three weights and ranks first.
Xapian::Query WordQuery(const Xapian::Database& db, const QueryWord& w) {
  if (w.stopword) return Xapian::Query(w.key);
  std::vector<Xapian::Query> parts;
  parts.push_back(Scaled(Xapian::Query(w.key), kExactWeight));
  auto add = [&](std::string_view prefix, const std::string& value, double weight) {
    std::vector<Xapian::Query> forms;
    for (auto& f : Variants(db, terms::Make(prefix, value))) forms.emplace_back(f);
    if (!forms.empty())
      parts.push_back(Scaled(Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end()), weight));
  };
  add(terms::kStem, w.stem, kStemWeight);
  add(terms::kName, w.name, kNameWeight);
  {
    std::vector<Xapian::Query> titled;
    std::vector<std::string> forms = Variants(db, terms::Make(terms::kStem, w.stem));
    if (std::find(forms.begin(), forms.end(), w.key) == forms.end()) forms.push_back(w.key);
    for (const auto& f : forms)
      if (std::string t = terms::Make(terms::kTitle, f); !t.empty()) titled.emplace_back(t);
    parts.push_back(Scaled(Xapian::Query(Xapian::Query::OP_SYNONYM, titled.begin(), titled.end()), kTitleWeight));
  }
  return parts.size() == 1 ? parts[0] : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query ItemQuery(const Xapian::Database& db, const QueryItem& item) {
  if (!item.phrase || item.words.size() == 1) {
    // A quoted single word means that exact form.
    return item.phrase ? Xapian::Query(item.words[0].key) : WordQuery(db, item.words[0]);
  }
  std::vector<Xapian::Query> parts;
  for (const auto& w : item.words) parts.emplace_back(w.key);
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                       static_cast<Xapian::termcount>(parts.size()));
}

// The items of a conjunction that carry meaning: stopwords alone are
// dropped unless nothing else is left.
std::vector<const QueryItem*> MeaningfulItems(const std::vector<QueryItem>& items) {
  std::vector<const QueryItem*> out;
  for (const auto& it : items)
    if (it.phrase || !it.words[0].stopword) out.push_back(&it);
  if (out.empty())
    for (const auto& it : items) out.push_back(&it);
  return out;
}

Xapian::Query Combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
  if (qs.empty()) return Xapian::Query();
  if (qs.size() == 1) return qs[0];
  return Xapian::Query(op, qs.begin(), qs.end());
}

Xapian::Query OrOfTerms(std::string_view prefix, const std::vector<std::string>& keys) {
  std::vector<Xapian::Query> qs;
  for (const auto& k : keys)
    if (std::string t = terms::Make(prefix, k); !t.empty()) qs.emplace_back(t);
  if (qs.empty()) return Xapian::Query::MatchNothing;
  return Combine(Xapian::Query::OP_OR, qs);
}

Xapian::Query FilterQuery(const ParsedQuery& q) {
  std::vector<Xapian::Query> parts;
  if (!q.outlets.empty()) parts.push_back(OrOfTerms(terms::kOutlet, q.outlets));
  if (!q.agencies.empty()) parts.push_back(OrOfTerms(terms::kAgency, q.agencies));
  if (!q.cities.empty()) parts.push_back(OrOfTerms(terms::kCity, q.cities));
  if (!q.from.empty() && !q.to.empty())
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, kSlotDate, q.from, q.to + "\xff");
  else if (!q.from.empty())
    parts.emplace_back(Xapian::Query::OP_VALUE_GE, kSlotDate, q.from);
  else if (!q.to.empty())
    parts.emplace_back(Xapian::Query::OP_VALUE_LE, kSlotDate, q.to + "\xff");
  return Combine(Xapian::Query::OP_AND, parts);
}

// Applies exclusions and filters to a ranking query.
Xapian::Query Restrict(const Xapian::Database& db, Xapian::Query q, const ParsedQuery& pq) {
  if (!pq.exclude.empty()) {
    std::vector<Xapian::Query> ex;
    for (const auto& it : pq.exclude) ex.push_back(ItemQuery(db, it));
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, Combine(Xapian::Query::OP_OR, ex));
  }
  if (pq.has_filters()) {
    Xapian::Query f = FilterQuery(pq);
    q = q.empty() ? f : Xapian::Query(Xapian::Query::OP_FILTER, q, f);
  }
  return q;
}

struct Plan {
  Xapian::Query main;     // articles holding every word (or the user's boolean query)
  Xapian::Query relaxed;  // articles holding some words only; empty when not applicable
};

Plan MakePlan(const Xapian::Database& db, const ParsedQuery& pq) {
  Plan p;
  std::vector<Xapian::Query> disj;
  for (const auto& conj : pq.any) {
    std::vector<Xapian::Query> qs;
    for (const QueryItem* it : MeaningfulItems(conj)) qs.push_back(ItemQuery(db, *it));
    disj.push_back(Combine(Xapian::Query::OP_AND, qs));
  }
  Xapian::Query main = Combine(Xapian::Query::OP_OR, disj);
  if (main.empty() && pq.has_filters()) main = Xapian::Query::MatchAll;
  p.main = Restrict(db, main, pq);
  if (!pq.explicit_operators && pq.any.size() == 1) {
    auto items = MeaningfulItems(pq.any[0]);
    if (items.size() > 1) {
      std::vector<Xapian::Query> qs;
      for (const QueryItem* it : items) qs.push_back(ItemQuery(db, *it));
      Xapian::Query some(Xapian::Query::OP_OR, qs.begin(), qs.end());
      Xapian::Query all(Xapian::Query::OP_AND, qs.begin(), qs.end());
      p.relaxed = Restrict(db, Xapian::Query(Xapian::Query::OP_AND_NOT, some, all), pq);
    }
  }
  return p;
}

void AddCounts(const Xapian::ValueCountMatchSpy& spy, bool split_lines, std::map<std::string, uint64_t>* out) {
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
    std::string value = *v;
    uint64_t n = v.get_termfreq();
    if (!split_lines) {
      (*out)[value] += n;
      continue;
    }
    size_t b = 0;
    while (b <= value.size()) {
      size_t e = value.find('\n', b);
      if (e == std::string::npos) e = value.size();
      if (e > b) (*out)[value.substr(b, e - b)] += n;
      b = e + 1;
    }
  }
}

}  // namespace

Snippet MakeSnippet(std::string_view body, const ParsedQuery& query, size_t max_bytes) {
  Snippet s;
  // Query words by the forms they match: exact key, stem, name key.
  std::unordered_map<std::string, int> by_key, by_stem, by_name;
  int next_id = 0;
  for (const auto& conj : query.any) {
    for (const auto& item : conj) {
      for (const auto& w : item.words) {
        int id = next_id++;
        by_key.emplace(w.key, id);
        if (w.stopword) continue;
        if (!item.phrase) {
          by_stem.emplace(w.stem, id);
          by_name.emplace(w.name, id);
        }
      }
    }
  }
  auto toks = text::Analyze(body);
  if (toks.empty()) return s;
  struct Match { size_t tok; int word; };
  std::vector<Match> matches;
  constexpr size_t kMaxMatches = 4096;
  for (size_t i = 0; i < toks.size() && matches.size() < kMaxMatches; ++i) {
    const auto& t = toks[i];
    int id = -1;
    if (auto it = by_key.find(t.key); it != by_key.end()) id = it->second;
    else if (t.stopword) continue;
    else if (auto it2 = by_stem.find(t.stem); it2 != by_stem.end()) id = it2->second;
    else if (auto it3 = by_name.find(t.name); it3 != by_name.end()) id = it3->second;
    if (id >= 0) matches.push_back({i, id});
  }
  // The window (starting a few words before a match) holding the most
  // distinct query words; ties go to the earliest.
  constexpr size_t kLead = 4;
  size_t best_start = 0, best_score = 0;
  for (size_t m = 0; m < matches.size(); ++m) {
    size_t start = matches[m].tok >= kLead ? matches[m].tok - kLead : 0;
    size_t limit_end = toks[start].token.start + max_bytes;
    std::vector<int> seen;
    size_t count = 0;
    for (size_t k = m; k < matches.size() && toks[matches[k].tok].token.end <= limit_end; ++k) {
      if (std::find(seen.begin(), seen.end(), matches[k].word) == seen.end()) seen.push_back(matches[k].word);
      ++count;
    }
    size_t score = seen.size() * 1000 + std::min<size_t>(count, 999);
    if (score > best_score) {
      best_score = score;
      best_start = start;
    }
  }
  size_t b = toks[best_start].token.start;
  size_t e = b;
  for (size_t i = best_start; i < toks.size() && toks[i].token.end - b <= max_bytes; ++i) e = toks[i].token.end;
  if (e == b) e = toks[best_start].token.end;  // one overlong word
  s.start = b;
  s.text = std::string(body.substr(b, e - b));
  for (const auto& m : matches) {
    const auto& t = toks[m.tok].token;
    if (t.start >= b && t.end <= e) s.highlights.push_back({t.start - b, t.end - b});
  }
  return s;
}

struct Searcher::Impl {
  std::string dir;
  Xapian::Database db;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& index_dir) {
  IndexCheck c = CheckIndex(index_dir);
  if (c.state == IndexState::kMissing) return Status::NotFound(c.detail);
  if (c.state != IndexState::kOk)
    return Status::Corruption("index " + std::string(IndexStateName(c.state)) + ": " + c.detail);
  try {
    auto impl = std::make_unique<Impl>();
    impl->dir = index_dir;
    impl->db = Xapian::Database(index_dir, Xapian::DB_BACKEND_GLASS);
    return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
  } catch (const Xapian::Error& e) {
    return Status::Corruption(index_dir + ": " + e.get_type() + ": " + e.get_msg());
  }
}

Status Searcher::Reopen() {
  try {
    impl_->db.reopen();
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return Status::IOError(impl_->dir + ": " + e.get_type() + ": " + e.get_msg());
  }
}

uint64_t Searcher::documents() const {
  try {
    return impl_->db.get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

Result<SearchResults> Searcher::Search(std::string_view query, const SearchOptions& options) {
  auto pq = ParseQuery(query, options.limits);
  if (!pq.ok()) return pq.status();
  return Search(*pq, query, options);
}

Result<SearchResults> Searcher::Search(const ParsedQuery& pq, std::string_view query_text,
                                       const SearchOptions& options) {
  SearchResults r;
  r.query = std::string(query_text);
  const size_t limit = std::min<size_t>(options.limit, 10000);
  const size_t offset = std::min<size_t>(options.offset, 1u << 30);
  try {
    Plan plan = MakePlan(impl_->db, pq);
    if (plan.main.empty()) return r;
    Xapian::doccount check = options.facets ? options.facet_max_docs : 0;
    check = std::max<Xapian::doccount>(check, static_cast<Xapian::doccount>(offset + limit));
    struct Run {
      Xapian::MSet mset;
      uint64_t total = 0;
    };
    Xapian::ValueCountMatchSpy outlets(kSlotOutlet), months(kSlotMonth), agencies(kSlotAgencies);
    auto run = [&](const Xapian::Query& q, size_t first, size_t count) {
      Xapian::Enquire enq(impl_->db);
      enq.set_query(q);
      if (options.sort == SortOrder::kDate) enq.set_sort_by_value_then_relevance(kSlotDate, true);
      if (options.facets) {
        enq.add_matchspy(&outlets);
        enq.add_matchspy(&months);
        enq.add_matchspy(&agencies);
      }
      Run out;
      out.mset = enq.get_mset(static_cast<Xapian::doccount>(first), static_cast<Xapian::doccount>(count), check);
      out.total = out.mset.get_matches_estimated();
      if (out.mset.get_matches_lower_bound() != out.mset.get_matches_upper_bound()) r.facets.exact = false;
      return out;
    };
    std::vector<Xapian::MSet> pages;
    Run main = run(plan.main, offset, limit);
    r.total = main.total;
    pages.push_back(main.mset);
    if (!plan.relaxed.empty() && main.total < offset + limit) {
      size_t first = offset > main.total ? offset - main.total : 0;
      size_t want = offset + limit - std::max<size_t>(offset, main.total);
      Run more = run(plan.relaxed, first, want);
      r.total += more.total;
      pages.push_back(more.mset);
    }
    if (options.facets) {
      AddCounts(outlets, false, &r.facets.outlet);
      AddCounts(months, false, &r.facets.month);
      AddCounts(agencies, true, &r.facets.agency);
    }
    for (const auto& mset : pages) {
      for (auto it = mset.begin(); it != mset.end() && r.hits.size() < limit; ++it) {
        auto f = DecodeStoredFields(it.get_document().get_data());
        if (!f.ok()) return f.status().WithContext(impl_->dir);
        Hit h;
        h.id = std::move(f->id);
        h.title = std::move(f->title);
        h.outlet = std::move(f->outlet);
        h.published = std::move(f->published);
        h.score = it.get_weight();
        if (options.snippets) {
          if (f->body.empty() && options.body_of) f->body = options.body_of(h.id);
          Snippet s = MakeSnippet(f->body, pq, options.snippet_max_bytes);
          h.snippet = std::move(s.text);
          h.snippet_start = s.start;
          h.highlights = std::move(s.highlights);
        }
        r.hits.push_back(std::move(h));
      }
    }
    return r;
  } catch (const Xapian::Error& e) {
    return Status::IOError(impl_->dir + ": " + e.get_type() + ": " + e.get_msg());
  }
}

}  // namespace malaf::search
