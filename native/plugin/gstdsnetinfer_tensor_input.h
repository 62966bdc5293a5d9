/* dsnetinfer input-tensor-meta: the units of nvdspreprocess batch metas (spec §8.6). See README.md. */
#ifndef GST_DSNET_INFER_TENSOR_INPUT_H
#define GST_DSNET_INFER_TENSOR_INPUT_H

#include <glib.h>

#include "nvds_roi_meta.h"
#include "nvdsmeta.h"

G_BEGIN_DECLS

/* One ROI unit and its tensor slice (float32, the model input of one image). */
typedef struct
{
  NvDsRoiMeta *roi;
  const gfloat *data;
} DsnetTensorUnit;

/*
 * Appends the units of every NVDS_PREPROCESS_BATCH_META of `batch` whose target_unique_ids hold `unique_id`
 * and whose tensor is set. A tensor named other than `input_name` is skipped (as nvinfer: its name is put in
 * *skipped for a warning). FALSE + error when a tensor is not FP32 or its shape (batch excluded) differs from
 * `dims` (the model input, batch first, 4 entries).
 */
gboolean dsnet_infer_collect_tensor_units (NvDsBatchMeta * batch, guint unique_id, const gchar * input_name,
    const gint64 * dims, GArray * units, gchar ** skipped, GError ** error);

G_END_DECLS

#endif
