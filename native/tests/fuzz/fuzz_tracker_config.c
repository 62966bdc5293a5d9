/* libFuzzer target: the tracker ll-config-file (YAML subset) reader (dsnet_tracker_config.c). */
#include "fuzz_target.h"
#include "dsnet_tracker_config.h"

int
LLVMFuzzerTestOneInput (const uint8_t * data, size_t size)
{
  /* The reader takes text; a NUL byte ends it, as it ends a file read with g_file_get_contents. */
  gchar *text = g_strndup ((const gchar *) data, size);
  DsnetTrackerConfig cfg;
  dsnet_tracker_config_init (&cfg);
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  GError *e = NULL;
  if (!dsnet_tracker_config_parse (&cfg, text, "fuzz/tracker.yml", notes, &e))
    fuzz_check_error (e);
  else
    g_assert_null (e);
  g_ptr_array_unref (notes);
  g_free (text);
  return 0;
}
