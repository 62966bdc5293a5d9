/* libFuzzer target: the nvinfer config reader (infer_config.c) on arbitrary bytes, not NUL-terminated. */
#include "fuzz_target.h"
#include "infer_config.h"

int
LLVMFuzzerTestOneInput (const uint8_t * data, size_t size)
{
  /* The first byte picks the property-override bits, so the skip paths are fuzzed too. */
  guint skip = size > 0 ? data[0] : 0;
  for (guint pass = 0; pass < 2; pass++) {
    GError *e = NULL;
    DsnetInferConfig *cfg = dsnet_infer_config_load_from_data ("fuzz/pgie.txt", (const gchar *) data, size,
        pass == 0 ? 0 : skip, &e);
    if (cfg == NULL) {
      fuzz_check_error (e);
      continue;
    }
    g_assert_null (e);
    /* What the element does next with a loaded config. */
    for (gint c = -1; c <= cfg->num_detected_classes && c < 64; c++)
      (void) dsnet_infer_config_class_attrs (cfg, c);
    g_free (dsnet_infer_config_where (cfg, "property", "onnx-file"));
    dsnet_infer_config_free (cfg);
  }
  return 0;
}
