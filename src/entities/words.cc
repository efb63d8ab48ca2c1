#include "entities/words.h"

#include <algorithm>

#include "text/normalizer.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace malaf::entities {
namespace {

constexpr std::string_view kAl = "\u0627\u0644";
constexpr std::string_view kWaw = "\u0648";
constexpr std::string_view kFa = "\u0641";
constexpr std::string_view kBa = "\u0628";
constexpr std::string_view kLam = "\u0644";
constexpr std::string_view kKaf = "\u0643";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

size_t Letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsDefinite(std::string_view key) { return StartsWith(key, kAl) && Letters(key) > 3; }

std::vector<Word> Words(std::string_view body) {
  text::TokenizerOptions opt;
  opt.emit_punctuation = true;
  std::vector<text::Token> tokens = text::Tokenize(body, opt);
  std::vector<Word> words;
  words.reserve(tokens.size());
  size_t prev_end = 0;
  for (const auto& t : tokens) {
    Word w;
    w.text = t.text;
    w.start = t.start;
    w.end = t.end;
    w.break_before = body.substr(prev_end, t.start - prev_end).find('\n') != std::string_view::npos;
    prev_end = t.end;
    if (t.type == text::TokenType::kPunct) {
      w.punct = true;
      size_t i = 0;
      w.cp = text::NextCodePoint(t.text, i);
      words.push_back(std::move(w));
      continue;
    }
    w.letters = t.type == text::TokenType::kArabic || t.type == text::TokenType::kLatin;
    w.key = text::SearchKey(t.text);
    w.forms.push_back(WordForm{w.key, 0, false});
    if (t.type == text::TokenType::kArabic) {
      // و/ف then ب/ل/ك; لل+noun is ل+ال+noun with the alef dropped.
      size_t n = w.forms.size();
      for (size_t f = 0; f < n; ++f) {
        const std::string k = w.forms[f].key;
        if ((StartsWith(k, kWaw) || StartsWith(k, kFa)) && Letters(k) > 3)
          w.forms.push_back(WordForm{k.substr(2), w.forms[f].skip + 2, true});
      }
      n = w.forms.size();
      for (size_t f = 0; f < n; ++f) {
        const std::string k = w.forms[f].key;
        if (StartsWith(k, std::string(kLam) + std::string(kLam)) && Letters(k) > 4) {
          w.forms.push_back(WordForm{std::string(kAl) + k.substr(4), w.forms[f].skip, w.forms[f].conj});
        } else if ((StartsWith(k, kBa) || StartsWith(k, kLam) || StartsWith(k, kKaf)) && Letters(k) > 3) {
          w.forms.push_back(WordForm{k.substr(2), w.forms[f].skip + 2, w.forms[f].conj});
        }
      }
    }
    // Skips were counted on the key (two bytes a clitic letter); move them
    // onto the written word, one code point a letter, so that offsets always
    // fall on character boundaries of the body.
    for (auto& f : w.forms) {
      size_t letters = f.skip / 2, at = 0;
      for (size_t n = 0; n < letters && at < w.text.size(); ++n) text::NextCodePoint(w.text, at);
      f.skip = std::min(at, w.text.size());
    }
    words.push_back(std::move(w));
  }
  return words;
}

}  // namespace malaf::entities
