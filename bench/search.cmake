# Search benchmarks: malaf vs Xapian (stock Snowball arabic) vs Lucene++ ArabicAnalyzer,
# and the corpus generator. Run with bench/run-search.sh BUILD_DIR.
find_package(liblucene++ CONFIG QUIET PATHS /usr/lib/x86_64-linux-gnu/cmake/liblucene++)
if(liblucene++_FOUND AND EXISTS /usr/include/boost/shared_ptr.hpp)
  add_library(malaf_search_bench_corpus STATIC ${CMAKE_CURRENT_LIST_DIR}/search_corpus.cc)
  target_link_libraries(malaf_search_bench_corpus PUBLIC malaf_flags malaf_text malaf_base
    nlohmann_json::nlohmann_json PRIVATE PkgConfig::LIBARCHIVE)
  add_executable(search_bench ${CMAKE_CURRENT_LIST_DIR}/search_bench.cc)
  target_include_directories(search_bench SYSTEM PRIVATE ${liblucene++_INCLUDE_DIRS})
  target_link_directories(search_bench PRIVATE ${liblucene++_LIBRARY_DIRS})
  target_link_libraries(search_bench PRIVATE malaf_search malaf_search_bench_corpus PkgConfig::XAPIAN
    lucene++ lucene++-contrib)
  add_executable(corpus_gen ${CMAKE_CURRENT_LIST_DIR}/corpus_gen.cc)
  target_link_libraries(corpus_gen PRIVATE malaf_search_bench_corpus malaf_text)
else()
  message(STATUS "search bench skipped: Lucene++ (liblucene++-dev) or Boost headers (libboost-dev) missing")
endif()
