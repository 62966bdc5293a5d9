# dsnetinfer: config reader, preprocessing, parsers, clustering, element tests (real models, real images).
dsnet_add_test(infer_config_test SOURCES infer_config_test.c LIBS dsnet_infer_core PkgConfig::GST)
dsnet_add_test(infer_units_test SOURCES infer_units_test.c LIBS dsnet_infer_core PkgConfig::GST)
