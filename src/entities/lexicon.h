// The word lists behind name and quotation finding, loaded once from the
// compiled-in tables (data/people.tsv, organizations.tsv, places.tsv,
// places_extra.tsv, outlets.tsv, titles.tsv, speech_verbs.tsv, given_names.txt,
// name_stopwords.txt, weekdays.tsv, months.tsv). Internal to src/entities.
//
// Every lookup key is a search key (text::SearchKey) so that hamza, yeh and
// teh-marbuta spellings meet. The Lexicon is built on first use, immutable
// afterwards and safe for concurrent readers; it lives for the process.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace malaf::entities {

struct GazetteerEntry {
  std::string type;       // "person", "place", "organization"
  std::string canonical;  // display form
  std::string role;       // people: usual role; others: kind ("city", "agency", ...)
};

enum class WordClass { kNone, kTitle, kCounterpart, kOrgHead, kConnector, kParticle, kPlaceHead, kModifier, kPreposition };

enum class VerbKind { kNone, kVerb, kParticiple, kAttribution };

struct SpeechVerb {
  std::string lemma;
  VerbKind kind = VerbKind::kNone;
};

class Lexicon {
 public:
  static const Lexicon& Get();

  // Gazetteer: space-joined search keys of a name's words -> entry index.
  const std::unordered_map<std::string, int>& phrases() const { return phrases_; }
  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  int max_phrase_words() const { return max_phrase_words_; }
  // True when some listed name starts with these words (space-joined search
  // keys): lets a scan stop extending a phrase early.
  bool IsPhrasePrefix(const std::string& key) const { return phrase_prefixes_.count(key) > 0; }
  // A one-word place name that is also an everyday word (places.tsv flag).
  bool IsCommonPlace(const std::string& key) const { return common_places_.count(key) > 0; }
  // Gazetteer person whose name (two words or more) has this
  // text::NameKeyPhrase, or -1: lets "سيرجيي لافروف" find "سيرغي لافروف".
  int PersonByNameKey(const std::string& name_key) const;
  // One-word gazetteer names also match on a key that keeps ة/ه and ى/ي
  // apart (جدة the city, جده "his grandfather"). True when `word` (display,
  // clitics removed) is written as one of the listed one-word names.
  bool StrictSingleMatch(std::string_view word) const { return strict_single_.count(GivenNameKey(word)) > 0; }

  // A news outlet's name (data/outlets.tsv, names and variants, without a
  // leading صحيفة/قناة/...), as space-joined search keys.
  bool IsOutlet(const std::string& key) const { return outlets_.count(key) > 0; }

  WordClass ClassOf(const std::string& key) const;
  const SpeechVerb* Verb(const std::string& key) const;
  // `form_key` is the display word with alef folding only (see GivenNameKey).
  // Besides the list, every "عبدال" + a name of God written as one word
  // (عبدالقوي، عبدالودود) is a given name.
  bool IsGivenName(const std::string& form_key) const {
    static const std::string kAbdAl = "\u0639\u0628\u062F\u0627\u0644";
    return given_.count(form_key) > 0 || (form_key.size() >= kAbdAl.size() + 4 && form_key.rfind(kAbdAl, 0) == 0);
  }
  // A given name that is also an everyday noun or adjective (given_names.txt
  // flag "common": جمال، مساعد): it starts a name only with more evidence.
  bool IsCommonGivenName(const std::string& form_key) const { return common_given_.count(form_key) > 0; }
  // Stopwords of the analyser plus words that never begin or continue a name.
  bool IsNotName(const std::string& key) const;

  // A key that keeps ى apart from ي (على is not علي) and ة apart from ه.
  static std::string GivenNameKey(std::string_view word);

 private:
  Lexicon();
  void AddEntry(std::string_view type, std::string_view canonical, std::string_view role,
                std::string_view variants);

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, int> phrases_;
  int max_phrase_words_ = 1;
  std::unordered_map<std::string, int> person_name_keys_;
  std::unordered_set<std::string> strict_single_;
  std::unordered_set<std::string> phrase_prefixes_;
  std::unordered_set<std::string> common_places_;
  std::unordered_set<std::string> outlets_;
  std::unordered_map<std::string, WordClass> classes_;
  std::unordered_map<std::string, SpeechVerb> verbs_;
  std::unordered_set<std::string> given_;
  std::unordered_set<std::string> common_given_;
  std::unordered_set<std::string> not_names_;
};

// Search key of each word of `phrase`, joined by single spaces.
std::string PhraseKey(std::string_view phrase);

}  // namespace malaf::entities
