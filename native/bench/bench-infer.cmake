# dsnet-bench-infer: dsnetinfer pipeline throughput vs bare ONNX Runtime on the same model and threads.
add_executable(dsnet-bench-infer ${CMAKE_CURRENT_SOURCE_DIR}/dsnet_bench_infer.c)
target_link_libraries(dsnet-bench-infer PRIVATE dsnet_infer_core dsnet_onnxruntime dsnet_meta PkgConfig::GST)
target_compile_definitions(dsnet-bench-infer PRIVATE DSNET_DEFAULT_SHARED_DIR="${CMAKE_SOURCE_DIR}/../shared")
target_include_directories(dsnet-bench-infer PRIVATE ${CMAKE_SOURCE_DIR}/native/plugin)
