/*
 * dsnet-soak: the DESIGN budget "flat resident memory over a long run", measured without .NET. Builds the portable
 * face-mask chain in C (N looping file sources -> dsnetstreammux -> dsnetinfer -> dsnettracker -> dsnetmultistreamtiler
 * -> dsnetosd -> fakesink), loops every source the way the managed host does for [tests] file-loop (EOS dropped at the
 * source's feed pad, flushing seek kept inside the source branch, pad offset moved on), samples VmRSS and malloc's bytes
 * in use once a second and fits a line through the samples after the warm-up; copies /proc/self/smaps when the
 * warm-up ends and at the end, and prints which mappings' resident size grew in between.
 *
 * Its purpose is to tell native growth from managed-host growth, and to run under heaptrack or massif (which do not
 * work inside the dotnet process): same elements, same looping, no CLR.
 *
 * UltraFace models: MIT licence, trained on WIDER FACE and MAFA (research, non-commercial datasets).
 */
#include <gst/gst.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "smaps_growth.h"

#define MAX_SOURCES 16

typedef struct
{
  gint index;
  GstElement *src;              /* uridecodebin */
  GstPad *feed;                 /* src pad of the element that feeds the muxer */
  gint64 last_end;              /* end of the latest buffer of this pass, in stream time */
  gint64 offset;                /* running-time offset: what earlier passes played */
  gint loops;
} Source;

typedef struct
{
  gint seconds;
  gint warmup;
  gint sources;
  const gchar *uri;
  const gchar *infer_config;
  const gchar *tracker_config;
  gboolean osd;
  gint trim_sec;
  gint floor_window;
} Options;

typedef struct
{
  GMainLoop *loop;
  Source src[MAX_SOURCES];
  gint n;
  gint64 start_us;
  GArray *t, *rss, *heap;       /* doubles: seconds, MB, MB */
  const Options *opt;
  guint64 batches;
  gboolean failed;
  SmapsSnapshot *at_warmup;     /* /proc/self/smaps when the warm-up ended */
} Soak;

static double
rss_mb (void)
{
  long pages_total = 0, pages_resident = 0;
  FILE *f = fopen ("/proc/self/statm", "r");
  if (f == NULL)
    return 0;
  if (fscanf (f, "%ld %ld", &pages_total, &pages_resident) != 2)
    pages_resident = 0;
  fclose (f);
  return (double) pages_resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static double
heap_mb (void)
{
  struct mallinfo2 mi = mallinfo2 ();
  return (double) (mi.uordblks + mi.hblkhd) / (1024.0 * 1024.0);
}

/* Least-squares slope of y over x for samples at or after `from` seconds; growth = slope * span. */
static void
fit (GArray * x, GArray * y, double from, double *growth, double *first, double *last)
{
  double sx = 0, sy = 0, sxx = 0, sxy = 0, x0 = -1, x1 = 0;
  gint n = 0;
  *first = *last = 0;
  for (guint i = 0; i < x->len; i++) {
    double xi = g_array_index (x, double, i), yi = g_array_index (y, double, i);
    if (xi < from)
      continue;
    if (n == 0) {
      x0 = xi;
      *first = yi;
    }
    x1 = xi;
    *last = yi;
    sx += xi;
    sy += yi;
    sxx += xi * xi;
    sxy += xi * yi;
    n++;
  }
  double d = n * sxx - sx * sx;
  *growth = (n > 1 && d != 0) ? (n * sxy - sx * sy) / d * (x1 - x0) : 0;
}

/* The RSS floor: the lowest sample of each whole window of `window` seconds after `from`. Frames in flight swing RSS by
 * several MB between samples; a leak lifts the floor. Prints each floor and returns the fitted growth over the floors. */
static double
floor_growth (GArray * x, GArray * y, double from, gint window, gint * windows)
{
  GArray *fx = g_array_new (FALSE, FALSE, sizeof (double)), *fy = g_array_new (FALSE, FALSE, sizeof (double));
  double low = 0, end = from + window;
  gboolean any = FALSE;
  for (guint i = 0; i < x->len; i++) {
    double xi = g_array_index (x, double, i), yi = g_array_index (y, double, i);
    if (xi < from)
      continue;
    if (xi >= end) {
      if (any) {
        double mid = end - window / 2.0;
        g_array_append_val (fx, mid);
        g_array_append_val (fy, low);
      }
      while (xi >= end)
        end += window;
      any = FALSE;
    }
    if (!any || yi < low)
      low = yi;
    any = TRUE;
  }
  g_print ("RSS floor (lowest of each %d s after the warm-up):", window);
  for (guint i = 0; i < fy->len; i++)
    g_print (" %.1f", g_array_index (fy, double, i));
  g_print (" MB\n");
  double growth = 0, first, last;
  *windows = (gint) fy->len;
  if (fy->len > 1)
    fit (fx, fy, from, &growth, &first, &last);
  g_array_free (fx, TRUE);
  g_array_free (fy, TRUE);
  return growth;
}

static gboolean
seek_back (gpointer data)
{
  Source *s = data;
  s->offset += s->last_end;
  s->last_end = 0;
  gst_pad_set_offset (s->feed, s->offset);
  s->loops++;
  if (!gst_element_seek_simple (s->src, GST_FORMAT_TIME, GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT, 0))
    g_printerr ("dsnet-soak: source %d: seek to the start failed\n", s->index);
  return G_SOURCE_REMOVE;
}

static GstPadProbeReturn
on_feed (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  (void) pad;
  Source *s = data;
  if (info->type & GST_PAD_PROBE_TYPE_BUFFER) {
    GstBuffer *b = gst_pad_probe_info_get_buffer (info);
    if (GST_BUFFER_PTS_IS_VALID (b)) {
      gint64 end = (gint64) GST_BUFFER_PTS (b) + (GST_BUFFER_DURATION_IS_VALID (b) ? (gint64) GST_BUFFER_DURATION (b) : 0);
      if (end > s->last_end)
        s->last_end = end;
    }
    return GST_PAD_PROBE_OK;
  }
  GstEvent *ev = gst_pad_probe_info_get_event (info);
  if (ev == NULL)
    return GST_PAD_PROBE_OK;
  switch (GST_EVENT_TYPE (ev)) {
    case GST_EVENT_FLUSH_START:
    case GST_EVENT_FLUSH_STOP:
      return GST_PAD_PROBE_DROP;        /* the loop's flush stays in the source branch */
    case GST_EVENT_EOS:
      g_idle_add (seek_back, s);
      return GST_PAD_PROBE_DROP;
    default:
      return GST_PAD_PROBE_OK;
  }
}

static GstPadProbeReturn
on_batch (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  (void) pad;
  (void) info;
  Soak *soak = data;
  __atomic_add_fetch (&soak->batches, 1, __ATOMIC_RELAXED);
  return GST_PAD_PROBE_OK;
}

static gboolean
sample (gpointer data)
{
  Soak *soak = data;
  double t = (double) (g_get_monotonic_time () - soak->start_us) / 1e6, r = rss_mb (), h = heap_mb ();
  if (t >= soak->opt->seconds) {
    g_main_loop_quit (soak->loop);
    return G_SOURCE_REMOVE;
  }
  if (soak->opt->trim_sec > 0 && ((gint) t) % soak->opt->trim_sec == 0)
    malloc_trim (0);
  if (soak->at_warmup == NULL && t >= soak->opt->warmup)
    soak->at_warmup = smaps_snapshot_take ();
  g_array_append_val (soak->t, t);
  g_array_append_val (soak->rss, r);
  g_array_append_val (soak->heap, h);
  if (((gint) t) % 30 == 0)
    g_print ("  t=%4.0f s  RSS %.1f MB  malloc in use %.1f MB  batches %" G_GUINT64_FORMAT "\n", t, r, h,
        __atomic_load_n (&soak->batches, __ATOMIC_RELAXED));
  return G_SOURCE_CONTINUE;
}

static gboolean
on_bus (GstBus * bus, GstMessage * msg, gpointer data)
{
  (void) bus;
  Soak *soak = data;
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR) {
    GError *e = NULL;
    gchar *dbg = NULL;
    gst_message_parse_error (msg, &e, &dbg);
    g_printerr ("dsnet-soak: error from %s: %s\n%s\n", GST_OBJECT_NAME (msg->src), e->message, dbg ? dbg : "");
    g_clear_error (&e);
    g_free (dbg);
    soak->failed = TRUE;
    g_main_loop_quit (soak->loop);
  } else if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS) {
    g_printerr ("dsnet-soak: unexpected end of stream\n");
    soak->failed = TRUE;
    g_main_loop_quit (soak->loop);
  }
  return G_SOURCE_CONTINUE;
}

static gchar *
describe (const Options * o)
{
  GString *d = g_string_new (NULL);
  gint cols = 1;
  while (cols * cols < o->sources)
    cols++;
  gint rows = (o->sources + cols - 1) / cols;
  g_string_append_printf (d, "dsnetstreammux name=mux batch-size=%d width=1280 height=720 batched-push-timeout=40000 ! queue ",
      o->sources);
  if (o->infer_config != NULL)
    g_string_append_printf (d, "! dsnetinfer config-file-path=\"%s\" batch-size=%d ", o->infer_config, o->sources);
  if (o->tracker_config != NULL)
    g_string_append_printf (d, "! dsnettracker tracker-width=640 tracker-height=384 ll-config-file=\"%s\" ",
        o->tracker_config);
  g_string_append_printf (d, "! queue ! dsnetmultistreamtiler rows=%d columns=%d width=1280 height=720 ", rows, cols);
  if (o->osd)
    g_string_append (d, "! queue ! dsnetosd ");
  g_string_append (d, "! fakesink name=sink sync=false async=false ");
  for (gint i = 0; i < o->sources; i++)
    g_string_append_printf (d, "uridecodebin name=src%d uri=\"%s\" ! queue ! videoconvert ! capsfilter name=feed%d "
        "caps=video/x-raw,format=RGBA ! mux.sink_%d ", i, o->uri, i, i);
  return g_string_free (d, FALSE);
}

int
main (int argc, char **argv)
{
  Options o = { 180, 45, 4, NULL, NULL, NULL, TRUE, 0, 300 };
  gchar *uri = NULL, *infer = NULL, *tracker = NULL;
  gboolean no_osd = FALSE;
  GOptionEntry entries[] = {
    {"seconds", 0, 0, G_OPTION_ARG_INT, &o.seconds, "length of the run (default 180)", "S"},
    {"warmup", 0, 0, G_OPTION_ARG_INT, &o.warmup, "seconds before the fit starts (default 45)", "S"},
    {"sources", 0, 0, G_OPTION_ARG_INT, &o.sources, "looping file sources (default 4)", "N"},
    {"uri", 0, 0, G_OPTION_ARG_STRING, &uri, "the file every source plays (required)", "URI"},
    {"infer-config", 0, 0, G_OPTION_ARG_FILENAME, &infer, "nvinfer-style config for dsnetinfer (omit: no inference)",
        "FILE"},
    {"tracker-config", 0, 0, G_OPTION_ARG_FILENAME, &tracker, "tracker YAML for dsnettracker (omit: no tracker)",
        "FILE"},
    {"no-osd", 0, 0, G_OPTION_ARG_NONE, &no_osd, "leave dsnetosd out", NULL},
    {"trim-sec", 0, 0, G_OPTION_ARG_INT, &o.trim_sec,
        "call malloc_trim(0) every S seconds (0: never), to tell allocator retention from live growth", "S"},
    {"floor-window-sec", 0, 0, G_OPTION_ARG_INT, &o.floor_window,
        "window of the RSS floor: its lowest sample per window after the warm-up (default 300)", "S"},
    {NULL, 0, 0, 0, NULL, NULL, NULL}
  };
  GOptionContext *ctx = g_option_context_new ("- flat-memory soak of the portable runtime, without .NET");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_group (ctx, gst_init_get_option_group ());
  GError *err = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &err) || uri == NULL || o.sources < 1 || o.sources > MAX_SOURCES
      || o.seconds <= o.warmup || o.floor_window < 1) {
    g_printerr ("dsnet-soak: %s\n", err ? err->message :
        "--uri is required, --sources must be 1..16, --seconds larger than --warmup and --floor-window-sec positive "
        "(see --help)");
    return 2;
  }
  g_option_context_free (ctx);
  o.uri = uri;
  o.infer_config = infer;
  o.tracker_config = tracker;
  o.osd = !no_osd;

  gchar *desc = describe (&o);
  GstElement *pipeline = gst_parse_launch (desc, &err);
  if (pipeline == NULL || err != NULL) {
    g_printerr ("dsnet-soak: %s\n  pipeline: %s\n", err ? err->message : "no pipeline", desc);
    return 2;
  }

  Soak soak = { 0 };
  soak.opt = &o;
  soak.n = o.sources;
  soak.loop = g_main_loop_new (NULL, FALSE);
  soak.t = g_array_new (FALSE, FALSE, sizeof (double));
  soak.rss = g_array_new (FALSE, FALSE, sizeof (double));
  soak.heap = g_array_new (FALSE, FALSE, sizeof (double));
  for (gint i = 0; i < o.sources; i++) {
    gchar name[32];
    Source *s = &soak.src[i];
    s->index = i;
    g_snprintf (name, sizeof name, "src%d", i);
    s->src = gst_bin_get_by_name (GST_BIN (pipeline), name);
    g_snprintf (name, sizeof name, "feed%d", i);
    GstElement *feed = gst_bin_get_by_name (GST_BIN (pipeline), name);
    s->feed = gst_element_get_static_pad (feed, "src");
    gst_object_unref (feed);
    gst_pad_add_probe (s->feed, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM | GST_PAD_PROBE_TYPE_EVENT_FLUSH,
        on_feed, s, NULL);
  }
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  GstPad *sinkpad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (sinkpad, GST_PAD_PROBE_TYPE_BUFFER, on_batch, &soak, NULL);
  gst_object_unref (sinkpad);
  gst_object_unref (sink);

  GstBus *bus = gst_element_get_bus (pipeline);
  gst_bus_add_watch (bus, on_bus, &soak);
  gst_object_unref (bus);

  g_print ("dsnet-soak: %d sources of %s, inference %s, tracker %s, OSD %s; %d s (warm-up %d s), malloc_trim %s\n",
      o.sources, o.uri, infer ? "on" : "off", tracker ? "on" : "off", o.osd ? "on" : "off", o.seconds, o.warmup,
      o.trim_sec > 0 ? "periodic" : "never");
  soak.start_us = g_get_monotonic_time ();
  g_timeout_add_seconds (1, sample, &soak);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  g_main_loop_run (soak.loop);
  SmapsSnapshot *at_end = smaps_snapshot_take ();     /* before the pipeline lets go of its memory */
  gst_element_set_state (pipeline, GST_STATE_NULL);

  double growth, first, last, hgrowth, hfirst, hlast;
  fit (soak.t, soak.rss, o.warmup, &growth, &first, &last);
  fit (soak.t, soak.heap, o.warmup, &hgrowth, &hfirst, &hlast);
  gint loops = 0;
  for (gint i = 0; i < o.sources; i++)
    loops += soak.src[i].loops;
  double secs = (double) o.seconds;
  g_print ("batches: %" G_GUINT64_FORMAT " (%.1f/s), file loops: %d\n", soak.batches, (double) soak.batches / secs, loops);
  g_print ("RSS after warm-up: %.1f -> %.1f MB, fitted growth %+.1f MB\n", first, last, growth);
  g_print ("malloc in use after warm-up: %.1f -> %.1f MB, fitted growth %+.1f MB\n", hfirst, hlast, hgrowth);
  gint windows = 0;
  double fgrowth = floor_growth (soak.t, soak.rss, o.warmup, o.floor_window, &windows);
  if (windows > 1)
    g_print ("RSS floor fitted growth over %d windows: %+.1f MB\n", windows, fgrowth);
  if (soak.at_warmup != NULL && at_end != NULL) {
    g_print ("resident growth by mapping since the warm-up (/proc/self/smaps):\n");
    smaps_snapshot_print_growth (soak.at_warmup, at_end, 8);
  }
  smaps_snapshot_free (soak.at_warmup);
  smaps_snapshot_free (at_end);

  for (gint i = 0; i < o.sources; i++) {
    gst_object_unref (soak.src[i].src);
    gst_object_unref (soak.src[i].feed);
  }
  bus = gst_element_get_bus (pipeline);
  gst_bus_remove_watch (bus);
  gst_object_unref (bus);
  gst_object_unref (pipeline);
  g_main_loop_unref (soak.loop);
  g_array_free (soak.t, TRUE);
  g_array_free (soak.rss, TRUE);
  g_array_free (soak.heap, TRUE);
  g_free (desc);
  g_free (uri);
  g_free (infer);
  g_free (tracker);
  return soak.failed ? 1 : 0;
}
