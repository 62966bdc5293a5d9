# dsnettracker: core unit tests (no GStreamer), ll-config-file reader, element tests, real-clip test.
dsnet_add_test(tracker_core_test SOURCES tracker_core_test.c LIBS dsnet_tracker_core)
dsnet_add_test(tracker_config_test SOURCES tracker_config_test.c LIBS dsnet_tracker_core)
