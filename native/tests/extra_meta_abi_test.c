/*
 * Compile-time ABI check of the tracker, optical-flow and latency meta headers against DeepStream 6.3
 * (shared/spec/nvbufsurface-and-extra-meta.md §0.1, §5.1, §6, §7.1).
 */
#include <stddef.h>
#include <stdalign.h>

#include "nvds_latency_meta.h"
#include "nvds_opticalflow_meta.h"
#include "nvds_tracker_meta.h"

#include "abi_check.h"

_Static_assert (NVDS_OPTICAL_FLOW_META == 10 && NVDS_LATENCY_MEASUREMENT_META == 11
    && NVDS_CROP_IMAGE_META == 14 && NVDS_TRACKER_PAST_FRAME_META == 15 && NVDS_TRACKER_BATCH_REID_META == 16
    && NVDS_TRACKER_OBJ_REID_META == 17, "meta types (6.3 numbering)");

STRUCT (NvDsPastFrameObj, 120, 8);
FIELD_AT (NvDsPastFrameObj, frameNum, 0, 4);
FIELD_AT (NvDsPastFrameObj, tBbox, 8, 104);
FIELD_AT (NvDsPastFrameObj, confidence, 112, 4);
FIELD_AT (NvDsPastFrameObj, age, 116, 4);
STRUCT (NvDsPastFrameObjList, 160, 8);
FIELD_AT (NvDsPastFrameObjList, list, 0, 8);
FIELD_AT (NvDsPastFrameObjList, numObj, 8, 4);
FIELD_AT (NvDsPastFrameObjList, uniqueId, 16, 8);
FIELD_AT (NvDsPastFrameObjList, classId, 24, 2);
FIELD_AT (NvDsPastFrameObjList, objLabel, 26, 128);
STRUCT (NvDsPastFrameObjStream, 32, 8);
FIELD_AT (NvDsPastFrameObjStream, list, 0, 8);
FIELD_AT (NvDsPastFrameObjStream, streamID, 8, 4);
FIELD_AT (NvDsPastFrameObjStream, surfaceStreamID, 16, 8);
FIELD_AT (NvDsPastFrameObjStream, numAllocated, 24, 4);
FIELD_AT (NvDsPastFrameObjStream, numFilled, 28, 4);
STRUCT (NvDsPastFrameObjBatch, 24, 8);
FIELD_AT (NvDsPastFrameObjBatch, list, 0, 8);
FIELD_AT (NvDsPastFrameObjBatch, numAllocated, 8, 4);
FIELD_AT (NvDsPastFrameObjBatch, numFilled, 12, 4);
FIELD_AT (NvDsPastFrameObjBatch, priv_data, 16, 8);
_Static_assert (__builtin_types_compatible_p (NvDsTrajectoryBatch, NvDsPastFrameObjBatch), "NvDsTrajectoryBatch");
STRUCT (NvDsReidTensorBatch, 32, 8);
FIELD_AT (NvDsReidTensorBatch, featureSize, 0, 4);
FIELD_AT (NvDsReidTensorBatch, numFilled, 4, 4);
FIELD_AT (NvDsReidTensorBatch, ptr_host, 8, 8);
FIELD_AT (NvDsReidTensorBatch, ptr_dev, 16, 8);
FIELD_AT (NvDsReidTensorBatch, priv_data, 24, 8);

STRUCT (NvOFFlowVector, 4, 2);
FIELD_AT (NvOFFlowVector, flowx, 0, 2);
FIELD_AT (NvOFFlowVector, flowy, 2, 2);
STRUCT (NvDsOpticalFlowMeta, 48, 8);
FIELD_AT (NvDsOpticalFlowMeta, rows, 0, 4);
FIELD_AT (NvDsOpticalFlowMeta, cols, 4, 4);
FIELD_AT (NvDsOpticalFlowMeta, mv_size, 8, 4);
FIELD_AT (NvDsOpticalFlowMeta, frame_num, 16, 8);
FIELD_AT (NvDsOpticalFlowMeta, data, 24, 8);
FIELD_AT (NvDsOpticalFlowMeta, priv, 32, 8);
FIELD_AT (NvDsOpticalFlowMeta, reserved, 40, 8);

_Static_assert (MAX_COMPONENT_LEN == 64, "MAX_COMPONENT_LEN");
STRUCT (NvDsMetaSubCompLatency, 80, 8);
FIELD_AT (NvDsMetaSubCompLatency, sub_comp_name, 0, 64);
FIELD_AT (NvDsMetaSubCompLatency, in_system_timestamp, 64, 8);
FIELD_AT (NvDsMetaSubCompLatency, out_system_timestamp, 72, 8);
STRUCT (NvDsMetaCompLatency, 1384, 8);
FIELD_AT (NvDsMetaCompLatency, component_name, 0, 64);
FIELD_AT (NvDsMetaCompLatency, in_system_timestamp, 64, 8);
FIELD_AT (NvDsMetaCompLatency, out_system_timestamp, 72, 8);
FIELD_AT (NvDsMetaCompLatency, source_id, 80, 4);
FIELD_AT (NvDsMetaCompLatency, frame_num, 84, 4);
FIELD_AT (NvDsMetaCompLatency, pad_index, 88, 4);
FIELD_AT (NvDsMetaCompLatency, sub_comp_latencies, 96, 1280);
FIELD_AT (NvDsMetaCompLatency, num_sub_comps, 1376, 4);
STRUCT (NvDsFrameLatencyInfo, 24, 8);
FIELD_AT (NvDsFrameLatencyInfo, source_id, 0, 4);
FIELD_AT (NvDsFrameLatencyInfo, frame_num, 4, 4);
FIELD_AT (NvDsFrameLatencyInfo, comp_in_timestamp, 8, 8);
FIELD_AT (NvDsFrameLatencyInfo, latency, 16, 8);

int
main (void)
{
  return 0;
}
