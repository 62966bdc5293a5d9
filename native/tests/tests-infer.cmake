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
dsnet_add_test(infer_detectnet_test SOURCES infer_detectnet_test.c infer_eval.c LIBS dsnet_meta PkgConfig::GST m)
