#include "entities/lexicon.h"

#include <algorithm>

#include "base/data_files.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::entities {
namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

WordClass ParseClass(std::string_view c) {
  if (c == "title") return WordClass::kTitle;
  if (c == "counterpart") return WordClass::kCounterpart;
  if (c == "org") return WordClass::kOrgHead;
  if (c == "connector") return WordClass::kConnector;
  if (c == "particle") return WordClass::kParticle;
  if (c == "place") return WordClass::kPlaceHead;
  if (c == "modifier") return WordClass::kModifier;
  if (c == "preposition") return WordClass::kPreposition;
  return WordClass::kNone;
}

}  // namespace

std::string PhraseKey(std::string_view phrase) {
  std::string out;
  for (auto w : SplitOn(phrase, ' ')) {
    std::string k = text::SearchKey(w);
    if (k.empty()) continue;
    if (!out.empty()) out += ' ';
    out += k;
  }
  return out;
}

std::string Lexicon::GivenNameKey(std::string_view word) {
  text::NormalizerOptions o = text::NormalizerOptions::ForSearch();
  o.fold_yeh = false;
  o.fold_teh_marbuta = false;
  return text::Normalize(word, o);
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* lex = new Lexicon();
  return *lex;
}

void Lexicon::AddEntry(std::string_view type, std::string_view canonical, std::string_view role,
                       std::string_view variants) {
  canonical = Trim(canonical);
  if (canonical.empty()) return;
  std::string ckey = PhraseKey(canonical);
  // Two tables may list the same name (places.tsv and places_extra.tsv): the
  // first entry wins and the later one only adds variants.
  int index;
  auto it = phrases_.find(ckey);
  if (it != phrases_.end() && entries_[it->second].type == type) {
    index = it->second;
  } else {
    index = static_cast<int>(entries_.size());
    entries_.push_back(GazetteerEntry{std::string(type), std::string(canonical), std::string(Trim(role))});
  }
  auto add = [&](std::string_view v) {
    std::string k = PhraseKey(Trim(v));
    if (k.empty()) return;
    phrases_.emplace(k, index);
    for (size_t sp = k.find(' '); sp != std::string::npos; sp = k.find(' ', sp + 1)) phrase_prefixes_.insert(k.substr(0, sp));
    int words = 1;
    for (char c : k) words += c == ' ';
    if (type == "person" && words >= 2) person_name_keys_.emplace(text::NameKeyPhrase(k), index);
    if (words == 1) strict_single_.insert(GivenNameKey(Trim(v)));
    if (words > max_phrase_words_) max_phrase_words_ = words;
  };
  add(canonical);
  for (auto v : SplitOn(variants, '|')) add(v);
}

Lexicon::Lexicon() {
  auto table = [](std::string_view name) {
    auto f = DataFile(name);
    return f ? ReadTable(*f) : std::vector<std::vector<std::string_view>>{};
  };
  auto field = [](const std::vector<std::string_view>& row, size_t i) {
    return i < row.size() ? row[i] : std::string_view();
  };
  for (const auto& row : table("data/people.tsv")) AddEntry("person", field(row, 0), field(row, 1), field(row, 2));
  for (const auto& row : table("data/organizations.tsv"))
    AddEntry("organization", field(row, 0), field(row, 1), field(row, 2));
  // data/places.tsv belongs to the dateline parser: name, type, ISO code,
  // English name, comma-separated variants.
  for (const auto& row : table("data/places.tsv")) {
    std::string variants(field(row, 4));
    std::replace(variants.begin(), variants.end(), ',', '|');
    AddEntry("place", field(row, 0), field(row, 1), variants);
    // Column 6 flags names that are also everyday words (الخبر، العين).
    if (Trim(field(row, 5)) == "1") common_places_.insert(PhraseKey(field(row, 0)));
  }
  for (const auto& row : table("data/places_extra.tsv")) AddEntry("place", field(row, 0), field(row, 1), field(row, 2));
  // data/outlets.tsv belongs to the extractor: name, country, domains,
  // comma-separated variants. Only the Arabic-script names are of use here.
  for (const auto& row : table("data/outlets.tsv")) {
    std::vector<std::string_view> names = SplitOn(field(row, 3), ',');
    names.push_back(field(row, 0));
    for (auto n : names) {
      n = Trim(n);
      if (n.empty() || static_cast<unsigned char>(n[0]) < 0xD8) continue;
      std::string k = PhraseKey(n);
      for (const char* lead : {"\u0635\u062D\u064A\u0641\u0647 ", "\u062C\u0631\u064A\u062F\u0647 ", "\u0642\u0646\u0627\u0647 ",
                               "\u0645\u0648\u0642\u0639 ", "\u0648\u0643\u0627\u0644\u0647 "})  // صحيفة جريدة قناة موقع وكالة
        if (k.rfind(lead, 0) == 0) k = k.substr(std::string(lead).size());
      if (!k.empty()) outlets_.insert(k);
    }
  }
  for (const auto& row : table("data/titles.tsv")) {
    if (row.size() < 2) continue;
    WordClass c = ParseClass(Trim(row[1]));
    std::string k = PhraseKey(row[0]);
    classes_.emplace(k, c);
    // Titles are listed without the article; news writes both.
    if ((c == WordClass::kTitle || c == WordClass::kModifier) && k.rfind("\u0627\u0644", 0) != 0)
      classes_.emplace("\u0627\u0644" + k, c);
  }
  for (const auto& row : table("data/speech_verbs.tsv")) {
    if (row.size() < 3) continue;
    VerbKind kind = row[2] == "participle" ? VerbKind::kParticiple
                    : row[2] == "attribution" ? VerbKind::kAttribution
                                              : VerbKind::kVerb;
    verbs_.emplace(PhraseKey(row[0]), SpeechVerb{std::string(row[1]), kind});
  }
  for (const auto& row : table("data/given_names.txt"))
    if (!row.empty() && !row[0].empty()) {
      given_.insert(GivenNameKey(Trim(row[0])));
      if (row.size() > 1 && Trim(row[1]) == "common") common_given_.insert(GivenNameKey(Trim(row[0])));
    }
  for (const auto& row : table("data/name_stopwords.txt"))
    if (!row.empty() && !row[0].empty()) not_names_.insert(text::SearchKey(Trim(row[0])));
  // Weekday and month names are time words, never names.
  for (const char* name : {"data/weekdays.tsv", "data/months.tsv"})
    for (const auto& row : table(name))
      if (!row.empty() && !row[0].empty() && row[0].find(' ') == std::string_view::npos)
        not_names_.insert(text::SearchKey(row[0]));
}

WordClass Lexicon::ClassOf(const std::string& key) const {
  auto it = classes_.find(key);
  return it == classes_.end() ? WordClass::kNone : it->second;
}

const SpeechVerb* Lexicon::Verb(const std::string& key) const {
  auto it = verbs_.find(key);
  return it == verbs_.end() ? nullptr : &it->second;
}

int Lexicon::PersonByNameKey(const std::string& name_key) const {
  auto it = person_name_keys_.find(name_key);
  return it == person_name_keys_.end() ? -1 : it->second;
}

bool Lexicon::IsNotName(const std::string& key) const {
  return not_names_.count(key) > 0 || text::IsStopword(key);
}

}  // namespace malaf::entities
