#include "stories/clusterer.h"

#include <algorithm>
#include <cmath>

#include "base/hash.h"

// DESIGN: candidate stories come from posting lists (term -> active stories
// that have it among the probe terms of one of their articles; each story
// remembers those terms in StoryState::indexed). Posting lists are pruned of
// inactive stories whenever the day advances, and capped at posting_cap
// entries (oldest dropped). A restored clusterer rebuilds its posting lists
// from the restored stories' `indexed` terms in story order, so the candidate
// sets of a batch run and of an incremental run are the same unless a cap
// was hit (then the order of eviction may differ).

namespace malaf::stories {
namespace {

void AddTo(SparseVector& v, uint64_t key, float w) {
  auto it = std::lower_bound(v.begin(), v.end(), key,
                             [](const std::pair<uint64_t, float>& p, uint64_t k) { return p.first < k; });
  if (it != v.end() && it->first == key) it->second += w;
  else v.insert(it, {key, w});
}

// Keeps the `n` heaviest entries (ties by key), sorted by key.
void Prune(SparseVector& v, size_t n) {
  if (v.size() <= n) return;
  std::nth_element(v.begin(), v.begin() + n, v.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  v.resize(n);
  std::sort(v.begin(), v.end());
}

float Norm(const SparseVector& v) {
  double s = 0;
  for (const auto& [k, w] : v) s += double(w) * w;
  return static_cast<float>(std::sqrt(s));
}

// Cosine of a binary key set with a count vector.
float SetCosine(const std::vector<uint64_t>& keys, const SparseVector& counts) {
  if (keys.empty() || counts.empty()) return 0;
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < keys.size() && j < counts.size()) {
    if (keys[i] < counts[j].first) ++i;
    else if (counts[j].first < keys[i]) ++j;
    else { dot += counts[j].second; ++i; ++j; }
  }
  if (dot == 0) return 0;
  return static_cast<float>(dot / (std::sqrt(double(keys.size())) * Norm(counts)));
}

uint64_t TopKey(const SparseVector& counts) {
  uint64_t best = 0;
  float w = -1;
  for (const auto& [k, c] : counts)
    if (c > w) { w = c; best = k; }
  return best;
}

bool Active(const StoryState& s, int32_t day, int window) {
  if (day == kUnknownDay || s.last_day == kUnknownDay) return true;
  return day <= s.last_day + window && day >= s.first_day - window;
}

}  // namespace

std::string StoryIdFor(std::string_view article_id) {
  std::string key = "story:";
  key += article_id;
  return Hex64(Hash64(key));
}

StoryClusterer::StoryClusterer(const ClusterOptions& options) : options_(options) {}

float StoryClusterer::Cosine(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else { dot += double(a[i].second) * b[j].second; ++i; ++j; }
  }
  if (dot == 0) return 0;
  return static_cast<float>(dot / (double(Norm(a)) * Norm(b)));
}

SparseVector StoryClusterer::Weigh(const StoryFeatures& f) {
  ++documents_;
  for (const auto& t : f.terms) ++df_[t.term];
  SparseVector v;
  v.reserve(f.terms.size());
  const double n = static_cast<double>(documents_) + options_.idf_prior;
  for (const auto& t : f.terms) {
    double idf = std::log(1.0 + n / df_[t.term]);
    v.emplace_back(t.term, static_cast<float>((1.0 + std::log(double(t.count))) * idf));
  }
  Prune(v, options_.article_terms);
  float norm = Norm(v);
  if (norm > 0)
    for (auto& [k, w] : v) w /= norm;
  return v;
}

float StoryClusterer::Score(const StoryState& s, const SparseVector& vec, const StoryFeatures& f) const {
  double sum = options_.text_weight * Cosine(vec, s.centroid);
  double weights = options_.text_weight;
  sum += options_.names_weight * SetCosine(f.names, s.names);
  weights += options_.names_weight;
  if (f.place != 0 && !s.places.empty()) {
    sum += options_.place_weight * (TopKey(s.places) == f.place ? 1.0 : 0.0);
    weights += options_.place_weight;
  }
  for (const auto& ch : f.extra) {
    const SparseVector* counts = nullptr;
    for (const auto& [name, c] : s.extra)
      if (name == ch.name) counts = &c;
    if (counts) sum += ch.weight * SetCosine(ch.keys, *counts);
    weights += ch.weight;
  }
  return weights > 0 ? static_cast<float>(sum / weights) : 0.0f;
}

void StoryClusterer::Index(size_t story, const SparseVector& vec) {
  // Probe terms: the article's heaviest terms.
  SparseVector top = vec;
  Prune(top, options_.probe_terms);
  auto& indexed = stories_[story].indexed;
  for (const auto& [term, w] : top) {
    auto it = std::lower_bound(indexed.begin(), indexed.end(), term);
    if (it != indexed.end() && *it == term) continue;
    indexed.insert(it, term);
    Post(story, term);
  }
}

void StoryClusterer::Post(size_t story, uint64_t term) {
  for (auto* index : {&postings_, &all_postings_}) {
    auto& list = (*index)[term];
    list.push_back(static_cast<uint32_t>(story));
    if (list.size() > options_.posting_cap) list.erase(list.begin());
  }
}

void StoryClusterer::Join(StoryState& s, size_t index, const SparseVector& vec, const StoryFeatures& f) {
  ++s.size;
  if (f.day != kUnknownDay) {
    if (s.first_day == kUnknownDay || f.day < s.first_day) s.first_day = f.day;
    if (s.last_day == kUnknownDay || f.day > s.last_day) s.last_day = f.day;
  }
  for (const auto& [k, w] : vec) AddTo(s.centroid, k, w);
  Prune(s.centroid, options_.story_terms);
  for (uint64_t n : f.names) AddTo(s.names, n, 1);
  Prune(s.names, options_.story_terms);
  if (f.place) AddTo(s.places, f.place, 1);
  for (const auto& ch : f.extra) {
    SparseVector* counts = nullptr;
    for (auto& [name, c] : s.extra)
      if (name == ch.name) counts = &c;
    if (!counts) {
      s.extra.emplace_back(ch.name, SparseVector{});
      counts = &s.extra.back().second;
    }
    for (uint64_t k : ch.keys) AddTo(*counts, k, 1);
    Prune(*counts, options_.story_terms);
  }
  Index(index, vec);
}

void StoryClusterer::PruneInactive(int32_t day) {
  if (day == kUnknownDay || day == pruned_day_) return;
  pruned_day_ = day;
  for (auto it = postings_.begin(); it != postings_.end();) {
    auto& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](uint32_t s) {
                                const StoryState& st = stories_[s];
                                return st.last_day != kUnknownDay && st.last_day + options_.window_days < day;
                              }),
               list.end());
    if (list.empty()) it = postings_.erase(it);
    else ++it;
  }
}

StoryClusterer::Placement StoryClusterer::Add(std::string_view article_id, const StoryFeatures& f) {
  PruneInactive(f.day);
  Placement p;
  p.vector = Weigh(f);
  // Gather candidates: stories sharing probe terms, ranked by the summed
  // article weight of the shared terms.
  SparseVector probes = p.vector;
  Prune(probes, options_.probe_terms);
  if (acc_.size() < stories_.size()) acc_.resize(stories_.size(), 0);
  touched_.clear();
  const auto& index = f.day == kUnknownDay ? all_postings_ : postings_;
  for (const auto& [term, w] : probes) {
    auto it = index.find(term);
    if (it == index.end()) continue;
    for (uint32_t s : it->second) {
      if (!Active(stories_[s], f.day, options_.window_days)) continue;
      if (acc_[s] == 0) touched_.push_back(s);
      acc_[s] += w;
    }
  }
  std::vector<std::pair<float, uint32_t>> ranked;
  ranked.reserve(touched_.size());
  for (uint32_t s : touched_) {
    ranked.emplace_back(acc_[s], s);
    acc_[s] = 0;
  }
  auto by_acc = [&](const std::pair<float, uint32_t>& a, const std::pair<float, uint32_t>& b) {
    if (a.first != b.first) return a.first > b.first;
    return stories_[a.second].seq < stories_[b.second].seq;
  };
  if (ranked.size() > options_.candidates) {
    std::partial_sort(ranked.begin(), ranked.begin() + options_.candidates, ranked.end(), by_acc);
    ranked.resize(options_.candidates);
  }
  float best = -1;
  size_t best_story = 0;
  for (const auto& [acc, s] : ranked) {
    float score = Score(stories_[s], p.vector, f);
    if (score > best || (score == best && stories_[s].seq < stories_[best_story].seq)) {
      best = score;
      best_story = s;
    }
  }
  if (best >= options_.threshold) {
    p.story = best_story;
    p.score = best;
    Join(stories_[best_story], best_story, p.vector, f);
    return p;
  }
  StoryState s;
  s.id = StoryIdFor(article_id);
  s.first_article = std::string(article_id);
  s.seq = next_seq_++;
  stories_.push_back(std::move(s));
  acc_.push_back(0);
  p.story = stories_.size() - 1;
  p.opened = true;
  p.score = 1;
  Join(stories_.back(), p.story, p.vector, f);
  return p;
}

void StoryClusterer::Restore(uint64_t documents, uint64_t next_seq,
                             std::unordered_map<uint64_t, uint32_t> df, std::vector<StoryState> stories) {
  documents_ = documents;
  df_ = std::move(df);
  stories_ = std::move(stories);
  std::sort(stories_.begin(), stories_.end(),
            [](const StoryState& a, const StoryState& b) { return a.seq < b.seq; });
  next_seq_ = next_seq;
  postings_.clear();
  all_postings_.clear();
  acc_.assign(stories_.size(), 0);
  pruned_day_ = kUnknownDay;
  for (size_t i = 0; i < stories_.size(); ++i)
    for (uint64_t term : stories_[i].indexed) Post(i, term);
}

}  // namespace malaf::stories
