/* nvinfer label file reader: lines split on '\n', empty lines skipped, each line split on ';'. */
#include "infer_labels.h"
#include "dsnet_text_file.h"

#include <string.h>

DsnetInferLabels *
dsnet_infer_labels_parse (const gchar * text)
{
  DsnetInferLabels *l = g_new0 (DsnetInferLabels, 1);
  l->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gchar **lines = g_strsplit (text ? text : "", "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    /* nvinfer keeps a CRLF '\r' in the label; we strip it, as deepstream-app's reader does (documented). */
    gsize n = strlen (lines[i]);
    if (n > 0 && lines[i][n - 1] == '\r')
      lines[i][n - 1] = '\0';
    if (lines[i][0] == '\0')
      continue;
    g_ptr_array_add (l->lines, g_strsplit (lines[i], ";", -1));
  }
  g_strfreev (lines);
  return l;
}

DsnetInferLabels *
dsnet_infer_labels_load (const gchar * path, GError ** error)
{
  gchar *text = NULL;
  if (!dsnet_text_file_read (path, "label file", DSNET_TEXT_FILE_MAX_BYTES, G_FILE_ERROR, G_FILE_ERROR_FAILED,
          &text, NULL, error))
    return NULL;
  DsnetInferLabels *l = dsnet_infer_labels_parse (text);
  g_free (text);
  return l;
}

void
dsnet_infer_labels_free (DsnetInferLabels * labels)
{
  if (labels == NULL)
    return;
  g_ptr_array_unref (labels->lines);
  g_free (labels);
}

const gchar *
dsnet_infer_labels_attr (const DsnetInferLabels * labels, guint attribute, gint c)
{
  if (labels == NULL || attribute >= labels->lines->len || c < 0)
    return NULL;
  gchar **tokens = g_ptr_array_index (labels->lines, attribute);
  for (gint i = 0; tokens[i]; i++)
    if (i == c)
      return tokens[i];
  return NULL;
}

const gchar *
dsnet_infer_labels_class (const DsnetInferLabels * labels, gint c)
{
  if (c < 0)
    return NULL;
  return dsnet_infer_labels_attr (labels, (guint) c, 0);
}
