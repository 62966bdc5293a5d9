# DeepStream 6.x ABI: compile-time size/offset/enum checks of native/include (failing to compile = failing).
dsnet_add_test(abi_layout_test SOURCES abi_layout_test.c LIBS PkgConfig::GST NO_VALGRIND)
# nvinfer custom-library ABI (nvdsinfer.h, nvdsinfer_custom_impl.h, NvDsInferTensorMeta) against DeepStream 6.3.
dsnet_add_test(abi_layout_infer_test SOURCES abi_layout_infer_test.c LIBS PkgConfig::GST NO_VALGRIND)
dsnet_add_test(abi_layout_infer_cxx_test SOURCES abi_layout_infer_cxx_test.cpp LIBS PkgConfig::GST NO_VALGRIND)
set_target_properties(abi_layout_infer_cxx_test PROPERTIES CXX_STANDARD 17)
