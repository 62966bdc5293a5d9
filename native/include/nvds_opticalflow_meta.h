/*
 * Optical flow metadata of DeepStream 6.3 (nvds_opticalflow_meta.h): frame user meta of type
 * NVDS_OPTICAL_FLOW_META holding rows × cols motion vectors. Same names and layout as NVIDIA's header,
 * written from shared/spec/nvbufsurface-and-extra-meta.md §6 (checked by native/tests/extra_meta_abi_test.c).
 */
#ifndef NVDS_OPTICALFLOW_META_H
#define NVDS_OPTICALFLOW_META_H

#include <glib.h>

#ifdef __cplusplus
extern "C"
{
#endif

/* One motion vector (raw fixed-point values, see the spec for the scale). */
typedef struct _NvOFFlowVector
{
  gshort flowx;
  gshort flowy;
} NvOFFlowVector;

typedef struct
{
  guint rows;
  guint cols;
  guint mv_size;
  gulong frame_num;
  void *data;                   /* rows × cols NvOFFlowVector, row-major */
  void *priv;
  void *reserved;
} NvDsOpticalFlowMeta;

#ifdef __cplusplus
}
#endif

#endif /* NVDS_OPTICALFLOW_META_H */
