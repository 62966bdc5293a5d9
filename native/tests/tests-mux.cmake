# dsnetstreammux / dsnetstreamdemux: batching, meta, pixels, EOS, timeouts, demux routing.
dsnet_add_test(mux_test SOURCES mux_test.c LIBS dsnet_meta PkgConfig::GST)
# Real decoded video (the shared demo MP4): H.264 decoding is too slow for valgrind; mux_test covers
# the same element code under valgrind.
dsnet_add_test(mux_media_test SOURCES mux_media_test.c LIBS dsnet_meta PkgConfig::GST NO_VALGRIND)
