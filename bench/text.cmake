# Text-analysis benchmark: malaf's chain against Lucene++'s ArabicAnalyzer and
# Xapian's TermGenerator (Snowball arabic). Run with bench/run-text.sh BUILD_DIR.
find_package(liblucene++ CONFIG QUIET PATHS /usr/lib/x86_64-linux-gnu/cmake/liblucene++)
if(liblucene++_FOUND AND EXISTS /usr/include/boost/shared_ptr.hpp)
  add_executable(text_bench ${CMAKE_CURRENT_LIST_DIR}/text_bench.cc)
  target_include_directories(text_bench SYSTEM PRIVATE ${liblucene++_INCLUDE_DIRS})
  target_link_directories(text_bench PRIVATE ${liblucene++_LIBRARY_DIRS})
  target_link_libraries(text_bench PRIVATE malaf_flags malaf_text benchmark::benchmark
    nlohmann_json::nlohmann_json PkgConfig::XAPIAN lucene++ lucene++-contrib)
else()
  message(STATUS "text bench skipped: Lucene++ (liblucene++-dev) or Boost headers (libboost-dev) missing")
endif()
