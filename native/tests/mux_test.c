/*
 * dsnetstreammux / dsnetstreamdemux: real pipelines (videotestsrc, appsrc) through the elements,
 * checking the batched buffers, their NvDsBatchMeta, the pixels, EOS handling and timeouts.
 */
#include <gst/check/gstcheck.h>
#include <gst/video/video.h>
#include <string.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

#define COLLECT_TIMEOUT (30 * GST_SECOND)

/* ---- helpers --------------------------------------------------------------------------------- */

typedef struct
{
  GMutex lock;
  GPtrArray *buffers;           /* GstBuffer refs */
  GArray *arrivals;             /* gint64 monotonic µs per buffer */
  GstCaps *caps;                /* caps of the first buffer */
} Collector;

static void
collector_init (Collector * c)
{
  g_mutex_init (&c->lock);
  c->buffers = g_ptr_array_new_with_free_func ((GDestroyNotify) gst_buffer_unref);
  c->arrivals = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->caps = NULL;
}

static void
collector_clear (Collector * c)
{
  g_ptr_array_unref (c->buffers);
  g_array_unref (c->arrivals);
  gst_caps_replace (&c->caps, NULL);
  g_mutex_clear (&c->lock);
}

static void
on_handoff (GstElement * sink, GstBuffer * buf, GstPad * pad, gpointer user_data)
{
  Collector *c = user_data;
  gint64 now = g_get_monotonic_time ();

  (void) sink;
  g_mutex_lock (&c->lock);
  if (!c->caps)
    c->caps = gst_pad_get_current_caps (pad);
  g_ptr_array_add (c->buffers, gst_buffer_ref (buf));
  g_array_append_val (c->arrivals, now);
  g_mutex_unlock (&c->lock);
}

static void
attach_collector (GstElement * pipeline, const gchar * sink_name, Collector * c)
{
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipeline), sink_name);
  fail_unless (sink != NULL, "no element %s", sink_name);
  g_object_set (sink, "signal-handoffs", TRUE, "sync", FALSE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), c);
  gst_object_unref (sink);
}

typedef struct
{
  GArray *eos_ids;              /* guint: stream-id of each stream-eos element message */
  gchar *error;                 /* first error message, if any */
} RunResult;

static void
run_result_clear (RunResult * r)
{
  if (r->eos_ids)
    g_array_unref (r->eos_ids);
  g_free (r->error);
}

/* Plays the pipeline until EOS or ERROR; records stream-eos messages. Returns TRUE on EOS. */
static gboolean
run_pipeline (GstElement * pipeline, RunResult * r, void (*on_stream_eos) (GstElement *, guint))
{
  GstBus *bus = gst_element_get_bus (pipeline);
  gboolean eos = FALSE, done = FALSE;

  r->eos_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  r->error = NULL;
  fail_unless (gst_element_set_state (pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);
  while (!done) {
    GstMessage *msg = gst_bus_timed_pop_filtered (bus, COLLECT_TIMEOUT,
        GST_MESSAGE_EOS | GST_MESSAGE_ERROR | GST_MESSAGE_ELEMENT);
    if (!msg) {
      r->error = g_strdup ("timeout");
      break;
    }
    switch (GST_MESSAGE_TYPE (msg)) {
      case GST_MESSAGE_EOS:
        eos = done = TRUE;
        break;
      case GST_MESSAGE_ERROR:{
        GError *err = NULL;
        gchar *dbg = NULL;
        gst_message_parse_error (msg, &err, &dbg);
        r->error = g_strdup_printf ("%s | %s", err->message, dbg ? dbg : "");
        g_error_free (err);
        g_free (dbg);
        done = TRUE;
        break;
      }
      case GST_MESSAGE_ELEMENT:{
        const GstStructure *s = gst_message_get_structure (msg);
        guint id;
        if (s && gst_structure_has_name (s, "stream-eos")
            && gst_structure_get_uint (s, "stream-id", &id)) {
          g_array_append_val (r->eos_ids, id);
          if (on_stream_eos)
            on_stream_eos (pipeline, id);
        }
        break;
      }
      default:
        break;
    }
    gst_message_unref (msg);
  }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (bus);
  return eos;
}

static GstElement *
parse (const gchar * desc)
{
  GError *err = NULL;
  GstElement *p = gst_parse_launch (desc, &err);
  fail_unless (p != NULL && err == NULL, "cannot build '%s': %s", desc, err ? err->message : "");
  return p;
}

static NvDsBatchMeta *
batch_of (GstBuffer * buf)
{
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (buf);
  fail_unless (b != NULL, "batched buffer without NvDsBatchMeta");
  return b;
}

static NvDsFrameMeta *
frame_in_slot (NvDsBatchMeta * b, guint slot)
{
  GList *l;
  for (l = b->frame_meta_list; l; l = l->next)
    if (((NvDsFrameMeta *) l->data)->batch_id == slot)
      return l->data;
  return NULL;
}

/* RGBA pixel of slot `slot` of a batched buffer of width w, height h. */
static void
pixel_at (GstBuffer * buf, gint w, gint h, guint slot, gint x, gint y, guint8 px[4])
{
  gsize off = (gsize) slot * w * h * 4 + ((gsize) y * w + x) * 4;
  fail_unless_equals_int (gst_buffer_extract (buf, off, px, 4), 4);
}

static gboolean
near (gint a, gint b, gint tol)
{
  return ABS (a - b) <= tol;
}

/* ---- properties ------------------------------------------------------------------------------ */

GST_START_TEST (test_properties_roundtrip)
{
  GstElement *mux = gst_element_factory_make ("dsnetstreammux", NULL);
  guint bs, w, h, gpu, pool, threads, same;
  gint timeout, memtype;
  gboolean live, pad, reset, systs;

  fail_unless (mux != NULL);
  g_object_get (mux, "batch-size", &bs, "width", &w, "height", &h, "batched-push-timeout",
      &timeout, "live-source", &live, "enable-padding", &pad, "frame-num-reset-on-eos", &reset,
      "attach-sys-ts", &systs, "gpu-id", &gpu, "nvbuf-memory-type", &memtype,
      "buffer-pool-size", &pool, "conversion-threads", &threads, "max-same-source-frames", &same, NULL);
  fail_unless_equals_int (bs, 1);
  fail_unless_equals_int (w, 0);
  fail_unless_equals_int (h, 0);
  fail_unless_equals_int (timeout, -1);
  fail_unless (!live && !pad && !reset && systs);
  fail_unless_equals_int (gpu, 0);
  fail_unless_equals_int (memtype, 0);
  fail_unless_equals_int (pool, 4);
  fail_unless_equals_int (threads, 0);
  fail_unless_equals_int (same, 1);

  g_object_set (mux, "batch-size", 8, "width", 1920, "height", 1080, "batched-push-timeout",
      40000, "live-source", TRUE, "enable-padding", TRUE, "frame-num-reset-on-eos", TRUE,
      "attach-sys-ts", FALSE, "gpu-id", 1, "buffer-pool-size", 6, "conversion-threads", 3, "max-same-source-frames", 0, NULL);
  /* as deepstream-app sets them: from config strings */
  gst_util_set_object_arg (G_OBJECT (mux), "nvbuf-memory-type", "3");
  g_object_get (mux, "batch-size", &bs, "width", &w, "height", &h, "batched-push-timeout",
      &timeout, "live-source", &live, "enable-padding", &pad, "frame-num-reset-on-eos", &reset,
      "attach-sys-ts", &systs, "gpu-id", &gpu, "nvbuf-memory-type", &memtype,
      "buffer-pool-size", &pool, "conversion-threads", &threads, "max-same-source-frames", &same, NULL);
  fail_unless_equals_int (bs, 8);
  fail_unless_equals_int (w, 1920);
  fail_unless_equals_int (h, 1080);
  fail_unless_equals_int (timeout, 40000);
  fail_unless (live && pad && reset && !systs);
  fail_unless_equals_int (gpu, 1);
  fail_unless_equals_int (memtype, 3);
  fail_unless_equals_int (pool, 6);
  fail_unless_equals_int (threads, 3);
  fail_unless_equals_int (same, 0);
  gst_util_set_object_arg (G_OBJECT (mux), "nvbuf-memory-type", "nvbuf-mem-cuda-device");
  g_object_get (mux, "nvbuf-memory-type", &memtype, NULL);
  fail_unless_equals_int (memtype, 2);
  gst_object_unref (mux);
}

GST_END_TEST;

GST_START_TEST (test_request_and_release_pads)
{
  GstElement *mux = gst_element_factory_make ("dsnetstreammux", NULL);
  GstElement *demux = gst_element_factory_make ("dsnetstreamdemux", NULL);
  GstPad *p5, *p0, *d2;

  p5 = gst_element_request_pad_simple (mux, "sink_5");
  p0 = gst_element_request_pad_simple (mux, "sink_%u");
  fail_unless (p5 && p0);
  fail_unless_equals_string (GST_PAD_NAME (p5), "sink_5");
  fail_unless (strcmp (GST_PAD_NAME (p0), "sink_5") != 0);
  gst_element_release_request_pad (mux, p5);
  gst_element_release_request_pad (mux, p0);
  gst_object_unref (p5);
  gst_object_unref (p0);
  fail_unless_equals_int (GST_ELEMENT (mux)->numsinkpads, 0);

  d2 = gst_element_request_pad_simple (demux, "src_2");
  fail_unless (d2 != NULL);
  fail_unless_equals_string (GST_PAD_NAME (d2), "src_2");
  gst_element_release_request_pad (demux, d2);
  gst_object_unref (d2);
  fail_unless_equals_int (GST_ELEMENT (demux)->numsrcpads, 0);

  gst_object_unref (mux);
  gst_object_unref (demux);
}

GST_END_TEST;

/* ---- batching by count, mixed formats and sizes, meta correctness ---------------------------- */

GST_START_TEST (test_batch_by_count_mixed_inputs)
{
  GstElement *p = parse ("dsnetstreammux name=m batch-size=3 width=64 height=48 ! "
      "fakesink name=out "
      "videotestsrc num-buffers=4 ! video/x-raw,format=I420,width=320,height=240,framerate=25/1 ! m.sink_0 "
      "videotestsrc num-buffers=4 ! video/x-raw,format=NV12,width=640,height=360,framerate=25/1 ! m.sink_1 "
      "videotestsrc num-buffers=4 ! video/x-raw,format=RGB,width=160,height=120,framerate=25/1 ! m.sink_2");
  Collector c;
  RunResult r;
  GstStructure *s;
  gint v, expect_num[3] = { 0, 0, 0 };
  const guint src_w[3] = { 320, 640, 160 }, src_h[3] = { 240, 360, 120 };
  guint i, slot;
  guint64 now_ns = (guint64) g_get_real_time () * 1000u;

  collector_init (&c);
  attach_collector (p, "out", &c);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  /* caps per dsnetbatch.h */
  fail_unless (c.caps != NULL);
  s = gst_caps_get_structure (c.caps, 0);
  fail_unless (gst_caps_features_contains (gst_caps_get_features (c.caps, 0), "memory:DsNetBatch"));
  fail_unless_equals_string (gst_structure_get_string (s, "format"), "RGBA");
  fail_unless (gst_structure_get_int (s, "batch-size", &v) && v == 3);
  fail_unless (gst_structure_get_int (s, "width", &v) && v == 64);
  fail_unless (gst_structure_get_int (s, "height", &v) && v == 48);

  fail_unless_equals_int (c.buffers->len, 4);
  fail_unless_equals_int (r.eos_ids->len, 3);
  for (i = 0; i < c.buffers->len; i++) {
    GstBuffer *buf = g_ptr_array_index (c.buffers, i);
    NvDsBatchMeta *b = batch_of (buf);

    fail_unless_equals_int (gst_buffer_get_size (buf), 3 * 64 * 48 * 4);
    fail_unless_equals_int (b->num_frames_in_batch, 3);
    fail_unless_equals_int (b->max_frames_in_batch, 3);
    fail_unless_equals_int (g_list_length (b->frame_meta_list), 3);
    fail_unless_equals_uint64 (GST_BUFFER_PTS (buf), i * GST_SECOND / 25);
    for (slot = 0; slot < 3; slot++) {
      NvDsFrameMeta *fm = frame_in_slot (b, slot);
      fail_unless (fm != NULL, "no frame in slot %u of batch %u", slot, i);
      /* one frame per source per round, in pad order */
      fail_unless_equals_int (fm->source_id, slot);
      fail_unless_equals_int (fm->pad_index, fm->source_id);
      fail_unless_equals_int (fm->frame_num, expect_num[fm->source_id]++);
      fail_unless_equals_int (fm->source_frame_width, src_w[fm->source_id]);
      fail_unless_equals_int (fm->source_frame_height, src_h[fm->source_id]);
      fail_unless_equals_int (fm->pipeline_width, 64);
      fail_unless_equals_int (fm->pipeline_height, 48);
      fail_unless_equals_int (fm->num_surfaces_per_frame, 1);
      fail_unless_equals_uint64 (fm->buf_pts, i * GST_SECOND / 25);
      /* attach-sys-ts (default TRUE): wall-clock ns, within a minute of now */
      fail_unless (fm->ntp_timestamp + 60 * GST_SECOND > now_ns
          && fm->ntp_timestamp < now_ns + 60 * GST_SECOND);
    }
  }
  run_result_clear (&r);
  collector_clear (&c);
  gst_object_unref (p);
}

GST_END_TEST;

/* batch-size smaller than the number of sources: batches keep going round the pads (no starvation) */
GST_START_TEST (test_batch_smaller_than_sources_is_fair)
{
  GstElement *p = parse ("dsnetstreammux name=m batch-size=2 width=32 height=32 attach-sys-ts=false ! "
      "fakesink name=out "
      "videotestsrc num-buffers=4 ! video/x-raw,width=64,height=64 ! m.sink_0 "
      "videotestsrc num-buffers=4 ! video/x-raw,width=64,height=64 ! m.sink_1 "
      "videotestsrc num-buffers=4 ! video/x-raw,width=64,height=64 ! m.sink_2");
  Collector c;
  RunResult r;
  guint i, count[3] = { 0, 0, 0 };
  GList *l;

  collector_init (&c);
  attach_collector (p, "out", &c);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  fail_unless_equals_int (c.buffers->len, 6);
  for (i = 0; i < c.buffers->len; i++) {
    NvDsBatchMeta *b = batch_of (g_ptr_array_index (c.buffers, i));
    fail_unless_equals_int (b->num_frames_in_batch, 2);
    for (l = b->frame_meta_list; l; l = l->next) {
      NvDsFrameMeta *fm = l->data;
      fail_unless (fm->source_id < 3);
      fail_unless_equals_int (fm->ntp_timestamp, 0);
      count[fm->source_id]++;
    }
    /* after every 3 batches (2 rounds), each source has given the same number of frames */
    if (i % 3 == 2) {
      fail_unless_equals_int (count[0], count[1]);
      fail_unless_equals_int (count[1], count[2]);
    }
  }
  fail_unless_equals_int (count[0], 4);
  run_result_clear (&r);
  collector_clear (&c);
  gst_object_unref (p);
}

GST_END_TEST;

/* ---- pixels: conversion and enable-padding geometry ------------------------------------------ */

GST_START_TEST (test_pixels_and_padding)
{
  /* source 0: red 4:3 I420, source 1: blue 16:9 RGBx, output 64x64, padded */
  GstElement *p = parse ("dsnetstreammux name=m batch-size=2 width=64 height=64 enable-padding=true ! "
      "fakesink name=out "
      "videotestsrc num-buffers=1 pattern=solid-color foreground-color=0xffff0000 ! "
      "video/x-raw,format=I420,width=128,height=96 ! m.sink_0 "
      "videotestsrc num-buffers=1 pattern=solid-color foreground-color=0xff0000ff ! "
      "video/x-raw,format=RGBx,width=256,height=64 ! m.sink_1");
  Collector c;
  RunResult r;
  GstBuffer *buf;
  guint8 px[4];
  gint x, y;

  collector_init (&c);
  attach_collector (p, "out", &c);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  fail_unless_equals_int (c.buffers->len, 1);
  buf = g_ptr_array_index (c.buffers, 0);

  /* slot 0: 128x96 → 64x48 centred: rows 0..7 and 56..63 black, middle red */
  for (x = 0; x < 64; x += 7) {
    for (y = 0; y < 8; y++) {
      pixel_at (buf, 64, 64, 0, x, y, px);
      fail_unless (px[0] == 0 && px[1] == 0 && px[2] == 0 && px[3] == 255,
          "slot 0 top border (%d,%d) = %u,%u,%u,%u", x, y, px[0], px[1], px[2], px[3]);
      pixel_at (buf, 64, 64, 0, x, 63 - y, px);
      fail_unless (px[0] == 0 && px[1] == 0 && px[2] == 0, "slot 0 bottom border (%d,%d)", x,
          63 - y);
    }
    pixel_at (buf, 64, 64, 0, x, 32, px);
    fail_unless (near (px[0], 255, 12) && near (px[1], 0, 12) && near (px[2], 0, 12)
        && px[3] == 255, "slot 0 centre (%d,32) = %u,%u,%u", x, px[0], px[1], px[2]);
  }
  /* slot 1: 256x64 (4:1) → 64x16 centred: rows 0..23 and 40..63 black, middle blue */
  for (x = 0; x < 64; x += 7) {
    for (y = 0; y < 24; y++) {
      pixel_at (buf, 64, 64, 1, x, y, px);
      fail_unless (px[0] == 0 && px[1] == 0 && px[2] == 0, "slot 1 top border (%d,%d)", x, y);
      pixel_at (buf, 64, 64, 1, x, 63 - y, px);
      fail_unless (px[0] == 0 && px[1] == 0 && px[2] == 0, "slot 1 bottom border (%d,%d)", x,
          63 - y);
    }
    pixel_at (buf, 64, 64, 1, x, 32, px);
    fail_unless (px[0] == 0 && px[1] == 0 && px[2] == 255, "slot 1 centre (%d,32) = %u,%u,%u",
        x, px[0], px[1], px[2]);
  }
  run_result_clear (&r);
  collector_clear (&c);
  gst_object_unref (p);
}

GST_END_TEST;

GST_START_TEST (test_no_padding_fills_frame_and_pillarbox)
{
  /* without padding a 4:3 source fills the whole slot; with padding a tall source is pillarboxed */
  GstElement *p = parse ("dsnetstreammux name=m batch-size=1 width=64 height=32 ! fakesink name=out "
      "videotestsrc num-buffers=1 pattern=white ! video/x-raw,format=GRAY8,width=40,height=30 ! m.sink_0");
  GstElement *q = parse ("dsnetstreammux name=m batch-size=1 width=64 height=32 enable-padding=1 ! "
      "fakesink name=out videotestsrc num-buffers=1 pattern=white ! "
      "video/x-raw,format=GRAY8,width=32,height=32 ! m.sink_0");
  Collector c, d;
  RunResult r, s;
  guint8 px[4];
  gint x, y;

  collector_init (&c);
  collector_init (&d);
  attach_collector (p, "out", &c);
  attach_collector (q, "out", &d);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (run_pipeline (q, &s, NULL));
  fail_unless_equals_int (c.buffers->len, 1);
  fail_unless_equals_int (d.buffers->len, 1);
  for (y = 0; y < 32; y += 3)
    for (x = 0; x < 64; x += 3) {
      pixel_at (g_ptr_array_index (c.buffers, 0), 64, 32, 0, x, y, px);
      /* videotestsrc's GRAY8 "white" is 235 */
      fail_unless (px[0] > 230 && px[1] > 230 && px[2] > 230, "unpadded (%d,%d) not white", x, y);
      pixel_at (g_ptr_array_index (d.buffers, 0), 64, 32, 0, x, y, px);
      if (x < 16 || x >= 48)
        fail_unless (px[0] == 0 && px[1] == 0 && px[2] == 0, "pillar (%d,%d) not black", x, y);
      else
        fail_unless (px[0] > 230, "picture (%d,%d) not white", x, y);
    }
  run_result_clear (&r);
  run_result_clear (&s);
  collector_clear (&c);
  collector_clear (&d);
  gst_object_unref (p);
  gst_object_unref (q);
}

GST_END_TEST;

/* ---- caps change mid-stream ------------------------------------------------------------------ */

static void
push_gray (GstElement * appsrc, gint w, gint h, guint8 value, GstClockTime pts)
{
  GstVideoInfo info;
  GstBuffer *buf;
  GstCaps *caps;
  GstFlowReturn ret;

  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_GRAY8, w, h);
  info.fps_n = 25;
  info.fps_d = 1;
  caps = gst_video_info_to_caps (&info);
  g_object_set (appsrc, "caps", caps, NULL);
  gst_caps_unref (caps);
  buf = gst_buffer_new_allocate (NULL, GST_VIDEO_INFO_SIZE (&info), NULL);
  gst_buffer_memset (buf, 0, value, GST_VIDEO_INFO_SIZE (&info));
  GST_BUFFER_PTS (buf) = pts;
  GST_BUFFER_DURATION (buf) = GST_SECOND / 25;
  g_signal_emit_by_name (appsrc, "push-buffer", buf, &ret);
  gst_buffer_unref (buf);
  fail_unless_equals_int (ret, GST_FLOW_OK);
}

GST_START_TEST (test_resolution_change_mid_stream)
{
  GstElement *p = parse ("appsrc name=src format=time ! dsnetstreammux name=m batch-size=1 "
      "width=32 height=32 ! fakesink name=out");
  GstElement *appsrc = gst_bin_get_by_name (GST_BIN (p), "src");
  Collector c;
  RunResult r;
  GstFlowReturn ret;
  const gint w[4] = { 64, 64, 16, 16 }, h[4] = { 48, 48, 8, 8 };
  const guint8 v[4] = { 255, 255, 0, 0 };
  guint i;

  collector_init (&c);
  attach_collector (p, "out", &c);
  for (i = 0; i < 4; i++)
    push_gray (appsrc, w[i], h[i], v[i], i * GST_SECOND / 25);
  g_signal_emit_by_name (appsrc, "end-of-stream", &ret);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  fail_unless_equals_int (c.buffers->len, 4);
  for (i = 0; i < 4; i++) {
    GstBuffer *buf = g_ptr_array_index (c.buffers, i);
    NvDsFrameMeta *fm = frame_in_slot (batch_of (buf), 0);
    guint8 px[4];
    fail_unless (fm != NULL);
    fail_unless_equals_int (fm->source_frame_width, w[i]);
    fail_unless_equals_int (fm->source_frame_height, h[i]);
    fail_unless_equals_int (fm->frame_num, i);
    pixel_at (buf, 32, 32, 0, 16, 16, px);
    fail_unless (near (px[0], v[i], 2) && near (px[1], v[i], 2), "frame %u pixel %u", i, px[0]);
  }
  gst_object_unref (appsrc);
  run_result_clear (&r);
  collector_clear (&c);
  gst_object_unref (p);
}

GST_END_TEST;

/* An input that already carries a batch meta keeps its frame meta (deep copy), only batch_id changes. */
GST_START_TEST (test_input_batch_meta_is_kept)
{
  GstElement *p = parse ("appsrc name=src format=time "
      "caps=video/x-raw,format=GRAY8,width=16,height=16,framerate=25/1 ! "
      "dsnetstreammux name=m batch-size=1 width=16 height=16 ! fakesink name=out");
  GstElement *appsrc = gst_bin_get_by_name (GST_BIN (p), "src");
  Collector c;
  RunResult r;
  GstBuffer *buf = gst_buffer_new_allocate (NULL, 16 * 16, NULL);
  NvDsBatchMeta *in = nvds_create_batch_meta (1);
  NvDsMeta *meta;
  NvDsFrameMeta *fm, *out_fm;
  NvDsObjectMeta *obj;
  GstFlowReturn ret;

  gst_buffer_memset (buf, 0, 128, 16 * 16);
  GST_BUFFER_PTS (buf) = 0;
  meta = gst_buffer_add_nvds_meta (buf, in, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  meta->meta_type = NVDS_BATCH_GST_META;
  fm = nvds_acquire_frame_meta_from_pool (in);
  fm->source_id = fm->pad_index = 7;
  fm->frame_num = 42;
  fm->batch_id = 0;
  nvds_add_frame_meta_to_batch (in, fm);
  obj = nvds_acquire_obj_meta_from_pool (in);
  obj->class_id = 3;
  nvds_add_obj_meta_to_frame (fm, obj, NULL);

  collector_init (&c);
  attach_collector (p, "out", &c);
  g_signal_emit_by_name (appsrc, "push-buffer", buf, &ret);
  gst_buffer_unref (buf);
  g_signal_emit_by_name (appsrc, "end-of-stream", &ret);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  fail_unless_equals_int (c.buffers->len, 1);
  out_fm = frame_in_slot (batch_of (g_ptr_array_index (c.buffers, 0)), 0);
  fail_unless (out_fm != NULL);
  fail_unless_equals_int (out_fm->source_id, 7);
  fail_unless_equals_int (out_fm->frame_num, 42);
  fail_unless_equals_int (g_list_length (out_fm->obj_meta_list), 1);
  fail_unless_equals_int (((NvDsObjectMeta *) out_fm->obj_meta_list->data)->class_id, 3);
  gst_object_unref (appsrc);
  run_result_clear (&r);
  collector_clear (&c);
  gst_object_unref (p);
}

GST_END_TEST;

/* ---- one source ending early ------------------------------------------------------------------ */

/* Source 0 (2 frames) ends before source 1 (6 frames) in a batch-size=2 muxer with the given
 * max-same-source-frames; collects the batches and checks both stream-eos messages, short one first. */
static void
run_one_source_ends_early (const gchar * max_same, Collector * c)
{
  gchar *desc = g_strdup_printf ("dsnetstreammux name=m batch-size=2 width=32 height=32 "
      "max-same-source-frames=%s frame-num-reset-on-eos=true ! fakesink name=out "
      "videotestsrc num-buffers=2 ! video/x-raw,width=32,height=32 ! m.sink_0 "
      "videotestsrc num-buffers=6 ! video/x-raw,width=48,height=32 ! m.sink_1", max_same);
  GstElement *p = parse (desc);
  RunResult r;

  g_free (desc);
  collector_init (c);
  attach_collector (p, "out", c);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  fail_unless_equals_int (r.eos_ids->len, 2);
  fail_unless_equals_int (g_array_index (r.eos_ids, guint, 0), 0);
  fail_unless_equals_int (g_array_index (r.eos_ids, guint, 1), 1);
  run_result_clear (&r);
  gst_object_unref (p);
}

/* Default max-same-source-frames=1: once source 0 ends, source 1 goes on in batches of one frame. */
GST_START_TEST (test_one_source_ends_early)
{
  Collector c;
  guint i;
  gint expect_num = 0;
  GList *l;

  run_one_source_ends_early ("1", &c);
  /* 2 + 6 frames: [0,1] [0,1] then [1] [1] [1] [1]; every frame of source 1 once, in order */
  fail_unless_equals_int (c.buffers->len, 6);
  for (i = 0; i < c.buffers->len; i++) {
    NvDsBatchMeta *b = batch_of (g_ptr_array_index (c.buffers, i));
    fail_unless_equals_int (b->num_frames_in_batch, i < 2 ? 2 : 1);
    for (l = b->frame_meta_list; l; l = l->next) {
      NvDsFrameMeta *fm = l->data;
      if (fm->source_id == 1)
        fail_unless_equals_int (fm->frame_num, expect_num++);
    }
  }
  fail_unless_equals_int (expect_num, 6);
  collector_clear (&c);
}

GST_END_TEST;

/* max-same-source-frames=0: the legacy nvstreammux round-robin fills a batch with frames of the
 * source that is left. */
GST_START_TEST (test_one_source_ends_early_no_same_source_limit)
{
  Collector c;
  guint i, n1 = 0;
  GList *l;

  run_one_source_ends_early ("0", &c);
  /* 2 + 6 frames, all batched: [0,1] [0,1] then source 1 alone [1,1] [1,1] */
  fail_unless_equals_int (c.buffers->len, 4);
  for (i = 0; i < c.buffers->len; i++) {
    NvDsBatchMeta *b = batch_of (g_ptr_array_index (c.buffers, i));
    fail_unless_equals_int (b->num_frames_in_batch, 2);
    for (l = b->frame_meta_list; l; l = l->next) {
      NvDsFrameMeta *fm = l->data;
      if (i >= 2)
        fail_unless_equals_int (fm->source_id, 1);
      if (fm->source_id == 1)
        n1++;
    }
  }
  fail_unless_equals_int (n1, 6);
  collector_clear (&c);
}

GST_END_TEST;

GST_START_TEST (test_missing_output_size_is_an_error)
{
  GstElement *p = parse ("dsnetstreammux name=m batch-size=1 ! fakesink "
      "videotestsrc num-buffers=2 ! video/x-raw,width=32,height=32 ! m.sink_0");
  RunResult r;

  fail_if (run_pipeline (p, &r, NULL));
  fail_unless (r.error != NULL);
  fail_unless (strstr (r.error, "width") != NULL && strstr (r.error, "height") != NULL,
      "unclear error: %s", r.error);
  run_result_clear (&r);
  gst_object_unref (p);
}

GST_END_TEST;

/* Bad input gives a clear error naming the element and what is wrong, never a crash. */
static gchar *
run_with_one_buffer (const gchar * desc, gsize size)
{
  GstElement *p = parse (desc);
  GstElement *appsrc = gst_bin_get_by_name (GST_BIN (p), "src");
  GstBuffer *buf = gst_buffer_new_allocate (NULL, size, NULL);
  GstFlowReturn ret;
  RunResult r;
  gchar *error;

  gst_buffer_memset (buf, 0, 0, size);
  GST_BUFFER_PTS (buf) = 0;
  g_signal_emit_by_name (appsrc, "push-buffer", buf, &ret);
  g_signal_emit_by_name (appsrc, "end-of-stream", &ret);
  gst_buffer_unref (buf);
  fail_if (run_pipeline (p, &r, NULL));
  error = r.error;
  r.error = NULL;
  run_result_clear (&r);
  gst_object_unref (appsrc);
  gst_object_unref (p);
  return error;
}

GST_START_TEST (test_bad_input_errors)
{
  gchar *e;

  /* a buffer too small for its caps */
  e = run_with_one_buffer ("appsrc name=src format=time "
      "caps=video/x-raw,format=I420,width=64,height=48,framerate=25/1 ! "
      "dsnetstreammux batch-size=1 width=32 height=32 ! fakesink", 100);
  fail_unless (e && strstr (e, "dsnetstreammux") && strstr (e, "sink_0") && strstr (e, "64x48"),
      "unclear error: %s", e);
  g_free (e);

  /* a DsNetBatch buffer without NvDsBatchMeta into the demuxer */
  e = run_with_one_buffer ("appsrc name=src format=time "
      "caps=\"video/x-raw(memory:DsNetBatch),format=RGBA,width=8,height=8,framerate=25/1,batch-size=1\" ! "
      "dsnetstreamdemux name=d d.src_0 ! fakesink", 8 * 8 * 4);
  fail_unless (e && strstr (e, "NvDsBatchMeta"), "unclear error: %s", e);
  g_free (e);
}

GST_END_TEST;

/* ---- batched-push-timeout with a stalled live source ------------------------------------------ */

static void
end_stalled_source (GstElement * pipeline, guint id)
{
  GstElement *appsrc;
  GstFlowReturn ret;

  if (id != 0)
    return;
  appsrc = gst_bin_get_by_name (GST_BIN (pipeline), "stalled");
  g_signal_emit_by_name (appsrc, "end-of-stream", &ret);
  gst_object_unref (appsrc);
}

/* upstream_live = FALSE: non-live sources (paced by identity sync=true), the muxer made live by
 * live-source=true alone */
static void
run_stalled (gint timeout_us, gboolean upstream_live, Collector * c, RunResult * r)
{
  gchar *desc = g_strdup_printf ("dsnetstreammux name=m batch-size=2 width=32 height=32 "
      "max-same-source-frames=0 live-source=true batched-push-timeout=%d ! fakesink name=out "
      "videotestsrc is-live=%d num-buffers=8 ! video/x-raw,width=32,height=32,framerate=10/1 ! "
      "identity sync=%d ! m.sink_0 "
      "appsrc name=stalled is-live=%d format=time min-latency=0 max-latency=1000000000 "
      "caps=video/x-raw,format=GRAY8,width=32,height=32,framerate=10/1 ! m.sink_1", timeout_us,
      upstream_live, !upstream_live, upstream_live);
  GstElement *p = parse (desc);

  g_free (desc);
  attach_collector (p, "out", c);
  fail_unless (run_pipeline (p, r, end_stalled_source));
  fail_unless (r->error == NULL, "error: %s", r->error);
  gst_object_unref (p);
}

GST_START_TEST (test_timeout_with_stalled_live_source)
{
  Collector c, d, e;
  RunResult r, s, t;
  guint i, frames = 0;
  gint64 span;

  /* 30 ms timeout < 100 ms frame interval: every frame of the live source goes out alone, on time */
  collector_init (&c);
  run_stalled (30000, TRUE, &c, &r);
  /* Each frame should go out alone; start-up (the clock waits for the latency) or a busy machine may
   * put two together now and then, but without the timeout every batch would hold two. */
  fail_unless (c.buffers->len >= 5, "only %u batches", c.buffers->len);
  for (i = 0; i < c.buffers->len; i++) {
    NvDsBatchMeta *b = batch_of (g_ptr_array_index (c.buffers, i));
    fail_unless (b->num_frames_in_batch >= 1);
    fail_unless_equals_int (frame_in_slot (b, 0)->source_id, 0);
    frames += b->num_frames_in_batch;
  }
  fail_unless_equals_int (frames, 8);
  frames = 0;
  span = g_array_index (c.arrivals, gint64, c.buffers->len - 1) - g_array_index (c.arrivals,
      gint64, 0);
  fail_unless (span > 300000, "partial batches were not pushed on time (span %" G_GINT64_FORMAT
      " µs)", span);

  /* no timeout: batches wait until full, so the live source fills both slots */
  collector_init (&d);
  run_stalled (-1, TRUE, &d, &s);
  fail_unless_equals_int (d.buffers->len, 4);
  for (i = 0; i < d.buffers->len; i++)
    frames += batch_of (g_ptr_array_index (d.buffers, i))->num_frames_in_batch;
  fail_unless_equals_int (frames, 8);
  fail_unless_equals_int (batch_of (g_ptr_array_index (d.buffers, 0))->num_frames_in_batch, 2);

  /* non-live upstream, live-source=true: the timeout applies all the same */
  collector_init (&e);
  run_stalled (30000, FALSE, &e, &t);
  fail_unless (e.buffers->len >= 5, "only %u batches (live-source=true, non-live upstream)",
      e.buffers->len);
  for (i = 0, frames = 0; i < e.buffers->len; i++)
    frames += batch_of (g_ptr_array_index (e.buffers, i))->num_frames_in_batch;
  fail_unless_equals_int (frames, 8);
  run_result_clear (&t);
  collector_clear (&e);

  run_result_clear (&r);
  run_result_clear (&s);
  collector_clear (&c);
  collector_clear (&d);
}

GST_END_TEST;

/* Live sources at different frame rates: nothing lost, nothing starved, frame order kept per source. */
GST_START_TEST (test_live_different_framerates)
{
  GstElement *p = parse ("dsnetstreammux name=m batch-size=2 width=16 height=16 live-source=true "
      "batched-push-timeout=40000 ! fakesink name=out "
      "videotestsrc is-live=true num-buffers=15 ! video/x-raw,width=16,height=16,framerate=30/1 ! m.sink_0 "
      "videotestsrc is-live=true num-buffers=5 ! video/x-raw,width=16,height=16,framerate=10/1 ! m.sink_1");
  Collector c;
  RunResult r;
  gint next[2] = { 0, 0 };
  guint i, slot;

  collector_init (&c);
  attach_collector (p, "out", &c);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  for (i = 0; i < c.buffers->len; i++) {
    NvDsBatchMeta *b = batch_of (g_ptr_array_index (c.buffers, i));
    fail_unless (b->num_frames_in_batch >= 1 && b->num_frames_in_batch <= 2);
    for (slot = 0; slot < b->num_frames_in_batch; slot++) {
      NvDsFrameMeta *fm = frame_in_slot (b, slot);
      fail_unless (fm != NULL && fm->source_id < 2);
      fail_unless_equals_int (fm->frame_num, next[fm->source_id]);
      next[fm->source_id]++;
    }
  }
  fail_unless_equals_int (next[0], 15);
  fail_unless_equals_int (next[1], 5);
  run_result_clear (&r);
  collector_clear (&c);
  gst_object_unref (p);
}

GST_END_TEST;

/* Pads requested and released while playing. */
static gboolean
wait_for_count (Collector * c, guint n)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint have = 0;

  while (g_get_monotonic_time () < end) {
    g_mutex_lock (&c->lock);
    have = c->buffers->len;
    g_mutex_unlock (&c->lock);
    if (have >= n)
      return TRUE;
    g_usleep (2000);
  }
  return FALSE;
}

static void
push_one (GstElement * appsrc, GstClockTime pts)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, 16 * 16, NULL);
  GstFlowReturn ret;

  gst_buffer_memset (buf, 0, 77, 16 * 16);
  GST_BUFFER_PTS (buf) = pts;
  g_signal_emit_by_name (appsrc, "push-buffer", buf, &ret);
  gst_buffer_unref (buf);
}

GST_START_TEST (test_pads_added_and_released_while_playing)
{
  GstElement *p = parse ("appsrc name=a format=time "
      "caps=video/x-raw,format=GRAY8,width=16,height=16,framerate=25/1 ! "
      "dsnetstreammux name=m batch-size=1 width=16 height=16 ! fakesink name=out");
  GstElement *a = gst_bin_get_by_name (GST_BIN (p), "a");
  GstElement *m = gst_bin_get_by_name (GST_BIN (p), "m");
  GstElement *b;
  GstPad *sink1, *bsrc;
  GstCaps *caps;
  GstFlowReturn ret;
  Collector c;
  RunResult r;
  const guint expect[4] = { 0, 0, 1, 0 };
  guint i;

  collector_init (&c);
  attach_collector (p, "out", &c);
  fail_unless (gst_element_set_state (p, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);
  push_one (a, 0);
  fail_unless (wait_for_count (&c, 1));

  /* a second source joins */
  b = gst_element_factory_make ("appsrc", "b");
  caps = gst_caps_from_string ("video/x-raw,format=GRAY8,width=16,height=16,framerate=25/1");
  g_object_set (b, "format", GST_FORMAT_TIME, "caps", caps, NULL);
  gst_caps_unref (caps);
  gst_bin_add (GST_BIN (p), b);
  sink1 = gst_element_request_pad_simple (m, "sink_1");
  bsrc = gst_element_get_static_pad (b, "src");
  fail_unless_equals_int (gst_pad_link (bsrc, sink1), GST_PAD_LINK_OK);
  gst_element_sync_state_with_parent (b);
  push_one (a, GST_SECOND / 25);
  push_one (b, 0);
  fail_unless (wait_for_count (&c, 3));

  /* and leaves again (released without EOS); source 0 carries on */
  gst_element_set_state (b, GST_STATE_NULL);
  gst_pad_unlink (bsrc, sink1);
  gst_element_release_request_pad (m, sink1);
  gst_bin_remove (GST_BIN (p), b);
  gst_object_unref (bsrc);
  gst_object_unref (sink1);
  push_one (a, 2 * GST_SECOND / 25);
  g_signal_emit_by_name (a, "end-of-stream", &ret);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);

  fail_unless_equals_int (c.buffers->len, 4);
  for (i = 0; i < 4; i++) {
    NvDsFrameMeta *fm = frame_in_slot (batch_of (g_ptr_array_index (c.buffers, i)), 0);
    fail_unless (fm != NULL);
    fail_unless_equals_int (fm->source_id, expect[i]);
  }
  gst_object_unref (a);
  gst_object_unref (m);
  run_result_clear (&r);
  collector_clear (&c);
  gst_object_unref (p);
}

GST_END_TEST;

/* ---- demux ----------------------------------------------------------------------------------- */

GST_START_TEST (test_demux_routing)
{
  GstElement *p = parse ("dsnetstreammux name=m batch-size=3 width=32 height=32 ! "
      "dsnetstreamdemux name=d "
      "d.src_0 ! queue ! fakesink name=out0 d.src_2 ! queue ! fakesink name=out2 "
      "videotestsrc num-buffers=2 pattern=solid-color foreground-color=0xffff0000 ! "
      "video/x-raw,format=RGBA,width=32,height=32 ! m.sink_0 "
      "videotestsrc num-buffers=3 pattern=solid-color foreground-color=0xff00ff00 ! "
      "video/x-raw,format=RGBA,width=32,height=32 ! m.sink_1 "
      "videotestsrc num-buffers=4 pattern=solid-color foreground-color=0xff0000ff ! "
      "video/x-raw,format=RGBA,width=16,height=16 ! m.sink_2");
  Collector c0, c2;
  RunResult r;
  guint i;
  GstElement *out0;
  GstPad *pad0;

  collector_init (&c0);
  collector_init (&c2);
  attach_collector (p, "out0", &c0);
  attach_collector (p, "out2", &c2);
  out0 = gst_bin_get_by_name (GST_BIN (p), "out0");
  pad0 = gst_element_get_static_pad (out0, "sink");
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  gst_object_unref (pad0);
  gst_object_unref (out0);

  fail_unless_equals_int (c0.buffers->len, 2);
  fail_unless_equals_int (c2.buffers->len, 4);
  for (i = 0; i < c0.buffers->len + c2.buffers->len; i++) {
    gboolean is0 = i < c0.buffers->len;
    GstBuffer *buf = is0 ? g_ptr_array_index (c0.buffers, i)
        : g_ptr_array_index (c2.buffers, i - c0.buffers->len);
    guint idx = is0 ? i : i - c0.buffers->len;
    NvDsBatchMeta *b = batch_of (buf);
    NvDsFrameMeta *fm = frame_in_slot (b, 0);
    guint8 px[4];

    fail_unless_equals_int (gst_buffer_get_size (buf), 32 * 32 * 4);
    fail_unless_equals_int (b->num_frames_in_batch, 1);
    fail_unless_equals_int (g_list_length (b->frame_meta_list), 1);
    fail_unless (fm != NULL);
    fail_unless_equals_int (fm->source_id, is0 ? 0 : 2);
    fail_unless_equals_int (fm->pad_index, is0 ? 0 : 2);
    fail_unless_equals_int (fm->frame_num, idx);
    fail_unless_equals_int (fm->source_frame_width, is0 ? 32 : 16);
    fail_unless_equals_uint64 (GST_BUFFER_PTS (buf), fm->buf_pts);
    pixel_at (buf, 32, 32, 0, 5, 5, px);
    if (is0)
      fail_unless (px[0] == 255 && px[1] == 0 && px[2] == 0, "src_0 pixel not red");
    else
      fail_unless (px[0] == 0 && px[1] == 0 && px[2] == 255, "src_2 pixel not blue");
  }
  run_result_clear (&r);
  collector_clear (&c0);
  collector_clear (&c2);
  gst_object_unref (p);
}

GST_END_TEST;

/* A demuxed pad ends when its source ends, while the others keep going. Probes on the demuxer's own
 * src pads run in its streaming thread, so their order is the order the demuxer pushed things. */
static gint src1_buffers_pushed;
static gint src1_buffers_at_src0_eos;

static GstPadProbeReturn
on_demux_src_probe (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  (void) pad;
  if (GPOINTER_TO_INT (user_data) == 1 && (info->type & GST_PAD_PROBE_TYPE_BUFFER))
    g_atomic_int_inc (&src1_buffers_pushed);
  if (GPOINTER_TO_INT (user_data) == 0 && (info->type & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM)
      && GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_EOS)
    g_atomic_int_set (&src1_buffers_at_src0_eos, g_atomic_int_get (&src1_buffers_pushed));
  return GST_PAD_PROBE_OK;
}

GST_START_TEST (test_demux_per_source_eos)
{
  GstElement *p = parse ("dsnetstreammux name=m batch-size=2 width=16 height=16 ! "
      "dsnetstreamdemux name=d d.src_0 ! queue ! fakesink name=out0 d.src_1 ! queue ! fakesink name=out1 "
      "videotestsrc num-buffers=1 ! video/x-raw,width=16,height=16 ! m.sink_0 "
      "videotestsrc num-buffers=30 ! video/x-raw,width=16,height=16 ! m.sink_1");
  GstElement *demux = gst_bin_get_by_name (GST_BIN (p), "d");
  Collector c0, c1;
  RunResult r;
  gint i;

  collector_init (&c0);
  collector_init (&c1);
  attach_collector (p, "out0", &c0);
  attach_collector (p, "out1", &c1);
  src1_buffers_pushed = 0;
  src1_buffers_at_src0_eos = -1;
  for (i = 0; i < 2; i++) {
    gchar *name = g_strdup_printf ("src_%d", i);
    GstPad *pad = gst_element_get_static_pad (demux, name);
    fail_unless (pad != NULL);
    gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
        on_demux_src_probe, GINT_TO_POINTER (i), NULL);
    gst_object_unref (pad);
    g_free (name);
  }
  gst_object_unref (demux);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  fail_unless_equals_int (c0.buffers->len, 1);
  fail_unless_equals_int (c1.buffers->len, 30);
  /* src_0 ended right after its only frame (batch 0), long before source 1's last frame */
  fail_unless (src1_buffers_at_src0_eos >= 1 && src1_buffers_at_src0_eos <= 2,
      "src_0 EOS after %d frames of src_1", src1_buffers_at_src0_eos);
  run_result_clear (&r);
  collector_clear (&c0);
  collector_clear (&c1);
  gst_object_unref (p);
}

GST_END_TEST;

/* A serialized event that reaches the demuxer after one output ended (stream-group-done here, as a
 * tee ahead of the demuxer forwards it) goes to the running outputs only; the ended one would refuse
 * it and turn the refusal into a flow error for the whole demuxer. */
static GstPadProbeReturn
inject_group_done (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  gint *seen = user_data;

  (void) info;
  if (++(*seen) == 10)
    gst_pad_push_event (pad, gst_event_new_stream_group_done (gst_util_group_id_next ()));
  return GST_PAD_PROBE_OK;
}

GST_START_TEST (test_demux_event_after_an_output_ended)
{
  /* As [tiled-display] enable=2 links it: a tee feeds the tiler branch (here: out) and the demuxer,
   * which outputs only source 0; that source ends long before source 1. */
  GstElement *p = parse ("dsnetstreammux name=m batch-size=2 width=16 height=16 ! tee name=t "
      "t. ! queue ! fakesink name=out "
      "t. ! queue ! dsnetstreamdemux name=d d.src_0 ! queue ! fakesink name=out0 "
      "videotestsrc num-buffers=2 ! video/x-raw,width=16,height=16 ! m.sink_0 "
      "videotestsrc num-buffers=30 ! video/x-raw,width=16,height=16 ! m.sink_1");
  GstElement *mux = gst_bin_get_by_name (GST_BIN (p), "m");
  GstPad *src = gst_element_get_static_pad (mux, "src");
  Collector c, c0;
  RunResult r;
  gint seen = 0;

  collector_init (&c);
  collector_init (&c0);
  attach_collector (p, "out", &c);
  attach_collector (p, "out0", &c0);
  gst_pad_add_probe (src, GST_PAD_PROBE_TYPE_BUFFER, inject_group_done, &seen, NULL);
  gst_object_unref (src);
  gst_object_unref (mux);
  fail_unless (run_pipeline (p, &r, NULL));
  fail_unless (r.error == NULL, "error: %s", r.error);
  fail_unless_equals_int (seen, 30);
  fail_unless_equals_int (c.buffers->len, 30);
  fail_unless_equals_int (c0.buffers->len, 2);
  run_result_clear (&r);
  collector_clear (&c);
  collector_clear (&c0);
  gst_object_unref (p);
}

GST_END_TEST;

static Suite *
mux_suite (void)
{
  Suite *s = suite_create ("dsnetstreammux");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_properties_roundtrip);
  tcase_add_test (tc, test_request_and_release_pads);
  tcase_add_test (tc, test_batch_by_count_mixed_inputs);
  tcase_add_test (tc, test_batch_smaller_than_sources_is_fair);
  tcase_add_test (tc, test_pixels_and_padding);
  tcase_add_test (tc, test_no_padding_fills_frame_and_pillarbox);
  tcase_add_test (tc, test_resolution_change_mid_stream);
  tcase_add_test (tc, test_input_batch_meta_is_kept);
  tcase_add_test (tc, test_one_source_ends_early);
  tcase_add_test (tc, test_one_source_ends_early_no_same_source_limit);
  tcase_add_test (tc, test_missing_output_size_is_an_error);
  tcase_add_test (tc, test_bad_input_errors);
  tcase_add_test (tc, test_timeout_with_stalled_live_source);
  tcase_add_test (tc, test_live_different_framerates);
  tcase_add_test (tc, test_pads_added_and_released_while_playing);
  tcase_add_test (tc, test_demux_routing);
  tcase_add_test (tc, test_demux_per_source_eos);
  tcase_add_test (tc, test_demux_event_after_an_output_ended);
  return s;
}

GST_CHECK_MAIN (mux);
