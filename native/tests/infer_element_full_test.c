/*
 * dsnetinfer element on UltraFace RFB-640 masked-face (MIT licence; trained on WIDER FACE and MAFA, research,
 * non-commercial datasets), outside valgrind (several model loads and runs): batch of two frames, interval,
 * and the start-up errors that need the model.
 */
#include "lsan_ignore.h"
#include <string.h>

#include "check_ort_main.h"
#include "infer_element_common.h"

/* Two frames in one batch (the model's batch axis is fixed at 1: one run per frame), and interval=1
 * skipping every second batch. */
/* ONNX Runtime's own log reaches the dsnetort debug category, and the CPU arena gives its unused regions back every
 * 256 runs: each give-back shows as the arena extending again on the next run, so a long run cannot keep regions that
 * fragmentation added late (UltraFace's activations outgrow the arena's first region, which is never given back). */
static gint arena_extensions;

static void
count_arena_log (GstDebugCategory * cat, GstDebugLevel level, const gchar * file, const gchar * function, gint line,
    GObject * object, GstDebugMessage * message, gpointer user)
{
  (void) level;
  (void) file;
  (void) function;
  (void) line;
  (void) object;
  (void) user;
  if (g_strcmp0 (gst_debug_category_get_name (cat), "dsnetort") == 0
      && strstr (gst_debug_message_get (message), "Extending BFCArena") != NULL)
    g_atomic_int_inc (&arena_extensions);
}

GST_START_TEST (test_ort_log_and_arena_give_back)
{
  gchar *cfg = ultraface_config ("batch-size=1", "");
  gst_debug_set_threshold_for_name ("dsnetort", GST_LEVEL_INFO);
  /* GStreamer drops its old log-function list on purpose whenever one is added or removed (lock-free readers). */
  DSNET_LSAN_IGNORE_BEGIN ();
  gst_debug_add_log_function (count_arena_log, NULL, NULL);
  DSNET_LSAN_IGNORE_END ();

  GstHarness *h = new_infer_harness (cfg, NULL);
  gint w, hh;
  GstBuffer *frame = load_image ("maksssksksss0.png", &w, &hh);
  set_batch_caps (h, w, hh, 1);
  gint after_first = -1, before_give_back = -1;
  for (gint i = 1; i <= 258; i++) {
    gst_buffer_unref (gst_harness_push_and_pull (h, make_batch (&frame, 1, w, hh, i)));
    if (i == 2)
      after_first = g_atomic_int_get (&arena_extensions);
    if (i == 256)
      before_give_back = g_atomic_int_get (&arena_extensions);
  }
  gint at_end = g_atomic_int_get (&arena_extensions);
  gst_harness_teardown (h);
  DSNET_LSAN_IGNORE_BEGIN ();
  gst_debug_remove_log_function (count_arena_log);
  DSNET_LSAN_IGNORE_END ();
  gst_debug_set_threshold_for_name ("dsnetort", GST_LEVEL_NONE);

  fail_unless (after_first > 0, "ONNX Runtime's INFO log (arena growth) reached the dsnetort category");
  fail_unless (before_give_back == after_first, "the arena grew between runs 3 and 256 (%d extensions, then %d)",
      after_first, before_give_back);
  fail_unless (at_end > before_give_back, "the arena extended again after the give-back at run 256 "
      "(%d extensions before, %d after)", before_give_back, at_end);

  gst_buffer_unref (frame);
  remove_temp (cfg);
}
GST_END_TEST;

GST_START_TEST (test_batch_and_interval)
{
  gchar *cfg = ultraface_config ("batch-size=2\ninterval=1", "");
  GstHarness *h = new_infer_harness (cfg, NULL);
  gint w, hh;
  GstBuffer *img = load_image ("maksssksksss0.png", &w, &hh);
  GstBuffer *frames[2] = { img, img };
  set_batch_caps (h, w, hh, 2);
  guint counts[2][2];
  for (int b = 0; b < 2; b++) {
    GstBuffer *out = gst_harness_push_and_pull (h, make_batch (frames, 2, w, hh, b));
    NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (out);
    int i = 0;
    for (GList * l = batch->frame_meta_list; l; l = l->next, i++) {
      NvDsFrameMeta *f = l->data;
      counts[b][i] = g_list_length (f->obj_meta_list);
      ck_assert_int_eq (f->bInferDone, b == 0);
    }
    ck_assert_int_eq (i, 2);
    gst_buffer_unref (out);
  }
  fail_unless (counts[0][0] >= 2);
  ck_assert_uint_eq (counts[0][0], counts[0][1]);       /* same picture → same result in both slots */
  ck_assert_uint_eq (counts[1][0], 0);  /* skipped by interval */
  gst_buffer_unref (img);
  gst_harness_teardown (h);
  remove_temp (cfg);
}
GST_END_TEST;

GST_START_TEST (test_model_errors)
{
  gchar *model = shared_path ("assets/models/ultraface/RFB-640-masked_face-v2.onnx");
  gchar *text;
  /* unknown parser without custom library */
  text = g_strdup_printf ("[property]\nonnx-file=%s\nnum-detected-classes=2\n"
      "parse-bbox-func-name=NvDsInferParseCustomYoloV3\n", model);
  assert_start_error (text, "bad.txt:4: [property] parse-bbox-func-name: 'NvDsInferParseCustomYoloV3' needs "
      "custom-lib-path", NULL);
  g_free (text);
  /* a custom library that is not there */
  text = g_strdup_printf ("[property]\nonnx-file=%s\nnum-detected-classes=2\n"
      "parse-bbox-func-name=NvDsInferParseCustomYoloV3\ncustom-lib-path=/opt/libyolo.so\n", model);
  assert_start_error (text, "cannot load custom parser library /opt/libyolo.so", NULL);
  g_free (text);
  /* default parser is DetectNet_v2: the UltraFace outputs do not fit it */
  text = g_strdup_printf ("[property]\nonnx-file=%s\nnum-detected-classes=2\n", model);
  assert_start_error (text, "the DetectNet_v2 parser needs outputs whose names contain 'cov' and 'bbox'; "
      "the model has 'scores', 'boxes'", NULL);
  g_free (text);
  /* infer-dims that contradict the model */
  text = g_strdup_printf ("[property]\nonnx-file=%s\ninfer-dims=3;544;960\n", model);
  assert_start_error (text, "bad.txt:3: [property] infer-dims: 3;544;960 does not match the model input "
      "'input' (C;H;W = 3;480;640)", NULL);
  g_free (text);
  /* offsets count */
  text = g_strdup_printf ("[property]\nonnx-file=%s\noffsets=1;2\nparse-bbox-func-name="
      "NvDsInferParseUltraFaceMask\ncustom-lib-path=libdsnet_parsers.so\n", model);
  assert_start_error (text, "bad.txt:3: [property] offsets: 2 values given but the network has 3", NULL);
  g_free (text);
  g_free (model);
}
GST_END_TEST;

/* With the real muxer: two decoded copies of the demo MP4 → dsnetstreammux (batch 2) → dsnetinfer. Both
 * frames of a batch are inferred and, being the same picture, get the same objects. */
GST_START_TEST (test_with_streammux)
{
  if (gst_element_factory_find ("dsnetstreammux") == NULL) {
    g_print ("SKIP: dsnetstreammux not built\n");
    return;
  }
  gchar *cfg = ultraface_config ("batch-size=2", "");
  gchar *media = shared_path ("assets/media/facemask-demo-720p.mp4");
  gchar *desc = g_strdup_printf ("dsnetstreammux name=m width=1280 height=720 batch-size=2 ! "
      "dsnetinfer config-file-path=\"%s\" ! appsink name=sink sync=false max-buffers=2 "
      "filesrc location=\"%s\" ! decodebin ! videoconvert ! m.sink_0 "
      "filesrc location=\"%s\" ! decodebin ! videoconvert ! m.sink_1", cfg, media, media);
  GError *e = NULL;
  GstElement *pipe = gst_parse_launch (desc, &e);
  fail_unless (pipe != NULL, "%s", e ? e->message : "");
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipe), "sink");
  fail_unless (gst_element_set_state (pipe, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);
  guint with_objects = 0;
  for (int i = 0; i < 8; i++) {
    GstSample *sample = NULL;
    g_signal_emit_by_name (sink, "pull-sample", &sample);
    fail_unless (sample != NULL, "no batch %d", i);
    NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (gst_sample_get_buffer (sample));
    fail_unless (batch != NULL);
    ck_assert_uint_eq (batch->num_frames_in_batch, 2);
    NvDsFrameMeta *a = batch->frame_meta_list->data, *b = batch->frame_meta_list->next->data;
    fail_unless (a->bInferDone && b->bInferDone);
    ck_assert_uint_eq (a->source_id + b->source_id, 1);
    ck_assert_uint_eq (g_list_length (a->obj_meta_list), g_list_length (b->obj_meta_list));
    for (GList * l = a->obj_meta_list; l; l = l->next) {
      NvDsObjectMeta *o = l->data;
      fail_unless (o->rect_params.left >= 0 && o->rect_params.left + o->rect_params.width <= 1280.01);
      fail_unless (o->rect_params.top >= 0 && o->rect_params.top + o->rect_params.height <= 720.01);
    }
    if (a->obj_meta_list)
      with_objects++;
    gst_sample_unref (sample);
  }
  /* the first demo segment is a Kaggle picture with annotated faces */
  fail_unless (with_objects >= 6, "only %u of 8 batches have faces", with_objects);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pipe);
  g_free (desc);
  g_free (media);
  remove_temp (cfg);
}
GST_END_TEST;

static Suite *
infer_element_full_suite (void)
{
  Suite *s = suite_create ("infer_element_full");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 600);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_batch_and_interval);
  tcase_add_test (tc, test_model_errors);
  tcase_add_test (tc, test_with_streammux);
  tcase_add_test (tc, test_ort_log_and_arena_give_back);
  return s;
}

DSNET_CHECK_ORT_MAIN (infer_element_full);
