/* Detector decoding, clustering and back-mapping. See infer_detect.h and native/plugin/README.md. */
#include "infer_detect.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DETECTNET_SCALE 35.0f
#define DETECTNET_OFFSET 0.5f
#define DBSCAN_ATHR 60.0

gboolean
dsnet_parse_detectnet_v2 (const DsnetDetectParams * p, const gfloat * cov, gint C, gint Hg, gint Wg,
    const gfloat * bbox, gint Cb, gint Hb, gint Wb, GArray * out, GError ** error)
{
  if (Cb < 4 * C || Hb != Hg || Wb != Wg || Wb <= 0 || Hb <= 0) {
    g_set_error (error, DSNET_INFER_ERROR, 0,
        "DetectNet_v2: bbox tensor [%d,%d,%d] does not match coverage tensor [%d,%d,%d] (needs [4*C,H,W])",
        Cb, Hb, Wb, C, Hg, Wg);
    return FALSE;
  }
  const gint stride_x = (p->net_w + Wb - 1) / Wb;
  const gint stride_y = (p->net_h + Hb - 1) / Hb;
  const gfloat N = DETECTNET_SCALE;
  const gint classes = MIN (C, p->num_classes);
  const gsize grid = (gsize) Hg * Wg;
  for (gint c = 0; c < classes; c++) {
    const gfloat thr = (gfloat) p->pre_threshold[c];
    const gfloat *cv = cov + (gsize) c * grid;
    const gfloat *x1p = bbox + (gsize) (4 * c + 0) * grid;
    const gfloat *y1p = bbox + (gsize) (4 * c + 1) * grid;
    const gfloat *x2p = bbox + (gsize) (4 * c + 2) * grid;
    const gfloat *y2p = bbox + (gsize) (4 * c + 3) * grid;
    for (gint h = 0; h < Hg; h++) {
      const gfloat cy = (h * stride_y + DETECTNET_OFFSET) / N;
      for (gint w = 0; w < Wg; w++) {
        const gsize i = (gsize) h * Wg + w;
        const gfloat conf = cv[i];
        if (conf < thr)
          continue;
        const gfloat cx = (w * stride_x + DETECTNET_OFFSET) / N;
        gfloat X1 = (x1p[i] - cx) * -N;
        gfloat Y1 = (y1p[i] - cy) * -N;
        gfloat X2 = (x2p[i] + cx) * N;
        gfloat Y2 = (y2p[i] + cy) * N;
        X1 = X1 >= p->net_w ? p->net_w - 1 : (X1 < 0 ? 0 : X1);
        X2 = X2 >= p->net_w ? p->net_w - 1 : (X2 < 0 ? 0 : X2);
        Y1 = Y1 >= p->net_h ? p->net_h - 1 : (Y1 < 0 ? 0 : Y1);
        Y2 = Y2 >= p->net_h ? p->net_h - 1 : (Y2 < 0 ? 0 : Y2);
        if (X2 - X1 < 0 || Y2 - Y1 < 0)
          continue;
        DsnetInferObject o = { c, X1, Y1, X2 - X1, Y2 - Y1, conf };
        g_array_append_val (out, o);
      }
    }
  }
  return TRUE;
}

gdouble
dsnet_iou (const DsnetInferObject * a, const DsnetInferObject * b)
{
  gdouble l = MAX (a->left, b->left), t = MAX (a->top, b->top);
  gdouble r = MIN ((gdouble) a->left + a->width, (gdouble) b->left + b->width);
  gdouble bo = MIN ((gdouble) a->top + a->height, (gdouble) b->top + b->height);
  gdouble inter = MAX (0.0, r - l) * MAX (0.0, bo - t);
  gdouble uni = (gdouble) a->width * a->height + (gdouble) b->width * b->height - inter;
  return uni > 0 ? inter / uni : 0.0;
}

/* Stable sort by confidence, descending: ties keep their input order (index as the tie-breaker). */
typedef struct
{
  DsnetInferObject o;
  guint idx;
} Ranked;

static gint
cmp_ranked (gconstpointer pa, gconstpointer pb)
{
  const Ranked *a = pa, *b = pb;
  if (a->o.confidence != b->o.confidence)
    return a->o.confidence > b->o.confidence ? -1 : 1;
  return (a->idx > b->idx) - (a->idx < b->idx);
}

static void
stable_sort (GArray * objs)
{
  guint n = objs->len;
  if (n < 2)
    return;
  Ranked *r = g_new (Ranked, n);
  DsnetInferObject *o = (DsnetInferObject *) objs->data;
  for (guint i = 0; i < n; i++) {
    r[i].o = o[i];
    r[i].idx = i;
  }
  qsort (r, n, sizeof (Ranked), cmp_ranked);
  for (guint i = 0; i < n; i++)
    o[i] = r[i].o;
  g_free (r);
}

void
dsnet_cluster_topk (GArray * objs, gint topk)
{
  if (topk < 0 || (guint) topk >= objs->len)
    return;
  stable_sort (objs);
  g_array_set_size (objs, (guint) topk);
}

void
dsnet_cluster_nms (GArray * objs, gdouble iou_threshold, gdouble post_threshold, gint topk)
{
  stable_sort (objs);
  DsnetInferObject *o = (DsnetInferObject *) objs->data;
  guint kept = 0;
  for (guint i = 0; i < objs->len; i++) {
    gboolean keep = TRUE;
    for (guint k = 0; k < kept && keep; k++)
      if (dsnet_iou (&o[i], &o[k]) > iou_threshold)
        keep = FALSE;
    if (keep)
      o[kept++] = o[i];
  }
  g_array_set_size (objs, kept);
  guint n = 0;
  for (guint i = 0; i < objs->len; i++)
    if (o[i].confidence > post_threshold)
      o[n++] = o[i];
  g_array_set_size (objs, n);
  dsnet_cluster_topk (objs, topk);
}

/*
 * DBSCAN over boxes with distance 1 − IoU. A box is a core point when the boxes within `eps` (itself
 * included) number at least minBoxes and their confidences sum to at least dbscan-min-score. Clusters grow
 * through core points; boxes in no cluster are dropped. With `average`, each cluster becomes one box: the
 * confidence-weighted mean of its members, confidence = the highest member confidence; clusters whose
 * area-to-hit ratio √area / members exceeds 60 are dropped. Without it (hybrid mode) the members stay.
 */
void
dsnet_cluster_dbscan (GArray * objs, const DsnetInferClassAttrs * a, gboolean average)
{
  const guint n = objs->len;
  if (n == 0)
    return;
  const DsnetInferObject *o = (const DsnetInferObject *) objs->data;
  gint *label = g_new (gint, n);        /* -2 unvisited, -1 noise, >= 0 cluster */
  guint *nb = g_new (guint, n);
  guint *queue = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    label[i] = -2;
  const gdouble min_iou = 1.0 - a->eps;
  gint clusters = 0;

  /* neighbours of i into nb; returns count and whether i is a core point */
  for (guint i = 0; i < n; i++) {
    if (label[i] != -2)
      continue;
    guint cnt = 0;
    gdouble sum = 0;
    for (guint j = 0; j < n; j++)
      if (j == i || dsnet_iou (&o[i], &o[j]) >= min_iou) {
        nb[cnt++] = j;
        sum += o[j].confidence;
      }
    if (cnt < (guint) a->min_boxes || sum < a->dbscan_min_score) {
      label[i] = -1;
      continue;
    }
    gint id = clusters++;
    label[i] = id;
    guint qh = 0, qt = 0;
    for (guint k = 0; k < cnt; k++)
      if (nb[k] != i && (label[nb[k]] < 0)) {
        if (label[nb[k]] == -2)
          queue[qt++] = nb[k];
        label[nb[k]] = id;
      }
    while (qh < qt) {
      guint q = queue[qh++];
      guint c2 = 0;
      gdouble s2 = 0;
      for (guint j = 0; j < n; j++)
        if (j == q || dsnet_iou (&o[q], &o[j]) >= min_iou) {
          nb[c2++] = j;
          s2 += o[j].confidence;
        }
      if (c2 < (guint) a->min_boxes || s2 < a->dbscan_min_score)
        continue;               /* border point */
      for (guint k = 0; k < c2; k++)
        if (label[nb[k]] < 0) {
          if (label[nb[k]] == -2 && qt < n)
            queue[qt++] = nb[k];
          label[nb[k]] = id;
        }
    }
  }

  GArray *res = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  if (average) {
    for (gint id = 0; id < clusters; id++) {
      gdouble wsum = 0, l = 0, t = 0, r = 0, b = 0;
      gfloat best = 0;
      guint members = 0;
      gint cls = 0;
      for (guint i = 0; i < n; i++) {
        if (label[i] != id)
          continue;
        gdouble w = MAX (o[i].confidence, 1e-6f);
        wsum += w;
        l += w * o[i].left;
        t += w * o[i].top;
        r += w * ((gdouble) o[i].left + o[i].width);
        b += w * ((gdouble) o[i].top + o[i].height);
        best = MAX (best, o[i].confidence);
        cls = o[i].class_id;
        members++;
      }
      if (members == 0)
        continue;
      DsnetInferObject m = { cls, (gfloat) (l / wsum), (gfloat) (t / wsum),
        (gfloat) ((r - l) / wsum), (gfloat) ((b - t) / wsum), best
      };
      gdouble athr = sqrt ((gdouble) m.width * m.height) / members;
      if (athr > DBSCAN_ATHR)
        continue;
      g_array_append_val (res, m);
    }
  } else {
    for (guint i = 0; i < n; i++)
      if (label[i] >= 0)
        g_array_append_val (res, o[i]);
  }
  g_array_set_size (objs, 0);
  g_array_append_vals (objs, res->data, res->len);
  g_array_unref (res);
  g_free (label);
  g_free (nb);
  g_free (queue);
}

void
dsnet_cluster (const DsnetInferConfig * cfg, GArray * in, GArray * out)
{
  gint max_class = -1;
  for (guint i = 0; i < in->len; i++)
    max_class = MAX (max_class, g_array_index (in, DsnetInferObject, i).class_id);
  GArray *per = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  for (gint c = 0; c <= max_class; c++) {
    g_array_set_size (per, 0);
    for (guint i = 0; i < in->len; i++)
      if (g_array_index (in, DsnetInferObject, i).class_id == c)
        g_array_append_val (per, g_array_index (in, DsnetInferObject, i));
    if (per->len == 0)
      continue;
    const DsnetInferClassAttrs *a = dsnet_infer_config_class_attrs (cfg, c);
    switch (cfg->cluster_mode) {
      case DSNET_CLUSTER_GROUP_RECTANGLES:
        /* DeepStream 6.x is built without OpenCV: NMS with topk 20 and IoU 0.5 instead */
        dsnet_cluster_nms (per, 0.5, a->post_cluster_threshold, 20);
        break;
      case DSNET_CLUSTER_DBSCAN:{
        if (a->min_boxes > 0)
          dsnet_cluster_dbscan (per, a, TRUE);
        guint n = 0;
        DsnetInferObject *o = (DsnetInferObject *) per->data;
        for (guint i = 0; i < per->len; i++)
          if (o[i].confidence >= a->post_cluster_threshold)
            o[n++] = o[i];
        g_array_set_size (per, n);
        dsnet_cluster_topk (per, a->topk);
        break;
      }
      case DSNET_CLUSTER_NMS:
        dsnet_cluster_nms (per, a->nms_iou_threshold, a->post_cluster_threshold, a->topk);
        break;
      case DSNET_CLUSTER_DBSCAN_NMS_HYBRID:
        if (a->min_boxes > 0)
          dsnet_cluster_dbscan (per, a, FALSE);
        dsnet_cluster_nms (per, a->nms_iou_threshold, a->post_cluster_threshold, a->topk);
        break;
      case DSNET_CLUSTER_NONE:
      default:
        dsnet_cluster_topk (per, a->topk);
        break;
    }
    g_array_append_vals (out, per->data, per->len);
  }
  g_array_unref (per);
}

gboolean
dsnet_map_object (const DsnetInferConfig * cfg, const DsnetScaleInfo * si, gdouble roi_left,
    gdouble roi_top, gint frame_w, gint frame_h, DsnetInferObject * o)
{
  for (guint i = 0; i < cfg->n_filter_out_class_ids; i++)
    if (cfg->filter_out_class_ids[i] == o->class_id)
      return FALSE;
  gdouble l = (o->left - si->offset_left) / si->ratio_x;
  gdouble t = (o->top - si->offset_top) / si->ratio_y;
  gdouble w = o->width / si->ratio_x;
  gdouble h = o->height / si->ratio_y;
  if (l < 0)
    l = 0;
  if (t < 0)
    t = 0;
  l += roi_left;
  t += roi_top;
  const DsnetInferClassAttrs *a = dsnet_infer_config_class_attrs (cfg, o->class_id);
  if (w < a->detected_min_w || h < a->detected_min_h)
    return FALSE;
  if (a->detected_max_w > 0 && w > a->detected_max_w)
    return FALSE;
  if (a->detected_max_h > 0 && h > a->detected_max_h)
    return FALSE;
  gdouble bottom_limit = frame_h - a->roi_bottom_offset;
  if (cfg->crop_objects_to_roi_boundary) {
    if (t < a->roi_top_offset) {
      h -= a->roi_top_offset - t;
      t = a->roi_top_offset;
    }
    if (l + w > frame_w)
      w = frame_w - l;
    if (t + h > bottom_limit)
      h = bottom_limit - t;
    if (w <= 0 || h <= 0)
      return FALSE;
  } else if (t < a->roi_top_offset || t + h > bottom_limit + 1e-3) {
    /* (1e-3: tolerance for the rounding of ratio_x/y; a box clamped to the network edge maps to the frame edge) */
    return FALSE;
  }
  o->left = (gfloat) l;
  o->top = (gfloat) t;
  o->width = (gfloat) w;
  o->height = (gfloat) h;
  return TRUE;
}
