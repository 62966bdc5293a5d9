# libdsnet_bufsurface: the NvBufSurface description on mux/demux/tiler buffers, its GstMeta, the host API.
dsnet_add_test(bufsurface_test SOURCES bufsurface_test.c LIBS dsnet_bufsurface dsnet_meta PkgConfig::GST)
