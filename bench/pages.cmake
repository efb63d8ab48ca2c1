# Main-text extraction benchmark (bench/run-pages.sh runs it against readability-lxml).
add_executable(pages_bench ${CMAKE_CURRENT_LIST_DIR}/pages_bench.cc)
target_link_libraries(pages_bench PRIVATE malaf_flags malaf_extract nlohmann_json::nlohmann_json PkgConfig::LIBARCHIVE)
