/*
 * Compile-time ABI check of nvdsinfer.h and dsnet_infer_meta.h (NvDsInferTensorMeta) against DeepStream 6.3
 * (shared/spec/nvdsinfer-custom-parser-abi.md §1, §2, §7.1): enum values, sizeof/alignof of every struct,
 * offset, size and type of every field; NvDsRoiMeta and the preprocess enums (§8.4). The C++-only structs are
 * checked in abi_layout_infer_cxx_test.cpp.
 */
#include <stddef.h>
#include <stdalign.h>

#include "dsnet_infer_meta.h"
#include "nvdsinfer.h"
#include "nvdspreprocess_meta.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define SAME_TYPE(a, b) __builtin_types_compatible_p (a, b)
#define FIELD(T, f, off, size, type)                                                        \
  _Static_assert (offsetof (T, f) == (off), #T "." #f " offset");                           \
  _Static_assert (sizeof (((T *) 0)->f) == (size), #T "." #f " size");                       \
  _Static_assert (SAME_TYPE (__typeof__ (((T *) 0)->f), type), #T "." #f " type")
#define STRUCT(T, size, align)                                                               \
  _Static_assert (sizeof (T) == (size), "sizeof " #T);                                       \
  _Static_assert (alignof (T) == (align), "alignof " #T)
#define ENUM(name, value) _Static_assert ((long long) (name) == (long long) (value), #name)

/* §1 */
ENUM (NVDSINFER_MAX_DIMS, 8);
ENUM (FLOAT, 0);
ENUM (HALF, 1);
ENUM (INT8, 2);
ENUM (INT32, 3);
ENUM (NVDSINFER_SUCCESS, 0);
ENUM (NVDSINFER_CONFIG_FAILED, 1);
ENUM (NVDSINFER_CUSTOM_LIB_FAILED, 2);
ENUM (NVDSINFER_INVALID_PARAMS, 3);
ENUM (NVDSINFER_OUTPUT_PARSING_FAILED, 4);
ENUM (NVDSINFER_CUDA_ERROR, 5);
ENUM (NVDSINFER_TENSORRT_ERROR, 6);
ENUM (NVDSINFER_RESOURCE_ERROR, 7);
ENUM (NVDSINFER_TRITON_ERROR, 8);
ENUM (NVDSINFER_TRTIS_ERROR, 8);
ENUM (NVDSINFER_MEM_ERROR, 9);
ENUM (NVDSINFER_UNKNOWN_ERROR, 10);
ENUM (NVDSINFER_LOG_ERROR, 0);
ENUM (NVDSINFER_LOG_WARNING, 1);
ENUM (NVDSINFER_LOG_INFO, 2);
ENUM (NVDSINFER_LOG_DEBUG, 3);
ENUM (NVDSINFER_TENSOR_OUTPUT_META, 12);

/* §2.1 – §2.7 */
STRUCT (NvDsInferDims, 40, 4);
FIELD (NvDsInferDims, numDims, 0, 4, unsigned int);
FIELD (NvDsInferDims, d, 4, 32, unsigned int[8]);
FIELD (NvDsInferDims, numElements, 36, 4, unsigned int);
STRUCT (NvDsInferDimsCHW, 12, 4);
FIELD (NvDsInferDimsCHW, c, 0, 4, unsigned int);
FIELD (NvDsInferDimsCHW, h, 4, 4, unsigned int);
FIELD (NvDsInferDimsCHW, w, 8, 4, unsigned int);
STRUCT (NvDsInferLayerInfo, 72, 8);
FIELD (NvDsInferLayerInfo, dataType, 0, 4, NvDsInferDataType);
FIELD (NvDsInferLayerInfo, inferDims, 4, 40, NvDsInferDims);
FIELD (NvDsInferLayerInfo, dims, 4, 40, NvDsInferDims);
FIELD (NvDsInferLayerInfo, bindingIndex, 44, 4, int);
FIELD (NvDsInferLayerInfo, layerName, 48, 8, const char *);
FIELD (NvDsInferLayerInfo, buffer, 56, 8, void *);
FIELD (NvDsInferLayerInfo, isInput, 64, 4, int);
STRUCT (NvDsInferNetworkInfo, 12, 4);
FIELD (NvDsInferNetworkInfo, width, 0, 4, unsigned int);
FIELD (NvDsInferNetworkInfo, height, 4, 4, unsigned int);
FIELD (NvDsInferNetworkInfo, channels, 8, 4, unsigned int);
STRUCT (NvDsInferObjectDetectionInfo, 24, 4);
_Static_assert (SAME_TYPE (NvDsInferParseObjectInfo, NvDsInferObjectDetectionInfo), "alias");
FIELD (NvDsInferObjectDetectionInfo, classId, 0, 4, unsigned int);
FIELD (NvDsInferObjectDetectionInfo, left, 4, 4, float);
FIELD (NvDsInferObjectDetectionInfo, top, 8, 4, float);
FIELD (NvDsInferObjectDetectionInfo, width, 12, 4, float);
FIELD (NvDsInferObjectDetectionInfo, height, 16, 4, float);
FIELD (NvDsInferObjectDetectionInfo, detectionConfidence, 20, 4, float);
STRUCT (NvDsInferInstanceMaskInfo, 48, 8);
FIELD (NvDsInferInstanceMaskInfo, classId, 0, 4, unsigned int);
FIELD (NvDsInferInstanceMaskInfo, left, 4, 4, float);
FIELD (NvDsInferInstanceMaskInfo, top, 8, 4, float);
FIELD (NvDsInferInstanceMaskInfo, width, 12, 4, float);
FIELD (NvDsInferInstanceMaskInfo, height, 16, 4, float);
FIELD (NvDsInferInstanceMaskInfo, detectionConfidence, 20, 4, float);
FIELD (NvDsInferInstanceMaskInfo, mask, 24, 8, float *);
FIELD (NvDsInferInstanceMaskInfo, mask_width, 32, 4, unsigned int);
FIELD (NvDsInferInstanceMaskInfo, mask_height, 36, 4, unsigned int);
FIELD (NvDsInferInstanceMaskInfo, mask_size, 40, 4, unsigned int);
STRUCT (NvDsInferAttribute, 24, 8);
FIELD (NvDsInferAttribute, attributeIndex, 0, 4, unsigned int);
FIELD (NvDsInferAttribute, attributeValue, 4, 4, unsigned int);
FIELD (NvDsInferAttribute, attributeConfidence, 8, 4, float);
FIELD (NvDsInferAttribute, attributeLabel, 16, 8, char *);

/* §7.1 */
STRUCT (NvDsInferTensorMeta, 64, 8);
FIELD (NvDsInferTensorMeta, unique_id, 0, 4, guint);
FIELD (NvDsInferTensorMeta, num_output_layers, 4, 4, guint);
FIELD (NvDsInferTensorMeta, output_layers_info, 8, 8, NvDsInferLayerInfo *);
FIELD (NvDsInferTensorMeta, out_buf_ptrs_host, 16, 8, void **);
FIELD (NvDsInferTensorMeta, out_buf_ptrs_dev, 24, 8, void **);
FIELD (NvDsInferTensorMeta, gpu_id, 32, 4, gint);
FIELD (NvDsInferTensorMeta, priv_data, 40, 8, void *);
FIELD (NvDsInferTensorMeta, network_info, 48, 12, NvDsInferNetworkInfo);
FIELD (NvDsInferTensorMeta, maintain_aspect_ratio, 60, 4, gboolean);

/* §8.4 */
ENUM (NVDS_PREPROCESS_FRAME_META, 20);
ENUM (NVDS_PREPROCESS_BATCH_META, 21);
ENUM (NvDsDataType_FP32, 0);
ENUM (NvDsDataType_UINT8, 1);
ENUM (NvDsDataType_INT8, 2);
ENUM (NvDsDataType_UINT32, 3);
ENUM (NvDsDataType_INT32, 4);
ENUM (NvDsDataType_FP16, 5);
ENUM (NvDsUnitType_FullFrame, 0);
ENUM (NvDsUnitType_ROI, 1);
ENUM (NvDsUnitType_Object, 2);
STRUCT (NvOSD_RectParams, 104, 8);
STRUCT (NvDsRoiMeta, 240, 8);
FIELD (NvDsRoiMeta, roi, 0, 104, NvOSD_RectParams);
FIELD (NvDsRoiMeta, roi_polygon, 104, 64, guint[8][2]);
FIELD (NvDsRoiMeta, converted_buffer, 168, 8, NvBufSurfaceParams *);
FIELD (NvDsRoiMeta, frame_meta, 176, 8, NvDsFrameMeta *);
FIELD (NvDsRoiMeta, scale_ratio_x, 184, 8, gdouble);
FIELD (NvDsRoiMeta, scale_ratio_y, 192, 8, gdouble);
FIELD (NvDsRoiMeta, offset_left, 200, 8, gdouble);
FIELD (NvDsRoiMeta, offset_top, 208, 8, gdouble);
FIELD (NvDsRoiMeta, classifier_meta_list, 216, 8, NvDsClassifierMetaList *);
FIELD (NvDsRoiMeta, roi_user_meta_list, 224, 8, NvDsUserMetaList *);
FIELD (NvDsRoiMeta, object_meta, 232, 8, NvDsObjectMeta *);

int
main (void)
{
  return 0;
}
