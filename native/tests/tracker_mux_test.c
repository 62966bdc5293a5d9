/*
 * dsnettracker behind a real dsnetstreammux: two sources of different lengths batched together, one object per
 * frame added in front of the tracker (as a detector would). Checks ids per source across real batches and that
 * the muxer's `dsnet-stream-eos` event for the short source reaches the tracker before the final EOS.
 */
#include <string.h>

#include <gst/check/gstcheck.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

#define N0 8
#define N1 20

typedef struct
{
  guint64 ids[2][N1];
  gint frames[2];
  gint eos_order[2];            /* order in which dsnet-stream-eos came per stream-id (1, 2), 0 = not seen */
  gint eos_after_frames[2];     /* frames of that source seen when it came */
  gint n_eos;
  gboolean global_eos;
} Seen;

static GstPadProbeReturn
add_objects (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  (void) pad;
  (void) user_data;
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (GST_PAD_PROBE_INFO_BUFFER (info));
  fail_unless (batch != NULL);
  nvds_acquire_meta_lock (batch);
  for (GList * l = batch->frame_meta_list; l; l = l->next) {
    NvDsFrameMeta *fm = l->data;
    NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (batch);
    o->class_id = 0;
    o->confidence = 0.9f;
    o->object_id = UNTRACKED_OBJECT_ID;
    o->rect_params.left = 10 + 0.5f * (gfloat) fm->frame_num + 20.0f * (gfloat) fm->source_id;
    o->rect_params.top = 8;
    o->rect_params.width = 16;
    o->rect_params.height = 16;
    g_strlcpy (o->obj_label, "face", sizeof o->obj_label);
    nvds_add_obj_meta_to_frame (fm, o, NULL);
  }
  nvds_release_meta_lock (batch);
  return GST_PAD_PROBE_OK;
}

static GstPadProbeReturn
watch_events (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  (void) pad;
  Seen *seen = user_data;
  GstEvent *ev = GST_PAD_PROBE_INFO_EVENT (info);
  if (GST_EVENT_TYPE (ev) == GST_EVENT_CUSTOM_DOWNSTREAM) {
    const GstStructure *s = gst_event_get_structure (ev);
    guint id;
    if (gst_structure_has_name (s, "dsnet-stream-eos") && gst_structure_get_uint (s, "stream-id", &id)) {
      fail_unless (id < 2);
      seen->eos_order[id] = ++seen->n_eos;
      seen->eos_after_frames[id] = seen->frames[id];
    }
  } else if (GST_EVENT_TYPE (ev) == GST_EVENT_EOS) {
    seen->global_eos = TRUE;
  }
  return GST_PAD_PROBE_OK;
}

static GstPadProbeReturn
collect (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  (void) pad;
  Seen *seen = user_data;
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (GST_PAD_PROBE_INFO_BUFFER (info));
  for (GList * l = batch->frame_meta_list; l; l = l->next) {
    NvDsFrameMeta *fm = l->data;
    fail_unless (fm->source_id < 2 && fm->frame_num < N1);
    fail_unless_equals_int (g_list_length (fm->obj_meta_list), 1);
    NvDsObjectMeta *o = fm->obj_meta_list->data;
    seen->ids[fm->source_id][fm->frame_num] = o->object_id;
    seen->frames[fm->source_id]++;
  }
  return GST_PAD_PROBE_OK;
}

GST_START_TEST (test_two_sources_through_mux)
{
  Seen seen;
  memset (&seen, 0, sizeof seen);
  gchar *desc = g_strdup_printf ("dsnetstreammux name=m batch-size=2 width=96 height=48 ! "
      "dsnettracker name=t display-tracking-id=false ! fakesink sync=false "
      "videotestsrc num-buffers=%d ! video/x-raw,width=64,height=48,framerate=25/1 ! m.sink_0 "
      "videotestsrc num-buffers=%d ! video/x-raw,width=64,height=48,framerate=25/1 ! m.sink_1", N0, N1);
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch (desc, &err);
  fail_unless (pipe != NULL && err == NULL, "pipeline: %s", err ? err->message : "?");
  GstElement *t = gst_bin_get_by_name (GST_BIN (pipe), "t");
  GstPad *sink = gst_element_get_static_pad (t, "sink");
  GstPad *src = gst_element_get_static_pad (t, "src");
  gst_pad_add_probe (sink, GST_PAD_PROBE_TYPE_BUFFER, add_objects, NULL, NULL);
  gst_pad_add_probe (sink, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, watch_events, &seen, NULL);
  gst_pad_add_probe (src, GST_PAD_PROBE_TYPE_BUFFER, collect, &seen, NULL);

  gst_element_set_state (pipe, GST_STATE_PLAYING);
  GstBus *bus = gst_element_get_bus (pipe);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg != NULL, "timeout");
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR) {
    gst_message_parse_error (msg, &err, NULL);
    fail ("pipeline error: %s", err->message);
  }
  gst_message_unref (msg);
  gst_element_set_state (pipe, GST_STATE_NULL);

  fail_unless_equals_int (seen.frames[0], N0);
  fail_unless_equals_int (seen.frames[1], N1);
  /* default probationAge 3: untracked for 3 frames, then one id per source, never changing */
  for (guint s = 0; s < 2; s++) {
    gint n = s == 0 ? N0 : N1;
    for (gint f = 0; f < n; f++) {
      if (f < 3)
        fail_unless (seen.ids[s][f] == UNTRACKED_OBJECT_ID, "source %u frame %d tracked in probation", s, f);
      else
        fail_unless (seen.ids[s][f] == seen.ids[s][3] && seen.ids[s][f] != UNTRACKED_OBJECT_ID,
            "source %u frame %d: id %" G_GUINT64_FORMAT, s, f, seen.ids[s][f]);
    }
  }
  fail_if (seen.ids[0][3] == seen.ids[1][3], "sources share an id");
  /* the muxer told the tracker that source 0 ended right after its last frame, long before source 1 */
  fail_unless_equals_int (seen.eos_order[0], 1);
  fail_unless_equals_int (seen.eos_after_frames[0], N0);
  fail_unless (seen.eos_order[1] == 0 || seen.eos_order[1] == 2);
  fail_unless (seen.global_eos);

  gst_object_unref (bus);
  gst_object_unref (src);
  gst_object_unref (sink);
  gst_object_unref (t);
  gst_object_unref (pipe);
  g_free (desc);
}

GST_END_TEST;

static Suite *
tracker_mux_suite (void)
{
  Suite *s = suite_create ("dsnettracker-mux");
  TCase *tc = tcase_create ("mux");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_two_sources_through_mux);
  return s;
}

GST_CHECK_MAIN (tracker_mux);
