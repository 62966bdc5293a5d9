# dsnetmultistreamtiler / dsnetosd / dsnetvideoconvert (native/plugin). Batches are built with the real
# metadata API and GstHarness, so these tests do not need the muxer.
get_target_property(_dsnet_meta_sources dsnet_meta SOURCES)
if("meta_placeholder.c" IN_LIST _dsnet_meta_sources)
  # Interim: until libdsnet_meta lands there is no metadata API to link against.
  message(STATUS "tiler/osd tests skipped: libdsnet_meta is still the placeholder")
else()
  foreach(t tiler_test osd_test videoconvert_test)
    dsnet_add_test(${t} SOURCES ${t}.c LIBS dsnet_meta PkgConfig::GST)
    target_include_directories(${t} PRIVATE ${CMAKE_SOURCE_DIR}/native/plugin)
    add_dependencies(${t} gstdsnet)
  endforeach()
endif()
