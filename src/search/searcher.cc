#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "search/index.h"
#include "search/terms.h"
#include "text/analyzer.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace malaf::search {
namespace {

// Weights of the three ways a query word can meet an article word. The
// exact written form (after search-key folding) counts most; the same stem
// (الغازات/الغاز) a little less; the same name key (سيرغي/سيرجي), which can
// also join unrelated common words, least. Another spelling of a place name
// (سوريا/سورية) counts as the written form.
constexpr double kExactWeight = 1.0;
constexpr double kStemWeight = 0.6;
constexpr double kNameWeight = 0.3;
// The title field: the word, or a form sharing its stem, in the title.
constexpr double kTitleWeight = 1.0;

// Forms of the lexicon listed under `key` (Z<stem> or N<name key>), the
// most frequent first when there are more than kMaxVariants.
constexpr size_t kMaxVariants = 48;

// One-letter and two-letter clitics a place name carries in running text
// (وسورية، لسورية، بسورية، وبسورية): another spelling of a place is also
// looked up with them, since the stemmer does not strip every one of them.
constexpr std::string_view kClitics[] = {
    "\u0648", "\u0641", "\u0628", "\u0644", "\u0643",
    "\u0648\u0628", "\u0648\u0644", "\u0648\u0643", "\u0641\u0628", "\u0641\u0644",
};

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

Xapian::Query Synonym(const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  std::vector<Xapian::Query> qs(terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_SYNONYM, qs.begin(), qs.end());
}

// The terms a (non-stopword, unquoted) query word meets, looked up once per
// search: a word's lexicon entries serve the ranking query, the relaxed
// query and the match set alike.
struct WordForms {
  std::vector<std::string> exact;  // the search key and the other spellings of a place name
  std::vector<std::string> stem;   // forms sharing the stem, and the spellings with clitics
  std::vector<std::string> name;   // forms sharing the name key
  std::vector<std::string> title;  // title-field terms (S) of the exact and stem forms
  std::vector<std::string> all;    // every unprefixed form above, once
};

class Expander {
 public:
  explicit Expander(const Xapian::Database& db) : db_(db) {}

  const WordForms& Forms(const QueryWord& w) {
    auto it = memo_.find(w.key);
    if (it != memo_.end()) return it->second;
    WordForms f;
    f.exact.push_back(w.key);
    for (const auto& sp : w.spellings) f.exact.push_back(sp);
    f.stem = Variants(db_, terms::Make(terms::kStem, w.stem));
    // A place name with other spellings, written with a clitic in any of
    // its spellings (the stemmer keeps some clitics: بسورية, لسوريا).
    if (!w.spellings.empty())
      for (const auto& form : f.exact)
        for (auto c : kClitics) f.stem.push_back(std::string(c) + form);
    f.name = Variants(db_, terms::Make(terms::kName, w.name));
    std::unordered_set<std::string> seen;
    for (const auto* group : {&f.exact, &f.stem, &f.name})
      for (const auto& t : *group)
        if (seen.insert(t).second) f.all.push_back(t);
    std::unordered_set<std::string> titled;
    for (const auto* group : {&f.exact, &f.stem})
      for (const auto& t : *group)
        if (std::string s = terms::Make(terms::kTitle, t); !s.empty() && titled.insert(s).second)
          f.title.push_back(std::move(s));
    return memo_.emplace(w.key, std::move(f)).first->second;
  }

  const Xapian::Database& db() const { return db_; }

 private:
  const Xapian::Database& db_;
  std::unordered_map<std::string, WordForms> memo_;
};

// One word: its exact form, the forms sharing its stem and the forms sharing
// its name key, each group as one synonym term (so a word with many forms
// is not counted many times). The stem and name groups include the exact
// form, so an article with the form as typed gathers all weights and ranks
// first.
Xapian::Query WordQuery(Expander& ex, const QueryWord& w) {
  if (w.stopword) return Xapian::Query(w.key);
  const WordForms& f = ex.Forms(w);
  std::vector<Xapian::Query> parts;
  parts.push_back(Scaled(Synonym(f.exact), kExactWeight));
  if (!f.stem.empty()) parts.push_back(Scaled(Synonym(f.stem), kStemWeight));
  if (!f.name.empty()) parts.push_back(Scaled(Synonym(f.name), kNameWeight));
  if (!f.title.empty()) parts.push_back(Scaled(Synonym(f.title), kTitleWeight));
  return parts.size() == 1 ? parts[0] : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query PhraseQuery(const QueryItem& item) {
  std::vector<Xapian::Query> parts;
  for (const auto& w : item.words) parts.emplace_back(w.key);
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                       static_cast<Xapian::termcount>(parts.size()));
}

Xapian::Query ItemQuery(Expander& ex, const QueryItem& item) {
  if (!item.phrase || item.words.size() == 1) {
    // A quoted single word means that exact form.
    return item.phrase ? Xapian::Query(item.words[0].key) : WordQuery(ex, item.words[0]);
  }
  return PhraseQuery(item);
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

std::vector<std::string> PrefixedTerms(std::string_view prefix, const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys)
    if (std::string t = terms::Make(prefix, k); !t.empty()) out.push_back(std::move(t));
  return out;
}

Xapian::Query OrOfTerms(std::string_view prefix, const std::vector<std::string>& keys) {
  std::vector<std::string> ts = PrefixedTerms(prefix, keys);
  if (ts.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> qs(ts.begin(), ts.end());
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
Xapian::Query Restrict(Expander& ex, Xapian::Query q, const ParsedQuery& pq) {
  if (!pq.exclude.empty()) {
    std::vector<Xapian::Query> exq;
    for (const auto& it : pq.exclude) exq.push_back(ItemQuery(ex, it));
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, Combine(Xapian::Query::OP_OR, exq));
  }
  if (pq.has_filters()) {
    Xapian::Query f = FilterQuery(pq);
    q = q.empty() ? f : Xapian::Query(Xapian::Query::OP_FILTER, q, f);
  }
  return q;
}

// The relaxed query (articles holding some of the words, after those holding
// all) applies to a plain list of words: one conjunction, no operators.
bool HasRelaxed(const ParsedQuery& pq) {
  return !pq.explicit_operators && pq.any.size() == 1 && MeaningfulItems(pq.any[0]).size() > 1;
}

struct Plan {
  Xapian::Query main;     // articles holding every word (or the user's boolean query)
  Xapian::Query relaxed;  // articles holding some words only; empty when not applicable
};

Plan MakePlan(Expander& ex, const ParsedQuery& pq) {
  Plan p;
  std::vector<Xapian::Query> disj;
  for (const auto& conj : pq.any) {
    std::vector<Xapian::Query> qs;
    for (const QueryItem* it : MeaningfulItems(conj)) qs.push_back(ItemQuery(ex, *it));
    disj.push_back(Combine(Xapian::Query::OP_AND, qs));
  }
  Xapian::Query main = Combine(Xapian::Query::OP_OR, disj);
  if (main.empty() && pq.has_filters()) main = Xapian::Query::MatchAll;
  p.main = Restrict(ex, main, pq);
  if (HasRelaxed(pq)) {
    std::vector<Xapian::Query> qs;
    for (const QueryItem* it : MeaningfulItems(pq.any[0])) qs.push_back(ItemQuery(ex, *it));
    Xapian::Query some(Xapian::Query::OP_OR, qs.begin(), qs.end());
    Xapian::Query all(Xapian::Query::OP_AND, qs.begin(), qs.end());
    p.relaxed = Restrict(ex, Xapian::Query(Xapian::Query::OP_AND_NOT, some, all), pq);
  }
  return p;
}

// ---- Match sets: which articles a query matches, for facets and totals ----
//
// Facet counts need every matching article, not only the page shown.
// Letting Xapian's matcher weigh every match (with match spies reading the
// value slots of each) cost most of a search; instead the set of matching
// articles is computed as a bitmap by docid straight from the posting lists
// (a word's set is the union of its forms' lists, a conjunction the
// intersection), and each article's outlet, month, agencies and day are
// read from arrays held in memory (DocValues). Only phrases go through
// Xapian's matcher, which checks positions.

class DocBits {
 public:
  DocBits() = default;
  explicit DocBits(Xapian::docid last) : words_(last / 64 + 1, 0) {}
  void Set(Xapian::docid d) {
    if (d / 64 < words_.size()) words_[d / 64] |= uint64_t{1} << (d % 64);
  }
  bool Test(Xapian::docid d) const { return d / 64 < words_.size() && (words_[d / 64] >> (d % 64)) & 1; }
  void And(const DocBits& o) {
    for (size_t i = 0; i < words_.size(); ++i) words_[i] &= i < o.words_.size() ? o.words_[i] : 0;
  }
  void Or(const DocBits& o) {
    for (size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] |= o.words_[i];
  }
  void AndNot(const DocBits& o) {
    for (size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] &= ~o.words_[i];
  }
  uint64_t Count() const {
    uint64_t n = 0;
    for (uint64_t w : words_) n += static_cast<uint64_t>(__builtin_popcountll(w));
    return n;
  }
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t i = 0; i < words_.size(); ++i)
      for (uint64_t w = words_[i]; w; w &= w - 1)
        f(static_cast<Xapian::docid>(i * 64 + static_cast<size_t>(__builtin_ctzll(w))));
  }

 private:
  std::vector<uint64_t> words_;
};

// Per-article facet values of one revision of an index, in memory, indexed
// by docid: read once from the value slots and shared by every Searcher of
// the process (read-only once built).
struct DocValues {
  std::string uuid;
  Xapian::rev revision = 0;
  Xapian::docid last = 0;
  DocBits present;  // docids of the articles in the index
  // Interned values; id 0 means "none".
  std::vector<uint32_t> outlet, month, agency_set, day;
  std::vector<std::string> outlet_names{""}, month_names{""}, day_names{""};
  std::vector<std::vector<uint32_t>> agency_set_members{{}};  // agency set id -> agency ids
  std::vector<std::string> agency_names{""};
  // Document lengths (sum of wdf, as Xapian's BM25 uses them) and the
  // collection statistics, for ranking from the posting lists.
  std::vector<uint32_t> doclen;
  double average_length = 0;
  Xapian::doccount documents = 0;
};

void LoadSlot(const Xapian::Database& db, unsigned slot, size_t keep_bytes, std::vector<uint32_t>* ids,
              std::vector<std::string>* names) {
  std::unordered_map<std::string, uint32_t> index;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    Xapian::docid d = it.get_docid();
    if (d >= ids->size()) continue;
    std::string v = *it;
    if (v.size() > keep_bytes) v.resize(keep_bytes);
    auto [pos, added] = index.emplace(v, static_cast<uint32_t>(names->size()));
    if (added) names->push_back(std::move(v));
    (*ids)[d] = pos->second;
  }
}

std::shared_ptr<const DocValues> LoadDocValues(const Xapian::Database& db) {
  auto v = std::make_shared<DocValues>();
  v->uuid = db.get_uuid();
  v->revision = db.get_revision();
  v->last = db.get_lastdocid();
  v->present = DocBits(v->last);
  const size_t n = static_cast<size_t>(v->last) + 1;
  v->doclen.assign(n, 0);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    v->present.Set(*it);
    v->doclen[*it] = it.get_doclength();
  }
  v->average_length = db.get_avlength();
  v->documents = db.get_doccount();
  v->outlet.assign(n, 0);
  v->month.assign(n, 0);
  v->agency_set.assign(n, 0);
  v->day.assign(n, 0);
  LoadSlot(db, kSlotOutlet, std::string::npos, &v->outlet, &v->outlet_names);
  LoadSlot(db, kSlotMonth, std::string::npos, &v->month, &v->month_names);
  LoadSlot(db, kSlotDate, 10, &v->day, &v->day_names);  // "YYYY-MM-DD"
  std::vector<std::string> sets{""};
  LoadSlot(db, kSlotAgencies, std::string::npos, &v->agency_set, &sets);
  std::unordered_map<std::string, uint32_t> agency_ids;
  for (size_t s = 1; s < sets.size(); ++s) {
    std::vector<uint32_t> members;
    std::string_view value = sets[s];
    size_t b = 0;
    while (b <= value.size()) {
      size_t e = value.find('\n', b);
      if (e == std::string_view::npos) e = value.size();
      if (e > b) {
        auto [pos, added] =
            agency_ids.emplace(std::string(value.substr(b, e - b)), static_cast<uint32_t>(v->agency_names.size()));
        if (added) v->agency_names.emplace_back(value.substr(b, e - b));
        if (std::find(members.begin(), members.end(), pos->second) == members.end()) members.push_back(pos->second);
      }
      b = e + 1;
    }
    v->agency_set_members.push_back(std::move(members));
  }
  return v;
}

// The DocValues of the newest revision seen of each index, shared by the
// Searchers of the process: a server's worker threads each hold their own
// Xapian::Database but one copy of the values.
class DocValuesRegistry {
 public:
  static DocValuesRegistry& Get() {
    static DocValuesRegistry* r = new DocValuesRegistry();
    return *r;
  }
  // The values for `db` at its revision; REQUIRES: db is not older than
  // the newest revision this registry has for `dir` (callers reopen first).
  std::shared_ptr<const DocValues> For(const std::string& dir, const Xapian::Database& db) {
    std::lock_guard<std::mutex> lock(mu_);
    auto& slot = by_dir_[dir];
    if (!slot || slot->uuid != db.get_uuid() || slot->revision != db.get_revision()) slot = LoadDocValues(db);
    return slot;
  }
  // The newest revision loaded for `dir` (0 when none).
  std::shared_ptr<const DocValues> Peek(const std::string& dir) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = by_dir_.find(dir);
    return it == by_dir_.end() ? nullptr : it->second;
  }

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const DocValues>> by_dir_;
};

// Per-search scratch arrays indexed by docid (scores, wdf sums), kept in a
// pool so that their number follows the searches running at once, not the
// server's threads. Arrays are left zeroed after each use.
struct Scratch {
  std::vector<float> score;
  std::vector<uint32_t> wdf;
  std::vector<Xapian::docid> touched;  // docids with wdf != 0 (one group)
  std::vector<Xapian::docid> scored;   // docids with score != 0
};

class ScratchLease {
 public:
  explicit ScratchLease(size_t n) {
    {
      std::lock_guard<std::mutex> lock(Mu());
      if (!Pool().empty()) {
        s_ = std::move(Pool().back());
        Pool().pop_back();
      }
    }
    if (!s_) s_ = std::make_unique<Scratch>();
    if (s_->score.size() < n) s_->score.resize(n, 0);
    if (s_->wdf.size() < n) s_->wdf.resize(n, 0);
  }
  ~ScratchLease() {
    for (Xapian::docid d : s_->scored) s_->score[d] = 0;
    s_->scored.clear();
    s_->touched.clear();
    std::lock_guard<std::mutex> lock(Mu());
    if (Pool().size() < 16) Pool().push_back(std::move(s_));
  }
  ScratchLease(const ScratchLease&) = delete;
  ScratchLease& operator=(const ScratchLease&) = delete;
  Scratch& operator*() { return *s_; }

 private:
  static std::mutex& Mu() {
    static std::mutex* m = new std::mutex();
    return *m;
  }
  static std::vector<std::unique_ptr<Scratch>>& Pool() {
    static auto* p = new std::vector<std::unique_ptr<Scratch>>();
    return *p;
  }
  std::unique_ptr<Scratch> s_;
};

// BM25 with Xapian's defaults (k1 = 1, k2 = 0, k3 = 1, b = 0.5, minimum
// normalised length 0.5, the term weight floored as Xapian floors it), so
// ranking from the posting lists orders articles as Xapian's matcher did.
struct Bm25 {
  static constexpr double kK1 = 1.0, kB = 0.5, kMinNormLen = 0.5;
  double len_factor = 0;
  double documents = 0;
  double TermWeight(double termfreq, double factor) const {
    double tw = (documents - termfreq + 0.5) / (termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    return std::log(tw) * factor * (kK1 + 1);
  }
  double Part(double termweight, double wdf, double len) const {
    double normlen = std::max(len * len_factor, kMinNormLen);
    return termweight * (wdf / (kK1 * (normlen * kB + (1 - kB)) + wdf));
  }
};

class MatchSets {
 public:
  MatchSets(Expander& ex, const DocValues& values) : ex_(ex), db_(ex.db()), values_(values) {}

  // Ranks as well as matches: every item's postings add their BM25 weight
  // to `scratch.score` (the weights of the ranking query MakePlan builds:
  // one synonym group per way a word meets, scaled the same way).
  void EnableScoring(Scratch* scratch) {
    scratch_ = scratch;
    bm25_.documents = values_.documents;
    bm25_.len_factor = values_.average_length > 0 ? 1 / values_.average_length : 0;
  }
  float Score(Xapian::docid d) const { return scratch_ ? scratch_->score[d] : 0; }

  DocBits Postings(const std::vector<std::string>& terms) {
    DocBits b(values_.last);
    for (const auto& t : terms)
      for (auto it = db_.postlist_begin(t); it != db_.postlist_end(t); ++it) b.Set(*it);
    return b;
  }

  // `score`: add the item's weights (only for the items of the query, not
  // for exclusions).
  DocBits Item(const QueryItem& item, bool score = false) {
    if (!score || !scratch_) {
      if (item.phrase && item.words.size() > 1) return Phrase(item);
      const QueryWord& w = item.words[0];
      if (item.phrase || w.stopword) return Postings({w.key});
      return Postings(ex_.Forms(w).all);
    }
    DocBits b(values_.last);
    if (item.phrase && item.words.size() > 1) {
      // A phrase weighs as the sum of its words, each with its own
      // statistics, in the articles holding the phrase.
      DocBits p = Phrase(item);
      for (const auto& w : item.words) Group({w.key}, kExactWeight, &p, &b);
      return b;
    }
    const QueryWord& w = item.words[0];
    if (item.phrase || w.stopword) {
      Group({w.key}, kExactWeight, nullptr, &b);
      return b;
    }
    const WordForms& f = ex_.Forms(w);
    Group(f.exact, kExactWeight, nullptr, &b);
    if (!f.stem.empty()) Group(f.stem, kStemWeight, nullptr, &b);
    if (!f.name.empty()) Group(f.name, kNameWeight, nullptr, &b);
    if (!f.title.empty()) Group(f.title, kTitleWeight, nullptr, &b);
    return b;
  }

  DocBits Conjunction(const std::vector<QueryItem>& conj) {
    DocBits acc;
    bool first = true;
    for (const QueryItem* it : MeaningfulItems(conj)) {
      if (first) acc = Item(*it, true);
      else acc.And(Item(*it, true));
      first = false;
    }
    return first ? DocBits(values_.last) : acc;
  }

  // The articles with some but not all of the words, from the item sets
  // the main set was built from. REQUIRES: HasRelaxed(pq), ItemsOfMain().
  DocBits RelaxedFromItems(const ParsedQuery& pq) { return SomeButNotAll(pq, items_); }

  // The main set of a one-conjunction query, keeping each item's set for
  // RelaxedFromItems (and scoring every item once).
  DocBits MainKeepingItems(const ParsedQuery& pq) {
    DocBits set(values_.last);
    if (pq.any.empty()) {
      if (pq.has_filters()) set = values_.present;
    } else {
      bool first = true;
      for (const QueryItem* it : MeaningfulItems(pq.any[0])) {
        items_.push_back(Item(*it, true));
        if (first) set = items_.back();
        else set.And(items_.back());
        first = false;
      }
    }
    Restrict(pq, &set);
    set.And(values_.present);
    return set;
  }

  // Exclusions and filters.
  void Restrict(const ParsedQuery& pq, DocBits* set) {
    if (!pq.exclude.empty()) {
      DocBits out(values_.last);
      for (const auto& it : pq.exclude) out.Or(Item(it));
      set->AndNot(out);
    }
    if (!pq.outlets.empty()) set->And(Postings(PrefixedTerms(terms::kOutlet, pq.outlets)));
    if (!pq.agencies.empty()) set->And(Postings(PrefixedTerms(terms::kAgency, pq.agencies)));
    if (!pq.cities.empty()) set->And(Postings(PrefixedTerms(terms::kCity, pq.cities)));
    if (!pq.from.empty() || !pq.to.empty()) {
      // Bounds are ISO prefixes of at most 10 characters, so comparing the
      // day ("YYYY-MM-DD") gives what comparing the whole value does.
      std::vector<char> ok(values_.day_names.size(), 0);
      const std::string to = pq.to + "\xff";
      for (size_t i = 1; i < ok.size(); ++i) {
        const std::string& d = values_.day_names[i];
        ok[i] = (pq.from.empty() || d >= pq.from) && (pq.to.empty() || d <= to);
      }
      DocBits keep(values_.last);
      set->ForEach([&](Xapian::docid d) {
        if (ok[values_.day[d]]) keep.Set(d);
      });
      *set = std::move(keep);
    }
  }

  DocBits Main(const ParsedQuery& pq) {
    DocBits set(values_.last);
    for (const auto& conj : pq.any) set.Or(Conjunction(conj));
    if (pq.any.empty() && pq.has_filters()) set = values_.present;
    Restrict(pq, &set);
    set.And(values_.present);
    return set;
  }

  // REQUIRES: HasRelaxed(pq).
  DocBits Relaxed(const ParsedQuery& pq) {
    std::vector<DocBits> sets;
    for (const QueryItem* it : MeaningfulItems(pq.any[0])) sets.push_back(Item(*it));
    return SomeButNotAll(pq, sets);
  }

 private:
  // Articles in some of `sets` but not in all, restricted like the main set.
  DocBits SomeButNotAll(const ParsedQuery& pq, const std::vector<DocBits>& sets) {
    DocBits some(values_.last), all;
    bool first = true;
    for (const auto& b : sets) {
      some.Or(b);
      if (first) all = b;
      else all.And(b);
      first = false;
    }
    some.AndNot(all);
    Restrict(pq, &some);
    some.And(values_.present);
    return some;
  }

  // Articles holding the words next to each other, in order: Xapian's
  // matcher checks positions; every match is collected (no weighting).
  DocBits Phrase(const QueryItem& item) {
    struct Collector : Xapian::MatchSpy {
      DocBits* bits = nullptr;
      void operator()(const Xapian::Document& doc, double) override { bits->Set(doc.get_docid()); }
    } spy;
    DocBits b(values_.last);
    spy.bits = &b;
    Xapian::Enquire enq(db_);
    enq.set_query(PhraseQuery(item));
    enq.set_weighting_scheme(Xapian::BoolWeight());
    enq.add_matchspy(&spy);
    enq.get_mset(0, 0, std::max<Xapian::doccount>(db_.get_doccount(), 1));
    return b;
  }

  // One synonym group (Xapian's OP_SYNONYM): the wdf of its terms summed
  // per article, weighed with the group's article frequency. `only`: count
  // only these articles (a phrase's), with the term's own frequency.
  void Group(const std::vector<std::string>& terms, double factor, const DocBits* only, DocBits* bits) {
    Scratch& sc = *scratch_;
    for (const auto& t : terms) {
      for (const auto& [d, wdf] : PostingsOf(t)) {
        if (d > values_.last || (only && !only->Test(d))) continue;  // arrays cover docids up to last
        if (sc.wdf[d] == 0) sc.touched.push_back(d);
        sc.wdf[d] += wdf;
      }
    }
    double termfreq = static_cast<double>(sc.touched.size());
    if (only) termfreq = terms.size() == 1 ? db_.get_termfreq(terms[0]) : termfreq;
    const double tw = bm25_.TermWeight(termfreq, factor);
    for (Xapian::docid d : sc.touched) {
      bits->Set(d);
      if (sc.score[d] == 0) sc.scored.push_back(d);
      sc.score[d] += static_cast<float>(bm25_.Part(tw, sc.wdf[d], values_.doclen[d]));
      if (sc.score[d] == 0) sc.score[d] = 1e-30f;  // stays listed in `scored`
      sc.wdf[d] = 0;
    }
    sc.touched.clear();
  }

  // A term's postings, read from the index once per search: a word's exact
  // form is in its exact, stem and name groups, and many forms share a stem
  // and a name key.
  const std::vector<std::pair<Xapian::docid, uint32_t>>& PostingsOf(const std::string& term) {
    auto [it, added] = postings_.try_emplace(term);
    if (added)
      for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p)
        it->second.emplace_back(*p, std::max<Xapian::termcount>(p.get_wdf(), 1));
    return it->second;
  }

  Expander& ex_;
  const Xapian::Database& db_;
  const DocValues& values_;
  std::unordered_map<std::string, std::vector<std::pair<Xapian::docid, uint32_t>>> postings_;
  Scratch* scratch_ = nullptr;
  Bm25 bm25_;
  std::vector<DocBits> items_;
};

// The best `first + count` articles of `set` by score (ties: lower docid
// first, as Xapian orders them), from rank `first` on.
std::vector<std::pair<Xapian::docid, double>> TopByScore(const DocBits& set, const MatchSets& sets, size_t first,
                                                         size_t count) {
  // A bounded heap whose front is the worst kept: a word matching tens of
  // thousands of articles costs one comparison per match, no big array.
  auto better = [](const std::pair<float, Xapian::docid>& a, const std::pair<float, Xapian::docid>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  const size_t keep = first + count;
  std::vector<std::pair<float, Xapian::docid>> heap;
  if (keep == 0) return {};
  heap.reserve(std::min<size_t>(keep, 4096));
  set.ForEach([&](Xapian::docid d) {
    std::pair<float, Xapian::docid> p{sets.Score(d), d};
    if (heap.size() < keep) {
      heap.push_back(p);
      std::push_heap(heap.begin(), heap.end(), better);
    } else if (better(p, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), better);
      heap.back() = p;
      std::push_heap(heap.begin(), heap.end(), better);
    }
  });
  std::sort_heap(heap.begin(), heap.end(), better);
  std::vector<std::pair<Xapian::docid, double>> out;
  for (size_t i = first; i < heap.size(); ++i) out.emplace_back(heap[i].second, heap[i].first);
  return out;
}

void CountFacets(const DocValues& v, const DocBits& set, bool facets, bool days, Facets* out) {
  std::vector<uint64_t> outlet(v.outlet_names.size()), month(v.month_names.size()), agency(v.agency_names.size()),
      day(v.day_names.size());
  set.ForEach([&](Xapian::docid d) {
    if (facets) {
      ++outlet[v.outlet[d]];
      ++month[v.month[d]];
      for (uint32_t a : v.agency_set_members[v.agency_set[d]]) ++agency[a];
    }
    if (days) ++day[v.day[d]];
  });
  auto emit = [](const std::vector<uint64_t>& counts, const std::vector<std::string>& names,
                 std::map<std::string, uint64_t>* m) {
    for (size_t i = 1; i < counts.size(); ++i)
      if (counts[i]) (*m)[names[i]] += counts[i];
  };
  if (facets) {
    emit(outlet, v.outlet_names, &out->outlet);
    emit(month, v.month_names, &out->month);
    emit(agency, v.agency_names, &out->agency);
  }
  if (days) emit(day, v.day_names, &out->day);
}

}  // namespace

namespace {

// Query words by the search keys (and, without the index's forms, the stems
// and name keys) they match in a text. Built once per search, used for every
// hit.
struct SnippetMatcher {
  std::unordered_map<std::string, int> by_key, by_stem, by_name;
  int words = 0;
  // Every form a word meets is in by_key (the index's lexicon forms), so a
  // text word is matched by its search key alone: no stem or name key is
  // computed for the words of the bodies.
  bool keys_only = false;
};

SnippetMatcher MatcherFor(const ParsedQuery& query, Expander* ex) {
  SnippetMatcher m;
  m.keys_only = ex != nullptr;
  for (const auto& conj : query.any) {
    for (const auto& item : conj) {
      for (const auto& w : item.words) {
        int id = m.words++;
        m.by_key.emplace(w.key, id);
        if (w.stopword || item.phrase) continue;
        for (const auto& sp : w.spellings) m.by_key.emplace(sp, id);
        if (!w.spellings.empty())
          for (auto c : kClitics) {
            m.by_key.emplace(std::string(c) + w.key, id);
            for (const auto& sp : w.spellings) m.by_key.emplace(std::string(c) + sp, id);
          }
        if (ex) {
          for (const auto& f : ex->Forms(w).all) m.by_key.emplace(f, id);
        } else {
          m.by_stem.emplace(w.stem, id);
          m.by_name.emplace(w.name, id);
        }
      }
    }
  }
  return m;
}

// Where a token of a body sits.
struct BodyToken {
  size_t start = 0, end = 0;
};

Snippet CutSnippet(std::string_view body, const SnippetMatcher& qm, size_t max_bytes) {
  Snippet s;
  thread_local std::vector<BodyToken> toks;  // reused: no allocation per hit
  struct Match { size_t tok; int word; };
  std::vector<Match> matches;
  constexpr size_t kMaxMatches = 4096;
  toks.clear();
  if (qm.keys_only) {
    thread_local std::vector<text::Token> raw;
    thread_local std::string key;
    raw.clear();
    text::TokenizeTo(body, text::TokenizerOptions{}, &raw);
    for (const auto& t : raw) {
      toks.push_back({t.start, t.end});
      if (matches.size() >= kMaxMatches) continue;
      key.clear();
      text::AppendSearchKey(t.text, &key);
      if (auto it = qm.by_key.find(key); it != qm.by_key.end()) matches.push_back({toks.size() - 1, it->second});
    }
  } else {
    thread_local std::vector<text::AnalyzedToken> analyzed;
    text::AnalyzeTo(body, text::AnalyzerOptions{}, &analyzed);
    for (const auto& t : analyzed) {
      toks.push_back({t.token.start, t.token.end});
      if (matches.size() >= kMaxMatches) continue;
      int id = -1;
      if (auto it = qm.by_key.find(t.key); it != qm.by_key.end()) id = it->second;
      else if (t.stopword) continue;
      else if (auto it2 = qm.by_stem.find(t.stem); it2 != qm.by_stem.end()) id = it2->second;
      else if (auto it3 = qm.by_name.find(t.name); it3 != qm.by_name.end()) id = it3->second;
      if (id >= 0) matches.push_back({toks.size() - 1, id});
    }
  }
  if (toks.empty()) return s;
  // The window (starting a few words before a match) holding the most
  // distinct query words; ties go to the earliest. Windows only move
  // forward, so one pass with a count per word finds it.
  constexpr size_t kLead = 4;
  size_t best_start = 0, best_score = 0;
  std::vector<size_t> in_window(static_cast<size_t>(qm.words), 0);
  size_t distinct = 0, end = 0;  // matches[m, end) are in the current window
  for (size_t m = 0; m < matches.size(); ++m) {
    size_t start = matches[m].tok >= kLead ? matches[m].tok - kLead : 0;
    size_t limit_end = toks[start].start + max_bytes;
    if (end < m) end = m;
    while (end < matches.size() && toks[matches[end].tok].end <= limit_end) {
      if (in_window[static_cast<size_t>(matches[end].word)]++ == 0) ++distinct;
      ++end;
    }
    size_t count = end > m ? end - m : 0;
    size_t score = distinct * 1000 + std::min<size_t>(count, 999);
    if (score > best_score) {
      best_score = score;
      best_start = start;
    }
    if (end > m && --in_window[static_cast<size_t>(matches[m].word)] == 0) --distinct;
  }
  size_t b = toks[best_start].start;
  size_t e = b;
  for (size_t i = best_start; i < toks.size() && toks[i].end - b <= max_bytes; ++i) e = toks[i].end;
  if (e == b) e = toks[best_start].end;  // one overlong word
  s.start = b;
  s.text = std::string(body.substr(b, e - b));
  for (const auto& m : matches) {
    const auto& t = toks[m.tok];
    if (t.start >= b && t.end <= e) s.highlights.push_back({t.start - b, t.end - b});
  }
  return s;
}

}  // namespace

Snippet MakeSnippet(std::string_view body, const ParsedQuery& query, size_t max_bytes) {
  return CutSnippet(body, MatcherFor(query, nullptr), max_bytes);
}

struct Searcher::Impl {
  std::string dir;
  Xapian::Database db;

  // The in-memory facet values matching db's revision.
  std::shared_ptr<const DocValues> Values() {
    auto newest = DocValuesRegistry::Get().Peek(dir);
    // Another thread has seen a newer revision: catch up before using it.
    if (newest && newest->uuid == db.get_uuid() && newest->revision > db.get_revision()) db.reopen();
    return DocValuesRegistry::Get().For(dir, db);
  }
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
    Expander ex(impl_->db);
    // The ranked page, as (docid, weight).
    std::vector<std::pair<Xapian::docid, double>> page;
    // A list of words and phrases by relevance (what the web app and most
    // API calls send) is matched and ranked straight from the posting
    // lists, in one pass that also gives the exact total and the facets;
    // explicit OR/AND and the date order go through Xapian's matcher.
    const bool from_postings =
        options.sort == SortOrder::kRelevance && !pq.explicit_operators && pq.any.size() <= 1;
    const bool need_set = from_postings || options.facets || options.day_counts;
    std::shared_ptr<const DocValues> values;
    if (need_set) values = impl_->Values();
    if (from_postings) {
      if (pq.any.empty() && !pq.has_filters()) return r;
      ScratchLease scratch(static_cast<size_t>(values->last) + 1);
      MatchSets sets(ex, *values);
      // Counting alone (a volume chart: limit 0) needs no weights.
      if (limit > 0) sets.EnableScoring(&*scratch);
      DocBits matched = sets.MainKeepingItems(pq);
      const uint64_t main_total = matched.Count();
      r.total = main_total;
      if (limit > 0) page = TopByScore(matched, sets, offset, limit);
      if (HasRelaxed(pq) && main_total < offset + limit) {
        DocBits more = sets.RelaxedFromItems(pq);
        size_t first = offset > main_total ? offset - main_total : 0;
        size_t want = offset + limit - std::max<size_t>(offset, main_total);
        if (limit > 0)
          for (auto& p : TopByScore(more, sets, first, want)) page.push_back(p);
        r.total += more.Count();
        matched.Or(more);
      }
      if (options.facets || options.day_counts)
        CountFacets(*values, matched, options.facets, options.day_counts, &r.facets);
    } else {
      Plan plan = MakePlan(ex, pq);
      if (plan.main.empty()) return r;
      std::optional<MatchSets> sets;
      DocBits main_set;
      if (need_set) {
        sets.emplace(ex, *values);
        main_set = sets->Main(pq);
      }
      auto run = [&](const Xapian::Query& q, size_t first, size_t count, uint64_t* total) {
        Xapian::Enquire enq(impl_->db);
        enq.set_query(q);
        if (options.sort == SortOrder::kDate) enq.set_sort_by_value_then_relevance(kSlotDate, true);
        Xapian::MSet mset = enq.get_mset(static_cast<Xapian::doccount>(first), static_cast<Xapian::doccount>(count),
                                         static_cast<Xapian::doccount>(first + count));
        *total = mset.get_matches_estimated();
        if (!need_set && mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) r.facets.exact = false;
        for (auto it = mset.begin(); it != mset.end(); ++it) page.emplace_back(*it, it.get_weight());
      };
      uint64_t main_total = 0;
      run(plan.main, offset, limit, &main_total);
      if (need_set) main_total = main_set.Count();
      r.total = main_total;
      if (!plan.relaxed.empty() && main_total < offset + limit) {
        size_t first = offset > main_total ? offset - main_total : 0;
        size_t want = offset + limit - std::max<size_t>(offset, main_total);
        uint64_t more_total = 0;
        run(plan.relaxed, first, want, &more_total);
        if (need_set) {
          DocBits more = sets->Relaxed(pq);
          more_total = more.Count();
          main_set.Or(more);
        }
        r.total += more_total;
      }
      if (need_set) CountFacets(*values, main_set, options.facets, options.day_counts, &r.facets);
    }
    std::optional<SnippetMatcher> matcher;
    if (options.snippets) matcher.emplace(MatcherFor(pq, &ex));
    for (const auto& [docid, weight] : page) {
      if (r.hits.size() >= limit) break;
      auto f = DecodeStoredFields(impl_->db.get_document(docid, Xapian::DOC_ASSUME_VALID).get_data());
      if (!f.ok()) return f.status().WithContext(impl_->dir);
      Hit h;
      h.id = std::move(f->id);
      h.title = std::move(f->title);
      h.outlet = std::move(f->outlet);
      h.published = std::move(f->published);
      h.score = weight;
      if (options.snippets) {
        if (f->body.empty() && options.body_of) f->body = options.body_of(h.id);
        Snippet s = CutSnippet(f->body, *matcher, options.snippet_max_bytes);
        h.snippet = std::move(s.text);
        h.snippet_start = s.start;
        h.highlights = std::move(s.highlights);
      }
      r.hits.push_back(std::move(h));
    }
    return r;
  } catch (const Xapian::Error& e) {
    return Status::IOError(impl_->dir + ": " + e.get_type() + ": " + e.get_msg());
  }
}

}  // namespace malaf::search
