# dsnettracker: core unit tests (no GStreamer), ll-config-file reader, element tests, real-clip test.
dsnet_add_test(tracker_core_test SOURCES tracker_core_test.c LIBS dsnet_tracker_core)
dsnet_add_test(tracker_config_test SOURCES tracker_config_test.c LIBS dsnet_tracker_core)

# Element tests: batches built with the metadata API (libdsnet_meta).
if(GSTCHECK_FOUND)
  add_library(tracker_test_batch STATIC tracker_test_batch.c)
  target_include_directories(tracker_test_batch PUBLIC ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/native/plugin)
  target_link_libraries(tracker_test_batch PUBLIC dsnet_headers dsnet_meta PkgConfig::GST)

  dsnet_add_test(tracker_element_test SOURCES tracker_element_test.c LIBS tracker_test_batch)
  add_dependencies(tracker_element_test gstdsnet)
  # Real media (720p decode): no valgrind twin; tracker_element_test covers the same code path under valgrind.
  dsnet_add_test(tracker_clip_test SOURCES tracker_clip_test.c LIBS tracker_test_batch NO_VALGRIND)
  add_dependencies(tracker_clip_test gstdsnet)
endif()

# Behind a real dsnetstreammux (two sources of different lengths; valgrind twin included).
if(GSTCHECK_FOUND AND EXISTS ${CMAKE_SOURCE_DIR}/native/plugin/gstdsnetstreammux.c)
  dsnet_add_test(tracker_mux_test SOURCES tracker_mux_test.c LIBS dsnet_meta)
  add_dependencies(tracker_mux_test gstdsnet)
endif()

# Behind the real detector (needs dsnetstreammux and dsnetinfer in the plugin; large model and media, no valgrind).
if(GSTCHECK_FOUND AND EXISTS ${CMAKE_SOURCE_DIR}/native/plugin/gstdsnetinfer.c
    AND EXISTS ${CMAKE_SOURCE_DIR}/native/plugin/gstdsnetstreammux.c)
  dsnet_add_test(tracker_detector_test SOURCES tracker_detector_test.c LIBS dsnet_meta NO_VALGRIND)
  add_dependencies(tracker_detector_test gstdsnet)
endif()
