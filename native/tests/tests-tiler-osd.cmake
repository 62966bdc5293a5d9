# dsnetmultistreamtiler / dsnetosd / dsnetvideoconvert (native/plugin). Batches are built with the real
# metadata API and GstHarness, so these tests do not need the muxer; the two pipeline tests do.
set(_tiler_osd_tests tiler_test osd_test videoconvert_test)
if(EXISTS ${CMAKE_SOURCE_DIR}/native/plugin/gstdsnetstreammux.c)
  list(APPEND _tiler_osd_tests tiler_osd_pipeline_test)
endif()
foreach(t ${_tiler_osd_tests})
  dsnet_add_test(${t} SOURCES ${t}.c LIBS dsnet_meta PkgConfig::GST)
endforeach()
if(EXISTS ${CMAKE_SOURCE_DIR}/native/plugin/gstdsnetstreammux.c)
  # x264 under valgrind takes minutes; tiler_osd_pipeline_test covers the same elements there.
  dsnet_add_test(tiler_osd_mp4_test SOURCES tiler_osd_mp4_test.c LIBS dsnet_meta PkgConfig::GST
    NO_VALGRIND)
  list(APPEND _tiler_osd_tests tiler_osd_mp4_test)
endif()
foreach(t ${_tiler_osd_tests})
  target_include_directories(${t} PRIVATE ${CMAKE_SOURCE_DIR}/native/plugin)
  add_dependencies(${t} gstdsnet)
endforeach()
