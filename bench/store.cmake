# Store throughput on real articles (bench/run-store.sh).
if(TARGET malaf_store)
  add_executable(store_bench ${CMAKE_CURRENT_LIST_DIR}/store_bench.cc)
  target_link_libraries(store_bench PRIVATE malaf_flags malaf_store)
endif()
