# dsnet-bench-mux: stream-muxer CPU cost per frame and multi-stream efficiency.
add_executable(dsnet-bench-mux ${CMAKE_CURRENT_SOURCE_DIR}/bench_mux.c)
target_link_libraries(dsnet-bench-mux PRIVATE PkgConfig::GST)
