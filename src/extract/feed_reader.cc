#include "extract/feed_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>

#include <pugixml.hpp>

#include "base/data_files.h"
#include "text/utf8.h"

namespace malaf {
namespace {

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool NameIs(const pugi::xml_node& n, std::string_view local) {
  return n.type() == pugi::node_element && LocalName(n.name()) == local;
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (NameIs(c, local)) return c;
  return {};
}

// Text of an element: its text and CDATA children (iteratively, all
// descendants), trimmed.
std::string TextOf(const pugi::xml_node& n) {
  std::string out;
  if (!n) return out;
  for (pugi::xml_node c = n.first_child(); c;) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    if (c.first_child()) {
      c = c.first_child();
      continue;
    }
    while (c && !c.next_sibling() && c != n) c = c.parent();
    if (!c || c == n) break;
    c = c.next_sibling();
  }
  size_t b = out.find_first_not_of(" \t\r\n");
  size_t e = out.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : out.substr(b, e - b + 1);
}

// The markup inside an element (Atom type="xhtml" content), serialized.
std::string InnerXml(const pugi::xml_node& n) {
  struct Writer : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
  } w;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    c.print(w, "", pugi::format_raw | pugi::format_no_declaration);
  return w.out;
}

const std::unordered_map<std::string, std::string>& NamedEntities() {
  static const auto* table = [] {
    auto* m = new std::unordered_map<std::string, std::string>();
    auto file = DataFile("data/html_entities.tsv");
    if (!file) return m;
    for (const auto& row : ReadTable(*file)) {
      if (row.size() < 2) continue;
      std::string name(row[0]);
      if (!name.empty() && name.back() == ';') name.pop_back();
      std::string utf8;
      std::string_view cps = row[1];
      size_t i = 0;
      while (i < cps.size()) {
        size_t j = cps.find(' ', i);
        if (j == std::string_view::npos) j = cps.size();
        std::string hex(cps.substr(i, j - i));
        if (!hex.empty()) text::AppendUtf8(static_cast<char32_t>(std::strtoul(hex.c_str(), nullptr, 16)), &utf8);
        i = j + 1;
      }
      m->emplace(std::move(name), std::move(utf8));
    }
    return m;
  }();
  return *table;
}

// Decodes "&name;", "&#123;" and "&#x7B;" at s[i] ('&'); appends the result
// and returns the bytes consumed, or 0 when it is no reference.
size_t DecodeReference(std::string_view s, size_t i, std::string* out) {
  size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 40) return 0;
  std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body.empty()) return 0;
  if (body[0] == '#') {
    unsigned long cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string digits(body.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 8) return 0;
    for (char c : digits)
      if (!(hex ? std::isxdigit(static_cast<unsigned char>(c)) : std::isdigit(static_cast<unsigned char>(c)))) return 0;
    cp = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    text::AppendUtf8(static_cast<char32_t>(cp), out);
    return semi - i + 1;
  }
  const auto& m = NamedEntities();
  auto it = m.find(std::string(body));
  if (it == m.end()) return 0;
  out->append(it->second);
  return semi - i + 1;
}

bool IsBlockTag(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
      "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dd", "dt", "dl"};
  for (std::string_view b : kBlocks)
    if (tag == b) return true;
  return false;
}

std::string Trimmed(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Entity declarations in the DTD's internal subset whose replacement text
// refers to another entity: the shape of an exponential-expansion attack
// ("billion laughs"). pugixml would not expand them, but such a feed is
// hostile, and its text would be left full of unexpanded references.
bool DeclaresNestedEntities(std::string_view xml) {
  size_t doctype = xml.find("<!DOCTYPE");
  if (doctype == std::string_view::npos) return false;
  size_t root = xml.find("<rss");
  size_t root2 = xml.find("<feed");
  size_t limit = std::min(root, root2);
  if (doctype > limit) return false;
  std::string_view dtd = xml.substr(doctype, limit == std::string_view::npos ? std::string_view::npos : limit - doctype);
  for (size_t p = dtd.find("<!ENTITY"); p != std::string_view::npos; p = dtd.find("<!ENTITY", p + 8)) {
    size_t end = dtd.find('>', p);
    std::string_view decl = dtd.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p);
    for (size_t a = decl.find('&'); a != std::string_view::npos; a = decl.find('&', a + 1))
      if (a + 1 < decl.size() && decl[a + 1] != '#') return true;
  }
  return false;
}

}  // namespace

std::string HtmlFragmentToText(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::string_view skip_until;  // "</script" or "</style" while inside one
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (!skip_until.empty()) {
      size_t p = i;
      // Case-insensitive search for the closing tag.
      for (; p + skip_until.size() <= html.size(); ++p) {
        bool eq = true;
        for (size_t k = 0; k < skip_until.size() && eq; ++k)
          eq = std::tolower(static_cast<unsigned char>(html[p + k])) == skip_until[k];
        if (eq) break;
      }
      if (p + skip_until.size() > html.size()) break;
      i = p;
      skip_until = {};
      continue;
    }
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      size_t end = html.find('>', i + 1);
      if (end == std::string_view::npos) break;  // a cut tag: drop it
      std::string_view tag = html.substr(i + 1, end - i - 1);
      bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      size_t n = 0;
      while (n < tag.size() && std::isalnum(static_cast<unsigned char>(tag[n]))) ++n;
      std::string name(tag.substr(0, n));
      for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!closing && (name == "script" || name == "style" || name == "noscript"))
        skip_until = name == "script" ? "</script" : name == "style" ? "</style" : "</noscript";
      if (IsBlockTag(name)) out.push_back('\n');
      else if (name == "td" || name == "th") out.push_back(' ');
      i = end + 1;
      continue;
    }
    if (c == '&') {
      size_t used = DecodeReference(html, i, &out);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

Result<Feed> ReadFeed(std::string_view xml, const FeedOptions& options) {
  if (xml.size() > options.max_bytes)
    return Status::ResourceExhausted("feed larger than " + std::to_string(options.max_bytes) + " bytes");
  if (DeclaresNestedEntities(xml))
    return Status::ResourceExhausted("feed declares entities built from other entities (billion laughs): refused");
  pugi::xml_document doc;
  // parse_default does not include parse_doctype: the DTD, and with it
  // every entity declaration, is skipped; undeclared references stay text.
  pugi::xml_parse_result res =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
  if (!res) {
    return Status::Corruption(std::string("malformed XML: ") + res.description() + " at byte " +
                              std::to_string(res.offset));
  }
  pugi::xml_node root = doc.document_element();
  Feed feed;
  auto too_many = [&] {
    return Status::ResourceExhausted("more than " + std::to_string(options.max_items) + " feed items");
  };
  if (NameIs(root, "rss") || NameIs(root, "RDF")) {
    feed.kind = "rss";
    pugi::xml_node channel = Child(root, "channel");
    feed.title = TextOf(Child(channel, "title"));
    feed.link = TextOf(Child(channel, "link"));
    for (const char* name : {"lastBuildDate", "pubDate", "date"}) {
      feed.date_text = TextOf(Child(channel, name));
      if (!feed.date_text.empty()) break;
    }
    // RSS 2.0 puts items in the channel, RSS 1.0 beside it.
    for (pugi::xml_node parent : {channel, root}) {
      if (!parent) continue;
      for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
        if (!NameIs(n, "item")) continue;
        if (feed.items.size() >= options.max_items) return too_many();
        FeedItem it;
        it.title = Trimmed(HtmlFragmentToText(TextOf(Child(n, "title"))));
        it.link = TextOf(Child(n, "link"));
        if (it.link.empty()) {
          pugi::xml_node guid = Child(n, "guid");
          std::string g = TextOf(guid);
          if (g.rfind("http", 0) == 0 && std::string_view(guid.attribute("isPermaLink").as_string("true")) != "false")
            it.link = g;
        }
        for (const char* name : {"pubDate", "date", "published", "updated"}) {
          it.date_text = TextOf(Child(n, name));
          if (!it.date_text.empty()) break;
        }
        for (pugi::xml_node a = n.first_child(); a; a = a.next_sibling())
          if (NameIs(a, "author") || NameIs(a, "creator")) {
            std::string who = TextOf(a);
            if (!who.empty()) it.authors.push_back(who);
          }
        it.content = TextOf(Child(n, "encoded"));
        if (it.content.empty()) it.content = TextOf(Child(n, "description"));
        feed.items.push_back(std::move(it));
      }
    }
    return feed;
  }
  if (NameIs(root, "feed")) {
    feed.kind = "atom";
    auto atom_text = [](const pugi::xml_node& n, bool* is_html) {
      std::string_view type = n.attribute("type").as_string("text");
      if (type == "xhtml") {
        if (is_html) *is_html = true;
        return InnerXml(n);
      }
      bool html = type == "html" || type == "text/html";
      if (is_html) *is_html = html;
      std::string t = TextOf(n);
      return t;
    };
    bool html = false;
    feed.title = Trimmed(HtmlFragmentToText(atom_text(Child(root, "title"), nullptr)));
    feed.date_text = TextOf(Child(root, "updated"));
    for (pugi::xml_node l = root.first_child(); l; l = l.next_sibling())
      if (NameIs(l, "link") && std::string_view(l.attribute("rel").as_string("alternate")) == "alternate") {
        feed.link = l.attribute("href").as_string();
        break;
      }
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (!NameIs(n, "entry")) continue;
      if (feed.items.size() >= options.max_items) return too_many();
      FeedItem it;
      it.title = Trimmed(HtmlFragmentToText(atom_text(Child(n, "title"), nullptr)));
      for (pugi::xml_node l = n.first_child(); l; l = l.next_sibling())
        if (NameIs(l, "link") && std::string_view(l.attribute("rel").as_string("alternate")) == "alternate") {
          it.link = l.attribute("href").as_string();
          break;
        }
      for (const char* name : {"published", "updated", "issued", "modified"}) {
        it.date_text = TextOf(Child(n, name));
        if (!it.date_text.empty()) break;
      }
      for (pugi::xml_node a = n.first_child(); a; a = a.next_sibling())
        if (NameIs(a, "author")) {
          std::string who = TextOf(Child(a, "name"));
          if (!who.empty()) it.authors.push_back(who);
        }
      pugi::xml_node content = Child(n, "content");
      if (!content) content = Child(n, "summary");
      it.content = atom_text(content, &html);
      it.content_is_html = html;
      feed.items.push_back(std::move(it));
    }
    return feed;
  }
  return Status::Unsupported(std::string("XML document with root <") + (root ? root.name() : "") +
                             ">, neither RSS nor Atom");
}

}  // namespace malaf
