# dsnetstreammux / dsnetstreamdemux: batching, meta, pixels, EOS, timeouts, demux routing.
# (Needs the real libdsnet_meta; skipped while the placeholder is all there is.)
if(NOT EXISTS ${CMAKE_SOURCE_DIR}/native/meta/meta_placeholder.c)
  dsnet_add_test(mux_test SOURCES mux_test.c LIBS dsnet_meta PkgConfig::GST)
endif()
