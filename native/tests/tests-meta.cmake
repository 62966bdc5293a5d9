# libdsnet_meta: pools, lists, copies, the GstMeta, exported symbols (each also runs under valgrind).
dsnet_add_test(meta_pool_test SOURCES meta_pool_test.c LIBS dsnet_meta PkgConfig::GST)
dsnet_add_test(meta_copy_test SOURCES meta_copy_test.c LIBS dsnet_meta PkgConfig::GST)
dsnet_add_test(meta_gst_test SOURCES meta_gst_test.c LIBS dsnet_meta PkgConfig::GST)
