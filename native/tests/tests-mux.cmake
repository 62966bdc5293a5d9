# dsnetstreammux / dsnetstreamdemux: batching, meta, pixels, EOS, timeouts, demux routing.
dsnet_add_test(mux_test SOURCES mux_test.c LIBS dsnet_meta PkgConfig::GST)
