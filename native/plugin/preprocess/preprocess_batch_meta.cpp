/* GstNvDsPreProcessBatchMeta from C. See preprocess_batch_meta.h. */
#include "preprocess_batch_meta.h"

#include <algorithm>
#include <cstring>

#include "nvdspreprocess_meta.h"

gpointer
dsnet_preprocess_batch_meta_new (const guint64 * target_ids, guint n_target_ids, gpointer tensor, guint64 bytes,
    const gint * shape, guint n_shape, const gchar * tensor_name, guint gpu_id, guint meta_id)
{
  auto *t = new NvDsPreProcessTensorMeta ();
  t->raw_tensor_buffer = tensor;
  t->buffer_size = bytes;
  t->tensor_shape.assign (shape, shape + n_shape);
  t->data_type = NvDsDataType_FP32;
  t->tensor_name = tensor_name ? tensor_name : "";
  t->gpu_id = gpu_id;
  t->private_data = nullptr;
  t->meta_id = meta_id;
  auto *m = new GstNvDsPreProcessBatchMeta ();
  m->target_unique_ids.assign (target_ids, target_ids + n_target_ids);
  m->tensor_meta = t;
  m->private_data = nullptr;
  return m;
}

NvDsRoiMeta *
dsnet_preprocess_batch_meta_add_roi (gpointer meta)
{
  auto *m = static_cast<GstNvDsPreProcessBatchMeta *> (meta);
  NvDsRoiMeta r;
  memset (&r, 0, sizeof (r));
  m->roi_vector.push_back (r);
  return &m->roi_vector.back ();
}

void
dsnet_preprocess_batch_meta_free (gpointer meta)
{
  auto *m = static_cast<GstNvDsPreProcessBatchMeta *> (meta);
  if (m == nullptr)
    return;
  if (m->tensor_meta != nullptr) {
    g_free (m->tensor_meta->raw_tensor_buffer);
    delete m->tensor_meta;
  }
  delete m;
}

gboolean
dsnet_preprocess_batch_meta_targets (gconstpointer meta, guint64 unique_id)
{
  auto *m = static_cast<const GstNvDsPreProcessBatchMeta *> (meta);
  const auto & ids = m->target_unique_ids;
  return std::find (ids.begin (), ids.end (), unique_id) != ids.end ();
}

guint
dsnet_preprocess_batch_meta_n_rois (gconstpointer meta)
{
  return (guint) static_cast<const GstNvDsPreProcessBatchMeta *> (meta)->roi_vector.size ();
}

NvDsRoiMeta *
dsnet_preprocess_batch_meta_roi (gpointer meta, guint i)
{
  return &static_cast<GstNvDsPreProcessBatchMeta *> (meta)->roi_vector[i];
}

gconstpointer
dsnet_preprocess_batch_meta_tensor (gconstpointer meta, const gchar ** name, gint * data_type,
    const gint ** shape, guint * n_shape, guint * gpu_id)
{
  const NvDsPreProcessTensorMeta *t = static_cast<const GstNvDsPreProcessBatchMeta *> (meta)->tensor_meta;
  if (t == nullptr)
    return nullptr;
  *name = t->tensor_name.c_str ();
  *data_type = t->data_type;
  *shape = t->tensor_shape.data ();
  *n_shape = (guint) t->tensor_shape.size ();
  *gpu_id = t->gpu_id;
  return t->raw_tensor_buffer;
}
