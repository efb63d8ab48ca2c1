# Main-content extraction from HTML pages and text dumps (page.h).
target_sources(malaf_extract PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/html_page.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_page.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_furniture.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_html_tree.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_text_shape.cc
)
