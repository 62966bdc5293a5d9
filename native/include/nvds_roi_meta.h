/*
 * DeepStream 6.3-compatible nvds_roi_meta.h: one unit (ROI, whole frame or object) that Gst-nvdspreprocess
 * prepared for inference, with the scaling that maps network coordinates back to the frame. Same names and
 * layout as DeepStream 6.3 (shared/spec/nvdsinfer-custom-parser-abi.md §8.4), checked by
 * native/tests/abi_layout_infer_test.c.
 */
#ifndef NVDS_ROI_META_H
#define NVDS_ROI_META_H

#include <glib.h>

#include "nvdsmeta.h"
#include "nvll_osd_struct.h"

G_BEGIN_DECLS

#define DS_MAX_POLYGON_POINTS 8

/* The scaled crop of a unit (a surface of NVIDIA's buffer API; always NULL on the portable runtime). */
typedef struct NvBufSurfaceParams NvBufSurfaceParams;

/* (the typedef NvDsRoiMeta is in nvdsmeta.h) */
struct NvDsRoiMeta
{
  NvOSD_RectParams roi;                 /* unit rectangle in frame (muxer output) pixels */
  guint roi_polygon[DS_MAX_POLYGON_POINTS][2];  /* unused */
  NvBufSurfaceParams *converted_buffer;
  NvDsFrameMeta *frame_meta;
  gdouble scale_ratio_x;                /* scaled width / crop width */
  gdouble scale_ratio_y;
  gdouble offset_left;                  /* padding before the scaled crop (symmetric padding) */
  gdouble offset_top;
  NvDsClassifierMetaList *classifier_meta_list;
  NvDsUserMetaList *roi_user_meta_list;
  NvDsObjectMeta *object_meta;          /* object mode: the object of the unit */
};

G_END_DECLS

#endif
