/*
 * Detector output: the built-in DetectNet_v2 parser (network-input pixels), clustering
 * (cluster-mode 0–4, spec §10), back-mapping to frame coordinates and the per-class filters (§8).
 */
#ifndef DSNET_INFER_DETECT_H
#define DSNET_INFER_DETECT_H

#include <glib.h>

#include "infer_config.h"
#include "infer_preprocess.h"

G_BEGIN_DECLS

/* One detection. */
typedef struct
{
  gint class_id;
  gfloat left, top, width, height;
  gfloat confidence;
} DsnetInferObject;

/* The built-in parser's name in parse-bbox-func-name (every other name needs custom-lib-path). */
#define DSNET_PARSER_DETECTNET_V2 "NvDsInferParseDetectNetV2"

/* What the parsers need from the config. */
typedef struct
{
  gint net_w, net_h;
  gint num_classes;             /* num-detected-classes */
  const gdouble *pre_threshold; /* per class, num_classes entries */
} DsnetDetectParams;

/*
 * DetectNet_v2 grid decode (spec §9). cov: [C, Hg, Wg]; bbox: [4·C, Hb, Wb] (batch excluded).
 * Appends DsnetInferObject to `out`. FALSE + error on inconsistent shapes.
 */
gboolean dsnet_parse_detectnet_v2 (const DsnetDetectParams * p, const gfloat * cov, gint C, gint Hg,
    gint Wg, const gfloat * bbox, gint Cb, gint Hb, gint Wb, GArray * out, GError ** error);

/* IoU of two boxes (continuous coordinates, 0 when the union is 0). */
gdouble dsnet_iou (const DsnetInferObject * a, const DsnetInferObject * b);

/*
 * Clusters `in` (all classes) per class with cfg->cluster_mode and the class attributes; writes the result
 * grouped by class in ascending order into `out`. Mode 0 (GroupRectangles) runs NMS with topk 20 and IoU 0.5.
 */
void dsnet_cluster (const DsnetInferConfig * cfg, GArray * in, GArray * out);

/* Single-class helpers (exposed for tests). `objs` is modified in place. */
void dsnet_cluster_nms (GArray * objs, gdouble iou_threshold, gdouble post_threshold, gint topk);
void dsnet_cluster_dbscan (GArray * objs, const DsnetInferClassAttrs * a, gboolean average);
void dsnet_cluster_topk (GArray * objs, gint topk);

/*
 * Maps a detection from network-input pixels to frame coordinates (spec §8.1) and applies the filters of
 * §8.2. `roi_left/top` is added after clamping negatives (secondary mode: the parent's left/top, with
 * frame limits checked on the final box). Returns FALSE when the object is dropped.
 */
gboolean dsnet_map_object (const DsnetInferConfig * cfg, const DsnetScaleInfo * si, gdouble roi_left,
    gdouble roi_top, gint frame_w, gint frame_h, DsnetInferObject * o);

G_END_DECLS

#endif
