/* A model loaded in ONNX Runtime (C API, CPU): one float32 input, float32 outputs. */
#ifndef DSNET_INFER_ORT_H
#define DSNET_INFER_ORT_H

#include <glib.h>

#include "nvdsinfer.h"

G_BEGIN_DECLS

#define DSNET_ORT_MAX_DIMS 8

typedef struct
{
  gchar *name;
  gint64 dims[DSNET_ORT_MAX_DIMS];      /* as declared by the model; -1 = dynamic */
  gsize n_dims;
} DsnetTensorDesc;

typedef struct _DsnetOrtModel DsnetOrtModel;

/* Output tensors of one run (owned by the run; free with dsnet_ort_outputs_free). */
typedef struct
{
  guint n;
  const gfloat **data;
  DsnetTensorDesc *desc;        /* actual shapes of this run */
  gpointer priv;
} DsnetOrtOutputs;

/* ONNX Runtime's intra-op spinning (session.intra_op.allow_spinning). */
typedef enum
{
  DSNET_ORT_SPIN_DEFAULT = -1,  /* ONNX Runtime's default (spinning on) */
  DSNET_ORT_SPIN_OFF = 0,
  DSNET_ORT_SPIN_ON = 1,
} DsnetOrtSpinning;

/* Loads an ONNX model; threads 0 = ONNX Runtime default. */
DsnetOrtModel *dsnet_ort_model_load (const gchar * path, gint intra_op_threads, gint inter_op_threads,
    DsnetOrtSpinning spinning, GError ** error);
void dsnet_ort_model_free (DsnetOrtModel * model);

const DsnetTensorDesc *dsnet_ort_model_input (const DsnetOrtModel * model);
guint dsnet_ort_model_n_outputs (const DsnetOrtModel * model);
const DsnetTensorDesc *dsnet_ort_model_output (const DsnetOrtModel * model, guint i);

/* Runs the model on `input` whose shape is `dims` (n_dims entries, batch first). */
DsnetOrtOutputs *dsnet_ort_model_run (DsnetOrtModel * model, gfloat * input, const gint64 * dims,
    gsize n_dims, GError ** error);
void dsnet_ort_outputs_free (DsnetOrtOutputs * outputs);

/* Describes output `i` as nvinfer does for parsers and tensor meta: FLOAT, dims without the batch axis,
 * bindingIndex i + 1 (the image input is binding 0), buffer = the slice of batch item `item`. */
void dsnet_ort_outputs_layer_info (const DsnetOrtOutputs * outputs, guint i, guint item,
    NvDsInferLayerInfo * info);

G_END_DECLS

#endif
