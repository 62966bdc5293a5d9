/*
 * dsnet-bench-tracker: cost of the dsnettracker core per frame (not a test). Synthetic scene: N sources,
 * M objects per source moving at constant speeds with ±2 px jitter and 5 % missed detections.
 * Usage: dsnet-bench-tracker [sources=4] [objects=50] [frames=2000] [matcher=0|1]
 */
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "dsnet_tracker.h"

int
main (int argc, char **argv)
{
  guint sources = argc > 1 ? (guint) atoi (argv[1]) : 4;
  guint objects = argc > 2 ? (guint) atoi (argv[2]) : 50;
  guint frames = argc > 3 ? (guint) atoi (argv[3]) : 2000;
  gint matcher = argc > 4 ? atoi (argv[4]) : 0;
  if (sources == 0 || objects == 0 || frames == 0) {
    fprintf (stderr, "usage: %s [sources] [objects] [frames] [matcher 0|1]\n", argv[0]);
    return 2;
  }
  DsnetTrackerConfig cfg;
  dsnet_tracker_config_init (&cfg);
  cfg.matcher = matcher ? DSNET_TRK_MATCHER_GLOBAL : DSNET_TRK_MATCHER_GREEDY;
  DsnetTracker *t = dsnet_tracker_new (&cfg);
  GRand *r = g_rand_new_with_seed (1);
  gfloat *x0 = g_new (gfloat, objects), *y0 = g_new (gfloat, objects), *vx = g_new (gfloat, objects),
      *vy = g_new (gfloat, objects);
  for (guint i = 0; i < objects; i++) {
    /* a grid of 40×40 boxes, 60 px apart, drifting slowly so that they never collide */
    x0[i] = 20 + 60.0f * (i % 20);
    y0[i] = 20 + 60.0f * (i / 20);
    vx[i] = (gfloat) g_rand_double_range (r, -0.5, 0.5);
    vy[i] = (gfloat) g_rand_double_range (r, -0.5, 0.5);
  }
  DsnetTrkDetection *dets = g_new0 (DsnetTrkDetection, objects);
  guint64 tracked = 0, total = 0;
  gint64 start = g_get_monotonic_time ();
  for (guint f = 0; f < frames; f++) {
    for (guint s = 0; s < sources; s++) {
      guint n = 0;
      for (guint i = 0; i < objects; i++) {
        if (g_rand_double (r) < 0.05)
          continue;
        DsnetTrkDetection *d = &dets[n++];
        d->box.left = x0[i] + vx[i] * (gfloat) f + (gfloat) g_rand_double_range (r, -2, 2);
        d->box.top = y0[i] + vy[i] * (gfloat) f + (gfloat) g_rand_double_range (r, -2, 2);
        d->box.width = 40;
        d->box.height = 40;
        d->class_id = 0;
        d->confidence = 0.9f;
      }
      dsnet_tracker_update (t, s, dets, n);
      for (guint i = 0; i < n; i++)
        tracked += dets[i].object_id != DSNET_TRK_UNTRACKED;
      total += n;
    }
  }
  gint64 us = g_get_monotonic_time () - start;
  gdouble per_frame = (gdouble) us / ((gdouble) frames * sources);
  printf ("dsnet-bench-tracker: %u sources x %u objects x %u frames, matcher %s\n", sources, objects, frames,
      matcher ? "global" : "greedy");
  printf ("  %.2f us per frame, %.3f us per detection, %.1f%% of detections tracked, %" G_GUINT64_FORMAT " ids\n",
      per_frame, (gdouble) us / (gdouble) total, 100.0 * (gdouble) tracked / (gdouble) total,
      dsnet_tracker_peek_next_id (t));
  g_free (dets);
  g_free (x0);
  g_free (y0);
  g_free (vx);
  g_free (vy);
  g_rand_free (r);
  dsnet_tracker_free (t);
  return 0;
}
