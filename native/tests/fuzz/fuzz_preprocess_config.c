/* libFuzzer target: the nvdspreprocess config reader (preprocess_config.c) on arbitrary bytes. */
#include "fuzz_target.h"
#include "preprocess_config.h"

int
LLVMFuzzerTestOneInput (const uint8_t * data, size_t size)
{
  GError *e = NULL;
  DsnetPreprocessConfig *cfg = dsnet_preprocess_config_load_from_data ("fuzz/preprocess.txt",
      (const gchar *) data, size, &e);
  if (cfg == NULL) {
    fuzz_check_error (e);
    return 0;
  }
  g_assert_null (e);
  /* What the element does per frame: the group and the ROIs of a source. */
  for (guint source = 0; source < 8; source++) {
    const DsnetPreprocessGroup *g = dsnet_preprocess_config_group_for (cfg, source);
    if (g != NULL) {
      const GArray *rois = dsnet_preprocess_group_rois (g, source);
      (void) rois;
    }
  }
  dsnet_preprocess_config_free (cfg);
  return 0;
}
