/*
 * DeepStream 6.3-compatible nvdspreprocess_meta.h: the batch user meta (meta_type NVDS_PREPROCESS_BATCH_META)
 * Gst-nvdspreprocess attaches and nvinfer consumes with input-tensor-meta. Same names and layout as DeepStream
 * 6.3 (shared/spec/nvdsinfer-custom-parser-abi.md §8.4), checked by abi_layout_infer_cxx_test.cpp.
 * The structs hold std::vector / std::string (libstdc++ C++11 ABI): C++ only; from C this header only gives
 * the enums and NvDsRoiMeta.
 */
#ifndef __NVDSPREPROCESS_META_H__
#define __NVDSPREPROCESS_META_H__

#include "nvds_roi_meta.h"

typedef enum
{
  NvDsDataType_FP32 = 0,
  NvDsDataType_UINT8,
  NvDsDataType_INT8,
  NvDsDataType_UINT32,
  NvDsDataType_INT32,
  NvDsDataType_FP16,
} NvDsDataType;

typedef enum
{
  NvDsUnitType_FullFrame = 0,
  NvDsUnitType_ROI,
  NvDsUnitType_Object,
} NvDsUnitType;

#ifdef __cplusplus

#include <string>
#include <vector>

/* The tensor of one batch of units. raw_tensor_buffer is host memory on the portable runtime. */
typedef struct
{
  void *raw_tensor_buffer;
  guint64 buffer_size;
  std::vector<int> tensor_shape;
  NvDsDataType data_type;
  std::string tensor_name;
  guint gpu_id;
  void *private_data;
  guint meta_id;
} NvDsPreProcessTensorMeta;

typedef struct
{
  std::vector<guint64> target_unique_ids;
  NvDsPreProcessTensorMeta *tensor_meta;
  std::vector<NvDsRoiMeta> roi_vector;
  void *private_data;
} GstNvDsPreProcessBatchMeta;

#endif /* __cplusplus */

#endif
