// A fast, forgiving HTML parser that builds the small tree main-content
// extraction needs: elements with the attributes extraction reads, and text.
//
// Why not gumbo: gumbo builds a spec-exact tree but parses at ~20 MB/s;
// extraction must run well over an order of magnitude faster than the
// readability peer, and it needs only block structure, text, links and a few
// attributes. This parser scans with memchr, skips script/style/svg bodies
// without tokenizing them, applies the implied-end-tag rules that matter for
// text blocks (p, li, dd/dt, tr/td, option, headings), and caps tree depth
// (deeper elements attach to the deepest allowed parent), so work and memory
// are linear in the input on any bytes.
//
// A HtmlTree borrows from the input string: text and attribute views point
// into it (or into the tree's own storage when entities were decoded), so the
// input must outlive the tree. Not thread-safe to mutate; const use is safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace malaf::html {

enum class Tag : uint8_t {
  kOther, kDocument, kText,
  kHtml, kHead, kBody, kTitle, kMeta, kLink, kBase, kScript, kStyle, kNoscript, kTemplate,
  kSvg, kMath, kIframe, kObject, kEmbed, kVideo, kAudio, kCanvas, kPicture, kSource, kImg,
  kP, kDiv, kSpan, kA, kBr, kHr, kWbr, kH1, kH2, kH3, kH4, kH5, kH6,
  kUl, kOl, kLi, kDl, kDt, kDd, kMenu,
  kTable, kCaption, kThead, kTbody, kTfoot, kTr, kTd, kTh, kCol, kColgroup,
  kBlockquote, kPre, kCode, kSection, kArticle, kMain, kHeader, kFooter, kNav, kAside,
  kFigure, kFigcaption, kForm, kFieldset, kLegend, kButton, kInput, kSelect, kOption, kOptgroup,
  kTextarea, kLabel, kTime, kAddress, kDetails, kSummary, kDialog,
  kB, kI, kEm, kStrong, kSmall, kSup, kSub, kU, kAbbr, kCite, kQ, kFont, kCenter, kMark,
  kS, kDel, kIns, kBig, kTt, kKbd, kSamp, kVar, kDfn, kBdi, kBdo, kData, kNobr,
  kArea, kParam, kTrack, kKeygen, kXmp, kNoembed, kNoframes, kPlaintext, kFrameset, kFrame,
  kMap, kOutput, kProgress, kMeter, kDatalist, kHgroup, kSearch,
};

enum class Attr : uint8_t {
  kClass, kId, kName, kProperty, kContent, kHref, kRel, kItemprop, kDatetime, kLang,
  kRole, kType, kStyle, kHidden, kAriaHidden, kCharset, kHttpEquiv, kItemtype, kItemscope,
};

struct Attribute {
  Attr name;
  std::string_view value;  // entities decoded
};

inline constexpr uint32_t kNoNode = 0xFFFFFFFFu;

struct Node {
  Tag tag = Tag::kOther;
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t last_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t attr_begin = 0;  // [attr_begin, attr_end) in HtmlTree::attrs
  uint32_t attr_end = 0;
  std::string_view text;    // text nodes (entities decoded); raw body of ld+json scripts
};

struct HtmlParseOptions {
  size_t max_depth = 400;        // elements deeper than this attach to the level-max_depth parent
  size_t max_nodes = 4u << 20;   // parsing stops (tree kept) once this many nodes exist
};

struct HtmlTree {
  std::vector<Node> nodes;       // nodes[0] is the document
  std::vector<Attribute> attrs;
  std::deque<std::string> owned; // decoded strings the views point into
  bool truncated = false;        // max_nodes reached

  std::string_view Get(uint32_t node, Attr a) const {
    const Node& n = nodes[node];
    for (uint32_t i = n.attr_begin; i < n.attr_end; ++i) {
      if (attrs[i].name == a) return attrs[i].value;
    }
    return {};
  }
  bool Has(uint32_t node, Attr a) const {
    const Node& n = nodes[node];
    for (uint32_t i = n.attr_begin; i < n.attr_end; ++i) {
      if (attrs[i].name == a) return true;
    }
    return false;
  }
};

// Parses `html` (valid UTF-8). Never fails; any bytes give some tree.
// REQUIRES: `html` outlives the returned tree.
HtmlTree ParseHtml(std::string_view html, const HtmlParseOptions& options = {});

// Decodes character references (&amp; &#x627; &nbsp ...) in `in`, appending
// to `out`; `in_attribute` applies the attribute-value rule for legacy names.
void DecodeEntities(std::string_view in, bool in_attribute, std::string* out);

}  // namespace malaf::html
