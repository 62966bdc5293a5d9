/* libFuzzer target: the nvinfer label-file reader (infer_labels.c) and the id-list parser of infer_config.c. */
#include "fuzz_target.h"
#include "infer_config.h"
#include "infer_labels.h"

int
LLVMFuzzerTestOneInput (const uint8_t * data, size_t size)
{
  gchar *text = g_strndup ((const gchar *) data, size);
  DsnetInferLabels *labels = dsnet_infer_labels_parse (text);
  for (gint c = -1; c < 16; c++) {
    (void) dsnet_infer_labels_class (labels, c);
    for (guint a = 0; a < 4; a++)
      (void) dsnet_infer_labels_attr (labels, a, c);
  }
  dsnet_infer_labels_free (labels);

  /* operate-on-class-ids / filter-out-class-id values */
  gint *ids = NULL;
  guint n = 0;
  if (dsnet_infer_parse_id_list (text, &ids, &n))
    for (guint i = 0; i < n; i++)
      g_assert_cmpint (ids[i], >=, 0);
  g_free (ids);
  g_free (text);
  return 0;
}
