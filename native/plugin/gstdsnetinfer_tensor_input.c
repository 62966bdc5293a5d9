/* dsnetinfer input-tensor-meta. See gstdsnetinfer_tensor_input.h. */
#include "gstdsnetinfer_tensor_input.h"

#include "infer_config.h"
#include "preprocess_batch_meta.h"

static gchar *
shape_text (const gint * s, guint n)
{
  GString *t = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (t, "%s%d", i ? ";" : "", s[i]);
  return g_string_free (t, FALSE);
}

gboolean
dsnet_infer_collect_tensor_units (NvDsBatchMeta * batch, guint unique_id, const gchar * input_name,
    const gint64 * dims, GArray * units, gchar ** skipped, GError ** error)
{
  for (GList * l = batch->batch_user_meta_list; l; l = l->next) {
    NvDsUserMeta *um = l->data;
    if (um->base_meta.meta_type != NVDS_PREPROCESS_BATCH_META || um->user_meta_data == NULL
        || !dsnet_preprocess_batch_meta_targets (um->user_meta_data, unique_id))
      continue;
    const gchar *name;
    gint type;
    const gint *shape;
    guint n_shape, gpu;
    const gfloat *data = dsnet_preprocess_batch_meta_tensor (um->user_meta_data, &name, &type, &shape,
        &n_shape, &gpu);
    if (data == NULL)
      continue;                 /* the producer's tensor function failed */
    if (g_strcmp0 (name, input_name) != 0) {
      if (skipped && *skipped == NULL)
        *skipped = g_strdup (name);
      continue;
    }
    gboolean same = n_shape == 4;
    gsize slice = 1;
    for (guint i = 1; same && i < 4; i++) {
      same = shape[i] == dims[i];
      slice *= (gsize) MAX (shape[i], 0);
    }
    if (type != 0 || !same) {
      gchar *s = shape_text (shape, n_shape);
      g_set_error (error, DSNET_INFER_ERROR, 0, "preprocess tensor '%s' (type %d, shape %s) does not fit the "
          "model input: FP32 (tensor-data-type=0) [N;%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT
          "] is needed", name, type, s, dims[1], dims[2], dims[3]);
      g_free (s);
      return FALSE;
    }
    guint n = dsnet_preprocess_batch_meta_n_rois (um->user_meta_data);
    for (guint i = 0; i < n; i++) {
      DsnetTensorUnit u = { dsnet_preprocess_batch_meta_roi (um->user_meta_data, i), data + slice * i };
      g_array_append_val (units, u);
    }
  }
  return TRUE;
}
