/*
 * Compile-time ABI check of the tracker, optical-flow and latency meta headers against DeepStream 6.3
 * (shared/spec/nvbufsurface-and-extra-meta.md §0.1, §5.1, §6, §7.1).
 */
#include <stddef.h>
#include <stdalign.h>

#include "nvds_latency_meta.h"
#include "nvds_opticalflow_meta.h"
#include "nvds_tracker_meta.h"

#define FIELD(T, f, off, size)                                                               \
  _Static_assert (offsetof (T, f) == (off), #T "." #f " offset");                           \
  _Static_assert (sizeof (((T *) 0)->f) == (size), #T "." #f " size")
#define STRUCT(T, size, align)                                                               \
  _Static_assert (sizeof (T) == (size), "sizeof " #T);                                       \
  _Static_assert (alignof (T) == (align), "alignof " #T)

_Static_assert (NVDS_OPTICAL_FLOW_META == 10 && NVDS_LATENCY_MEASUREMENT_META == 11
    && NVDS_CROP_IMAGE_META == 14 && NVDS_TRACKER_PAST_FRAME_META == 15 && NVDS_TRACKER_BATCH_REID_META == 16
    && NVDS_TRACKER_OBJ_REID_META == 17, "meta types (6.3 numbering)");

STRUCT (NvDsPastFrameObj, 120, 8);
FIELD (NvDsPastFrameObj, frameNum, 0, 4);
FIELD (NvDsPastFrameObj, tBbox, 8, 104);
FIELD (NvDsPastFrameObj, confidence, 112, 4);
FIELD (NvDsPastFrameObj, age, 116, 4);
STRUCT (NvDsPastFrameObjList, 160, 8);
FIELD (NvDsPastFrameObjList, list, 0, 8);
FIELD (NvDsPastFrameObjList, numObj, 8, 4);
FIELD (NvDsPastFrameObjList, uniqueId, 16, 8);
FIELD (NvDsPastFrameObjList, classId, 24, 2);
FIELD (NvDsPastFrameObjList, objLabel, 26, 128);
STRUCT (NvDsPastFrameObjStream, 32, 8);
FIELD (NvDsPastFrameObjStream, list, 0, 8);
FIELD (NvDsPastFrameObjStream, streamID, 8, 4);
FIELD (NvDsPastFrameObjStream, surfaceStreamID, 16, 8);
FIELD (NvDsPastFrameObjStream, numAllocated, 24, 4);
FIELD (NvDsPastFrameObjStream, numFilled, 28, 4);
STRUCT (NvDsPastFrameObjBatch, 24, 8);
FIELD (NvDsPastFrameObjBatch, list, 0, 8);
FIELD (NvDsPastFrameObjBatch, numAllocated, 8, 4);
FIELD (NvDsPastFrameObjBatch, numFilled, 12, 4);
FIELD (NvDsPastFrameObjBatch, priv_data, 16, 8);
_Static_assert (__builtin_types_compatible_p (NvDsTrajectoryBatch, NvDsPastFrameObjBatch), "NvDsTrajectoryBatch");
STRUCT (NvDsReidTensorBatch, 32, 8);
FIELD (NvDsReidTensorBatch, featureSize, 0, 4);
FIELD (NvDsReidTensorBatch, numFilled, 4, 4);
FIELD (NvDsReidTensorBatch, ptr_host, 8, 8);
FIELD (NvDsReidTensorBatch, ptr_dev, 16, 8);
FIELD (NvDsReidTensorBatch, priv_data, 24, 8);

STRUCT (NvOFFlowVector, 4, 2);
FIELD (NvOFFlowVector, flowx, 0, 2);
FIELD (NvOFFlowVector, flowy, 2, 2);
STRUCT (NvDsOpticalFlowMeta, 48, 8);
FIELD (NvDsOpticalFlowMeta, rows, 0, 4);
FIELD (NvDsOpticalFlowMeta, cols, 4, 4);
FIELD (NvDsOpticalFlowMeta, mv_size, 8, 4);
FIELD (NvDsOpticalFlowMeta, frame_num, 16, 8);
FIELD (NvDsOpticalFlowMeta, data, 24, 8);
FIELD (NvDsOpticalFlowMeta, priv, 32, 8);
FIELD (NvDsOpticalFlowMeta, reserved, 40, 8);

_Static_assert (MAX_COMPONENT_LEN == 64, "MAX_COMPONENT_LEN");
STRUCT (NvDsMetaSubCompLatency, 80, 8);
FIELD (NvDsMetaSubCompLatency, sub_comp_name, 0, 64);
FIELD (NvDsMetaSubCompLatency, in_system_timestamp, 64, 8);
FIELD (NvDsMetaSubCompLatency, out_system_timestamp, 72, 8);
STRUCT (NvDsMetaCompLatency, 1384, 8);
FIELD (NvDsMetaCompLatency, component_name, 0, 64);
FIELD (NvDsMetaCompLatency, in_system_timestamp, 64, 8);
FIELD (NvDsMetaCompLatency, out_system_timestamp, 72, 8);
FIELD (NvDsMetaCompLatency, source_id, 80, 4);
FIELD (NvDsMetaCompLatency, frame_num, 84, 4);
FIELD (NvDsMetaCompLatency, pad_index, 88, 4);
FIELD (NvDsMetaCompLatency, sub_comp_latencies, 96, 1280);
FIELD (NvDsMetaCompLatency, num_sub_comps, 1376, 4);
STRUCT (NvDsFrameLatencyInfo, 24, 8);
FIELD (NvDsFrameLatencyInfo, source_id, 0, 4);
FIELD (NvDsFrameLatencyInfo, frame_num, 4, 4);
FIELD (NvDsFrameLatencyInfo, comp_in_timestamp, 8, 8);
FIELD (NvDsFrameLatencyInfo, latency, 16, 8);

int
main (void)
{
  return 0;
}
