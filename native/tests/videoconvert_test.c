/*
 * dsnetvideoconvert: batch-size=1 batches become plain RGBA video without a copy and keep their
 * metadata; batch-size > 1 is refused with a clear error.
 */
#include "tiler_osd_common.h"

GST_START_TEST (test_videoconvert_zero_copy_keeps_meta)
{
  const guint src[1] = { 7 };
  GstHarness *h = gst_harness_new ("dsnetvideoconvert");
  gst_harness_set_src_caps_str (h, "video/x-raw(memory:DsNetBatch),format=RGBA,width=32,height=16,"
      "framerate=30/1,batch-size=1");
  GstBuffer *in = batch_new (32, 16, 1, 1, src, FALSE);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (in);
  add_box (b, b->frame_meta_list->data, 1, 2, 3, 4, 1, 1, 0, 0, 1);
  GstMemory *mem = gst_buffer_peek_memory (in, 0);
  GST_BUFFER_PTS (in) = GST_SECOND;

  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  fail_unless (out == in, "buffer was not passed through");
  fail_unless (gst_buffer_peek_memory (out, 0) == mem, "memory was copied");
  fail_unless_equals_uint64 (GST_BUFFER_PTS (out), GST_SECOND);
  NvDsBatchMeta *ob = gst_buffer_get_nvds_batch_meta (out);
  fail_unless (ob == b);
  NvDsFrameMeta *fm = ob->frame_meta_list->data;
  fail_unless_equals_int (fm->source_id, 7);
  fail_unless_equals_float (((NvDsObjectMeta *) fm->obj_meta_list->data)->rect_params.height, 4.0f);

  GstCaps *caps = gst_pad_get_current_caps (h->sinkpad);
  GstCaps *want = gst_caps_from_string ("video/x-raw,format=RGBA,width=32,height=16,"
      "framerate=30/1");
  fail_unless (gst_caps_is_equal (caps, want), "output caps %" GST_PTR_FORMAT, caps);
  fail_unless (gst_caps_features_is_equal (gst_caps_get_features (caps, 0),
          GST_CAPS_FEATURES_MEMORY_SYSTEM_MEMORY));
  gst_caps_unref (want);
  gst_caps_unref (caps);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

GST_START_TEST (test_videoconvert_refuses_batches)
{
  const guint src[2] = { 0, 1 };
  GstHarness *h = gst_harness_new ("dsnetvideoconvert");
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (h->element, bus);
  gst_harness_set_src_caps_str (h, "video/x-raw(memory:DsNetBatch),format=RGBA,width=32,height=16,"
      "framerate=30/1,batch-size=2");
  GstFlowReturn ret = gst_harness_push (h, batch_new (32, 16, 2, 2, src, FALSE));
  fail_unless_equals_int (ret, GST_FLOW_NOT_NEGOTIATED);

  GstMessage *msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  fail_unless (msg != NULL, "no error message on the bus");
  GError *err = NULL;
  gchar *dbg = NULL;
  gst_message_parse_error (msg, &err, &dbg);
  fail_unless (strstr (err->message, "batch-size=1") != NULL, "message: %s", err->message);
  fail_unless (strstr (err->message, "batch-size=2") != NULL, "message: %s", err->message);
  fail_unless (strstr (dbg, "dsnetmultistreamtiler") != NULL, "debug: %s", dbg);
  g_error_free (err);
  g_free (dbg);
  gst_message_unref (msg);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Plain RGBA elements link after it in a real pipeline and see the frame unchanged. */
GST_START_TEST (test_videoconvert_links_plain_elements)
{
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch ("appsrc name=src format=time caps=\"video/x-raw(memory:DsNetBatch),"
      "format=RGBA,width=32,height=16,framerate=30/1,batch-size=1\" ! dsnetvideoconvert ! "
      "videoconvert ! video/x-raw,format=RGBA ! appsink name=sink sync=false", &err);
  fail_unless (pipe != NULL && err == NULL, "parse: %s", err ? err->message : "?");
  GstElement *src = gst_bin_get_by_name (GST_BIN (pipe), "src");
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipe), "sink");
  fail_unless (gst_element_set_state (pipe, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);

  const guint ids[1] = { 0 };
  GstBuffer *in = batch_new (32, 16, 1, 1, ids, FALSE);
  GST_BUFFER_PTS (in) = 0;
  GST_BUFFER_DURATION (in) = GST_SECOND / 30;
  GstFlowReturn ret;
  g_signal_emit_by_name (src, "push-buffer", in, &ret);
  gst_buffer_unref (in);
  fail_unless_equals_int (ret, GST_FLOW_OK);
  g_signal_emit_by_name (src, "end-of-stream", &ret);

  GstSample *sample = NULL;
  g_signal_emit_by_name (sink, "pull-sample", &sample);
  fail_unless (sample != NULL);
  GstMapInfo map;
  GstBuffer *out = gst_sample_get_buffer (sample);
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  guint8 want[4];
  pattern_pixel (0, 5, 7, want);
  fail_unless (memcmp (px_at (&map, 32, 5, 7), want, 4) == 0);
  gst_buffer_unmap (out, &map);
  gst_sample_unref (sample);

  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (src);
  gst_object_unref (sink);
  gst_object_unref (pipe);
}

GST_END_TEST;

static Suite *
videoconvert_suite (void)
{
  Suite *s = suite_create ("dsnetvideoconvert");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_videoconvert_zero_copy_keeps_meta);
  tcase_add_test (tc, test_videoconvert_refuses_batches);
  tcase_add_test (tc, test_videoconvert_links_plain_elements);
  return s;
}

GST_CHECK_MAIN (videoconvert);
