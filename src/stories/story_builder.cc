#include "stories/story_builder.h"

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <map>
#include <numeric>

#include "stories/shingles.h"

namespace malaf::stories {
namespace {

// Terms of an article vector kept for choosing the most central article.
constexpr size_t kCentralityTerms = 16;

SparseVector Top(SparseVector v, size_t n) {
  if (v.size() > n) {
    std::nth_element(v.begin(), v.begin() + n, v.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    v.resize(n);
    std::sort(v.begin(), v.end());
  }
  v.shrink_to_fit();
  return v;
}

bool MemberBefore(const StoryMember& a, const StoryMember& b) {
  bool ka = !a.published.empty(), kb = !b.published.empty();
  if (ka != kb) return ka;
  if (a.published != b.published) return a.published < b.published;
  return a.id < b.id;
}

}  // namespace

ArticleRecord MakeRecord(const Article& a, const StoryOptions& options) {
  ArticleRecord r;
  r.id = a.id.empty() ? ArticleContentId(a) : a.id;
  r.published = a.published;
  r.title = a.title;
  r.outlet = a.outlet;
  r.place = a.dateline_city;
  r.length = a.body.size();
  r.signature = ComputeSignature(ArticleShingles(a.title, a.body, options.minhash.shingle_words), options.minhash);
  r.features = ExtractStoryFeatures(a, options.features, &r.participants);
  // Only the first few participants can ever be shown for a story.
  if (r.participants.size() > 2 * options.max_participants) r.participants.resize(2 * options.max_participants);
  r.participants.shrink_to_fit();
  r.features.terms.shrink_to_fit();
  r.features.names.shrink_to_fit();
  return r;
}

bool FeedBefore(const ArticleRecord& a, const ArticleRecord& b) {
  bool ka = !a.published.empty(), kb = !b.published.empty();
  if (ka != kb) return ka;
  if (a.published != b.published) return a.published < b.published;
  return a.id < b.id;
}

namespace {

void ReleaseFeatures(ArticleRecord& rec) {
  std::vector<TermCount>().swap(rec.features.terms);
  std::vector<uint64_t>().swap(rec.features.names);
  std::vector<FeatureChannel>().swap(rec.features.extra);
}

// Gives freed heap pages back to the system (glibc keeps them otherwise,
// and the records were allocated by the reading threads' arenas, which the
// clusterer's thread does not reuse).
void TrimHeap() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

BuildResult Build(const std::vector<ArticleRecord>& records, std::vector<ArticleRecord>* release,
                  const StoryOptions& options, int threads) {
  BuildResult r{{}, {}, {}, {}, {}, StoryClusterer(options.cluster)};
  const size_t n = records.size();
  std::vector<const Signature*> sigs;
  std::vector<CopyInfo> info;
  sigs.reserve(n);
  info.reserve(n);
  for (const auto& rec : records) {
    sigs.push_back(&rec.signature);
    info.push_back({rec.id, rec.published, rec.length});
  }
  r.groups = FindDuplicateGroups(sigs, info, options.minhash, threads);
  r.canonical_of.assign(n, -1);
  r.score.assign(n, 1.0f);
  for (const auto& g : r.groups)
    for (size_t k = 1; k < g.members.size(); ++k) {
      r.canonical_of[g.members[k]] = g.members[0];
      r.score[g.members[k]] = g.similarity[k];
    }
  std::vector<uint32_t> order;
  order.reserve(n);
  for (uint32_t i = 0; i < n; ++i)
    if (r.canonical_of[i] < 0) order.push_back(i);
    else if (release) ReleaseFeatures((*release)[i]);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return FeedBefore(records[a], records[b]); });
  r.story_of.assign(n, 0);
  r.vectors.assign(n, {});
  size_t fed = 0;
  for (uint32_t i : order) {
    auto p = r.clusterer.Add(records[i].id, records[i].features);
    r.story_of[i] = static_cast<uint32_t>(p.story);
    r.score[i] = p.score;
    r.vectors[i] = Top(std::move(p.vector), kCentralityTerms);
    if (release) {
      ReleaseFeatures((*release)[i]);
      if (++fed % 131072 == 0) TrimHeap();
    }
  }
  if (release) TrimHeap();
  for (uint32_t i = 0; i < n; ++i)
    if (r.canonical_of[i] >= 0) r.story_of[i] = r.story_of[r.canonical_of[i]];
  return r;
}

}  // namespace

BuildResult BuildStories(const std::vector<ArticleRecord>& records, const StoryOptions& options, int threads) {
  return Build(records, nullptr, options, threads);
}

BuildResult BuildStoriesReleasingFeatures(std::vector<ArticleRecord>* records, const StoryOptions& options,
                                          int threads) {
  return Build(*records, records, options, threads);
}

StorySummary Summarize(const StoryState& story, const std::vector<StoryMember>& members_in,
                       const std::unordered_map<uint64_t, std::string>& names, size_t max_participants) {
  std::vector<StoryMember> members = members_in;
  std::sort(members.begin(), members.end(), MemberBefore);
  StorySummary s;
  s.id = story.id;
  // Most central canonical article: highest cosine with the centroid; ties
  // go to the earlier article.
  const size_t counted = std::min(members.size(), kSummaryMembers);
  float best = -1;
  const StoryMember* central = &members[0];
  for (size_t k = 0; k < counted; ++k) {
    const StoryMember& m = members[k];
    if (!m.canonical.empty()) continue;
    float c = StoryClusterer::Cosine(m.vector, story.centroid);
    if (c > best) {
      best = c;
      central = &m;
    }
  }
  s.title = central->title;
  s.representative = central->id;
  s.date = members[0].published;
  std::map<std::string, int> places, outlets;
  std::map<uint64_t, int> people;
  std::map<std::string, std::vector<std::string>> copies;  // canonical -> copies
  for (size_t k = 0; k < members.size(); ++k) {
    const StoryMember& m = members[k];
    s.articles.push_back(m.id);
    if (!m.canonical.empty()) copies[m.canonical].push_back(m.id);
    if (k >= counted) continue;
    if (!m.place.empty()) ++places[m.place];
    if (!m.outlet.empty()) ++outlets[m.outlet];
    for (uint64_t p : m.participants) ++people[p];
  }
  int top = 0;
  for (const auto& [p, c] : places)
    if (c > top) { top = c; s.place = p; }
  std::vector<std::pair<int, std::string>> by_count;
  for (const auto& [o, c] : outlets) by_count.emplace_back(-c, o);
  std::sort(by_count.begin(), by_count.end());
  for (const auto& [c, o] : by_count) s.outlets.push_back(o);
  std::vector<std::pair<int, uint64_t>> ranked;
  for (const auto& [k, c] : people) ranked.emplace_back(-c, k);
  std::sort(ranked.begin(), ranked.end());
  // In a story of several articles, a participant must be named in two.
  int min_count = counted > 1 ? 2 : 1;
  for (const auto& [c, k] : ranked) {
    if (-c < min_count || s.participants.size() >= max_participants) break;
    auto it = names.find(k);
    if (it != names.end()) s.participants.push_back(it->second);
  }
  for (const auto& m : members) {
    auto it = copies.find(m.id);
    if (it == copies.end()) continue;
    std::vector<std::string> g{m.id};
    g.insert(g.end(), it->second.begin(), it->second.end());
    s.duplicates.push_back(std::move(g));
  }
  return s;
}

void ForEachSummary(const std::vector<ArticleRecord>& records, const BuildResult& result, size_t max_participants,
                    const std::function<void(size_t story, StorySummary&& summary)>& fn) {
  const auto& stories = result.clusterer.stories();
  // Feed order, so that a participant's surface is the first one in time
  // whatever the input order.
  std::vector<uint32_t> order(records.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return FeedBefore(records[a], records[b]); });
  std::unordered_map<uint64_t, std::string> names;
  for (uint32_t i : order)
    for (const auto& p : records[i].participants) names.emplace(p.key, p.surface);
  // Members of each story (record indices in feed order), as offsets into
  // one flat array.
  std::vector<uint32_t> start(stories.size() + 1, 0);
  for (uint32_t i : order) ++start[result.story_of[i] + 1];
  for (size_t s = 0; s < stories.size(); ++s) start[s + 1] += start[s];
  std::vector<uint32_t> flat(records.size());
  {
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (uint32_t i : order) flat[next[result.story_of[i]]++] = i;
  }
  std::vector<uint32_t>().swap(order);
  std::vector<StoryMember> members;
  for (size_t s = 0; s < stories.size(); ++s) {
    if (start[s] == start[s + 1]) continue;
    members.clear();
    for (uint32_t k = start[s]; k < start[s + 1]; ++k) {
      uint32_t i = flat[k];
      const auto& rec = records[i];
      StoryMember m;
      m.id = rec.id;
      m.published = rec.published;
      m.title = rec.title;
      m.outlet = rec.outlet;
      m.place = rec.place;
      if (result.canonical_of[i] >= 0) {
        m.canonical = records[result.canonical_of[i]].id;
        m.similarity = result.score[i];
      }
      m.vector = result.vectors[i];
      for (const auto& p : rec.participants) m.participants.push_back(p.key);
      members.push_back(std::move(m));
    }
    fn(s, Summarize(stories[s], members, names, max_participants));
  }
}

std::vector<StorySummary> SummarizeAll(const std::vector<ArticleRecord>& records, const BuildResult& result,
                                       size_t max_participants) {
  std::vector<StorySummary> out;
  out.reserve(result.clusterer.stories().size());
  ForEachSummary(records, result, max_participants,
                 [&](size_t, StorySummary&& s) { out.push_back(std::move(s)); });
  std::sort(out.begin(), out.end(), [](const StorySummary& a, const StorySummary& b) {
    bool ka = !a.date.empty(), kb = !b.date.empty();
    if (ka != kb) return ka;
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  return out;
}

}  // namespace malaf::stories
