/*
 * dsnettracker core: per-source IoU multi-object tracking with a constant-velocity Kalman filter.
 * Pure C + GLib, no GStreamer (the element in gstdsnettracker.c only moves metadata in and out).
 *
 * One DsnetTracker holds independent trackers for any number of sources (keyed by source id) and one
 * id counter shared by all of them: ids are unique across sources, increase monotonically and are never
 * reused, not even after a reset. Time advances by one step per dsnet_tracker_update() or
 * dsnet_tracker_carry() call of a source.
 */
#ifndef DSNET_TRACKER_H
#define DSNET_TRACKER_H

#include <glib.h>

#include "dsnet_tracker_config.h"

G_BEGIN_DECLS

/* Same value as DeepStream's UNTRACKED_OBJECT_ID. */
#define DSNET_TRK_UNTRACKED G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFFFF)

typedef struct
{
  gfloat left, top, width, height;
} DsnetTrkBox;

typedef enum
{
  DSNET_TRK_NONE = 0,        /* detection not associated with any target */
  DSNET_TRK_TENTATIVE,       /* in probation, not reported */
  DSNET_TRK_CONFIRMED,       /* matched this frame, reported */
  DSNET_TRK_LOST,            /* confirmed earlier, unmatched now; predicted (shadow tracking) */
} DsnetTrkState;

/* One detection of a frame: inputs, then the tracker's outputs for it. */
typedef struct
{
  /* in */
  DsnetTrkBox box;
  gint class_id;
  gfloat confidence;
  /* out */
  guint64 object_id;           /* DSNET_TRK_UNTRACKED unless matched to a confirmed target */
  DsnetTrkBox tracker_box;     /* filtered box of the target (zero when untracked) */
  gfloat tracker_confidence;   /* association score (IoU with the prediction), 1 for a new target; 0 untracked */
  DsnetTrkState state;         /* state of the associated target after this update */
} DsnetTrkDetection;

/* A target as seen by dsnet_tracker_get_targets (for tests and debugging). */
typedef struct
{
  guint64 id;                  /* DSNET_TRK_UNTRACKED while tentative (ids are given at confirmation) */
  DsnetTrkState state;
  DsnetTrkBox box;             /* current estimate (predicted when LOST) */
  gint class_id;
  guint hits;                  /* matched frames, creation included */
  guint misses;                /* consecutive unmatched frames */
  gfloat score;                /* association score of the last match (1 for a new target) */
} DsnetTrkTarget;

typedef struct _DsnetTracker DsnetTracker;

DsnetTracker *dsnet_tracker_new (const DsnetTrackerConfig * cfg);
void dsnet_tracker_free (DsnetTracker * tracker);

/* Advances `source_id`'s tracker by one frame with `n` detections, filling their outputs. */
void dsnet_tracker_update (DsnetTracker * tracker, guint source_id, DsnetTrkDetection * dets, gsize n);

/*
 * Same, knowing the frame size: a lost target whose predicted box has left the frame (no overlap with
 * 0,0–width,height) is terminated at once instead of being shadow-tracked. 0 × 0 = unknown.
 */
void dsnet_tracker_update_in_frame (DsnetTracker * tracker, guint source_id, DsnetTrkDetection * dets, gsize n,
    guint width, guint height);

/*
 * Advances `source_id`'s tracker by one frame on which the detector did not run (the primary GIE's `interval`,
 * nvtracker's "detection not done"): every target is predicted one frame on, none is matched, aged or promoted.
 * Copies up to `max` CONFIRMED targets (predicted boxes) into `out` and returns how many there are; after more than
 * maxShadowTrackingAge carried frames in a row it reports none (the targets are still predicted and the next
 * dsnet_tracker_update() matches against them).
 */
gsize dsnet_tracker_carry (DsnetTracker * tracker, guint source_id, DsnetTrkTarget * out, gsize max);

/* Terminates every target of one source / of all sources. The id counter is not rewound. */
void dsnet_tracker_reset_source (DsnetTracker * tracker, guint source_id);
void dsnet_tracker_reset_all (DsnetTracker * tracker);

/* Copies up to `max` live targets of a source into `out`; returns the number of live targets. */
gsize dsnet_tracker_get_targets (DsnetTracker * tracker, guint source_id, DsnetTrkTarget * out, gsize max);

/* The id the next confirmed target will get. */
guint64 dsnet_tracker_peek_next_id (DsnetTracker * tracker);

/* Intersection over union of two boxes (0 when either is empty). */
gfloat dsnet_trk_iou (const DsnetTrkBox * a, const DsnetTrkBox * b);

G_END_DECLS

#endif /* DSNET_TRACKER_H */
