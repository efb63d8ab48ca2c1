// ExtractTextPage: main-content cleaning of a text dump of a web page (what
// a browser's select-all-and-copy gives), on lines. The first line is the
// title; the body runs until a tail header (comments, most read, related);
// comment blocks, captions in another script, photo-credit lines, "Published
// On" lines, see-also headlines and widget labels are dropped; short lines
// between paragraphs are kept as sub-headings.
#include <cctype>
#include <string>
#include <vector>

#include "extract/page.h"
#include "extract/page_furniture.h"
#include "extract/page_text_shape.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace malaf {
namespace {

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    lines.push_back(CollapseSpaces(text.substr(i, j - i)));
    i = j + 1;
  }
  return lines;
}

// A reader-comment age line: "·منذ 7 سنوات 8 أشهر", "3 years ago".
bool IsAgeLine(std::string_view line, const TextShape& shape) {
  if (shape.words == 0 || shape.words > 7) return false;
  std::string key = text::SearchKey(line);
  size_t i = 0;
  // Skip bullets and punctuation before the first letter.
  while (i < key.size()) {
    size_t at = i;
    char32_t c = text::NextCodePoint(key, i);
    if (text::IsArabicLetter(c) || (c < 0x80 && std::isalnum(static_cast<int>(c)))) { i = at; break; }
  }
  std::string_view rest = std::string_view(key).substr(std::min(i, key.size()));
  // "منذ " then a count ("منذ 7 سنوات"); a bullet before it marks a comment age even without digits.
  if (rest.rfind("\u0645\u0646\u0630 ", 0) == 0) return shape.digits > 0 || i > 0;
  return shape.latin > 0 && key.size() > 4 && key.compare(key.size() - 4, 4, " ago") == 0;
}

// A short line that is only a date ("26 أغسطس 2016", "2016/08/27 01:51 ص").
bool LooksLikeDate(std::string_view line, const TextShape& shape) {
  if (shape.words == 0 || shape.words > 9 || shape.digits < 4 || shape.ends_sentence) return false;
  // A year, or a d/m/y group.
  for (size_t i = 0; i + 4 <= line.size(); ++i) {
    bool four = true;
    for (size_t k = 0; k < 4; ++k) if (line[i + k] < '0' || line[i + k] > '9') { four = false; break; }
    if (four && (line.compare(i, 2, "19") == 0 || line.compare(i, 2, "20") == 0)) return true;
  }
  return line.find('/') != std::string_view::npos || line.find('.') != std::string_view::npos;
}

bool SameText(std::string_view a, std::string_view b) {
  return !a.empty() && text::SearchKey(a) == text::SearchKey(b);
}

}  // namespace

Result<Page> ExtractTextPage(std::string_view text, const PageOptions& options) {
  if (text.size() > options.max_bytes) {
    return Status::ResourceExhausted("text page of " + std::to_string(text.size()) +
                                     " bytes is over the limit of " + std::to_string(options.max_bytes));
  }
  std::vector<std::string> lines = SplitLines(text);
  Page page;
  size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  if (first == lines.size()) return Status::Corruption("empty page");

  // The page's script decides which captions are "in another language".
  size_t arabic = 0, latin = 0;
  std::vector<TextShape> shapes(lines.size());
  for (size_t i = first; i < lines.size(); ++i) {
    shapes[i] = ShapeOf(lines[i]);
    arabic += shapes[i].arabic;
    latin += shapes[i].latin;
  }
  bool page_is_arabic = arabic >= latin;

  const TextShape& title_shape = shapes[first];
  bool title_line = title_shape.words <= 30 && !IsOtherScript(title_shape, page_is_arabic);
  size_t start = first;
  if (title_line) {
    page.title = text::NormalizeDisplay(lines[first]);
    start = first + 1;
  }

  std::vector<std::string> kept;        // paragraphs as written (normalized at the end)
  std::vector<size_t> kept_words;
  size_t body_words = 0;                // words in kept paragraphs of sentence length
  bool after_caption = false;           // the previous line was a dropped caption
  bool see_also = false;                // inside a "see also" headline list
  bool skip_comment_text = false;       // the line after a comment's age line
  for (size_t i = start; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) continue;
    const TextShape& shape = shapes[i];
    bool was_caption = after_caption;
    after_caption = false;
    if (skip_comment_text) {
      skip_comment_text = false;
      continue;
    }
    if (SameText(line, page.title)) continue;  // the title repeated above the text
    if (shape.letters == 0) continue;          // counters, rules, emoji-only lines
    if (IsTailHeader(line)) {
      if (body_words >= 12) break;  // the article is over; the rest is page tail
      continue;
    }
    bool headline_follows = false;
    if (IsSeeAlsoHeader(line, &headline_follows)) {
      see_also = headline_follows;
      continue;
    }
    if (see_also) {
      if (shape.words <= 20 && !shape.ends_sentence) continue;
      see_also = false;
    }
    if (IsDateLabelLine(line)) {
      if (body_words == 0) page.date_texts.push_back(text::NormalizeDisplay(line));
      continue;
    }
    if (IsAgeLine(line, shape)) {
      if (body_words == 0) {
        page.date_texts.push_back(text::NormalizeDisplay(line));
        continue;
      }
      // A reader comment: name line, age line, comment text.
      if (!kept.empty() && kept_words.back() <= 4) {
        kept.pop_back();
        kept_words.pop_back();
      }
      skip_comment_text = true;
      continue;
    }
    if (IsOtherScript(shape, page_is_arabic)) {
      after_caption = true;
      continue;
    }
    if (shape.words <= 20 && !shape.ends_sentence && HasPhotoCredit(line)) {
      after_caption = true;
      continue;
    }
    if (was_caption && shape.words <= 12 && !shape.ends_sentence && body_words == 0) {
      after_caption = true;  // the caption's translation under the photo
      continue;
    }
    if (body_words == 0 && LooksLikeDate(line, shape)) {
      page.date_texts.push_back(text::NormalizeDisplay(line));
      continue;
    }
    std::string clean = StripWidgetText(line);
    if (clean.empty()) continue;
    TextShape clean_shape = clean.size() == line.size() ? shape : ShapeOf(clean);
    if (clean_shape.letters == 0) continue;
    kept.push_back(std::move(clean));
    kept_words.push_back(clean_shape.words);
    if (clean_shape.words >= 8) body_words += clean_shape.words;
  }
  // Trailing short lines after the last paragraph are list or widget labels
  // (the article's own credit line "المصدر : ..." has a separator and stays).
  page.paragraphs.reserve(kept.size());
  for (std::string& p : kept) {
    std::string display = text::NormalizeDisplay(p);
    if (!display.empty()) page.paragraphs.push_back(std::move(display));
  }
  if (page.title.empty() && page.paragraphs.empty()) return Status::Corruption("no text found in page");
  return page;
}

}  // namespace malaf
