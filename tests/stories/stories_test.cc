// Unit tests of src/stories: shingles, MinHash/LSH against exact Jaccard on
// generated near-copies, canonical choice, clustering determinism under
// shuffled input, incremental = batch (in memory and in an archive).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "exact_reference.h"
#include "store/store.h"
#include "stories/clusterer.h"
#include "stories/duplicates.h"
#include "stories/minhash.h"
#include "stories/shingles.h"
#include "stories/story_archive.h"
#include "stories/story_builder.h"
#include "text/utf8.h"

namespace malaf::stories {
namespace {

// ---- generated texts ----

// Arabic-letter pseudo-words: a fixed vocabulary drawn with a Zipf-like law.
class TextGen {
 public:
  explicit TextGen(uint32_t seed) : rng_(seed) {
    for (int i = 0; i < 5000; ++i) {
      std::string w;
      int len = 3 + static_cast<int>(rng_() % 5);
      for (int k = 0; k < len; ++k) text::AppendUtf8(0x0628 + rng_() % 18, &w);
      vocab_.push_back(w);
    }
  }
  std::string Word() {
    double u = std::uniform_real_distribution<double>(0, 1)(rng_);
    return vocab_[static_cast<size_t>(std::pow(u, 2.5) * vocab_.size()) % vocab_.size()];
  }
  std::string Sentence(int words) {
    std::string s;
    for (int i = 0; i < words; ++i) s += (i ? " " : "") + Word();
    return s + ".";
  }
  std::vector<std::string> Paragraphs(int n) {
    std::vector<std::string> p;
    for (int i = 0; i < n; ++i) p.push_back(Sentence(20 + static_cast<int>(rng_() % 25)) + " " + Sentence(15));
    return p;
  }
  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
  std::vector<std::string> vocab_;
};

std::string Join(const std::vector<std::string>& p) {
  std::string s;
  for (const auto& x : p) s += (s.empty() ? "" : "\n\n") + x;
  return s;
}

// The edits a republisher makes.
std::vector<std::string> Edit(TextGen& g, std::vector<std::string> p, int kind) {
  switch (kind) {
    case 0: p[0] = g.Sentence(12); break;                      // changed first line
    case 1: p.erase(p.begin() + static_cast<long>(p.size() / 2)); break;  // dropped paragraph
    case 2: p.push_back(g.Sentence(6)); break;                 // added credit
    case 3: p.insert(p.begin(), g.Sentence(5)); break;         // added dateline line
    default: break;                                            // identical
  }
  return p;
}

// ---- shingles and signatures ----

TEST(Shingles, SetsAreSortedUniqueAndStopwordsKept) {
  auto keys = ShingleWords("في في في من إلى على");
  EXPECT_EQ(keys.size(), 6u);  // stopwords kept
  auto s = ShingleHashes(keys, 4);
  EXPECT_TRUE(std::is_sorted(s.begin(), s.end()));
  EXPECT_EQ(ShingleHashes({}, 4).size(), 0u);
  EXPECT_EQ(ShingleHashes({"a", "b"}, 4).size(), 1u);  // short text: one shingle
}

TEST(Shingles, NormalizationMakesSpellingVariantsEqual) {
  // Hamza-carrying alef, tashkeel and alef maqsura fold in search keys.
  auto a = ArticleShingles("", "أعلن الوزير أن المباحثات جرت في جنيف يوم الجمعة الماضي", 4);
  auto b = ArticleShingles("", "اعلن الوَزير ان المباحثات جرت في جنيف يوم الجمعة الماضى", 4);
  EXPECT_EQ(a, b);
}

TEST(MinHash, EstimateIsSymmetricAndExactOnIdentical) {
  TextGen g(7);
  MinHashOptions o;
  auto s1 = ArticleShingles("", Join(g.Paragraphs(5)), o.shingle_words);
  auto s2 = ArticleShingles("", Join(g.Paragraphs(5)), o.shingle_words);
  Signature a = ComputeSignature(s1, o), b = ComputeSignature(s2, o);
  EXPECT_EQ(EstimateJaccard(a, b), EstimateJaccard(b, a));
  EXPECT_EQ(IsCopy(a, b, o), IsCopy(b, a, o));
  EXPECT_EQ(EstimateJaccard(a, a), 1.0);
  EXPECT_EQ(EstimateJaccard(a, Signature{}), 0.0);
  EXPECT_EQ(a.mins.size(), static_cast<size_t>(o.num_hashes()));
}

TEST(MinHash, EstimateTracksExactJaccard) {
  TextGen g(11);
  MinHashOptions o;
  double worst = 0;
  for (int t = 0; t < 60; ++t) {
    auto p = g.Paragraphs(6);
    auto q = Edit(g, p, t % 4);
    if (t % 5 == 0) q = g.Paragraphs(6);  // unrelated
    auto sa = ArticleShingles("", Join(p), o.shingle_words);
    auto sb = ArticleShingles("", Join(q), o.shingle_words);
    double exact = Jaccard(sa, sb);
    double est = EstimateJaccard(ComputeSignature(sa, o), ComputeSignature(sb, o));
    worst = std::max(worst, std::abs(exact - est));
  }
  // 128 hashes: standard error <= 0.045; 60 draws stay within 4 sigma.
  EXPECT_LT(worst, 0.18);
}

// Property: every pair of generated near-copies whose exact shingle sets
// satisfy the copy rule with margin ends up in one group, and no unrelated
// pair does.
TEST(Duplicates, LshFindsEveryCopyPairOfTheExactReference) {
  TextGen g(3);
  MinHashOptions o;
  std::vector<std::string> bodies;
  for (int orig = 0; orig < 150; ++orig) {
    auto p = g.Paragraphs(4 + orig % 4);
    bodies.push_back(Join(p));
    int copies = orig % 4;
    for (int c = 0; c < copies; ++c) bodies.push_back(Join(Edit(g, p, (orig + c) % 5)));
  }
  std::vector<std::vector<uint64_t>> sets;
  std::vector<Signature> sigs;
  std::vector<std::string> ids;
  std::vector<CopyInfo> info;
  for (size_t i = 0; i < bodies.size(); ++i) {
    sets.push_back(ArticleShingles("", bodies[i], o.shingle_words));
    sigs.push_back(ComputeSignature(sets.back(), o));
    ids.push_back("id" + std::to_string(1000 + i));
  }
  for (size_t i = 0; i < bodies.size(); ++i) info.push_back({ids[i], "2016-08-26", bodies[i].size()});
  auto groups = FindDuplicateGroups(sigs, info, o, 2);
  std::vector<int> group_of(bodies.size(), -1);
  for (size_t k = 0; k < groups.size(); ++k)
    for (uint32_t m : groups[k].members) group_of[m] = static_cast<int>(k);
  auto exact = testing::ExactPairsAbove(sets, 0.05);
  size_t strong = 0;
  for (const auto& p : exact) {
    if (p.jaccard >= 0.65) {
      ++strong;
      EXPECT_TRUE(group_of[p.a] >= 0 && group_of[p.a] == group_of[p.b]) << p.a << " " << p.b << " J=" << p.jaccard;
    }
  }
  EXPECT_GT(strong, 150u);
  // Unrelated originals never meet.
  auto all = testing::ExactPairsAbove(sets, 0.0);
  std::set<std::pair<uint32_t, uint32_t>> related;
  for (const auto& p : all) related.insert({p.a, p.b});
  for (const auto& gr : groups)
    for (size_t i = 0; i < gr.members.size(); ++i)
      for (size_t j = i + 1; j < gr.members.size(); ++j) {
        uint32_t a = std::min(gr.members[i], gr.members[j]), b = std::max(gr.members[i], gr.members[j]);
        EXPECT_TRUE(related.count({a, b})) << "unrelated texts grouped: " << a << " " << b;
      }
}

TEST(Duplicates, CanonicalIsEarliestThenMostCompleteThenSmallestId) {
  struct Case {
    CopyInfo a, b;
    bool a_first;
  } cases[] = {
      {{"b", "2016-08-26", 10}, {"a", "2016-08-27", 500}, true},   // earlier wins
      {{"b", "2016-08-26", 500}, {"a", "2016-08-26", 10}, true},   // same date: longer wins
      {{"a", "2016-08-26", 10}, {"b", "2016-08-26", 10}, true},    // then smaller id
      {{"a", "", 900}, {"b", "2016-08-27", 10}, false},            // unknown date last
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CanonicalBefore(c.a, c.b), c.a_first) << c.a.id << " vs " << c.b.id;
    EXPECT_EQ(CanonicalBefore(c.b, c.a), !c.a_first);
  }
}

// ---- stories ----

Article MakeArticle(TextGen& g, const std::vector<std::string>& topic, const std::string& day, int n) {
  Article a;
  std::string title;
  for (int i = 0; i < 4; ++i) title += (i ? " " : "") + topic[(n + i) % topic.size()];
  a.title = title + " " + g.Word();
  std::string body;
  for (int s = 0; s < 6; ++s) {
    for (int w = 0; w < 12; ++w) body += (w % 2 ? topic[g.rng()() % topic.size()] : g.Word()) + " ";
    body += ".\n\n";
  }
  a.body = body;
  a.outlet = "outlet" + std::to_string(n % 5);
  a.published = day;
  a.id = ArticleContentId(a);
  return a;
}

std::vector<Article> StoryCorpus(uint32_t seed) {
  TextGen g(seed);
  std::vector<Article> out;
  // Topics overlap in time (four start days, each article on its topic's
  // day or the next), so only content tells them apart.
  const char* days[] = {"2016-08-20", "2016-08-21", "2016-08-22", "2016-08-23", "2016-08-24"};
  for (int t = 0; t < 12; ++t) {
    std::vector<std::string> topic;
    for (int i = 0; i < 12; ++i) topic.push_back(g.Word() + g.Word());  // rare compound words
    int n = 1 + t % 5;
    for (int k = 0; k < n; ++k) out.push_back(MakeArticle(g, topic, days[t % 4 + k % 2], k));
  }
  return out;
}

std::vector<std::set<std::string>> Partition(const std::vector<StorySummary>& s) {
  std::vector<std::set<std::string>> out;
  for (const auto& x : s) out.emplace_back(x.articles.begin(), x.articles.end());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Stories, SameStoriesWhateverTheInputOrder) {
  auto articles = StoryCorpus(5);
  StoryOptions so;
  std::vector<StorySummary> first;
  std::mt19937 rng(9);
  for (int round = 0; round < 4; ++round) {
    std::shuffle(articles.begin(), articles.end(), rng);
    std::vector<ArticleRecord> recs;
    for (const auto& a : articles) recs.push_back(MakeRecord(a, so));
    auto built = BuildStories(recs, so, 2);
    auto summaries = SummarizeAll(recs, built, so.max_participants);
    if (round == 0) {
      first = summaries;
      continue;
    }
    ASSERT_EQ(summaries.size(), first.size());
    for (size_t i = 0; i < summaries.size(); ++i) {
      EXPECT_EQ(summaries[i].id, first[i].id);
      EXPECT_EQ(summaries[i].articles, first[i].articles);
      EXPECT_EQ(summaries[i].title, first[i].title);
    }
  }
  // The generated topics are found: 12 topics, none split, none merged.
  EXPECT_EQ(first.size(), 12u);
}

TEST(Stories, IncrementalClustererEqualsBatchForLaterArticles) {
  auto articles = StoryCorpus(8);
  StoryOptions so;
  std::vector<ArticleRecord> recs;
  for (const auto& a : articles) recs.push_back(MakeRecord(a, so));
  std::sort(recs.begin(), recs.end(), FeedBefore);
  StoryClusterer batch(so.cluster);
  std::vector<std::string> batch_story;
  for (const auto& r : recs) batch_story.push_back(batch.stories()[batch.Add(r.id, r.features).story].id);
  // Feed the first half, save the state, restore it into a new clusterer,
  // feed the rest.
  size_t half = recs.size() / 2;
  StoryClusterer a(so.cluster);
  std::vector<std::string> inc_story;
  for (size_t i = 0; i < half; ++i) inc_story.push_back(a.stories()[a.Add(recs[i].id, recs[i].features).story].id);
  StoryClusterer b(so.cluster);
  b.Restore(a.documents(), a.next_seq(), a.document_frequencies(), a.stories());
  for (size_t i = half; i < recs.size(); ++i) inc_story.push_back(b.stories()[b.Add(recs[i].id, recs[i].features).story].id);
  EXPECT_EQ(inc_story, batch_story);
}

TEST(Stories, StoryIdIsStable) {
  EXPECT_EQ(StoryIdFor("0123456789abcdef"), StoryIdFor("0123456789abcdef"));
  EXPECT_NE(StoryIdFor("0123456789abcdef"), StoryIdFor("0123456789abcdee"));
  EXPECT_EQ(StoryIdFor("x").size(), 16u);
}

// ---- in an archive ----

class TempArchive {
 public:
  TempArchive() {
    char name[] = "/tmp/malaf-stories-test-XXXXXX";
    path_ = mkdtemp(name) ? name : "";
  }
  ~TempArchive() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::vector<std::set<std::string>> ArchivePartition(Store& store) {
  auto list = ListStories(store);
  EXPECT_TRUE(list.ok()) << list.status().ToString();
  return list.ok() ? Partition(*list) : std::vector<std::set<std::string>>{};
}

TEST(StoryArchive, IncrementalUpdatesEqualOneRebuild) {
  auto articles = StoryCorpus(21);
  // Add copies so that duplicate groups span the two batches.
  TextGen g(4);
  size_t n = articles.size();
  for (size_t i = 0; i < n; i += 3) {
    Article c = articles[i];
    c.body += "\n\n" + g.Sentence(5);  // added credit
    c.outlet = "copier";
    c.published = "2016-08-24";
    c.id = ArticleContentId(c);
    articles.push_back(c);
  }
  std::sort(articles.begin(), articles.end(),
            [](const Article& a, const Article& b) { return a.published < b.published; });
  size_t cut = 0;
  while (cut < articles.size() && articles[cut].published < "2016-08-23") ++cut;
  ASSERT_GT(cut, 0u);
  ASSERT_LT(cut, articles.size());

  TempArchive inc_dir, batch_dir;
  auto inc = Store::Open(inc_dir.path());
  auto batch = Store::Open(batch_dir.path());
  ASSERT_TRUE(inc.ok() && batch.ok());
  UpdateOptions uo;
  ASSERT_TRUE((*inc)->Put({articles.begin(), articles.begin() + static_cast<long>(cut)}).ok());
  auto r1 = UpdateStories(**inc, uo);
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_TRUE(r1->rebuilt);  // an empty archive starts with a batch
  auto before = ListStories(**inc);
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE((*inc)->Put({articles.begin() + static_cast<long>(cut), articles.end()}).ok());
  UpdateOptions incremental = uo;
  auto r2 = UpdateStories(**inc, incremental);
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();

  ASSERT_TRUE((*batch)->Put(articles).ok());
  auto r3 = UpdateStories(**batch, uo);
  ASSERT_TRUE(r3.ok()) << r3.status().ToString();
  EXPECT_EQ(ArchivePartition(**inc), ArchivePartition(**batch));
  auto g1 = ListCopyGroups(**inc), g2 = ListCopyGroups(**batch);
  ASSERT_TRUE(g1.ok() && g2.ok());
  ASSERT_EQ(g1->size(), g2->size());
  for (size_t i = 0; i < g1->size(); ++i) EXPECT_EQ((*g1)[i].ids, (*g2)[i].ids);
  // Stories untouched by the second batch kept their ids and articles.
  auto after = ListStories(**inc);
  ASSERT_TRUE(after.ok());
  std::map<std::string, std::vector<std::string>> now;
  for (const auto& s : *after) now[s.id] = s.articles;
  for (const auto& s : *before) EXPECT_TRUE(now.count(s.id)) << s.id;
  // Nothing new: an update changes nothing.
  auto r4 = UpdateStories(**inc, uo);
  ASSERT_TRUE(r4.ok());
  EXPECT_EQ(r4->articles, 0u);
  // Lookups.
  ASSERT_FALSE(after->empty());
  auto one = GetStory(**inc, after->front().id.substr(0, 8));
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->articles, after->front().articles);
  EXPECT_TRUE(GetStory(**inc, "ffffffffffffffff").status().IsNotFound());
  EXPECT_TRUE(GetStory(**inc, "xyz").status().IsInvalidArgument());
}

}  // namespace
}  // namespace malaf::stories

namespace malaf::stories {
namespace {

// Copy groups that change under an incremental update: each case stores a
// first batch, updates, stores a second batch, updates again, and must end
// with the copy groups (members, canonical first, and similarities) and the
// story partition of one rebuild over both batches.
TEST(StoryArchive, IncrementalRegroupingEqualsRebuild) {
  TextGen g(31);
  auto paras = g.Paragraphs(8);
  auto article = [&](int from, int to, const std::string& day, const std::string& outlet) {
    Article a;
    a.title = "title " + outlet;
    a.body = Join({paras.begin() + from, paras.begin() + to});
    a.outlet = outlet;
    a.published = day;
    a.id = ArticleContentId(a);
    return a;
  };
  // A = p0..p3; a copy of A drops p3; B = p2..p5 shares too little with A
  // to be a copy of it (J about 0.33, C 0.5); X = p1..p4 is a copy of both.
  Article a = article(0, 4, "2016-08-20", "a");
  Article a_copy = article(0, 3, "2016-08-21", "a_copy");
  Article b = article(2, 6, "2016-08-21", "b");
  Article x = article(1, 5, "2016-08-22", "x");
  Article earlier = article(0, 4, "2016-08-19", "earlier");  // A republished, dated before A
  Article later = article(0, 4, "2016-08-23", "later");
  struct Case {
    const char* name;
    std::vector<Article> first, second;
    size_t group = 0;  // members of the one copy group expected
  };
  const std::vector<Case> cases = {
      {"copy joins a group that keeps its canonical", {a, a_copy}, {later}, 3},
      {"copy of a lone article", {a}, {later}, 2},
      {"new canonical for an existing group", {a, a_copy}, {earlier}, 3},
      {"bridge merges two groups", {a, a_copy, b}, {x}, 4},
      {"bridge and new canonical", {a, a_copy, b}, {x, earlier}, 5},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    TempArchive inc_dir, batch_dir;
    auto inc = Store::Open(inc_dir.path());
    auto batch = Store::Open(batch_dir.path());
    ASSERT_TRUE(inc.ok() && batch.ok());
    ASSERT_TRUE((*inc)->Put(c.first).ok());
    ASSERT_TRUE(UpdateStories(**inc).ok());
    ASSERT_TRUE((*inc)->Put(c.second).ok());
    auto r = UpdateStories(**inc);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_FALSE(r->rebuilt);
    std::vector<Article> all = c.first;
    all.insert(all.end(), c.second.begin(), c.second.end());
    ASSERT_TRUE((*batch)->Put(all).ok());
    ASSERT_TRUE(UpdateStories(**batch).ok());
    auto g1 = ListCopyGroups(**inc), g2 = ListCopyGroups(**batch);
    ASSERT_TRUE(g1.ok() && g2.ok());
    ASSERT_EQ(g1->size(), g2->size());
    ASSERT_EQ(g2->size(), 1u);
    EXPECT_EQ((*g2)[0].ids.size(), c.group);
    for (size_t i = 0; i < g1->size(); ++i) {
      EXPECT_EQ((*g1)[i].ids, (*g2)[i].ids);
      EXPECT_EQ((*g1)[i].similarity, (*g2)[i].similarity);
    }
    EXPECT_EQ(ArchivePartition(**inc), ArchivePartition(**batch));
  }
}

}  // namespace
}  // namespace malaf::stories

namespace malaf::stories {
namespace {

// Schema v2 -> v3 (the story index gains (published, article_id)): an
// archive whose stories tables are at v2 is migrated on first use, keeps
// its stories, and reads a story's first members from the new index.
TEST(StoryArchive, MigratesSchemaTwoToThree) {
  auto articles = StoryCorpus(13);
  TempArchive dir;
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(articles).ok());
  ASSERT_TRUE(UpdateStories(**store).ok());
  auto before = ListStories(**store);
  ASSERT_TRUE(before.ok());
  Db& db = (*store)->db();
  // Back to v2 as an older malaf left it.
  ASSERT_TRUE(db.Exec("DROP INDEX stories_article_story; "
                      "CREATE INDEX stories_article_story ON stories_article(story_id); "
                      "UPDATE schema_version SET version = 2 WHERE component = 'stories'")
                  .ok());
  auto v = db.SchemaVersion("stories");
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(*v, 2);
  auto index_columns = [&] {
    std::vector<std::string> cols;
    auto q = db.Prepare("SELECT name FROM pragma_index_info('stories_article_story') ORDER BY seqno");
    EXPECT_TRUE(q.ok());
    if (!q.ok()) return cols;
    for (;;) {
      auto row = q->Step();
      if (!row.ok() || !*row) break;
      cols.emplace_back(q->Text(0));
    }
    return cols;
  };
  EXPECT_EQ(index_columns(), std::vector<std::string>{"story_id"});
  auto after = ListStories(**store);  // migrates
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  v = db.SchemaVersion("stories");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 3);
  EXPECT_EQ(index_columns(), (std::vector<std::string>{"story_id", "published", "article_id"}));
  EXPECT_EQ(Partition(*after), Partition(*before));
  // And updates go on from the migrated tables.
  auto r = UpdateStories(**store);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->rebuilt);
}

}  // namespace
}  // namespace malaf::stories

namespace malaf::stories {
namespace {

// A story larger than kSummaryMembers (a wire text copied by many outlets):
// the incremental update reads only its first members, and its stored
// summary (title, date, place, outlets, participants, size) must still be
// the rebuild's.
TEST(StoryArchive, LargeStorySummaryEqualsRebuild) {
  TextGen g(77);
  const std::string body = Join(g.Paragraphs(3));
  std::vector<Article> first;
  const size_t n = kSummaryMembers + 40;
  for (size_t i = 0; i < n; ++i) {
    Article a;
    a.title = "wire " + std::to_string(i);
    a.body = body;
    a.outlet = "outlet" + std::to_string(i % 7 == 0 ? 0 : i % 3);
    a.published = i < n / 2 ? "2016-08-20" : "2016-08-21";
    a.id = ArticleContentId(a);
    first.push_back(std::move(a));
  }
  Article late = first.back();
  late.title = "wire late";
  late.outlet = "late outlet";
  late.published = "2016-08-22";
  late.id = ArticleContentId(late);
  TempArchive inc_dir, batch_dir;
  auto inc = Store::Open(inc_dir.path());
  auto batch = Store::Open(batch_dir.path());
  ASSERT_TRUE(inc.ok() && batch.ok());
  ASSERT_TRUE((*inc)->Put(first).ok());
  ASSERT_TRUE(UpdateStories(**inc).ok());
  ASSERT_TRUE((*inc)->Put({late}).ok());
  auto r = UpdateStories(**inc);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->rebuilt);
  first.push_back(late);
  ASSERT_TRUE((*batch)->Put(first).ok());
  ASSERT_TRUE(UpdateStories(**batch).ok());
  auto s1 = ListStories(**inc), s2 = ListStories(**batch);
  ASSERT_TRUE(s1.ok() && s2.ok());
  ASSERT_EQ(s2->size(), 1u);
  ASSERT_EQ(s1->size(), 1u);
  const StorySummary &a = (*s1)[0], &b = (*s2)[0];
  EXPECT_EQ(b.articles.size(), n + 1);
  EXPECT_EQ(a.articles, b.articles);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.representative, b.representative);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.outlets, b.outlets);
  EXPECT_EQ(a.participants, b.participants);
  auto one = GetStory(**inc, a.id);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->articles.size(), n + 1);
}

}  // namespace
}  // namespace malaf::stories
