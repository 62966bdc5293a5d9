/* Shared helpers of the dsnetinfer element tests: batched buffers built with the meta API, temp configs. */
#ifndef DSNET_INFER_ELEMENT_COMMON_H
#define DSNET_INFER_ELEMENT_COMMON_H

#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <string.h>
#include <glib/gstdio.h>

#include "gstnvdsmeta.h"
#include "infer_eval.h"
#include "nvdsmeta.h"

/* Path under ../shared (from DSNET_SHARED_DIR). */
static inline gchar *
shared_path (const gchar * rel)
{
  const gchar *s = g_getenv ("DSNET_SHARED_DIR");
  fail_unless (s != NULL, "DSNET_SHARED_DIR is not set");
  return g_build_filename (s, rel, NULL);
}

/* A batched buffer (batch-size n) from n RGBA frames of the same size, with its NvDsBatchMeta (§5.2). */
static inline GstBuffer *
make_batch (GstBuffer ** frames, guint n, gint width, gint height, gint frame_num)
{
  gsize fsize = (gsize) width * height * 4;
  GstBuffer *buf = gst_buffer_new_allocate (NULL, fsize * n, NULL);
  GstMapInfo map;
  gst_buffer_map (buf, &map, GST_MAP_WRITE);
  for (guint i = 0; i < n; i++)
    gst_buffer_extract (frames[i], 0, map.data + fsize * i, fsize);
  gst_buffer_unmap (buf, &map);
  NvDsBatchMeta *batch = nvds_create_batch_meta (n);
  NvDsMeta *m = gst_buffer_add_nvds_meta (buf, batch, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  m->meta_type = NVDS_BATCH_GST_META;
  batch->base_meta.batch_meta = batch;
  batch->base_meta.copy_func = nvds_batch_meta_copy_func;
  batch->base_meta.release_func = nvds_batch_meta_release_func;
  batch->max_frames_in_batch = n;
  for (guint i = 0; i < n; i++) {
    NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (batch);
    f->pad_index = i;
    f->source_id = i;
    f->batch_id = i;
    f->frame_num = frame_num;
    f->buf_pts = 0;
    f->source_frame_width = (guint) width;
    f->source_frame_height = (guint) height;
    f->num_surfaces_per_frame = 1;
    f->pipeline_width = (guint) width;
    f->pipeline_height = (guint) height;
    nvds_add_frame_meta_to_batch (batch, f);
  }
  batch->num_frames_in_batch = n;
  GST_BUFFER_PTS (buf) = 0;
  return buf;
}

static inline void
set_batch_caps (GstHarness * h, gint width, gint height, guint n)
{
  gchar *caps = g_strdup_printf ("video/x-raw(memory:DsNetBatch),format=RGBA,width=%d,height=%d,"
      "framerate=0/1,batch-size=%u", width, height, n);
  gst_harness_set_src_caps_str (h, caps);
  g_free (caps);
}

/* gst_harness_push_and_pull with a 10-minute wait instead of 60 s: with overlap the buffer comes from the ONNX
 * Runtime worker thread after push returns, and one UltraFace run under valgrind on a loaded machine can take longer
 * than a minute. */
static inline GstBuffer *
infer_push_and_pull (GstHarness * h, GstBuffer * in)
{
  if (gst_harness_push (h, in) != GST_FLOW_OK)
    return NULL;
  for (gint64 end = g_get_monotonic_time () + 600 * G_TIME_SPAN_SECOND; g_get_monotonic_time () < end;) {
    GstBuffer *out = gst_harness_try_pull (h);
    if (out != NULL)
      return out;
    g_usleep (5000);
  }
  return NULL;
}

/* A harness around one dsnetinfer configured before it starts (gst_harness_new would start it first). */
static inline GstHarness *
new_infer_harness (const gchar * config_path, const gchar * extra_props)
{
  gchar *desc = g_strdup_printf ("dsnetinfer config-file-path=\"%s\" %s", config_path,
      extra_props ? extra_props : "");
  GstHarness *h = gst_harness_new_parse (desc);
  g_free (desc);
  return h;
}

/* Writes `text` to a new file in a new temp folder; returns its path (free with remove_temp). */
static inline gchar *
write_temp (const gchar * name, const gchar * text)
{
  gchar *dir = g_dir_make_tmp ("dsnetinfer-XXXXXX", NULL);
  gchar *path = g_build_filename (dir, name, NULL);
  fail_unless (g_file_set_contents (path, text, -1, NULL));
  g_free (dir);
  return path;
}

static inline void
remove_temp (gchar * path)
{
  gchar *dir = g_path_get_dirname (path);
  GDir *d = g_dir_open (dir, 0, NULL);
  const gchar *n;
  while (d && (n = g_dir_read_name (d)) != NULL) {
    gchar *p = g_build_filename (dir, n, NULL);
    g_remove (p);
    g_free (p);
  }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
  g_free (dir);
  g_free (path);
}

/* Starts a dsnetinfer with the given config and expects start to fail; returns the error text. */
static inline gchar *
start_error (const gchar * config_path, GstElement ** out_el)
{
  GstElement *el = gst_element_factory_make ("dsnetinfer", NULL);
  fail_unless (el != NULL);
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (el, bus);
  g_object_set (el, "config-file-path", config_path, NULL);
  GstStateChangeReturn r = gst_element_set_state (el, GST_STATE_PAUSED);
  fail_unless (r == GST_STATE_CHANGE_FAILURE, "start unexpectedly succeeded");
  GstMessage *msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  fail_unless (msg != NULL, "no error message posted");
  GError *e = NULL;
  gchar *dbg = NULL;
  gst_message_parse_error (msg, &e, &dbg);
  gchar *text = g_strdup_printf ("%s | %s", e->message, dbg ? dbg : "");
  g_error_free (e);
  g_free (dbg);
  gst_message_unref (msg);
  gst_element_set_state (el, GST_STATE_NULL);
  gst_element_set_bus (el, NULL);
  gst_object_unref (bus);
  if (out_el)
    *out_el = el;
  else
    gst_object_unref (el);
  return text;
}

static inline gchar *
ultraface_config (const gchar * extra_property, const gchar * extra_groups)
{
  gchar *model = shared_path ("assets/models/ultraface/RFB-640-masked_face-v2.onnx");
  gchar *text = g_strdup_printf ("[property]\n"
      "gie-unique-id=1\n"
      "onnx-file=%s\n"
      "labelfile-path=labels.txt\n"
      "net-scale-factor=0.0078125\n"
      "offsets=127;127;127\n"
      "model-color-format=0\n"
      "num-detected-classes=2\n"
      "custom-lib-path=libdsnet_parsers.so\nparse-bbox-func-name=NvDsInferParseUltraFaceMask\n"
      "cluster-mode=2\n"
      "%s\n"
      "[dsnet]\nintra-op-threads=1\n"
      "[class-attrs-all]\npre-cluster-threshold=0.5\nnms-iou-threshold=0.3\n"
      "[class-attrs-0]\nborder-color=0;1;0;1\n" "%s", model, extra_property, extra_groups);
  gchar *path = write_temp ("pgie.txt", text);
  gchar *dir = g_path_get_dirname (path);
  gchar *labels = g_build_filename (dir, "labels.txt", NULL);
  g_file_set_contents (labels, "mask\nno-mask\n", -1, NULL);
  g_free (labels);
  g_free (dir);
  g_free (text);
  g_free (model);
  return path;
}

static inline GstBuffer *
load_image (const gchar * name, gint * w, gint * h)
{
  gchar *rel = g_strdup_printf ("datasets/kaggle-facemask-dev/images/%s", name);
  gchar *path = shared_path (rel);
  GError *e = NULL;
  GstBuffer *b = eval_decode_png (path, w, h, &e);
  fail_unless (b != NULL, "%s", e ? e->message : "");
  g_free (rel);
  g_free (path);
  return b;
}

static inline void
assert_start_error (const gchar * config_text, const gchar * expected_1, const gchar * expected_2)
{
  gchar *cfg = write_temp ("bad.txt", config_text);
  gchar *text = start_error (cfg, NULL);
  fail_unless (strstr (text, expected_1) != NULL, "'%s' not in '%s'", expected_1, text);
  if (expected_2)
    fail_unless (strstr (text, expected_2) != NULL, "'%s' not in '%s'", expected_2, text);
  GST_INFO ("error: %s", text);
  g_free (text);
  remove_temp (cfg);
}

#endif
