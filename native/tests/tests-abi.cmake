# DeepStream 6.x ABI: compile-time size/offset/enum checks of native/include (failing to compile = failing).
dsnet_add_test(abi_layout_test SOURCES abi_layout_test.c LIBS PkgConfig::GST NO_VALGRIND)
dsnet_add_test(bufsurface_abi_test SOURCES bufsurface_abi_test.c NO_VALGRIND)
dsnet_add_test(infer_meta_abi_test SOURCES infer_meta_abi_test.c LIBS PkgConfig::GST NO_VALGRIND)
dsnet_add_test(extra_meta_abi_test SOURCES extra_meta_abi_test.c LIBS PkgConfig::GST NO_VALGRIND)
# C++ fixture for the managed nvdsanalytics views (DeepStreamNet.Tests ExtraMetaViewTests): real libstdc++ payloads.
add_library(dsnet_analytics_fixture SHARED analytics_fixture.cpp)
target_link_libraries(dsnet_analytics_fixture PRIVATE dsnet_headers dsnet_meta)
set_target_properties(dsnet_analytics_fixture PROPERTIES CXX_VISIBILITY_PRESET hidden)
# nvinfer custom-library ABI (nvdsinfer.h, nvdsinfer_custom_impl.h, NvDsInferTensorMeta) against DeepStream 6.3.
dsnet_add_test(abi_layout_infer_test SOURCES abi_layout_infer_test.c LIBS PkgConfig::GST NO_VALGRIND)
dsnet_add_test(abi_layout_infer_cxx_test SOURCES abi_layout_infer_cxx_test.cpp LIBS PkgConfig::GST NO_VALGRIND)
set_target_properties(abi_layout_infer_cxx_test PROPERTIES CXX_STANDARD 17)
