# libdsnet_bench_walk.so: the C side of the managed-probe bench (benchmarks/DeepStreamNet.Benchmarks probe-walk):
# the same walk over every object of a batch that the managed probe does, for the ratio.
add_library(dsnet_bench_walk SHARED ${CMAKE_CURRENT_SOURCE_DIR}/bench_walk.c)
target_link_libraries(dsnet_bench_walk PRIVATE dsnet_meta)
target_compile_options(dsnet_bench_walk PRIVATE -O2)
