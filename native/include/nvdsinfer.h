/*
 * DeepStream 6.3-compatible nvdsinfer.h: the data types nvinfer hands to custom parser libraries (layer
 * descriptions, network size, detections, classifier attributes) and its status/log enums. Same type, field
 * and enum names and the same layout as DeepStream 6.3 (x86-64 and aarch64 LP64), written from
 * shared/spec/nvdsinfer-custom-parser-abi.md; checked byte for byte by native/tests/abi_layout_test.c.
 * Plain C; the C++-only parts (parser signatures, NvDsInferParseDetectionParams) are in
 * nvdsinfer_custom_impl.h. TensorRT-related parts of NVIDIA's header are left out.
 */
#ifndef __NVDSINFER_H__
#define __NVDSINFER_H__

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NVDSINFER_MAX_DIMS 8

#if defined(__GNUC__)
#define _DS_DEPRECATED_(STR) __attribute__ ((deprecated (STR)))
#else
#define _DS_DEPRECATED_(STR)
#endif

/* Dimensions of a layer without the batch axis; numElements = product of d[0..numDims-1]. */
typedef struct
{
  unsigned int numDims;
  unsigned int d[NVDSINFER_MAX_DIMS];
  unsigned int numElements;
} NvDsInferDims;

typedef struct
{
  unsigned int c;
  unsigned int h;
  unsigned int w;
} NvDsInferDimsCHW;

typedef enum
{
  FLOAT = 0,
  HALF = 1,
  INT8 = 2,
  INT32 = 3
} NvDsInferDataType;

/* One input or output layer; `buffer` holds the data of one frame/object (host memory). */
typedef struct
{
  NvDsInferDataType dataType;
  union
  {
    NvDsInferDims inferDims;
    NvDsInferDims dims _DS_DEPRECATED_ ("dims is deprecated. Use inferDims instead");
  };
  int bindingIndex;
  const char *layerName;
  void *buffer;
  int isInput;
} NvDsInferLayerInfo;

/* Network input size. */
typedef struct
{
  unsigned int width;
  unsigned int height;
  unsigned int channels;
} NvDsInferNetworkInfo;

/* CHW / HWC views of a 3-dimension NvDsInferDims. */
#define getDimsCHWFromDims(dimsCHW,dims) \
  do { \
    (dimsCHW).c = (dims).d[0]; \
    (dimsCHW).h = (dims).d[1]; \
    (dimsCHW).w = (dims).d[2]; \
  } while (0)

#define getDimsHWCFromDims(dimsCHW,dims) \
  do { \
    (dimsCHW).h = (dims).d[0]; \
    (dimsCHW).w = (dims).d[1]; \
    (dimsCHW).c = (dims).d[2]; \
  } while (0)

/* One detection of a bounding-box parser, in network-input pixels. */
typedef struct
{
  unsigned int classId;
  float left;
  float top;
  float width;
  float height;
  float detectionConfidence;
} NvDsInferObjectDetectionInfo;

typedef NvDsInferObjectDetectionInfo NvDsInferParseObjectInfo;

/* One detection of an instance-mask parser; `mask` is allocated with C++ new float[]. */
typedef struct
{
  unsigned int classId;
  float left;
  float top;
  float width;
  float height;
  float detectionConfidence;
  float *mask;
  unsigned int mask_width;
  unsigned int mask_height;
  unsigned int mask_size;
} NvDsInferInstanceMaskInfo;

/* One classifier head result; `attributeLabel` is malloc'ed (freed with free()). */
typedef struct
{
  unsigned int attributeIndex;
  unsigned int attributeValue;
  float attributeConfidence;
  char *attributeLabel;
} NvDsInferAttribute;

typedef enum
{
  NVDSINFER_SUCCESS = 0,
  NVDSINFER_CONFIG_FAILED,
  NVDSINFER_CUSTOM_LIB_FAILED,
  NVDSINFER_INVALID_PARAMS,
  NVDSINFER_OUTPUT_PARSING_FAILED,
  NVDSINFER_CUDA_ERROR,
  NVDSINFER_TENSORRT_ERROR,
  NVDSINFER_RESOURCE_ERROR,
  NVDSINFER_TRITON_ERROR,
  NVDSINFER_TRTIS_ERROR = NVDSINFER_TRITON_ERROR,
  NVDSINFER_MEM_ERROR,
  NVDSINFER_UNKNOWN_ERROR
} NvDsInferStatus;

typedef enum
{
  NVDSINFER_LOG_ERROR = 0,
  NVDSINFER_LOG_WARNING,
  NVDSINFER_LOG_INFO,
  NVDSINFER_LOG_DEBUG,
} NvDsInferLogLevel;

#ifdef __cplusplus
}
#endif

#endif /* __NVDSINFER_H__ */
