# Input formats and the extractor front door (extractor.h).
target_sources(malaf_extract PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/line_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/format_detect.cc
  ${CMAKE_CURRENT_LIST_DIR}/dossier_reader.cc
  ${CMAKE_CURRENT_LIST_DIR}/feed_reader.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_reader.cc
  ${CMAKE_CURRENT_LIST_DIR}/archive_reader.cc
  ${CMAKE_CURRENT_LIST_DIR}/extractor.cc
)
