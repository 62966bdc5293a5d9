/*
 * dsnettracker element tests: GstHarness pushing batched buffers built with the metadata API (objects
 * moving), checking object_id continuity, the tracker fields, events and config errors.
 */
#include <string.h>

#include <glib/gstdio.h>
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"
#include "tracker_test_batch.h"

#define W 320
#define H 240

static GstHarness *
new_tracker (guint batch_size, const gchar * props)
{
  gchar *desc = g_strdup_printf ("dsnettracker %s", props ? props : "");
  GstHarness *h = gst_harness_new_parse (desc);
  g_free (desc);
  gchar *caps = tt_batch_caps (W, H, batch_size);
  gst_harness_set_caps_str (h, caps, caps);
  g_free (caps);
  return h;
}

static gchar *
source_path (const gchar * rel)
{
  return g_build_filename (g_getenv ("DSNET_SOURCE_DIR"), rel, NULL);
}

GST_START_TEST (test_properties)
{
  GstElement *e = gst_element_factory_make ("dsnettracker", NULL);
  fail_unless (e != NULL, "dsnettracker not registered");
  guint tw, th, mode, pool;
  gboolean disp;
  gchar *lib, *cfg;
  g_object_get (e, "tracker-width", &tw, "tracker-height", &th, "tracking-id-reset-mode", &mode,
      "display-tracking-id", &disp, "user-meta-pool-size", &pool, "ll-lib-file", &lib, "ll-config-file", &cfg,
      NULL);
  fail_unless_equals_int (tw, 960);
  fail_unless_equals_int (th, 544);
  fail_unless_equals_int (mode, 0);
  fail_unless (disp);
  fail_unless_equals_int (pool, 16);
  fail_unless (lib == NULL && cfg == NULL);
  g_object_set (e, "tracker-width", 640, "tracker-height", 384, "gpu-id", 1, "compute-hw", 1,
      "tracking-id-reset-mode", 3, "display-tracking-id", FALSE,
      "ll-lib-file", "/opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so",
      "ll-config-file", "x.yml", "tracking-surface-type", 2, NULL);
  guint gpu;
  gint hw;
  g_object_get (e, "tracker-width", &tw, "tracker-height", &th, "gpu-id", &gpu, "compute-hw", &hw,
      "tracking-id-reset-mode", &mode, "display-tracking-id", &disp, "ll-lib-file", &lib, "ll-config-file", &cfg,
      NULL);
  fail_unless_equals_int (tw, 640);
  fail_unless_equals_int (th, 384);
  fail_unless_equals_int (gpu, 1);
  fail_unless_equals_int (hw, 1);
  fail_unless_equals_int (mode, 3);
  fail_if (disp);
  fail_unless_equals_string (lib, "/opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so");
  fail_unless_equals_string (cfg, "x.yml");
  g_free (lib);
  g_free (cfg);
  gst_object_unref (e);
}

GST_END_TEST;

/* Two sources in each batch, two moving objects per source: ids appear after probation, stay, differ. */
GST_START_TEST (test_id_continuity)
{
  gchar *cfg = source_path ("configs/tracker/config_tracker_IOU.yml");      /* probationAge 3 */
  gchar *props = g_strdup_printf ("ll-config-file=%s ll-lib-file=libnvds_nvmultiobjecttracker.so", cfg);
  GstHarness *h = new_tracker (2, props);
  guint64 ids[2][2] = { {UNTRACKED_OBJECT_ID, UNTRACKED_OBJECT_ID}, {UNTRACKED_OBJECT_ID, UNTRACKED_OBJECT_ID} };

  for (gint f = 0; f < 20; f++) {
    GstBuffer *buf = tt_batch_new (W, H, 2, NULL);
    for (guint s = 0; s < 2; s++) {
      TtObject objs[2] = {
        {10 + 5.0f * f, 20 + 10.0f * s, 40, 40, 0, 0.9f, "mask"},
        {250 - 6.0f * f, 150, 30, 45, 1, 0.8f, "no-mask"},
      };
      tt_batch_add_frame (buf, s, s, f, objs, 2);
    }
    GstBuffer *out = gst_harness_push_and_pull (h, buf);
    fail_unless (out != NULL);
    fail_unless (out == buf, "metadata-only element must pass the same buffer");
    for (guint s = 0; s < 2; s++) {
      NvDsFrameMeta *fm = tt_batch_frame (out, s);
      fail_unless (fm != NULL);
      fail_unless_equals_int (g_list_length (fm->obj_meta_list), 2);      /* nothing dropped */
      for (guint i = 0; i < 2; i++) {
        NvDsObjectMeta *o = tt_frame_object (fm, i);
        fail_unless (o != NULL);
        gfloat left = i == 0 ? 10 + 5.0f * f : 250 - 6.0f * f;
        /* the detector's rect is kept */
        fail_unless_equals_float (o->rect_params.left, left);
        if (f < 3) {
          fail_unless (o->object_id == UNTRACKED_OBJECT_ID, "tentative object reported at frame %d", f);
          fail_unless_equals_float (o->tracker_confidence, 0.0f);
          fail_unless_equals_string (o->text_params.display_text, i == 0 ? "mask" : "no-mask");
          continue;
        }
        fail_unless (o->object_id != UNTRACKED_OBJECT_ID, "confirmed object untracked at frame %d", f);
        if (ids[s][i] == UNTRACKED_OBJECT_ID)
          ids[s][i] = o->object_id;
        fail_unless (o->object_id == ids[s][i], "id changed at frame %d source %u object %u", f, s, i);
        NvBbox_Coords *tb = &o->tracker_bbox_info.org_bbox_coords;
        fail_unless (ABS (tb->left - left) < 3.0f && ABS (tb->width - o->rect_params.width) < 3.0f,
            "tracker box (%g,%g) far from detection (%g,%g)", tb->left, tb->width, left, o->rect_params.width);
        fail_unless (o->tracker_confidence > 0.5f && o->tracker_confidence <= 1.0f);
        gchar *expect = g_strdup_printf ("%s %" G_GUINT64_FORMAT, i == 0 ? "mask" : "no-mask", o->object_id);
        fail_unless_equals_string (o->text_params.display_text, expect);
        g_free (expect);
      }
    }
    gst_buffer_unref (out);
  }
  /* four distinct ids */
  for (guint a = 0; a < 4; a++)
    for (guint b = a + 1; b < 4; b++)
      fail_if (ids[a / 2][a % 2] == ids[b / 2][b % 2]);
  gst_harness_teardown (h);
  g_free (props);
  g_free (cfg);
}

GST_END_TEST;

static guint64
push_one (GstHarness * h, guint source_id, gint f, gfloat left)
{
  GstBuffer *buf = tt_batch_new (W, H, 1, NULL);
  TtObject o = { left, 50, 40, 40, 0, 0.9f, "face" };
  tt_batch_add_frame (buf, source_id, 0, f, &o, 1);
  GstBuffer *out = gst_harness_push_and_pull (h, buf);
  fail_unless (out != NULL);
  guint64 id = tt_frame_object (tt_batch_frame (out, source_id), 0)->object_id;
  gst_buffer_unref (out);
  return id;
}

/*
 * Frames the detector skipped (bInferDone unset, no objects): each confirmed face comes back as an object at its
 * predicted box, drawn like the detector's (component, class, label, colours, font), confidence −0.1, no
 * detector box; a face the detector missed on its last frame (lost) and a stream's end stop that.
 */
GST_START_TEST (test_skipped_frames_carry_objects)
{
  gchar *cfg = source_path ("configs/face-mask/portable/config_tracker_cascade.yml");     /* probationAge 0 */
  gchar *props = g_strdup_printf ("ll-config-file=%s", cfg);
  GstHarness *h = new_tracker (1, props);
  guint64 id = UNTRACKED_OBJECT_ID;
  for (gint f = 0; f < 24; f++) {
    GstBuffer *buf = tt_batch_new (W, H, 1, NULL);
    gboolean detected = f % 2 == 0;
    TtObject o = { 20 + 4.0f * f, 60, 40, 48, 1, 0.9f, "no-mask" };
    NvDsFrameMeta *in = tt_batch_add_frame (buf, 0, 0, f, detected ? &o : NULL, detected ? 1 : 0);
    if (detected) {
      NvDsObjectMeta *d = tt_frame_object (in, 0);
      d->rect_params.border_color.green = 1.0;
      d->rect_params.border_color.alpha = 1.0;
      d->text_params.font_params.font_name = (gchar *) "Sans";
      d->text_params.font_params.font_size = 14;
    }
    GstBuffer *out = gst_harness_push_and_pull (h, buf);
    NvDsFrameMeta *fm = tt_batch_frame (out, 0);
    fail_unless_equals_int (g_list_length (fm->obj_meta_list), 1);
    NvDsObjectMeta *obj = fm->obj_meta_list->data;
    if (id == UNTRACKED_OBJECT_ID)
      id = obj->object_id;
    fail_unless (obj->object_id == id && id != UNTRACKED_OBJECT_ID, "frame %d: id %" G_GUINT64_FORMAT, f,
        obj->object_id);
    if (!detected) {
      fail_unless_equals_float (obj->confidence, -0.1f);
      fail_unless_equals_int (obj->unique_component_id, 1);
      fail_unless_equals_int (obj->class_id, 1);
      fail_unless_equals_string (obj->obj_label, "no-mask");
      gchar *text = g_strdup_printf ("no-mask %" G_GUINT64_FORMAT, id);
      fail_unless_equals_string (obj->text_params.display_text, text);
      g_free (text);
      fail_unless_equals_string (obj->text_params.font_params.font_name, "Sans");
      fail_unless_equals_int (obj->text_params.font_params.font_size, 14);
      fail_unless (obj->rect_params.border_color.green == 1.0 && obj->rect_params.border_width == 3);
      fail_unless_equals_float (obj->detector_bbox_info.org_bbox_coords.width, 0.0f);
      fail_unless_equals_float (obj->tracker_bbox_info.org_bbox_coords.left, obj->rect_params.left);
      fail_unless (obj->parent == NULL);
      if (f > 8)                /* the motion is learnt: the box is where the face is on this frame */
        fail_unless (ABS (obj->rect_params.left - o.left) < 3.0f, "frame %d: predicted left %g, face at %g", f,
            obj->rect_params.left, o.left);
    }
    gst_buffer_unref (out);
  }
  /* a detection frame without the face: its target is lost, the next skipped frame shows nothing */
  GstBuffer *buf = tt_batch_new (W, H, 1, NULL);
  TtObject none[1];
  tt_batch_add_frame (buf, 0, 0, 24, none, 0);
  GstBuffer *out = gst_harness_push_and_pull (h, buf);
  fail_unless_equals_int (g_list_length (tt_batch_frame (out, 0)->obj_meta_list), 0);
  gst_buffer_unref (out);
  buf = tt_batch_new (W, H, 1, NULL);
  tt_batch_add_frame (buf, 0, 0, 25, NULL, 0);
  out = gst_harness_push_and_pull (h, buf);
  fail_unless_equals_int (g_list_length (tt_batch_frame (out, 0)->obj_meta_list), 0);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
  g_free (props);
  g_free (cfg);
}

GST_END_TEST;

/* dsnet-stream-eos terminates one source's targets; the other source keeps its ids. */
GST_START_TEST (test_custom_stream_eos)
{
  GstHarness *h = new_tracker (1, "display-tracking-id=false");
  guint64 a = 0, b = 0;
  for (gint f = 0; f < 6; f++) {
    a = push_one (h, 0, f, 10 + f);
    b = push_one (h, 1, f, 10 + f);
  }
  fail_if (a == UNTRACKED_OBJECT_ID || b == UNTRACKED_OBJECT_ID || a == b);
  fail_unless (gst_harness_push_event (h, gst_event_new_custom (GST_EVENT_CUSTOM_DOWNSTREAM,
              gst_structure_new ("dsnet-stream-eos", "stream-id", G_TYPE_UINT, 1, NULL))));
  fail_unless (push_one (h, 0, 6, 16) == a);
  fail_unless (push_one (h, 1, 6, 16) == UNTRACKED_OBJECT_ID, "source 1 not reset");
  guint64 b2 = UNTRACKED_OBJECT_ID;
  for (gint f = 7; f < 10; f++)
    b2 = push_one (h, 1, f, 10 + f);
  fail_unless (b2 != UNTRACKED_OBJECT_ID && b2 > b && b2 > a, "new id must be fresh");
  /* a stream-reset event does nothing in mode 0 */
  fail_unless (gst_harness_push_event (h, gst_event_new_custom (GST_EVENT_CUSTOM_DOWNSTREAM,
              gst_structure_new ("dsnet-stream-reset", "stream-id", G_TYPE_UINT, 0, NULL))));
  fail_unless (push_one (h, 0, 10, 20) == a);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Flush: targets kept with tracking-id-reset-mode=0, terminated with 1. EOS always terminates. */
GST_START_TEST (test_flush_and_eos)
{
  for (guint mode = 0; mode < 2; mode++) {
    gchar *props = g_strdup_printf ("tracking-id-reset-mode=%u", mode);
    GstHarness *h = new_tracker (1, props);
    g_free (props);
    guint64 a = 0;
    for (gint f = 0; f < 5; f++)
      a = push_one (h, 0, f, 30);
    fail_if (a == UNTRACKED_OBJECT_ID);
    fail_unless (gst_harness_push_event (h, gst_event_new_flush_start ()));
    fail_unless (gst_harness_push_event (h, gst_event_new_flush_stop (TRUE)));
    GstSegment seg;
    gst_segment_init (&seg, GST_FORMAT_TIME);
    fail_unless (gst_harness_push_event (h, gst_event_new_segment (&seg)));
    guint64 after = push_one (h, 0, 5, 30);
    if (mode == 0)
      fail_unless (after == a, "mode 0 must keep targets across a flush");
    else
      fail_unless (after == UNTRACKED_OBJECT_ID, "mode 1 must reset on flush");

    /* EOS: everything terminated, whatever the mode */
    for (gint f = 6; f < 10; f++)
      a = push_one (h, 0, f, 30);
    fail_if (a == UNTRACKED_OBJECT_ID);
    fail_unless (gst_harness_push_event (h, gst_event_new_eos ()));
    fail_unless (gst_harness_push_event (h, gst_event_new_flush_start ()));
    fail_unless (gst_harness_push_event (h, gst_event_new_flush_stop (TRUE)));
    fail_unless (gst_harness_push_event (h, gst_event_new_segment (&seg)));
    fail_unless (push_one (h, 0, 10, 30) == UNTRACKED_OBJECT_ID, "EOS must terminate targets");
    gst_harness_teardown (h);
  }
}

GST_END_TEST;

/* Objects of a secondary detector (with a parent) are left alone; buffers without batch meta pass. */
GST_START_TEST (test_secondary_and_no_meta)
{
  GstHarness *h = new_tracker (1, "ll-config-file=\"\"");
  for (gint f = 0; f < 6; f++) {
    GstBuffer *buf = tt_batch_new (W, H, 1, NULL);
    TtObject o = { 100, 100, 50, 50, 0, 0.9f, "face" };
    NvDsFrameMeta *fm = tt_batch_add_frame (buf, 0, 0, f, &o, 1);
    NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
    NvDsObjectMeta *child = nvds_acquire_obj_meta_from_pool (batch);
    child->object_id = 77;
    child->misc_obj_info[0] = 1;
    child->rect_params.left = 110;
    child->rect_params.top = 110;
    child->rect_params.width = 10;
    child->rect_params.height = 10;
    nvds_add_obj_meta_to_frame (fm, child, tt_frame_object (fm, 0));
    GstBuffer *out = gst_harness_push_and_pull (h, buf);
    NvDsObjectMeta *c = tt_frame_object (tt_batch_frame (out, 0), 1);
    fail_unless (c != NULL && c->object_id == 77);
    fail_unless_equals_float (c->tracker_confidence, 0.0f);
    gst_buffer_unref (out);
  }
  GstBuffer *plain = gst_buffer_new_allocate (NULL, (gsize) W * H * 4, NULL);
  GstBuffer *out = gst_harness_push_and_pull (h, plain);
  fail_unless (out == plain);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* A malformed ll-config-file stops the element with an error naming the file and line. */
GST_START_TEST (test_bad_config)
{
  gchar *dir = g_dir_make_tmp ("dsnet-trk-XXXXXX", NULL);
  gchar *path = g_build_filename (dir, "bad.yml", NULL);
  fail_unless (g_file_set_contents (path, "%YAML:1.0\nTargetManagement:\n  probationAge: three\n", -1, NULL));

  GstElement *e = gst_element_factory_make ("dsnettracker", NULL);
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (e, bus);
  g_object_set (e, "ll-config-file", path, NULL);
  fail_unless_equals_int (gst_element_set_state (e, GST_STATE_PAUSED), GST_STATE_CHANGE_FAILURE);
  GstMessage *msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  fail_unless (msg != NULL);
  GError *err = NULL;
  gst_message_parse_error (msg, &err, NULL);
  gchar *expect = g_strdup_printf ("%s:3: TargetManagement.probationAge expects an integer, got 'three'", path);
  fail_unless (strstr (err->message, expect) != NULL, "error '%s' lacks '%s'", err->message, expect);
  g_free (expect);
  g_error_free (err);
  gst_message_unref (msg);

  /* a missing file is an error too (an unset property means defaults) */
  gchar *missing = g_build_filename (dir, "missing.yml", NULL);
  g_object_set (e, "ll-config-file", missing, NULL);
  fail_unless_equals_int (gst_element_set_state (e, GST_STATE_PAUSED), GST_STATE_CHANGE_FAILURE);
  msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  fail_unless (msg != NULL);
  gst_message_parse_error (msg, &err, NULL);
  fail_unless (strstr (err->message, missing) != NULL, "error '%s' lacks the path", err->message);
  g_error_free (err);
  gst_message_unref (msg);

  g_object_set (e, "ll-config-file", NULL, NULL);
  fail_unless_equals_int (gst_element_set_state (e, GST_STATE_PAUSED), GST_STATE_CHANGE_SUCCESS);
  gst_element_set_state (e, GST_STATE_NULL);
  gst_element_set_bus (e, NULL);
  gst_object_unref (bus);
  gst_object_unref (e);
  g_unlink (path);
  g_rmdir (dir);
  g_free (missing);
  g_free (path);
  g_free (dir);
}

GST_END_TEST;

static Suite *
tracker_suite (void)
{
  Suite *s = suite_create ("dsnettracker");
  TCase *tc = tcase_create ("element");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_properties);
  tcase_add_test (tc, test_id_continuity);
  tcase_add_test (tc, test_skipped_frames_carry_objects);
  tcase_add_test (tc, test_custom_stream_eos);
  tcase_add_test (tc, test_flush_and_eos);
  tcase_add_test (tc, test_secondary_and_no_meta);
  tcase_add_test (tc, test_bad_config);
  return s;
}

GST_CHECK_MAIN (tracker);
