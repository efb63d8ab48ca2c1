# Tests of the dates part of extract: date parser, metadata, outlets.
malaf_add_test(date_parser_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/date_parser_test.cc LIBS malaf_extract LABELS unit)
malaf_add_test(metadata_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/metadata_test.cc LIBS malaf_extract LABELS unit)
