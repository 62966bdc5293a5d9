/*
 * dsnet-bench-infer: frames/s of a dsnetinfer pipeline (appsrc ! dsnetinfer ! fakesink, batched RGBA buffers
 * with NvDsBatchMeta, UltraFace RFB-640 masked-face) against bare ONNX Runtime running the same model with
 * the same thread settings on a ready input tensor; prints both and their ratio (target >= 0.9).
 *
 * UltraFace models: MIT licence, trained on WIDER FACE and MAFA (research, non-commercial datasets).
 */
#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#include "dsnetbatch.h"
#include "gstnvdsmeta.h"
#include "infer_ort.h"
#include "infer_preprocess.h"

typedef struct
{
  gint frames;
  gint threads;
  gint distinct;
  gint chunk;
  gchar *media;
  gchar *model;
} Options;

static gint handoffs;

static void
on_handoff (GstElement * sink, GstBuffer * buf, GstPad * pad, gpointer user)
{
  (void) sink;
  (void) buf;
  (void) pad;
  (void) user;
  g_atomic_int_inc (&handoffs);
}

/* Decodes the first `n` frames of `media` to RGBA. */
static GPtrArray *
decode_frames (const gchar * media, gint n, gint * w, gint * h)
{
  GError *e = NULL;
  GstElement *p = gst_parse_launch ("filesrc name=src ! decodebin ! videoconvert ! "
      "video/x-raw,format=RGBA ! appsink name=sink sync=false max-buffers=4", &e);
  if (p == NULL) {
    fprintf (stderr, "dsnet-bench-infer: %s\n", e->message);
    exit (2);
  }
  GstElement *src = gst_bin_get_by_name (GST_BIN (p), "src");
  g_object_set (src, "location", media, NULL);
  gst_object_unref (src);
  GstElement *sink = gst_bin_get_by_name (GST_BIN (p), "sink");
  gst_element_set_state (p, GST_STATE_PLAYING);
  GPtrArray *frames = g_ptr_array_new_with_free_func ((GDestroyNotify) gst_buffer_unref);
  for (gint i = 0; i < n; i++) {
    GstSample *s = NULL;
    g_signal_emit_by_name (sink, "pull-sample", &s);
    if (s == NULL)
      break;
    GstStructure *st = gst_caps_get_structure (gst_sample_get_caps (s), 0);
    gst_structure_get_int (st, "width", w);
    gst_structure_get_int (st, "height", h);
    g_ptr_array_add (frames, gst_buffer_ref (gst_sample_get_buffer (s)));
    gst_sample_unref (s);
  }
  gst_element_set_state (p, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (p);
  if (frames->len == 0) {
    fprintf (stderr, "dsnet-bench-infer: no frames decoded from %s\n", media);
    exit (2);
  }
  return frames;
}

/* A batch-size-1 batched buffer sharing the frame's memory, with its NvDsBatchMeta. */
static GstBuffer *
make_batch (GstBuffer * frame, gint w, gint h, gint frame_num)
{
  GstBuffer *buf = gst_buffer_copy (frame);
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  NvDsMeta *m = gst_buffer_add_nvds_meta (buf, batch, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  m->meta_type = NVDS_BATCH_GST_META;
  batch->base_meta.batch_meta = batch;
  batch->base_meta.copy_func = nvds_batch_meta_copy_func;
  batch->base_meta.release_func = nvds_batch_meta_release_func;
  batch->max_frames_in_batch = 1;
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (batch);
  f->batch_id = 0;
  f->frame_num = frame_num;
  f->source_frame_width = (guint) w;
  f->source_frame_height = (guint) h;
  f->pipeline_width = (guint) w;
  f->pipeline_height = (guint) h;
  nvds_add_frame_meta_to_batch (batch, f);
  batch->num_frames_in_batch = 1;
  GST_BUFFER_PTS (buf) = (GstClockTime) frame_num * GST_SECOND / 25;
  GST_BUFFER_DURATION (buf) = GST_SECOND / 25;
  return buf;
}

/* The bare side: the same model and threads on a ready input tensor. */
typedef struct
{
  DsnetOrtModel *model;
  gfloat *input;
  gint64 dims[4];
} Bare;

static void
bare_init (Bare * b, const Options * o, GstBuffer * frame, gint w, gint h)
{
  GError *e = NULL;
  b->model = dsnet_ort_model_load (o->model, o->threads, 0, DSNET_ORT_SPIN_DEFAULT, &e);
  if (b->model == NULL) {
    fprintf (stderr, "dsnet-bench-infer: %s\n", e->message);
    exit (2);
  }
  const DsnetTensorDesc *in = dsnet_ort_model_input (b->model);
  gint64 dims[4] = { 1, in->dims[1], in->dims[2], in->dims[3] };
  memcpy (b->dims, dims, sizeof (dims));
  b->input = g_new (gfloat, dims[1] * dims[2] * dims[3]);
  DsnetPreprocess pp = { (gint) dims[3], (gint) dims[2], 3, 0, FALSE, FALSE, FALSE, 1 / 128.f,
    {127, 127, 127, 0}
  };
  GstMapInfo map;
  gst_buffer_map (frame, &map, GST_MAP_READ);
  dsnet_preprocess_rgba (&pp, map.data, w * 4, 0, 0, w, h, b->input, NULL);
  gst_buffer_unmap (frame, &map);
}

/* Seconds for n runs. */
static gdouble
bare_run (Bare * b, gint n)
{
  gint64 t0 = g_get_monotonic_time ();
  for (gint i = 0; i < n; i++) {
    GError *e = NULL;
    DsnetOrtOutputs *out = dsnet_ort_model_run (b->model, b->input, b->dims, 4, &e);
    if (out == NULL) {
      fprintf (stderr, "dsnet-bench-infer: %s\n", e->message);
      exit (2);
    }
    dsnet_ort_outputs_free (out);
  }
  return (g_get_monotonic_time () - t0) / 1e6;
}

/* The pipeline side: appsrc ! dsnetinfer ! fakesink, kept playing between chunks. */
typedef struct
{
  GstElement *pipe, *src, *sink;
  GPtrArray *frames;
  gint w, h, pushed;
} Pipe;

static void
pipe_check_error (Pipe * p)
{
  GstBus *bus = gst_element_get_bus (p->pipe);
  GstMessage *msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  if (msg != NULL) {
    GError *err = NULL;
    gst_message_parse_error (msg, &err, NULL);
    fprintf (stderr, "dsnet-bench-infer: pipeline error: %s\n", err->message);
    exit (2);
  }
  gst_object_unref (bus);
}

/* Pushes n batches and waits until the sink has them all; returns the seconds taken. */
static gdouble
pipe_run (Pipe * p, gint n)
{
  gint64 t0 = g_get_monotonic_time ();
  gint target = p->pushed + n;
  for (gint i = 0; i < n; i++, p->pushed++) {
    GstFlowReturn fr;
    GstBuffer *b = make_batch (g_ptr_array_index (p->frames, (guint) p->pushed % p->frames->len), p->w,
        p->h, p->pushed);
    g_signal_emit_by_name (p->src, "push-buffer", b, &fr);
    gst_buffer_unref (b);
    if (fr != GST_FLOW_OK) {
      pipe_check_error (p);
      fprintf (stderr, "dsnet-bench-infer: push failed: %s\n", gst_flow_get_name (fr));
      exit (2);
    }
  }
  while (g_atomic_int_get (&handoffs) < target) {
    g_usleep (200);
    pipe_check_error (p);
  }
  return (g_get_monotonic_time () - t0) / 1e6;
}

static void
pipe_init (Pipe * p, GPtrArray * frames, gint w, gint h, const gchar * config)
{
  gchar *desc = g_strdup_printf ("appsrc name=src format=time block=true max-buffers=4 ! dsnetinfer "
      "config-file-path=\"%s\" ! fakesink name=sink sync=false signal-handoffs=true", config);
  GError *e = NULL;
  p->pipe = gst_parse_launch (desc, &e);
  g_free (desc);
  if (p->pipe == NULL) {
    fprintf (stderr, "dsnet-bench-infer: %s\n", e->message);
    exit (2);
  }
  p->src = gst_bin_get_by_name (GST_BIN (p->pipe), "src");
  p->sink = gst_bin_get_by_name (GST_BIN (p->pipe), "sink");
  p->frames = frames;
  p->w = w;
  p->h = h;
  p->pushed = 0;
  gchar *caps = g_strdup_printf ("video/x-raw(" DSNET_BATCH_CAPS_FEATURE "),format=RGBA,width=%d,"
      "height=%d,framerate=25/1,batch-size=1", w, h);
  GstCaps *c = gst_caps_from_string (caps);
  g_object_set (p->src, "caps", c, NULL);
  gst_caps_unref (c);
  g_free (caps);
  g_atomic_int_set (&handoffs, 0);
  g_signal_connect (p->sink, "handoff", G_CALLBACK (on_handoff), NULL);
  if (gst_element_set_state (p->pipe, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    pipe_check_error (p);
    fprintf (stderr, "dsnet-bench-infer: the pipeline did not start (see GST_DEBUG=dsnetinfer:4)\n");
    exit (2);
  }
}

static void
pipe_finish (Pipe * p)
{
  GstFlowReturn fr;
  g_signal_emit_by_name (p->src, "end-of-stream", &fr);
  GstBus *bus = gst_element_get_bus (p->pipe);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_message_unref (msg);
  gst_object_unref (bus);
  gst_element_set_state (p->pipe, GST_STATE_NULL);
  gst_object_unref (p->src);
  gst_object_unref (p->sink);
  gst_object_unref (p->pipe);
}

int
main (int argc, char **argv)
{
  Options o = { 200, 0, 25, 10, NULL, NULL };
  const gchar *shared = g_getenv ("DSNET_SHARED_DIR") ? g_getenv ("DSNET_SHARED_DIR") : DSNET_DEFAULT_SHARED_DIR;
  GOptionEntry entries[] = {
    {"frames", 'n', 0, G_OPTION_ARG_INT, &o.frames, "Frames to time in each measurement (default 200)", "N"},
    {"threads", 't', 0, G_OPTION_ARG_INT, &o.threads, "ONNX Runtime intra-op threads, both sides "
          "(default 0 = ONNX Runtime default)", "T"},
    {"distinct", 'd', 0, G_OPTION_ARG_INT, &o.distinct, "Distinct decoded frames cycled (default 25)", "K"},
    {"chunk", 'c', 0, G_OPTION_ARG_INT, &o.chunk, "Frames per alternation between the two sides "
          "(default 10: other load on the machine hits both alike)", "C"},
    {"media", 0, 0, G_OPTION_ARG_FILENAME, &o.media, "Video (default: shared demo MP4 1280x720)", "FILE"},
    {"model", 0, 0, G_OPTION_ARG_FILENAME, &o.model, "Model (default: UltraFace RFB-640 masked-face)", "FILE"},
    {NULL, 0, 0, 0, NULL, NULL, NULL}
  };
  GOptionContext *ctx = g_option_context_new ("- dsnetinfer throughput vs bare ONNX Runtime");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_group (ctx, gst_init_get_option_group ());
  GError *e = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &e) || o.frames <= 0 || o.distinct <= 0 || o.chunk <= 0) {
    fprintf (stderr, "dsnet-bench-infer: %s\n", e ? e->message : "--frames and --distinct must be > 0");
    return 2;
  }
  g_option_context_free (ctx);
  if (o.media == NULL)
    o.media = g_build_filename (shared, "assets", "media", "facemask-demo-720p.mp4", NULL);
  if (o.model == NULL)
    o.model = g_build_filename (shared, "assets", "models", "ultraface", "RFB-640-masked_face-v2.onnx", NULL);

  gint w = 0, h = 0;
  GPtrArray *frames = decode_frames (o.media, MIN (o.distinct, o.frames), &w, &h);

  gchar *dir = g_dir_make_tmp ("dsnet-bench-infer-XXXXXX", NULL);
  gchar *config = g_build_filename (dir, "pgie.txt", NULL);
  gchar *text = g_strdup_printf ("[property]\ngie-unique-id=1\nonnx-file=%s\nnet-scale-factor=0.0078125\n"
      "offsets=127;127;127\nnum-detected-classes=2\ncustom-lib-path=libdsnet_parsers.so\nparse-bbox-func-name=NvDsInferParseUltraFaceMask\n"
      "cluster-mode=2\n[dsnet]\nintra-op-threads=%d\n[class-attrs-all]\n"
      "pre-cluster-threshold=0.5\nnms-iou-threshold=0.3\n", o.model, o.threads);
  g_file_set_contents (config, text, -1, NULL);

  printf ("dsnet-bench-infer: %s, %u distinct %dx%d frames of %s, batch 1, intra-op threads %d%s\n",
      o.model, frames->len, w, h, o.media, o.threads, o.threads ? "" : " (ONNX Runtime default)");
  /* preprocessing alone (part of the pipeline figure) */
  {
    DsnetPreprocess pp = { 640, 480, 3, 0, FALSE, FALSE, FALSE, 1 / 128.f, {127, 127, 127, 0} };
    gfloat *buf = g_new (gfloat, 640 * 480 * 3);
    GstMapInfo map;
    GstBuffer *f0 = g_ptr_array_index (frames, 0);
    gst_buffer_map (f0, &map, GST_MAP_READ);
    /* thread CPU time: not inflated by other processes on a busy machine */
    struct timespec a, b;
    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &a);
    for (int i = 0; i < 20; i++)
      dsnet_preprocess_rgba (&pp, map.data, w * 4, 0, 0, w, h, buf, NULL);
    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &b);
    printf ("preprocessing %dx%d RGBA -> 3x480x640 float: %.2f ms CPU/frame\n", w, h,
        ((b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6) / 20);
    gst_buffer_unmap (f0, &map);
    g_free (buf);
  }
  /* Both sides stay loaded; they alternate in chunks so that a busy machine slows both alike. */
  Bare bare;
  Pipe pipe;
  bare_init (&bare, &o, g_ptr_array_index (frames, 0), w, h);
  pipe_init (&pipe, frames, w, h, config);
  bare_run (&bare, 3);          /* warm-up */
  pipe_run (&pipe, 3);
  gdouble t_bare = 0, t_pipe = 0;
  gint done = 0;
  while (done < o.frames) {
    gint n = MIN (o.chunk, o.frames - done);
    t_bare += bare_run (&bare, n);
    t_pipe += pipe_run (&pipe, n);
    done += n;
  }
  pipe_finish (&pipe);
  dsnet_ort_model_free (bare.model);
  g_free (bare.input);
  gdouble fps_bare = o.frames / t_bare, fps_pipe = o.frames / t_pipe;
  printf ("bare ONNX Runtime:   %8.2f frames/s (%d runs on a ready input tensor)\n", fps_bare, o.frames);
  printf ("dsnetinfer pipeline: %8.2f frames/s (%d frames: preprocessing + inference + parsing + metadata)\n",
      fps_pipe, o.frames);
  printf ("(alternating in chunks of %d frames)\n", o.chunk);
  printf ("ratio: %.3f (target >= 0.90)\n", fps_pipe / fps_bare);

  g_unlink (config);
  g_rmdir (dir);
  g_free (text);
  g_free (config);
  g_free (dir);
  g_ptr_array_unref (frames);
  g_free (o.media);
  g_free (o.model);
  return 0;
}
