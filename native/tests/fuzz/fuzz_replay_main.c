/*
 * main() for the fuzz targets outside libFuzzer (any compiler): runs LLVMFuzzerTestOneInput once on every file
 * named on the command line or found in a named folder; without arguments, on the folders the build named
 * (FUZZ_REPLAY_DIRS: the committed regressions, then the seed corpus). CTest replays them this way in every
 * build (and under valgrind and ASan), so a fixed finding stays fixed.
 */
#include "fuzz_target.h"

static gboolean
replay_file (const gchar * path)
{
  gchar *data = NULL;
  gsize len = 0;
  GError *e = NULL;
  if (!g_file_get_contents (path, &data, &len, &e)) {
    g_printerr ("%s\n", e->message);
    g_error_free (e);
    return FALSE;
  }
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
  g_free (data);
  return TRUE;
}

/* Files of `path` (a file, or a folder's files but its dot files); a missing folder has none. */
static gboolean
replay_path (const gchar * path, guint * n)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR)) {
    if (!g_file_test (path, G_FILE_TEST_EXISTS))
      return TRUE;
    (*n)++;
    return replay_file (path);
  }
  GDir *d = g_dir_open (path, 0, NULL);
  if (d == NULL)
    return TRUE;
  gboolean ok = TRUE;
  const gchar *name;
  while (ok && (name = g_dir_read_name (d)) != NULL) {
    if (name[0] == '.')
      continue;
    gchar *p = g_build_filename (path, name, NULL);
    g_print ("%s\n", p);
    ok = replay_file (p);
    g_free (p);
    (*n)++;
  }
  g_dir_close (d);
  return ok;
}

int
main (int argc, char **argv)
{
  gchar **paths = argc > 1 ? g_strdupv (argv + 1) : g_strsplit (FUZZ_REPLAY_DIRS, ":", -1);
  guint n = 0;
  gboolean ok = TRUE;
  for (guint i = 0; ok && paths[i]; i++)
    ok = replay_path (paths[i], &n);
  g_strfreev (paths);
  if (!ok)
    return 1;
  g_print ("replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;           /* the build registers a replay only where there is something to replay */
}
