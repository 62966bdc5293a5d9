/*
 * dsnet-bench-mux: cost of dsnetstreammux per frame.
 *
 * N sources of W×H I420 frames (captured once from videotestsrc, a different pattern per source, then
 * replayed by appsrc so the generator's cost is not measured) are batched to W×H RGBA with
 * batch-size N. The same replay into fakesink without the muxer is timed as the baseline; the
 * difference is the muxer's cost. Prints µs per frame and total frames per second.
 *
 *   dsnet-bench-mux [--sources 4] [--frames 300] [--width 1920] [--height 1080]
 *                   [--out-width W] [--out-height H] [--threads 0] [--padding] [--format I420]
 */
#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define DISTINCT_FRAMES 8

typedef struct
{
  GstElement *appsrc;
  GPtrArray *frames;            /* captured I420 frames */
  guint pushed, total;
  gint fps;
} Feed;

static void
on_capture (GstElement * sink, GstBuffer * buf, GstPad * pad, gpointer user_data)
{
  (void) sink;
  (void) pad;
  g_ptr_array_add (user_data, gst_buffer_ref (buf));
}

static const gchar *in_format = "I420";

static GPtrArray *
capture_frames (const gchar * pattern, gint w, gint h)
{
  GError *err = NULL;
  gchar *desc = g_strdup_printf ("videotestsrc pattern=%s num-buffers=%d ! "
      "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1 ! "
      "fakesink name=s signal-handoffs=true", pattern, DISTINCT_FRAMES, in_format, w, h);
  GstElement *p = gst_parse_launch (desc, &err);
  GPtrArray *frames = g_ptr_array_new_with_free_func ((GDestroyNotify) gst_buffer_unref);
  GstElement *s;
  GstMessage *m;

  g_free (desc);
  if (!p) {
    g_printerr ("capture pipeline: %s\n", err->message);
    exit (1);
  }
  s = gst_bin_get_by_name (GST_BIN (p), "s");
  g_signal_connect (s, "handoff", G_CALLBACK (on_capture), frames);
  gst_object_unref (s);
  gst_element_set_state (p, GST_STATE_PLAYING);
  m = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (p), GST_CLOCK_TIME_NONE,
      GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_message_unref (m);
  gst_element_set_state (p, GST_STATE_NULL);
  gst_object_unref (p);
  return frames;
}

static void
on_need_data (GstElement * appsrc, guint length, gpointer user_data)
{
  Feed *f = user_data;
  GstFlowReturn ret;
  GstBuffer *buf;

  (void) length;
  if (f->pushed >= f->total) {
    g_signal_emit_by_name (appsrc, "end-of-stream", &ret);
    return;
  }
  /* shallow copy: shares the pixels, own timestamps */
  buf = gst_buffer_copy (g_ptr_array_index (f->frames, f->pushed % f->frames->len));
  GST_BUFFER_PTS (buf) = gst_util_uint64_scale_int (f->pushed, GST_SECOND, f->fps);
  GST_BUFFER_DURATION (buf) = gst_util_uint64_scale_int (1, GST_SECOND, f->fps);
  g_signal_emit_by_name (appsrc, "push-buffer", buf, &ret);
  gst_buffer_unref (buf);
  f->pushed++;
}

static gdouble
cpu_seconds (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* Runs one replay; returns wall seconds, sets *cpu to process CPU seconds used. */
static gdouble
run (gboolean with_mux, Feed * feeds, gint n, gint w, gint h, gint ow, gint oh, guint threads,
    gboolean padding, gdouble * cpu)
{
  GString *desc = g_string_new (NULL);
  GError *err = NULL;
  GstElement *p;
  GstMessage *m;
  gint64 t0, t1;
  gdouble c0;
  gint i;

  if (with_mux)
    g_string_append_printf (desc, "dsnetstreammux name=m batch-size=%d width=%d height=%d "
        "conversion-threads=%u enable-padding=%d ! fakesink sync=false ", n, ow, oh, threads,
        padding);
  for (i = 0; i < n; i++) {
    g_string_append_printf (desc, "appsrc name=src%d format=time block=true max-bytes=0 "
        "caps=video/x-raw,format=%s,width=%d,height=%d,framerate=30/1 ! ", i, in_format, w, h);
    if (with_mux)
      g_string_append_printf (desc, "m.sink_%d ", i);
    else
      g_string_append (desc, "fakesink sync=false ");
  }
  p = gst_parse_launch (desc->str, &err);
  g_string_free (desc, TRUE);
  if (!p) {
    g_printerr ("pipeline: %s\n", err->message);
    exit (1);
  }
  for (i = 0; i < n; i++) {
    gchar name[16];
    g_snprintf (name, sizeof name, "src%d", i);
    feeds[i].appsrc = gst_bin_get_by_name (GST_BIN (p), name);
    feeds[i].pushed = 0;
    g_signal_connect (feeds[i].appsrc, "need-data", G_CALLBACK (on_need_data), &feeds[i]);
  }
  gst_element_set_state (p, GST_STATE_PAUSED);
  gst_element_get_state (p, NULL, NULL, GST_CLOCK_TIME_NONE);
  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  gst_element_set_state (p, GST_STATE_PLAYING);
  m = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (p), GST_CLOCK_TIME_NONE,
      GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  t1 = g_get_monotonic_time ();
  *cpu = cpu_seconds () - c0;
  if (GST_MESSAGE_TYPE (m) == GST_MESSAGE_ERROR) {
    GError *e;
    gst_message_parse_error (m, &e, NULL);
    g_printerr ("error: %s\n", e->message);
    exit (1);
  }
  gst_message_unref (m);
  gst_element_set_state (p, GST_STATE_NULL);
  for (i = 0; i < n; i++)
    gst_object_unref (feeds[i].appsrc);
  gst_object_unref (p);
  return (t1 - t0) / 1e6;
}

int
main (int argc, char **argv)
{
  gint n = 4, frames = 300, w = 1920, h = 1080, ow = 0, oh = 0, i;
  guint threads = 0;
  gboolean padding = FALSE;
  const gchar *patterns[] = { "smpte", "ball", "snow", "colors", "circular", "zone-plate" };
  Feed *feeds;
  gdouble base, mux, base_cpu, mux_cpu, total, one, one_cpu, one_base, one_base_cpu;

  gst_init (&argc, &argv);
  for (i = 1; i < argc; i++) {
    if (!strcmp (argv[i], "--sources") && i + 1 < argc)
      n = atoi (argv[++i]);
    else if (!strcmp (argv[i], "--frames") && i + 1 < argc)
      frames = atoi (argv[++i]);
    else if (!strcmp (argv[i], "--width") && i + 1 < argc)
      w = atoi (argv[++i]);
    else if (!strcmp (argv[i], "--height") && i + 1 < argc)
      h = atoi (argv[++i]);
    else if (!strcmp (argv[i], "--out-width") && i + 1 < argc)
      ow = atoi (argv[++i]);
    else if (!strcmp (argv[i], "--out-height") && i + 1 < argc)
      oh = atoi (argv[++i]);
    else if (!strcmp (argv[i], "--threads") && i + 1 < argc)
      threads = (guint) atoi (argv[++i]);
    else if (!strcmp (argv[i], "--format") && i + 1 < argc)
      in_format = argv[++i];
    else if (!strcmp (argv[i], "--padding"))
      padding = TRUE;
    else {
      g_printerr ("usage: %s [--sources N] [--frames F] [--width W] [--height H] "
          "[--out-width W] [--out-height H] [--threads T] [--padding] [--format I420]\n", argv[0]);
      return 2;
    }
  }
  if (n < 1 || frames < 1 || w < 16 || h < 16) {
    g_printerr ("invalid arguments\n");
    return 2;
  }
  if (ow <= 0)
    ow = w;
  if (oh <= 0)
    oh = h;
  if (!gst_element_factory_find ("dsnetstreammux")) {
    g_printerr ("dsnetstreammux not found: source scripts/env.sh (GST_PLUGIN_PATH)\n");
    return 1;
  }

  feeds = g_new0 (Feed, n);
  for (i = 0; i < n; i++) {
    feeds[i].frames = capture_frames (patterns[i % G_N_ELEMENTS (patterns)], w, h);
    feeds[i].total = frames;
    feeds[i].fps = 30;
  }

  total = (gdouble) n * frames;
  base = run (FALSE, feeds, n, w, h, ow, oh, threads, padding, &base_cpu);
  mux = run (TRUE, feeds, n, w, h, ow, oh, threads, padding, &mux_cpu);
  /* the same frames of one source alone, for the multi-stream efficiency ratio */
  one_base = run (FALSE, feeds, 1, w, h, ow, oh, threads, padding, &one_base_cpu);
  one = run (TRUE, feeds, 1, w, h, ow, oh, threads, padding, &one_cpu);

  printf ("dsnet-bench-mux: %d sources x %d frames, %dx%d %s -> %dx%d RGBA, batch-size %d, "
      "conversion-threads %u (%s), padding %s, %u CPUs\n", n, frames, w, h, in_format, ow, oh, n, threads,
      threads ? "set" : "auto", padding ? "on" : "off", g_get_num_processors ());
  printf ("baseline (replay -> fakesink): %.3f s wall, %.3f s CPU\n", base, base_cpu);
  printf ("with dsnetstreammux:           %.3f s wall, %.3f s CPU\n", mux, mux_cpu);
  printf ("muxer cost: %.1f us/frame wall, %.1f us/frame CPU\n", (mux - base) * 1e6 / total,
      (mux_cpu - base_cpu) * 1e6 / total);
  printf ("throughput: %.1f frames/s total (%.1f batches/s)\n", total / mux, frames / mux);
  printf ("single source: %.1f us/frame wall, %.1f us/frame CPU\n", (one - one_base) * 1e6 / frames,
      (one_cpu - one_base_cpu) * 1e6 / frames);
  printf ("multi-stream efficiency (single-source cost / per-frame cost with %d sources; target >= 0.9): "
      "%.2f wall, %.2f CPU\n", n, ((one - one_base) / frames) / ((mux - base) / total),
      ((one_cpu - one_base_cpu) / frames) / ((mux_cpu - base_cpu) / total));

  for (i = 0; i < n; i++)
    g_ptr_array_unref (feeds[i].frames);
  g_free (feeds);
  return 0;
}
