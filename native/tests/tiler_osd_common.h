/*
 * Helpers shared by the tiler / OSD / videoconvert tests: build DsNetBatch buffers (pixels + NvDsBatchMeta
 * made with the real metadata API) without the muxer, and read pixels back.
 */
#ifndef DSNET_TILER_OSD_COMMON_H
#define DSNET_TILER_OSD_COMMON_H

#include <string.h>

#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>

#include "dsnetbatch.h"
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

#define BATCH_CAPS_FMT "video/x-raw(memory:DsNetBatch),format=RGBA,width=%d,height=%d," \
  "framerate=25/1,batch-size=%u"

/* Test pattern: unique per (source, x, y) for frames up to 85 × 51 pixels. */
static inline void
pattern_pixel (guint source_id, gint x, gint y, guint8 out[4])
{
  out[0] = (guint8) (40 * source_id + 20);
  out[1] = (guint8) (3 * x);
  out[2] = (guint8) (5 * y);
  out[3] = 255;
}

static inline void
paint_pattern (guint8 * px, gint w, gint h, guint source_id)
{
  for (gint y = 0; y < h; y++)
    for (gint x = 0; x < w; x++)
      pattern_pixel (source_id, x, y, px + ((gsize) y * w + x) * 4);
}

static inline void
paint_solid (guint8 * px, gint w, gint h, guint8 r, guint8 g, guint8 b)
{
  for (gint i = 0; i < w * h; i++) {
    px[i * 4 + 0] = r;
    px[i * 4 + 1] = g;
    px[i * 4 + 2] = b;
    px[i * 4 + 3] = 255;
  }
}

/* A batch of `n` frames (slot i holds source source_ids[i], painted with the test pattern, or solid
 * grey 100 when `grey`) in a buffer of batch_size slots, with its NvDsBatchMeta attached as the muxer
 * does it (deepstream-meta-abi.md §5.2). */
static inline GstBuffer *
batch_new (gint w, gint h, guint batch_size, guint n, const guint * source_ids, gboolean grey)
{
  gsize slot = dsnet_batch_frame_size (w, h);
  GstBuffer *buf = gst_buffer_new_allocate (NULL, slot * batch_size, NULL);
  GstMapInfo map;
  fail_unless (gst_buffer_map (buf, &map, GST_MAP_WRITE));
  memset (map.data, 0, map.size);
  for (guint i = 0; i < n; i++) {
    if (grey)
      paint_solid (map.data + i * slot, w, h, 100, 100, 100);
    else
      paint_pattern (map.data + i * slot, w, h, source_ids[i]);
  }
  gst_buffer_unmap (buf, &map);

  NvDsBatchMeta *b = nvds_create_batch_meta (batch_size);
  fail_unless (b != NULL);
  NvDsMeta *m = gst_buffer_add_nvds_meta (buf, b, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  fail_unless (m != NULL);
  m->meta_type = NVDS_BATCH_GST_META;
  b->base_meta.batch_meta = b;
  b->base_meta.copy_func = nvds_batch_meta_copy_func;
  b->base_meta.release_func = nvds_batch_meta_release_func;
  b->max_frames_in_batch = batch_size;
  for (guint i = 0; i < n; i++) {
    NvDsFrameMeta *fm = nvds_acquire_frame_meta_from_pool (b);
    fm->batch_id = i;
    fm->source_id = source_ids[i];
    fm->pad_index = source_ids[i];
    fm->frame_num = 0;
    fm->source_frame_width = (guint) w;
    fm->source_frame_height = (guint) h;
    fm->num_surfaces_per_frame = 1;
    nvds_add_frame_meta_to_batch (b, fm);
  }
  b->num_frames_in_batch = n;
  return buf;
}

static inline NvDsFrameMeta *
frame_of_source (NvDsBatchMeta * b, guint source_id)
{
  for (GList * it = b->frame_meta_list; it != NULL; it = it->next)
    if (((NvDsFrameMeta *) it->data)->source_id == source_id)
      return it->data;
  return NULL;
}

static inline NvDsObjectMeta *
add_box (NvDsBatchMeta * b, NvDsFrameMeta * fm, gfloat l, gfloat t, gfloat w, gfloat h,
    guint border, gdouble r, gdouble g, gdouble bl, gdouble a)
{
  NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (b);
  o->class_id = 0;
  o->object_id = UNTRACKED_OBJECT_ID;
  o->confidence = 0.9f;
  o->rect_params.left = l;
  o->rect_params.top = t;
  o->rect_params.width = w;
  o->rect_params.height = h;
  o->rect_params.border_width = border;
  o->rect_params.border_color = (NvOSD_ColorParams) { r, g, bl, a };
  o->rect_params.has_bg_color = 0;
  o->text_params.display_text = NULL;
  o->mask_params.data = NULL;
  nvds_add_obj_meta_to_frame (fm, o, NULL);
  return o;
}

static inline const guint8 *
px_at (const GstMapInfo * map, gint w, gint x, gint y)
{
  return map->data + ((gsize) y * w + x) * 4;
}

#endif /* DSNET_TILER_OSD_COMMON_H */

/* ---- pipeline helpers (tiler_osd_pipeline_test, tiler_osd_mp4_test) ---- */

/* Pad probe for the tiler's sink pad: adds a 4-pixel red box (8, 8, 32, 24) to the frame of source 1,
 * the way a user probe or an inference element would (in muxer-frame coordinates). */
static inline GstPadProbeReturn
add_box_to_source1_probe (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  guint border = GPOINTER_TO_UINT (user_data);
  (void) pad;
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (GST_PAD_PROBE_INFO_BUFFER (info));
  if (b != NULL) {
    NvDsFrameMeta *fm = frame_of_source (b, 1);
    if (fm != NULL)
      add_box (b, fm, 8, 8, 32, 24, border, 1, 0, 0, 1);
  }
  return GST_PAD_PROBE_OK;
}

static inline GstElement *
launch_or_fail (const gchar * desc)
{
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch (desc, &err);
  fail_unless (pipe != NULL && err == NULL, "cannot build '%s': %s", desc, err ? err->message : "?");
  return pipe;
}

/* Runs the pipeline to EOS; fails the test on an error message. */
static inline void
run_to_eos (GstElement * pipe, GstClockTime timeout)
{
  fail_unless (gst_element_set_state (pipe, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);
  GstBus *bus = gst_element_get_bus (pipe);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, timeout, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg != NULL, "pipeline did not finish in time");
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR) {
    GError *err = NULL;
    gchar *dbg = NULL;
    gst_message_parse_error (msg, &err, &dbg);
    fail ("pipeline error from %s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (msg)), err->message,
        dbg ? dbg : "");
  }
  gst_message_unref (msg);
  gst_object_unref (bus);
}
