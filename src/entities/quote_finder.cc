#include "entities/quote_finder.h"

#include <algorithm>
#include <string>

#include "entities/lexicon.h"
#include "text/normalizer.h"
#include "text/stemmer.h"

namespace malaf::entities {
namespace {

constexpr int kMaxSubjectDistance = 14;  // words from a speech verb to its subject's name
constexpr int kMaxAfterQuote = 4;        // words from a closing mark to a verb of attribution

bool IsSentenceEnd(const Word& w) {
  return w.punct && (w.cp == U'.' || w.cp == U'!' || w.cp == U'?' || w.cp == U'\u061F' || w.cp == U'\u06D4');
}
bool IsComma(const Word& w) { return w.punct && (w.cp == U',' || w.cp == U'\u060C'); }
bool IsQuoteMark(char32_t c) {
  return c == U'"' || c == U'\u00AB' || c == U'\u00BB' || c == U'\u201C' || c == U'\u201D' || c == U'\u201E';
}

struct QuoteSpan {
  int open = 0, close = 0;  // word indices of the marks; for an unclosed quotation close == last
  int last = 0;             // last word of the quoted text
  bool unclosed = false;    // no closing mark: the quotation runs to its paragraph's end
  bool continued = false;   // a paragraph that goes on with the quotation before it (open is
                            // the previous paragraph's last word)
};

// Who speaks, as found in the text.
struct Subject {
  int entity = -1;        // into NameFinding::entities
  std::string surface;    // as the text names them
  bool found = false;     // a subject was written (even if not resolved)
};

// One speech verb in the text, with the subject written after it.
struct SpeechEvent {
  int word = 0;
  const SpeechVerb* verb = nullptr;
  Subject subject;
};

class QuoteFinder {
 public:
  QuoteFinder(std::string_view body, const std::vector<Word>& words, const NameFinding& names, size_t min_words)
      : lex_(Lexicon::Get()), body_(body), w_(words), names_(names), n_(static_cast<int>(words.size())),
        min_words_(min_words) {
    ref_at_.assign(n_, -1);
    for (size_t r = 0; r < names_.references.size(); ++r) {
      const Reference& ref = names_.references[r];
      if (ref.first >= 0 && ref.first < n_ && ref_at_[ref.first] < 0) ref_at_[ref.first] = static_cast<int>(r);
      // "وقال السفير الروسي لدى الأمم المتحدة فيتالي تشوركين": the role
      // leads to the person, whatever names it contains.
      if (ref.role_first >= 0 && ref.role_first < n_) ref_at_[ref.role_first] = static_cast<int>(r);
    }
    role_at_.assign(n_, -1);
    for (size_t r = 0; r < names_.unresolved_roles.size(); ++r) {
      const Reference& ref = names_.unresolved_roles[r];
      if (ref.first >= 0 && ref.first < n_) role_at_[ref.first] = static_cast<int>(r);
    }
  }

  std::vector<Quote> Run();

 private:
  const SpeechVerb* VerbOf(int i) const {
    if (w_[i].punct) return nullptr;
    for (const auto& f : w_[i].forms) {
      if (f.skip > 2 || (f.skip == 2 && !f.conj)) continue;
      if (const SpeechVerb* v = lex_.Verb(f.key)) return v;
    }
    return nullptr;
  }
  std::vector<QuoteSpan> Spans() const;
  // A name after a preposition ("إلى حزب العمال", "للزويهري") is an
  // object, never the subject of a speech verb.
  bool Object(const Reference& r) const {
    const Word& w = w_[r.first];
    std::string_view clitics = w.text.substr(0, r.start > w.start ? std::min(r.start - w.start, w.text.size()) : 0);
    for (std::string_view p : {"\u0628", "\u0644", "\u0643"})
      if (clitics.find(p) != std::string_view::npos) return true;
    if (w.key.rfind("\u0644\u0644", 0) == 0 && r.start == w.start) return true;  // لل + noun
    int p = r.first - 1;
    if (p >= 0 && w_[p].punct && IsQuoteMark(w_[p].cp)) --p;  // مع "لافروف"
    if (p < 0 || w_[p].punct) return false;
    return lex_.ClassOf(w_[p].key) == WordClass::kPreposition || w_[p].key == "\u0644" || w_[p].key == "\u0628" ||
           w_[p].key == "\u0645\u0639" ||  // مع
           w_[p].key == "\u0645\u0646";    // من
  }
  // A name after أن/إن in its sentence is the subject of a reported clause
  // ("وقال إن المبعوث فلان سيحضر"), not of the sentence.
  bool InReportedClause(const Reference& r) const {
    for (int j = r.first - 1; j >= 0 && r.first - j <= 20; --j) {
      if (IsSentenceEnd(w_[j]) || w_[j + 1].break_before) return false;
      if (w_[j].punct) continue;
      for (const auto& f : w_[j].forms)
        if (f.key == "\u0627\u0646" && (f.skip == 0 || f.conj || j == r.first - 1)) return true;  // أن، إن، بأن
    }
    return false;
  }
  bool Introduced(int open) const;
  bool ParenIntroduced(int open) const;
  // A noun written as the subject of a speech verb that names nobody.
  bool UnnamedSubject(int j) const;
  int LostOpening(int mark, int from) const;
  int Continuation(int mark, int from, const std::vector<QuoteSpan>& spans) const;
  Subject SubjectAfter(int i, int limit) const;
  void CollectEvents();
  Subject Current(int before_word) const;
  std::string Surface(const Reference& r) const { return std::string(body_.substr(r.start, r.end - r.start)); }

  const Lexicon& lex_;
  std::string_view body_;
  const std::vector<Word>& w_;
  const NameFinding& names_;
  int n_;
  size_t min_words_;
  std::vector<int> ref_at_;
  std::vector<int> role_at_;
  std::vector<SpeechEvent> events_;
  // Speakers of quotations already attributed, by the word of their opening mark.
  std::vector<std::pair<int, Subject>> spoken_;
};

// True when the words just before `open` introduce speech: a colon or a
// speech verb (with at most two words between, "وقال للصحفيين"), or the
// paragraph's start.
bool QuoteFinder::Introduced(int open) const {
  if (open == 0 || w_[open].break_before) return true;
  for (int j = open - 1; j >= 0 && open - j <= 3; --j) {
    if (w_[j].punct) return w_[j].cp == U':' && j == open - 1;
    if (VerbOf(j)) return true;
    if (w_[j].break_before) break;
  }
  return false;
}

// An opening parenthesis after a speech verb and its subject ("وقال
// الوزير (…", "وأضاف: (…"), with nothing but words or a colon between.
bool QuoteFinder::UnnamedSubject(int j) const {
  const Word& w = w_[j];
  if (w.punct || !w.letters || ref_at_[j] >= 0 || role_at_[j] >= 0 || VerbOf(j)) return false;
  if (text::IsStopword(w.key)) return false;
  for (const auto& f : w.forms) {
    if (f.skip > 0 && !f.conj) return false;  // "بالتفصيل", "للصحفيين": not a subject
    WordClass c = lex_.ClassOf(f.key);
    if (c != WordClass::kNone) return false;  // a title or head: a name may follow it
    if (IsDefinite(f.key) && lex_.ClassOf(f.key.substr(4)) != WordClass::kNone) return false;
  }
  if (IsDefinite(w.key)) return Letters(w.key) >= 5;
  // In construct: "والدة الطفلة", not "أيضا" or a name we did not find.
  return j + 1 < n_ && !w_[j + 1].punct && !w_[j + 1].break_before && IsDefinite(w_[j + 1].key) &&
         w.key.size() >= 2 &&
         w.key.compare(w.key.size() - 2, 2, "\u0647") == 0;  // a feminine noun (ة, folded to ه)
}

bool QuoteFinder::ParenIntroduced(int open) const {
  if (open == 0 || w_[open].break_before) return false;
  // At most two words of subject: a longer one ("أعلنت المنظمة العربية
  // للتنمية (وهي …)") is an institution's name with an aside after it.
  int colon = open > 0 && w_[open - 1].punct && w_[open - 1].cp == U':' ? 1 : 0;
  for (int j = open - 1; j >= 0 && open - j <= 3 + colon; --j) {
    if (w_[j].punct && !(w_[j].cp == U':' && j == open - 1)) return false;
    if (VerbOf(j)) return true;
    if (w_[j].break_before) break;
  }
  return false;
}

// 'وأضاف: نحن قريبون من الاتفاق".': a closing mark whose opening mark was
// lost; the quotation starts after the colon of a speech verb earlier in
// the paragraph, with no other quote mark between. Returns the colon or -1.
int QuoteFinder::LostOpening(int mark, int from) const {
  for (int j = mark - 1; j >= from && j >= 0; --j) {
    if (w_[j].punct && IsQuoteMark(w_[j].cp)) return -1;
    if (w_[j].punct && w_[j].cp == U':') {
      // The verb and its subject before the colon ("وأضاف خالد المطيري:").
      for (int v = j - 1; v >= 0 && j - v <= 8; --v) {
        if (w_[v].punct && !IsComma(w_[v])) break;
        if (VerbOf(v)) return j;
        if (w_[v].break_before) break;
      }
      return -1;
    }
    if (w_[j].break_before) return -1;
  }
  return -1;
}

// A quotation over several paragraphs: the paragraph before ended inside a
// quotation left open, and this one ends with the closing mark and no
// opening mark of its own. Returns the paragraph's first word or -1.
int QuoteFinder::Continuation(int mark, int from, const std::vector<QuoteSpan>& spans) const {
  int para = mark;
  while (para > 0 && !w_[para].break_before) --para;
  if (para <= 0 || para < from || mark <= para || spans.empty()) return -1;
  const QuoteSpan& prev = spans.back();
  if (!prev.unclosed || prev.last + 1 != para) return -1;
  for (int j = para; j < mark; ++j)
    if (w_[j].punct && IsQuoteMark(w_[j].cp)) return -1;
  return para;
}

std::vector<QuoteSpan> QuoteFinder::Spans() const {
  std::vector<QuoteSpan> spans;
  int i = 0;
  int done = 0;  // words before this belong to a span already taken
  while (i < n_) {
    // 'وأكد البيان (إن ...)': a statement quoted in parentheses right after
    // a speech verb; the closing parenthesis is often lost, and then the
    // quotation runs to its paragraph's end. Parentheses anywhere else hold
    // asides and abbreviations, never quotations.
    if (w_[i].punct && w_[i].cp == U'(' && i + 1 < n_ && !w_[i + 1].punct && ParenIntroduced(i)) {
      int close = -1, last = i, depth = 0;
      for (int j = i + 1; j < n_ && !w_[j].break_before; ++j) {
        last = j;
        if (!w_[j].punct) continue;
        if (w_[j].cp == U'(') ++depth;
        if (w_[j].cp == U')' && depth-- == 0) {
          close = j;
          break;
        }
      }
      int end = close >= 0 ? close - 1 : last;
      while (end > i && w_[end].punct && !IsSentenceEnd(w_[end])) --end;
      int words = 0;
      for (int j = i + 1; j <= end; ++j) words += !w_[j].punct;
      if (words >= 4) {
        spans.push_back(QuoteSpan{i, close >= 0 ? close : end, end, close < 0});
        i = (close >= 0 ? close : end) + 1;
        done = i;
        continue;
      }
    }
    if (!w_[i].punct || !IsQuoteMark(w_[i].cp) || w_[i].cp == U'\u00BB') {
      if (i < n_ && w_[i].punct && w_[i].cp == U'\u00BB') {
        int colon = LostOpening(i, done);
        int para = Continuation(i, done, spans);
        if (colon >= 0 && i > colon + 1) {
          spans.push_back(QuoteSpan{colon, i, i - 1, false});
          done = i + 1;
        } else if (para >= 0) {
          spans.push_back(QuoteSpan{para - 1, i, i - 1, false, true});
          done = i + 1;
        }
      }
      ++i;
      continue;
    }
    char32_t open = w_[i].cp;
    int depth = 0;
    int close = -1;
    int para_last = i;  // last word of the paragraph seen so far
    int reopen = -1;    // a straight quote mark that opens the next quotation
    for (int j = i + 1; j < n_; ++j) {
      if (w_[j].break_before) break;
      para_last = j;
      if (!w_[j].punct) continue;
      char32_t c = w_[j].cp;
      if (open == U'\u00AB') {
        if (c == U'\u00AB') ++depth;
        if (c == U'\u00BB') {
          if (depth == 0) {
            close = j;
            break;
          }
          --depth;
        }
      } else if (open == U'"') {
        if (c == U'"') {
          // 'وقال: "' opens a new quotation: the one before had lost its
          // closing mark and ends with the sentence before.
          if (j > i + 1 && w_[j - 1].punct && w_[j - 1].cp == U':' && j + 1 < n_ && !w_[j + 1].break_before &&
              !w_[j + 1].punct) {
            reopen = j;
            break;
          }
          close = j;
          break;
        }
      } else if (c == U'\u201C' || c == U'\u201D') {  // curly pairs in either order, „ closes with either
        close = j;
        break;
      }
    }
    if (close < 0) {
      int colon = open == U'\u00AB' ? -1 : LostOpening(i, done);
      if (colon >= 0 && i > colon + 1) {
        spans.push_back(QuoteSpan{colon, i, i - 1, false});
        done = ++i;
        continue;
      }
      int para = open == U'\u00AB' ? -1 : Continuation(i, done, spans);
      if (para >= 0) {
        spans.push_back(QuoteSpan{para - 1, i, i - 1, false, true});
        done = ++i;
        continue;
      }
      // No closing mark: a quotation introduced as speech runs to the end of
      // its paragraph (or to the sentence before the next quotation).
      int last = para_last;
      if (reopen >= 0) {
        last = -1;
        for (int j = reopen - 1; j > i; --j)
          if (IsSentenceEnd(w_[j])) {
            last = j;
            break;
          }
      }
      if (last > i + 1 && Introduced(i) && !(w_[i + 1].punct)) {
        while (last > i && w_[last].punct && !IsSentenceEnd(w_[last])) --last;
        spans.push_back(QuoteSpan{i, last, last, true});
        i = reopen >= 0 ? reopen : last + 1;
        done = i;
        continue;
      }
      ++i;
      continue;
    }
    // A quotation never opens on a comma or a full stop: this pair is the
    // closing mark of one quotation and the opening mark of the next, so
    // the second mark opens.
    if (close > i + 1 && w_[i + 1].punct && (IsComma(w_[i + 1]) || IsSentenceEnd(w_[i + 1]))) {
      i = close;
      continue;
    }
    spans.push_back(QuoteSpan{i, close, close - 1, false});
    i = close + 1;
    done = i;
  }
  return spans;
}

Subject QuoteFinder::SubjectAfter(int i, int limit) const {
  Subject s;
  for (int j = i + 1; j < n_ && j <= i + limit; ++j) {
    const Word& w = w_[j];
    if (w.break_before) break;
    // "كشف لـ«الاقتصادية» فلان": the outlet spoken to sits between the verb
    // and its subject.
    // (The tokenizer drops a lone "لـ": look at the text between the words.)
    bool lam = (j > i + 1 && w_[j - 1].key == "\u0644") ||
               body_.substr(w_[j - 1].end, w.start - w_[j - 1].end).find("\u0644") != std::string_view::npos;
    if (w.punct && IsQuoteMark(w.cp) && lam) {
      int close = -1;
      for (int m = j + 1; m < n_ && m <= j + 4 && !w_[m].break_before; ++m)
        if (w_[m].punct) {
          if (IsQuoteMark(w_[m].cp)) close = m;
          break;
        }
      if (close < 0) break;
      j = close;
      continue;
    }
    if (w.punct && !IsComma(w)) break;
    if (w.key == "\u0644" && j == i + 1) continue;  // لـ
    if (ref_at_[j] >= 0 && names_.entities[names_.references[ref_at_[j]].entity].type != "place") {
      const Reference& r = names_.references[ref_at_[j]];
      // "ودعا أبو فاعور إلى ... لمجلس النواب": past the subject, a name after
      // a preposition is an object.
      if (Object(r) && r.role_first < 0) break;
      s.entity = r.entity;
      s.surface = Surface(r);
      s.found = true;
      return s;
    }
    if (role_at_[j] >= 0) {
      const Reference& r = names_.unresolved_roles[role_at_[j]];
      s.surface = std::string(body_.substr(r.start, r.end - r.start));
      s.found = true;
      return s;
    }
    // "وقالت والدة الطفلة «…»", "وأكد البيان (…": a noun subject that
    // names nobody (definite, or in construct with a definite word) speaks
    // for nobody named; the quotation is not the last speaker's.
    // Only when the quotation opens right after that phrase: "صرح الخميس
    // أن …" has a time word there, not a subject.
    if (j == i + 1 && UnnamedSubject(j)) {
      int end = j;
      while (end + 1 < n_ && end - j < 2 && !w_[end + 1].punct && !w_[end + 1].break_before &&
             IsDefinite(w_[end + 1].key))
        ++end;
      int m = end + 1;
      if (m < n_ && w_[m].punct && w_[m].cp == U':') ++m;
      if (m < n_ && w_[m].punct && (IsQuoteMark(w_[m].cp) || w_[m].cp == U'(') && !w_[m].break_before) {
        s.surface = std::string(body_.substr(w.start, w_[end].end - w.start));
        s.found = true;
        return s;
      }
    }
    // "وقال إن ..." / "وأضاف أن ...": the subject is not written.
    if (j == i + 1 && lex_.IsNotName(w.key)) break;
    if (VerbOf(j)) break;
  }
  return s;
}

void QuoteFinder::CollectEvents() {
  for (int i = 0; i < n_; ++i) {
    const SpeechVerb* v = VerbOf(i);
    if (!v) continue;
    SpeechEvent e;
    e.word = i;
    e.verb = v;
    if (v->kind == VerbKind::kVerb || v->kind == VerbKind::kAttribution) {
      e.subject = SubjectAfter(i, v->kind == VerbKind::kVerb ? kMaxSubjectDistance : 3);
      // "كيري قال", "وكان المبعوث ... دي ميستورا، قد صرح": the nearest
      // name before the verb in its sentence.
      if (!e.subject.found) {
        int from = i;
        while (from > 0 && i - from < kMaxSubjectDistance && !IsSentenceEnd(w_[from - 1]) && !w_[from].break_before &&
               !(w_[from - 1].punct && IsQuoteMark(w_[from - 1].cp)))
          --from;
        // A person before an organisation: "ورغم أن أردوغان لم يشر إلى حزب
        // العمال، إلا أنه قال" is said by the person, the party is an object.
        const Reference* best = nullptr;
        bool best_person = false;
        for (const auto& r : names_.references) {
          if (r.first < from || r.last >= i || names_.entities[r.entity].type == "place" || Object(r)) continue;
          bool person = names_.entities[r.entity].type == "person";
          if (!best || (person && !best_person) || (person == best_person && r.last > best->last)) {
            best = &r;
            best_person = person;
          }
        }
        if (best) {
          e.subject.entity = best->entity;
          e.subject.surface = Surface(*best);
          e.subject.found = true;
        }
      }
    }
    events_.push_back(e);
  }
}

Subject QuoteFinder::Current(int before_word) const {
  // The latest speaker: of a quotation already attributed, or the written
  // subject of a speech verb.
  Subject best;
  int best_word = -1;
  for (const auto& [word, s] : spoken_)
    if (word < before_word && word > best_word && s.entity >= 0) {
      best = s;
      best_word = word;
    }
  for (const auto& e : events_)
    if (e.word < before_word && e.word > best_word && e.subject.entity >= 0) {
      best = e.subject;
      best_word = e.word;
    }
  // A person named as a subject (not after a preposition) in a sentence
  // after that speaker's, before this verb, has taken over: "وروى فلان
  // قصته ... وقال: «…»". Nobody has spoken yet: the person the article is
  // about so far, a subject before an object.
  int after_word = best_word < 0 ? -1 : best_word;
  while (after_word >= 0 && after_word < n_ && !IsSentenceEnd(w_[after_word]) &&
         !(after_word + 1 < n_ && w_[after_word + 1].break_before))
    ++after_word;
  int subject = -1, any = -1;
  for (const auto& r : names_.references) {
    if (r.last >= before_word || r.first <= after_word || names_.entities[r.entity].type != "person") continue;
    any = r.entity;
    if (!Object(r) && !InReportedClause(r)) subject = r.entity;
  }
  if (subject >= 0) {
    best.entity = subject;
  } else if (best.entity < 0) {
    best.entity = any;
  }
  best.surface.clear();  // referred to by a pronoun or by nothing
  return best;
}

std::vector<Quote> QuoteFinder::Run() {
  CollectEvents();
  std::vector<Quote> out;
  int prev_close = -1;
  Subject prev_speaker;  // of the quotation that ended at prev_close
  for (const QuoteSpan& q : Spans()) {
    int words = 0;
    for (int j = q.open + 1; j <= q.last; ++j) words += w_[j].letters || (!w_[j].punct);
    if (words < static_cast<int>(min_words_)) continue;  // a name or term: part of the sentence
    // Region before the quote: back to the sentence start, the paragraph
    // start or the previous quotation.
    int region = q.open;
    while (region > 0 && region - 1 > prev_close && !IsSentenceEnd(w_[region - 1]) && !w_[region].break_before)
      --region;
    Subject speaker;
    std::string verb;
    if (q.continued) {
      speaker = prev_speaker;
      speaker.surface.clear();
      speaker.found = speaker.entity >= 0;
      region = q.open + 1;
    }
    // 1. A speech verb before the quote in its sentence.
    const SpeechEvent* ev = nullptr;
    for (const auto& e : events_)
      if (!q.continued && e.word >= region && e.word < q.open && e.verb->kind != VerbKind::kAttribution) ev = &e;
    if (ev) {
      verb = ev->verb->lemma;
      speaker = ev->subject.found ? ev->subject : Current(ev->word);
      if (!ev->subject.found && ev->verb->kind == VerbKind::kVerb) {
        // "نقلت الوكالة عن X قوله": the one quoted follows عن.
        for (int j = ev->word + 1; j < q.open; ++j) {
          if (w_[j].key == text::SearchKey("\u0639\u0646") && j + 1 < q.open && ref_at_[j + 1] >= 0) {
            const Reference& r = names_.references[ref_at_[j + 1]];
            speaker = Subject{r.entity, Surface(r), true};
            break;
          }
        }
      }
      // "ونقل موقع النادي عنه قوله: «…»": عنه/عنها is the person spoken of
      // before, whatever the verb's own subject.
      for (int j = ev->word + 1; j < q.open && j <= ev->word + 8; ++j)
        if (w_[j].key == "\u0639\u0646\u0647" || w_[j].key == "\u0639\u0646\u0647\u0627") {
          Subject cur = Current(ev->word);
          if (cur.entity >= 0) speaker = cur;
          break;
        }
    }
    // 2. Headline form "X: «…»" with no verb.
    if (!ev && !q.continued && q.open >= 2 && w_[q.open - 1].punct && w_[q.open - 1].cp == U':') {
      for (const auto& r : names_.references)
        if (r.last == q.open - 2 && names_.entities[r.entity].type != "place") speaker = Subject{r.entity, Surface(r), true};
    }
    // 3. The sentence goes on from the previous quotation with no new verb
    // ("…"، وأن هناك "…"): the same speaker.
    if (!ev && !speaker.found && region == prev_close + 1 && prev_close >= 0 && prev_speaker.entity >= 0) {
      speaker = prev_speaker;
      speaker.surface.clear();
    }
    // 4. A verb of speech or attribution just after the quote.
    if (!ev && !speaker.found && !q.unclosed) {
      for (int j = q.close + 1; j < n_ && j <= q.close + kMaxAfterQuote; ++j) {
        if (w_[j].break_before || IsSentenceEnd(w_[j])) break;
        const SpeechEvent* after = nullptr;
        for (const auto& e : events_)
          if (e.word == j) after = &e;
        if (!after) continue;
        verb = after->verb->lemma;
        speaker = after->subject.found ? after->subject : Current(j);
        break;
      }
    }
    Quote out_q;
    size_t start = q.continued ? w_[q.open + 1].start : w_[q.open].end;
    size_t end = q.unclosed ? w_[q.last].end : w_[q.close].start;
    while (start < end && body_[start] == ' ') ++start;
    while (end > start && body_[end - 1] == ' ') --end;
    out_q.quote = std::string(body_.substr(start, end - start));
    out_q.start = start;
    out_q.end = end;
    out_q.verb = verb;
    if (speaker.entity >= 0) out_q.speaker = names_.entities[speaker.entity].name;
    out_q.speaker_surface = speaker.surface;
    if (speaker.entity >= 0) spoken_.emplace_back(q.open, speaker);
    out.push_back(std::move(out_q));
    prev_close = q.close;
    prev_speaker = speaker;
  }
  // Headline form without marks, a line of its own: "لافروف: نحن على بعد خطوة ...".
  for (const auto& r : names_.references) {
    if (r.by_role || r.first < 0 || r.first >= n_) continue;
    if (!(r.first == 0 || w_[r.first].break_before)) continue;
    int colon = r.last + 1;
    if (colon >= n_ || !w_[colon].punct || w_[colon].cp != U':') continue;
    int last = colon;
    int words = 0;
    bool marks = false;
    for (int j = colon + 1; j < n_ && !w_[j].break_before; ++j) {
      last = j;
      words += !w_[j].punct;
      marks = marks || (w_[j].punct && IsQuoteMark(w_[j].cp));
    }
    if (marks || words < static_cast<int>(min_words_)) continue;
    // The same words quoted with marks elsewhere in the body are that quotation.
    std::string key = text::SearchKey(body_.substr(w_[colon + 1].start, w_[last].end - w_[colon + 1].start));
    bool repeated = false;
    for (const auto& o : out) repeated = repeated || text::SearchKey(o.quote).find(key) != std::string::npos;
    if (repeated) continue;
    Quote q;
    q.start = w_[colon + 1].start;
    q.end = w_[last].end;
    q.quote = std::string(body_.substr(q.start, q.end - q.start));
    q.speaker = names_.entities[r.entity].name;
    q.speaker_surface = Surface(r);
    out.push_back(std::move(q));
  }
  std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.start < b.start; });
  return out;
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view body, const std::vector<Word>& words, const NameFinding& names,
                              size_t min_words) {
  QuoteFinder f(body, words, names, min_words);
  return f.Run();
}

}  // namespace malaf::entities
