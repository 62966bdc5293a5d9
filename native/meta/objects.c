/*
 * Object, classifier and label-info metadata (and the nvdspreprocess ROI entry points, which this
 * runtime does not support).
 *
 * The add functions append, so lists keep the order in which a detector or classifier produced its
 * results. nvds_add_obj_meta_to_frame increments frame->num_obj_meta and nvds_remove_obj_meta_from_frame
 * decrements it; nvds_add_label_info_meta_to_classifier increments num_labels likewise.
 */
#include "meta_private.h"

/* Objects whose parent is being released lose the (soon dangling) parent pointer. */
void
dsnet_forget_parent (NvDsBatchMeta * batch, NvDsObjectMeta * obj)
{
  g_rec_mutex_lock (&batch->meta_mutex);
  for (GList * l = batch->obj_meta_pool->full_list; l; l = l->next) {
    NvDsObjectMeta *other = l->data;
    if (other->parent == obj)
      other->parent = NULL;
  }
  g_rec_mutex_unlock (&batch->meta_mutex);
}

NvDsObjectMeta *
nvds_acquire_obj_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL && batch_meta->obj_meta_pool != NULL, NULL);
  return dsnet_pool_acquire (batch_meta->obj_meta_pool);
}

void
nvds_add_obj_meta_to_frame (NvDsFrameMeta * frame_meta, NvDsObjectMeta * obj_meta,
    NvDsObjectMeta * obj_parent)
{
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC)
      || !dsnet_check_element (obj_meta, NVDS_OBJ_META, G_STRFUNC))
    return;
  if (obj_meta->base_meta.batch_meta != frame_meta->base_meta.batch_meta) {
    g_warning ("%s: object meta %p and frame meta %p belong to different batches", G_STRFUNC,
        obj_meta, frame_meta);
    return;
  }
  obj_meta->parent = obj_parent;
  frame_meta->obj_meta_list = g_list_append (frame_meta->obj_meta_list, obj_meta);
  frame_meta->num_obj_meta++;
}

void
nvds_remove_obj_meta_from_frame (NvDsFrameMeta * frame_meta, NvDsObjectMeta * obj_meta)
{
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC)
      || !dsnet_check_element (obj_meta, NVDS_OBJ_META, G_STRFUNC))
    return;
  if (dsnet_unlink_and_release (&frame_meta->obj_meta_list, obj_meta, G_STRFUNC)
      && frame_meta->num_obj_meta > 0)
    frame_meta->num_obj_meta--;
}

void
nvds_clear_obj_meta_list (NvDsFrameMeta * frame_meta, NvDsObjectMetaList * meta_list)
{
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    nvds_remove_obj_meta_from_frame (frame_meta, l->data);
  }
}

NvDsClassifierMeta *
nvds_acquire_classifier_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL && batch_meta->classifier_meta_pool != NULL, NULL);
  return dsnet_pool_acquire (batch_meta->classifier_meta_pool);
}

void
nvds_add_classifier_meta_to_object (NvDsObjectMeta * obj_meta,
    NvDsClassifierMeta * classifier_meta)
{
  if (!dsnet_check_element (obj_meta, NVDS_OBJ_META, G_STRFUNC)
      || !dsnet_check_element (classifier_meta, NVDS_CLASSIFIER_META, G_STRFUNC))
    return;
  obj_meta->classifier_meta_list =
      g_list_append (obj_meta->classifier_meta_list, classifier_meta);
}

void
nvds_remove_classifier_meta_from_obj (NvDsObjectMeta * obj_meta,
    NvDsClassifierMeta * classifier_meta)
{
  if (!dsnet_check_element (obj_meta, NVDS_OBJ_META, G_STRFUNC)
      || !dsnet_check_element (classifier_meta, NVDS_CLASSIFIER_META, G_STRFUNC))
    return;
  dsnet_unlink_and_release (&obj_meta->classifier_meta_list, classifier_meta, G_STRFUNC);
}

void
nvds_clear_classifier_meta_list (NvDsObjectMeta * obj_meta, NvDsClassifierMetaList * meta_list)
{
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    nvds_remove_classifier_meta_from_obj (obj_meta, l->data);
  }
}

NvDsLabelInfo *
nvds_acquire_label_info_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL && batch_meta->label_info_meta_pool != NULL, NULL);
  return dsnet_pool_acquire (batch_meta->label_info_meta_pool);
}

void
nvds_add_label_info_meta_to_classifier (NvDsClassifierMeta * classifier_meta,
    NvDsLabelInfo * label_info_meta)
{
  if (!dsnet_check_element (classifier_meta, NVDS_CLASSIFIER_META, G_STRFUNC)
      || !dsnet_check_element (label_info_meta, NVDS_LABEL_INFO_META, G_STRFUNC))
    return;
  classifier_meta->label_info_list =
      g_list_append (classifier_meta->label_info_list, label_info_meta);
  classifier_meta->num_labels++;
}

void
nvds_remove_label_info_meta_from_classifier (NvDsClassifierMeta * classifier_meta,
    NvDsLabelInfo * label_info_meta)
{
  if (!dsnet_check_element (classifier_meta, NVDS_CLASSIFIER_META, G_STRFUNC)
      || !dsnet_check_element (label_info_meta, NVDS_LABEL_INFO_META, G_STRFUNC))
    return;
  if (dsnet_unlink_and_release (&classifier_meta->label_info_list, label_info_meta, G_STRFUNC)
      && classifier_meta->num_labels > 0)
    classifier_meta->num_labels--;
}

void
nvds_clear_label_info_meta_list (NvDsClassifierMeta * classifier_meta,
    NvDsLabelInfoList * meta_list)
{
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    nvds_remove_label_info_meta_from_classifier (classifier_meta, l->data);
  }
}

/* NvDsRoiMeta belongs to nvdspreprocess, which this runtime does not provide: its layout is not part
 * of the ABI this library implements, so the ROI entry points refuse with a warning and change nothing. */
static void
dsnet_roi_unsupported (const gchar * func)
{
  g_warning ("%s: ROI metadata (nvdspreprocess) is not supported by libdsnet_meta; nothing done",
      func);
}

void
nvds_add_classifier_meta_to_roi (NvDsRoiMeta * roi_meta, NvDsClassifierMeta * classifier_meta)
{
  (void) roi_meta;
  (void) classifier_meta;
  dsnet_roi_unsupported (G_STRFUNC);
}

void
nvds_remove_classifier_meta_from_roi (NvDsRoiMeta * roi_meta, NvDsClassifierMeta * classifier_meta)
{
  (void) roi_meta;
  (void) classifier_meta;
  dsnet_roi_unsupported (G_STRFUNC);
}

void
nvds_add_user_meta_to_roi (NvDsRoiMeta * roi_meta, NvDsUserMeta * user_meta)
{
  (void) roi_meta;
  (void) user_meta;
  dsnet_roi_unsupported (G_STRFUNC);
}

void
nvds_remove_user_meta_from_roi (NvDsRoiMeta * roi_meta, NvDsUserMeta * user_meta)
{
  (void) roi_meta;
  (void) user_meta;
  dsnet_roi_unsupported (G_STRFUNC);
}
