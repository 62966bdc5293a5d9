/*
 * Raw output tensors attached by dsnetinfer when `output-tensor-meta` is on: an NvDsUserMeta with
 * base_meta.meta_type = NVDSINFER_TENSOR_OUTPUT_META (12) whose user_meta_data is an NvDsInferTensorMeta,
 * on the frame (primary mode) or on the object (secondary mode).
 *
 * Names and layouts follow DeepStream 6.3's gstnvdsinfer.h / nvdsinfer.h (unique_id, num_output_layers,
 * output_layers_info, out_buf_ptrs_host, …; checked by native/tests/infer_meta_abi_test.c against
 * shared/spec/nvdsinfer-custom-parser-abi.md §2/§7) so probe code reads the same on both runtimes.
 * On this runtime every buffer is host memory (out_buf_ptrs_dev entries are NULL) holding float32 values
 * of one batch item (dims exclude the batch axis).
 */
#ifndef DSNET_INFER_META_H
#define DSNET_INFER_META_H

#include <glib.h>

#include "nvdsmeta.h"

G_BEGIN_DECLS

#define NVDSINFER_MAX_DIMS 8

typedef enum
{
  FLOAT = 0,
  HALF = 1,
  INT8 = 2,
  INT32 = 3
} NvDsInferDataType;

typedef struct
{
  unsigned int numDims;
  unsigned int d[NVDSINFER_MAX_DIMS];
  unsigned int numElements;
} NvDsInferDims;

/* DeepStream 6.3's layout (72 bytes): probe code reads layers the same way on both runtimes. */
typedef struct
{
  NvDsInferDataType dataType;
  NvDsInferDims inferDims;
  int bindingIndex;
  const char *layerName;
  void *buffer;
  int isInput;
} NvDsInferLayerInfo;

typedef struct
{
  unsigned int width;
  unsigned int height;
  unsigned int channels;
} NvDsInferNetworkInfo;

typedef struct
{
  guint unique_id;                      /* gie-unique-id of the producing element */
  guint num_output_layers;
  NvDsInferLayerInfo *output_layers_info;
  void **out_buf_ptrs_host;             /* one float32 buffer per output layer */
  void **out_buf_ptrs_dev;              /* always NULL entries on this runtime */
  gint gpu_id;
  void *priv_data;
  NvDsInferNetworkInfo network_info;
  gboolean maintain_aspect_ratio;
} NvDsInferTensorMeta;

/* Semantic segmentation output (gstnvdsinfer.h, 48 bytes): frame user meta of type NVDSINFER_SEGMENTATION_META. */
typedef struct
{
  guint classes;
  guint width;
  guint height;
  gint *class_map;                      /* width × height class indices, -1 = none, index y·width + x */
  gfloat *class_probabilities_map;      /* classes × height × width probabilities */
  void *priv_data;
  gint unique_id;
} NvDsInferSegmentationMeta;

G_END_DECLS

#endif /* DSNET_INFER_META_H */
