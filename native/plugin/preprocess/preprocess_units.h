/*
 * dsnetpreprocess units (shared/spec/nvdsinfer-custom-parser-abi.md §8.3): which rectangles of which frames
 * become tensor slices (groups in file order, ROIs clipped to the frame, crops rounded to even), and filling one
 * slice with nvinfer's preprocessing (infer_preprocess.h). GStreamer-free.
 */
#ifndef DSNET_PREPROCESS_UNITS_H
#define DSNET_PREPROCESS_UNITS_H

#include <glib.h>

#include "infer_preprocess.h"
#include "preprocess_config.h"

G_BEGIN_DECLS

typedef struct
{
  guint frame;                  /* index into the caller's frame list */
  DsnetRect roi;                /* the unit in frame pixels, clipped to the frame (NvDsRoiMeta.roi) */
  gint crop_left, crop_top, crop_w, crop_h;     /* the pixels scaled: left/top up, width/height down to even */
  const DsnetPreprocessGroup *group;
} DsnetPreprocessUnit;

/*
 * Appends the units of `n_frames` frames (their source ids; every frame frame_w×frame_h) to `units`: for each
 * group in file order, each frame whose source the group handles (first group listing it), every ROI of that
 * source (process-on-roi=1) or the whole frame.
 */
void dsnet_preprocess_plan_units (const DsnetPreprocessConfig * config, const guint * source_ids,
    guint n_frames, gint frame_w, gint frame_h, GArray * units);

/* The network-side settings of `config` (processing size, colour order, layout, scale, offsets). */
void dsnet_preprocess_config_network (const DsnetPreprocessConfig * config, DsnetPreprocess * pp);

/* Floats of one unit's tensor slice. */
gsize dsnet_preprocess_slice_floats (const DsnetPreprocessConfig * config);

G_END_DECLS

#endif
