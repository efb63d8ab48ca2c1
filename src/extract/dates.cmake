# Dates, datelines, agencies, authors and the outlet registry (see date_parser.h, metadata.h, outlets.h).
target_sources(malaf_extract PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/date_parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/fold_tokens.cc
  ${CMAKE_CURRENT_LIST_DIR}/metadata.cc
  ${CMAKE_CURRENT_LIST_DIR}/outlets.cc
  ${CMAKE_CURRENT_LIST_DIR}/places.cc
)
