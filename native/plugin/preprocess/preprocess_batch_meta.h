/*
 * GstNvDsPreProcessBatchMeta (nvdspreprocess_meta.h, a C++ struct of std::vector / std::string) from C: made by
 * dsnetpreprocess, read by dsnetinfer with input-tensor-meta. The meta is passed as a gpointer — the
 * user_meta_data of an NvDsUserMeta with meta_type NVDS_PREPROCESS_BATCH_META — so metas attached by NVIDIA's
 * nvdspreprocess read the same way.
 */
#ifndef DSNET_PREPROCESS_BATCH_META_H
#define DSNET_PREPROCESS_BATCH_META_H

#include <glib.h>

#include "nvds_roi_meta.h"

G_BEGIN_DECLS

/* A batch meta holding `tensor` (g_malloc'ed, FP32, owned by the meta) of `bytes` bytes. */
gpointer dsnet_preprocess_batch_meta_new (const guint64 * target_ids, guint n_target_ids, gpointer tensor,
    guint64 bytes, const gint * shape, guint n_shape, const gchar * tensor_name, guint gpu_id, guint meta_id);

/* Appends a zeroed NvDsRoiMeta (valid until the next append). */
NvDsRoiMeta *dsnet_preprocess_batch_meta_add_roi (gpointer meta);

/* Frees a meta made by dsnet_preprocess_batch_meta_new (tensor included). */
void dsnet_preprocess_batch_meta_free (gpointer meta);

/* Whether `unique_id` is one of the meta's target_unique_ids. */
gboolean dsnet_preprocess_batch_meta_targets (gconstpointer meta, guint64 unique_id);

guint dsnet_preprocess_batch_meta_n_rois (gconstpointer meta);
NvDsRoiMeta *dsnet_preprocess_batch_meta_roi (gpointer meta, guint i);

/* The tensor (NULL when the producer's tensor function failed) with its name, NvDsDataType, shape, GPU id. */
gconstpointer dsnet_preprocess_batch_meta_tensor (gconstpointer meta, const gchar ** name, gint * data_type,
    const gint ** shape, guint * n_shape, guint * gpu_id);

G_END_DECLS

#endif
