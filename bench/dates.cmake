# Date parser harness for bench/run-dates.sh (malaf vs Python's dateparser).
add_executable(dates_bench ${CMAKE_CURRENT_LIST_DIR}/dates_bench.cc)
target_link_libraries(dates_bench PRIVATE malaf_flags malaf_extract)
