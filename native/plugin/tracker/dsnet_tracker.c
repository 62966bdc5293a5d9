/*
 * dsnettracker core. See dsnet_tracker.h and native/plugin/README.md (## dsnettracker) for the model.
 *
 * Motion model: constant velocity on the box centre and size (cx, cy, w, h). With diagonal process and
 * measurement noise, the 8-state Kalman filter [cx cy w h vcx vcy vw vh] splits exactly into four
 * independent 2-state filters (value, velocity), which is what is run here — same result, no 8×8 algebra.
 * Noise scales with the box size (σ_pos = size/20, σ_vel = size/160, σ_meas = size/20), so small and
 * large faces behave alike.
 */
#include "dsnet_tracker.h"

#include <math.h>
#include <string.h>

#define POS_WEIGHT (1.0 / 20.0)
#define VEL_WEIGHT (1.0 / 160.0)
#define MIN_SIDE 1.0

typedef struct
{
  gdouble x, v;                 /* value, velocity per frame */
  gdouble p00, p01, p11;        /* covariance */
} KfDim;

typedef struct
{
  guint64 id;
  DsnetTrkState state;          /* TENTATIVE, CONFIRMED or LOST */
  KfDim kf[4];                  /* cx, cy, w, h */
  DsnetTrkBox box;              /* current estimate */
  gint class_id;
  guint hits;
  guint misses;
  gfloat score;                 /* association score of the last match (1 for a new target) */
  gboolean matched;             /* scratch: matched in the current update */
} Target;

typedef struct
{
  guint source_id;
  GArray *targets;              /* Target */
  guint carried;                /* frames carried (no detection) since the last update with detections */
} Source;

typedef struct
{
  gdouble score;
  gint t, d;
} Pair;

struct _DsnetTracker
{
  DsnetTrackerConfig cfg;
  GHashTable *sources;          /* source id → Source* */
  guint64 next_id;
  /* scratch buffers reused across updates (no per-frame allocation in steady state) */
  GArray *scores;               /* gdouble, targets × dets, < 0 = not allowed */
  GArray *det_target;           /* gint per det: matched target index or −1 */
  GArray *work_d;               /* gdouble, Hungarian */
  GArray *work_i;               /* gint, Hungarian / greedy */
  GArray *pairs;                /* Pair, greedy */
};

static void
source_free (gpointer p)
{
  Source *s = p;
  g_array_unref (s->targets);
  g_free (s);
}

DsnetTracker *
dsnet_tracker_new (const DsnetTrackerConfig * cfg)
{
  DsnetTracker *t = g_new0 (DsnetTracker, 1);
  if (cfg)
    t->cfg = *cfg;
  else
    dsnet_tracker_config_init (&t->cfg);
  t->sources = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, source_free);
  t->next_id = 0;
  t->scores = g_array_new (FALSE, FALSE, sizeof (gdouble));
  t->det_target = g_array_new (FALSE, FALSE, sizeof (gint));
  t->work_d = g_array_new (FALSE, FALSE, sizeof (gdouble));
  t->work_i = g_array_new (FALSE, FALSE, sizeof (gint));
  t->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  return t;
}

void
dsnet_tracker_free (DsnetTracker * t)
{
  if (!t)
    return;
  g_hash_table_destroy (t->sources);
  g_array_unref (t->scores);
  g_array_unref (t->det_target);
  g_array_unref (t->work_d);
  g_array_unref (t->work_i);
  g_array_unref (t->pairs);
  g_free (t);
}

static Source *
get_source (DsnetTracker * t, guint source_id, gboolean create)
{
  Source *s = g_hash_table_lookup (t->sources, GUINT_TO_POINTER (source_id));
  if (!s && create) {
    s = g_new0 (Source, 1);
    s->source_id = source_id;
    s->targets = g_array_new (FALSE, TRUE, sizeof (Target));
    g_hash_table_insert (t->sources, GUINT_TO_POINTER (source_id), s);
  }
  return s;
}

gfloat
dsnet_trk_iou (const DsnetTrkBox * a, const DsnetTrkBox * b)
{
  if (a->width <= 0 || a->height <= 0 || b->width <= 0 || b->height <= 0)
    return 0.0f;
  gdouble x1 = MAX (a->left, b->left);
  gdouble y1 = MAX (a->top, b->top);
  gdouble x2 = MIN ((gdouble) a->left + a->width, (gdouble) b->left + b->width);
  gdouble y2 = MIN ((gdouble) a->top + a->height, (gdouble) b->top + b->height);
  if (x2 <= x1 || y2 <= y1)
    return 0.0f;
  gdouble inter = (x2 - x1) * (y2 - y1);
  gdouble uni = (gdouble) a->width * a->height + (gdouble) b->width * b->height - inter;
  return uni > 0 ? (gfloat) (inter / uni) : 0.0f;
}

static gdouble
size_similarity (const DsnetTrkBox * a, const DsnetTrkBox * b)
{
  gdouble aa = (gdouble) a->width * a->height, ab = (gdouble) b->width * b->height;
  if (aa <= 0 || ab <= 0)
    return 0.0;
  return MIN (aa, ab) / MAX (aa, ab);
}

/* ---- Kalman filter (one dimension: value + velocity) ---- */

static void
kf_init (KfDim * k, gdouble z, gdouble scale)
{
  k->x = z;
  k->v = 0;
  k->p00 = (2 * POS_WEIGHT * scale) * (2 * POS_WEIGHT * scale);
  k->p01 = 0;
  k->p11 = (10 * VEL_WEIGHT * scale) * (10 * VEL_WEIGHT * scale);
}

static void
kf_predict (KfDim * k, gdouble scale)
{
  gdouble qp = (POS_WEIGHT * scale) * (POS_WEIGHT * scale);
  gdouble qv = (VEL_WEIGHT * scale) * (VEL_WEIGHT * scale);
  k->x += k->v;
  k->p00 = k->p00 + 2 * k->p01 + k->p11 + qp;
  k->p01 = k->p01 + k->p11;
  k->p11 = k->p11 + qv;
}

static void
kf_update (KfDim * k, gdouble z, gdouble scale)
{
  gdouble r = (POS_WEIGHT * scale) * (POS_WEIGHT * scale);
  gdouble s = k->p00 + r;
  gdouble k0 = k->p00 / s, k1 = k->p01 / s;
  gdouble y = z - k->x;
  k->x += k0 * y;
  k->v += k1 * y;
  gdouble p00 = (1 - k0) * k->p00;
  gdouble p01 = (1 - k0) * k->p01;
  gdouble p11 = k->p11 - k1 * k->p01;
  k->p00 = p00;
  k->p01 = p01;
  k->p11 = p11;
}

static void
target_box_from_kf (Target * tg)
{
  gdouble w = MAX (tg->kf[2].x, MIN_SIDE), h = MAX (tg->kf[3].x, MIN_SIDE);
  tg->box.left = (gfloat) (tg->kf[0].x - w / 2);
  tg->box.top = (gfloat) (tg->kf[1].x - h / 2);
  tg->box.width = (gfloat) w;
  tg->box.height = (gfloat) h;
}

static void
target_init (const DsnetTrackerConfig * cfg, Target * tg, const DsnetTrkDetection * d)
{
  memset (tg, 0, sizeof *tg);
  tg->id = DSNET_TRK_UNTRACKED;
  tg->state = DSNET_TRK_TENTATIVE;
  tg->class_id = d->class_id;
  tg->hits = 1;
  tg->box = d->box;
  if (cfg->use_kalman) {
    gdouble w = MAX (d->box.width, MIN_SIDE), h = MAX (d->box.height, MIN_SIDE);
    kf_init (&tg->kf[0], d->box.left + d->box.width / 2.0, w);
    kf_init (&tg->kf[1], d->box.top + d->box.height / 2.0, h);
    kf_init (&tg->kf[2], d->box.width, w);
    kf_init (&tg->kf[3], d->box.height, h);
    target_box_from_kf (tg);
  }
}

static void
target_predict (const DsnetTrackerConfig * cfg, Target * tg)
{
  if (!cfg->use_kalman)
    return;
  gdouble w = MAX (tg->kf[2].x, MIN_SIDE), h = MAX (tg->kf[3].x, MIN_SIDE);
  kf_predict (&tg->kf[0], w);
  kf_predict (&tg->kf[1], h);
  kf_predict (&tg->kf[2], w);
  kf_predict (&tg->kf[3], h);
  /* A shrinking box must not invert: stop the size velocity at the minimum. */
  for (int i = 2; i < 4; i++) {
    if (tg->kf[i].x < MIN_SIDE) {
      tg->kf[i].x = MIN_SIDE;
      tg->kf[i].v = 0;
    }
  }
  target_box_from_kf (tg);
}

static void
target_correct (const DsnetTrackerConfig * cfg, Target * tg, const DsnetTrkDetection * d)
{
  tg->class_id = d->class_id;
  if (!cfg->use_kalman) {
    tg->box = d->box;
    return;
  }
  gdouble w = MAX (d->box.width, MIN_SIDE), h = MAX (d->box.height, MIN_SIDE);
  kf_update (&tg->kf[0], d->box.left + d->box.width / 2.0, w);
  kf_update (&tg->kf[1], d->box.top + d->box.height / 2.0, h);
  kf_update (&tg->kf[2], d->box.width, w);
  kf_update (&tg->kf[3], d->box.height, h);
  target_box_from_kf (tg);
}

/* ---- association ---- */

/* Score of pairing target `tg` with detection `d`, or −1 when the pair is gated out. */
static gdouble
pair_score (const DsnetTrackerConfig * cfg, const Target * tg, const DsnetTrkDetection * d)
{
  if (cfg->check_class_match && tg->class_id != d->class_id)
    return -1;
  gdouble iou = dsnet_trk_iou (&tg->box, &d->box);
  if (iou <= 0 || iou < cfg->min_score_iou)
    return -1;
  gdouble size = size_similarity (&tg->box, &d->box);
  if (size < cfg->min_score_size_similarity)
    return -1;
  gdouble wsum = (gdouble) cfg->weight_iou + cfg->weight_size_similarity;
  gdouble overall = wsum > 0 ? (cfg->weight_iou * iou + cfg->weight_size_similarity * size) / wsum : iou;
  if (overall < cfg->min_score_overall)
    return -1;
  /* Keep every allowed pair strictly positive so that "allowed" and "score" share one number. */
  return MAX (overall, 1e-9);
}

static gint
pair_cmp (gconstpointer a, gconstpointer b)
{
  const Pair *pa = a, *pb = b;
  if (pa->score != pb->score)
    return pa->score > pb->score ? -1 : 1;
  if (pa->t != pb->t)
    return pa->t < pb->t ? -1 : 1;
  return pa->d < pb->d ? -1 : (pa->d > pb->d ? 1 : 0);
}

/* Greedy: take allowed pairs by descending score (ties: lower target index, then lower detection index). */
static void
match_greedy (DsnetTracker * t, gint nt, gint nd, gint * det_target)
{
  const gdouble *sc = (const gdouble *) (gpointer) t->scores->data;
  GArray *pairs = t->pairs;
  g_array_set_size (pairs, 0);
  for (gint i = 0; i < nt; i++)
    for (gint j = 0; j < nd; j++)
      if (sc[i * nd + j] > 0) {
        Pair p = { sc[i * nd + j], i, j };
        g_array_append_val (pairs, p);
      }
  g_array_sort (pairs, pair_cmp);
  g_array_set_size (t->work_i, (gsize) nt);
  gint *t_used = (gint *) (gpointer) t->work_i->data;
  memset (t_used, 0, sizeof (gint) * (gsize) nt);
  for (guint k = 0; k < pairs->len; k++) {
    Pair *p = &g_array_index (pairs, Pair, k);
    if (t_used[p->t] || det_target[p->d] >= 0)
      continue;
    t_used[p->t] = 1;
    det_target[p->d] = p->t;
  }
}

/*
 * Global: minimum-cost assignment (Hungarian / Kuhn–Munkres with potentials, O(n²m)) on
 * cost = 1 − score, gated pairs cost a large constant and are dropped afterwards.
 */
static void
match_global (DsnetTracker * t, gint nt, gint nd, gint * det_target)
{
  const gdouble *sc = (const gdouble *) (gpointer) t->scores->data;
  const gdouble BIG = 1e6, INF = 1e300;
  /* rows = the smaller side */
  gboolean rows_are_targets = nt <= nd;
  gint n = rows_are_targets ? nt : nd, m = rows_are_targets ? nd : nt;
  if (n == 0)
    return;
  g_array_set_size (t->work_d, (gsize) (n + 1) + 2 * (gsize) (m + 1));
  g_array_set_size (t->work_i, 2 * (gsize) (m + 1) + (gsize) (m + 1));
  gdouble *u = (gdouble *) (gpointer) t->work_d->data, *v = u + n + 1, *minv = v + m + 1;
  gint *p = (gint *) (gpointer) t->work_i->data, *way = p + m + 1, *used = way + m + 1;
  for (gint i = 0; i <= n; i++)
    u[i] = 0;
  for (gint j = 0; j <= m; j++) {
    v[j] = 0;
    p[j] = 0;
    way[j] = 0;
  }
  for (gint i = 1; i <= n; i++) {
    p[0] = i;
    gint j0 = 0;
    for (gint j = 0; j <= m; j++) {
      minv[j] = INF;
      used[j] = 0;
    }
    do {
      used[j0] = 1;
      gint i0 = p[j0], j1 = 0;
      gdouble delta = INF;
      for (gint j = 1; j <= m; j++) {
        if (used[j])
          continue;
        gdouble s = rows_are_targets ? sc[(i0 - 1) * nd + (j - 1)] : sc[(j - 1) * nd + (i0 - 1)];
        gdouble cur = (s > 0 ? 1.0 - s : BIG) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (gint j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      gint j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  for (gint j = 1; j <= m; j++) {
    if (p[j] == 0)
      continue;
    gint ti = rows_are_targets ? p[j] - 1 : j - 1;
    gint di = rows_are_targets ? j - 1 : p[j] - 1;
    if (sc[ti * nd + di] > 0)
      det_target[di] = ti;
  }
}

/* ---- update ---- */

static void
det_set_untracked (DsnetTrkDetection * d)
{
  d->object_id = DSNET_TRK_UNTRACKED;
  memset (&d->tracker_box, 0, sizeof d->tracker_box);
  d->tracker_confidence = 0.0f;
  d->state = DSNET_TRK_NONE;
}

static void
det_report (DsnetTrkDetection * d, const Target * tg, gfloat score)
{
  d->state = tg->state;
  if (tg->state == DSNET_TRK_CONFIRMED) {
    d->object_id = tg->id;
    d->tracker_box = tg->box;
    d->tracker_confidence = score;
  }
}

static gboolean
det_eligible (const DsnetTrackerConfig * cfg, const DsnetTrkDetection * d)
{
  /* A negative confidence (−0.1: GroupRectangles clustering, or no score) means "unknown": not filtered. */
  gboolean conf_ok = d->confidence < 0 || d->confidence >= cfg->min_detector_confidence;
  return conf_ok && d->box.width > 0 && d->box.height > 0 && isfinite (d->box.left) && isfinite (d->box.top)
      && isfinite (d->box.width) && isfinite (d->box.height);
}

void
dsnet_tracker_update (DsnetTracker * t, guint source_id, DsnetTrkDetection * dets, gsize n)
{
  dsnet_tracker_update_in_frame (t, source_id, dets, n, 0, 0);
}

static gboolean
outside_frame (const DsnetTrkBox * b, guint width, guint height)
{
  if (width == 0 || height == 0)
    return FALSE;
  return b->left + b->width <= 0 || b->top + b->height <= 0 || b->left >= (gfloat) width
      || b->top >= (gfloat) height;
}

void
dsnet_tracker_update_in_frame (DsnetTracker * t, guint source_id, DsnetTrkDetection * dets, gsize n,
    guint width, guint height)
{
  g_return_if_fail (t != NULL);
  g_return_if_fail (n == 0 || dets != NULL);
  const DsnetTrackerConfig *cfg = &t->cfg;
  Source *src = get_source (t, source_id, n > 0);
  for (gsize j = 0; j < n; j++)
    det_set_untracked (&dets[j]);
  if (!src)
    return;
  src->carried = 0;

  GArray *tgs = src->targets;
  gint nt = (gint) tgs->len, nd = (gint) n;

  /* 1. predict */
  for (gint i = 0; i < nt; i++) {
    Target *tg = &g_array_index (tgs, Target, i);
    target_predict (cfg, tg);
    tg->matched = FALSE;
  }

  /* 2. score every (target, eligible detection) pair */
  g_array_set_size (t->scores, (gsize) nt * (gsize) nd);
  gdouble *sc = (gdouble *) (gpointer) t->scores->data;
  for (gint j = 0; j < nd; j++) {
    gboolean ok = det_eligible (cfg, &dets[j]);
    for (gint i = 0; i < nt; i++)
      sc[i * nd + j] = ok ? pair_score (cfg, &g_array_index (tgs, Target, i), &dets[j]) : -1;
  }

  /* 3. associate */
  g_array_set_size (t->det_target, (gsize) nd);
  gint *det_target = (gint *) (gpointer) t->det_target->data;
  for (gint j = 0; j < nd; j++)
    det_target[j] = -1;
  if (nt > 0 && nd > 0) {
    if (cfg->matcher == DSNET_TRK_MATCHER_GLOBAL)
      match_global (t, nt, nd, det_target);
    else
      match_greedy (t, nt, nd, det_target);
  }

  /* 4. correct matched targets, promote */
  for (gint j = 0; j < nd; j++) {
    if (det_target[j] < 0)
      continue;
    Target *tg = &g_array_index (tgs, Target, det_target[j]);
    gfloat score = (gfloat) sc[det_target[j] * nd + j];
    target_correct (cfg, tg, &dets[j]);
    tg->matched = TRUE;
    tg->score = score;
    tg->hits++;
    tg->misses = 0;
    if (tg->state == DSNET_TRK_LOST) {
      tg->state = DSNET_TRK_CONFIRMED;
    } else if (tg->state == DSNET_TRK_TENTATIVE && tg->hits > cfg->probation_age) {
      tg->state = DSNET_TRK_CONFIRMED;
      tg->id = t->next_id++;
    }
    det_report (&dets[j], tg, score);
  }

  /* 5. age unmatched targets, drop expired ones (order of the survivors is kept) */
  guint keep = 0;
  for (guint i = 0; i < tgs->len; i++) {
    Target *tg = &g_array_index (tgs, Target, i);
    gboolean alive = TRUE;
    if (!tg->matched) {
      tg->misses++;
      if (tg->state == DSNET_TRK_TENTATIVE) {
        guint limit = cfg->early_termination_age > 0 ? cfg->early_termination_age
            : cfg->max_shadow_tracking_age + 1;
        alive = tg->misses < limit;
      } else {
        tg->state = DSNET_TRK_LOST;
        alive = tg->misses <= cfg->max_shadow_tracking_age && !outside_frame (&tg->box, width, height);
      }
    }
    if (alive) {
      if (keep != i)
        g_array_index (tgs, Target, keep) = *tg;
      keep++;
    }
  }
  g_array_set_size (tgs, keep);

  /* 6. new targets from unmatched eligible detections */
  for (gint j = 0; j < nd; j++) {
    DsnetTrkDetection *d = &dets[j];
    if (det_target[j] >= 0 || !det_eligible (cfg, d))
      continue;
    if (tgs->len >= cfg->max_targets_per_stream)
      continue;
    gboolean covered = FALSE;
    for (guint i = 0; i < tgs->len && !covered; i++)
      covered = dsnet_trk_iou (&g_array_index (tgs, Target, i).box, &d->box) >
          cfg->min_iou_diff_4_new_target;
    if (covered)
      continue;
    Target tg;
    target_init (cfg, &tg, d);
    tg.matched = TRUE;
    tg.score = 1.0f;
    if (cfg->probation_age == 0) {
      tg.state = DSNET_TRK_CONFIRMED;
      tg.id = t->next_id++;
    }
    g_array_append_val (tgs, tg);
    det_report (d, &tg, 1.0f);
  }
}

static void
target_copy_out (const Target * tg, DsnetTrkTarget * out)
{
  out->id = tg->id;
  out->state = tg->state;
  out->box = tg->box;
  out->class_id = tg->class_id;
  out->hits = tg->hits;
  out->misses = tg->misses;
  out->score = tg->score;
}

gsize
dsnet_tracker_carry (DsnetTracker * t, guint source_id, DsnetTrkTarget * out, gsize max)
{
  g_return_val_if_fail (t != NULL, 0);
  g_return_val_if_fail (max == 0 || out != NULL, 0);
  Source *src = get_source (t, source_id, FALSE);
  if (!src)
    return 0;
  src->carried++;
  /* Past the shadow-tracking age without one detection frame the predictions are guesses: keep predicting (the
   * next detection frame still matches against them) but report nothing. */
  gboolean report = src->carried <= t->cfg.max_shadow_tracking_age;
  gsize n = 0;
  for (guint i = 0; i < src->targets->len; i++) {
    Target *tg = &g_array_index (src->targets, Target, i);
    target_predict (&t->cfg, tg);
    if (!report || tg->state != DSNET_TRK_CONFIRMED)
      continue;
    if (n < max)
      target_copy_out (tg, &out[n]);
    n++;
  }
  return n;
}

void
dsnet_tracker_reset_source (DsnetTracker * t, guint source_id)
{
  g_return_if_fail (t != NULL);
  g_hash_table_remove (t->sources, GUINT_TO_POINTER (source_id));
}

void
dsnet_tracker_reset_all (DsnetTracker * t)
{
  g_return_if_fail (t != NULL);
  g_hash_table_remove_all (t->sources);
}

gsize
dsnet_tracker_get_targets (DsnetTracker * t, guint source_id, DsnetTrkTarget * out, gsize max)
{
  g_return_val_if_fail (t != NULL, 0);
  Source *s = get_source (t, source_id, FALSE);
  if (!s)
    return 0;
  for (guint i = 0; i < s->targets->len && i < max; i++)
    target_copy_out (&g_array_index (s->targets, Target, i), &out[i]);
  return s->targets->len;
}

guint64
dsnet_tracker_peek_next_id (DsnetTracker * t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->next_id;
}
