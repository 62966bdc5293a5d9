/*
 * Settings of the dsnettracker core and the reader of NvMultiObjectTracker-style YAML files
 * (`ll-config-file`). Pure C + GLib, no GStreamer, so it is unit-testable on its own.
 */
#ifndef DSNET_TRACKER_CONFIG_H
#define DSNET_TRACKER_CONFIG_H

#include <glib.h>

G_BEGIN_DECLS

/* Association matcher (DataAssociator.associationMatcherType). */
typedef enum
{
  DSNET_TRK_MATCHER_GREEDY = 0,  /* pairs taken by descending score */
  DSNET_TRK_MATCHER_GLOBAL = 1,  /* optimal assignment (Hungarian), maximises the total score */
} DsnetTrkMatcher;

typedef struct
{
  /* BaseConfig */
  gfloat min_detector_confidence;    /* minDetectorConfidence: detections below are not tracked */
  /* TargetManagement */
  guint max_targets_per_stream;      /* maxTargetsPerStream: live targets (any state) per source */
  guint probation_age;               /* probationAge: matches after creation needed to confirm */
  guint max_shadow_tracking_age;     /* maxShadowTrackingAge: frames a confirmed target survives unmatched */
  guint early_termination_age;       /* earlyTerminationAge: misses that kill a tentative target */
  gfloat min_iou_diff_4_new_target;  /* minIouDiff4NewTarget: no new target over an existing one */
  /* DataAssociator */
  DsnetTrkMatcher matcher;           /* associationMatcherType */
  gboolean check_class_match;        /* checkClassMatch: only same class_id associates */
  gfloat min_score_overall;          /* minMatchingScore4Overall */
  gfloat min_score_size_similarity;  /* minMatchingScore4SizeSimilarity */
  gfloat min_score_iou;              /* minMatchingScore4Iou */
  gfloat weight_iou;                 /* matchingScoreWeight4Iou */
  gfloat weight_size_similarity;     /* matchingScoreWeight4SizeSimilarity */
  /* StateEstimator */
  gboolean use_kalman;               /* stateEstimatorType: 0 = none (raw boxes), 1/2 = Kalman */
} DsnetTrackerConfig;

/* Fills `cfg` with the defaults used when no ll-config-file is given (see README). */
void dsnet_tracker_config_init (DsnetTrackerConfig * cfg);

/*
 * Parses `path` over the values already in `cfg` (call dsnet_tracker_config_init first).
 * Returns FALSE with `error` set ("file:line: message") on malformed input. Keys and sections that are
 * accepted but not used are appended, one line each, to `notes` (may be NULL).
 */
gboolean dsnet_tracker_config_load (DsnetTrackerConfig * cfg, const gchar * path,
    GPtrArray * notes, GError ** error);

/* Same, from text in memory; `name` is used in messages instead of a file name. */
gboolean dsnet_tracker_config_parse (DsnetTrackerConfig * cfg, const gchar * text,
    const gchar * name, GPtrArray * notes, GError ** error);

#define DSNET_TRACKER_CONFIG_ERROR (dsnet_tracker_config_error_quark ())
GQuark dsnet_tracker_config_error_quark (void);

G_END_DECLS

#endif /* DSNET_TRACKER_CONFIG_H */
