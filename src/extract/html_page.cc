// ExtractHtmlPage: main-content extraction from one HTML page.
//
// 1. Parse (page_html_tree.h) and read metadata: <title>, og:/article: meta,
//    canonical link, JSON-LD, <time>, itemprop, bylines.
// 2. Cut the visible text into blocks at block-level elements and <br>,
//    each with its words, link share, punctuation and the class/id hints of
//    its ancestors (comment/share/related/footer... weak negative,
//    article/content/body... weak positive).
// 3. Weigh each block: sentence-like text with few links counts for its
//    words, link lists, fragments and teaser cards (a small list item or
//    <article> with a linked headline) count against. The element whose
//    subtree has the largest total weight is the article container (a tree
//    version of maximum-subsequence segmentation).
// 4. Inside the container keep, in order, every block that is not
//    furniture: link lists, blocks under comment/share/related hints,
//    teaser cards, captions, text in another script, "Published On" lines,
//    see-also headlines, photo credits, site notices and widget labels are
//    dropped; a tail header ("Comments", "الأكثر قراءة") ends the article
//    unless a run of clean paragraphs follows it.
// All signals are general (shape, links, punctuation, script, class words,
// phrase tables in data/furniture.tsv); nothing recognises a particular site.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/page.h"
#include "extract/page_furniture.h"
#include "extract/page_html_tree.h"
#include "extract/page_text_shape.h"
#include "text/normalizer.h"

namespace malaf {
namespace {

using html::Attr;
using html::HtmlTree;
using html::kNoNode;
using html::Tag;

bool IsInline(Tag t) {
  switch (t) {
    case Tag::kText: case Tag::kA: case Tag::kSpan: case Tag::kB: case Tag::kI: case Tag::kEm:
    case Tag::kStrong: case Tag::kSmall: case Tag::kSup: case Tag::kSub: case Tag::kU:
    case Tag::kAbbr: case Tag::kCite: case Tag::kQ: case Tag::kFont: case Tag::kMark: case Tag::kS:
    case Tag::kDel: case Tag::kIns: case Tag::kBig: case Tag::kTt: case Tag::kKbd: case Tag::kSamp:
    case Tag::kVar: case Tag::kDfn: case Tag::kBdi: case Tag::kBdo: case Tag::kData: case Tag::kNobr:
    case Tag::kTime: case Tag::kCode: case Tag::kLabel: case Tag::kImg: case Tag::kWbr:
    case Tag::kOther: case Tag::kPicture: case Tag::kSource: case Tag::kOutput: case Tag::kMap:
    case Tag::kArea:
      return true;
    default:
      return false;
  }
}

// Subtrees that never hold article text.
bool IsSkipped(Tag t) {
  switch (t) {
    case Tag::kHead: case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate:
    case Tag::kSvg: case Tag::kMath: case Tag::kIframe: case Tag::kObject: case Tag::kEmbed:
    case Tag::kVideo: case Tag::kAudio: case Tag::kCanvas: case Tag::kButton: case Tag::kSelect:
    case Tag::kInput: case Tag::kTextarea: case Tag::kNav: case Tag::kDialog: case Tag::kTitle:
    case Tag::kMeta: case Tag::kLink: case Tag::kBase: case Tag::kOption: case Tag::kDatalist:
    case Tag::kFrameset: case Tag::kNoframes: case Tag::kNoembed: case Tag::kProgress:
    case Tag::kMeter: case Tag::kKeygen:
      return true;
    default:
      return false;
  }
}

bool ContainsAscii(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

bool SearchKeyEquals(std::string_view a, std::string_view b) {
  return text::SearchKey(CollapseSpaces(a)) == text::SearchKey(CollapseSpaces(b));
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// Class/id hints: negative for page furniture, positive for article bodies.
// Weak on purpose: they tip decisions, they do not make them.
int HintOf(const HtmlTree& tree, uint32_t node) {
  std::string_view cls = tree.Get(node, Attr::kClass);
  std::string_view id = tree.Get(node, Attr::kId);
  std::string_view role = tree.Get(node, Attr::kRole);
  std::string_view itemprop = tree.Get(node, Attr::kItemprop);
  if (cls.empty() && id.empty() && role.empty() && itemprop.empty()) return 0;
  std::string s = LowerAscii(cls);
  s.push_back(' ');
  s += LowerAscii(id);
  int hint = 0;
  // Class and id are split into tokens ("entry-content" -> entry, content).
  // Short keywords must be whole tokens (so "ad" never matches "header");
  // long ones may sit inside a token ("commentlist", "relatedposts").
  static const auto* exact = new std::unordered_map<std::string_view, int>{
      {"ad", -2}, {"ads", -2}, {"advert", -2}, {"rail", -2}, {"tags", -2}, {"tag", -1},
      {"nav", -2}, {"menu", -2}, {"skip", -2}, {"jump", -2}, {"print", -2}, {"share", -2},
      {"social", -2}, {"hidden", -2}, {"byline", -2}, {"author", -1}, {"caption", -2},
      {"credit", -2}, {"meta", -1}, {"follow", -2}, {"login", -2}, {"modal", -2}, {"popup", -2},
      {"banner", -2}, {"promo", -2}, {"footer", -3}, {"foot", -2}, {"sidebar", -3}, {"aside", -2},
      {"teaser", -2}, {"more", -1}, {"next", -1}, {"prev", -1}, {"toolbar", -2},
      {"masthead", -2}, {"pager", -2}, {"pagination", -2}, {"dateline", -1}, {"timestamp", -1},
      {"date", -1}, {"time", -1}, {"also", -1}, {"newsletter", -3}, {"signup", -3},
      {"subscribe", -3}, {"cookie", -2}, {"gdpr", -2}, {"paywall", -2}, {"sponsored", -2},
      {"article", 1}, {"content", 1}, {"entry", 1}, {"post", 1}, {"story", 1}, {"body", 1},
      {"text", 1}, {"main", 1}, {"prose", 1}, {"blog", 1}, {"articlebody", 3}, {"richtext", 1}};
  static constexpr std::pair<std::string_view, int> kInside[] = {
      {"comment", -3}, {"disqus", -3}, {"related", -3}, {"recommend", -2}, {"sidebar", -3},
      {"footer", -3}, {"breadcrumb", -2}, {"sponsor", -2}, {"outbrain", -3}, {"taboola", -3},
      {"trending", -2}, {"popular", -2}, {"mostread", -2}, {"readmore", -2}, {"sharing", -2},
      {"newsletter", -3}, {"subscribe", -3}, {"advert", -2}, {"pagination", -2}, {"caption", -2},
      {"social", -2}};
  auto token_hint = [&](std::string_view tok) {
    auto it = exact->find(tok);
    if (it != exact->end()) return it->second;
    if (tok.size() >= 6) {
      for (const auto& [w, v] : kInside) {
        if (tok.find(w) != std::string_view::npos) return v;
      }
    }
    return 0;
  };
  // Each distinct token counts once: CMS classes repeat their words
  // ("elementor-widget elementor-widget-theme-post-content").
  std::string_view seen[32];
  size_t i = 0;
  int tokens = 0;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  while (i < s.size() && tokens < 32) {
    while (i < s.size() && !alnum(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && alnum(s[i])) ++i;
    if (i > start) {
      std::string_view tok = std::string_view(s).substr(start, i - start);
      bool dup = false;
      for (int k = 0; k < tokens; ++k) if (seen[k] == tok) { dup = true; break; }
      if (dup) continue;
      seen[tokens++] = tok;
      hint += token_hint(tok);
    }
  }
  if (role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner") hint -= 4;
  if (role == "main" || role == "article") hint += 2;
  if (itemprop == "articleBody" || itemprop == "text") hint += 3;
  return std::clamp(hint, -5, 4);
}

bool IsHidden(const HtmlTree& tree, uint32_t node) {
  if (tree.Has(node, Attr::kHidden)) return true;
  std::string_view aria = tree.Get(node, Attr::kAriaHidden);
  if (aria == "true") return true;
  std::string_view style = tree.Get(node, Attr::kStyle);
  if (!style.empty()) {
    std::string s = LowerAscii(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (ContainsAscii(s, "display:none") || ContainsAscii(s, "visibility:hidden")) return true;
  }
  return false;
}

struct Block {
  std::string text;       // whitespace collapsed, not yet display-normalized
  uint32_t element = 0;   // innermost block-level element holding the text
  Tag tag = Tag::kOther;
  int heading = 0;        // 1..6 for h1..h6
  int hint = 0;           // class/id hints of the element and its near ancestors (see NearHint)
  int caption = 0;        // 1 inside a figure, 2 inside figcaption / table caption
  uint32_t card = 0;      // nearest li/dd/article: a teaser card when it holds a linked headline
  size_t link_bytes = 0;  // bytes of text inside links
  size_t bytes = 0;       // bytes of non-space text
  TextShape shape;
  double weight = 0;
};

struct Frame {
  uint32_t node;
  bool exiting;
};

// Walks the visible tree and cuts it into blocks.
class BlockCollector {
 public:
  explicit BlockCollector(const HtmlTree& tree) : tree_(tree) {}

  // Each element's own class/id hint, after Run().
  std::vector<int8_t> hints_;

  std::vector<Block> Run() {
    const auto& nodes = tree_.nodes;
    hints_.assign(nodes.size(), 0);
    std::vector<uint8_t> in_link(nodes.size(), 0), in_caption(nodes.size(), 0);
    std::vector<uint32_t> card(nodes.size(), 0);
    std::vector<uint32_t> block_of(nodes.size(), 0);
    std::vector<Frame> stack;
    stack.push_back({0, false});
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const html::Node& n = nodes[f.node];
      if (f.exiting) {
        Flush(f.node);
        continue;
      }
      if (f.node != 0) {
        uint32_t p = n.parent;
        in_link[f.node] = in_link[p];
        in_caption[f.node] = in_caption[p];
        card[f.node] = card[p];
        block_of[f.node] = block_of[p];
      }
      if (n.tag == Tag::kText) {
        Append(n.text, in_link[f.node] != 0);
        cur_caption_ = in_caption[f.node];
        cur_card_ = card[f.node];
        continue;
      }
      if (IsSkipped(n.tag)) continue;
      if (n.tag == Tag::kBr || n.tag == Tag::kHr) {
        Flush(block_of[f.node]);
        continue;
      }
      bool block = !IsInline(n.tag);
      if (n.attr_end > n.attr_begin) {
        if (IsHidden(tree_, f.node)) continue;
        // Hints are read on block elements and their ancestors only.
        if (block) hints_[f.node] = static_cast<int8_t>(HintOf(tree_, f.node));
      }
      switch (n.tag) {
        case Tag::kFooter: case Tag::kAside: hints_[f.node] -= 3; break;
        case Tag::kMain: hints_[f.node] += 2; break;
        case Tag::kA: in_link[f.node] = 1; break;
        case Tag::kFigure: if (!in_caption[f.node]) in_caption[f.node] = 1; break;
        case Tag::kFigcaption: case Tag::kCaption: in_caption[f.node] = 2; break;
        case Tag::kLi: case Tag::kDt: case Tag::kDd: card[f.node] = f.node; break;
        case Tag::kArticle: card[f.node] = f.node; hints_[f.node] += 2; break;
        default: break;
      }
      if (block) {
        Flush(block_of[f.node]);
        block_of[f.node] = f.node;
        stack.push_back({f.node, true});
      }
      // Children in reverse so that the first child is visited first.
      std::vector<uint32_t>& kids = kids_;
      kids.clear();
      for (uint32_t c = n.first_child; c != kNoNode; c = nodes[c].next_sibling) kids.push_back(c);
      for (size_t k = kids.size(); k-- > 0;) stack.push_back({kids[k], false});
    }
    return std::move(blocks_);
  }

 private:
  void Append(std::string_view text, bool link) {
    size_t solid = 0;
    for (char c : text) {
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++solid;
    }
    if (solid == 0) {
      if (!buf_.empty()) buf_.push_back(' ');
      return;
    }
    buf_.append(text.data(), text.size());
    bytes_ += solid;
    if (link) link_bytes_ += solid;
  }

  void Flush(uint32_t element) {
    if (bytes_ == 0) {
      buf_.clear();
      return;
    }
    Block b;
    b.text = CollapseSpaces(buf_);
    b.element = element;
    b.tag = tree_.nodes[element].tag;
    if (b.tag >= Tag::kH1 && b.tag <= Tag::kH6) b.heading = static_cast<int>(b.tag) - static_cast<int>(Tag::kH1) + 1;
    b.caption = cur_caption_;
    b.card = cur_card_;
    b.bytes = bytes_;
    b.link_bytes = link_bytes_;
    b.shape = ShapeOf(b.text);
    blocks_.push_back(std::move(b));
    buf_.clear();
    bytes_ = link_bytes_ = 0;
  }

  const HtmlTree& tree_;
  std::vector<Block> blocks_;
  std::vector<uint32_t> kids_;
  std::string buf_;
  size_t bytes_ = 0, link_bytes_ = 0;
  int cur_caption_ = 0;
  uint32_t cur_card_ = 0;
};

double LinkDensity(const Block& b) {
  return b.bytes == 0 ? 0.0 : static_cast<double>(b.link_bytes) / static_cast<double>(b.bytes);
}

bool IsSentenceLike(const Block& b) {
  const TextShape& s = b.shape;
  if (s.words >= 25) return true;
  return s.words >= 10 && (s.stops + s.commas > 0 || s.ends_sentence);
}

double WeightOf(const Block& b) {
  double words = static_cast<double>(b.shape.words);
  double ld = LinkDensity(b);
  double w;
  // Long sentences that carry many links (a summary list whose items open
  // with a linked lead) are text, not navigation.
  bool linked_prose = IsSentenceLike(b) && b.shape.words >= 20 && ld <= 0.7;
  if (b.heading) {
    w = 0;
  } else if (ld > 0.5 && !linked_prose) {
    w = -words;
  } else if (IsSentenceLike(b)) {
    w = words * std::max(0.2, 1.0 - 1.5 * ld);
  } else if (b.tag == Tag::kTd || b.tag == Tag::kTh) {
    w = 0;  // a data table's cells are short by nature
  } else {
    w = -0.5;
  }
  if (b.hint <= -3) w = w > 0 ? -0.5 * w : 1.5 * w;
  return w;
}

// Text of a node's subtree (used for metadata elements), collapsed.
std::string NodeText(const HtmlTree& tree, uint32_t node, size_t limit = 4096) {
  std::string out;
  std::vector<uint32_t> stack{node};
  while (!stack.empty() && out.size() < limit) {
    uint32_t n = stack.back();
    stack.pop_back();
    const html::Node& x = tree.nodes[n];
    if (x.tag == Tag::kText) {
      out.append(x.text);
      out.push_back(' ');
      continue;
    }
    if (n != node && IsSkipped(x.tag)) continue;
    std::vector<uint32_t> kids;
    for (uint32_t c = x.first_child; c != kNoNode; c = tree.nodes[c].next_sibling) kids.push_back(c);
    for (size_t k = kids.size(); k-- > 0;) stack.push_back(kids[k]);
  }
  return CollapseSpaces(out);
}

void AddUnique(std::vector<std::string>* list, std::string value) {
  value = CollapseSpaces(value);
  if (value.empty()) return;
  for (const auto& v : *list) if (v == value) return;
  list->push_back(std::move(value));
}

struct Meta {
  std::string og_title, twitter_title, html_title, h1, site_name, app_name, url, canonical, lang;
  std::vector<std::string> dates;     // published first
  std::vector<std::string> modified;
  std::vector<std::string> authors;
  std::string ld_headline;
};

void ReadJsonLd(const nlohmann::json& j, Meta* meta, int depth) {
  if (depth > 6) return;
  if (j.is_array()) {
    for (const auto& x : j) ReadJsonLd(x, meta, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (auto g = j.find("@graph"); g != j.end()) ReadJsonLd(*g, meta, depth + 1);
  auto str = [&](const char* key) -> std::string {
    auto it = j.find(key);
    if (it != j.end() && it->is_string()) return it->get<std::string>();
    return {};
  };
  std::string published = str("datePublished");
  if (!published.empty()) AddUnique(&meta->dates, published);
  std::string modified = str("dateModified");
  if (!modified.empty()) AddUnique(&meta->modified, modified);
  if (meta->ld_headline.empty()) meta->ld_headline = str("headline");
  if (auto a = j.find("author"); a != j.end() && !published.empty()) {
    auto add = [&](const nlohmann::json& x) {
      if (x.is_string()) AddUnique(&meta->authors, x.get<std::string>());
      else if (x.is_object()) {
        auto n = x.find("name");
        if (n != x.end() && n->is_string()) AddUnique(&meta->authors, n->get<std::string>());
      }
    };
    if (a->is_array()) for (const auto& x : *a) add(x);
    else add(*a);
  }
  if (auto p = j.find("publisher"); p != j.end() && p->is_object() && meta->site_name.empty()) {
    auto n = p->find("name");
    if (n != p->end() && n->is_string()) meta->app_name = n->get<std::string>();
  }
}

// Strips a byline label ("By", "بقلم", "كتب:") from an author line.
std::string StripBylineLabel(std::string name) {
  static constexpr std::string_view kLabels[] = {
      "By ", "by ", "BY ", "\u0628\u0642\u0644\u0645", "\u0643\u062a\u0628", "\u0628\u0648\u0627\u0633\u0637\u0629",
      "\u0625\u0639\u062f\u0627\u062f"};  // بقلم، كتب، بواسطة، إعداد
  for (std::string_view label : kLabels) {
    if (name.rfind(label, 0) == 0) {
      name.erase(0, label.size());
      size_t i = name.find_first_not_of(" :\u00a0");
      name.erase(0, std::min(i, name.size()));
      break;
    }
  }
  return CollapseSpaces(name);
}

bool HasClassToken(std::string_view cls, std::string_view token) {
  size_t at = 0;
  while ((at = cls.find(token, at)) != std::string_view::npos) {
    bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(cls[at - 1]));
    size_t end = at + token.size();
    bool right = end == cls.size() || !std::isalpha(static_cast<unsigned char>(cls[end]));
    if (left && right) return true;
    at = end;
  }
  return false;
}

void ReadMeta(const HtmlTree& tree, Meta* meta) {
  const auto& nodes = tree.nodes;
  // NodeText walks a subtree; a budget keeps hostile pages (thousands of
  // nested "author" elements) linear.
  int text_budget = 32;
  std::vector<std::string> bylines;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const html::Node& n = nodes[i];
    switch (n.tag) {
      case Tag::kHtml:
        if (meta->lang.empty()) meta->lang = std::string(tree.Get(i, Attr::kLang));
        break;
      case Tag::kTitle:
        if (meta->html_title.empty() && n.first_child != kNoNode) {
          meta->html_title = CollapseSpaces(nodes[n.first_child].text);
        }
        break;
      case Tag::kH1:
        if (meta->h1.empty() && text_budget-- > 0) meta->h1 = NodeText(tree, i, 1000);
        break;
      case Tag::kMeta: {
        std::string key = LowerAscii(tree.Get(i, Attr::kProperty));
        if (key.empty()) key = LowerAscii(tree.Get(i, Attr::kName));
        if (key.empty()) key = LowerAscii(tree.Get(i, Attr::kItemprop));
        std::string_view content = tree.Get(i, Attr::kContent);
        if (key.empty() || content.empty()) break;
        std::string value = CollapseSpaces(content);
        if (key == "og:title") meta->og_title = value;
        else if (key == "twitter:title") meta->twitter_title = value;
        else if (key == "og:site_name") meta->site_name = value;
        else if (key == "application-name") meta->app_name = value;
        else if (key == "og:url") meta->url = value;
        else if (key == "article:published_time" || key == "datepublished" || key == "date" ||
                 key == "pubdate" || key == "publishdate" || key == "publish-date" || key == "dc.date" ||
                 key == "dc.date.issued" || key == "dcterms.created" || key == "sailthru.date" ||
                 key == "parsely-pub-date" || key == "article.published" || key == "og:published_time") {
          AddUnique(&meta->dates, value);
        } else if (key == "article:modified_time" || key == "og:updated_time" || key == "datemodified" ||
                   key == "last-modified" || key == "dcterms.modified") {
          AddUnique(&meta->modified, value);
        } else if (key == "author" || key == "article:author" || key == "dc.creator" ||
                   key == "parsely-author" || key == "sailthru.author") {
          if (value.rfind("http", 0) != 0) AddUnique(&meta->authors, value);
        }
        break;
      }
      case Tag::kLink: {
        std::string rel = LowerAscii(tree.Get(i, Attr::kRel));
        if (rel == "canonical" && meta->canonical.empty()) meta->canonical = CollapseSpaces(tree.Get(i, Attr::kHref));
        break;
      }
      case Tag::kScript:
        if (n.first_child != kNoNode && nodes[n.first_child].text.size() < (1u << 20)) {
          auto j = nlohmann::json::parse(nodes[n.first_child].text, nullptr, /*allow_exceptions=*/false);
          if (!j.is_discarded()) ReadJsonLd(j, meta, 0);
        }
        break;
      case Tag::kTime: {
        std::string_view dt = tree.Get(i, Attr::kDatetime);
        if (!dt.empty() && meta->dates.size() < 4) AddUnique(&meta->dates, std::string(dt));
        break;
      }
      default:
        if (n.attr_end > n.attr_begin && text_budget > 0) {
          std::string_view prop = tree.Get(i, Attr::kItemprop);
          if (prop == "datePublished") {
            std::string_view v = tree.Get(i, Attr::kDatetime);
            if (v.empty()) v = tree.Get(i, Attr::kContent);
            --text_budget;
            AddUnique(&meta->dates, v.empty() ? NodeText(tree, i, 200) : std::string(v));
          } else if (prop == "author" || tree.Get(i, Attr::kRel) == "author") {
            --text_budget;
            std::string name = StripBylineLabel(NodeText(tree, i, 200));
            if (ShapeOf(name).words <= 6) AddUnique(&meta->authors, name);
          } else if (bylines.size() < 4) {
            std::string cls = LowerAscii(tree.Get(i, Attr::kClass));
            if (HasClassToken(cls, "byline") || HasClassToken(cls, "author")) {
              --text_budget;
              std::string name = StripBylineLabel(NodeText(tree, i, 200));
              size_t words = ShapeOf(name).words;
              if (words >= 1 && words <= 8) bylines.push_back(std::move(name));
            }
          }
        }
        break;
    }
  }
  // Byline markup counts when the page names no author in its metadata.
  if (meta->authors.empty() && !bylines.empty()) AddUnique(&meta->authors, bylines.front());
}

// Title separators between a headline and the site name.
constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " \u2013 ", " \u2014 ", " :: ",
                                                 " \u00bb ", " \u00ab ", " \u00b7 ", " / ", " \u2022 "};

// Removes a site-name part from a <title>; sets *site to the removed part.
std::string StripSiteName(const std::string& title, const std::string& known_site, std::string* site) {
  for (std::string_view sep : kTitleSeparators) {
    size_t at = title.rfind(sep);
    if (at != std::string::npos) {
      std::string head = title.substr(0, at), tail = title.substr(at + sep.size());
      bool tail_site = !known_site.empty() ? SearchKeyEquals(tail, known_site) : ShapeOf(tail).words <= 4;
      if (tail_site && !head.empty()) {
        if (site) *site = tail;
        return head;
      }
    }
    size_t first = title.find(sep);
    if (first != std::string::npos) {
      std::string head = title.substr(0, first), tail = title.substr(first + sep.size());
      if (!known_site.empty() && SearchKeyEquals(head, known_site) && !tail.empty()) {
        if (site) *site = head;
        return tail;
      }
    }
  }
  return title;
}


bool LooksLikeDateBlock(const Block& b) {
  const TextShape& s = b.shape;
  if (s.words == 0 || s.words > 10 || s.digits < 4 || s.ends_sentence) return false;
  const std::string& t = b.text;
  for (size_t i = 0; i + 4 <= t.size(); ++i) {
    bool four = true;
    for (size_t k = 0; k < 4; ++k) if (t[i + k] < '0' || t[i + k] > '9') { four = false; break; }
    if (four && (t.compare(i, 2, "19") == 0 || t.compare(i, 2, "20") == 0)) return true;
  }
  return false;
}

// Last node index inside the subtree of `node`.
uint32_t SubtreeEnd(const HtmlTree& tree, uint32_t node) {
  uint32_t n = node;
  while (tree.nodes[n].last_child != kNoNode) n = tree.nodes[n].last_child;
  return n;
}

}  // namespace

Result<Page> ExtractHtmlPage(std::string_view html_text, const PageOptions& options) {
  if (html_text.size() > options.max_bytes) {
    return Status::ResourceExhausted("html page of " + std::to_string(html_text.size()) +
                                     " bytes is over the limit of " + std::to_string(options.max_bytes));
  }
  html::HtmlParseOptions parse_options;
  parse_options.max_depth = options.max_depth;
  HtmlTree tree = html::ParseHtml(html_text, parse_options);

  Meta meta;
  ReadMeta(tree, &meta);
  Page page;
  page.lang = meta.lang;
  page.site_name = !meta.site_name.empty() ? meta.site_name : meta.app_name;
  page.url = !meta.canonical.empty() ? meta.canonical : meta.url;
  std::string site_from_title;
  if (!meta.og_title.empty()) {
    page.title = StripSiteName(meta.og_title, page.site_name, nullptr);
  } else if (!meta.h1.empty() &&
             (meta.html_title.empty() || meta.html_title.find(meta.h1) != std::string::npos ||
              (ShapeOf(meta.h1).words >= 3 && !SearchKeyEquals(meta.h1, page.site_name)))) {
    page.title = meta.h1;
  } else if (!meta.ld_headline.empty()) {
    page.title = meta.ld_headline;
  } else if (!meta.html_title.empty()) {
    page.title = StripSiteName(meta.html_title, page.site_name, &site_from_title);
  } else {
    page.title = !meta.twitter_title.empty() ? meta.twitter_title : meta.h1;
  }
  if (page.site_name.empty()) {
    if (site_from_title.empty() && !meta.html_title.empty()) StripSiteName(meta.html_title, "", &site_from_title);
    page.site_name = site_from_title;
  }
  for (auto& d : meta.dates) page.date_texts.push_back(d);
  for (auto& d : meta.modified) page.date_texts.push_back(d);
  page.authors = meta.authors;

  BlockCollector collector(tree);
  std::vector<Block> blocks = collector.Run();
  const std::vector<int8_t>& hints = collector.hints_;
  // For choosing the container, only hints near a block count (an element
  // and its three nearest ancestors): a "menu-open" class on <body> must not
  // condemn the whole page, while "comment-body" or "related-list" right
  // around a paragraph should.
  for (Block& b : blocks) {
    int near = 0;
    uint32_t n = b.element;
    for (int level = 0; level < 4 && n != 0 && n != kNoNode; ++level, n = tree.nodes[n].parent) {
      if (hints[n] < 0) near += hints[n];
    }
    b.hint = near;
  }

  // The page's script decides which captions are "in another language".
  size_t arabic = 0, latin = 0;
  for (const Block& b : blocks) {
    if (IsSentenceLike(b)) { arabic += b.shape.arabic; latin += b.shape.latin; }
  }
  bool page_is_arabic = arabic > latin;

  // Container choice: the subtree with the largest total block weight.
  std::vector<double> score(tree.nodes.size(), 0.0);
  // Teaser cards: a small list item or <article> holding a linked headline
  // plus a blurb is a link to another story, however sentence-like the blurb.
  std::unordered_map<uint32_t, size_t> card_words;
  std::unordered_map<uint32_t, bool> card_linked;
  for (const Block& b : blocks) {
    if (b.card == 0) continue;
    card_words[b.card] += b.shape.words;
    if (LinkDensity(b) > 0.8 && b.shape.words >= 4) card_linked[b.card] = true;  // a linked headline
  }
  std::vector<uint8_t> teaser(blocks.size(), 0);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.card != 0 && card_linked.count(b.card) && card_words[b.card] <= 120) teaser[i] = 1;
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    b.weight = WeightOf(b);
    if (teaser[i] && b.weight > 0) b.weight = -0.5 * b.weight;
    score[b.element] += b.weight;
  }
  for (size_t i = tree.nodes.size(); i-- > 1;) score[tree.nodes[i].parent] += score[i];
  uint32_t best = 0;
  double best_score = -1e300;
  for (uint32_t i = 0; i < tree.nodes.size(); ++i) {
    if (tree.nodes[i].tag == Tag::kText) continue;
    if (score[i] > best_score + 1e-9) {
      best_score = score[i];
      best = i;
    }
  }
  // A page without one sentence-like paragraph (a short note, a list) has
  // no container to find: judge every block on its own.
  if (best_score <= 0) best = 0;
  uint32_t best_end = SubtreeEnd(tree, best);

  // Inside the container, every hint between a block and the container counts.
  for (Block& b : blocks) {
    if (b.element < best || b.element > best_end) continue;
    int sum = 0;
    for (uint32_t n = b.element; n != best && n != kNoNode; n = tree.nodes[n].parent) sum += hints[n];
    b.hint = sum;
  }
  std::string title_key = text::SearchKey(page.title);
  size_t title_words = ShapeOf(page.title).words;
  size_t kept_words = 0;
  bool see_also = false;
  bool title_seen = false;
  size_t since_title = 0;
  // Article prose still to come after each block: the longest run of two or
  // more consecutive clean paragraphs (sentence-like, few links, no negative
  // hint, in the page's script). A "Related" box in the middle of an article
  // is followed by such a run; a related section after the article, whose
  // blurbs alternate with captions, dates and headlines, is not.
  std::vector<double> prose_after(blocks.size() + 1, 0.0);
  {
    double run_words = 0;
    size_t run_blocks = 0;
    for (size_t i = blocks.size(); i-- > 0;) {
      const Block& b = blocks[i];
      bool clean = b.element >= best && b.element <= best_end && b.hint > -2 && IsSentenceLike(b) &&
                   LinkDensity(b) < 0.3 && !IsOtherScript(b.shape, page_is_arabic);
      if (clean) {
        run_words += static_cast<double>(b.shape.words);
        ++run_blocks;
      } else {
        run_words = 0;
        run_blocks = 0;
      }
      double here = run_blocks >= 2 ? run_words : 0.0;
      prose_after[i] = std::max(prose_after[i + 1], here);
    }
  }
  for (size_t bi = 0; bi < blocks.size(); ++bi) {
    const Block& b = blocks[bi];
    bool inside = b.element >= best && b.element <= best_end;
    const TextShape& s = b.shape;
    if (!title_seen && !title_key.empty() && s.words + 3 >= title_words && s.words <= title_words + 3 &&
        text::SearchKey(b.text) == title_key) {
      title_seen = true;
      since_title = 0;
      continue;
    }
    ++since_title;
    // Visible dates near the title ("Published On 24/3/2016", "26 أغسطس 2016").
    if (s.words <= 14 && s.digits > 0 && (IsDateLabelLine(b.text) || (title_seen && since_title <= 8 && LooksLikeDateBlock(b)))) {
      if (kept_words == 0 && page.date_texts.size() < 12) AddUnique(&page.date_texts, b.text);
      continue;
    }
    if (!inside) continue;
    if (s.words <= 8 && IsTailHeader(b.text)) {
      if (kept_words >= 25 && prose_after[bi + 1] < 40.0) break;
      see_also = true;  // a box inside the article: skip its headlines
      continue;
    }
    bool headline_follows = false;
    if (s.words <= 25 && IsSeeAlsoHeader(b.text, &headline_follows)) {
      see_also = headline_follows;
      continue;
    }
    double ld = LinkDensity(b);
    if (see_also) {
      if (ld > 0.3 || (s.words <= 20 && !s.ends_sentence)) continue;
      see_also = false;
    }
    if (ld > 0.5 && s.words < 40 && !(IsSentenceLike(b) && s.words >= 20 && ld <= 0.7)) continue;
    if (b.hint <= -2) continue;
    if (teaser[bi]) continue;
    if (b.caption == 2) continue;  // a photo caption describes the photo, not the story
    if (b.caption && (!IsSentenceLike(b) || b.hint < 0)) continue;
    if (s.words <= 60 && HasPhotoCredit(b.text)) continue;
    if (IsNoticeLine(b.text)) continue;
    if (IsOtherScript(s, page_is_arabic)) continue;
    bool cell = b.tag == Tag::kTd || b.tag == Tag::kTh;
    if (!b.heading && !cell && s.words <= 2 && !s.ends_sentence) continue;
    // Widget labels sit at the edges of short lines; a sentence that ends
    // properly has none at its end.
    std::string clean = s.words <= 12 || !s.ends_sentence ? StripWidgetText(b.text) : b.text;
    if (clean.empty()) continue;
    if (b.heading && kept_words == 0 && b.heading <= 1) continue;  // a second title line
    std::string display = text::NormalizeDisplay(clean);
    if (display.empty()) continue;
    page.paragraphs.push_back(std::move(display));
    if (!b.heading) kept_words += s.words;
  }
  if (page.title.empty() && page.paragraphs.empty()) return Status::Corruption("no text found in page");
  if (!page.title.empty()) page.title = text::NormalizeDisplay(page.title);
  return page;
}

std::string SniffHtmlCharset(std::string_view raw_bytes) {
  std::string head = LowerAscii(raw_bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) {
      size_t i = cs + 7;
      while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
      if (i < tag.size() && tag[i] == '=') {
        ++i;
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
        size_t j = i;
        while (j < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[j])) || tag[j] == '-' ||
                                  tag[j] == '_' || tag[j] == ':' || tag[j] == '.')) ++j;
        if (j > i) return std::string(tag.substr(i, j - i));
      }
    }
    pos = end;
  }
  return "";
}

}  // namespace malaf
