// Story clustering on SaudiNewsNet: builds the stories and prints them (for
// judging), and scores them against tests/stories/gold/saudinewsnet_stories.tsv
// when given --gold. Article keys are "outlet:" + the first 12 hex digits of
// Hash64(url) (stable, and no corpus text in the gold).
//   stories_clusters [--dump FILE] [--gold FILE] [--threshold T] [--window D]
//                    [--pool N --seed S] [--judged FILE]
// --pool prints, for N articles drawn at random, the pool of candidates to
// judge by hand: the members of the article's story, and every article
// within 3 days that shares text with it (exact 4-shingle Jaccard >= 0.08)
// or two of its five heaviest title stems. --judged scores the stories
// against such judgments (tests/stories/gold/saudinewsnet_judged.tsv):
// B-cubed precision and recall estimated over the judged articles.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/hash.h"
#include "exact_reference.h"
#include "saudi_corpus.h"
#include "stories/shingles.h"
#include "stories/story_builder.h"
#include "text/analyzer.h"
#include "text/stemmer.h"
#include <random>
#include <set>

using namespace malaf;

namespace {
double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

int main(int argc, char** argv) {
  stories::StoryOptions so;
  std::string dump, gold, judged;
  size_t pool = 0;
  unsigned seed = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? argv[++i] : "0"; };
    if (a == "--dump") dump = next();
    else if (a == "--gold") gold = next();
    else if (a == "--judged") judged = next();
    else if (a == "--pool") pool = std::atoi(next());
    else if (a == "--seed") seed = std::atoi(next());
    else if (a == "--threshold") so.cluster.threshold = std::atof(next());
    else if (a == "--window") so.cluster.window_days = std::atoi(next());
    else if (a == "--text-weight") so.cluster.text_weight = std::atof(next());
    else if (a == "--names-weight") so.cluster.names_weight = std::atof(next());
    else if (a == "--place-weight") so.cluster.place_weight = std::atof(next());
  }
  auto articles = testing::LoadSaudiCorpus();
  if (articles.empty()) {
    std::fprintf(stderr, "stories_clusters: no corpus at %s\n", testing::SaudiCorpusDir().c_str());
    return 1;
  }
  double t0 = Now();
  std::vector<stories::ArticleRecord> recs(articles.size());
  auto work = [&](size_t from) {
    for (size_t i = from; i < articles.size(); i += 2) recs[i] = stories::MakeRecord(articles[i], so);
  };
  std::thread t(work, 1);
  work(0);
  t.join();
  double t1 = Now();
  auto result = stories::BuildStories(recs, so, 2);
  auto summaries = stories::SummarizeAll(recs, result, so.max_participants);
  double t2 = Now();
  std::vector<std::string> keys;
  std::map<std::string, uint32_t> index;
  for (size_t i = 0; i < articles.size(); ++i) {
    keys.push_back(articles[i].outlet + ":" + Hex64(Hash64(articles[i].url)).substr(0, 12));
    index[keys.back()] = static_cast<uint32_t>(i);
  }
  size_t multi = 0;
  for (const auto& s : summaries) multi += s.articles.size() > 1;
  std::printf("articles %zu, records %.2f s, build+summaries %.2f s, stories %zu (%zu with 2+ articles), dup groups %zu\n",
              articles.size(), t1 - t0, t2 - t1, summaries.size(), multi, result.groups.size());
  if (!dump.empty()) {
    std::map<std::string, uint32_t> by_id;
    for (size_t i = 0; i < articles.size(); ++i) by_id[articles[i].id] = static_cast<uint32_t>(i);
    std::ofstream out(dump);
    for (const auto& s : summaries) {
      if (s.articles.size() < 2) continue;
      out << "== " << s.id << " | " << s.date << " | " << s.place << " | " << s.title << " | ";
      for (const auto& p : s.participants) out << p << "; ";
      out << "\n";
      for (const auto& id : s.articles) {
        const auto& a = articles[by_id[id]];
        out << "   " << keys[by_id[id]] << "\t" << a.published << "\t" << a.title << "\n";
      }
    }
  }
  if (pool > 0) {
    std::vector<std::vector<uint64_t>> sets(articles.size());
    for (size_t i = 0; i < articles.size(); ++i)
      sets[i] = stories::ArticleShingles(articles[i].title, articles[i].body, 4);
    auto exact = testing::ExactPairsAbove(sets, 0.08);
    std::vector<std::vector<uint32_t>> text_links(articles.size());
    for (const auto& p : exact) {
      text_links[p.a].push_back(p.b);
      text_links[p.b].push_back(p.a);
    }
    auto title_stems = [&](const Article& a) {
      std::vector<std::string> out;
      for (const auto& t : text::Analyze(a.title))
        if (!t.stopword && t.token.type == text::TokenType::kArabic && t.stem.size() >= 6) out.push_back(t.stem);
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      return out;
    };
    std::vector<std::vector<std::string>> stems(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) stems[i] = title_stems(articles[i]);
    std::vector<int32_t> day(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) day[i] = stories::DayNumber(articles[i].published);
    std::mt19937 rng(seed);
    std::vector<uint32_t> all(articles.size());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    std::shuffle(all.begin(), all.end(), rng);
    for (size_t k = 0; k < pool && k < all.size(); ++k) {
      uint32_t q = all[k];
      std::set<uint32_t> cand;
      for (uint32_t i = 0; i < articles.size(); ++i)
        if (i != q && result.story_of[i] == result.story_of[q]) cand.insert(i);
      for (uint32_t i : text_links[q])
        if (std::abs(day[i] - day[q]) <= 3) cand.insert(i);
      for (uint32_t i = 0; i < articles.size(); ++i) {
        if (i == q || std::abs(day[i] - day[q]) > 3) continue;
        size_t shared = 0;
        for (const auto& st : stems[q]) shared += std::binary_search(stems[i].begin(), stems[i].end(), st);
        if (shared >= 2 && shared * 2 >= std::min(stems[q].size(), stems[i].size())) cand.insert(i);
      }
      auto lead = [](const std::string& b) {
        std::string s = b.substr(0, 400);
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
        for (auto& c : s) if (c == '\n') c = ' ';
        return s;
      };
      std::printf("\n#Q %s\t%s\t%s\n   %s\n", keys[q].c_str(), articles[q].published.c_str(),
                  articles[q].title.c_str(), lead(articles[q].body).c_str());
      for (uint32_t i : cand)
        std::printf("  %c %s\t%s\t%s\n      %s\n", result.story_of[i] == result.story_of[q] ? '*' : ' ',
                    keys[i].c_str(), articles[i].published.c_str(), articles[i].title.c_str(),
                    lead(articles[i].body).substr(0, 240).c_str());
    }
  }
  if (!judged.empty()) {
    // Lines: "QUERY_KEY<TAB>same: K K ...<TAB>other: K K ..." ('#' comments).
    std::ifstream in(judged);
    if (!in) {
      std::fprintf(stderr, "stories_clusters: cannot read %s\n", judged.c_str());
      return 1;
    }
    std::string line;
    double p = 0, r = 0;
    size_t items = 0, unjudged = 0, missing = 0;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream ls(line);
      std::string qkey, tok;
      ls >> qkey;
      auto qi = index.find(qkey);
      if (qi == index.end()) { ++missing; continue; }
      std::set<uint32_t> same{qi->second}, other;
      std::set<uint32_t>* into = nullptr;
      while (ls >> tok) {
        if (tok == "same:") { into = &same; continue; }
        if (tok == "other:") { into = &other; continue; }
        auto it = index.find(tok);
        if (it == index.end()) { ++missing; continue; }
        if (into) into->insert(it->second);
      }
      std::set<uint32_t> pred;
      for (uint32_t i = 0; i < articles.size(); ++i)
        if (result.story_of[i] == result.story_of[qi->second]) pred.insert(i);
      size_t both = 0;
      for (uint32_t i : pred) {
        if (same.count(i)) ++both;
        else if (!other.count(i)) ++unjudged;
      }
      p += double(both) / pred.size();
      r += double(both) / same.size();
      ++items;
    }
    p /= std::max<size_t>(items, 1);
    r /= std::max<size_t>(items, 1);
    std::printf("B-cubed (judged sample of %zu articles): precision %.4f recall %.4f F1 %.4f; "
                "unjudged story members %zu, unknown keys %zu\n",
                items, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, unjudged, missing);
  }
  if (!gold.empty()) {
    std::ifstream in(gold);
    if (!in) {
      std::fprintf(stderr, "stories_clusters: cannot read %s\n", gold.c_str());
      return 1;
    }
    std::vector<uint32_t> gold_label(articles.size());
    for (uint32_t i = 0; i < articles.size(); ++i) gold_label[i] = 1000000 + i;  // singletons
    std::string line;
    std::map<std::string, uint32_t> labels;
    size_t unknown = 0;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream ls(line);
      std::string label, key;
      ls >> label;
      uint32_t l = labels.emplace(label, static_cast<uint32_t>(labels.size())).first->second;
      while (ls >> key) {
        auto it = index.find(key);
        if (it == index.end()) { ++unknown; continue; }
        gold_label[it->second] = l;
      }
    }
    auto b = testing::ScoreBCubed(result.story_of, gold_label);
    std::printf("B-cubed vs %s: precision %.4f recall %.4f F1 %.4f (gold stories %zu, unknown keys %zu)\n",
                gold.c_str(), b.precision, b.recall, b.f1, labels.size(), unknown);
  }
  return 0;
}
