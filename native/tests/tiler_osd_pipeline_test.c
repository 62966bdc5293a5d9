/*
 * End to end, small (runs under valgrind too): four videotestsrc → dsnetstreammux → dsnetmultistreamtiler
 * → dsnetosd → dsnetvideoconvert → appsink. A probe adds a box to source 1 before the tiler; the output
 * pictures must show each source in its tile and the box, moved into tile 1, drawn in red.
 */
#include "tiler_osd_common.h"

#define SOURCES \
  "videotestsrc num-buffers=3 pattern=red ! video/x-raw,format=RGBA,width=64,height=48,framerate=25/1 ! m.sink_0 " \
  "videotestsrc num-buffers=3 pattern=green ! video/x-raw,format=RGBA,width=64,height=48,framerate=25/1 ! m.sink_1 " \
  "videotestsrc num-buffers=3 pattern=blue ! video/x-raw,format=RGBA,width=64,height=48,framerate=25/1 ! m.sink_2 " \
  "videotestsrc num-buffers=3 pattern=white ! video/x-raw,format=RGBA,width=64,height=48,framerate=25/1 ! m.sink_3 "

static gboolean
rgba_near (const guint8 * p, gint r, gint g, gint b, gint tol)
{
  return ABS (p[0] - r) <= tol && ABS (p[1] - g) <= tol && ABS (p[2] - b) <= tol && p[3] == 255;
}

GST_START_TEST (test_pipeline_mux_tiler_osd_appsink)
{
  GstElement *pipe = launch_or_fail ("dsnetstreammux name=m batch-size=4 width=64 height=48 ! "
      "dsnetmultistreamtiler name=t rows=2 columns=2 width=128 height=96 ! dsnetosd ! "
      "dsnetvideoconvert ! appsink name=sink sync=false " SOURCES);
  GstElement *tiler = gst_bin_get_by_name (GST_BIN (pipe), "t");
  GstPad *pad = gst_element_get_static_pad (tiler, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, add_box_to_source1_probe,
      GUINT_TO_POINTER (4), NULL);
  gst_object_unref (pad);
  gst_object_unref (tiler);
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipe), "sink");
  fail_unless (gst_element_set_state (pipe, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);

  guint n = 0;
  GstSample *sample;
  while (TRUE) {
    sample = NULL;
    g_signal_emit_by_name (sink, "pull-sample", &sample);
    if (sample == NULL)
      break;
    n++;
    GstCaps *caps = gst_sample_get_caps (sample);
    GstStructure *s = gst_caps_get_structure (caps, 0);
    gint w = 0, h = 0;
    fail_unless (gst_structure_get_int (s, "width", &w) && gst_structure_get_int (s, "height", &h));
    fail_unless_equals_int (w, 128);
    fail_unless_equals_int (h, 96);
    fail_unless (gst_caps_features_is_equal (gst_caps_get_features (caps, 0),
            GST_CAPS_FEATURES_MEMORY_SYSTEM_MEMORY));

    GstBuffer *buf = gst_sample_get_buffer (sample);
    GstMapInfo map;
    fail_unless (gst_buffer_map (buf, &map, GST_MAP_READ));
    fail_unless (rgba_near (px_at (&map, 128, 32, 24), 255, 0, 0, 2), "tile 0 is not red");
    fail_unless (rgba_near (px_at (&map, 128, 88, 20), 0, 255, 0, 2), "tile 1 is not green");
    fail_unless (rgba_near (px_at (&map, 128, 32, 72), 0, 0, 255, 2), "tile 2 is not blue");
    fail_unless (rgba_near (px_at (&map, 128, 96, 72), 255, 255, 255, 2), "tile 3 is not white");
    /* The box (8, 8, 32, 24) of source 1 is at (72, 8) in the picture, 4 px red border inside it. */
    for (gint x = 72; x < 104; x++) {
      fail_unless (rgba_near (px_at (&map, 128, x, 9), 255, 0, 0, 0), "box top at x=%d", x);
      fail_unless (rgba_near (px_at (&map, 128, x, 30), 255, 0, 0, 0), "box bottom at x=%d", x);
    }
    fail_unless (rgba_near (px_at (&map, 128, 73, 20), 255, 0, 0, 0), "box left");
    fail_unless (rgba_near (px_at (&map, 128, 71, 20), 0, 255, 0, 2), "outside the box");
    fail_unless (rgba_near (px_at (&map, 128, 76, 20), 0, 255, 0, 2), "inside the border");
    gst_buffer_unmap (buf, &map);

    NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (buf);
    fail_unless (b != NULL, "the batch meta did not survive dsnetvideoconvert");
    fail_unless_equals_int (g_list_length (b->frame_meta_list), 4);
    NvDsFrameMeta *fm = frame_of_source (b, 1);
    fail_unless (fm != NULL && fm->batch_id == 0);
    fail_unless_equals_int (g_list_length (fm->obj_meta_list), 1);
    NvDsObjectMeta *o = fm->obj_meta_list->data;
    fail_unless_equals_float (o->rect_params.left, 72.0f);
    fail_unless_equals_float (o->rect_params.top, 8.0f);
    gst_sample_unref (sample);
  }
  fail_unless_equals_int (n, 3);

  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pipe);
}

GST_END_TEST;

static Suite *
pipeline_suite (void)
{
  Suite *s = suite_create ("tiler-osd-pipeline");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 120);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_pipeline_mux_tiler_osd_appsink);
  return s;
}

GST_CHECK_MAIN (pipeline);
