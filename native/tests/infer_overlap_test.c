/*
 * dsnetinfer's overlap (preprocessing of batch k + 1 while ONNX Runtime runs batch k on the worker): the same
 * objects on the same frames in the same order as without it, with every batch shape (one run per batch, more
 * frames than one run holds, interval-skipped batches), EOS after the last buffer, flushes in between; and the
 * intra-op thread rule. Uses the tiny DetectNet_v2 graph of infer_test_model.h, so it runs under valgrind too.
 */
#define _GNU_SOURCE             /* sched_getaffinity */
#include <math.h>
#include <sched.h>

#include "check_ort_main.h"
#include "infer_element_common.h"
#include "infer_test_model.h"

#define W 64
#define H 32
#define N_BUFFERS 9

/* A config for the test model in a temp folder (free with remove_temp); `extra` goes into [property]. */
static gchar *
detectnet_config (const gchar * extra, gchar ** model)
{
  gchar *cfg = write_temp ("pgie.txt", "");
  *model = write_detectnet_model (cfg);
  gchar *text = g_strdup_printf ("[property]\ngie-unique-id=3\nonnx-file=detectnet.onnx\n"
      "net-scale-factor=0.0039215686274509803\nnum-detected-classes=1\ncluster-mode=2\n%s\n"
      "[dsnet]\nintra-op-threads=1\n[class-attrs-all]\npre-cluster-threshold=0.5\n", extra);
  fail_unless (g_file_set_contents (cfg, text, -1, NULL));
  g_free (text);
  return cfg;
}

/* Buffer i: `frames` frames, red on the left or right by (i + frame) parity, so consecutive batches differ. */
static GstBuffer *
numbered_batch (guint i, guint frames)
{
  GstBuffer *pics[4];
  for (guint f = 0; f < frames; f++)
    pics[f] = half_red (W, H, (i + f) % 2 == 0);
  GstBuffer *b = make_batch (pics, frames, W, H, (gint) i);
  GST_BUFFER_PTS (b) = i * GST_SECOND;
  for (guint f = 0; f < frames; f++)
    gst_buffer_unref (pics[f]);
  return b;
}

/* "pts frame_num: left,top,w,h,conf; …" per frame, in the order the buffer's metadata lists them. */
static void
describe_buffer (GstBuffer * b, GString * s)
{
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (b);
  g_string_append_printf (s, "[%" GST_TIME_FORMAT "]", GST_TIME_ARGS (GST_BUFFER_PTS (b)));
  for (GList * l = batch->frame_meta_list; l; l = l->next) {
    NvDsFrameMeta *f = l->data;
    g_string_append_printf (s, " f%d/%u:", f->frame_num, f->batch_id);
    for (GList * o = f->obj_meta_list; o; o = o->next) {
      NvDsObjectMeta *om = o->data;
      g_string_append_printf (s, " %.3f,%.3f,%.3f,%.3f,%.4f", om->rect_params.left, om->rect_params.top,
          om->rect_params.width, om->rect_params.height, om->confidence);
    }
  }
  g_string_append_c (s, '\n');
}

/* Pushes N_BUFFERS batches of `frames` frames and EOS; returns what came out, in order. Checks that every
 * buffer left before EOS. */
static gchar *
run_batches (const gchar * extra_config, const gchar * props, guint frames)
{
  gchar *model;
  gchar *cfg = detectnet_config (extra_config, &model);
  GstHarness *h = new_infer_harness (cfg, props);
  set_batch_caps (h, W, H, frames);
  for (guint i = 0; i < N_BUFFERS; i++)
    ck_assert_int_eq (gst_harness_push (h, numbered_batch (i, frames)), GST_FLOW_OK);
  fail_unless (gst_harness_push_event (h, gst_event_new_eos ()));
  /* EOS is forwarded only after the worker pushed the last batch: all are here already */
  ck_assert_uint_eq (gst_harness_buffers_received (h), N_BUFFERS);
  GString *s = g_string_new (NULL);
  GstBuffer *b;
  while ((b = gst_harness_try_pull (h)) != NULL) {
    describe_buffer (b, s);
    gst_buffer_unref (b);
  }
  gboolean eos = FALSE;
  GstEvent *e;
  while ((e = gst_harness_try_pull_event (h)) != NULL) {
    eos |= GST_EVENT_TYPE (e) == GST_EVENT_EOS;
    gst_event_unref (e);
  }
  fail_unless (eos, "no EOS downstream");
  gst_harness_teardown (h);
  g_free (model);
  remove_temp (cfg);
  return g_string_free (s, FALSE);
}

static void
assert_same_with_and_without_overlap (const gchar * extra_config, guint frames)
{
  gchar *on = run_batches (extra_config, "overlap=true", frames);
  gchar *off = run_batches (extra_config, "overlap=false", frames);
  ck_assert_str_eq (on, off);
  /* every batch in push order, objects found (the red half) */
  gchar **lines = g_strsplit (on, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), N_BUFFERS + 1);
  for (guint i = 0; i < N_BUFFERS; i++) {
    gchar *want = g_strdup_printf ("[%" GST_TIME_FORMAT "] f%u/0:", GST_TIME_ARGS (i * GST_SECOND), i);
    fail_unless (g_str_has_prefix (lines[i], want), "line %u: %s", i, lines[i]);
    g_free (want);
  }
  g_strfreev (lines);
  g_free (on);
  g_free (off);
}

GST_START_TEST (test_overlap_one_run_per_batch)
{
  gchar *out = run_batches ("batch-size=2", NULL, 2);   /* overlap is on by default */
  /* frame 0 of batch 0 is red on the left: the hand-computed box of infer_detectnet_test */
  fail_unless (strstr (out, "f0/0: 8.000,8.000,14.000,21.000,1.0000") != NULL, "%s", out);
  g_free (out);
  assert_same_with_and_without_overlap ("batch-size=2", 2);
}
GST_END_TEST;

/* Three frames, two per run: those batches take the synchronous path, after the batch in flight. */
GST_START_TEST (test_overlap_more_frames_than_one_run)
{
  assert_same_with_and_without_overlap ("batch-size=2", 3);
}
GST_END_TEST;

/* interval=1: every other batch is not inferred and must not overtake the one in flight. */
GST_START_TEST (test_overlap_interval)
{
  assert_same_with_and_without_overlap ("batch-size=1\ninterval=1", 1);
}
GST_END_TEST;

/* A flush while a batch may be in flight: nothing leaks (valgrind twin), later batches come out as usual. */
/* ONNX Runtime's intra-op spinning (off by default, [dsnet] intra-op-spinning, the property wins) changes how idle
 * workers wait, never what a run computes. */
GST_START_TEST (test_intra_op_spinning)
{
  gchar *off = run_batches ("batch-size=2", NULL, 2);
  gchar *on = run_batches ("batch-size=2", "intra-op-spinning=true", 2);
  ck_assert_str_eq (on, off);
  g_free (on);
  g_free (off);

  gchar *model;
  gchar *cfg = write_temp ("pgie.txt", "");
  model = write_detectnet_model (cfg);
  fail_unless (g_file_set_contents (cfg, "[property]\nonnx-file=detectnet.onnx\nnum-detected-classes=1\n"
          "[dsnet]\nintra-op-threads=1\nintra-op-spinning=1\n", -1, NULL));
  GstElement *e = gst_element_factory_make ("dsnetinfer", NULL);
  gboolean spin = TRUE;
  g_object_get (e, "intra-op-spinning", &spin, NULL);
  fail_unless (!spin, "off by default");
  g_object_set (e, "config-file-path", cfg, NULL);
  GstElement *p = gst_pipeline_new (NULL);
  GstElement *src = gst_element_factory_make ("fakesrc", NULL), *sink = gst_element_factory_make ("fakesink", NULL);
  g_object_set (src, "num-buffers", 0, NULL);
  gst_bin_add_many (GST_BIN (p), src, e, sink, NULL);
  fail_unless (gst_element_link_many (src, e, sink, NULL));
  ck_assert_int_ne (gst_element_set_state (p, GST_STATE_PAUSED), GST_STATE_CHANGE_FAILURE);
  g_object_get (e, "intra-op-spinning", &spin, NULL);
  fail_unless (spin, "the config's [dsnet] intra-op-spinning=1 is in use");
  gst_element_set_state (p, GST_STATE_NULL);
  g_object_set (e, "intra-op-spinning", FALSE, NULL);
  ck_assert_int_ne (gst_element_set_state (p, GST_STATE_PAUSED), GST_STATE_CHANGE_FAILURE);
  g_object_get (e, "intra-op-spinning", &spin, NULL);
  fail_unless (!spin, "the property overrides the config");
  gst_element_set_state (p, GST_STATE_NULL);
  gst_object_unref (p);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

GST_START_TEST (test_overlap_flush)
{
  gchar *model;
  gchar *cfg = detectnet_config ("batch-size=1", &model);
  GstHarness *h = new_infer_harness (cfg, NULL);
  set_batch_caps (h, W, H, 1);
  for (guint i = 0; i < 3; i++)
    ck_assert_int_eq (gst_harness_push (h, numbered_batch (i, 1)), GST_FLOW_OK);
  fail_unless (gst_harness_push_event (h, gst_event_new_flush_start ()));
  fail_unless (gst_harness_push_event (h, gst_event_new_flush_stop (TRUE)));
  GstBuffer *b;
  while ((b = gst_harness_try_pull (h)) != NULL)
    gst_buffer_unref (b);
  GstSegment seg;
  gst_segment_init (&seg, GST_FORMAT_TIME);
  fail_unless (gst_harness_push_event (h, gst_event_new_segment (&seg)));
  for (guint i = 10; i < 13; i++) {
    GstBuffer *out = gst_harness_push_and_pull (h, numbered_batch (i, 1));
    NvDsFrameMeta *f = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
    ck_assert_int_eq (f->frame_num, (gint) i);
    ck_assert_uint_eq (g_list_length (f->obj_meta_list), 1);
    gst_buffer_unref (out);
  }
  /* teardown with nothing pulled after a push: the worker's batch is dropped cleanly */
  ck_assert_int_eq (gst_harness_push (h, numbered_batch (20, 1)), GST_FLOW_OK);
  gst_harness_teardown (h);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

static gint
test_cores (void)
{
  cpu_set_t set;
  CPU_ZERO (&set);
  fail_unless (sched_getaffinity (0, sizeof (set), &set) == 0);
  return CPU_COUNT (&set);
}

static gint
started_threads (GstElement * pipeline, const gchar * name)
{
  GstElement *e = gst_bin_get_by_name (GST_BIN (pipeline), name);
  gint threads = -1;
  g_object_get (e, "intra-op-threads", &threads, NULL);
  gst_object_unref (e);
  return threads;
}

/* intra-op-threads 0: max(1, (cores − encoders) / primary inference elements); a set value wins. */
GST_START_TEST (test_thread_rule)
{
  gchar *model;
  gchar *cfg = write_temp ("pgie.txt", "");
  model = write_detectnet_model (cfg);
  fail_unless (g_file_set_contents (cfg, "[property]\nonnx-file=detectnet.onnx\nnum-detected-classes=1\n", -1,
          NULL));
  gchar *desc = g_strdup_printf ("fakesrc num-buffers=0 ! dsnetinfer name=a config-file-path=%s ! dsnetinfer name=b "
      "config-file-path=%s ! dsnetinfer name=s process-mode=secondary config-file-path=%s ! fakesink "
      "videotestsrc num-buffers=1 ! jpegenc ! fakesink", cfg, cfg, cfg);
  GstElement *p = gst_parse_launch (desc, NULL);
  fail_unless (p != NULL);
  ck_assert_int_ne (gst_element_set_state (p, GST_STATE_READY), GST_STATE_CHANGE_FAILURE);
  /* start() runs on READY → PAUSED */
  ck_assert_int_ne (gst_element_set_state (p, GST_STATE_PAUSED), GST_STATE_CHANGE_FAILURE);
  gint want = MAX (1, (test_cores () - 1) / 2);
  ck_assert_int_eq (started_threads (p, "a"), want);
  ck_assert_int_eq (started_threads (p, "b"), want);
  ck_assert_int_eq (started_threads (p, "s"), want);
  gst_element_set_state (p, GST_STATE_NULL);
  GstElement *b = gst_bin_get_by_name (GST_BIN (p), "b");
  g_object_set (b, "intra-op-threads", 3, NULL);
  ck_assert_int_ne (gst_element_set_state (p, GST_STATE_PAUSED), GST_STATE_CHANGE_FAILURE);
  ck_assert_int_eq (started_threads (p, "b"), 3);
  gst_element_set_state (p, GST_STATE_NULL);
  gst_object_unref (b);
  gst_object_unref (p);
  g_free (desc);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

static Suite *
infer_overlap_suite (void)
{
  Suite *s = suite_create ("infer_overlap");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 300);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_overlap_one_run_per_batch);
  tcase_add_test (tc, test_overlap_more_frames_than_one_run);
  tcase_add_test (tc, test_overlap_interval);
  tcase_add_test (tc, test_overlap_flush);
  tcase_add_test (tc, test_intra_op_spinning);
  tcase_add_test (tc, test_thread_rule);
  return s;
}

DSNET_CHECK_ORT_MAIN (infer_overlap);
