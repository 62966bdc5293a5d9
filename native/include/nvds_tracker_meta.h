/*
 * Tracker output metadata of DeepStream 6.3 (nvds_tracker_meta.h): past-frame data (batch user meta of type
 * NVDS_TRACKER_PAST_FRAME_META) and re-identification features (NVDS_TRACKER_BATCH_REID_META on the batch,
 * NVDS_TRACKER_OBJ_REID_META on each object: an int32 index into the batch tensor). Same names and layout
 * as NVIDIA's header, written from shared/spec/nvbufsurface-and-extra-meta.md §5 (checked by
 * native/tests/extra_meta_abi_test.c).
 */
#ifndef NVDS_TRACKER_META_H
#define NVDS_TRACKER_META_H

#include <stdint.h>

#include "nvll_osd_struct.h"
#include "nvdsmeta.h"

#ifdef __cplusplus
extern "C"
{
#endif

/* One past observation of a target. */
typedef struct _NvDsPastFrameObj
{
  uint32_t frameNum;
  NvOSD_RectParams tBbox;
  float confidence;
  uint32_t age;
} NvDsPastFrameObj;

/* The past observations of one target. */
typedef struct _NvDsPastFrameObjList
{
  NvDsPastFrameObj *list;
  uint32_t numObj;
  uint64_t uniqueId;
  uint16_t classId;
  gchar objLabel[MAX_LABEL_SIZE];
} NvDsPastFrameObjList;

/* The targets of one stream. */
typedef struct _NvDsPastFrameObjStream
{
  NvDsPastFrameObjList *list;
  uint32_t streamID;
  uint64_t surfaceStreamID;
  uint32_t numAllocated;
  uint32_t numFilled;
} NvDsPastFrameObjStream;

/* The streams of one batch. */
typedef struct _NvDsPastFrameObjBatch
{
  NvDsPastFrameObjStream *list;
  uint32_t numAllocated;
  uint32_t numFilled;
  void *priv_data;
} NvDsPastFrameObjBatch;

typedef NvDsPastFrameObjBatch NvDsTrajectoryBatch;

/* Re-identification feature vectors of one batch: numFilled vectors of featureSize floats. */
typedef struct _NvDsReidTensorBatch
{
  uint32_t featureSize;
  uint32_t numFilled;
  float *ptr_host;
  float *ptr_dev;
  void *priv_data;
} NvDsReidTensorBatch;

#ifdef __cplusplus
}
#endif

#endif /* NVDS_TRACKER_META_H */
