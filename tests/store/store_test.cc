#include "store/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "base/hash.h"
#include "store/store_schema.h"
#include "temp_dir.h"

namespace malaf {
namespace {

using testing::TempDir;

Article MakeArticle(const std::string& title, const std::string& body, const std::string& path = "a.txt",
                    int index = 0) {
  Article a;
  a.title = title;
  a.body = body;
  a.outlet = "الجزيرة";
  a.published = "2016-08-26";
  a.agencies = {"رويترز"};
  a.sources.push_back({path, "text", index});
  return a;
}

std::unique_ptr<Store> OpenStore(const std::string& dir, StoreOptions options = {}) {
  auto s = Store::Open(dir, options);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

int64_t Count(Store& s) {
  auto n = s.Count();
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return n.ok() ? *n : -1;
}

std::string PragmaText(Db& db, const std::string& pragma) {
  auto q = db.Prepare("PRAGMA " + pragma);
  EXPECT_TRUE(q.ok());
  auto row = q->Step();
  EXPECT_TRUE(row.ok() && *row);
  return std::string(q->Text(0));
}

TEST(StoreTest, OpenCreatesDirectoryAndCurrentSchema) {
  TempDir tmp;
  std::string dir = tmp / "nested/archive";
  auto s = OpenStore(dir);
  ASSERT_TRUE(s);
  EXPECT_TRUE(std::filesystem::exists(dir + "/malaf.sqlite"));
  EXPECT_EQ(Store::DbPath(dir + "/"), dir + "/malaf.sqlite");
  EXPECT_EQ(PragmaText(s->db(), "journal_mode"), "wal");
  EXPECT_EQ(PragmaText(s->db(), "foreign_keys"), "1");
  auto v = s->db().SchemaVersion(store_internal::kStoreComponent);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(size_t(*v), store_internal::StoreMigrations().size());
  EXPECT_EQ(Count(*s), 0);
  EXPECT_EQ(*s->LastSeq(), 0);
}

TEST(StoreTest, OpenErrors) {
  TempDir tmp;
  // A directory that cannot be created (a regular file stands in the way; the
  // tests may run as root, so permissions alone would not stop it).
  std::string file = tmp.Write("plain-file", "x");
  auto blocked = Store::Open(file + "/archive");
  ASSERT_FALSE(blocked.ok());
  EXPECT_TRUE(blocked.status().IsIOError()) << blocked.status().ToString();
  EXPECT_NE(blocked.status().message().find(file + "/archive"), std::string::npos);

  StoreOptions no_create;
  no_create.create_if_missing = false;
  auto absent = Store::Open(tmp / "none", no_create);
  ASSERT_FALSE(absent.ok());
  EXPECT_TRUE(absent.status().IsNotFound());
  EXPECT_FALSE(std::filesystem::exists(tmp / "none"));
}

TEST(StoreTest, JunkFileIsCorruptionNamingTheFile) {
  TempDir tmp;
  std::string dir = tmp / "archive";
  tmp.Write("archive/malaf.sqlite", std::string(10000, '\x5a'));
  auto s = Store::Open(dir);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.status().IsCorruption());
  EXPECT_EQ(s.status().message(), dir + "/malaf.sqlite: file is not a database");
}

TEST(StoreTest, DamagedPagesAreCorruptionNotACrash) {
  TempDir tmp;
  std::string dir = tmp / "archive";
  {
    auto s = OpenStore(dir);
    ASSERT_TRUE(s);
    std::vector<Article> batch;
    for (int i = 0; i < 300; ++i)
      batch.push_back(MakeArticle("عنوان " + std::to_string(i), std::string(2000, 'b') + std::to_string(i)));
    ASSERT_TRUE(s->Put(batch).ok());
  }  // closing checkpoints the WAL into the main file
  std::string path = Store::DbPath(dir);
  auto size = std::filesystem::file_size(path);
  ASSERT_GT(size, 100000u);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    std::string junk(size - 8192, '\xff');
    f.seekp(8192);  // keep the header and the first page (the schema)
    f.write(junk.data(), std::streamsize(junk.size()));
  }
  auto s = Store::Open(dir);
  Status st = s.status();
  if (s.ok()) {
    st = (*s)->ForEach(0, [](const StoredArticle&) { return true; });
    if (st.ok()) st = (*s)->Count().status();
  }
  ASSERT_FALSE(st.ok());
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  EXPECT_NE(st.message().find(path), std::string::npos);
}

TEST(StoreTest, PutThenGetKeepsEveryField) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  Article a = MakeArticle("كيري ولافروف في جنيف", "فقرة أولى\n\nفقرة ثانية");
  a.url = "https://example.org/x";
  a.published = "2016-08-26T23:15+03:00";
  a.published_text = "السبت 27 آب 2016";
  a.dateline = "جنيف (رويترز)";
  a.dateline_city = "جنيف";
  a.authors = {"كاتب"};
  PutOptions po;
  po.raw_hash = "00112233aabbccdd";
  po.ingested_at = "2026-11-25T10:00:00Z";
  auto put = s->Put({a}, po);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  ASSERT_EQ(put->size(), 1u);
  EXPECT_EQ((*put)[0].outcome, PutOutcome::kNew);
  EXPECT_EQ((*put)[0].id, ArticleContentId(a));

  auto got = s->Get((*put)[0].id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  const Article& g = got->article;
  EXPECT_EQ(g.id, ArticleContentId(a));
  EXPECT_EQ(g.title, a.title);
  EXPECT_EQ(g.outlet, a.outlet);
  EXPECT_EQ(g.url, a.url);
  EXPECT_EQ(g.published, a.published);
  EXPECT_EQ(g.published_text, a.published_text);
  EXPECT_EQ(g.dateline, a.dateline);
  EXPECT_EQ(g.dateline_city, a.dateline_city);
  EXPECT_EQ(g.agencies, a.agencies);
  EXPECT_EQ(g.authors, a.authors);
  EXPECT_EQ(g.body, a.body);
  EXPECT_FALSE(g.analyzed);
  ASSERT_EQ(g.sources.size(), 1u);
  EXPECT_EQ(g.sources[0].path, "a.txt");
  ASSERT_EQ(got->sources.size(), 1u);
  EXPECT_EQ(got->sources[0].raw_hash, po.raw_hash);
  EXPECT_EQ(got->sources[0].ingested_at, po.ingested_at);
  EXPECT_EQ(got->seq, 1);
  ASSERT_TRUE(got->published_ts.has_value());
  EXPECT_EQ(*got->published_ts, 1472242500);  // 2016-08-26T20:15Z

  auto missing = s->Get("0000000000000000");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.status().IsNotFound());
}

TEST(StoreTest, ReputtingTheSameInputAddsNothing) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  std::vector<Article> batch = {MakeArticle("أ", "نص أول", "f.txt", 0), MakeArticle("ب", "نص ثان", "f.txt", 1)};
  ASSERT_TRUE(s->Put(batch).ok());
  int64_t seq = *s->LastSeq();
  auto again = s->Put(batch);
  ASSERT_TRUE(again.ok());
  for (const auto& r : *again) EXPECT_EQ(r.outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(Count(*s), 2);
  EXPECT_EQ(*s->LastSeq(), seq);
  EXPECT_EQ(s->Get((*again)[0].id)->sources.size(), 1u);
}

TEST(StoreTest, SameArticleFromTwoInputsIsStoredOnceWithBothSources) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  Article first = MakeArticle("خبر", "النص نفسه", "one.txt", 3);
  first.published = "";
  first.agencies = {};
  Article second = MakeArticle("خبر", "النص نفسه", "two.html", 0);
  second.outlet = "روسيا اليوم";  // a stored field is never overwritten
  second.sources[0].format = "html";
  // The same text up to diacritics is the same article (ArticleContentId).
  second.body = "النَّص نفسه";
  ASSERT_TRUE(s->Put({first}).ok());
  int64_t seq1 = *s->LastSeq();
  auto r = s->Put({second});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].outcome, PutOutcome::kMerged);
  EXPECT_EQ(Count(*s), 1);
  auto got = s->Get((*r)[0].id);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->article.sources.size(), 2u);
  EXPECT_EQ(got->article.sources[0].path, "one.txt");
  EXPECT_EQ(got->article.sources[0].index, 3);
  EXPECT_EQ(got->article.sources[1].path, "two.html");
  EXPECT_EQ(got->article.sources[1].format, "html");
  EXPECT_EQ(got->article.outlet, "الجزيرة");
  EXPECT_EQ(got->article.body, "النص نفسه");
  EXPECT_EQ(got->article.published, "2016-08-26");  // filled from the second copy
  EXPECT_EQ(got->article.agencies, std::vector<std::string>{"رويترز"});
  EXPECT_GT(got->seq, seq1);  // changed, so derived data sees it again
}

TEST(StoreTest, DuplicatesWithinOneBatch) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  auto r = s->Put({MakeArticle("خبر", "نص", "f.json", 0), MakeArticle("خبر", "نص", "f.json", 7)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].outcome, PutOutcome::kNew);
  EXPECT_EQ((*r)[1].outcome, PutOutcome::kMerged);
  EXPECT_EQ(Count(*s), 1);
  EXPECT_EQ(s->Get((*r)[0].id)->sources.size(), 2u);
}

TEST(StoreTest, FailedPutLeavesStoredArticlesAndStoresNothingOfTheBatch) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->Put({MakeArticle("قديم", "محفوظ")}).ok());
  // Make the third article of the next batch fail inside the transaction.
  ASSERT_TRUE(s->db().Exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON main.articles "
                           "WHEN NEW.title = 'سيء' BEGIN SELECT RAISE(ABORT, 'refused'); END")
                  .ok());
  auto r = s->Put({MakeArticle("جديد1", "نص1"), MakeArticle("جديد2", "نص2"), MakeArticle("سيء", "نص3")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Count(*s), 1);
  EXPECT_TRUE(s->Get(ArticleContentId(MakeArticle("قديم", "محفوظ"))).ok());
  // The connection is usable afterwards.
  ASSERT_TRUE(s->db().Exec("DROP TRIGGER fail").ok());
  ASSERT_TRUE(s->Put({MakeArticle("جديد1", "نص1")}).ok());
  EXPECT_EQ(Count(*s), 2);
}

TEST(StoreTest, ResolveIdPrefixes) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  std::vector<Article> batch;
  for (int i = 0; i < 40; ++i) batch.push_back(MakeArticle("t" + std::to_string(i), "b"));
  auto r = s->Put(batch);
  ASSERT_TRUE(r.ok());
  const std::string id = (*r)[0].id;
  EXPECT_EQ(*s->ResolveId(id), id);
  std::string upper = id;
  for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(*s->ResolveId(upper), id);
  // The shortest prefix that is unique among the 40 ids resolves.
  for (size_t n = 4; n <= 16; ++n) {
    auto got = s->ResolveId(id.substr(0, n));
    if (got.ok()) {
      EXPECT_EQ(*got, id);
      break;
    }
    EXPECT_TRUE(got.status().IsInvalidArgument()) << got.status().ToString();
  }
  EXPECT_TRUE(s->ResolveId("ab").status().IsInvalidArgument());  // too short
  EXPECT_TRUE(s->ResolveId("zzzz").status().IsNotFound());
  EXPECT_TRUE(s->ResolveId("").status().IsNotFound());
  EXPECT_TRUE(s->ResolveId(id + "0").status().IsNotFound());
}

TEST(StoreTest, ListOrdersByDateWithUndatedLast) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  struct Row {
    const char* title;
    const char* published;
  };
  const Row rows[] = {{"old", "2015-07-21"},          {"undated", ""},
                      {"new", "2016-08-26T23:15+03:00"}, {"mid", "2016-03"},
                      {"same-day", "2016-08-26"}};
  std::vector<Article> batch;
  for (const auto& row : rows) {
    Article a = MakeArticle(row.title, row.title);
    a.published = row.published;
    batch.push_back(a);
  }
  ASSERT_TRUE(s->Put(batch).ok());
  auto all = s->List({});
  ASSERT_TRUE(all.ok());
  std::vector<std::string> titles;
  for (const auto& a : *all) titles.push_back(a.article.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"new", "same-day", "mid", "old", "undated"}));
  ListOptions page;
  page.limit = 2;
  page.offset = 1;
  auto p = s->List(page);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].article.title, "same-day");
  EXPECT_EQ((*p)[1].article.sources.size(), 1u);
  page.order = ListOrder::kSeqAsc;
  page.offset = 0;
  EXPECT_EQ((*s->List(page))[0].article.title, "old");
}

TEST(StoreTest, ForEachStreamsChangesAfterASeq) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  std::vector<Article> batch;
  for (int i = 0; i < 10; ++i) batch.push_back(MakeArticle("t" + std::to_string(i), "b"));
  ASSERT_TRUE(s->Put(batch).ok());
  int64_t mark = *s->LastSeq();
  EXPECT_EQ(mark, 10);
  // One new article and one changed (new provenance) after the mark.
  ASSERT_TRUE(s->Put({MakeArticle("t3", "b", "other.txt"), MakeArticle("new", "b")}).ok());
  std::vector<std::string> seen;
  int64_t prev = mark;
  ASSERT_TRUE(s->ForEach(mark, [&](const StoredArticle& a) {
                 EXPECT_GT(a.seq, prev);
                 prev = a.seq;
                 seen.push_back(a.article.title);
                 return true;
               }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"t3", "new"}));
  int calls = 0;
  ASSERT_TRUE(s->ForEach(0, [&](const StoredArticle&) { return ++calls < 3; }).ok());
  EXPECT_EQ(calls, 3);
}

TEST(StoreTest, AnalysisRoundTripAndBumpsSeq) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  auto r = s->Put({MakeArticle("لافروف", "قال لافروف إن الاتفاق قريب")});
  ASSERT_TRUE(r.ok());
  Article a;
  a.id = (*r)[0].id;
  Entity e;
  e.type = "person";
  e.name = "سيرغي لافروف";
  e.surfaces = {"لافروف"};
  e.role = "وزير الخارجية الروسي";
  e.mentions = {{4, 16}};
  a.entities = {e};
  Quote q;
  q.speaker = "سيرغي لافروف";
  q.speaker_surface = "لافروف";
  q.verb = "قال";
  q.quote = "الاتفاق قريب";
  q.start = 20;
  q.end = 43;
  a.quotes = {q};
  int64_t before = *s->LastSeq();
  ASSERT_TRUE(s->PutAnalysis({a}).ok());
  auto got = s->Get(a.id);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->article.analyzed);
  ASSERT_EQ(got->article.entities.size(), 1u);
  EXPECT_EQ(got->article.entities[0].name, e.name);
  EXPECT_EQ(got->article.entities[0].role, e.role);
  EXPECT_EQ(got->article.entities[0].surfaces, e.surfaces);
  ASSERT_EQ(got->article.entities[0].mentions.size(), 1u);
  EXPECT_EQ(got->article.entities[0].mentions[0].end, 16u);
  ASSERT_EQ(got->article.quotes.size(), 1u);
  EXPECT_EQ(got->article.quotes[0].quote, q.quote);
  EXPECT_EQ(got->article.quotes[0].end, 43u);
  EXPECT_EQ(got->article.quotes[0].article, a.id);
  EXPECT_GT(got->seq, before);

  Article unknown;
  unknown.id = "ffffffffffffffff";
  Status st = s->PutAnalysis({a, unknown});
  EXPECT_TRUE(st.IsNotFound());
}

TEST(StoreTest, OlderSchemaIsMigrated) {
  TempDir tmp;
  std::string dir = tmp / "a";
  std::filesystem::create_directories(dir);
  {
    // An archive as version 1 of the schema wrote it.
    auto db = Db::Open(Store::DbPath(dir));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->EnsureSchema(store_internal::kStoreComponent,
                                    store_internal::StoreMigrations().first(1)).ok());
    ASSERT_TRUE((*db)->Exec(
        "INSERT INTO articles(id, seq, title, outlet, url, published, published_ts, published_text, "
        "dateline, dateline_city, agencies, authors, body, first_ingested) VALUES('00000000000000aa', 1, "
        "'عنوان', 'وكالة', '', '2015-07-21', 1437436800, '', '', '', '[\"واس\"]', '[]', 'نص', "
        "'2020-01-01T00:00:00Z');"
        "INSERT INTO sources VALUES('00000000000000aa', 'old.json', 'json', 4, 'abcd', '2020-01-01T00:00:00Z')")
                    .ok());
  }
  auto s = OpenStore(dir);
  ASSERT_TRUE(s);
  EXPECT_EQ(size_t(*s->db().SchemaVersion(store_internal::kStoreComponent)),
            store_internal::StoreMigrations().size());
  auto got = s->Get("00000000000000aa");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->article.title, "عنوان");
  EXPECT_EQ(got->article.agencies, std::vector<std::string>{"واس"});
  EXPECT_FALSE(got->article.analyzed);
  ASSERT_EQ(got->sources.size(), 1u);
  EXPECT_EQ(got->sources[0].ref.index, 4);
  // And the migrated archive takes new articles.
  ASSERT_TRUE(s->Put({MakeArticle("جديد", "نص")}).ok());
  EXPECT_EQ(Count(*s), 2);
  EXPECT_EQ(*s->LastSeq(), 2);
}

TEST(StoreTest, DerivedTablesOfAnotherModuleShareTheFileAndTransactions) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  constexpr std::string_view kStories[] = {
      "CREATE TABLE story_articles(story INTEGER NOT NULL, article_id TEXT NOT NULL "
      "REFERENCES articles(id), PRIMARY KEY(story, article_id))"};
  ASSERT_TRUE(s->db().EnsureSchema("stories", kStories).ok());
  auto r = s->Put({MakeArticle("خبر", "نص")});
  ASSERT_TRUE(r.ok());
  {
    // A module's own transaction can include a Put (it nests as a savepoint).
    auto tx = s->db().Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(s->Put({MakeArticle("آخر", "نص آخر")}).ok());
    auto ins = s->db().Prepare("INSERT INTO story_articles VALUES(1, ?1)");
    ASSERT_TRUE(ins.ok());
    ins->BindText(1, (*r)[0].id);
    ASSERT_TRUE(ins->Run().ok());
    // Foreign keys are enforced.
    ins->Reset();
    ins->BindText(1, "no-such-article");
    EXPECT_FALSE(ins->Run().ok());
  }  // not committed: both the Put and the story row are undone
  EXPECT_EQ(Count(*s), 1);
  auto n = s->db().Prepare("SELECT count(*) FROM story_articles");
  ASSERT_TRUE(n.ok());
  ASSERT_TRUE(*n->Step());
  EXPECT_EQ(n->Int(0), 0);
}

TEST(StoreTest, MetaValues) {
  TempDir tmp;
  auto s = OpenStore(tmp / "a");
  ASSERT_TRUE(s);
  auto v = s->GetMeta("search.seq");
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->has_value());
  ASSERT_TRUE(s->SetMeta("search.seq", "12").ok());
  ASSERT_TRUE(s->SetMeta("search.seq", "13").ok());
  EXPECT_EQ(**s->GetMeta("search.seq"), "13");
}

TEST(StoreTest, ReadersRunAlongsideAWriter) {
  TempDir tmp;
  std::string dir = tmp / "a";
  ASSERT_TRUE(OpenStore(dir));
  constexpr int kBatches = 40, kPerBatch = 25;
  std::atomic<bool> writing{true};
  std::atomic<int> reader_errors{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      auto s = Store::Open(dir);
      if (!s.ok()) {
        ++reader_errors;
        return;
      }
      int64_t last = 0;
      while (writing.load()) {
        auto n = (*s)->Count();
        if (!n.ok() || *n < last || *n % kPerBatch != 0) ++reader_errors;  // whole batches only
        if (n.ok()) last = *n;
        int64_t seen = 0;
        Status st = (*s)->ForEach(0, [&](const StoredArticle&) { return ++seen > 0; });
        if (!st.ok() || seen < last) ++reader_errors;
        ++reads;
      }
    });
  }
  {
    auto w = OpenStore(dir);
    ASSERT_TRUE(w);
    for (int b = 0; b < kBatches; ++b) {
      std::vector<Article> batch;
      for (int i = 0; i < kPerBatch; ++i)
        batch.push_back(MakeArticle("خبر " + std::to_string(b) + "-" + std::to_string(i), "نص"));
      ASSERT_TRUE(w->Put(batch).ok());
    }
  }
  writing = false;
  for (auto& t : readers) t.join();
  EXPECT_EQ(reader_errors.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(Count(*OpenStore(dir)), kBatches * kPerBatch);
}

TEST(StoreTest, TwoWritersWaitForEachOther) {
  TempDir tmp;
  std::string dir = tmp / "a";
  ASSERT_TRUE(OpenStore(dir));
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int t = 0; t < 2; ++t) {
    writers.emplace_back([&, t] {
      auto s = Store::Open(dir);
      if (!s.ok()) {
        ++failures;
        return;
      }
      for (int b = 0; b < 20; ++b)
        if (!(*s)->Put({MakeArticle("w" + std::to_string(t) + "-" + std::to_string(b), "x")}).ok()) ++failures;
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Count(*OpenStore(dir)), 40);
}

TEST(StoreTest, ReadOnlyOpen) {
  TempDir tmp;
  std::string dir = tmp / "a";
  ASSERT_TRUE(OpenStore(dir)->Put({MakeArticle("خبر", "نص")}).ok());
  StoreOptions ro;
  ro.read_only = true;
  auto s = OpenStore(dir, ro);
  ASSERT_TRUE(s);
  EXPECT_EQ(Count(*s), 1);
  EXPECT_FALSE(s->Put({MakeArticle("آخر", "نص")}).ok());
}

struct IsoCase {
  const char* text;
  std::optional<int64_t> seconds;
};

TEST(StoreTest, IsoToUnixSeconds) {
  const IsoCase cases[] = {
      {"1970-01-01", 0},
      {"2016", 1451606400},
      {"2016-08", 1470009600},
      {"2016-08-26", 1472169600},
      {"2016-08-26T23:15", 1472253300},
      {"2016-08-26T23:15+03:00", 1472242500},
      {"2016-08-26T23:15:30Z", 1472253330},
      {"2016-08-26T23:15:30.250-0130", 1472258730},
      {"2016-08-26 23:15", 1472253300},
      {"2016-02-29", 1456704000},
      {"1969-12-31", -86400},
      {"", std::nullopt},
      {"2015-02-29", std::nullopt},
      {"2016-13-01", std::nullopt},
      {"2016-08-26T25:00", std::nullopt},
      {"2016-08-26+03:00", std::nullopt},
      {"26/08/2016", std::nullopt},
      {"2016-08-26T23", std::nullopt},
      {"2016-8-26", std::nullopt},
      {"2016-08-26 junk", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(IsoToUnixSeconds(c.text), c.seconds) << c.text;
}

TEST(StoreTest, RawHashOfFileMatchesBytes) {
  TempDir tmp;
  for (size_t n : {size_t(0), size_t(1), size_t(1) << 20, (size_t(1) << 20) + 1, size_t(3) << 20}) {
    std::string bytes(n, '\0');
    for (size_t i = 0; i < n; ++i) bytes[i] = char((i * 131) >> 3);
    std::string path = tmp.Write("f" + std::to_string(n), bytes);
    auto h = RawHashFile(path);
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(*h, RawHash(bytes)) << n;
    EXPECT_EQ(h->size(), 16u);
  }
  EXPECT_EQ(RawHash(""), Hex64(Hash64("")));
  EXPECT_NE(RawHash("a"), RawHash("b"));
  EXPECT_TRUE(RawHashFile(tmp / "absent").status().IsIOError());
}

}  // namespace
}  // namespace malaf
