// The fast HTML tree against gumbo as the reference parser: on every page of
// the article-extraction benchmark, the visible words our tree yields must
// match the words of gumbo's spec-exact tree (skipped when the shared corpus
// is absent). Gumbo is the oracle here only; it is too slow for extraction.
#include <archive.h>
#include <archive_entry.h>
#include <gumbo.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include <gtest/gtest.h>

#include "extract/page_html_tree.h"

namespace malaf {
namespace {

bool ReadGzip(const std::string& path, std::string* out) {
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_raw(a);
  bool ok = archive_read_open_filename(a, path.c_str(), 1 << 16) == ARCHIVE_OK;
  archive_entry* entry;
  if (ok && archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    char buf[1 << 16];
    la_ssize_t n;
    while ((n = archive_read_data(a, buf, sizeof(buf))) > 0) out->append(buf, static_cast<size_t>(n));
    ok = n == 0;
  } else {
    ok = false;
  }
  archive_read_free(a);
  return ok;
}

void AddWords(std::string_view text, std::unordered_map<std::string, int>* words) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && static_cast<unsigned char>(text[i]) <= ' ') ++i;
    size_t s = i;
    while (i < text.size() && static_cast<unsigned char>(text[i]) > ' ') ++i;
    if (i > s) ++(*words)[std::string(text.substr(s, i - s))];
  }
}

bool GumboSkipped(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE ||
         t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH || t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_TEXTAREA ||
         t == GUMBO_TAG_HEAD || t == GUMBO_TAG_TITLE || t == GUMBO_TAG_XMP || t == GUMBO_TAG_NOEMBED ||
         t == GUMBO_TAG_NOFRAMES;
}

void GumboWords(const GumboNode* n, std::unordered_map<std::string, int>* words) {
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* x = stack.back();
    stack.pop_back();
    if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE || x->type == GUMBO_NODE_CDATA) {
      AddWords(x->v.text.text, words);
      continue;
    }
    if (x->type != GUMBO_NODE_ELEMENT && x->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector* kids = x->type == GUMBO_NODE_ELEMENT ? &x->v.element.children : &x->v.document.children;
    if (x->type == GUMBO_NODE_ELEMENT && GumboSkipped(x->v.element.tag)) continue;
    for (unsigned i = 0; i < kids->length; ++i) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
  }
}

bool TreeSkipped(html::Tag t) {
  using html::Tag;
  return t == Tag::kScript || t == Tag::kHead || t == Tag::kTitle;  // raw-text kinds have no children
}

void TreeWords(const html::HtmlTree& tree, std::unordered_map<std::string, int>* words) {
  std::vector<uint32_t> stack{0};
  while (!stack.empty()) {
    uint32_t n = stack.back();
    stack.pop_back();
    const html::Node& x = tree.nodes[n];
    if (x.tag == html::Tag::kText) {
      AddWords(x.text, words);
      continue;
    }
    if (TreeSkipped(x.tag)) continue;
    for (uint32_t c = x.first_child; c != html::kNoNode; c = tree.nodes[c].next_sibling) stack.push_back(c);
  }
}

TEST(ParseHtml, VisibleWordsMatchGumboOnBenchmarkPages) {
  const std::filesystem::path dir =
      std::filesystem::path(MALAF_SHARED_CORPUS) / "article-extraction-benchmark" / "html";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "shared corpus not found at " << dir;
  int pages = 0;
  long all_words = 0;
  double worst = 1.0;
  std::string worst_page;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string html;
    ASSERT_TRUE(ReadGzip(e.path().string(), &html)) << e.path();
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    std::unordered_map<std::string, int> want, got;
    GumboWords(out->root, &want);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    html::HtmlTree tree = html::ParseHtml(html);
    TreeWords(tree, &got);
    // Shared words (with multiplicity) over the larger side: both recall and precision.
    long common = 0, total_want = 0, total_got = 0;
    for (const auto& [w, c] : want) {
      total_want += c;
      auto it = got.find(w);
      if (it != got.end()) common += std::min(c, it->second);
    }
    for (const auto& [w, c] : got) total_got += c;
    double agreement = static_cast<double>(common) / static_cast<double>(std::max({total_want, total_got, 1L}));
    if (agreement < worst) {
      worst = agreement;
      worst_page = e.path().filename().string();
    }
    EXPECT_GE(agreement, 0.97) << e.path().filename();
    all_words += total_want;
    ++pages;
  }
  EXPECT_GT(pages, 0);
  EXPECT_GT(all_words, pages * 100L);  // the comparison saw real text
  RecordProperty("worst_agreement", std::to_string(worst) + " " + worst_page);
  RecordProperty("words", std::to_string(all_words));
}

}  // namespace
}  // namespace malaf
