/*
 * dsnettracker on the real demo clip: decodes frames 0–59 of shared/assets/media/facemask-demo-720p.mp4
 * (Kaggle stills held ~12 frames each), uses the ground-truth boxes of facemask-demo-720p-annotations.tsv as
 * detections — with jitter, dropped frames and mask/no-mask flips, as a real detector produces — and
 * checks that every face gets one id that stays stable across its still, distinct from the other faces.
 */
#include <stdlib.h>
#include <string.h>

#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"
#include "tracker_test_batch.h"

#define CLIP_W 1280
#define CLIP_H 720
#define N_FRAMES 60
#define MAX_FACES 64

typedef struct
{
  gint segment, first, last;
  gfloat x1, y1, x2, y2;
  gint class_id;
  guint64 id;                   /* the id seen for this face (UNTRACKED until the first report) */
  gint tracked_frames, seen_frames;
} Face;

static gchar *
shared_path (const gchar * rel)
{
  const gchar *dir = g_getenv ("DSNET_SHARED_DIR");
  fail_unless (dir != NULL, "DSNET_SHARED_DIR not set");
  return g_build_filename (dir, rel, NULL);
}

static guint
load_faces (Face * faces, guint max)
{
  gchar *path = shared_path ("assets/media/facemask-demo-720p-annotations.tsv");
  gchar *text = NULL;
  fail_unless (g_file_get_contents (path, &text, NULL, NULL), "cannot read %s", path);
  gchar **lines = g_strsplit (text, "\n", -1);
  guint n = 0;
  for (guint i = 1; lines[i] && n < max; i++) {   /* line 0: header */
    gchar **f = g_strsplit (lines[i], "\t", -1);
    if (g_strv_length (f) >= 11 && atoi (f[2]) < N_FRAMES) {
      Face *fc = &faces[n++];
      memset (fc, 0, sizeof *fc);
      fc->segment = atoi (f[0]);
      fc->first = atoi (f[2]);
      fc->last = MIN (atoi (f[3]), N_FRAMES - 1);
      fc->class_id = g_str_equal (f[6], "with_mask") ? 0 : 1;
      fc->x1 = (gfloat) g_ascii_strtod (f[7], NULL);
      fc->y1 = (gfloat) g_ascii_strtod (f[8], NULL);
      fc->x2 = (gfloat) g_ascii_strtod (f[9], NULL);
      fc->y2 = (gfloat) g_ascii_strtod (f[10], NULL);
      fc->id = UNTRACKED_OBJECT_ID;
    }
    g_strfreev (f);
  }
  g_strfreev (lines);
  g_free (text);
  g_free (path);
  return n;
}

GST_START_TEST (test_demo_clip_ground_truth)
{
  Face faces[MAX_FACES];
  guint n_faces = load_faces (faces, MAX_FACES);
  fail_unless (n_faces >= 10, "expected the annotated faces of frames 0-59, got %u", n_faces);

  gchar *clip = shared_path ("assets/media/facemask-demo-720p.mp4");
  gchar *desc = g_strdup_printf ("filesrc location=\"%s\" ! decodebin ! videoconvert ! videoscale ! "
      "video/x-raw,format=RGBA,width=%d,height=%d ! appsink name=sink sync=false max-buffers=8", clip, CLIP_W,
      CLIP_H);
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch (desc, &err);
  fail_unless (pipe != NULL && err == NULL, "pipeline: %s", err ? err->message : "?");
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipe), "sink");
  fail_unless_equals_int (gst_element_set_state (pipe, GST_STATE_PLAYING), GST_STATE_CHANGE_ASYNC);

  gchar *cfg = g_build_filename (g_getenv ("DSNET_SOURCE_DIR"), "configs/tracker/config_tracker_IOU.yml", NULL);
  gchar *tdesc = g_strdup_printf ("dsnettracker ll-config-file=\"%s\"", cfg);
  GstHarness *h = gst_harness_new_parse (tdesc);
  gchar *caps = tt_batch_caps (CLIP_W, CLIP_H, 1);
  gst_harness_set_caps_str (h, caps, caps);

  GRand *rnd = g_rand_new_with_seed (20261125);
  TtObject objs[MAX_FACES];
  guint face_of[MAX_FACES];
  for (gint frame = 0; frame < N_FRAMES; frame++) {
    GstSample *sample = NULL;
    g_signal_emit_by_name (sink, "pull-sample", &sample);
    fail_unless (sample != NULL, "decoder ended at frame %d", frame);
    GstBuffer *buf = tt_batch_new (CLIP_W, CLIP_H, 1, gst_sample_get_buffer (sample));
    gst_sample_unref (sample);

    guint n = 0;
    for (guint i = 0; i < n_faces; i++) {
      Face *fc = &faces[i];
      if (frame < fc->first || frame > fc->last)
        continue;
      if (g_rand_double (rnd) < 0.1)    /* the detector misses the face in 10 % of the frames */
        continue;
      gfloat w = fc->x2 - fc->x1, hh = fc->y2 - fc->y1;
      gfloat j = 0.03f;                 /* ±3 % of the size */
      TtObject *o = &objs[n];
      o->left = fc->x1 + w * (gfloat) g_rand_double_range (rnd, -j, j);
      o->top = fc->y1 + hh * (gfloat) g_rand_double_range (rnd, -j, j);
      o->width = w * (1 + (gfloat) g_rand_double_range (rnd, -j, j));
      o->height = hh * (1 + (gfloat) g_rand_double_range (rnd, -j, j));
      o->class_id = g_rand_double (rnd) < 0.1 ? 1 - fc->class_id : fc->class_id;     /* class flips */
      o->confidence = (gfloat) g_rand_double_range (rnd, 0.5, 0.99);
      o->label = o->class_id == 0 ? "mask" : "no-mask";
      face_of[n++] = i;
    }
    tt_batch_add_frame (buf, 0, 0, frame, objs, n);
    GstBuffer *out = gst_harness_push_and_pull (h, buf);
    NvDsFrameMeta *fm = tt_batch_frame (out, 0);
    fail_unless (fm != NULL);
    for (guint k = 0; k < n; k++) {
      Face *fc = &faces[face_of[k]];
      NvDsObjectMeta *o = tt_frame_object (fm, k);
      fail_unless (o != NULL);
      fc->seen_frames++;
      if (o->object_id == UNTRACKED_OBJECT_ID) {
        /* once confirmed, a face stays tracked: a missed detection only makes its target LOST */
        fail_unless (fc->id == UNTRACKED_OBJECT_ID, "frame %d: face %u of segment %d lost its id %"
            G_GUINT64_FORMAT, frame, face_of[k], fc->segment, fc->id);
        continue;
      }
      fc->tracked_frames++;
      if (fc->id == UNTRACKED_OBJECT_ID)
        fc->id = o->object_id;
      fail_unless (o->object_id == fc->id, "frame %d: face %u of segment %d changed id %" G_GUINT64_FORMAT
          " -> %" G_GUINT64_FORMAT, frame, face_of[k], fc->segment, fc->id, o->object_id);
    }
    gst_buffer_unref (out);
  }

  for (guint i = 0; i < n_faces; i++) {
    Face *a = &faces[i];
    GST_INFO ("face %u seg %d frames %d-%d: id %" G_GUINT64_FORMAT ", tracked %d/%d", i, a->segment, a->first,
        a->last, a->id, a->tracked_frames, a->seen_frames);
    if (a->last - a->first >= 8) {
      /* probation: 4 consecutive matches (a miss in probation restarts it: earlyTerminationAge 1) */
      fail_unless (a->id != UNTRACKED_OBJECT_ID, "face %u (segment %d) never tracked", i, a->segment);
    }
    for (guint k = i + 1; k < n_faces; k++)
      if (faces[k].segment == a->segment && a->id != UNTRACKED_OBJECT_ID)
        fail_if (faces[k].id == a->id, "faces %u and %u of segment %d share id %" G_GUINT64_FORMAT, i, k,
            a->segment, a->id);
  }

  g_rand_free (rnd);
  gst_harness_teardown (h);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pipe);
  g_free (caps);
  g_free (tdesc);
  g_free (cfg);
  g_free (desc);
  g_free (clip);
}

GST_END_TEST;

static Suite *
tracker_clip_suite (void)
{
  Suite *s = suite_create ("dsnettracker-clip");
  TCase *tc = tcase_create ("clip");
  tcase_set_timeout (tc, 120);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_demo_clip_ground_truth);
  return s;
}

GST_CHECK_MAIN (tracker_clip);
