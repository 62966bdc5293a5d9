# dsnet-bench-tracker: the GStreamer-free tracker core on synthetic detections.
add_executable(dsnet-bench-tracker ${CMAKE_CURRENT_SOURCE_DIR}/bench_tracker.c)
target_link_libraries(dsnet-bench-tracker PRIVATE dsnet_tracker_core)
