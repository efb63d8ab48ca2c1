#include "entities/entity_archive.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "entities/analysis.h"
#include "text/name_key.h"
#include "text/normalizer.h"

#if defined(MALAF_HAVE_STORY_ARCHIVE)
#include "stories/story_archive.h"
#endif

namespace malaf::entities {
namespace {

constexpr size_t kBatch = 256;  // articles analysed per transaction
constexpr char kCursorKey[] = "entities.seq";
constexpr char kVersionKey[] = "entities.version";

std::vector<std::string> KeyWords(const std::string& key) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < key.size()) {
    size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    if (j > i) out.push_back(key.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string NameKeyOf(const std::string& name) { return text::NameKeyPhrase(text::SearchKey(name)); }

// Sorts strings by how often they were counted, most frequent first.
std::vector<std::string> ByCount(const std::map<std::string, int64_t>& counts) {
  std::vector<std::pair<std::string, int64_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (auto& [s, n] : v) out.push_back(s);
  return out;
}

// What the archive-wide views need of one article (no body).
struct ArticleFacts {
  std::string id, title, outlet, published, dateline_city;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
};

Status ForEachAnalyzed(Store& store, const std::function<void(ArticleFacts&&)>& fn) {
  return store.ForEach(0, [&](const StoredArticle& sa) {
    const Article& a = sa.article;
    if (!a.analyzed) return true;
    ArticleFacts f{a.id, a.title, a.outlet, a.published, a.dateline_city, a.entities, a.quotes};
    for (auto& q : f.quotes) q.article = a.id;
    fn(std::move(f));
    return true;
  });
}

ArchiveQuote MakeQuote(const ArticleFacts& f, const Quote& q) { return ArchiveQuote{q, f.published, f.title, f.outlet}; }

bool QuoteBefore(const ArchiveQuote& a, const ArchiveQuote& b) {
  if (a.published.empty() != b.published.empty()) return !a.published.empty();
  if (a.published != b.published) return a.published < b.published;
  if (a.quote.article != b.quote.article) return a.quote.article < b.quote.article;
  return a.quote.start < b.quote.start;
}

}  // namespace

Result<UpdateAnalysisStats> UpdateAnalysis(Store& store) {
  UpdateAnalysisStats stats;
  auto version = store.GetMeta(kVersionKey);
  if (!version.ok()) return version.status();
  auto cursor_text = store.GetMeta(kCursorKey);
  if (!cursor_text.ok()) return cursor_text.status();
  int64_t cursor = 0;
  stats.rebuilt = !version->has_value() || **version != std::to_string(kAnalysisVersion);
  if (!stats.rebuilt && cursor_text->has_value()) cursor = std::stoll(**cursor_text);
  auto end = store.LastSeq();
  if (!end.ok()) return end.status();
  // Storing an analysis gives the article a seq after `end`; those are done.
  const int64_t end_seq = *end;
  std::vector<Article> batch;
  bool more = true;
  while (more) {
    more = false;
    batch.clear();
    Status st = store.ForEach(cursor, [&](const StoredArticle& sa) {
      if (sa.seq > end_seq) return false;
      cursor = sa.seq;
      Article a = sa.article;
      AnalyzeArticle(&a);
      batch.push_back(std::move(a));
      if (batch.size() >= kBatch) {
        more = true;
        return false;
      }
      return true;
    });
    if (!st.ok()) return st;
    if (!batch.empty()) MALAF_RETURN_IF_ERROR(store.PutAnalysis(batch));
    stats.analyzed += batch.size();
  }
  auto last = store.LastSeq();
  if (!last.ok()) return last.status();
  MALAF_RETURN_IF_ERROR(store.SetMeta(kCursorKey, std::to_string(*last)));
  MALAF_RETURN_IF_ERROR(store.SetMeta(kVersionKey, std::to_string(kAnalysisVersion)));
  return stats;
}

bool NameMatches(const std::string& query, const std::string& name, const std::vector<std::string>& surfaces) {
  std::string q = NameKeyOf(query);
  if (q.empty()) return false;
  if (NameKeyOf(name) == q) return true;
  for (const auto& s : surfaces)
    if (NameKeyOf(s) == q) return true;
  std::vector<std::string> qw = KeyWords(q), nw = KeyWords(NameKeyOf(name));
  return qw.size() < nw.size() && std::equal(qw.rbegin(), qw.rend(), nw.rbegin());
}

Result<std::vector<ArchiveEntity>> ListEntities(Store& store, const EntityListOptions& options) {
  struct Acc {
    std::map<std::string, int64_t> names, surfaces, roles;
    std::string type;
    int64_t articles = 0, mentions = 0;
  };
  std::unordered_map<std::string, Acc> acc;
  Status st = ForEachAnalyzed(store, [&](ArticleFacts&& f) {
    std::unordered_set<std::string> seen;
    for (const Entity& e : f.entities) {
      if (!options.type.empty() && e.type != options.type) continue;
      std::string key = e.type + '\t' + NameKeyOf(e.name);
      Acc& a = acc[key];
      a.type = e.type;
      a.names[e.name]++;
      for (const auto& s : e.surfaces) a.surfaces[s]++;
      if (!e.role.empty()) a.roles[e.role]++;
      a.mentions += static_cast<int64_t>(e.mentions.size());
      if (seen.insert(key).second) a.articles++;
    }
  });
  if (!st.ok()) return st;
  std::vector<ArchiveEntity> out;
  for (auto& [key, a] : acc) {
    ArchiveEntity e;
    e.type = a.type;
    e.name = ByCount(a.names).front();
    e.surfaces = ByCount(a.surfaces);
    e.roles = ByCount(a.roles);
    e.articles = a.articles;
    e.mentions = a.mentions;
    if (!options.name.empty() && !NameMatches(options.name, e.name, e.surfaces)) continue;
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const ArchiveEntity& a, const ArchiveEntity& b) {
    if (a.articles != b.articles) return a.articles > b.articles;
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  if (options.limit > 0 && out.size() > options.limit) out.resize(options.limit);
  return out;
}

Result<std::vector<ArchiveQuote>> ListQuotes(Store& store, const QuoteListOptions& options) {
  std::vector<ArchiveQuote> out;
  Status st = ForEachAnalyzed(store, [&](ArticleFacts&& f) {
    for (const Quote& q : f.quotes) {
      if (!options.speaker.empty()) {
        if (q.speaker.empty() && q.speaker_surface.empty()) continue;
        if (!NameMatches(options.speaker, q.speaker.empty() ? q.speaker_surface : q.speaker, {q.speaker_surface}))
          continue;
      }
      out.push_back(MakeQuote(f, q));
    }
  });
  if (!st.ok()) return st;
  std::sort(out.begin(), out.end(), QuoteBefore);
  if (options.limit > 0 && out.size() > options.limit) out.resize(options.limit);
  return out;
}

namespace {

struct StoryView {
  std::string id, title, date, place;
  std::vector<std::string> participants;
  std::vector<std::string> articles;    // every article
  std::unordered_set<std::string> copies;  // articles that copy another of the story
};

Result<std::vector<StoryView>> LoadStories(Store& store, const std::unordered_map<std::string, ArticleFacts>& facts) {
  std::vector<StoryView> out;
#if defined(MALAF_HAVE_STORY_ARCHIVE)
  auto stories = stories::ListStories(store);
  if (!stories.ok()) return stories.status().WithContext("stories");
  for (const auto& s : *stories) {
    StoryView v{s.id, s.title, s.date, s.place, s.participants, s.articles, {}};
    for (const auto& g : s.duplicates)
      for (size_t i = 1; i < g.size(); ++i) v.copies.insert(g[i]);
    out.push_back(std::move(v));
  }
  if (!out.empty()) return out;
#endif
  // No stories yet: one entry per day of publication.
  std::map<std::string, StoryView> by_day;
  for (const auto& [id, f] : facts) {
    std::string day = f.published.substr(0, 10);
    StoryView& v = by_day[day];
    v.date = day;
    v.articles.push_back(id);
  }
  for (auto& [day, v] : by_day) {
    std::sort(v.articles.begin(), v.articles.end());
    if (!v.articles.empty()) v.title = facts.at(v.articles.front()).title;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

Result<std::vector<TimelineEntry>> BuildTimeline(Store& store, const TimelineOptions& options) {
  std::unordered_map<std::string, ArticleFacts> facts;
  Status st = ForEachAnalyzed(store, [&](ArticleFacts&& f) {
    std::string id = f.id;
    facts.emplace(id, std::move(f));
  });
  if (!st.ok()) return st;
  auto stories = LoadStories(store, facts);
  if (!stories.ok()) return stories.status();
  std::vector<TimelineEntry> out;
  for (const StoryView& s : *stories) {
    std::map<std::string, int64_t> people, places;
    std::map<std::string, std::string> canonical_place;
    bool involved = options.entity.empty();
    for (const auto& p : s.participants)
      if (!involved && NameMatches(options.entity, p, {})) involved = true;
    // Quotations by speaker; the same words carried by several outlets count once per article.
    struct Said {
      ArchiveQuote q;
      int64_t articles = 0;
    };
    std::map<std::string, std::map<std::string, Said>> by_speaker;
    std::map<std::string, int64_t> speaker_articles;
    for (const auto& id : s.articles) {
      auto it = facts.find(id);
      if (it == facts.end()) continue;
      const ArticleFacts& f = it->second;
      for (const Entity& e : f.entities) {
        if (!involved && NameMatches(options.entity, e.name, e.surfaces)) involved = true;
        if (e.type == "person") people[e.name]++;
        if (e.type == "place") places[e.name]++;
      }
      if (s.copies.count(id)) continue;
      std::set<std::string> spoke;
      for (const Quote& q : f.quotes) {
        if (q.speaker.empty()) continue;
        std::string key = text::SearchKey(q.quote).substr(0, 120);
        Said& said = by_speaker[q.speaker][key];
        if (said.articles == 0 || q.quote.size() > said.q.quote.quote.size()) said.q = MakeQuote(f, q);
        said.articles++;
        spoke.insert(q.speaker);
      }
      for (const auto& sp : spoke) speaker_articles[sp]++;
    }
    if (!involved) continue;
    TimelineEntry e;
    e.date = s.date;
    e.story = s.id;
    e.title = s.title;
    e.place = s.place;
    if (e.place.empty() && !places.empty()) e.place = ByCount(places).front();
    e.participants = s.participants;
    for (const auto& p : ByCount(people)) {
      if (e.participants.size() >= options.max_participants) break;
      bool have = false;
      for (const auto& q : e.participants) have = have || NameKeyOf(q) == NameKeyOf(p) || NameMatches(q, p, {});
      if (!have) e.participants.push_back(p);
    }
    std::vector<std::string> speakers = ByCount(speaker_articles);
    if (speakers.size() > options.max_speakers) speakers.resize(options.max_speakers);
    for (const auto& sp : speakers) {
      std::vector<Said> said;
      for (auto& [k, v] : by_speaker[sp]) said.push_back(v);
      std::stable_sort(said.begin(), said.end(), [](const Said& a, const Said& b) {
        if (a.articles != b.articles) return a.articles > b.articles;
        return a.q.quote.quote.size() > b.q.quote.quote.size();
      });
      for (size_t i = 0; i < said.size() && i < options.max_quotes_per_speaker; ++i) e.quotes.push_back(said[i].q);
    }
    out.push_back(std::move(e));
  }
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date.empty() != b.date.empty()) return !a.date.empty();
    return a.date < b.date;
  });
  return out;
}

}  // namespace malaf::entities
