# Stories benchmarks: duplicate/story quality on SaudiNewsNet, and scale.
add_executable(stories_quality ${CMAKE_CURRENT_LIST_DIR}/stories_quality.cc)
target_include_directories(stories_quality PRIVATE ${PROJECT_SOURCE_DIR}/tests/stories)
target_compile_definitions(stories_quality PRIVATE MALAF_SHARED_CORPUS="${PROJECT_SOURCE_DIR}/../shared/corpus")
target_link_libraries(stories_quality PRIVATE malaf_flags malaf_stories PkgConfig::LIBARCHIVE)
add_executable(stories_clusters ${CMAKE_CURRENT_LIST_DIR}/stories_clusters.cc)
target_include_directories(stories_clusters PRIVATE ${PROJECT_SOURCE_DIR}/tests/stories)
target_compile_definitions(stories_clusters PRIVATE MALAF_SHARED_CORPUS="${PROJECT_SOURCE_DIR}/../shared/corpus")
target_link_libraries(stories_clusters PRIVATE malaf_flags malaf_stories PkgConfig::LIBARCHIVE)
# The JSONL reader of the search benchmarks (search_corpus.cc) is compiled in
# directly: search.cmake is included after this file.
if(TARGET malaf_store AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/search_corpus.cc)
  add_executable(stories_scale ${CMAKE_CURRENT_LIST_DIR}/stories_scale.cc ${CMAKE_CURRENT_LIST_DIR}/search_corpus.cc)
  target_link_libraries(stories_scale PRIVATE malaf_flags malaf_stories malaf_store malaf_text nlohmann_json::nlohmann_json
    PkgConfig::LIBARCHIVE)
endif()
