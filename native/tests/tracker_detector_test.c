/*
 * dsnettracker behind the real detector: facemask-demo-720p.mp4 → dsnetstreammux → dsnetinfer (UltraFace
 * RFB-640 masked-face ONNX model; MIT licence, trained on WIDER FACE and MAFA, research/non-commercial datasets)
 * → dsnettracker. Checks id stability on the Kaggle stills against the ground truth (frames 0–149), and
 * track continuity on the people walking toward the camera (frames 550–707, no ground truth), and with the
 * detector on every other frame (`interval=1`) the tracker's predicted faces on the frames in between.
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gst/check/gstcheck.h>

#include "check_ort_main.h"
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

#define MAX_FRAMES 708

typedef struct
{
  guint64 id;
  gfloat l, t, w, h;
  gfloat conf;
} Obs;

typedef struct
{
  gint first, last;             /* clip frames fed to the muxer */
  gint decoded;                 /* decoder output counter */
  GArray *frames[MAX_FRAMES];   /* Obs per clip frame (tracked objects only) */
  gint n_out, n_objects;
} Run;

static gchar *
path_in (const gchar * env, const gchar * rel)
{
  const gchar *dir = g_getenv (env);
  fail_unless (dir != NULL, "%s not set", env);
  return g_build_filename (dir, rel, NULL);
}

/*
 * The face-mask portable dsnetinfer config with its model taken from the shared assets (the repo config
 * points at <repo>/assets, filled by `dsnet assets fetch`). Written to `dir`; returns its path.
 */
static gchar *
write_infer_config (const gchar * dir)
{
  gchar *src = path_in ("DSNET_SOURCE_DIR", "configs/face-mask/portable/config_infer_primary_ultraface.txt");
  gchar *model = path_in ("DSNET_SHARED_DIR", "assets/models/ultraface/RFB-640-masked_face-v2.onnx");
  gchar *labels = path_in ("DSNET_SOURCE_DIR", "configs/face-mask/portable/labels_masknet.txt");
  gchar *text = NULL;
  fail_unless (g_file_get_contents (src, &text, NULL, NULL), "cannot read %s", src);
  gchar **lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  for (guint i = 0; lines[i]; i++) {
    if (g_str_has_prefix (lines[i], "onnx-file="))
      g_string_append_printf (out, "onnx-file=%s\n", model);
    else if (g_str_has_prefix (lines[i], "labelfile-path="))
      g_string_append_printf (out, "labelfile-path=%s\n", labels);
    else
      g_string_append_printf (out, "%s\n", lines[i]);
  }
  gchar *path = g_build_filename (dir, "pgie.txt", NULL);
  fail_unless (g_file_set_contents (path, out->str, -1, NULL));
  g_string_free (out, TRUE);
  g_strfreev (lines);
  g_free (text);
  g_free (labels);
  g_free (model);
  g_free (src);
  return path;
}

static GstPadProbeReturn
select_frames (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  (void) pad;
  (void) info;
  Run *run = user_data;
  gint idx = run->decoded++;
  return idx >= run->first && idx <= run->last ? GST_PAD_PROBE_OK : GST_PAD_PROBE_DROP;
}

static GstPadProbeReturn
collect (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  (void) pad;
  Run *run = user_data;
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (GST_PAD_PROBE_INFO_BUFFER (info));
  fail_unless (batch != NULL);
  for (GList * l = batch->frame_meta_list; l; l = l->next) {
    NvDsFrameMeta *fm = l->data;
    gint frame = run->first + fm->frame_num;
    fail_unless (frame >= 0 && frame < MAX_FRAMES);
    run->n_out++;
    for (GList * o = fm->obj_meta_list; o; o = o->next) {
      NvDsObjectMeta *obj = o->data;
      run->n_objects++;
      if (obj->object_id == UNTRACKED_OBJECT_ID)
        continue;
      Obs ob = { obj->object_id, obj->rect_params.left, obj->rect_params.top, obj->rect_params.width,
        obj->rect_params.height, obj->confidence
      };
      g_array_append_val (run->frames[frame], ob);
    }
  }
  return GST_PAD_PROBE_OK;
}

static void
run_pipeline (Run * run, gint first, gint last, guint interval)
{
  memset (run, 0, sizeof *run);
  run->first = first;
  run->last = last;
  for (gint i = 0; i < MAX_FRAMES; i++)
    run->frames[i] = g_array_new (FALSE, FALSE, sizeof (Obs));

  gchar *clip = path_in ("DSNET_SHARED_DIR", "assets/media/facemask-demo-720p.mp4");
  gchar *tmp = g_dir_make_tmp ("dsnet-trk-XXXXXX", NULL);
  fail_unless (tmp != NULL);
  gchar *infer = write_infer_config (tmp);
  gchar *trk = path_in ("DSNET_SOURCE_DIR", "configs/tracker/config_tracker_IOU.yml");
  gchar *desc = g_strdup_printf ("filesrc location=\"%s\" ! qtdemux ! h264parse ! avdec_h264 name=dec ! "
      "videoconvert ! m.sink_0 dsnetstreammux name=m batch-size=1 width=1280 height=720 ! "
      "dsnetinfer config-file-path=\"%s\" interval=%u ! dsnettracker name=trk ll-config-file=\"%s\" ! "
      "fakesink sync=false", clip, infer, interval, trk);
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch (desc, &err);
  fail_unless (pipe != NULL && err == NULL, "pipeline: %s", err ? err->message : "?");

  GstElement *dec = gst_bin_get_by_name (GST_BIN (pipe), "dec");
  GstPad *dec_src = gst_element_get_static_pad (dec, "src");
  gst_pad_add_probe (dec_src, GST_PAD_PROBE_TYPE_BUFFER, select_frames, run, NULL);
  GstElement *tracker = gst_bin_get_by_name (GST_BIN (pipe), "trk");
  GstPad *trk_src = gst_element_get_static_pad (tracker, "src");
  gst_pad_add_probe (trk_src, GST_PAD_PROBE_TYPE_BUFFER, collect, run, NULL);

  gst_element_set_state (pipe, GST_STATE_PLAYING);
  GstBus *bus = gst_element_get_bus (pipe);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, 100 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg != NULL, "pipeline timed out");
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR) {
    gchar *dbg = NULL;
    gst_message_parse_error (msg, &err, &dbg);
    fail ("pipeline error: %s (%s)", err->message, dbg ? dbg : "");
  }
  gst_message_unref (msg);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gint expected = last - first + 1;
  fail_unless_equals_int (run->n_out, expected);

  gst_object_unref (bus);
  gst_object_unref (trk_src);
  gst_object_unref (tracker);
  gst_object_unref (dec_src);
  gst_object_unref (dec);
  gst_object_unref (pipe);
  g_free (desc);
  g_free (trk);
  g_unlink (infer);
  g_rmdir (tmp);
  g_free (tmp);
  g_free (infer);
  g_free (clip);
}

static void
run_free (Run * run)
{
  for (gint i = 0; i < MAX_FRAMES; i++)
    g_array_unref (run->frames[i]);
}

static gfloat
iou (gfloat al, gfloat at, gfloat aw, gfloat ah, gfloat bl, gfloat bt, gfloat bw, gfloat bh)
{
  gfloat x1 = MAX (al, bl), y1 = MAX (at, bt), x2 = MIN (al + aw, bl + bw), y2 = MIN (at + ah, bt + bh);
  if (x2 <= x1 || y2 <= y1)
    return 0;
  gfloat inter = (x2 - x1) * (y2 - y1);
  return inter / (aw * ah + bw * bh - inter);
}

typedef struct
{
  gint segment, first, last;
  gfloat l, t, w, h;
  GHashTable *ids;              /* ids of tracked detections matched to this face */
} GtFace;

/* Kaggle stills: a face the detector finds keeps one id for its whole still; faces never share an id. */
GST_START_TEST (test_stills_ground_truth)
{
  const gint first = 0, last = 87;
  Run run;
  run_pipeline (&run, first, last, 0);
  fail_unless (run.n_objects > 50, "the detector found only %d objects", run.n_objects);

  gchar *path = path_in ("DSNET_SHARED_DIR", "assets/media/facemask-demo-720p-annotations.tsv");
  gchar *text = NULL;
  fail_unless (g_file_get_contents (path, &text, NULL, NULL));
  gchar **lines = g_strsplit (text, "\n", -1);
  GArray *faces = g_array_new (FALSE, TRUE, sizeof (GtFace));
  for (guint i = 1; lines[i]; i++) {
    gchar **f = g_strsplit (lines[i], "\t", -1);
    if (g_strv_length (f) >= 11 && atoi (f[3]) <= last) {
      GtFace g = { atoi (f[0]), atoi (f[2]), atoi (f[3]), 0, 0, 0, 0, NULL };
      gfloat x1 = (gfloat) g_ascii_strtod (f[7], NULL), y1 = (gfloat) g_ascii_strtod (f[8], NULL);
      g.l = x1;
      g.t = y1;
      g.w = (gfloat) g_ascii_strtod (f[9], NULL) - x1;
      g.h = (gfloat) g_ascii_strtod (f[10], NULL) - y1;
      g.ids = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_array_append_val (faces, g);
    }
    g_strfreev (f);
  }

  for (gint fr = first; fr <= last; fr++) {
    GArray *obs = run.frames[fr];
    for (guint k = 0; k < obs->len; k++) {
      Obs *o = &g_array_index (obs, Obs, k);
      GtFace *best = NULL;
      gfloat best_iou = 0.4f;
      for (guint i = 0; i < faces->len; i++) {
        GtFace *g = &g_array_index (faces, GtFace, i);
        if (fr < g->first || fr > g->last)
          continue;
        gfloat v = iou (o->l, o->t, o->w, o->h, g->l, g->t, g->w, g->h);
        if (v > best_iou) {
          best_iou = v;
          best = g;
        }
      }
      if (best)
        g_hash_table_add (best->ids, &o->id);
    }
  }

  guint found = 0, single = 0;
  for (guint i = 0; i < faces->len; i++) {
    GtFace *g = &g_array_index (faces, GtFace, i);
    guint n = g_hash_table_size (g->ids);
    GST_INFO ("segment %d face %u (%.0fx%.0f): %u id(s)", g->segment, i, g->w, g->h, n);
    if (n == 0)
      continue;
    found++;
    if (n == 1)
      single++;
    for (guint j = i + 1; j < faces->len; j++) {
      GtFace *h = &g_array_index (faces, GtFace, j);
      if (h->segment != g->segment)
        continue;
      GHashTableIter it;
      gpointer key;
      g_hash_table_iter_init (&it, g->ids);
      while (g_hash_table_iter_next (&it, &key, NULL))
        fail_if (g_hash_table_contains (h->ids, key), "faces %u and %u of segment %d share id %"
            G_GUINT64_FORMAT, i, j, g->segment, *(guint64 *) key);
    }
  }
  GST_INFO ("%u of %u faces tracked, %u with a single id", found, faces->len, single);
  fail_unless (found >= 10, "only %u ground-truth faces were tracked", found);
  fail_unless (single * 10 >= found * 9, "only %u of %u tracked faces kept one id", single, found);

  for (guint i = 0; i < faces->len; i++)
    g_hash_table_destroy (g_array_index (faces, GtFace, i).ids);
  g_array_unref (faces);
  g_strfreev (lines);
  g_free (text);
  g_free (path);
  run_free (&run);
}

GST_END_TEST;

/* People walking toward the camera: long, continuous tracks rather than a new id every few frames. */
GST_START_TEST (test_walking_continuity)
{
  const gint first = 550, last = 657;
  Run run;
  run_pipeline (&run, first, last, 0);
  GHashTable *len = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint tracked = 0;
  for (gint fr = first; fr <= last; fr++) {
    GArray *obs = run.frames[fr];
    for (guint k = 0; k < obs->len; k++) {
      guint64 *key = g_new (guint64, 1);
      *key = g_array_index (obs, Obs, k).id;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (len, key));
      g_hash_table_replace (len, key, GUINT_TO_POINTER (n + 1));
      tracked++;
    }
  }
  guint ids = g_hash_table_size (len), longest = 0;
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init (&it, len);
  while (g_hash_table_iter_next (&it, NULL, &v))
    longest = MAX (longest, GPOINTER_TO_UINT (v));
  GST_INFO ("walking part: %d objects, %u tracked object-frames, %u ids, longest track %u frames",
      run.n_objects, tracked, ids, longest);
  fail_unless (ids > 0, "nothing tracked on the walking part (%d detections)", run.n_objects);
  fail_unless (longest >= 30, "longest track only %u frames", longest);
  fail_unless (tracked >= ids * 10, "tracks too fragmented: %u object-frames over %u ids", tracked, ids);
  g_hash_table_destroy (len);
  run_free (&run);
}

GST_END_TEST;

/*
 * interval=1 (the detector skips every other frame, a usual DeepStream setting): on the skipped frames the tracker
 * adds its confirmed faces at their predicted boxes (confidence −0.1, the ids of the frame before), and those boxes
 * lie where the detector, run on every frame, finds the faces.
 */
GST_START_TEST (test_interval_carries_faces)
{
  const gint first = 550, last = 657;
  Run every, skip;
  run_pipeline (&every, first, last, 0);
  run_pipeline (&skip, first, last, 1);
  guint carried = 0, near = 0;
  for (gint fr = first + 1; fr <= last; fr++) {
    GArray *obs = skip.frames[fr], *prev = skip.frames[fr - 1];
    gboolean skipped = (fr - first) % 2 == 1;
    for (guint k = 0; k < obs->len; k++) {
      Obs *o = &g_array_index (obs, Obs, k);
      if (!skipped) {
        fail_unless (o->conf >= 0, "frame %d: detector's object with confidence %g", fr, o->conf);
        continue;
      }
      carried++;
      fail_unless_equals_float (o->conf, -0.1f);
      gboolean seen = FALSE;
      for (guint j = 0; j < prev->len && !seen; j++)
        seen = g_array_index (prev, Obs, j).id == o->id;
      fail_unless (seen, "frame %d: carried id %" G_GUINT64_FORMAT " was not tracked on the frame before", fr,
          o->id);
      gfloat best = 0;
      for (guint j = 0; j < every.frames[fr]->len; j++) {
        Obs *d = &g_array_index (every.frames[fr], Obs, j);
        best = MAX (best, iou (o->l, o->t, o->w, o->h, d->l, d->t, d->w, d->h));
      }
      near += best >= 0.5f;
    }
    if (skipped)
      fail_unless (obs->len >= prev->len, "frame %d: %u faces carried of %u tracked", fr, obs->len, prev->len);
  }
  GST_INFO ("interval=1: %u faces carried over skipped frames, %u within IoU 0.5 of the every-frame detections",
      carried, near);
  fail_unless (carried >= 50, "only %u faces carried", carried);
  fail_unless (near * 10 >= carried * 8, "only %u of %u carried boxes near a detection", near, carried);
  run_free (&every);
  run_free (&skip);
}

GST_END_TEST;

static Suite *
tracker_detector_suite (void)
{
  Suite *s = suite_create ("dsnettracker-detector");
  TCase *tc = tcase_create ("detector");
  tcase_set_timeout (tc, 300);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_stills_ground_truth);
  tcase_add_test (tc, test_walking_continuity);
  tcase_add_test (tc, test_interval_carries_faces);
  return s;
}

DSNET_CHECK_ORT_MAIN (tracker_detector);
