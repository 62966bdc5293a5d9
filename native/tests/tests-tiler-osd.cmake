# dsnetmultistreamtiler / dsnetosd / dsnetvideoconvert (native/plugin). Unit tests build batched input with
# the real metadata API and GstHarness (no muxer); the two pipeline tests run behind dsnetstreammux.
foreach(t tiler_test osd_test videoconvert_test tiler_osd_pipeline_test)
  dsnet_add_test(${t} SOURCES ${t}.c LIBS dsnet_meta PkgConfig::GST)
endforeach()
# x264 under valgrind takes minutes; tiler_osd_pipeline_test covers the same elements there.
dsnet_add_test(tiler_osd_mp4_test SOURCES tiler_osd_mp4_test.c LIBS dsnet_meta PkgConfig::GST NO_VALGRIND)
foreach(t tiler_test osd_test videoconvert_test tiler_osd_pipeline_test tiler_osd_mp4_test)
  target_include_directories(${t} PRIVATE ${CMAKE_SOURCE_DIR}/native/plugin)
  add_dependencies(${t} gstdsnet)
endforeach()

# dsnetosd's drawing unit alone (no GStreamer): boxes, fills, layers, labels, clock, degenerate geometry.
dsnet_add_test(osd_draw_test SOURCES osd_draw_test.c LIBS dsnet_osd_draw)
