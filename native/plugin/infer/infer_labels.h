/* nvinfer label files (spec §7): one line per class (detector) or per attribute (classifier). */
#ifndef DSNET_INFER_LABELS_H
#define DSNET_INFER_LABELS_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* lines[i] = the ';'-separated tokens of the i-th non-empty line */
  GPtrArray *lines;             /* of gchar** (NULL-terminated token vectors) */
} DsnetInferLabels;

/* Reads `path` (a regular file of at most 4 MiB); NULL + error ("PATH: cannot read label file: REASON") otherwise. */
DsnetInferLabels *dsnet_infer_labels_load (const gchar * path, GError ** error);
DsnetInferLabels *dsnet_infer_labels_parse (const gchar * text);
void dsnet_infer_labels_free (DsnetInferLabels * labels);

/* Detector label of class `c` (first token of line c) or NULL. */
const gchar *dsnet_infer_labels_class (const DsnetInferLabels * labels, gint c);
/* Classifier label: token `c` of line `attribute`, or NULL. */
const gchar *dsnet_infer_labels_attr (const DsnetInferLabels * labels, guint attribute, gint c);

G_END_DECLS

#endif
