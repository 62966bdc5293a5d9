/*
 * dsnetstreammux → dsnetstreamdemux on real decoded video: two decodes of the shared demo MP4
 * (1280×720 H.264, Intel sample footage, CC BY 4.0), one ending early. Not run under valgrind (H.264
 * decoding); the same element code paths are covered under valgrind by mux_test.
 */
#include <gst/check/gstcheck.h>
#include <string.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

typedef struct
{
  GMutex lock;
  GPtrArray *buffers;
} Collector;

static void
on_handoff (GstElement * sink, GstBuffer * buf, GstPad * pad, gpointer user_data)
{
  Collector *c = user_data;
  (void) sink;
  (void) pad;
  g_mutex_lock (&c->lock);
  g_ptr_array_add (c->buffers, gst_buffer_ref (buf));
  g_mutex_unlock (&c->lock);
}

static void
attach (GstElement * p, const gchar * name, Collector * c)
{
  GstElement *sink = gst_bin_get_by_name (GST_BIN (p), name);
  g_mutex_init (&c->lock);
  c->buffers = g_ptr_array_new_with_free_func ((GDestroyNotify) gst_buffer_unref);
  g_object_set (sink, "signal-handoffs", TRUE, "sync", FALSE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), c);
  gst_object_unref (sink);
}

GST_START_TEST (test_demo_video_two_sources)
{
  const gchar *shared = g_getenv ("DSNET_SHARED_DIR");
  gchar *video, *desc;
  GstElement *p;
  GstBus *bus;
  GstMessage *msg;
  Collector c0, c1;
  guint i, j, matched = 0, eos_seen = 0, first_eos = G_MAXUINT;
  gboolean done = FALSE;

  fail_unless (shared != NULL, "DSNET_SHARED_DIR not set");
  video = g_build_filename (shared, "assets", "media", "facemask-demo-720p.mp4", NULL);
  fail_unless (g_file_test (video, G_FILE_TEST_EXISTS), "missing %s", video);
  desc = g_strdup_printf ("dsnetstreammux name=m batch-size=2 width=640 height=360 "
      "batched-push-timeout=40000 ! dsnetstreamdemux name=d "
      "d.src_0 ! queue ! fakesink name=out0 d.src_1 ! queue ! fakesink name=out1 "
      "filesrc location=\"%s\" ! qtdemux ! h264parse ! avdec_h264 ! identity eos-after=12 ! m.sink_0 "
      "filesrc location=\"%s\" ! qtdemux ! h264parse ! avdec_h264 ! identity eos-after=6 ! m.sink_1",
      video, video);
  p = gst_parse_launch (desc, NULL);
  fail_unless (p != NULL);
  attach (p, "out0", &c0);
  attach (p, "out1", &c1);

  bus = gst_element_get_bus (p);
  gst_element_set_state (p, GST_STATE_PLAYING);
  while (!done) {
    msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND,
        GST_MESSAGE_EOS | GST_MESSAGE_ERROR | GST_MESSAGE_ELEMENT);
    fail_unless (msg != NULL, "timeout");
    if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR) {
      GError *err;
      gst_message_parse_error (msg, &err, NULL);
      fail ("error: %s", err->message);
    } else if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS) {
      done = TRUE;
    } else if (gst_structure_has_name (gst_message_get_structure (msg), "stream-eos")) {
      guint id;
      gst_structure_get_uint (gst_message_get_structure (msg), "stream-id", &id);
      if (eos_seen++ == 0)
        first_eos = id;
    }
    gst_message_unref (msg);
  }
  gst_element_set_state (p, GST_STATE_NULL);
  gst_object_unref (bus);

  fail_unless_equals_int (eos_seen, 2);
  fail_unless_equals_int (first_eos, 1);
  fail_unless_equals_int (c0.buffers->len, 12);
  fail_unless_equals_int (c1.buffers->len, 6);
  for (i = 0; i < c0.buffers->len; i++) {
    GstBuffer *b0 = g_ptr_array_index (c0.buffers, i);
    NvDsBatchMeta *m0 = gst_buffer_get_nvds_batch_meta (b0);
    NvDsFrameMeta *f0;
    GstMapInfo map0;
    guint64 sum = 0, sumsq = 0;
    gsize k;

    fail_unless (m0 != NULL && m0->frame_meta_list != NULL);
    f0 = m0->frame_meta_list->data;
    fail_unless_equals_int (f0->source_id, 0);
    fail_unless_equals_int (f0->frame_num, i);
    fail_unless_equals_int (f0->source_frame_width, 1280);
    fail_unless_equals_int (f0->source_frame_height, 720);
    fail_unless_equals_int (f0->pipeline_width, 640);
    /* 25 fps PTS (the decoder may swap the order of its last frames before an early EOS) */
    fail_unless (f0->buf_pts % (GST_SECOND / 25) == 0 && f0->buf_pts < 16 * GST_SECOND / 25);
    fail_unless (gst_buffer_map (b0, &map0, GST_MAP_READ));
    fail_unless_equals_int (map0.size, 640 * 360 * 4);
    /* real picture: the luma-ish red channel varies */
    for (k = 0; k < map0.size; k += 4 * 97) {
      sum += map0.data[k];
      sumsq += (guint64) map0.data[k] * map0.data[k];
    }
    fail_unless (sumsq * (map0.size / (4 * 97)) > sum * sum + 100 * (map0.size / (4 * 97)),
        "frame %u looks flat", i);
    /* the same frame (same PTS) decoded for the other source comes out identical, on its own pad
     * (avdec_h264 may hand its last frame before an early EOS out of order, so match by PTS) */
    for (j = 0; j < c1.buffers->len; j++) {
      GstBuffer *b1 = g_ptr_array_index (c1.buffers, j);
      NvDsFrameMeta *f1 = gst_buffer_get_nvds_batch_meta (b1)->frame_meta_list->data;
      GstMapInfo map1;
      fail_unless_equals_int (f1->source_id, 1);
      fail_unless_equals_int (f1->frame_num, j);
      if (f1->buf_pts != f0->buf_pts)
        continue;
      fail_unless (gst_buffer_map (b1, &map1, GST_MAP_READ));
      fail_unless (map1.size == map0.size && memcmp (map0.data, map1.data, map0.size) == 0,
          "frame %u differs between the sources", i);
      gst_buffer_unmap (b1, &map1);
      matched++;
    }
    gst_buffer_unmap (b0, &map0);
  }

  fail_unless (matched >= 5, "only %u frames of source 1 matched source 0", matched);
  g_ptr_array_unref (c0.buffers);
  g_ptr_array_unref (c1.buffers);
  g_mutex_clear (&c0.lock);
  g_mutex_clear (&c1.lock);
  gst_object_unref (p);
  g_free (desc);
  g_free (video);
}

GST_END_TEST;

static Suite *
mux_media_suite (void)
{
  Suite *s = suite_create ("dsnetstreammux-media");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_demo_video_two_sources);
  return s;
}

GST_CHECK_MAIN (mux_media);
