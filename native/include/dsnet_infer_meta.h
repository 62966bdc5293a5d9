/*
 * Raw output tensors attached by dsnetinfer when `output-tensor-meta` is on: an NvDsUserMeta with
 * base_meta.meta_type = NVDSINFER_TENSOR_OUTPUT_META (12) whose user_meta_data is an NvDsInferTensorMeta,
 * on the frame (primary mode) or on the object (secondary mode).
 *
 * Same names and layout as DeepStream 6.3's gstnvdsinfer.h (NvDsInferTensorMeta, 64 bytes) over the layer
 * types of nvdsinfer.h; both are checked byte for byte by native/tests/abi_layout_test.c.
 * On this runtime every buffer is host memory (out_buf_ptrs_dev entries are NULL) holding float32 values
 * of one batch item (dims exclude the batch axis).
 */
#ifndef DSNET_INFER_META_H
#define DSNET_INFER_META_H

#include <glib.h>

#include "nvdsinfer.h"
#include "nvdsmeta.h"

G_BEGIN_DECLS

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
