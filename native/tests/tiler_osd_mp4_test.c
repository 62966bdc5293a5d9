/*
 * End to end to a file (not under valgrind: x264 is slow there; tiler_osd_pipeline_test covers the
 * same dsnet path under valgrind): four videotestsrc → dsnetstreammux → dsnetmultistreamtiler (2x2) →
 * dsnetosd → dsnetvideoconvert → videoconvert → x264enc → mp4mux → filesink. The file is then decoded:
 * frame count, duration, 2x2 picture size, tile colours and the red box of source 1.
 */
#include <glib/gstdio.h>

#include "tiler_osd_common.h"

#define N_FRAMES 10

GST_START_TEST (test_pipeline_to_mp4_and_back)
{
  gchar *dir = g_dir_make_tmp ("dsnet-tiler-osd-XXXXXX", NULL);
  fail_unless (dir != NULL);
  gchar *file = g_build_filename (dir, "tiled.mp4", NULL);

  gchar *desc = g_strdup_printf ("dsnetstreammux name=m batch-size=4 width=160 height=120 ! "
      "dsnetmultistreamtiler name=t rows=2 columns=2 width=320 height=240 ! "
      "dsnetosd display-clock=1 y-clock-offset=200 ! dsnetvideoconvert ! videoconvert ! "
      "x264enc speed-preset=ultrafast ! mp4mux ! filesink location=\"%s\" "
      "videotestsrc num-buffers=%d pattern=red ! video/x-raw,width=160,height=120,framerate=25/1 ! m.sink_0 "
      "videotestsrc num-buffers=%d pattern=green ! video/x-raw,width=160,height=120,framerate=25/1 ! m.sink_1 "
      "videotestsrc num-buffers=%d pattern=blue ! video/x-raw,width=160,height=120,framerate=25/1 ! m.sink_2 "
      "videotestsrc num-buffers=%d pattern=white ! video/x-raw,width=160,height=120,framerate=25/1 ! m.sink_3",
      file, N_FRAMES, N_FRAMES, N_FRAMES, N_FRAMES);
  GstElement *pipe = launch_or_fail (desc);
  g_free (desc);
  GstElement *tiler = gst_bin_get_by_name (GST_BIN (pipe), "t");
  GstPad *pad = gst_element_get_static_pad (tiler, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, add_box_to_source1_probe,
      GUINT_TO_POINTER (6), NULL);
  gst_object_unref (pad);
  gst_object_unref (tiler);
  run_to_eos (pipe, 120 * GST_SECOND);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (pipe);

  /* Decode it back. */
  desc = g_strdup_printf ("filesrc location=\"%s\" ! qtdemux ! h264parse ! avdec_h264 ! "
      "videoconvert ! video/x-raw,format=RGBA ! appsink name=sink sync=false", file);
  pipe = launch_or_fail (desc);
  g_free (desc);
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipe), "sink");
  fail_unless (gst_element_set_state (pipe, GST_STATE_PAUSED) != GST_STATE_CHANGE_FAILURE);
  fail_unless (gst_element_get_state (pipe, NULL, NULL, 30 * GST_SECOND) == GST_STATE_CHANGE_SUCCESS);
  gint64 duration = -1;
  fail_unless (gst_element_query_duration (pipe, GST_FORMAT_TIME, &duration));
  fail_unless (duration >= 360 * GST_MSECOND && duration <= 440 * GST_MSECOND,
      "duration %" GST_TIME_FORMAT, GST_TIME_ARGS (duration));
  fail_unless (gst_element_set_state (pipe, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);

  guint n = 0;
  GstSample *sample;
  while (TRUE) {
    sample = NULL;
    g_signal_emit_by_name (sink, "pull-sample", &sample);
    if (sample == NULL)
      break;
    n++;
    GstStructure *s = gst_caps_get_structure (gst_sample_get_caps (sample), 0);
    gint w = 0, h = 0;
    fail_unless (gst_structure_get_int (s, "width", &w) && gst_structure_get_int (s, "height", &h));
    fail_unless_equals_int (w, 320);
    fail_unless_equals_int (h, 240);
    GstMapInfo map;
    GstBuffer *buf = gst_sample_get_buffer (sample);
    fail_unless (gst_buffer_map (buf, &map, GST_MAP_READ));
    /* Lossy H.264 with 4:2:0 chroma: colours within a generous margin. */
    const guint8 *t0 = px_at (&map, 320, 80, 60), *t1 = px_at (&map, 320, 240, 90);
    const guint8 *t2 = px_at (&map, 320, 80, 150), *t3 = px_at (&map, 320, 240, 150);
    fail_unless (t0[0] > 200 && t0[1] < 60 && t0[2] < 60, "tile 0 %u,%u,%u", t0[0], t0[1], t0[2]);
    fail_unless (t1[0] < 60 && t1[1] > 200 && t1[2] < 60, "tile 1 %u,%u,%u", t1[0], t1[1], t1[2]);
    fail_unless (t2[0] < 60 && t2[1] < 60 && t2[2] > 200, "tile 2 %u,%u,%u", t2[0], t2[1], t2[2]);
    fail_unless (t3[0] > 200 && t3[1] > 200 && t3[2] > 200, "tile 3 %u,%u,%u", t3[0], t3[1], t3[2]);
    /* Box of source 1 at (8, 8, 32, 24) in the 160x120 frame -> (164, 8) in the picture; its 6 px top
     * border covers rows 8..13. */
    const guint8 *edge = px_at (&map, 320, 180, 10), *inside = px_at (&map, 320, 180, 22);
    fail_unless (edge[0] > 150 && edge[1] < 110, "box border %u,%u,%u", edge[0], edge[1], edge[2]);
    fail_unless (inside[0] < 60 && inside[1] > 200, "box inside %u,%u,%u", inside[0], inside[1],
        inside[2]);
    gst_buffer_unmap (buf, &map);
    gst_sample_unref (sample);
  }
  fail_unless_equals_int (n, N_FRAMES);

  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pipe);
  g_unlink (file);
  g_rmdir (dir);
  g_free (file);
  g_free (dir);
}

GST_END_TEST;

static Suite *
mp4_suite (void)
{
  Suite *s = suite_create ("tiler-osd-mp4");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 180);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_pipeline_to_mp4_and_back);
  return s;
}

GST_CHECK_MAIN (mp4);
