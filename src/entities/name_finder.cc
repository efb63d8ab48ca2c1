#include "entities/name_finder.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "entities/lexicon.h"
#include "text/name_key.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::entities {
namespace {

bool IsQuoteMark(char32_t c) {
  return c == U'"' || c == U'\u00AB' || c == U'\u00BB' || c == U'\u201C' || c == U'\u201D' || c == U'\u201E';
}

constexpr int kMaxNameWords = 6;   // "محمد بن سلمان بن عبد العزيز" with connectors
constexpr int kMaxRoleWords = 12;
constexpr int kMaxOrgWords = 6;

// Name keys of words that end compound given names (عبد الله، نصر الله،
// صلاح الدين): never a surname on their own.
bool IsCompoundTail(const std::string& name_key) {
  return name_key == text::NameKey("\u0627\u0644\u0644\u0647") ||          // الله
         name_key == text::NameKey("\u0627\u0644\u062F\u064A\u0646") ||    // الدين
         name_key == text::NameKey("\u0627\u0644\u0631\u062D\u0645\u0646");  // الرحمن
}

enum class Source { kGazetteer = 0, kTitle = 1, kGivenName = 2, kVerb = 3, kHead = 4 };

struct Candidate {
  std::string type;
  int first = 0, last = 0;  // name words
  size_t start = 0, end = 0;
  int gaz = -1;
  std::string role;
  std::string role_words;  // words that describe the person without being a role ("نظيره التونسي")
  int role_first = -1;
  Source source = Source::kGazetteer;
  bool weak = false;  // one word after a speech verb: kept only when coreference confirms it
  bool confirm_by_surname = false;  // weak, and confirmed when its last word is used again alone
};

// A role phrase with no name after it, to resolve to a person named before.
struct RoleMention {
  int first = 0, last = 0;
  size_t start = 0, end = 0;
  std::string head;                 // name key of the title word
  bool counterpart = false;         // نظيره ...
  std::vector<std::string> modifiers;  // name keys of the other role words
};

struct GazMatch {
  int entry = -1;
  int words = 0;
  size_t skip = 0;
};

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

class Finder {
 public:
  Finder(std::string_view body, const std::vector<Word>& words)
      : lex_(Lexicon::Get()), body_(body), w_(words), n_(static_cast<int>(words.size())),
        given_(words.size(), -1), not_name_(words.size(), -1) {}

  NameFinding Run();

 private:
  // A candidate over name words first..last; `skip` bytes of the first word
  // (a clitic) stay outside its offsets.
  Candidate CandidateOver(std::string type, int first, int last, size_t skip = 0) const {
    Candidate c;
    c.type = std::move(type);
    c.first = first;
    c.last = last;
    c.start = w_[first].start + skip;
    c.end = w_[last].end;
    return c;
  }
  bool Arabic(int i) const {
    return w_[i].letters && !w_[i].text.empty() && static_cast<unsigned char>(w_[i].text[0]) >= 0xD8;
  }
  bool Breaks(int i) const { return w_[i].punct || w_[i].break_before; }
  WordClass ClassOfWord(int i) const {
    for (const auto& f : w_[i].forms) {
      WordClass c = lex_.ClassOf(f.key);
      if (c != WordClass::kNone) return c;
    }
    return WordClass::kNone;
  }
  // The class of the word as written, clitics only و/ف removed.
  WordClass ClassOfConj(int i) const {
    for (const auto& f : w_[i].forms) {
      if (f.skip > 2 || (f.skip == 2 && !f.conj)) continue;
      WordClass c = lex_.ClassOf(f.key);
      if (c != WordClass::kNone) return c;
    }
    return WordClass::kNone;
  }
  const WordForm* TitleForm(int i) const {
    // أمام ("in front of") folds to the key of إمام.
    std::string_view t = w_[i].text;
    if (t.size() >= 8 && t.substr(t.size() - 8) == "\u0623\u0645\u0627\u0645") return nullptr;
    for (const auto& f : w_[i].forms) {
      WordClass c = lex_.ClassOf(f.key);
      if (c == WordClass::kTitle || c == WordClass::kCounterpart) return &f;
    }
    return nullptr;
  }
  const SpeechVerb* VerbOf(int i) const {
    for (const auto& f : w_[i].forms) {
      if (f.skip > 2 || (f.skip == 2 && !f.conj)) continue;
      if (const SpeechVerb* v = lex_.Verb(f.key)) return v;
    }
    return nullptr;
  }
  // The written word after `skip` bytes of clitics, or "" when the skip does
  // not fall on a character boundary (the key and the text can differ).
  std::string_view After(int i, size_t skip) const {
    if (i < 0 || i >= n_) return {};
    std::string_view t = w_[i].text;
    if (skip >= t.size() || (static_cast<unsigned char>(t[skip]) & 0xC0) == 0x80) return {};
    return t.substr(skip);
  }
  bool Given(int i, size_t skip = 0) const {
    if (skip == 0 && i >= 0 && i < n_) {
      if (given_[i] < 0) {
        std::string_view t = After(i, 0);
        given_[i] = !t.empty() && lex_.IsGivenName(Lexicon::GivenNameKey(t));
      }
      return given_[i] > 0;
    }
    std::string_view t = After(i, skip);
    return !t.empty() && lex_.IsGivenName(Lexicon::GivenNameKey(t));
  }
  bool GivenAnyForm(int i, size_t* skip) const {
    for (const auto& f : w_[i].forms) {
      if (Given(i, f.skip)) {
        *skip = f.skip;
        return true;
      }
    }
    return false;
  }
  bool NotName(int i) const {
    if (not_name_[i] < 0) {
      bool v = lex_.IsNotName(w_[i].key);
      for (const auto& f : w_[i].forms)
        if (!v && f.skip > 0 && lex_.IsNotName(f.key) && !Given(i)) v = true;
      // "وتم", "فقد": a conjunction on a function word too short for the
      // clitic forms of words.h.
      std::string_view t = w_[i].text;
      if (!v && t.size() > 2 && (t.substr(0, 2) == "\u0648" || t.substr(0, 2) == "\u0641") && !Given(i) &&
          lex_.IsNotName(text::SearchKey(t.substr(2))))
        v = true;
      not_name_[i] = v;
    }
    return not_name_[i] > 0;
  }
  // A preposition glued to the word (لمحطة، للصحف، بناء): the word is an
  // object, and a name right after a title or a verb never carries one.
  bool Prefixed(int i) const {
    if (i < 0 || i >= n_ || Given(i) || gaz_at_[i].entry >= 0) return false;
    for (const auto& f : w_[i].forms)
      if (f.skip > 0 && !(f.conj && f.skip == 2) && PrepositionLetter(i, f)) return true;
    return w_[i].key.rfind("\u0644\u0644", 0) == 0;  // لل = ل + ال
  }
  // The stripped clitic is ب or ل (ك starts too many foreign names: كاميرون، كنياتا).
  bool PrepositionLetter(int i, const WordForm& f) const {
    // The letter just before the form in the written word.
    std::string_view t = w_[i].text;
    if (f.skip < 2 || f.skip > t.size()) return false;
    std::string_view c = t.substr(f.skip - 2, 2);
    return c == "\u0628" || c == "\u0644";
  }
  // A glued preposition on a word that reads as a common noun: definite
  // ("بالتعاون"), a function word, or a long word in ا ("باستمرار").
  bool PrefixedNoun(int i) const {
    if (!Prefixed(i)) return false;
    const std::string& k = w_[i].forms.back().key;
    return IsDefinite(k) || lex_.IsNotName(k) || (Letters(k) >= 5 && k.rfind("\u0627", 0) == 0) || TaMarbuta(i) ||
           w_[i].key.rfind("\u0644\u0644", 0) == 0;
  }
  bool Preposition(int i) const {
    // على folds to the key of the name علي; the written form tells them apart.
    if (lex_.ClassOf(w_[i].key) != WordClass::kPreposition || w_[i].text == "\u0639\u0644\u064A") return false;
    // باسم is also a given name: a preposition after a role word
    // ("المتحدث باسم", "الناطق الرسمي باسم").
    return !Given(i) || PrepositionContext(i);
  }
  bool AnyFormDefinite(int i) const {
    for (const auto& f : w_[i].forms)
      if (IsDefinite(f.key)) return true;
    return false;
  }
  bool ConjStart(int i) const {
    // و glued to the word starts a new phrase ("وسيرغي"), unless the word is a
    // given name that begins with و (وليد، وائل).
    return w_[i].forms.size() > 1 && w_[i].forms[1].conj && w_[i].key.rfind("\u0648", 0) == 0 && !Given(i);
  }
  // "استاد الأمير سلمان بن عبدالعزيز", "جامعة الملك سعود": the person
  // names the institution.
  bool InsideInstitutionName(int i) const {
    for (int b = i - 1; b >= 0 && b >= i - 2; --b) {
      if (Breaks(b + 1)) return false;
      WordClass c = ClassOfWord(b);
      if (c == WordClass::kOrgHead || c == WordClass::kPlaceHead) return true;
      if (c != WordClass::kTitle) return false;
    }
    return false;
  }
  static bool Honorific(const std::string& key) {
    static const char* const kHonorifics[] = {"\u0633\u0645\u0648",                              // سمو
                                              "\u0645\u0639\u0627\u0644\u064A",                // معالي
                                              "\u0633\u0639\u0627\u062F\u0647",                // سعاده
                                              "\u0641\u062E\u0627\u0645\u0647",                // فخامه
                                              "\u062C\u0644\u0627\u0644\u0647",                // جلاله
                                              "\u0633\u0645\u0627\u062D\u0647",                // سماحه
                                              "\u0641\u0636\u064A\u0644\u0647"};               // فضيله
    for (const char* h : kHonorifics)
      if (key == h) return true;
    return false;
  }
  // "لكفاءة الطاقة", "لتنمية المرأة": ل on an indefinite noun in construct
  // with a definite one, the complement that ends an institution's name.
  bool LamConstruct(int j) const {
    if (j + 1 >= n_ || !Arabic(j) || Breaks(j + 1) || !Arabic(j + 1)) return false;
    const std::string& k = w_[j].key;
    if (k.rfind("\u0644", 0) != 0 || k.rfind("\u0644\u0644", 0) == 0 || Given(j)) return false;
    bool lam = false;
    for (const auto& f : w_[j].forms)
      if (f.skip == 2 && !f.conj && !IsDefinite(f.key) && Letters(f.key) >= 3 && !lex_.IsNotName(f.key)) lam = true;
    if (!lam) return false;
    return IsDefinite(w_[j + 1].key) && w_[j + 1].forms.size() == 1 && !NotName(j + 1) && !GazPerson(j + 1) &&
           ClassOfWord(j + 1) != WordClass::kOrgHead;
  }
  // The adjectives that institutions carry in their names: a country's
  // (السعودية، الألماني) or a scope (الوطني، الدولية، العامة); "الحركة
  // الطبيعية لحيوان التجارب" is a description.
  bool InstitutionAdjective(int i) const {
    if (PlaceNisba(i)) return true;
    const std::string& k = w_[i].key;
    if (!IsDefinite(k)) return false;
    std::string bare = k.substr(4);
    if (lex_.ClassOf(bare) == WordClass::kModifier) return true;
    static const char* const kScopes[] = {"\u0648\u0637\u0646\u064A", "\u062F\u0648\u0644\u064A",
                                          "\u0639\u0631\u0628\u064A", "\u0627\u0633\u0644\u0627\u0645\u064A",
                                          "\u0627\u0647\u0644\u064A", "\u062E\u064A\u0631\u064A",
                                          "\u0639\u0627\u0645"};
    if (bare.size() > 2 && bare.compare(bare.size() - 2, 2, "\u0647") == 0) bare.resize(bare.size() - 2);  // ة folded to ه
    for (const char* s : kScopes)
      if (bare == s) return true;
    return false;
  }
  bool RoyalTitle(int i) const {
    const std::string& k = w_[i].key;
    return k == "\u0627\u0644\u0645\u0644\u0643" ||                 // الملك
           k == "\u0627\u0644\u0627\u0645\u064A\u0631" ||          // الامير
           k == "\u0627\u0644\u0634\u064A\u062E" ||                 // الشيخ
           k == "\u0627\u0644\u0633\u0644\u0637\u0627\u0646";     // السلطان
  }
  // Nisba adjectives and plurals of them end in ي، ية، يون، يين.
  bool NisbaLike(int i) const {
    const std::string& k = w_[i].key;
    auto ends = [&](std::string_view e) { return k.size() >= e.size() && k.compare(k.size() - e.size(), e.size(), e) == 0; };
    return ends("\u064A") || ends("\u064A\u0647") || ends("\u064A\u0648\u0646") || ends("\u064A\u064A\u0646");
  }
  // An indefinite accusative in -ا ("بيانا جديدا") or a sound plural in
  // -ين/-ون ("مطالبين بتعويضات") starts an object, not a name.
  bool Accusative(int i) const {
    const std::string& k = w_[i].key;
    if (Given(i) || Letters(k) < 4) return false;
    auto ends = [&](std::string_view e) { return k.size() >= e.size() && k.compare(k.size() - e.size(), e.size(), e) == 0; };
    return ends("\u0627") || (Letters(k) >= 5 && (ends("\u064A\u0646") || ends("\u0648\u0646")));
  }
  bool PrepositionContext(int i) const {
    if (i == 0 || Breaks(i)) return false;
    return ClassOfWord(i - 1) == WordClass::kTitle || (IsDefinite(w_[i - 1].key) && NisbaLike(i - 1));
  }
  // "التركي", "الإيرانية", "الأمريكي": a definite adjective of a listed
  // country or city (تركيا، إيران، أمريكا، مصر، الأردن).
  bool PlaceNisba(int i) const {
    const std::string& k = w_[i].key;
    if (!IsDefinite(k) || gaz_at_[i].entry >= 0) return false;
    std::string stem = k.substr(4);
    if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, "\u064A\u0647") == 0) stem.resize(stem.size() - 4);
    else if (stem.size() > 2 && stem.compare(stem.size() - 2, 2, "\u064A") == 0) stem.resize(stem.size() - 2);
    else return false;
    if (Letters(stem) < 2) return false;
    for (const std::string& cand : {stem, "\u0627\u0644" + stem, stem + "\u064A\u0627", stem + "\u0627", stem + "\u064A\u0647",
                                    "\u0627\u0644" + stem + "\u064A\u0647"}) {
      auto it = lex_.phrases().find(cand);
      if (it != lex_.phrases().end() && lex_.entries()[it->second].type == "place") return true;
    }
    return false;
  }
  bool GazPlaceOrOrg(int i) const { return gaz_at_[i].entry >= 0 && lex_.entries()[gaz_at_[i].entry].type != "person"; }
  bool GazPerson(int i) const { return gaz_at_[i].entry >= 0 && lex_.entries()[gaz_at_[i].entry].type == "person"; }

  bool NameStartOK(int i, bool allow_definite) const;
  // "ستيفان" + gazetteer "دي مستورا": given names right before a known
  // person's name are part of it. Extends `c` over the gazetteer match.
  void AbsorbGazetteer(Candidate* c) const {
    int j = c->last + 1;
    if (j >= n_ || !GazPerson(j) || Breaks(j)) return;
    for (int m = c->first; m <= c->last; ++m)
      if (!Given(m) && lex_.ClassOf(w_[m].key) != WordClass::kParticle) return;
    c->gaz = gaz_at_[j].entry;
    c->last = j + gaz_at_[j].words - 1;
    c->end = w_[c->last].end;
    c->weak = false;
  }
  // Two words or more with a definite last word or a connector ("سعيد اللاوندي", "عاطي بن عطية").
  bool FamilyShaped(int first, int last) const {
    if (last <= first) return false;
    for (int m = first + 1; m < last; ++m)
      if (lex_.ClassOf(w_[m].key) == WordClass::kConnector) return true;
    if (TaMarbuta(first)) return false;
    return IsDefinite(w_[last].key) && !Verbish(last);
  }
  // Present-tense and future verbs (يواصل، تؤكد، سيجلب) continue a sentence,
  // not a name; given names that look so (يوسف، تامر) are in the list.
  bool Verbish(int i) const {
    if (Given(i)) return false;
    static const std::string kYa = "\u064A", kTa = "\u062A", kNun = "\u0646", kSin = "\u0633";
    for (const auto& f : w_[i].forms) {
      // Only و، ف and ل (ليفعل) go before a verb; ك and ب start nouns and names (كنياتا).
      if (f.skip > 0 && !(f.conj && f.skip == 2)) {
        std::string_view t = w_[i].text;
        if (f.skip < 2 || f.skip > t.size() || t.substr(f.skip - 2, 2) != "\u0644") continue;
      }
      std::string_view k = f.key;
      if (Letters(k) < 4) continue;
      // يا + four letters or more is a foreign name (ياكونان), not a verb.
      if (Letters(k) >= 5 && k.substr(0, 4) == "\u064A\u0627") continue;
      auto starts = [&](const std::string& p) { return k.substr(0, p.size()) == p; };
      if (starts(kYa) || starts(kTa) || starts(kNun)) return true;
      if (Letters(k) >= 5 && (starts(kSin + kYa) || starts(kSin + kTa))) return true;  // سيفعل، ستفعل (not سيدي)
      if (Letters(k) >= 5 && starts("\u0627\u0633\u062A")) return true;  // استفعل، استفعال
    }
    return false;
  }
  // Endings of feminine nouns and adjectives (جولة، جديدة): rare in names
  // that are not known given names.
  bool TaMarbuta(int i) const {
    std::string_view t = w_[i].text;
    return !Given(i) && t.size() >= 2 && t.substr(t.size() - 2) == "\u0629";
  }
  bool NameContOK(int i) const;
  int ParseName(int k) const;  // last word of a name starting at k, or -1

  GazMatch MatchGazetteer(int i) const;
  void ScanGazetteer();
  void TitlePattern(int i);
  void TitleAfterPattern(int t);
  void VerbPattern(int i);
  void NisbaPattern(int i);
  void GivenNamePattern(int i);
  void HeadPattern(int i);
  void OutletPattern(int i);

  std::string RoleText(int first, size_t skip, int last) const {
    return std::string(body_.substr(w_[first].start + skip, w_[last].end - w_[first].start - skip));
  }
  std::vector<std::string> RoleKeys(std::string_view role) const;
  void Resolve(NameFinding* out);

  const Lexicon& lex_;
  std::string_view body_;
  const std::vector<Word>& w_;
  int n_;
  std::vector<GazMatch> gaz_at_;
  std::vector<Candidate> cands_;
  std::vector<RoleMention> roles_;
  std::unordered_map<int, std::pair<std::string, int>> text_role_at_;
  std::unordered_set<int> kunya_;  // entities (in Resolve) whose family name is أبو + name
  // Per-word memos (-1 unknown), filled on first use.
  mutable std::vector<signed char> given_, not_name_;  // role written before a gazetteer person's name
};

GazMatch Finder::MatchGazetteer(int i) const {
  GazMatch best;
  if (!w_[i].letters) return best;
  const auto& phrases = lex_.phrases();
  for (const auto& f : w_[i].forms) {
    std::string k = f.key;
    int words = 1;
    auto check = [&] {
      // A one-word name that is also a common word ("كيف" for Kyiv) is not taken alone.
      if (words == 1 && lex_.IsNotName(k)) return;
      auto it = phrases.find(k);
      if (it != phrases.end() && words > best.words) best = GazMatch{it->second, words, f.skip};
    };
    check();
    for (int j = i + 1; j < n_ && words < lex_.max_phrase_words(); ++j) {
      if (Breaks(j) || !w_[j].letters || !lex_.IsPhrasePrefix(k)) break;
      k += ' ';
      k += w_[j].key;
      ++words;
      check();
    }
  }
  return best;
}

void Finder::ScanGazetteer() {
  gaz_at_.assign(n_, GazMatch{});
  for (int i = 0; i < n_; ++i) {
    GazMatch m = MatchGazetteer(i);
    if (m.entry < 0) continue;
    gaz_at_[i] = m;
    const GazetteerEntry& e = lex_.entries()[m.entry];
    if (m.words == 1 && !lex_.StrictSingleMatch(After(i, m.skip))) continue;
    if (e.type == "person" && InsideInstitutionName(i)) continue;
    // "الخبر" the city or "the news": only after a place head ("مدينة الخبر").
    if (e.type == "place" && m.words == 1 && lex_.IsCommonPlace(w_[i].forms.back().key) &&
        !(i > 0 && ClassOfWord(i - 1) == WordClass::kPlaceHead))
      continue;
    // "الحكومة السعودية", "الكرة السعودية": a definite -ية word after a
    // definite noun is its adjective, not the country.
    if (e.type == "place" && m.words == 1 && m.skip == 0 && i > 0 && !Breaks(i) && IsDefinite(w_[i].key) &&
        w_[i].text.size() >= 2 && w_[i].text.substr(w_[i].text.size() - 2) == "\u0629" && IsDefinite(w_[i - 1].key) &&
        !NotName(i - 1))
      continue;
    if (e.type == "place" && m.words == 1 && m.skip == 0 && i > 1 && w_[i - 1].punct && IsQuoteMark(w_[i - 1].cp) &&
        IsDefinite(w_[i].key) && w_[i].text.size() >= 2 && w_[i].text.substr(w_[i].text.size() - 2) == "\u0629")
      continue;  // صحيفة "الرياض" السعودية
    Candidate c = CandidateOver(e.type, i, i + m.words - 1, m.skip);
    c.gaz = m.entry;
    c.source = Source::kGazetteer;
    cands_.push_back(c);
    i = c.last;
  }
}

bool Finder::NameStartOK(int i, bool allow_definite) const {
  if (i >= n_ || !Arabic(i) || w_[i].break_before) return false;
  if (Given(i)) return true;
  if (Verbish(i)) return false;
  // A possessive pronoun ending (معاليه، هاتفه) marks a common noun.
  std::string_view t = w_[i].text;
  if (Letters(t) >= 4 && t.substr(t.size() - 2) == "\u0647" && t.substr(t.size() - 4, 2) != "\u064A") return false;

  if (NotName(i) || ConjStart(i) || VerbOf(i)) return false;
  WordClass c = ClassOfConj(i);
  if (c != WordClass::kNone && c != WordClass::kConnector && c != WordClass::kParticle) return false;
  if (GazPlaceOrOrg(i)) return false;
  if (!allow_definite && IsDefinite(w_[i].key)) return false;
  return Letters(w_[i].key) >= 2;
}

bool Finder::NameContOK(int i) const {
  if (i >= n_ || !Arabic(i) || Breaks(i)) return false;
  if (GazPerson(i)) return false;  // another person begins
  if (Given(i) && !ConjStart(i)) return true;
  if (Verbish(i)) return false;
  // A possessive pronoun ending (أبنائه، أهدافها، بصراحته) marks a common noun.
  {
    std::string_view t = w_[i].text;
    bool ha = Letters(t) >= 5 && t.substr(t.size() - 4) == "\u0647\u0627";
    bool hu = Letters(t) >= 5 && t.substr(t.size() - 2) == "\u0647" && t.substr(t.size() - 4, 2) != "\u064A";
    if ((ha || hu) && !IsDefinite(w_[i].key)) return false;  // the article and a pronoun never meet (التاه)
  }
  if (PrefixedNoun(i)) return false;  // "باستمرار"
  if (NotName(i) || ConjStart(i) || VerbOf(i)) return false;
  WordClass c = ClassOfConj(i);
  if (c != WordClass::kNone && c != WordClass::kConnector && c != WordClass::kParticle) return false;
  if (GazPlaceOrOrg(i)) return false;
  return true;
}

int Finder::ParseName(int k) const {
  int last = -1;
  bool family = false;          // a definite word or a connector has been seen
  bool after_connector = false;
  for (int j = k; j < n_ && j - k < kMaxNameWords; ++j) {
    if (j > k && !NameContOK(j)) {
      // Surnames that are also titles (الخطيب، الشيخ، القاضي) end a name
      // when nothing of a role follows them ("أحمد الخطيب:").
      bool ends = j + 1 >= n_ || Breaks(j + 1) || NotName(j + 1) || VerbOf(j + 1) != nullptr;
      if (ClassOfConj(j) == WordClass::kTitle && IsDefinite(w_[j].key) && !Breaks(j) && ends && !family) last = j;
      break;
    }
    if (j - k >= 2 && Prefixed(j)) break;  // "جون هاوسر بمسدس"
    WordClass c = lex_.ClassOf(w_[j].key);
    bool connector = c == WordClass::kConnector || c == WordClass::kParticle;
    bool definite = IsDefinite(w_[j].key);
    // "خالد الضاهر انتقادات": after a family name (definite, or a nasab with
    // بن) only more of the same follows, not a common noun.
    if (j > k && family && !connector && !definite && !after_connector) break;
    // After a long nasab ("فيصل بن خالد بن سلطان") a definite word is a
    // family name only when it reads as one (الغامدي), not "الوفد".
    if (definite && j - k >= 4 && !NisbaLike(j)) break;
    // "جابر المبارك الوفد": after a definite family name, another definite
    // word is the sentence's object unless it reads as a family name too.
    if (definite && j > k && IsDefinite(w_[j - 1].key) && !NisbaLike(j) && !Given(j)) break;
    // A definite surname after two plain words needs those to be given
    // names ("حسن محمد سفر"), else it is a noun phrase ("انطلاق المباحثات").
    if (definite && !family && j - k >= 2 && !after_connector) {
      bool given = true;
      for (int m = k; m < j; ++m) given = given && Given(m);
      if (!given) break;
    }
    family = family || definite || (connector && j > k);
    after_connector = connector;
    last = j;
  }
  // A name never ends on a connector or particle ("بن", "دي").
  while (last >= k) {
    WordClass c = lex_.ClassOf(w_[last].key);
    if (c != WordClass::kConnector && c != WordClass::kParticle) break;
    --last;
  }
  return last >= k ? last : -1;
}

void Finder::TitlePattern(int i) {
  const WordForm* tf = TitleForm(i);
  if (!tf || !Arabic(i)) return;
  // "سمو رئيس الوزراء البحريني", "معالي وزير الصحة": an honorific before a
  // title; the title heads the role (and its later mentions resolve by it).
  if (Honorific(tf->key) && i + 1 < n_ && !Breaks(i + 1) && TitleForm(i + 1) && !Honorific(TitleForm(i + 1)->key)) return;
  bool counterpart = lex_.ClassOf(tf->key) == WordClass::kCounterpart;
  int role_end = i;
  bool after_prep = false;
  int j = i + 1;
  const bool title_definite = IsDefinite(tf->key);
  bool construct_open = false;  // the last role word was an indefinite complement
  while (j < n_ && j - i < kMaxRoleWords) {
    if (Breaks(j) || !w_[j].letters) break;
    if (GazPerson(j)) break;
    WordClass c = ClassOfWord(j);
    // An indefinite title is in construct: the next word is its complement
    // ("حارس مرمى"، "رئيس مجلس"), never the name.
    // "استشاري ورئيس قسم": a second title joined by و starts its own role.
    if (ConjStart(j) && TitleForm(j)) break;
    // A construct chain runs on while its words are indefinite ("رئيس أركان
    // حرب القوات المسلحة"): only the last one is definite.
    // (Any indefinite role word opens one: "المحافظ رئيس جمعية مراكز الأحياء".)
    construct_open = construct_open || (j > i + 1 && role_end == j - 1 && Arabic(role_end) &&
                                        !IsDefinite(w_[role_end].forms.back().key) && !GazPlaceOrOrg(role_end) &&
                                        !Preposition(role_end) && !Given(role_end) &&
                                        ClassOfWord(role_end) != WordClass::kTitle);  // "العقيد دكتور عاطي"
    bool chain = (j == i + 1 && !title_definite && !counterpart) ||
                 (construct_open && !Given(j) && !TaMarbuta(j) && !Verbish(j) && !NotName(j));
    if (chain && Arabic(j) && !Preposition(j) && !ConjStart(j)) {
      construct_open = !IsDefinite(w_[j].key) && !GazPlaceOrOrg(j) && !Prefixed(j);
      if (GazPlaceOrOrg(j)) j += gaz_at_[j].words - 1;
      role_end = j++;
      continue;
    }
    construct_open = false;
    // "الدكتور الدخيّل": a definite word after a definite title is a
    // surname unless it reads as an adjective (الروسي، الرسمي) or a role word.
    if (j == i + 1 && title_definite && c == WordClass::kNone && IsDefinite(w_[j].key) && !NisbaLike(j) &&
        !GazPlaceOrOrg(j) && !NotName(j))
      break;
    if (Preposition(j)) {
      after_prep = true;
      ++j;
      continue;
    }
    if (GazPlaceOrOrg(j)) {
      j += gaz_at_[j].words;
      role_end = j - 1;
      after_prep = false;
      continue;
    }
    if (c == WordClass::kTitle || c == WordClass::kModifier || c == WordClass::kOrgHead || c == WordClass::kPlaceHead) {
      role_end = j++;
      after_prep = false;
      continue;
    }
    // After a preposition the object belongs to the role even when it is a
    // common noun ("المتحدث باسم الجيش"), unless it is a function word.
    bool object_ok = after_prep && !text::IsStopword(w_[j].key);
    if (AnyFormDefinite(j) && (!NotName(j) || object_ok) && !ConjStart(j)) {
      role_end = j++;
      after_prep = false;
      continue;
    }
    if (after_prep && (!NotName(j) || object_ok)) {
      role_end = j++;
      after_prep = false;
      continue;
    }
    break;
  }
  int k = role_end + 1;
  bool comma = false;
  // "د. فلان": an abbreviated title with its dot introduces a name as surely
  // as apposition commas do.
  if (role_end == i && Letters(tf->key) == 1 && k + 1 < n_ && w_[k].punct && w_[k].cp == U'.' &&
      !w_[k + 1].break_before) {
    comma = true;
    ++k;
  }
  if (k < n_ && w_[k].punct && (w_[k].cp == U',' || w_[k].cp == U'\u060C') && !(k + 1 < n_ && w_[k + 1].break_before)) {
    comma = true;
    ++k;
    // "للطفلة، وتم تكوين لجنة": after the comma, و starts the next clause;
    // a name in apposition never carries it.
    if (k < n_ && (ConjStart(k) || (w_[k].text.substr(0, 2) == "\u0648" && !Given(k) && Letters(w_[k].key) <= 3))) k = n_;
  }
  // "الأمير الوليد بن طلال": the definite word was the name's first word.
  if (!comma && k < n_ && role_end > i && lex_.ClassOf(w_[k].key) == WordClass::kConnector &&
      IsDefinite(w_[role_end].key) && !GazPlaceOrOrg(role_end)) {
    k = role_end--;
  }
  std::string role = RoleText(i, tf->skip, role_end);
  if (!counterpart && k < n_ && GazPerson(k)) {
    text_role_at_[k] = {role, i};
    return;
  }
  // "استشاري الطب بمدينة الملك فهد الطبية": the royal name is an institution's.
  int last = PrefixedNoun(k) || (k > 0 && RoyalTitle(k - 1) && InsideInstitutionName(k))
                 ? -1
                 : (NameStartOK(k, /*allow_definite=*/false) ? ParseName(k) : -1);
  if (last >= 0) {
    Candidate c = CandidateOver("person", k, last);
    // "نظيره التونسي منجي الحامدي": the counterpart's role is the speaker's
    // title, which the text does not repeat; keep only the modifiers' place.
    c.role = counterpart ? "" : role;
    if (counterpart) c.role_words = role;
    c.role_first = i;
    c.source = Source::kTitle;
    // Without the commas of apposition, a name after a role must look like
    // one: a known given name, or a family name (definite last word, بن).
    // Two or three plain words ("أوهورو كنياتا") are a foreign name unless
    // they read as a noun phrase (feminine endings).
    bool foreign = last > k && last - k < 3 && !Accusative(k);
    for (int m = k; m <= last && foreign; ++m) foreign = !IsDefinite(w_[m].key) && !TaMarbuta(m);
    // "الطفلة سكينة المهنا": after a feminine role a woman's given name
    // ends in ة like the nouns; a definite family name after it makes a name.
    const std::string& tk = tf->key;
    bool feminine = tk.size() > 2 && tk.compare(tk.size() - 2, 2, "\u0647") == 0 && last == k + 1 &&
                    IsDefinite(w_[last].key) && !Verbish(last) && !NotName(last);
    c.weak = !comma && !Given(k) && !FamilyShaped(k, last) && !foreign && !feminine;
    AbsorbGazetteer(&c);
    cands_.push_back(c);
    if (!c.weak) return;
  }
  RoleMention r;
  r.first = i;
  r.last = role_end;
  r.start = w_[i].start + tf->skip;
  r.end = w_[role_end].end;
  r.head = text::NameKey(tf->key);
  r.counterpart = counterpart;
  for (int m = i + 1; m <= role_end; ++m) {
    if (Preposition(m)) continue;
    r.modifiers.push_back(text::NameKey(w_[m].forms.back().key));
  }
  roles_.push_back(r);
}

// "عبدالله الشيخي المتحدث الرسمي للنادي", "ايتالو زانزي المدير التنفيذي":
// a name followed by its role in apposition.
void Finder::TitleAfterPattern(int t) {
  const WordForm* tf = TitleForm(t);
  // Apposition takes the definite form ("X المدير التنفيذي"); "شغل منصب
  // وزير" is a predicate.
  if (!tf || t < 2 || Breaks(t) || tf->skip != 0 || lex_.ClassOf(tf->key) != WordClass::kTitle) return;
  // "ميشائل هولشتاين، المحلل الاقتصادي", "X، مديرة الوكالة": the role set
  // off by a comma after the name, definite or in construct.
  // "مطلب رحيل الرئيس بشار الأسد": a role with its own name after it is
  // that person's, not an apposition to the words before.
  if (t + 1 < n_ && !Breaks(t + 1) && (GazPerson(t + 1) || Given(t + 1))) return;
  int name_end = t - 1;
  if (t >= 3 && w_[t - 1].punct && (w_[t - 1].cp == U',' || w_[t - 1].cp == U'\u060C')) name_end = t - 2;
  else if (!IsDefinite(tf->key)) return;
  // The words before, back to something that is not a name word.
  int first = name_end + 1;
  for (int j = name_end; j >= 0 && name_end - j <= 3; --j) {
    if (!Arabic(j) || NotName(j) || VerbOf(j) || Verbish(j) || TitleForm(j) || GazPlaceOrOrg(j)) break;
    WordClass c = ClassOfConj(j);
    if (c != WordClass::kNone && c != WordClass::kConnector) break;
    first = j;
    if (w_[j].break_before || ConjStart(j) || Prefixed(j)) break;
  }
  if (first >= name_end && !(first == name_end && GazPerson(first))) return;  // two words at least
  // Start at a given name when there is one ("أخطر عصام الحضري").
  for (int j = first; j <= name_end; ++j)
    if (Given(j)) {
      first = j;
      break;
    }
  if (ConjStart(first) || Prefixed(first) || IsDefinite(w_[first].key) || first >= name_end) return;
  int last = name_end;
  bool foreign = last - first < 3 && !Accusative(first);
  for (int m = first; m <= last && foreign; ++m) foreign = !IsDefinite(w_[m].key) && !TaMarbuta(m);
  // "وذكر فلان الفلاني الناطق الإعلامي": between a speech verb and a role
  // in apposition, a given name and a family name need no list.
  bool spoken = first > 0 && !Breaks(first) && VerbOf(first - 1) && FamilyShaped(first, last) && last - first <= 2;
  if (!Given(first) && !foreign && !spoken) return;
  Candidate c = CandidateOver("person", first, last);
  int role_end = t;
  for (int j = t + 1; j < n_ && j - t < 6; ++j) {
    if (Breaks(j) || !Arabic(j)) break;
    if (!AnyFormDefinite(j) && ClassOfWord(j) == WordClass::kNone && !GazPlaceOrOrg(j)) break;
    role_end = j;
  }
  c.role = RoleText(t, 0, role_end);
  c.source = Source::kTitle;
  cands_.push_back(c);
}

void Finder::VerbPattern(int i) {
  const SpeechVerb* v = VerbOf(i);
  if (!v || v->kind != VerbKind::kVerb) return;
  int k = i + 1;
  if (k >= n_ || Breaks(k) || gaz_at_[k].entry >= 0 || TitleForm(k)) return;
  bool definite = IsDefinite(w_[k].key);
  if (PrefixedNoun(k) || !NameStartOK(k, /*allow_definite=*/true)) return;
  // Adverbs in -ا (مرارا، رسميا) follow verbs; they do not start names.
  if (!Given(k) && Letters(w_[k].key) >= 4 && w_[k].key.compare(w_[k].key.size() - 2, 2, "\u0627") == 0) return;
  int last = definite ? k : ParseName(k);
  if (last < 0) return;
  Candidate c = CandidateOver("person", k, last);
  c.source = Source::kVerb;
  bool family = false;
  for (int m = k + 1; m <= last; ++m)
    if (IsDefinite(w_[m].key) || lex_.ClassOf(w_[m].key) == WordClass::kConnector || Given(m)) family = true;
  // After a speech verb, a masdar phrase ("أكد قيام الجامعة") looks like a
  // family name; only a known given name makes the subject a person outright.
  (void)family;
  c.weak = !(last > k && Given(k));
  // "وقال فالكه: «…»": a plain word or two between a speech verb and the
  // colon that opens the quotation is the speaker's name.
  if (c.weak && !definite && last + 1 < n_ && w_[last + 1].punct && w_[last + 1].cp == U':' && last - k < 2) {
    bool plain = true;
    for (int m = k; m <= last && plain; ++m)
      plain = Letters(w_[m].key) >= 3 && !TaMarbuta(m) && !Accusative(m) && !NotName(m) && !Prefixed(m) &&
              ClassOfWord(m) == WordClass::kNone;
    if (plain) c.weak = false;
  }
  cands_.push_back(c);
}

// "الكولومبي راداميل فالكاو", "رجل الأعمال التركي نيفزات آيدين", "المحلل
// الاقتصادي فلان": a definite nisba adjective (with the definite nouns it
// describes) is a role head that no table lists. A known given name after it
// makes a person; a foreign-looking name (two or three plain words) is kept
// only when the article uses its last word again.
void Finder::NisbaPattern(int i) {
  if (!Arabic(i) || Breaks(i + 1 < n_ ? i + 1 : i) || i + 2 >= n_) return;
  if (w_[i].forms.size() > 1 && w_[i].forms[0].key != w_[i].key) return;
  if (!IsDefinite(w_[i].key) || !NisbaLike(i) || Letters(w_[i].key) < 5 || gaz_at_[i].entry >= 0) return;
  if (ClassOfWord(i) != WordClass::kNone || NotName(i)) return;
  int k = i + 1;
  if (gaz_at_[k].entry >= 0 || TitleForm(k) || Prefixed(k) || !NameStartOK(k, /*allow_definite=*/false)) return;
  int last = ParseName(k);
  if (last < 0) return;
  bool given = Given(k);
  bool foreign = last > k && last - k < 3 && !Accusative(k);
  for (int m = k; m <= last && foreign; ++m)
    foreign = !IsDefinite(w_[m].key) && !TaMarbuta(m) && !NotName(m) && !Verbish(m) && !Prefixed(m);
  // A feminine plural last ("لشن غارات") is a noun phrase.
  const std::string& lk = w_[last].key;
  if (foreign && Letters(lk) >= 5 && lk.compare(lk.size() - 4, 4, "\u0627\u062A") == 0) foreign = false;
  if (!given && !foreign) return;
  if (given && last == k) return;  // one given name alone is no one yet
  // The role: the definite words before the adjective ("رجل الأعمال التركي").
  int role_first = i;
  for (int j = i - 1; j >= 0 && i - j <= 2; --j) {
    if (Breaks(j + 1) || !Arabic(j) || !IsDefinite(w_[j].key) || NotName(j) || GazPlaceOrOrg(j)) break;
    role_first = j;
  }
  Candidate c = CandidateOver("person", k, last);
  c.role = RoleText(role_first, 0, i);
  c.role_first = role_first;
  c.source = Source::kTitle;
  c.weak = !given;
  c.confirm_by_surname = !given;
  AbsorbGazetteer(&c);
  cands_.push_back(c);
}

void Finder::GivenNamePattern(int i) {
  size_t skip = 0;
  if (!Arabic(i) || gaz_at_[i].entry >= 0 || !GivenAnyForm(i, &skip)) return;
  // "بحمد الله": a listed word that a given name hides behind a clitic.
  if (skip > 0 && lex_.IsNotName(w_[i].key)) return;
  if (lex_.ClassOf(w_[i].key) == WordClass::kPreposition && PrepositionContext(i)) return;  // "الرسمي باسم"
  // "جامعة الملك سعود", "شارع محمد الخامس": the name belongs to an organisation or place.
  if (i > 0 && !Breaks(i) && (ClassOfWord(i - 1) == WordClass::kOrgHead || ClassOfWord(i - 1) == WordClass::kPlaceHead)) return;
  if (i > 0 && RoyalTitle(i - 1) && InsideInstitutionName(i)) return;  // "بمدينة الملك فهد الطبية"
  int last = ParseName(i);
  if (last < 0) last = i;
  if (last == i && !(i + 1 < n_ && GazPerson(i + 1) && !Breaks(i + 1))) return;
  // "جمال الطبيعة", "مساعد المدير": a given name that is also a common word
  // needs another given name, a nasab or a family name that reads as one
  // (a nisba: "نبيل العربي").
  if (lex_.IsCommonGivenName(Lexicon::GivenNameKey(After(i, skip))) && !Given(i + 1) &&
      lex_.ClassOf(w_[i + 1].key) != WordClass::kConnector && !(IsDefinite(w_[i + 1].key) && NisbaLike(i + 1)) &&
      !(i + 1 < n_ && GazPerson(i + 1)))
    return;
  Candidate c = CandidateOver("person", i, last, skip);
  c.source = Source::kGivenName;
  AbsorbGazetteer(&c);
  cands_.push_back(c);
}

// A quoted news outlet: 'لـ"عكاظ"', 'بحسب «الاقتصادية»', or any name of
// data/outlets.tsv in quote marks; and a byline at a paragraph's start
// ("عين اليوم – جاكرتا").
void Finder::OutletPattern(int i) {
  bool quoted = w_[i].punct && IsQuoteMark(w_[i].cp) && w_[i].cp != U'\u00BB';
  bool byline = !w_[i].punct && (i == 0 || w_[i].break_before);
  // "المصدر : الجزيرة + وكالات": a source line.
  bool source_line = !w_[i].punct && i >= 2 && w_[i - 1].punct && w_[i - 1].cp == U':' &&
                     w_[i - 2].key == "\u0627\u0644\u0645\u0635\u062F\u0631";  // المصدر
  byline = byline || source_line;
  if (!quoted && !byline) return;
  int first = quoted ? i + 1 : i;
  int end = -1;  // the closing mark, or the dash of a byline
  for (int j = first; j < n_ && j <= first + 3; ++j) {
    if (j > first && w_[j].break_before) break;
    if (!w_[j].punct) continue;
    bool dash = w_[j].cp == U'-' || w_[j].cp == U'\u2013' || w_[j].cp == U'\u2014' || (source_line && j > first) ||
                (w_[j].cp == U'(' && j > first && !source_line);
    if (quoted ? IsQuoteMark(w_[j].cp) : dash) end = j;
    break;
  }
  if (end <= first) return;
  std::string key;
  for (int j = first; j < end; ++j) {
    if (!w_[j].letters) return;
    if (!key.empty()) key += ' ';
    key += w_[j].key;
  }
  // "X (" opens a dateline only, never an outlet's byline.
  bool outlet = w_[end].cp != U'(' && lex_.IsOutlet(key);
  // A dateline: "الطائف - واس", "جنيف (رويترز)": an unlisted place before an
  // outlet at a paragraph's start.
  if (!outlet && byline && !source_line) {
    bool paren = w_[end].cp == U'(';
    std::string after;
    int j = end + 1;
    for (; j < n_ && j <= end + 3 && !w_[j].break_before && w_[j].letters; ++j) after += (after.empty() ? "" : " ") + w_[j].key;
    bool closed = !paren || (j < n_ && w_[j].punct && w_[j].cp == U')');
    bool place = !after.empty() && closed && lex_.IsOutlet(after) && end - first <= 2 && gaz_at_[first].entry < 0;
    for (int m = first; m < end && place; ++m) place = Arabic(m) && !NotName(m) && !Given(m) && ClassOfWord(m) == WordClass::kNone;
    if (place) {
      Candidate p = CandidateOver("place", first, end - 1);
      p.source = Source::kHead;
      cands_.push_back(p);
      return;
    }
  }
  if (!outlet && quoted && end - first <= 2 && Arabic(first)) {
    // Spoken to or cited: "قال لـ"X"", "بحسب "X"", "نقلا عن "X"".
    std::string_view between = body_.substr(i > 0 ? w_[i - 1].end : 0, w_[i].start - (i > 0 ? w_[i - 1].end : 0));
    bool lam = between.find("\u0644") != std::string_view::npos || (i > 0 && w_[i - 1].key == "\u0644");
    bool spoken_to = false;
    for (int j = i - 1; j >= 0 && i - j <= 3 && !w_[j].punct; --j)
      if (VerbOf(j) && VerbOf(j)->kind == VerbKind::kVerb) spoken_to = lam;
    bool cited = i > 0 && !w_[i - 1].punct && VerbOf(i - 1) && VerbOf(i - 1)->kind == VerbKind::kAttribution;
    outlet = spoken_to || cited;
  }
  if (!outlet) return;
  Candidate o = CandidateOver("organization", first, end - 1);
  o.source = Source::kHead;
  cands_.push_back(o);
}

void Finder::HeadPattern(int i) {
  if (!Arabic(i)) return;
  for (const auto& f : w_[i].forms) {
    WordClass c = lex_.ClassOf(f.key);
    // A definite head ("الهيئة السعودية للتخصصات الطبية", "الرئاسة العامة
    // لرعاية الشباب") names an institution only when an adjective and an
    // ل-complement follow; alone it is a common noun ("الوزارة الجديدة").
    if (c == WordClass::kNone && IsDefinite(f.key) && f.skip == 0) {
      c = lex_.ClassOf(f.key.substr(4));
      if (c != WordClass::kOrgHead || i + 2 >= n_ || Breaks(i + 1) || Breaks(i + 2)) continue;
      if (!IsDefinite(w_[i + 1].key) || w_[i + 1].forms.size() > 1 || NotName(i + 1) || GazPerson(i + 1)) continue;
      bool complement = false;
      for (int j = i + 2; j < n_ && j <= i + 3 && !Breaks(j); ++j)
        if ((w_[j].key.rfind("\u0644\u0644", 0) == 0 && !NisbaLike(j) && ClassOfWord(j) != WordClass::kOrgHead) ||
            (LamConstruct(j) && InstitutionAdjective(j - 1)))
          complement = true;
      // "البنك المركزي الألماني": two adjectives, the last a country's.
      if (NisbaLike(i + 1) && PlaceNisba(i + 2) && !NisbaLike(i)) complement = true;
      if (!complement) continue;
    }
    if (c != WordClass::kOrgHead && c != WordClass::kPlaceHead) continue;
    int k = i + 1;
    // صحيفة "الرياض"، وكالة «نوفوستي»، مدينة "ايوو": the quoted words are the name.
    if ((c == WordClass::kOrgHead || c == WordClass::kPlaceHead) && k + 1 < n_ && w_[k].punct && IsQuoteMark(w_[k].cp) && !w_[k + 1].break_before) {
      int close = -1;
      for (int j = k + 1; j < n_ && j <= k + 5 && !w_[j].break_before; ++j)
        if (w_[j].punct) {
          if (IsQuoteMark(w_[j].cp)) close = j;
          break;
        }
      if (close > k + 1 && gaz_at_[k + 1].entry < 0) {
        Candidate o = CandidateOver(c == WordClass::kPlaceHead ? "place" : "organization", k + 1, close - 1);
        o.role_first = i;
        o.source = Source::kHead;
        cands_.push_back(o);
      }
      return;
    }
    if (k >= n_ || Breaks(k) || !Arabic(k) || NotName(k) || VerbOf(k)) return;
    if (c == WordClass::kPlaceHead) {
      if (gaz_at_[k].entry >= 0 || ClassOfWord(k) != WordClass::kNone || ConjStart(k)) return;
      Candidate p = CandidateOver("place", k, k);
      p.source = Source::kHead;
      cands_.push_back(p);
      return;
    }
    int last = i;
    bool after_complement = false;  // the last word taken was a ل-complement or a و-list member after one
    for (int j = k; j < n_ && j - i < kMaxOrgWords; ++j) {
      // "المديرية العامة للشؤون الصحية بمنطقة الرياض": a region with its
      // head word ends a regional institution's name.
      if (j > k && !Breaks(j) && Arabic(j) && ClassOfWord(j) == WordClass::kPlaceHead && j + 1 < n_ && !Breaks(j + 1) &&
          gaz_at_[j + 1].entry >= 0 && lex_.entries()[gaz_at_[j + 1].entry].type == "place" && gaz_at_[j + 1].skip == 0) {
        last = j + gaz_at_[j + 1].words;
        break;
      }
      if (j > k && gaz_at_[j].entry >= 0 && lex_.entries()[gaz_at_[j].entry].type == "place" && gaz_at_[j].words > 1 &&
          gaz_at_[j].skip > 0) {
        last = j + gaz_at_[j].words - 1;
        break;
      }
      if (Breaks(j) || !Arabic(j) || NotName(j)) break;
      // "السياسية والاستراتيجية": coordinated adjectives stay in the name.
      // "للمواصفات والمقاييس والجودة": a و-list of definite nouns after a
      // ل-complement is the complement's.
      bool complement_list = after_complement && IsDefinite(w_[j].forms.back().key) && !GazPerson(j) &&
                             ClassOfWord(j) != WordClass::kOrgHead && ClassOfWord(j) != WordClass::kTitle;
      if (ConjStart(j) && !complement_list &&
          !(j > k && NisbaLike(j - 1) && IsDefinite(w_[j].forms.back().key) && NisbaLike(j)))
        break;
      // "البرنامج الوطني لكفاءة الطاقة", "صندوق الأمير فلان بن فلان لتنمية
      // المرأة": ل-construct after an adjective or a royal name.
      if (j > k && LamConstruct(j) && (NisbaLike(j - 1) || InstitutionAdjective(j - 1) || Given(j - 1))) {
        last = j + 1;
        ++j;
        after_complement = true;
        continue;
      }
      if (gaz_at_[j].entry >= 0 && lex_.entries()[gaz_at_[j].entry].type != "place") break;
      // "مستشفى الأمل بجدة": a city after a glued preposition says where the
      // institution is; "بمنطقة الرياض" (a region with its head word) stays.
      if (gaz_at_[j].entry >= 0 && gaz_at_[j].skip > 0 && ClassOfWord(j) != WordClass::kPlaceHead) {
        std::string_view clitics = w_[j].text.substr(0, std::min(gaz_at_[j].skip, w_[j].text.size()));
        if (clitics.find("\u0628") != std::string_view::npos || clitics.find("\u0644") != std::string_view::npos) break;
      }
      // Definite words, also after ل ("مركز الملك سلمان للإغاثة"); ب+ال is an
      // adverbial ("بالتعاون").
      bool definite = IsDefinite(w_[j].key);
      for (const auto& g : w_[j].forms)
        if (g.skip == 2 && !g.conj && IsDefinite(g.key) && w_[j].key.rfind("\u0644", 0) == 0) definite = true;
      // لل = ل + ال: a complement ("للدراسات السياسية", "لرعاية الشباب") when
      // more of the name follows or the clause ends; not a purpose ("للتأكد
      // من") nor another institution ("للنادي").
      if (w_[j].key.rfind("\u0644\u0644", 0) == 0 && Letters(w_[j].key) > 4) {
        bool region = j + 1 < n_ && !Breaks(j + 1) && gaz_at_[j + 1].entry >= 0 && gaz_at_[j + 1].skip > 0 &&
                      gaz_at_[j + 1].words > 1 && lex_.entries()[gaz_at_[j + 1].entry].type == "place";
        bool more = j + 1 >= n_ || w_[j + 1].break_before || (w_[j + 1].punct && w_[j + 1].cp == U'.') || region ||
                    (Arabic(j + 1) && IsDefinite(w_[j + 1].key) && w_[j + 1].forms.size() == 1 && !NotName(j + 1)) ||
                    // "للمواصفات والمقاييس": a و-list of the complement follows.
                    (Arabic(j + 1) && ConjStart(j + 1) && IsDefinite(w_[j + 1].forms.back().key) && !NotName(j + 1));
        if (!more || ClassOfWord(j) == WordClass::kOrgHead || GazPerson(j)) break;
        definite = true;
      }
      if (ConjStart(j)) definite = true;  // checked above: و + a coordinated adjective
      // Titles belong to an institution's name only as the royal names it
      // carries ("جامعة الملك سعود"), not as a person after it.
      // ... and only right after the head: "النادي الأهلي الأمير فهد" is the
      // club, then its president.
      if (ClassOfWord(j) == WordClass::kTitle && (!RoyalTitle(j) || j > k)) break;
      // A given name belongs to the institution only after a royal title
      // ("مستشفى الملك فهد"), not "وزارة العدل مايكل هيروفتس".
      // ... and its nasab: "صندوق الأمير سلطان بن عبدالعزيز".
      bool royal_name = Given(j) && j > k &&
                        (RoyalTitle(j - 1) || (j >= k + 2 && lex_.ClassOf(w_[j - 1].key) == WordClass::kConnector &&
                                               Given(j - 2) && last == j - 1));
      bool ok = definite || gaz_at_[j].entry >= 0 || royal_name || lex_.ClassOf(w_[j].key) == WordClass::kConnector;
      if (!ok) break;
      after_complement = w_[j].key.rfind("\u0644\u0644", 0) == 0 || (after_complement && ConjStart(j));
      if (gaz_at_[j].entry >= 0) j += gaz_at_[j].words - 1;
      last = j;
      // "حزب الشعب الديموقراطي التركي الموالي للأكراد": the country's
      // adjective ends the name; what follows describes the institution.
      if (j > k && PlaceNisba(j)) break;
    }
    if (last == i) return;
    Candidate o = CandidateOver("organization", i, last, f.skip);
    o.source = Source::kHead;
    cands_.push_back(o);
    return;
  }
}

std::vector<std::string> Finder::RoleKeys(std::string_view role) const {
  std::vector<std::string> keys;
  for (const Word& w : Words(role)) {
    if (w.punct || !w.letters) continue;
    keys.push_back(text::NameKey(w.forms.back().key));
    if (w.forms.size() > 1) keys.push_back(text::NameKey(w.key));
  }
  return keys;
}

NameFinding Finder::Run() {
  text_role_at_.clear();
  ScanGazetteer();
  for (int i = 0; i < n_; ++i) {
    OutletPattern(i);
    if (w_[i].punct) continue;
    TitlePattern(i);
    TitleAfterPattern(i);
    VerbPattern(i);
    NisbaPattern(i);
    GivenNamePattern(i);
    HeadPattern(i);
  }
  NameFinding out;
  Resolve(&out);
  return out;
}

void Finder::Resolve(NameFinding* out) {
  // 1. Overlaps: the longer span wins, then the more reliable source.
  std::vector<int> order(cands_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const Candidate& x = cands_[a];
    const Candidate& y = cands_[b];
    if (x.weak != y.weak) return !x.weak;
    bool gx = x.source == Source::kGazetteer && x.type == "person";
    bool gy = y.source == Source::kGazetteer && y.type == "person";
    if (gx != gy) return gx;
    int lx = x.last - x.first, ly = y.last - y.first;
    if (lx != ly) return lx > ly;
    return x.source < y.source;
  });
  std::vector<int> owner(n_, -1);
  std::vector<int> kept;
  // A lone word after a speech verb that the article uses again ("وقالت
  // هونج" ... "لهونج") is a name.
  for (auto& c : cands_) {
    if (!c.weak || c.source != Source::kVerb || c.first != c.last || IsDefinite(w_[c.first].key)) continue;
    // "نقل كفالة العامل": a feminine noun, or a noun in construct with a
    // definite word after it, is the verb's object, not a name.
    if (TaMarbuta(c.first)) continue;
    if (c.first + 1 < n_ && !Breaks(c.first + 1) && Arabic(c.first + 1) && IsDefinite(w_[c.first + 1].key) &&
        !NisbaLike(c.first + 1))
      continue;
    std::string nk = text::NameKey(w_[c.first].key);
    int seen = 0;
    for (int m = 0; m < n_ && seen < 2; ++m)
      if (m != c.first && w_[m].letters)
        for (const auto& f : w_[m].forms)
          // A name does not take the article: "الكفالة" elsewhere is the noun.
          if (!IsDefinite(f.key) &&
              (f.key == w_[c.first].key || (Letters(f.key) >= 4 && text::NameKey(f.key) == nk))) {
            ++seen;
            break;
          }
    if (seen >= 1) c.weak = false;
  }
  for (auto& c : cands_) {
    if (!c.weak || !c.confirm_by_surname || c.last <= c.first) continue;
    const std::string& lk = w_[c.last].key;
    if (Letters(lk) < 4) continue;
    for (int m = 0; m < n_ && c.weak; ++m) {
      if (m >= c.first && m <= c.last) continue;
      if (!w_[m].letters) continue;
      for (const auto& f : w_[m].forms)
        if (f.key == lk) {
          c.weak = false;
          break;
        }
    }
  }
  for (int ci : order) {
    const Candidate& c = cands_[ci];
    // "تنظيم القاعدة الإرهابي": a pattern that only adds words to a listed
    // name of the same type is that name.
    if (c.source != Source::kGazetteer && gaz_at_[c.first].entry >= 0 &&
        lex_.entries()[gaz_at_[c.first].entry].type == c.type)
      continue;
    bool free = true;
    for (int m = c.first; m <= c.last; ++m) free = free && owner[m] < 0;
    if (!free) continue;
    for (int m = c.first; m <= c.last; ++m) owner[m] = ci;
    kept.push_back(ci);
  }
  std::sort(kept.begin(), kept.end(), [&](int a, int b) { return cands_[a].start < cands_[b].start; });

  // 2. Entities. Key: gazetteer entry, else type + name key.
  struct Building {
    Entity e;
    std::vector<std::string> name_words;  // name keys of the canonical name's words
    std::vector<std::string> role_keys;
    int last_ref = -1;
  };
  std::vector<Building> ents;
  std::map<std::string, int> by_key;
  // The name a mention spells. "للنادي الأهلي" (ل + ال with the alef
  // dropped) cannot be sliced without its ل: its name is "النادي الأهلي".
  auto surface_of = [&](const Candidate& c) {
    std::string s(body_.substr(c.start, c.end - c.start));
    if (c.type != "person" && s.rfind("\u0644\u0644", 0) == 0 && w_[c.first].key.rfind("\u0644\u0644", 0) == 0 &&
        Letters(w_[c.first].key) > 4)
      s = "\u0627" + s.substr(2);
    return s;
  };
  auto name_key_of = [&](const Candidate& c) { return text::NameKeyPhrase(surface_of(c)); };
  struct Ref {
    int entity;
    int first, last;
    size_t start, end;
    int role_first = -1;
  };
  std::vector<Ref> refs;
  std::vector<int> weak;
  for (int ci : kept) {
    Candidate& c = cands_[ci];
    if (c.weak) {
      weak.push_back(ci);
      continue;
    }
    std::string key;
    int gaz = c.gaz;
    std::string nk;
    if (gaz < 0 && c.type == "person") {
      nk = name_key_of(c);
      gaz = lex_.PersonByNameKey(nk);
    }
    if (gaz >= 0) {
      key = "g:" + std::to_string(gaz);
    } else {
      key = c.type + ":" + (nk.empty() ? name_key_of(c) : nk);
    }
    auto it = by_key.find(key);
    int idx;
    if (it == by_key.end()) {
      idx = static_cast<int>(ents.size());
      by_key.emplace(key, idx);
      Building b;
      b.e.type = gaz >= 0 ? lex_.entries()[gaz].type : c.type;
      b.e.name = gaz >= 0 ? lex_.entries()[gaz].canonical : surface_of(c);
      b.name_words = SplitWords(text::NameKeyPhrase(b.e.name));
      if (gaz >= 0 && b.e.type == "person") b.role_keys = RoleKeys(lex_.entries()[gaz].role);
      ents.push_back(std::move(b));
    } else {
      idx = it->second;
    }
    std::string role = c.role;
    int role_first = c.role_first;
    if (role.empty()) {
      auto r = text_role_at_.find(c.first);
      if (r != text_role_at_.end()) std::tie(role, role_first) = r->second;
    }
    if (!c.role_words.empty()) {
      auto rk = RoleKeys(c.role_words);
      ents[idx].role_keys.insert(ents[idx].role_keys.end(), rk.begin(), rk.end());
    }
    if (!role.empty() && ents[idx].e.type == "person" && ents[idx].e.role.empty()) {
      ents[idx].e.role = role;
      auto rk = RoleKeys(role);
      ents[idx].role_keys.insert(ents[idx].role_keys.end(), rk.begin(), rk.end());
    }
    // A longer spelling of a pattern-found name becomes its canonical form.
    if (gaz < 0 && c.last - c.first + 1 > static_cast<int>(ents[idx].name_words.size())) {
      ents[idx].e.name = surface_of(c);
      ents[idx].name_words = SplitWords(text::NameKeyPhrase(ents[idx].e.name));
    }
    refs.push_back(Ref{idx, c.first, c.last, c.start, c.end, role_first});
  }

  // 3. People found by pattern whose words end another person's name are that
  // person ("دي ميستورا" in "ستيفان دي ميستورا", "كيري" in "جون كيري").
  auto ends_with = [](const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
    if (shorter.empty() || shorter.size() >= longer.size()) return false;
    return std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
  };
  std::vector<int> merged_into(ents.size(), -1);
  for (size_t a = 0; a < ents.size(); ++a) {
    if (ents[a].e.type != "person") continue;
    for (size_t b = 0; b < ents.size(); ++b) {
      if (a == b || ents[b].e.type != "person" || merged_into[b] >= 0) continue;
      // "خالد بن سلطان" is not "فهد بن خالد بن سلطان": a name that starts
      // with a given name is a person of its own.
      bool own_given = ents[a].name_words.size() > 1 &&
                       lex_.IsGivenName(Lexicon::GivenNameKey(ents[a].e.name.substr(0, ents[a].e.name.find(' '))));
      // "عبدالله الربيعة" after "عبدالله بن عبدالعزيز الربيعة": the short
      // form of a long name keeps its first and last words.
      const auto& aw = ents[a].name_words;
      const auto& bw = ents[b].name_words;
      bool short_form = aw.size() == 2 && bw.size() >= 3 && aw.front() == bw.front() && aw.back() == bw.back() &&
                        Letters(aw.back()) >= 3;
      if ((!own_given && ends_with(ents[b].name_words, ents[a].name_words)) || short_form) {
        merged_into[a] = static_cast<int>(b);
        break;
      }
    }
  }
  // A given name alone ("الأمير محمد", "الدكتور مجدي") is the one person of
  // the article whose name starts with it, when there is exactly one.
  for (size_t a = 0; a < ents.size(); ++a) {
    if (ents[a].e.type != "person" || merged_into[a] >= 0 || ents[a].name_words.size() != 1) continue;
    if (!lex_.IsGivenName(Lexicon::GivenNameKey(ents[a].e.name))) continue;
    int only = -1;
    for (size_t b = 0; b < ents.size(); ++b) {
      if (b == a || ents[b].e.type != "person" || merged_into[b] >= 0 || ents[b].name_words.size() < 2) continue;
      if (ents[b].name_words.front() != ents[a].name_words.front()) continue;
      only = only < 0 ? static_cast<int>(b) : -2;
    }
    if (only >= 0) merged_into[a] = only;
  }
  auto final_of = [&](int e) {
    while (merged_into[e] >= 0) e = merged_into[e];
    return e;
  };
  for (auto& r : refs) r.entity = final_of(r.entity);
  for (size_t a = 0; a < ents.size(); ++a) {
    if (merged_into[a] < 0) continue;
    int b = final_of(static_cast<int>(a));
    if (ents[b].e.role.empty() && !ents[a].e.role.empty()) ents[b].e.role = ents[a].e.role;
    ents[b].role_keys.insert(ents[b].role_keys.end(), ents[a].role_keys.begin(), ents[a].role_keys.end());
  }

  // 4. Surnames alone ("لافروف", "والجبير") and weak speech-verb subjects
  // resolve to a person of two words or more whose last word they are.
  std::unordered_map<std::string, int> surname;
  std::unordered_map<int, std::string> surname_key;  // search key of the surname as written
  for (size_t e = 0; e < ents.size(); ++e) {
    if (merged_into[e] >= 0 || ents[e].e.type != "person" || ents[e].name_words.size() < 2) continue;
    const std::string& last = ents[e].name_words.back();
    // In "محمد بن سلمان" or "الملك سلمان بن عبد العزيز" the last word is a
    // father's or God's name, not a surname to stand alone.
    {
      std::vector<std::string> words = SplitWords(text::SearchKey(ents[e].e.name));
      // "وائل أبو فاعور": أبو + name is a family name, taken whole below.
      if (words.size() >= 3 && words[words.size() - 2] == "\u0627\u0628\u0648") kunya_.insert(static_cast<int>(e));
      else if (words.size() >= 2 && lex_.ClassOf(words[words.size() - 2]) == WordClass::kConnector) continue;
    }
    {
      std::string n = text::SearchKey(ents[e].e.name);
      surname_key[static_cast<int>(e)] = n.substr(n.rfind(' ') + 1);
    }
    if (IsCompoundTail(last) || Letters(last) < 2) continue;
    auto [it, fresh] = surname.emplace(last, static_cast<int>(e));
    if (!fresh && it->second != static_cast<int>(e)) it->second = -1;  // two people share it: ambiguous
  }
  std::vector<bool> covered(n_, false);
  for (const auto& r : refs)
    for (int m = r.first; m <= r.last; ++m) covered[m] = true;
  for (int i = 0; i < n_; ++i) {
    if (covered[i] || !Arabic(i) || NotName(i)) continue;
    for (const auto& f : w_[i].forms) {
      if (Letters(f.key) < 3) continue;
      auto it = surname.find(text::NameKey(f.key));
      if (it == surname.end() || it->second < 0) continue;
      // Name keys fold a lot (جرى and كيري meet): the word must agree with
      // the surname as written on the article, and short words exactly.
      const std::string& written = surname_key[it->second];
      if (IsDefinite(f.key) != IsDefinite(written)) continue;
      if ((Letters(f.key) < 6 || Letters(written) < 6) && f.key != written) continue;
      if (Verbish(i)) continue;  // سيعود is no سعود
      int first = i;
      size_t start = w_[i].start + f.skip;
      if (kunya_.count(it->second)) {
        // Only as "أبو فاعور", never "فاعور" alone.
        if (f.skip != 0 || i == 0 || Breaks(i) || w_[i - 1].forms.back().key != "\u0627\u0628\u0648") continue;
        first = i - 1;
        start = w_[i - 1].start + w_[i - 1].forms.back().skip;
      }
      // "دي ميستورا": take the particle along.
      if (f.skip == 0 && i > 0 && !Breaks(i) && lex_.ClassOf(w_[i - 1].key) == WordClass::kParticle) {
        first = i - 1;
        start = w_[i - 1].start;
      }
      refs.push_back(Ref{it->second, first, i, start, w_[i].end});
      covered[i] = true;
      break;
    }
  }
  (void)weak;
  std::sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) { return a.start < b.start; });

  // 5. Role mentions resolve to the latest person before them whose role
  // has the same title and every modifier ("الوزير الروسي" -> وزير الخارجية الروسي).
  std::vector<Reference> role_refs;
  for (const auto& rm : roles_) {
    if (covered[rm.first]) continue;
    int best = -1;
    size_t best_pos = 0;
    for (const auto& r : refs) {
      if (r.start >= rm.start) break;
      const Building& b = ents[r.entity];
      if (b.e.type != "person") continue;
      const auto& rk = b.role_keys;
      // البحريني meets البحرين: one name key a prefix of the other.
      auto has = [&](const std::string& k) {
        for (const auto& r : rk)
          if (r == k || (Letters(k) >= 3 && Letters(r) >= 3 && (r.rfind(k, 0) == 0 || k.rfind(r, 0) == 0))) return true;
        return false;
      };
      if (!rm.counterpart && !has(rm.head)) continue;
      if (rm.counterpart && rm.modifiers.empty()) continue;
      bool all = true;
      for (const auto& m : rm.modifiers) all = all && has(m);
      if (!all) continue;
      if (r.start >= best_pos || best < 0) {
        best = r.entity;
        best_pos = r.start;
      }
    }
    Reference ref;
    ref.first = rm.first;
    ref.last = rm.last;
    ref.start = rm.start;
    ref.end = rm.end;
    ref.by_role = true;
    if (best >= 0) {
      ref.entity = best;
      role_refs.push_back(ref);
    } else {
      out->unresolved_roles.push_back(ref);
    }
  }

  // "المملكة" alone is the kingdom the article names ("المملكة العربية
  // السعودية"، "الأردن"): the listed country one of whose names starts with
  // المملكة, the most mentioned when several are (so the United Kingdom
  // named once in passing does not take it). With none named it stays
  // "المملكة".
  {
    static const std::string kKingdom = text::SearchKey("\u0627\u0644\u0645\u0645\u0644\u0643\u0629");
    static const std::unordered_set<int> kingdoms = [&] {
      std::unordered_set<int> k;
      for (const auto& [phrase, entry] : lex_.phrases())
        if (phrase.rfind(kKingdom + " ", 0) == 0 && lex_.entries()[entry].type == "place") k.insert(entry);
      return k;
    }();
    int alone = -1;
    std::unordered_map<int, int> count;
    for (const auto& r : refs) ++count[r.entity];
    int best = -1;
    for (const auto& [key, e] : by_key) {
      if (key.rfind("g:", 0) != 0 || ents[e].e.type != "place") continue;
      int entry = std::stoi(key.substr(2));
      if (text::SearchKey(lex_.entries()[entry].canonical) == kKingdom) alone = e;
      else if (kingdoms.count(entry) && (best < 0 || count[e] > count[best])) best = e;
    }
    if (alone >= 0 && best >= 0)
      for (auto& r : refs)
        if (r.entity == alone) r.entity = best;
  }
  // 6. Output, entities in order of first mention.
  std::vector<int> new_index(ents.size(), -1);
  for (const auto& r : refs) {
    if (new_index[r.entity] >= 0) continue;
    new_index[r.entity] = static_cast<int>(out->entities.size());
    Building& b = ents[r.entity];
    if (b.e.type == "person" && b.e.role.empty()) {
      auto g = by_key.end();
      for (auto it = by_key.begin(); it != by_key.end(); ++it)
        if (it->second == r.entity && it->first.rfind("g:", 0) == 0) g = it;
      if (g != by_key.end()) b.e.role = lex_.entries()[std::stoi(g->first.substr(2))].role;
    }
    out->entities.push_back(Entity{b.e.type, b.e.name, {}, b.e.role, {}});
  }
  for (const auto& r : refs) {
    Entity& e = out->entities[new_index[r.entity]];
    std::string s(body_.substr(r.start, r.end - r.start));
    if (std::find(e.surfaces.begin(), e.surfaces.end(), s) == e.surfaces.end()) e.surfaces.push_back(s);
    e.mentions.push_back(Span{r.start, r.end});
    out->references.push_back(Reference{new_index[r.entity], r.first, r.last, r.start, r.end, false, r.role_first});
  }
  for (auto& rr : role_refs) {
    rr.entity = new_index[rr.entity];
    if (rr.entity >= 0) out->references.push_back(rr);
  }
  std::sort(out->references.begin(), out->references.end(),
            [](const Reference& a, const Reference& b) { return a.start < b.start; });
}

}  // namespace

NameFinding FindNames(std::string_view body, const std::vector<Word>& words) {
  Finder f(body, words);
  return f.Run();
}

}  // namespace malaf::entities
