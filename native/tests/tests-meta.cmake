# libdsnet_meta: pools, lists, copies, the GstMeta, exported symbols (each also runs under valgrind).
dsnet_add_test(meta_pool_test SOURCES meta_pool_test.c LIBS dsnet_meta PkgConfig::GST)
dsnet_add_test(meta_copy_test SOURCES meta_copy_test.c LIBS dsnet_meta PkgConfig::GST)
pkg_check_modules(DSNET_META_GSTAPP REQUIRED IMPORTED_TARGET gstreamer-app-1.0)
dsnet_add_test(meta_gst_test SOURCES meta_gst_test.c LIBS dsnet_meta PkgConfig::GST PkgConfig::DSNET_META_GSTAPP)
# dlopen()s the built library by path: it must export exactly the 64 API functions, SONAME libdsnet_meta.so.
dsnet_add_test(meta_exports_test SOURCES meta_exports_test.c LIBS PkgConfig::GST ${CMAKE_DL_LIBS})
target_compile_definitions(meta_exports_test PRIVATE DSNET_META_LIB="$<TARGET_FILE:dsnet_meta>")
add_dependencies(meta_exports_test dsnet_meta)
