#include "extract/page_html_tree.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "base/data_files.h"
#include "text/utf8.h"

namespace malaf::html {
namespace {

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
inline bool IsHtmlSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

const std::unordered_map<std::string_view, Tag>& TagTable() {
  static const auto* table = new std::unordered_map<std::string_view, Tag>{
      {"html", Tag::kHtml}, {"head", Tag::kHead}, {"body", Tag::kBody}, {"title", Tag::kTitle},
      {"meta", Tag::kMeta}, {"link", Tag::kLink}, {"base", Tag::kBase}, {"script", Tag::kScript},
      {"style", Tag::kStyle}, {"noscript", Tag::kNoscript}, {"template", Tag::kTemplate},
      {"svg", Tag::kSvg}, {"math", Tag::kMath}, {"iframe", Tag::kIframe}, {"object", Tag::kObject},
      {"embed", Tag::kEmbed}, {"video", Tag::kVideo}, {"audio", Tag::kAudio}, {"canvas", Tag::kCanvas},
      {"picture", Tag::kPicture}, {"source", Tag::kSource}, {"img", Tag::kImg}, {"image", Tag::kImg},
      {"p", Tag::kP}, {"div", Tag::kDiv}, {"span", Tag::kSpan}, {"a", Tag::kA}, {"br", Tag::kBr},
      {"hr", Tag::kHr}, {"wbr", Tag::kWbr}, {"h1", Tag::kH1}, {"h2", Tag::kH2}, {"h3", Tag::kH3},
      {"h4", Tag::kH4}, {"h5", Tag::kH5}, {"h6", Tag::kH6}, {"ul", Tag::kUl}, {"ol", Tag::kOl},
      {"li", Tag::kLi}, {"dl", Tag::kDl}, {"dt", Tag::kDt}, {"dd", Tag::kDd}, {"menu", Tag::kMenu},
      {"dir", Tag::kUl},
      {"table", Tag::kTable}, {"caption", Tag::kCaption}, {"thead", Tag::kThead},
      {"tbody", Tag::kTbody}, {"tfoot", Tag::kTfoot}, {"tr", Tag::kTr}, {"td", Tag::kTd},
      {"th", Tag::kTh}, {"col", Tag::kCol}, {"colgroup", Tag::kColgroup},
      {"blockquote", Tag::kBlockquote}, {"pre", Tag::kPre}, {"listing", Tag::kPre}, {"code", Tag::kCode},
      {"section", Tag::kSection}, {"article", Tag::kArticle}, {"main", Tag::kMain},
      {"header", Tag::kHeader}, {"footer", Tag::kFooter}, {"nav", Tag::kNav}, {"aside", Tag::kAside},
      {"figure", Tag::kFigure}, {"figcaption", Tag::kFigcaption}, {"form", Tag::kForm},
      {"fieldset", Tag::kFieldset}, {"legend", Tag::kLegend}, {"button", Tag::kButton},
      {"input", Tag::kInput}, {"select", Tag::kSelect}, {"option", Tag::kOption},
      {"optgroup", Tag::kOptgroup}, {"textarea", Tag::kTextarea}, {"label", Tag::kLabel},
      {"time", Tag::kTime}, {"address", Tag::kAddress}, {"details", Tag::kDetails},
      {"summary", Tag::kSummary}, {"dialog", Tag::kDialog}, {"b", Tag::kB}, {"i", Tag::kI},
      {"em", Tag::kEm}, {"strong", Tag::kStrong}, {"small", Tag::kSmall}, {"sup", Tag::kSup},
      {"sub", Tag::kSub}, {"u", Tag::kU}, {"abbr", Tag::kAbbr}, {"acronym", Tag::kAbbr},
      {"cite", Tag::kCite}, {"q", Tag::kQ}, {"font", Tag::kFont}, {"center", Tag::kCenter},
      {"mark", Tag::kMark}, {"s", Tag::kS}, {"strike", Tag::kS}, {"del", Tag::kDel},
      {"ins", Tag::kIns}, {"big", Tag::kBig}, {"tt", Tag::kTt}, {"kbd", Tag::kKbd},
      {"samp", Tag::kSamp}, {"var", Tag::kVar}, {"dfn", Tag::kDfn}, {"bdi", Tag::kBdi},
      {"bdo", Tag::kBdo}, {"data", Tag::kData}, {"nobr", Tag::kNobr}, {"area", Tag::kArea},
      {"param", Tag::kParam}, {"track", Tag::kTrack}, {"keygen", Tag::kKeygen}, {"xmp", Tag::kXmp},
      {"noembed", Tag::kNoembed}, {"noframes", Tag::kNoframes}, {"plaintext", Tag::kPlaintext},
      {"frameset", Tag::kFrameset}, {"frame", Tag::kFrame}, {"map", Tag::kMap},
      {"output", Tag::kOutput}, {"progress", Tag::kProgress}, {"meter", Tag::kMeter},
      {"datalist", Tag::kDatalist}, {"hgroup", Tag::kHgroup}, {"search", Tag::kSearch},
  };
  return *table;
}

// Tag names through a small open-addressing table with a cheap hash: the
// lookup runs once per tag, so std::hash over the name was a visible cost.
class TagIndex {
 public:
  TagIndex() {
    for (const auto& [name, tag] : TagTable()) {
      size_t h = Hash(name);
      while (!slots_[h].name.empty()) h = (h + 1) & kMask;
      slots_[h] = {name, tag};
    }
  }
  Tag Find(std::string_view name) const {
    for (size_t h = Hash(name);; h = (h + 1) & kMask) {
      const Slot& s = slots_[h];
      if (s.name.empty()) return Tag::kOther;
      if (s.name == name) return s.tag;
    }
  }

 private:
  static constexpr size_t kMask = 511;
  static size_t Hash(std::string_view n) {
    size_t h = n.size() * 131;
    for (char c : n) h = h * 31 + static_cast<unsigned char>(c);
    return (h ^ (h >> 7)) & kMask;
  }
  struct Slot {
    std::string_view name;
    Tag tag = Tag::kOther;
  };
  Slot slots_[kMask + 1];
};

Tag LookupTag(std::string_view lower_name) {
  static const TagIndex* index = new TagIndex;
  return index->Find(lower_name);
}

bool LookupAttr(std::string_view lower, Attr* out) {
  static const auto* table = new std::unordered_map<std::string_view, Attr>{
      {"class", Attr::kClass}, {"id", Attr::kId}, {"name", Attr::kName},
      {"property", Attr::kProperty}, {"content", Attr::kContent}, {"href", Attr::kHref},
      {"rel", Attr::kRel}, {"itemprop", Attr::kItemprop}, {"datetime", Attr::kDatetime},
      {"lang", Attr::kLang}, {"role", Attr::kRole}, {"type", Attr::kType}, {"style", Attr::kStyle},
      {"hidden", Attr::kHidden}, {"aria-hidden", Attr::kAriaHidden}, {"charset", Attr::kCharset},
      {"http-equiv", Attr::kHttpEquiv}, {"itemtype", Attr::kItemtype},
      {"itemscope", Attr::kItemscope},
  };
  auto it = table->find(lower);
  if (it == table->end()) return false;
  *out = it->second;
  return true;
}

bool IsVoid(Tag t) {
  switch (t) {
    case Tag::kArea: case Tag::kBase: case Tag::kBr: case Tag::kCol: case Tag::kEmbed:
    case Tag::kHr: case Tag::kImg: case Tag::kInput: case Tag::kLink: case Tag::kMeta:
    case Tag::kParam: case Tag::kSource: case Tag::kTrack: case Tag::kWbr: case Tag::kKeygen:
    case Tag::kFrame:
      return true;
    default:
      return false;
  }
}

// "Special" elements of the HTML tree-construction algorithm: an end tag of
// another element does not close across them.
bool IsSpecial(Tag t) {
  switch (t) {
    case Tag::kDocument: case Tag::kHtml: case Tag::kHead: case Tag::kBody: case Tag::kArticle:
    case Tag::kAside: case Tag::kBlockquote: case Tag::kButton: case Tag::kCaption:
    case Tag::kCenter: case Tag::kColgroup: case Tag::kDd: case Tag::kDetails: case Tag::kDiv:
    case Tag::kDl: case Tag::kDt: case Tag::kFieldset: case Tag::kFigcaption: case Tag::kFigure:
    case Tag::kFooter: case Tag::kForm: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kHeader: case Tag::kHgroup:
    case Tag::kIframe: case Tag::kLi: case Tag::kMain: case Tag::kMenu: case Tag::kNav:
    case Tag::kObject: case Tag::kOl: case Tag::kP: case Tag::kPre: case Tag::kSection:
    case Tag::kSelect: case Tag::kSummary: case Tag::kTable: case Tag::kTbody: case Tag::kTd:
    case Tag::kTemplate: case Tag::kTextarea: case Tag::kTfoot: case Tag::kTh: case Tag::kThead:
    case Tag::kTr: case Tag::kUl: case Tag::kAddress: case Tag::kSearch: case Tag::kDialog:
      return true;
    default:
      return false;
  }
}

bool IsDefaultScopeBarrier(Tag t) {
  return t == Tag::kDocument || t == Tag::kHtml || t == Tag::kTable || t == Tag::kTd ||
         t == Tag::kTh || t == Tag::kCaption || t == Tag::kTemplate || t == Tag::kObject;
}

bool ClosesP(Tag t) {
  switch (t) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote:
    case Tag::kCenter: case Tag::kDetails: case Tag::kDialog: case Tag::kDiv: case Tag::kDl:
    case Tag::kFieldset: case Tag::kFigcaption: case Tag::kFigure: case Tag::kFooter:
    case Tag::kForm: case Tag::kHeader: case Tag::kHgroup: case Tag::kMain: case Tag::kMenu:
    case Tag::kNav: case Tag::kOl: case Tag::kP: case Tag::kSearch: case Tag::kSection:
    case Tag::kSummary: case Tag::kUl: case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4:
    case Tag::kH5: case Tag::kH6: case Tag::kPre: case Tag::kTable: case Tag::kHr: case Tag::kLi:
    case Tag::kDd: case Tag::kDt:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// Elements whose content is not markup; the parser jumps to their end tag.
enum class RawKind { kNone, kSkip, kText };

RawKind RawKindOf(Tag t) {
  switch (t) {
    case Tag::kStyle: case Tag::kXmp: case Tag::kIframe: case Tag::kNoembed: case Tag::kNoframes:
    case Tag::kNoscript: case Tag::kTextarea: case Tag::kSvg: case Tag::kMath: case Tag::kTemplate:
      return RawKind::kSkip;
    case Tag::kTitle:
      return RawKind::kText;
    default:
      return RawKind::kNone;
  }
}

// Finds "</name" (ASCII case-insensitive) at or after `from`; npos if none.
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  while (from < s.size()) {
    const void* p = std::memchr(s.data() + from, '<', s.size() - from);
    if (p == nullptr) return std::string_view::npos;
    size_t i = static_cast<const char*>(p) - s.data();
    if (i + 2 + name.size() <= s.size() && s[i + 1] == '/') {
      bool match = true;
      for (size_t k = 0; k < name.size(); ++k) {
        if (Lower(s[i + 2 + k]) != name[k]) { match = false; break; }
      }
      if (match) {
        size_t after = i + 2 + name.size();
        if (after >= s.size() || !IsAsciiAlnum(s[after])) return i;
      }
    }
    from = i + 1;
  }
  return std::string_view::npos;
}

const std::unordered_map<std::string_view, std::string>& EntityTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::string>();
    auto file = DataFile("data/html_entities.tsv");
    if (!file) return t;
    t->reserve(2300);
    for (const auto& row : ReadTable(*file)) {
      if (row.size() < 2) continue;
      std::string text;
      size_t i = 0;
      std::string_view cps = row[1];
      while (i < cps.size()) {
        size_t j = cps.find(' ', i);
        if (j == std::string_view::npos) j = cps.size();
        char32_t cp = 0;
        for (size_t k = i; k < j; ++k) {
          char c = cps[k];
          cp = cp * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
        }
        text::AppendUtf8(cp, &text);
        i = j + 1;
      }
      (*t)[row[0]] = std::move(text);
    }
    return t;
  }();
  return *table;
}

// Code points 0x80-0x9F in numeric references mean windows-1252 (HTML spec).
constexpr char32_t kC1Remap[32] = {
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};

// Decodes one reference at in[i] == '&'. Returns bytes consumed (0: not a reference).
size_t DecodeOne(std::string_view in, size_t i, bool in_attribute, std::string* out) {
  size_t j = i + 1;
  if (j < in.size() && in[j] == '#') {
    ++j;
    bool hex = j < in.size() && (in[j] == 'x' || in[j] == 'X');
    if (hex) ++j;
    size_t start = j;
    uint64_t v = 0;
    while (j < in.size() && j - start < 10) {
      char c = in[j];
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f') d = (c | 32) - 'a' + 10;
      else break;
      v = v * (hex ? 16 : 10) + d;
      ++j;
    }
    if (j == start) return 0;
    while (j < in.size() && (in[j] >= '0' && in[j] <= '9')) ++j;  // absurdly long: skip digits
    if (j < in.size() && in[j] == ';') ++j;
    char32_t cp = static_cast<char32_t>(v);
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) cp = 0xFFFD;
    else if (v >= 0x80 && v <= 0x9F) cp = kC1Remap[v - 0x80];
    text::AppendUtf8(cp, out);
    return j - i;
  }
  size_t start = j;
  while (j < in.size() && j - start < 32 && IsAsciiAlnum(in[j])) ++j;
  if (j == start) return 0;
  const auto& table = EntityTable();
  if (j < in.size() && in[j] == ';') {
    auto it = table.find(in.substr(start, j - start + 1));
    if (it != table.end()) {
      out->append(it->second);
      return j + 1 - i;
    }
  }
  // Legacy references without ';' (&amp &nbsp &copy ...), longest first.
  for (size_t len = std::min<size_t>(j - start, 6); len >= 2; --len) {
    auto it = table.find(in.substr(start, len));
    if (it == table.end()) continue;
    size_t after = start + len;
    if (in_attribute && after < in.size() && (in[after] == '=' || IsAsciiAlnum(in[after]))) return 0;
    out->append(it->second);
    return after - i;
  }
  return 0;
}

class TreeBuilder {
 public:
  TreeBuilder(std::string_view html, const HtmlParseOptions& options, HtmlTree* tree)
      : in_(html), opt_(options), tree_(*tree) {
    tree_.nodes.reserve(html.size() / 40 + 16);
    Node doc;
    doc.tag = Tag::kDocument;
    tree_.nodes.push_back(doc);
    stack_.push_back(0);
  }

  void Run() {
    size_t i = 0;
    while (i < in_.size()) {
      if (tree_.nodes.size() >= opt_.max_nodes) {
        tree_.truncated = true;
        return;
      }
      const void* p = std::memchr(in_.data() + i, '<', in_.size() - i);
      size_t lt = p ? static_cast<const char*>(p) - in_.data() : in_.size();
      if (lt > i) AddText(in_.substr(i, lt - i));
      if (lt >= in_.size()) break;
      i = Markup(lt);
    }
  }

 private:
  // Handles the markup starting at in_[lt] == '<'; returns the next position.
  size_t Markup(size_t lt) {
    size_t n = in_.size();
    size_t j = lt + 1;
    if (j >= n) { AddText(in_.substr(lt)); return n; }
    char c = in_[j];
    if (c == '!') {
      if (in_.compare(j, 3, "!--") == 0) {
        size_t end = in_.find("-->", j + 3);
        return end == std::string_view::npos ? n : end + 3;
      }
      size_t end = in_.find('>', j);
      return end == std::string_view::npos ? n : end + 1;
    }
    if (c == '?') {
      size_t end = in_.find('>', j);
      return end == std::string_view::npos ? n : end + 1;
    }
    bool end_tag = false;
    if (c == '/') {
      end_tag = true;
      ++j;
      if (j >= n) return n;
      if (!IsAsciiAlpha(in_[j])) {  // bogus comment, or "</>"
        size_t end = in_.find('>', j);
        return end == std::string_view::npos ? n : end + 1;
      }
    } else if (!IsAsciiAlpha(c)) {
      AddText(in_.substr(lt, 1));
      return lt + 1;
    }
    // Tag name.
    char name_buf[16];
    size_t name_len = 0;
    size_t k = j;
    while (k < n && !IsHtmlSpace(in_[k]) && in_[k] != '/' && in_[k] != '>') {
      if (name_len < sizeof(name_buf)) name_buf[name_len] = Lower(in_[k]);
      ++name_len;
      ++k;
    }
    Tag tag = name_len <= sizeof(name_buf) ? LookupTag(std::string_view(name_buf, name_len)) : Tag::kOther;
    // Attributes.
    uint32_t attr_begin = static_cast<uint32_t>(tree_.attrs.size());
    bool self_closing = false;
    while (k < n) {
      char ch = in_[k];
      if (ch == '>') { ++k; break; }
      if (IsHtmlSpace(ch)) { ++k; continue; }
      if (ch == '/') { self_closing = k + 1 < n && in_[k + 1] == '>'; ++k; continue; }
      size_t an = k;
      while (k < n && !IsHtmlSpace(in_[k]) && in_[k] != '/' && in_[k] != '>' &&
             (in_[k] != '=' || k == an)) ++k;
      std::string_view aname = in_.substr(an, k - an);
      while (k < n && IsHtmlSpace(in_[k])) ++k;
      std::string_view value;
      if (k < n && in_[k] == '=') {
        ++k;
        while (k < n && IsHtmlSpace(in_[k])) ++k;
        if (k < n && (in_[k] == '"' || in_[k] == '\'')) {
          char q = in_[k++];
          const void* e = std::memchr(in_.data() + k, q, n - k);
          size_t end = e ? static_cast<const char*>(e) - in_.data() : n;
          value = in_.substr(k, end - k);
          k = end < n ? end + 1 : n;
        } else {
          size_t vs = k;
          while (k < n && !IsHtmlSpace(in_[k]) && in_[k] != '>') ++k;
          value = in_.substr(vs, k - vs);
        }
      }
      if (end_tag || aname.size() > 16) continue;
      char lower[16];
      for (size_t a = 0; a < aname.size(); ++a) lower[a] = Lower(aname[a]);
      Attr which;
      if (!LookupAttr(std::string_view(lower, aname.size()), &which)) continue;
      if (value.find('&') != std::string_view::npos) {
        std::string decoded;
        DecodeEntities(value, /*in_attribute=*/true, &decoded);
        tree_.owned.push_back(std::move(decoded));
        value = tree_.owned.back();
      }
      tree_.attrs.push_back({which, value});
    }
    if (end_tag) {
      EndTag(tag, std::string_view(name_buf, std::min(name_len, sizeof(name_buf))), name_len);
      return k;
    }
    uint32_t node = StartTag(tag, attr_begin, self_closing);
    // Raw-text and skipped elements: jump to their end tag.
    if (tag == Tag::kScript) {
      size_t end = FindEndTag(in_, k, "script");
      size_t stop = end == std::string_view::npos ? n : end;
      std::string_view type = tree_.Get(node, Attr::kType);
      if (type.find("ld+json") != std::string_view::npos) {
        AddChildText(node, in_.substr(k, stop - k));
      }
      PopIfTop(node);
      return SkipEndTag(stop);
    }
    if (tag == Tag::kPlaintext) return n;
    RawKind raw = RawKindOf(tag);
    if (raw == RawKind::kNone) return k;
    std::string_view tname(name_buf, name_len);
    size_t end = FindEndTag(in_, k, tname);
    size_t stop = end == std::string_view::npos ? n : end;
    if (raw == RawKind::kText) {
      std::string_view body = in_.substr(k, stop - k);
      if (body.find('&') != std::string_view::npos) {
        std::string decoded;
        DecodeEntities(body, false, &decoded);
        tree_.owned.push_back(std::move(decoded));
        body = tree_.owned.back();
      }
      AddChildText(node, body);
    }
    PopIfTop(node);
    return SkipEndTag(stop);
  }

  size_t SkipEndTag(size_t at) {
    if (at >= in_.size()) return in_.size();
    size_t end = in_.find('>', at);
    return end == std::string_view::npos ? in_.size() : end + 1;
  }

  uint32_t NewNode(Tag tag, uint32_t attr_begin) {
    uint32_t parent = stack_.back();
    uint32_t id = static_cast<uint32_t>(tree_.nodes.size());
    Node node;
    node.tag = tag;
    node.parent = parent;
    node.attr_begin = attr_begin;
    node.attr_end = static_cast<uint32_t>(tree_.attrs.size());
    tree_.nodes.push_back(node);
    Node& p = tree_.nodes[parent];
    if (p.last_child == kNoNode) p.first_child = id;
    else tree_.nodes[p.last_child].next_sibling = id;
    p.last_child = id;
    return id;
  }

  void AddChildText(uint32_t parent, std::string_view text) {
    if (text.empty()) return;
    stack_.push_back(parent);
    uint32_t id = NewNode(Tag::kText, static_cast<uint32_t>(tree_.attrs.size()));
    tree_.nodes[id].text = text;
    stack_.pop_back();
  }

  void AddText(std::string_view raw) {
    if (raw.find('&') != std::string_view::npos) {
      std::string decoded;
      DecodeEntities(raw, false, &decoded);
      tree_.owned.push_back(std::move(decoded));
      raw = tree_.owned.back();
    }
    // Adjacent text (after a skipped comment) merges into one node when
    // contiguous in memory; otherwise a second text node follows.
    uint32_t id = NewNode(Tag::kText, static_cast<uint32_t>(tree_.attrs.size()));
    tree_.nodes[id].text = raw;
  }

  Tag Top() const { return tree_.nodes[stack_.back()].tag; }

  void PopThrough(size_t index) { stack_.resize(index); }

  void PopIfTop(uint32_t node) {
    if (stack_.size() > 1 && stack_.back() == node) stack_.pop_back();
  }

  // Index in stack_ of the nearest open `tag`, searching down to a barrier;
  // 0 when none (index 0 is the document, never closed).
  template <typename Barrier>
  size_t FindOpen(Tag tag, Barrier barrier) const {
    for (size_t i = stack_.size(); i-- > 1;) {
      Tag t = tree_.nodes[stack_[i]].tag;
      if (t == tag) return i;
      if (barrier(t)) return 0;
    }
    return 0;
  }

  void CloseP() {
    size_t i = FindOpen(Tag::kP, [](Tag t) { return IsDefaultScopeBarrier(t) || t == Tag::kButton; });
    if (i) PopThrough(i);
  }

  uint32_t StartTag(Tag tag, uint32_t attr_begin, bool self_closing) {
    switch (tag) {
      case Tag::kHtml: case Tag::kBody: case Tag::kHead:
        for (size_t i = 1; i < stack_.size(); ++i) {
          if (tree_.nodes[stack_[i]].tag == tag) {  // repeated: keep the first
            tree_.attrs.resize(attr_begin);
            return stack_[i];
          }
        }
        if (tag == Tag::kBody) {
          size_t h = FindOpen(Tag::kHead, [](Tag) { return false; });
          if (h) PopThrough(h);
        }
        break;
      case Tag::kLi: {
        auto stop = [](Tag t) {
          return IsSpecial(t) && t != Tag::kAddress && t != Tag::kDiv && t != Tag::kP && t != Tag::kLi;
        };
        size_t i = FindOpen(Tag::kLi, stop);
        if (i) PopThrough(i);
        break;
      }
      case Tag::kDd: case Tag::kDt: {
        for (size_t i = stack_.size(); i-- > 1;) {
          Tag t = tree_.nodes[stack_[i]].tag;
          if (t == Tag::kDd || t == Tag::kDt) { PopThrough(i); break; }
          if (IsSpecial(t) && t != Tag::kAddress && t != Tag::kDiv && t != Tag::kP) break;
        }
        break;
      }
      case Tag::kTd: case Tag::kTh: {
        auto table_scope = [](Tag t) { return t == Tag::kTable || t == Tag::kTemplate || t == Tag::kHtml; };
        size_t i = FindOpen(Tag::kTd, table_scope);
        if (!i) i = FindOpen(Tag::kTh, table_scope);
        if (i) PopThrough(i);
        break;
      }
      case Tag::kTr: {
        size_t i = FindOpen(Tag::kTr, [](Tag t) { return t == Tag::kTable || t == Tag::kTemplate; });
        if (i) PopThrough(i);
        break;
      }
      case Tag::kOption: case Tag::kOptgroup:
        if (Top() == Tag::kOption) stack_.pop_back();
        if (tag == Tag::kOptgroup && Top() == Tag::kOptgroup) stack_.pop_back();
        break;
      case Tag::kA: {
        size_t i = FindOpen(Tag::kA, [](Tag t) { return IsDefaultScopeBarrier(t) || t == Tag::kButton; });
        if (i) PopThrough(i);
        break;
      }
      default:
        break;
    }
    if (ClosesP(tag)) CloseP();
    if (IsHeading(tag) && IsHeading(Top())) stack_.pop_back();
    uint32_t node = NewNode(tag, attr_begin);
    bool leaf = IsVoid(tag) || (self_closing && tag == Tag::kOther);
    if (!leaf) {
      if (stack_.size() < opt_.max_depth) {
        stack_.push_back(node);
      } else if (RawKindOf(tag) != RawKind::kNone || tag == Tag::kScript) {
        stack_.push_back(node);  // popped right after its raw body
      }
    }
    return node;
  }

  void EndTag(Tag tag, std::string_view name, size_t name_len) {
    switch (tag) {
      case Tag::kBr: {
        NewNode(Tag::kBr, static_cast<uint32_t>(tree_.attrs.size()));
        return;
      }
      case Tag::kBody: case Tag::kHtml:
        return;  // content after </body> still belongs to the body
      case Tag::kP: CloseP(); return;
      case Tag::kLi: {
        size_t i = FindOpen(tag, [](Tag t) {
          return IsDefaultScopeBarrier(t) || t == Tag::kOl || t == Tag::kUl;
        });
        if (i) PopThrough(i);
        return;
      }
      case Tag::kOther: {
        // Unknown elements all share kOther; an end tag closes the nearest
        // open unknown element only when it is the current node.
        if (Top() == Tag::kOther && stack_.size() > 1) stack_.pop_back();
        return;
      }
      default:
        break;
    }
    if (IsHeading(tag)) {
      for (size_t i = stack_.size(); i-- > 1;) {
        Tag t = tree_.nodes[stack_[i]].tag;
        if (IsHeading(t)) { PopThrough(i); return; }
        if (IsDefaultScopeBarrier(t)) return;
      }
      return;
    }
    if (IsSpecial(tag)) {
      size_t i = FindOpen(tag, [tag](Tag t) {
        if (tag == Tag::kTable || tag == Tag::kTr || tag == Tag::kTd || tag == Tag::kTh ||
            tag == Tag::kTbody || tag == Tag::kThead || tag == Tag::kTfoot || tag == Tag::kCaption) {
          return t == Tag::kTable && tag != Tag::kTable;
        }
        return IsDefaultScopeBarrier(t);
      });
      if (i) PopThrough(i);
      return;
    }
    // Any other end tag: close the nearest open element of that name, but
    // never across a special element.
    for (size_t i = stack_.size(); i-- > 1;) {
      Tag t = tree_.nodes[stack_[i]].tag;
      if (t == tag) { PopThrough(i); return; }
      if (IsSpecial(t)) return;
    }
  }

  std::string_view in_;
  const HtmlParseOptions& opt_;
  HtmlTree& tree_;
  std::vector<uint32_t> stack_;
};

}  // namespace

void DecodeEntities(std::string_view in, bool in_attribute, std::string* out) {
  out->reserve(out->size() + in.size());
  size_t i = 0;
  while (i < in.size()) {
    size_t amp = in.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(in.substr(i));
      return;
    }
    out->append(in.substr(i, amp - i));
    size_t used = DecodeOne(in, amp, in_attribute, out);
    if (used == 0) {
      out->push_back('&');
      i = amp + 1;
    } else {
      i = amp + used;
    }
  }
}

HtmlTree ParseHtml(std::string_view html, const HtmlParseOptions& options) {
  HtmlTree tree;
  TreeBuilder builder(html, options, &tree);
  builder.Run();
  return tree;
}

}  // namespace malaf::html
