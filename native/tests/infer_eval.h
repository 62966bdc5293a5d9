/* Test helpers for dsnetinfer: the Kaggle face-mask dev set (VOC xml), PNG decoding with GStreamer, and
 * class-agnostic face AP@0.5 (VOC all-point) plus mask/no-mask accuracy on matched faces. */
#ifndef DSNET_INFER_EVAL_H
#define DSNET_INFER_EVAL_H

#include <gst/gst.h>

G_BEGIN_DECLS

#define EVAL_MASK 0
#define EVAL_NO_MASK 1

typedef struct
{
  gint cls;                     /* EVAL_MASK (with_mask, mask_weared_incorrect) or EVAL_NO_MASK */
  gdouble x1, y1, x2, y2;
} EvalBox;

typedef struct
{
  gchar *image_path;
  GArray *gt;                   /* of EvalBox */
} EvalImage;

typedef struct
{
  guint image;
  gint cls;
  gdouble score;
  gdouble x1, y1, x2, y2;
} EvalDet;

/* Images of ../shared/datasets/kaggle-facemask-dev sorted by name; `limit` 0 = all. NULL when missing. */
GPtrArray *eval_load_dataset (guint limit);

/* Decodes a PNG with filesrc ! pngdec ! videoconvert ! RGBA; returns the buffer (stride = width*4). */
GstBuffer *eval_decode_png (const gchar * path, gint * width, gint * height, GError ** error);

/* AP@0.5 over all faces (class-agnostic, VOC all-point) and accuracy on detections with score >= 0.5
 * matched to a face (IoU >= 0.5). plus_one: IoU with the VOC devkit's inclusive-pixel widths. */
void eval_score (GPtrArray * images, GArray * dets, gboolean plus_one, gdouble * ap, gdouble * accuracy,
    guint * matched);

G_END_DECLS

#endif
