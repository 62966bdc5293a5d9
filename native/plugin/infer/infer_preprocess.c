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

  const gint sw = si.scaled_w, sh = si.scaled_h;
  Tap *tx = g_new (Tap, sw);
  Tap *ty = g_new (Tap, sh);
  make_taps (tx, sw, w, left, 4);
  make_taps (ty, sh, h, top, 1);

  /* Separable: each needed source row is resampled horizontally once into three planar float rows
   * (two cached rows), then every output row is a weighted sum of two cached rows per channel. */
  gint src_ch[3] = { 0, 1, 2 };
  if (pp->color_format == DSNET_COLOR_BGR) {
    src_ch[0] = 2;
    src_ch[2] = 0;
  }
  gfloat *rows = g_new (gfloat, (gsize) 6 * sw);
  gfloat *hr[2][3];
  for (int r = 0; r < 2; r++)
    for (int k = 0; k < 3; k++)
      hr[r][k] = rows + (gsize) (r * 3 + k) * sw;
  gint cached[2] = { -1, -1 };
  const gfloat s = pp->scale;
  const gboolean gray = C == 1;

  for (gint y = 0; y < sh; y++) {
    gint need[2] = { ty[y].o0, ty[y].o1 };
    gfloat *cur[2][3];
    for (int r = 0; r < 2; r++) {
      gint slot = cached[0] == need[r] ? 0 : (cached[1] == need[r] ? 1 : -1);
      if (slot < 0) {
        /* take the slot that does not hold the other row this output row needs */
        slot = cached[0] == need[1 - r] ? 1 : 0;
        {
          const guint8 *src = rgba + (gsize) need[r] * stride;
          gfloat *o0 = hr[slot][0], *o1 = hr[slot][1], *o2 = hr[slot][2];
          for (gint x = 0; x < sw; x++) {
            const guint8 *a = src + tx[x].o0, *b = src + tx[x].o1;
            const gfloat fx = tx[x].f;
            o0[x] = a[0] + fx * (gfloat) (b[0] - a[0]);
            o1[x] = a[1] + fx * (gfloat) (b[1] - a[1]);
            o2[x] = a[2] + fx * (gfloat) (b[2] - a[2]);
          }
          cached[slot] = need[r];
        }
      }
      for (int k = 0; k < 3; k++)
        cur[r][k] = hr[slot][k];
    }
    /* y = s·((1−fy)·r0 + fy·r1) + bias */
    const gfloat w1 = s * ty[y].f, w0 = s - w1;
    const gsize row = (gsize) (y + si.offset_top) * W + si.offset_left;
    if (gray) {
      const gfloat *r0 = cur[0][0], *g0 = cur[0][1], *b0 = cur[0][2];
      const gfloat *r1 = cur[1][0], *g1 = cur[1][1], *b1 = cur[1][2];
      gfloat *o = out + row;
      const gfloat bz = bias[0];
      for (gint x = 0; x < sw; x++) {
        gfloat l0 = 0.299f * r0[x] + 0.587f * g0[x] + 0.114f * b0[x];
        gfloat l1 = 0.299f * r1[x] + 0.587f * g1[x] + 0.114f * b1[x];
        o[x] = w0 * l0 + w1 * l1 + bz;
      }
    } else if (pp->nhwc) {
      gfloat *o = out + row * 3;
      for (int k = 0; k < 3; k++) {
        const gfloat *p0 = cur[0][src_ch[k]], *p1 = cur[1][src_ch[k]];
        const gfloat bz = bias[k];
        for (gint x = 0; x < sw; x++)
          o[x * 3 + k] = w0 * p0[x] + w1 * p1[x] + bz;
      }
    } else {
      for (int k = 0; k < 3; k++) {
        const gfloat *p0 = cur[0][src_ch[k]], *p1 = cur[1][src_ch[k]];
        gfloat *o = out + (gsize) k * plane + row;
        const gfloat bz = bias[k];
        for (gint x = 0; x < sw; x++)
          o[x] = w0 * p0[x] + w1 * p1[x] + bz;
      }
    }
  }
  g_free (rows);
  g_free (tx);
  g_free (ty);
}
