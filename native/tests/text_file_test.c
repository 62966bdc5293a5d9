/*
 * Bounded text-file reads (native/plugin/common/dsnet_text_file.c) and the four readers that use them: a FIFO,
 * /dev/zero, a folder or a file over the limit is a clear error naming the file, never a hang or an endless read.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dsnet_text_file.h"
#include "dsnet_tracker_config.h"
#include "infer_config.h"
#include "infer_labels.h"
#include "preprocess_config.h"

static gchar *dir;

static gchar *
read_error (const gchar * path, gsize max)
{
  gchar *text = NULL;
  GError *e = NULL;
  g_assert_false (dsnet_text_file_read (path, "test input", max, G_FILE_ERROR, G_FILE_ERROR_FAILED, &text, NULL,
          &e));
  g_assert_null (text);
  g_assert_nonnull (e);
  gchar *msg = g_strdup (e->message);
  g_error_free (e);
  return msg;
}

static void
assert_prefix (const gchar * msg, const gchar * path, const gchar * rest)
{
  gchar *expected = g_strdup_printf ("%s: %s", path, rest);
  g_assert_true (g_str_has_prefix (msg, expected) || (g_printerr ("got '%s'\n", msg), FALSE));
  g_free (expected);
}

static void
test_reads_regular_file (void)
{
  gchar *path = g_build_filename (dir, "ok.txt", NULL);
  g_assert_true (g_file_set_contents (path, "a=1\nb", 5, NULL));
  gchar *text = NULL;
  gsize len = 0;
  GError *e = NULL;
  g_assert_true (dsnet_text_file_read (path, "x", 5, G_FILE_ERROR, 0, &text, &len, &e));
  g_assert_no_error (e);
  g_assert_cmpuint (len, ==, 5);
  g_assert_cmpstr (text, ==, "a=1\nb");
  g_free (text);
  /* exactly the limit is fine, one byte less is not */
  gchar *msg = read_error (path, 4);
  assert_prefix (msg, path, "cannot read test input: 5 bytes, more than the limit of 4");
  g_free (msg);
  g_unlink (path);
  g_free (path);
}

static void
test_refuses_special_files (void)
{
  gchar *msg = read_error ("/dev/zero", DSNET_TEXT_FILE_MAX_BYTES);
  assert_prefix (msg, "/dev/zero", "cannot read test input: not a regular file");
  g_free (msg);

  msg = read_error (dir, DSNET_TEXT_FILE_MAX_BYTES);
  assert_prefix (msg, dir, "cannot read test input: is a folder, not a file");
  g_free (msg);

  /* a FIFO nobody writes to: refused at once (opening it must not wait for a writer) */
  gchar *fifo = g_build_filename (dir, "fifo", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  msg = read_error (fifo, DSNET_TEXT_FILE_MAX_BYTES);
  assert_prefix (msg, fifo, "cannot read test input: not a regular file");
  g_free (msg);
  g_unlink (fifo);
  g_free (fifo);

  gchar *missing = g_build_filename (dir, "missing.txt", NULL);
  msg = read_error (missing, DSNET_TEXT_FILE_MAX_BYTES);
  assert_prefix (msg, missing, "cannot read test input: No such file or directory");
  g_free (msg);
  g_free (missing);
}

/* A sparse file one byte over DSNET_TEXT_FILE_MAX_BYTES (no disk space used). */
static gchar *
oversized_file (void)
{
  gchar *path = g_build_filename (dir, "big.txt", NULL);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, DSNET_TEXT_FILE_MAX_BYTES + 1), ==, 0);
  close (fd);
  return path;
}

/* Every reader refuses /dev/zero and an oversized file with its own name for the input. */
static void
test_readers_use_the_limit (void)
{
  gchar *big = oversized_file ();
  const gchar *inputs[] = { "/dev/zero", big };
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++) {
    const gchar *p = inputs[i];
    GError *e = NULL;
    g_assert_null (dsnet_infer_config_load (p, 0, &e));
    g_assert_error (e, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_IO);
    assert_prefix (e->message, p, "cannot read nvinfer config file: ");
    g_clear_error (&e);

    g_assert_null (dsnet_preprocess_config_load (p, &e));
    g_assert_error (e, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_IO);
    assert_prefix (e->message, p, "cannot read nvdspreprocess config file: ");
    g_clear_error (&e);

    g_assert_null (dsnet_infer_labels_load (p, &e));
    assert_prefix (e->message, p, "cannot read label file: ");
    g_clear_error (&e);

    DsnetTrackerConfig cfg;
    dsnet_tracker_config_init (&cfg);
    g_assert_false (dsnet_tracker_config_load (&cfg, p, NULL, &e));
    assert_prefix (e->message, p, "cannot read ll-config-file: ");
    g_clear_error (&e);
  }
  g_unlink (big);
  g_free (big);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("dsnet-text-file-XXXXXX", NULL);
  g_test_add_func ("/text-file/reads-regular-file", test_reads_regular_file);
  g_test_add_func ("/text-file/refuses-special-files", test_refuses_special_files);
  g_test_add_func ("/text-file/readers-use-the-limit", test_readers_use_the_limit);
  int rc = g_test_run ();
  g_rmdir (dir);
  g_free (dir);
  return rc;
}
