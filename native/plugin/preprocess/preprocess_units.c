/* dsnetpreprocess units and tensor slices. See preprocess_units.h. */
#include "preprocess_units.h"

static void
add_unit (GArray * units, guint frame, const DsnetPreprocessGroup * g, DsnetRect r, gint frame_w,
    gint frame_h)
{
  if (r.left >= frame_w || r.top >= frame_h)
    return;                     /* ROI entirely outside this frame */
  r.width = MIN (r.width, frame_w - r.left);
  r.height = MIN (r.height, frame_h - r.top);
  DsnetPreprocessUnit u = { frame, r, 0, 0, 0, 0, g };
  dsnet_preprocess_round_rect (frame_w, frame_h, r.left, r.top, r.width, r.height, &u.crop_left, &u.crop_top,
      &u.crop_w, &u.crop_h);
  if (u.crop_w > 0 && u.crop_h > 0)
    g_array_append_val (units, u);
}

void
dsnet_preprocess_plan_units (const DsnetPreprocessConfig * cfg, const guint * source_ids, guint n_frames,
    gint frame_w, gint frame_h, GArray * units)
{
  for (guint gi = 0; gi < cfg->groups->len; gi++) {
    const DsnetPreprocessGroup *g = g_ptr_array_index (cfg->groups, gi);
    for (guint f = 0; f < n_frames; f++) {
      if (dsnet_preprocess_config_group_for (cfg, source_ids[f]) != g)
        continue;
      if (!g->process_on_roi) {
        DsnetRect whole = { 0, 0, frame_w, frame_h };
        add_unit (units, f, g, whole, frame_w, frame_h);
        continue;
      }
      const GArray *rois = dsnet_preprocess_group_rois (g, source_ids[f]);
      for (guint i = 0; rois != NULL && i < rois->len; i++)
        add_unit (units, f, g, g_array_index (rois, DsnetRect, i), frame_w, frame_h);
    }
  }
}

void
dsnet_preprocess_config_network (const DsnetPreprocessConfig * cfg, DsnetPreprocess * pp)
{
  pp->net_w = cfg->processing_width;
  pp->net_h = cfg->processing_height;
  pp->channels = cfg->channels;
  pp->color_format = cfg->color_format;
  pp->nhwc = cfg->network_input_order == 1;
  pp->maintain_aspect_ratio = cfg->maintain_aspect_ratio;
  pp->symmetric_padding = cfg->symmetric_padding;
  pp->scale = (gfloat) cfg->pixel_normalization_factor;
  for (guint i = 0; i < 4; i++)
    pp->mean[i] = i < cfg->n_offsets ? (gfloat) cfg->offsets[i] : 0.f;
}

gsize
dsnet_preprocess_slice_floats (const DsnetPreprocessConfig * cfg)
{
  return (gsize) cfg->channels * cfg->processing_width * cfg->processing_height;
}
