# dsnetpreprocess: the GStreamer-free core (config reader, units) and the element with dsnetinfer input-tensor-meta.
dsnet_add_test(preprocess_core_test SOURCES preprocess_core_test.c LIBS dsnet_preprocess_core PkgConfig::GST)
dsnet_add_test(preprocess_element_test SOURCES preprocess_element_test.c infer_test_model.c infer_eval.c
  LIBS dsnet_meta dsnet_preprocess_core PkgConfig::GST m)
