/*
 * nvinfer preprocessing (spec §6) on the CPU: crop, bilinear resize (stretch or letterbox), colour order,
 * y = net-scale-factor × (x − mean), planar (NCHW) or packed (NHWC) float32.
 */
#ifndef DSNET_INFER_PREPROCESS_H
#define DSNET_INFER_PREPROCESS_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint net_w, net_h, channels;  /* channels: 3 (RGB/BGR) or 1 (GRAY) */
  gint color_format;            /* DsnetColorFormat */
  gboolean nhwc;                /* network-input-order=1 */
  gboolean maintain_aspect_ratio;
  gboolean symmetric_padding;
  gfloat scale;                 /* net-scale-factor */
  gfloat mean[4];               /* offsets (0 when absent) */
} DsnetPreprocess;

/* How a source rectangle landed in the network input (for back-mapping, spec §8.1). */
typedef struct
{
  gint src_left, src_top, src_w, src_h;  /* source rectangle actually used (even-rounded) */
  gint scaled_w, scaled_h;      /* size of the resized image inside the network input */
  gint offset_left, offset_top; /* padding before it */
  gdouble ratio_x, ratio_y;     /* scaled / source */
} DsnetScaleInfo;

/* Computes the scaling of a src_w×src_h region into the network input (aspect ratio / padding rules). */
void dsnet_preprocess_compute_scale (const DsnetPreprocess * pp, gint src_w, gint src_h,
    DsnetScaleInfo * info);

/* Rounds a rectangle as nvinfer does: left/top up to even, width/height down to even (min 2), clipped. */
void dsnet_preprocess_round_rect (gint frame_w, gint frame_h, gdouble left, gdouble top, gdouble width,
    gdouble height, gint * out_left, gint * out_top, gint * out_w, gint * out_h);

/*
 * Writes one network input (net_w×net_h×channels floats) from the RGBA rectangle (left, top, w, h) of an
 * image with `stride` bytes per row. Returns the scaling used. Region must lie inside the image.
 */
void dsnet_preprocess_rgba (const DsnetPreprocess * pp, const guint8 * rgba, gint stride, gint left,
    gint top, gint w, gint h, gfloat * out, DsnetScaleInfo * info);

G_END_DECLS

#endif
