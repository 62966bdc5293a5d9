/*
 * Unit tests of the dsnettracker core (native/plugin/tracker/dsnet_tracker.c) on synthetic detections.
 * No GStreamer: GLib's test framework only.
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "dsnet_tracker.h"

static DsnetTrkDetection
det (gfloat l, gfloat t, gfloat w, gfloat h, gint cls)
{
  DsnetTrkDetection d;
  memset (&d, 0, sizeof d);
  d.box.left = l;
  d.box.top = t;
  d.box.width = w;
  d.box.height = h;
  d.class_id = cls;
  d.confidence = 0.9f;
  return d;
}

static DsnetTrackerConfig
cfg_default (void)
{
  DsnetTrackerConfig c;
  dsnet_tracker_config_init (&c);
  return c;
}

/* Two objects cross each other (opposite horizontal motion, slightly offset rows); ids must not swap. */
static void
test_crossing_objects (gconstpointer data)
{
  DsnetTrackerConfig c = cfg_default ();
  c.matcher = GPOINTER_TO_INT (data);
  DsnetTracker *t = dsnet_tracker_new (&c);
  guint64 id_a = DSNET_TRK_UNTRACKED, id_b = DSNET_TRK_UNTRACKED;
  gboolean crossed = FALSE;
  for (gint f = 0; f < 60; f++) {
    DsnetTrkDetection d[2] = {
      det (100 + 8.0f * f, 200, 60, 80, 0),
      det (580 - 8.0f * f, 215, 64, 84, 0),
    };
    dsnet_tracker_update (t, 0, d, 2);
    if (d[0].box.left > d[1].box.left)
      crossed = TRUE;
    if (f < (gint) c.probation_age) {
      g_assert_cmpuint (d[0].object_id, ==, DSNET_TRK_UNTRACKED);
      g_assert_cmpuint (d[1].object_id, ==, DSNET_TRK_UNTRACKED);
      continue;
    }
    g_assert_cmpuint (d[0].object_id, !=, DSNET_TRK_UNTRACKED);
    g_assert_cmpuint (d[1].object_id, !=, DSNET_TRK_UNTRACKED);
    if (id_a == DSNET_TRK_UNTRACKED) {
      id_a = d[0].object_id;
      id_b = d[1].object_id;
      g_assert_cmpuint (id_a, !=, id_b);
    }
    g_assert_cmpuint (d[0].object_id, ==, id_a);
    g_assert_cmpuint (d[1].object_id, ==, id_b);
    g_assert_cmpint (d[0].state, ==, DSNET_TRK_CONFIRMED);
  }
  g_assert_true (crossed);
  dsnet_tracker_free (t);
}

/* An object hidden for a few frames keeps its id; while hidden its target is LOST and moves on. */
static void
test_occlusion_gap (void)
{
  DsnetTrackerConfig c = cfg_default ();
  DsnetTracker *t = dsnet_tracker_new (&c);
  guint64 id = DSNET_TRK_UNTRACKED;
  for (gint f = 0; f < 40; f++) {
    gfloat x = 50 + 6.0f * f;
    gboolean hidden = f >= 15 && f < 21;     /* 6-frame gap */
    DsnetTrkDetection d = det (x, 300, 70, 70, 1);
    dsnet_tracker_update (t, 3, &d, hidden ? 0 : 1);
    if (hidden) {
      DsnetTrkTarget tg[4];
      g_assert_cmpuint (dsnet_tracker_get_targets (t, 3, tg, 4), ==, 1);
      g_assert_cmpint (tg[0].state, ==, DSNET_TRK_LOST);
      g_assert_cmpuint (tg[0].id, ==, id);
      g_assert_cmpuint (tg[0].misses, ==, (guint) (f - 14));
      /* the prediction follows the motion (constant velocity), within a few pixels */
      g_assert_cmpfloat (fabsf (tg[0].box.left - x), <, 6.0f);
      continue;
    }
    if (f >= (gint) c.probation_age) {
      if (id == DSNET_TRK_UNTRACKED)
        id = d.object_id;
      g_assert_cmpuint (d.object_id, ==, id);
      g_assert_cmpuint (id, !=, DSNET_TRK_UNTRACKED);
    }
  }
  g_assert_cmpuint (dsnet_tracker_peek_next_id (t), ==, id + 1);
  dsnet_tracker_free (t);
}

/* Objects appear and disappear; a newcomer gets a fresh, larger id. */
static void
test_appear_disappear (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.max_shadow_tracking_age = 5;
  DsnetTracker *t = dsnet_tracker_new (&c);
  guint64 first = DSNET_TRK_UNTRACKED, second = DSNET_TRK_UNTRACKED;
  for (gint f = 0; f < 50; f++) {
    DsnetTrkDetection d[2];
    gsize n = 0;
    if (f >= 2 && f < 20)
      d[n++] = det (100, 100, 50, 50, 0);
    if (f >= 25)
      d[n++] = det (600, 400, 40, 60, 0);
    dsnet_tracker_update (t, 0, d, n);
    if (f == 19)
      first = d[0].object_id;
    if (f == 49)
      second = d[0].object_id;
    if (f == 24) {
      /* first object: lost since frame 20, 5 misses, still in shadow */
      DsnetTrkTarget tg[4];
      g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, tg, 4), ==, 1);
      g_assert_cmpint (tg[0].state, ==, DSNET_TRK_LOST);
    }
    if (f == 26) {
      /* expired (6 misses > maxShadowTrackingAge 5); only the newcomer's tentative target remains */
      DsnetTrkTarget tg[4];
      g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, tg, 4), ==, 1);
      g_assert_cmpint (tg[0].state, ==, DSNET_TRK_TENTATIVE);
      g_assert_cmpuint (tg[0].id, ==, DSNET_TRK_UNTRACKED);
    }
  }
  g_assert_cmpuint (first, !=, DSNET_TRK_UNTRACKED);
  g_assert_cmpuint (second, !=, DSNET_TRK_UNTRACKED);
  g_assert_cmpuint (second, >, first);
  dsnet_tracker_free (t);
}

/* Tentative targets are not reported; a one-frame flicker is terminated early and consumes no id. */
static void
test_tentative_not_reported (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.probation_age = 4;
  c.early_termination_age = 1;
  DsnetTracker *t = dsnet_tracker_new (&c);

  /* flicker: seen twice, then gone */
  for (gint f = 0; f < 2; f++) {
    DsnetTrkDetection d = det (10, 10, 30, 30, 0);
    dsnet_tracker_update (t, 0, &d, 1);
    g_assert_cmpuint (d.object_id, ==, DSNET_TRK_UNTRACKED);
    g_assert_cmpint (d.state, ==, DSNET_TRK_TENTATIVE);
    g_assert_cmpfloat (d.tracker_confidence, ==, 0.0f);
  }
  dsnet_tracker_update (t, 0, NULL, 0);
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, NULL, 0), ==, 0);
  g_assert_cmpuint (dsnet_tracker_peek_next_id (t), ==, 0);

  /* steady object: reported from its 5th frame (creation + probationAge matches) */
  for (gint f = 0; f < 10; f++) {
    DsnetTrkDetection d = det (200, 10, 30, 30, 0);
    dsnet_tracker_update (t, 0, &d, 1);
    if (f < 4) {
      g_assert_cmpuint (d.object_id, ==, DSNET_TRK_UNTRACKED);
    } else {
      g_assert_cmpuint (d.object_id, ==, 0);
      g_assert_cmpfloat (d.tracker_confidence, >, 0.9f);
      g_assert_cmpfloat (fabsf (d.tracker_box.left - 200), <, 1.0f);
      g_assert_cmpfloat (fabsf (d.tracker_box.width - 30), <, 1.0f);
    }
  }
  dsnet_tracker_free (t);
}

/* probationAge 0: confirmed on the first frame. */
static void
test_probation_zero (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.probation_age = 0;
  DsnetTracker *t = dsnet_tracker_new (&c);
  DsnetTrkDetection d = det (0, 0, 10, 10, 0);
  dsnet_tracker_update (t, 0, &d, 1);
  g_assert_cmpuint (d.object_id, ==, 0);
  g_assert_cmpfloat (d.tracker_confidence, ==, 1.0f);
  dsnet_tracker_free (t);
}

/* A lost target expires after maxShadowTrackingAge misses; the object coming back gets a new id. */
static void
test_lost_expiry (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.max_shadow_tracking_age = 3;
  c.probation_age = 1;
  DsnetTracker *t = dsnet_tracker_new (&c);
  DsnetTrkDetection d = det (100, 100, 40, 40, 0);
  dsnet_tracker_update (t, 0, &d, 1);
  dsnet_tracker_update (t, 0, &d, 1);
  guint64 id = d.object_id;
  g_assert_cmpuint (id, ==, 0);
  for (gint i = 0; i < 3; i++) {
    dsnet_tracker_update (t, 0, NULL, 0);
    g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, NULL, 0), ==, 1);
  }
  /* back within maxShadowTrackingAge: same id */
  d = det (100, 100, 40, 40, 0);
  dsnet_tracker_update (t, 0, &d, 1);
  g_assert_cmpuint (d.object_id, ==, id);
  for (gint i = 0; i < 4; i++)
    dsnet_tracker_update (t, 0, NULL, 0);
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, NULL, 0), ==, 0);
  for (gint i = 0; i < 2; i++) {
    d = det (100, 100, 40, 40, 0);
    dsnet_tracker_update (t, 0, &d, 1);
  }
  g_assert_cmpuint (d.object_id, ==, id + 1);
  dsnet_tracker_free (t);
}

/* A lost target predicted out of the frame is terminated at once (frame size known). */
static void
test_leaves_frame (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.probation_age = 0;
  DsnetTracker *t = dsnet_tracker_new (&c);
  /* moves right by 20 px per frame; last seen touching the right edge of a 640-wide frame */
  for (gint f = 0; f < 10; f++) {
    DsnetTrkDetection d = det (420 + 20.0f * f, 100, 60, 60, 0);
    dsnet_tracker_update_in_frame (t, 0, &d, 1, 640, 480);
  }
  DsnetTrkTarget tg[2];
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, tg, 2), ==, 1);
  /* still overlapping the frame on the first miss: lost; gone within a few frames (not maxShadowTrackingAge) */
  dsnet_tracker_update_in_frame (t, 0, NULL, 0, 640, 480);
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, tg, 2), ==, 1);
  g_assert_cmpint (tg[0].state, ==, DSNET_TRK_LOST);
  gint misses = 1;
  while (dsnet_tracker_get_targets (t, 0, tg, 2) == 1 && misses < 30) {
    g_assert_cmpfloat (tg[0].box.left, <, 640.0f);
    dsnet_tracker_update_in_frame (t, 0, NULL, 0, 640, 480);
    misses++;
  }
  g_assert_cmpint (misses, <=, 4);
  /* frame size unknown: shadow tracking goes on */
  for (gint f = 0; f < 10; f++) {
    DsnetTrkDetection d = det (420 + 20.0f * f, 100, 60, 60, 0);
    dsnet_tracker_update (t, 1, &d, 1);
  }
  for (gint f = 0; f < 5; f++)
    dsnet_tracker_update (t, 1, NULL, 0);
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 1, tg, 2), ==, 1);
  dsnet_tracker_free (t);
}

/* Sources are tracked independently and never share ids; resetting one leaves the other alone. */
static void
test_independent_sources (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.probation_age = 0;
  DsnetTracker *t = dsnet_tracker_new (&c);
  guint64 ids[3][5];
  for (gint f = 0; f < 5; f++) {
    for (guint s = 0; s < 3; s++) {
      DsnetTrkDetection d = det (100 + 2.0f * f, 100, 50, 50, 0);   /* same box in every source */
      dsnet_tracker_update (t, s * 7, &d, 1);
      ids[s][f] = d.object_id;
    }
  }
  for (guint s = 0; s < 3; s++) {
    g_assert_cmpuint (ids[s][0], ==, s);      /* confirmation order, monotonically increasing */
    for (gint f = 1; f < 5; f++)
      g_assert_cmpuint (ids[s][f], ==, ids[s][0]);
  }
  dsnet_tracker_reset_source (t, 7);
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 7, NULL, 0), ==, 0);
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, NULL, 0), ==, 1);
  DsnetTrkDetection d0 = det (110, 100, 50, 50, 0), d7 = det (110, 100, 50, 50, 0);
  dsnet_tracker_update (t, 0, &d0, 1);
  dsnet_tracker_update (t, 7, &d7, 1);
  g_assert_cmpuint (d0.object_id, ==, ids[0][0]);
  g_assert_cmpuint (d7.object_id, ==, 3);     /* new id, never a reused one */
  dsnet_tracker_free (t);
}

/* reset_all terminates everything; ids keep increasing. */
static void
test_reset_all (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.probation_age = 2;
  DsnetTracker *t = dsnet_tracker_new (&c);
  DsnetTrkDetection d;
  for (gint f = 0; f < 3; f++) {
    d = det (5, 5, 20, 20, 0);
    dsnet_tracker_update (t, 1, &d, 1);
  }
  g_assert_cmpuint (d.object_id, ==, 0);
  dsnet_tracker_reset_all (t);
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 1, NULL, 0), ==, 0);
  for (gint f = 0; f < 3; f++) {
    d = det (5, 5, 20, 20, 0);
    dsnet_tracker_update (t, 1, &d, 1);
    if (f < 2)
      g_assert_cmpuint (d.object_id, ==, DSNET_TRK_UNTRACKED);     /* probation again */
  }
  g_assert_cmpuint (d.object_id, ==, 1);
  dsnet_tracker_free (t);
}

/* Greedy vs global association on a case where they differ. */
static void
test_greedy_vs_global (void)
{
  for (gint m = 0; m < 2; m++) {
    DsnetTrackerConfig c = cfg_default ();
    c.probation_age = 0;
    c.use_kalman = FALSE;
    c.min_score_iou = 0.1f;
    c.matcher = m == 0 ? DSNET_TRK_MATCHER_GREEDY : DSNET_TRK_MATCHER_GLOBAL;
    DsnetTracker *t = dsnet_tracker_new (&c);
    DsnetTrkDetection d[2] = { det (0, 0, 100, 100, 0), det (100, 0, 100, 100, 0) };
    dsnet_tracker_update (t, 0, d, 2);
    g_assert_cmpuint (d[0].object_id, ==, 0);
    g_assert_cmpuint (d[1].object_id, ==, 1);
    /* IoU(T0,D0)=0.538, IoU(T0,D1)=0.667, IoU(T1,D1)=0.111, IoU(T1,D0)=0 */
    d[0] = det (-30, 0, 100, 100, 0);
    d[1] = det (20, 0, 100, 100, 0);
    dsnet_tracker_update (t, 0, d, 2);
    if (m == 0) {
      g_assert_cmpuint (d[1].object_id, ==, 0);   /* best pair first */
      g_assert_cmpuint (d[0].object_id, ==, 2);   /* left over: a new target */
    } else {
      g_assert_cmpuint (d[0].object_id, ==, 0);   /* maximum total score */
      g_assert_cmpuint (d[1].object_id, ==, 1);
    }
    dsnet_tracker_free (t);
  }
}

/* Gating: class match, detector confidence, IoU threshold, target cap, minIouDiff4NewTarget. */
static void
test_gating (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.probation_age = 0;
  c.max_targets_per_stream = 2;
  c.min_detector_confidence = 0.5f;
  DsnetTracker *t = dsnet_tracker_new (&c);

  DsnetTrkDetection d[4] = {
    det (0, 0, 50, 50, 0), det (100, 0, 50, 50, 0), det (200, 0, 50, 50, 0), det (300, 0, 50, 50, 0)
  };
  d[3].confidence = 0.2f;
  dsnet_tracker_update (t, 0, d, 4);
  g_assert_cmpuint (d[0].object_id, ==, 0);
  g_assert_cmpuint (d[1].object_id, ==, 1);
  g_assert_cmpuint (d[2].object_id, ==, DSNET_TRK_UNTRACKED);      /* over maxTargetsPerStream */
  g_assert_cmpuint (d[3].object_id, ==, DSNET_TRK_UNTRACKED);      /* below minDetectorConfidence */

  /* unknown confidence (−0.1, GroupRectangles) is not filtered; broken boxes are never tracked */
  {
    DsnetTrackerConfig c2 = cfg_default ();
    c2.probation_age = 0;
    c2.min_detector_confidence = 0.5f;
    DsnetTracker *t2 = dsnet_tracker_new (&c2);
    DsnetTrkDetection u[3] = { det (0, 0, 50, 50, 0), det (100, 0, NAN, 50, 0), det (200, 0, 50, -5, 0) };
    u[0].confidence = -0.1f;
    dsnet_tracker_update (t2, 0, u, 3);
    g_assert_cmpuint (u[0].object_id, ==, 0);
    g_assert_cmpuint (u[1].object_id, ==, DSNET_TRK_UNTRACKED);
    g_assert_cmpuint (u[2].object_id, ==, DSNET_TRK_UNTRACKED);
    dsnet_tracker_free (t2);
  }

  /* class changes: no association (checkClassMatch); no new target over the old one either */
  DsnetTrkDetection e = det (0, 0, 50, 50, 1);
  dsnet_tracker_update (t, 0, &e, 1);
  g_assert_cmpuint (e.object_id, ==, DSNET_TRK_UNTRACKED);
  dsnet_tracker_free (t);

  c.check_class_match = FALSE;
  t = dsnet_tracker_new (&c);
  e = det (0, 0, 50, 50, 0);
  dsnet_tracker_update (t, 0, &e, 1);
  e = det (2, 0, 50, 50, 1);
  dsnet_tracker_update (t, 0, &e, 1);
  g_assert_cmpuint (e.object_id, ==, 0);
  /* too little overlap: IoU(prev, new) < minMatchingScore4Iou → a new target */
  e = det (40, 0, 50, 50, 1);
  dsnet_tracker_update (t, 0, &e, 1);
  g_assert_cmpuint (e.object_id, ==, 1);
  dsnet_tracker_free (t);
}

/* The filtered box is steadier than the jittered detections. */
static void
test_kalman_smoothing (void)
{
  DsnetTrackerConfig c = cfg_default ();
  DsnetTracker *t = dsnet_tracker_new (&c);
  GRand *r = g_rand_new_with_seed (7);
  gdouble err_det = 0, err_trk = 0;
  gint n = 0;
  for (gint f = 0; f < 100; f++) {
    gfloat truth = 100 + 3.0f * f;
    DsnetTrkDetection d = det (truth + (gfloat) g_rand_double_range (r, -4, 4), 200, 80, 80, 0);
    dsnet_tracker_update (t, 0, &d, 1);
    if (f >= 20) {
      g_assert_cmpuint (d.object_id, ==, 0);
      err_det += fabs (d.box.left - truth);
      err_trk += fabs (d.tracker_box.left - truth);
      n++;
    }
  }
  g_assert_cmpint (n, ==, 80);
  g_assert_cmpfloat (err_trk, <, err_det * 0.8);
  g_rand_free (r);
  dsnet_tracker_free (t);
}

/* Frames the detector skipped (interval 2): confirmed targets are predicted on, keep their ids, are not aged,
 * and the next detection frame matches them; a lost or tentative target is not reported. */
static void
test_carry_skipped_frames (void)
{
  DsnetTrackerConfig c = cfg_default ();
  c.probation_age = 0;
  c.max_shadow_tracking_age = 4;
  DsnetTracker *t = dsnet_tracker_new (&c);
  g_assert_cmpuint (dsnet_tracker_carry (t, 0, NULL, 0), ==, 0);       /* unknown source: nothing, no crash */
  guint64 id = DSNET_TRK_UNTRACKED;
  gfloat last_left = 0;
  for (gint f = 0; f < 60; f++) {
    gfloat left = 100 + 4.0f * f;
    if (f % 3 == 0) {
      DsnetTrkDetection d = det (left, 200, 60, 80, 0);
      dsnet_tracker_update (t, 0, &d, 1);
      if (id == DSNET_TRK_UNTRACKED)
        id = d.object_id;
      g_assert_cmpuint (d.object_id, ==, id);
      g_assert_cmpint (d.state, ==, DSNET_TRK_CONFIRMED);
      continue;
    }
    DsnetTrkTarget out[2];
    g_assert_cmpuint (dsnet_tracker_carry (t, 0, out, 2), ==, 1);
    g_assert_cmpuint (out[0].id, ==, id);
    g_assert_cmpint (out[0].state, ==, DSNET_TRK_CONFIRMED);
    g_assert_cmpuint (out[0].misses, ==, 0);
    if (f > 30) {
      /* the velocity is learnt: the prediction follows the object between detections */
      g_assert_cmpfloat (fabsf (out[0].box.left - left), <, 3.0f);
      g_assert_cmpfloat (out[0].box.left, >, last_left);
    }
    last_left = out[0].box.left;
  }
  /* more skipped frames in a row than maxShadowTrackingAge (frames 58 and 59 were the first two of them):
   * predicted still, reported no more */
  DsnetTrkTarget out[1];
  for (gint k = 3; k <= 4; k++)
    g_assert_cmpuint (dsnet_tracker_carry (t, 0, out, 1), ==, 1);
  g_assert_cmpuint (dsnet_tracker_carry (t, 0, out, 1), ==, 0);
  gfloat predicted = 0;
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, out, 1), ==, 1);
  predicted = out[0].box.left;
  DsnetTrkDetection d = det (predicted, 200, 60, 80, 0);
  dsnet_tracker_update (t, 0, &d, 1);
  g_assert_cmpuint (d.object_id, ==, id);
  /* a target that missed a detection frame is LOST: predicted, not reported on skipped frames */
  dsnet_tracker_update (t, 0, NULL, 0);
  g_assert_cmpuint (dsnet_tracker_carry (t, 0, out, 1), ==, 0);
  g_assert_cmpuint (dsnet_tracker_get_targets (t, 0, out, 1), ==, 1);
  g_assert_cmpint (out[0].state, ==, DSNET_TRK_LOST);
  g_assert_cmpuint (out[0].misses, ==, 1);
  dsnet_tracker_free (t);
}

static void
test_iou (void)
{
  DsnetTrkBox a = { 0, 0, 10, 10 }, b = { 5, 0, 10, 10 }, c = { 20, 20, 5, 5 }, z = { 0, 0, 0, 10 };
  g_assert_cmpfloat (fabsf (dsnet_trk_iou (&a, &b) - 50.0f / 150.0f), <, 1e-6f);
  g_assert_cmpfloat (dsnet_trk_iou (&a, &c), ==, 0.0f);
  g_assert_cmpfloat (dsnet_trk_iou (&a, &z), ==, 0.0f);
  g_assert_cmpfloat (dsnet_trk_iou (&a, &a), ==, 1.0f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tracker/core/iou", test_iou);
  g_test_add_data_func ("/tracker/core/crossing-greedy", GINT_TO_POINTER (DSNET_TRK_MATCHER_GREEDY),
      test_crossing_objects);
  g_test_add_data_func ("/tracker/core/crossing-global", GINT_TO_POINTER (DSNET_TRK_MATCHER_GLOBAL),
      test_crossing_objects);
  g_test_add_func ("/tracker/core/occlusion-gap", test_occlusion_gap);
  g_test_add_func ("/tracker/core/appear-disappear", test_appear_disappear);
  g_test_add_func ("/tracker/core/tentative-not-reported", test_tentative_not_reported);
  g_test_add_func ("/tracker/core/probation-zero", test_probation_zero);
  g_test_add_func ("/tracker/core/lost-expiry", test_lost_expiry);
  g_test_add_func ("/tracker/core/leaves-frame", test_leaves_frame);
  g_test_add_func ("/tracker/core/independent-sources", test_independent_sources);
  g_test_add_func ("/tracker/core/reset-all", test_reset_all);
  g_test_add_func ("/tracker/core/greedy-vs-global", test_greedy_vs_global);
  g_test_add_func ("/tracker/core/gating", test_gating);
  g_test_add_func ("/tracker/core/kalman-smoothing", test_kalman_smoothing);
  g_test_add_func ("/tracker/core/carry-skipped-frames", test_carry_skipped_frames);
  return g_test_run ();
}
