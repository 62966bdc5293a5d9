/* The tiny DetectNet_v2-shaped ONNX graph of the dsnetinfer tests (see infer_test_model.h). */
#include "infer_test_model.h"

#include <gst/check/gstcheck.h>
#include <string.h>

/* ---------------------------------------------------------------- minimal protobuf writer */

static void
pb_varint (GByteArray * b, guint64 v)
{
  do {
    guint8 c = v & 0x7f;
    v >>= 7;
    if (v)
      c |= 0x80;
    g_byte_array_append (b, &c, 1);
  } while (v);
}

static void
pb_key (GByteArray * b, guint field, guint wire)
{
  pb_varint (b, ((guint64) field << 3) | wire);
}

static void
pb_int (GByteArray * b, guint field, guint64 v)
{
  pb_key (b, field, 0);
  pb_varint (b, v);
}

static void
pb_bytes (GByteArray * b, guint field, const void *data, gsize len)
{
  pb_key (b, field, 2);
  pb_varint (b, len);
  g_byte_array_append (b, data, (guint) len);
}

static void
pb_str (GByteArray * b, guint field, const gchar * s)
{
  pb_bytes (b, field, s, strlen (s));
}

/* Appends a sub-message and frees it. */
static void
pb_msg (GByteArray * b, guint field, GByteArray * sub)
{
  pb_bytes (b, field, sub->data, sub->len);
  g_byte_array_unref (sub);
}

/* ValueInfoProto of a float tensor; dims < 0 = symbolic batch "N"; n_dims 0 = no shape. */
static GByteArray *
value_info (const gchar * name, const gint64 * dims, guint n_dims)
{
  GByteArray *shape = g_byte_array_new ();
  for (guint i = 0; i < n_dims; i++) {
    GByteArray *d = g_byte_array_new ();
    if (dims[i] < 0)
      pb_str (d, 2, "N");
    else
      pb_int (d, 1, (guint64) dims[i]);
    pb_msg (shape, 1, d);
  }
  GByteArray *tensor = g_byte_array_new ();
  pb_int (tensor, 1, 1);        /* FLOAT */
  if (n_dims)
    pb_msg (tensor, 2, shape);
  else
    g_byte_array_unref (shape);
  GByteArray *type = g_byte_array_new ();
  pb_msg (type, 1, tensor);
  GByteArray *vi = g_byte_array_new ();
  pb_str (vi, 1, name);
  pb_msg (vi, 2, type);
  return vi;
}

static GByteArray *
initializer (const gchar * name, const gint64 * dims, guint n_dims, const gfloat * data, gsize n)
{
  GByteArray *t = g_byte_array_new ();
  for (guint i = 0; i < n_dims; i++)
    pb_int (t, 1, (guint64) dims[i]);
  pb_int (t, 2, 1);             /* FLOAT */
  pb_str (t, 8, name);
  pb_bytes (t, 9, data, n * sizeof (gfloat));   /* raw_data, little endian */
  return t;
}

static GByteArray *
conv_node (const gchar * w, const gchar * out)
{
  GByteArray *n = g_byte_array_new ();
  pb_str (n, 1, "input");
  pb_str (n, 1, w);
  pb_str (n, 2, out);
  pb_str (n, 4, "Conv");
  GByteArray *a = g_byte_array_new ();
  pb_str (a, 1, "strides");
  pb_int (a, 8, 16);
  pb_int (a, 8, 16);
  pb_int (a, 20, 7);            /* INTS */
  pb_msg (n, 5, a);
  return n;
}

const gfloat BBOX_FACTORS[4] = { -0.1f, -0.1f, 0.3f, 0.4f };

/* Writes the model; returns its path (in the same temp folder as `near`). */
gchar *
write_detectnet_model (const gchar * near)
{
  const gsize taps = 16 * 16;
  gfloat *wc = g_new0 (gfloat, 3 * taps);
  for (gsize i = 0; i < taps; i++)
    wc[i] = 1.0f / taps;        /* red plane */
  gfloat *wb = g_new0 (gfloat, 4 * 3 * taps);
  for (int k = 0; k < 4; k++)
    for (gsize i = 0; i < taps; i++)
      wb[(k * 3 + 1) * taps + i] = BBOX_FACTORS[k] / taps;   /* green plane */
  const gint64 dwc[4] = { 1, 3, 16, 16 }, dwb[4] = { 4, 3, 16, 16 }, din[4] = { -1, 3, 16, 32 };

  GByteArray *g = g_byte_array_new ();
  pb_msg (g, 1, conv_node ("w_cov", "output_cov/Sigmoid"));
  pb_msg (g, 1, conv_node ("w_bbox", "output_bbox/BiasAdd"));
  pb_str (g, 2, "detectnet_test");
  pb_msg (g, 5, initializer ("w_cov", dwc, 4, wc, 3 * taps));
  pb_msg (g, 5, initializer ("w_bbox", dwb, 4, wb, 4 * 3 * taps));
  pb_msg (g, 11, value_info ("input", din, 4));
  pb_msg (g, 12, value_info ("output_cov/Sigmoid", NULL, 0));
  pb_msg (g, 12, value_info ("output_bbox/BiasAdd", NULL, 0));
  GByteArray *m = g_byte_array_new ();
  pb_int (m, 1, 8);             /* ir_version */
  GByteArray *opset = g_byte_array_new ();
  pb_str (opset, 1, "");
  pb_int (opset, 2, 13);
  pb_msg (m, 8, opset);
  pb_msg (m, 7, g);

  gchar *dir = g_path_get_dirname (near);
  gchar *path = g_build_filename (dir, "detectnet.onnx", NULL);
  fail_unless (g_file_set_contents (path, (const gchar *) m->data, m->len, NULL));
  g_byte_array_unref (m);
  g_free (dir);
  g_free (wc);
  g_free (wb);
  return path;
}

/* A w×h RGBA picture: red in the left (or right) half, green everywhere. */
GstBuffer *
half_red (gint w, gint h, gboolean left)
{
  GstBuffer *b = gst_buffer_new_allocate (NULL, (gsize) w * h * 4, NULL);
  GstMapInfo map;
  gst_buffer_map (b, &map, GST_MAP_WRITE);
  for (gint y = 0; y < h; y++)
    for (gint x = 0; x < w; x++) {
      guint8 *p = map.data + ((gsize) y * w + x) * 4;
      gboolean red = left ? x < w / 2 : x >= w / 2;
      p[0] = red ? 255 : 0;
      p[1] = 255;
      p[2] = 0;
      p[3] = 255;
    }
  gst_buffer_unmap (b, &map);
  return b;
}

