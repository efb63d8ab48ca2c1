#include "stories/story_features.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "base/data_files.h"
#include "base/hash.h"
#include "text/analyzer.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"
#include "text/utf8.h"

namespace malaf::stories {
namespace {

constexpr uint64_t kTermSeed = 0x73746f7279746d31ULL;  // "storytm1"
constexpr uint64_t kNameSeed = 0x73746f72796e6d31ULL;  // "storynm1"

const std::unordered_set<std::string>& NameCues() {
  static const auto* cues = [] {
    auto* s = new std::unordered_set<std::string>;
    if (auto f = DataFile("data/story_name_cues.txt")) {
      for (const auto& row : ReadTable(*f))
        if (!row.empty()) s->insert(text::SearchKey(row[0]));
    }
    return s;
  }();
  return *cues;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsWord(const text::AnalyzedToken& t) {
  return t.token.type == text::TokenType::kArabic || t.token.type == text::TokenType::kLatin;
}

bool IsContentWord(const text::AnalyzedToken& t) {
  return IsWord(t) && !t.stopword && CodePoints(t.key) >= 3;
}

// Search key starts with the definite article ال.
bool HasArticle(std::string_view key) { return key.size() > 4 && key.substr(0, 4) == "\u0627\u0644"; }

bool StartsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

// First `max_words` words of `body` as a view (cheap cut before analysis).
std::string_view Lead(std::string_view body, size_t max_words) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < body.size(); ++i) {
    bool space = body[i] == ' ' || body[i] == '\n' || body[i] == '\t';
    if (!space && !in_word && ++words > max_words) return body.substr(0, i);
    in_word = !space;
  }
  return body;
}

template <typename Fn>
void ForEachName(const std::vector<text::AnalyzedToken>& title,
                 const std::vector<text::AnalyzedToken>& body, Fn fn) {
  for (const auto& t : title)
    if (IsContentWord(t)) fn(t);
  const auto& cues = NameCues();
  for (size_t i = 0; i < body.size(); ++i) {
    const auto& t = body[i];
    if (t.token.type == text::TokenType::kLatin && StartsUpper(t.token.text) && CodePoints(t.key) >= 3) {
      fn(t);
      continue;
    }
    if (!cues.count(t.key)) continue;
    for (size_t j = i + 1; j < body.size() && j <= i + 2; ++j)
      if (IsContentWord(body[j]) && !cues.count(body[j].key)) fn(body[j]);
  }
}

// Participant phrases: up to two content words after a cue, or a run of up
// to three capitalised Latin words. `fn(surface, search keys joined by ' ')`.
template <typename Fn>
void ForEachParticipant(std::string_view display, const std::vector<text::AnalyzedToken>& body, Fn fn) {
  const auto& cues = NameCues();
  for (size_t i = 0; i < body.size(); ++i) {
    const auto& t = body[i];
    size_t b = i + 1, e = i + 1;
    if (t.token.type == text::TokenType::kLatin && StartsUpper(t.token.text) && CodePoints(t.key) >= 2) {
      b = i;
      e = i + 1;
      while (e < body.size() && e < i + 3 && body[e].token.type == text::TokenType::kLatin &&
             StartsUpper(body[e].token.text) && body[e].token.start <= body[e - 1].token.end + 1)
        ++e;
    } else if (cues.count(t.key)) {
      // Skip up to three descriptors with the article (الخارجية الأمريكي),
      // then take one or two words, the first without the article
      // (وزير الخارجية الأمريكي جون كيري -> جون كيري).
      size_t k = i + 1;
      while (k < body.size() && k < i + 4 && IsContentWord(body[k]) && HasArticle(body[k].key)) ++k;
      b = e = k;
      if (k < body.size() && IsContentWord(body[k]) && !HasArticle(body[k].key) && !cues.count(body[k].key)) {
        e = k + 1;
        if (e < body.size() && IsContentWord(body[e]) && !cues.count(body[e].key) &&
            body[e].token.start <= body[e - 1].token.end + 1)
          ++e;
      }
    }
    if (e == b) continue;
    std::string key;
    for (size_t k = b; k < e; ++k) {
      if (!key.empty()) key += ' ';
      key += body[k].key;
    }
    fn(display.substr(body[b].token.start, body[e - 1].token.end - body[b].token.start), key);
    i = e - 1;
  }
}

}  // namespace

uint64_t NameHash(std::string_view name) { return Hash64(text::NameKeyPhrase(text::SearchKey(name)), kNameSeed); }

int32_t DayNumber(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return kUnknownDay;
  auto num = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return kUnknownDay;
  // Days from civil (Howard Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

StoryFeatures ExtractStoryFeatures(const Article& a, const FeatureOptions& options,
                                   std::vector<NameSurface>* participants) {
  StoryFeatures f;
  f.day = DayNumber(a.published);
  auto title = text::Analyze(a.title);
  auto body = text::Analyze(Lead(a.body, options.body_words));
  std::unordered_map<uint64_t, float> tf;
  for (const auto& t : title)
    if (IsContentWord(t)) tf[Hash64(t.stem, kTermSeed)] += options.title_weight;
  for (const auto& t : body)
    if (IsContentWord(t)) tf[Hash64(t.stem, kTermSeed)] += 1;
  f.terms.reserve(tf.size());
  for (const auto& [k, v] : tf) f.terms.push_back({k, v});
  if (f.terms.size() > options.max_terms) {
    std::nth_element(f.terms.begin(), f.terms.begin() + options.max_terms, f.terms.end(),
                     [](const TermCount& x, const TermCount& y) {
                       return x.count != y.count ? x.count > y.count : x.term < y.term;
                     });
    f.terms.resize(options.max_terms);
  }
  std::sort(f.terms.begin(), f.terms.end(), [](const TermCount& x, const TermCount& y) { return x.term < y.term; });
  ForEachName(title, body, [&](const text::AnalyzedToken& t) {
    if (f.names.size() < options.max_names) f.names.push_back(Hash64(t.name, kNameSeed));
  });
  std::sort(f.names.begin(), f.names.end());
  f.names.erase(std::unique(f.names.begin(), f.names.end()), f.names.end());
  if (!a.dateline_city.empty()) f.place = NameHash(a.dateline_city);
  std::vector<uint64_t> entity_keys;
  for (const auto& e : a.entities) {
    if (e.type != "person" && e.type != "organization" && e.type != "place") continue;
    entity_keys.push_back(Hash64(e.type + ":" + text::NameKeyPhrase(text::SearchKey(e.name)), kNameSeed));
  }
  if (!entity_keys.empty()) {
    std::sort(entity_keys.begin(), entity_keys.end());
    entity_keys.erase(std::unique(entity_keys.begin(), entity_keys.end()), entity_keys.end());
    f.extra.push_back({"entities", options.entity_weight, std::move(entity_keys)});
  }
  if (participants && a.analyzed) {
    participants->clear();
    // Most mentioned first; ties in article order.
    std::vector<const Entity*> people;
    for (const auto& e : a.entities)
      if (e.type == "person" || e.type == "organization") people.push_back(&e);
    std::stable_sort(people.begin(), people.end(),
                     [](const Entity* x, const Entity* y) { return x->mentions.size() > y->mentions.size(); });
    for (const Entity* e : people) {
      if (participants->size() >= options.max_names) break;
      participants->push_back({NameHash(e->name), e->name});
    }
  } else if (participants) {
    participants->clear();
    std::string_view lead = Lead(a.body, options.body_words);
    ForEachParticipant(lead, body, [&](std::string_view surface, const std::string& key) {
      if (participants->size() >= options.max_names) return;
      uint64_t h = Hash64(text::NameKeyPhrase(key), kNameSeed);
      for (const auto& p : *participants)
        if (p.key == h) return;
      participants->push_back({h, std::string(surface)});
    });
  }
  return f;
}

}  // namespace malaf::stories
