# dsnetinfer: config reader, preprocessing, parsers, clustering, element tests (real models, real images).
dsnet_add_test(infer_config_test SOURCES infer_config_test.c LIBS dsnet_infer_core dsnet_onnxruntime PkgConfig::GST)
dsnet_add_test(infer_units_test SOURCES infer_units_test.c LIBS dsnet_infer_core dsnet_onnxruntime PkgConfig::GST)
# Element on a real model and a real image, small enough for valgrind.
dsnet_add_test(infer_element_test SOURCES infer_element_test.c infer_eval.c LIBS dsnet_meta PkgConfig::GST)
# Batching, interval and model-dependent start-up errors: several model loads, too slow under valgrind.
dsnet_add_test(infer_element_full_test SOURCES infer_element_full_test.c infer_eval.c LIBS dsnet_meta PkgConfig::GST NO_VALGRIND)
# Full Kaggle dev set (AP / accuracy) and secondary ResNet-18 models: too heavy for valgrind.
dsnet_add_test(infer_facemask_test SOURCES infer_facemask_test.c infer_eval.c LIBS dsnet_meta PkgConfig::GST NO_VALGRIND)
set_tests_properties(infer_facemask_test PROPERTIES TIMEOUT 900)
# Built-in DetectNet_v2 parser end to end on a tiny ONNX graph written by the test (dynamic batch axis).
dsnet_add_test(infer_detectnet_test SOURCES infer_detectnet_test.c infer_test_model.c infer_eval.c LIBS dsnet_meta PkgConfig::GST m)
# Custom parser libraries: a user's library written against nvdsinfer_custom_impl.h (C++), compared with the
# built-in parsers; load errors, false return, crash attribution.
add_library(dsnet_user_parser MODULE user_parser/user_parser.cpp)
target_link_libraries(dsnet_user_parser PRIVATE dsnet_headers)
set_target_properties(dsnet_user_parser PROPERTIES CXX_STANDARD 17 LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test-lib)
dsnet_add_test(infer_custom_parser_test SOURCES infer_custom_parser_test.c infer_test_model.c infer_eval.c
  LIBS dsnet_meta PkgConfig::GST m)
target_compile_definitions(infer_custom_parser_test PRIVATE USER_PARSER_PATH="$<TARGET_FILE:dsnet_user_parser>")
add_dependencies(infer_custom_parser_test dsnet_user_parser)
if(DSNET_SANITIZE)
  # test_crash_names_library crashes a user parser on purpose: the plugin's SIGSEGV handler must see it, not ASan's
  # handler or UBSan's null check.
  target_compile_options(dsnet_user_parser PRIVATE -fno-sanitize=null)
  set_property(TEST infer_custom_parser_test APPEND PROPERTY ENVIRONMENT "ASAN_OPTIONS=${DSNET_ASAN_OPTIONS}:handle_segv=0")
endif()
# The project's parser library called directly with hand-made layers (UltraFace, SSD, YuNet, RetinaFace).
dsnet_add_test(parsers_unit_test SOURCES parsers_unit_test.cpp LIBS dsnet_parsers PkgConfig::GST)
set_target_properties(parsers_unit_test PROPERTIES CXX_STANDARD 17)
# Bounded reads of configs, label files and ll-config-files: FIFO, /dev/zero, folders, files over the limit.
dsnet_add_test(text_file_test SOURCES text_file_test.c
  LIBS dsnet_preprocess_core dsnet_infer_core dsnet_tracker_core dsnet_onnxruntime PkgConfig::GST)
# The full dev set takes ~4 min plain and far longer under ASan; its code paths (ONNX Runtime, the parsers,
# clustering) run in the smaller tests of the ASan tree, so it runs in the plain tree only.
if(DSNET_SANITIZE)
  set_tests_properties(infer_facemask_test PROPERTIES DISABLED TRUE)
endif()
# Overlap of preprocessing and inference (order, results, EOS, flush) and the intra-op thread rule.
dsnet_add_test(infer_overlap_test SOURCES infer_overlap_test.c infer_test_model.c infer_eval.c LIBS dsnet_meta PkgConfig::GST m)
