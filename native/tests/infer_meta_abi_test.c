/*
 * Compile-time ABI check of native/include/dsnet_infer_meta.h against DeepStream 6.3's tensor output meta
 * (shared/spec/nvdsinfer-custom-parser-abi.md §1.1, §2.1, §2.3, §2.4, §7.1, §7.3): managed views read these
 * structs the same way on both runtimes.
 */
#include <stddef.h>
#include <stdalign.h>

#include "dsnet_infer_meta.h"

#include "abi_check.h"

_Static_assert (FLOAT == 0 && HALF == 1 && INT8 == 2 && INT32 == 3, "NvDsInferDataType");
_Static_assert (NVDSINFER_MAX_DIMS == 8, "NVDSINFER_MAX_DIMS");
_Static_assert (NVDSINFER_TENSOR_OUTPUT_META == 12 && NVDSINFER_SEGMENTATION_META == 13, "meta types");

STRUCT (NvDsInferDims, 40, 4);
FIELD_AT (NvDsInferDims, numDims, 0, 4);
FIELD_AT (NvDsInferDims, d, 4, 32);
FIELD_AT (NvDsInferDims, numElements, 36, 4);

STRUCT (NvDsInferLayerInfo, 72, 8);
FIELD_AT (NvDsInferLayerInfo, dataType, 0, 4);
FIELD_AT (NvDsInferLayerInfo, inferDims, 4, 40);
FIELD_AT (NvDsInferLayerInfo, bindingIndex, 44, 4);
FIELD_AT (NvDsInferLayerInfo, layerName, 48, 8);
FIELD_AT (NvDsInferLayerInfo, buffer, 56, 8);
FIELD_AT (NvDsInferLayerInfo, isInput, 64, 4);

STRUCT (NvDsInferNetworkInfo, 12, 4);
FIELD_AT (NvDsInferNetworkInfo, width, 0, 4);
FIELD_AT (NvDsInferNetworkInfo, height, 4, 4);
FIELD_AT (NvDsInferNetworkInfo, channels, 8, 4);

STRUCT (NvDsInferTensorMeta, 64, 8);
FIELD_AT (NvDsInferTensorMeta, unique_id, 0, 4);
FIELD_AT (NvDsInferTensorMeta, num_output_layers, 4, 4);
FIELD_AT (NvDsInferTensorMeta, output_layers_info, 8, 8);
FIELD_AT (NvDsInferTensorMeta, out_buf_ptrs_host, 16, 8);
FIELD_AT (NvDsInferTensorMeta, out_buf_ptrs_dev, 24, 8);
FIELD_AT (NvDsInferTensorMeta, gpu_id, 32, 4);
FIELD_AT (NvDsInferTensorMeta, priv_data, 40, 8);
FIELD_AT (NvDsInferTensorMeta, network_info, 48, 12);
FIELD_AT (NvDsInferTensorMeta, maintain_aspect_ratio, 60, 4);

STRUCT (NvDsInferSegmentationMeta, 48, 8);
FIELD_AT (NvDsInferSegmentationMeta, classes, 0, 4);
FIELD_AT (NvDsInferSegmentationMeta, width, 4, 4);
FIELD_AT (NvDsInferSegmentationMeta, height, 8, 4);
FIELD_AT (NvDsInferSegmentationMeta, class_map, 16, 8);
FIELD_AT (NvDsInferSegmentationMeta, class_probabilities_map, 24, 8);
FIELD_AT (NvDsInferSegmentationMeta, priv_data, 32, 8);
FIELD_AT (NvDsInferSegmentationMeta, unique_id, 40, 4);

int
main (void)
{
  return 0;
}
