/* Dataset loading, decoding and scoring for the dsnetinfer real-model tests. */
#include "infer_eval.h"

#include <stdlib.h>
#include <string.h>

static void
eval_image_free (gpointer p)
{
  EvalImage *im = p;
  g_free (im->image_path);
  g_array_unref (im->gt);
  g_free (im);
}

/* Text between <tag> and </tag> at or after *pos inside [*, end); advances *pos. */
static gchar *
tag_text (const gchar * s, const gchar * end, const gchar * tag)
{
  gchar *open = g_strdup_printf ("<%s>", tag), *close = g_strdup_printf ("</%s>", tag);
  gchar *res = NULL;
  const gchar *a = g_strstr_len (s, end - s, open);
  if (a) {
    a += strlen (open);
    const gchar *b = g_strstr_len (a, end - a, close);
    if (b)
      res = g_strstrip (g_strndup (a, b - a));
  }
  g_free (open);
  g_free (close);
  return res;
}

static GArray *
parse_voc (const gchar * xml_path)
{
  gchar *text = NULL;
  if (!g_file_get_contents (xml_path, &text, NULL, NULL))
    return NULL;
  GArray *gt = g_array_new (FALSE, FALSE, sizeof (EvalBox));
  const gchar *p = text, *textend = text + strlen (text);
  while ((p = strstr (p, "<object>")) != NULL) {
    const gchar *e = strstr (p, "</object>");
    if (e == NULL)
      break;
    gchar *name = tag_text (p, e, "name");
    gchar *v[4] = { tag_text (p, e, "xmin"), tag_text (p, e, "ymin"), tag_text (p, e, "xmax"),
      tag_text (p, e, "ymax")
    };
    if (name && v[0] && v[1] && v[2] && v[3]) {
      EvalBox b = { g_str_equal (name, "without_mask") ? EVAL_NO_MASK : EVAL_MASK,
        g_ascii_strtod (v[0], NULL), g_ascii_strtod (v[1], NULL), g_ascii_strtod (v[2], NULL),
        g_ascii_strtod (v[3], NULL)
      };
      g_array_append_val (gt, b);
    }
    g_free (name);
    for (int i = 0; i < 4; i++)
      g_free (v[i]);
    p = e;
  }
  (void) textend;
  g_free (text);
  return gt;
}

static gint
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

GPtrArray *
eval_load_dataset (guint limit)
{
  const gchar *shared = g_getenv ("DSNET_SHARED_DIR");
  if (shared == NULL)
    return NULL;
  gchar *imgdir = g_build_filename (shared, "datasets", "kaggle-facemask-dev", "images", NULL);
  gchar *anndir = g_build_filename (shared, "datasets", "kaggle-facemask-dev", "annotations", NULL);
  GDir *d = g_dir_open (imgdir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const gchar *n;
  while (d && (n = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (n, ".png"))
      g_ptr_array_add (names, g_strdup (n));
  if (d)
    g_dir_close (d);
  g_ptr_array_sort (names, cmp_str);
  GPtrArray *images = g_ptr_array_new_with_free_func (eval_image_free);
  for (guint i = 0; i < names->len && (limit == 0 || images->len < limit); i++) {
    const gchar *png = g_ptr_array_index (names, i);
    gchar *stem = g_strndup (png, strlen (png) - 4);
    gchar *xmlname = g_strconcat (stem, ".xml", NULL);
    gchar *xml = g_build_filename (anndir, xmlname, NULL);
    GArray *gt = parse_voc (xml);
    if (gt != NULL) {
      EvalImage *im = g_new0 (EvalImage, 1);
      im->image_path = g_build_filename (imgdir, png, NULL);
      im->gt = gt;
      g_ptr_array_add (images, im);
    }
    g_free (stem);
    g_free (xmlname);
    g_free (xml);
  }
  g_ptr_array_unref (names);
  g_free (imgdir);
  g_free (anndir);
  if (images->len == 0) {
    g_ptr_array_unref (images);
    return NULL;
  }
  return images;
}

GstBuffer *
eval_decode_png (const gchar * path, gint * width, gint * height, GError ** error)
{
  gchar *desc = g_strdup_printf ("filesrc name=src ! pngdec ! videoconvert dither=none ! "
      "video/x-raw,format=RGBA ! appsink name=sink sync=false");
  GstElement *pipe = gst_parse_launch (desc, error);
  g_free (desc);
  if (pipe == NULL)
    return NULL;
  GstElement *src = gst_bin_get_by_name (GST_BIN (pipe), "src");
  g_object_set (src, "location", path, NULL);
  gst_object_unref (src);
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipe), "sink");
  gst_element_set_state (pipe, GST_STATE_PLAYING);
  GstSample *sample = NULL;
  g_signal_emit_by_name (sink, "pull-sample", &sample);
  GstBuffer *buf = NULL;
  if (sample != NULL) {
    GstStructure *s = gst_caps_get_structure (gst_sample_get_caps (sample), 0);
    gst_structure_get_int (s, "width", width);
    gst_structure_get_int (s, "height", height);
    buf = gst_buffer_ref (gst_sample_get_buffer (sample));
    gst_sample_unref (sample);
  } else {
    g_set_error (error, GST_STREAM_ERROR, GST_STREAM_ERROR_DECODE, "cannot decode %s", path);
  }
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pipe);
  return buf;
}

/* IoU in continuous coordinates, or with the VOC devkit's inclusive-pixel "+1" widths. */
static gdouble
iou (const EvalDet * d, const EvalBox * g, gboolean plus_one)
{
  const gdouble e = plus_one ? 1.0 : 0.0;
  gdouble l = MAX (d->x1, g->x1), t = MAX (d->y1, g->y1), r = MIN (d->x2, g->x2), b = MIN (d->y2, g->y2);
  gdouble inter = MAX (0.0, r - l + e) * MAX (0.0, b - t + e);
  gdouble uni = (d->x2 - d->x1 + e) * (d->y2 - d->y1 + e) + (g->x2 - g->x1 + e) * (g->y2 - g->y1 + e) - inter;
  return uni > 0 ? inter / uni : 0;
}

static gint
cmp_det (gconstpointer pa, gconstpointer pb)
{
  const EvalDet *a = pa, *b = pb;
  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  return (a->image > b->image) - (a->image < b->image);
}

void
eval_score (GPtrArray * images, GArray * dets, gboolean plus_one, gdouble * ap, gdouble * accuracy,
    guint * matched)
{
  guint n_gt = 0;
  GPtrArray *used = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < images->len; i++) {
    EvalImage *im = g_ptr_array_index (images, i);
    n_gt += im->gt->len;
    g_ptr_array_add (used, g_new0 (gboolean, MAX (im->gt->len, 1)));
  }
  EvalDet *d = g_memdup2 (dets->data, dets->len * sizeof (EvalDet));
  qsort (d, dets->len, sizeof (EvalDet), cmp_det);
  gdouble *prec = g_new0 (gdouble, dets->len + 2), *rec = g_new0 (gdouble, dets->len + 2);
  guint tp = 0, fp = 0, correct = 0, n_match = 0;
  for (guint k = 0; k < dets->len; k++) {
    EvalImage *im = g_ptr_array_index (images, d[k].image);
    gboolean *u = g_ptr_array_index (used, d[k].image);
    gdouble best = 0;
    gint bi = -1;
    for (guint g = 0; g < im->gt->len; g++) {
      gdouble o = iou (&d[k], &g_array_index (im->gt, EvalBox, g), plus_one);
      if (o > best) {
        best = o;
        bi = (gint) g;
      }
    }
    if (bi >= 0 && best >= 0.5 && !u[bi]) {
      u[bi] = TRUE;
      tp++;
      if (d[k].score >= 0.5) {
        n_match++;
        if (g_array_index (im->gt, EvalBox, bi).cls == d[k].cls)
          correct++;
      }
    } else {
      fp++;
    }
    rec[k + 1] = n_gt ? (gdouble) tp / n_gt : 0;
    prec[k + 1] = (gdouble) tp / (tp + fp);
  }
  /* VOC all-point interpolation */
  guint n = dets->len;
  rec[0] = 0;
  prec[0] = 0;
  rec[n + 1] = 1;
  prec[n + 1] = 0;
  for (gint i = (gint) n; i >= 0; i--)
    prec[i] = MAX (prec[i], prec[i + 1]);
  gdouble sum = 0;
  for (guint i = 1; i <= n + 1; i++)
    sum += (rec[i] - rec[i - 1]) * prec[i];
  *ap = sum;
  *accuracy = n_match ? (gdouble) correct / n_match : 0;
  if (matched)
    *matched = n_match;
  g_free (prec);
  g_free (rec);
  g_free (d);
  g_ptr_array_unref (used);
}
