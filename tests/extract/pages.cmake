# Main-content extraction (src/extract/page.h).
malaf_add_test(page_text_test SOURCES page_text_test.cc LIBS malaf_extract LABELS unit)
malaf_add_test(page_html_test SOURCES page_html_test.cc LIBS malaf_extract LABELS unit)
# Reference check of the fast HTML tree against gumbo on the benchmark pages.
malaf_add_test(page_html_tree_test SOURCES page_html_tree_test.cc
  LIBS malaf_extract PkgConfig::GUMBO PkgConfig::LIBARCHIVE LABELS corpus)
