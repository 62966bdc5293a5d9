/*
 * Raw output tensors attached by dsnetinfer when `output-tensor-meta` is on: an NvDsUserMeta with
 * base_meta.meta_type = NVDSINFER_TENSOR_OUTPUT_META (12) whose user_meta_data is an NvDsInferTensorMeta,
 * on the frame (primary mode) or on the object (secondary mode).
 *
 * Field names follow DeepStream's gstnvdsinfer.h / nvdsinfer.h (unique_id, num_output_layers,
 * output_layers_info, out_buf_ptrs_host, …) so probe code reads the same on both runtimes, but the exact
 * layout of these structs is NOT part of the checked DeepStream 6.x ABI set (native/include/nvdsmeta.h):
 * code compiled against NVIDIA's headers must not assume it matches byte for byte.
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

typedef struct
{
  NvDsInferDataType dataType;
  union
  {
    int bindingIndex;
  };
  const char *layerName;
  void *buffer;
  int isInput;
  NvDsInferDims inferDims;
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

G_END_DECLS

#endif /* DSNET_INFER_META_H */
