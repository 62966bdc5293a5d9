/*
 * CPU preprocessing. The bilinear resize precomputes, per output column and row, the two source taps and
 * the weight, so the inner loop is multiply-adds only (no divisions); normalisation is one fused
 * multiply-add per value (scale·x + bias with bias = −scale·mean).
 */
#include "infer_preprocess.h"

#include <math.h>
#include <string.h>

#include "infer_config.h"

void
dsnet_preprocess_compute_scale (const DsnetPreprocess * pp, gint src_w, gint src_h, DsnetScaleInfo * info)
{
  gint W = pp->net_w, H = pp->net_h;
  gint w = W, h = H;
  if (pp->maintain_aspect_ratio && src_w > 0 && src_h > 0) {
    gint64 hp = (gint64) W * src_h / src_w;
    if (hp <= H) {
      w = W;
      h = (gint) hp;
    } else {
      w = (gint) ((gint64) H * src_w / src_h);
      h = H;
    }
    w = MAX (w, 1);
    h = MAX (h, 1);
  }
  info->scaled_w = w;
  info->scaled_h = h;
  info->offset_left = 0;
  info->offset_top = 0;
  if (pp->maintain_aspect_ratio && pp->symmetric_padding) {
    info->offset_left = (W - w) / 2;
    info->offset_top = (H - h) / 2;
  }
  info->ratio_x = src_w > 0 ? (gdouble) w / src_w : 1.0;
  info->ratio_y = src_h > 0 ? (gdouble) h / src_h : 1.0;
  info->src_w = src_w;
  info->src_h = src_h;
}

void
dsnet_preprocess_round_rect (gint frame_w, gint frame_h, gdouble left, gdouble top, gdouble width,
    gdouble height, gint * out_left, gint * out_top, gint * out_w, gint * out_h)
{
  /* nvinfer: left/top rounded up to even, width/height down to even; then kept inside the frame */
  gint l = (gint) ceil (MAX (left, 0.0));
  gint t = (gint) ceil (MAX (top, 0.0));
  l += l & 1;
  t += t & 1;
  l = MIN (l, MAX ((frame_w - 2) & ~1, 0));
  t = MIN (t, MAX ((frame_h - 2) & ~1, 0));
  gint w = ((gint) MAX (width, 0.0)) & ~1;
  gint h = ((gint) MAX (height, 0.0)) & ~1;
  w = MIN (w, frame_w - l);
  h = MIN (h, frame_h - t);
  w = MAX (w, MIN (2, frame_w - l));
  h = MAX (h, MIN (2, frame_h - t));
  *out_left = l;
  *out_top = t;
  *out_w = w;
  *out_h = h;
}

/* Per destination coordinate: byte offsets of the two source taps and the weight of the second one. */
typedef struct
{
  gint o0, o1;
  gfloat f;
} Tap;

static void
make_taps (Tap * taps, gint dst, gint src, gint origin, gint unit)
{
  gdouble s = (gdouble) src / dst;
  for (gint i = 0; i < dst; i++) {
    gdouble x = (i + 0.5) * s - 0.5;    /* pixel-centre alignment */
    if (x < 0)
      x = 0;
    gint x0 = (gint) x;
    if (x0 > src - 1)
      x0 = src - 1;
    gint x1 = MIN (x0 + 1, src - 1);
    taps[i].f = (gfloat) (x - x0);
    if (x0 == x1)
      taps[i].f = 0.f;
    taps[i].o0 = (origin + x0) * unit;
    taps[i].o1 = (origin + x1) * unit;
  }
}

void
dsnet_preprocess_rgba (const DsnetPreprocess * pp, const guint8 * rgba, gint stride, gint left, gint top,
    gint w, gint h, gfloat * out, DsnetScaleInfo * info)
{
  DsnetScaleInfo si;
  dsnet_preprocess_compute_scale (pp, w, h, &si);
  si.src_left = left;
  si.src_top = top;
  if (info)
    *info = si;

  const gint W = pp->net_w, H = pp->net_h, C = pp->channels;
  const gsize plane = (gsize) W * H;
  gfloat bias[4];
  for (gint c = 0; c < C; c++)
    bias[c] = -pp->scale * pp->mean[c];

  /* padding (black = 0 before normalisation) */
  if (si.scaled_w != W || si.scaled_h != H) {
    if (pp->nhwc) {
      for (gsize i = 0; i < plane; i++)
        for (gint c = 0; c < C; c++)
          out[i * C + c] = bias[c];
    } else {
      for (gint c = 0; c < C; c++)
        for (gsize i = 0; i < plane; i++)
          out[c * plane + i] = bias[c];
    }
  }

  Tap *tx = g_new (Tap, si.scaled_w);
  Tap *ty = g_new (Tap, si.scaled_h);
  make_taps (tx, si.scaled_w, w, left, 4);
  make_taps (ty, si.scaled_h, h, top, 1);

  /* channel c of the output reads RGBA byte ch[c] */
  gint ch[3] = { 0, 1, 2 };
  if (pp->color_format == DSNET_COLOR_BGR) {
    ch[0] = 2;
    ch[2] = 0;
  }
  const gfloat s = pp->scale;
  const gboolean gray = C == 1;

  for (gint y = 0; y < si.scaled_h; y++) {
    const guint8 *r0 = rgba + (gsize) ty[y].o0 * stride;
    const guint8 *r1 = rgba + (gsize) ty[y].o1 * stride;
    const gfloat fy = ty[y].f;
    const gsize row = (gsize) (y + si.offset_top) * W + si.offset_left;
    for (gint x = 0; x < si.scaled_w; x++) {
      const guint8 *a = r0 + tx[x].o0, *b = r0 + tx[x].o1, *c_ = r1 + tx[x].o0, *d = r1 + tx[x].o1;
      const gfloat fx = tx[x].f;
      gfloat v[3];
      for (gint k = 0; k < 3; k++) {
        gfloat t = a[k] + fx * (gfloat) (b[k] - a[k]);
        gfloat u = c_[k] + fx * (gfloat) (d[k] - c_[k]);
        v[k] = t + fy * (u - t);
      }
      const gsize idx = row + x;
      if (gray) {
        gfloat l = 0.299f * v[0] + 0.587f * v[1] + 0.114f * v[2];
        out[idx] = s * l + bias[0];
      } else if (pp->nhwc) {
        gfloat *o = out + idx * 3;
        o[0] = s * v[ch[0]] + bias[0];
        o[1] = s * v[ch[1]] + bias[1];
        o[2] = s * v[ch[2]] + bias[2];
      } else {
        out[idx] = s * v[ch[0]] + bias[0];
        out[plane + idx] = s * v[ch[1]] + bias[1];
        out[2 * plane + idx] = s * v[ch[2]] + bias[2];
      }
    }
  }
  g_free (tx);
  g_free (ty);
}
