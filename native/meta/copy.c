/*
 * Deep copies. Every copy is built from the destination batch's pools: strings and mask data are
 * duplicated, user payloads go through the user's copy_func, child lists are rebuilt element by
 * element. The single-element functions (nvds_copy_*_meta) make dst equal to src, first releasing
 * whatever dst held; the list functions (nvds_copy_*_list) append copies to what dst already has.
 *
 * parent pointers: inside one copy operation (a frame list, a frame, a batch) an object whose parent
 * was copied too points to that parent's copy. Otherwise the copy keeps src's parent when both live in
 * the same batch and gets NULL across batches (the source batch may die first).
 *
 * Destinations must be pool elements (their old contents go back to their batch's pools); sources are
 * only read and may be any struct of the right type.
 */
#include <string.h>

#include "meta_private.h"

static void copy_frame (NvDsFrameMeta * src, NvDsFrameMeta * dst, GHashTable * objs);
static void copy_obj_list (GList * src, NvDsFrameMeta * dst, GHashTable * objs);

/* Copies the user-visible part of base_meta; dst keeps its batch and element type. */
static void
copy_base (const NvDsBaseMeta * src, NvDsBaseMeta * dst)
{
  dst->uContext = src->uContext;
  dst->copy_func = src->copy_func;
  dst->release_func = src->release_func;
}

/* Sources are only read, so they may live anywhere (a pool of any batch, the stack, the heap). */
static gboolean
src_ok (gconstpointer src, const gchar * func)
{
  if (!src)
    g_warning ("%s: NULL source metadata", func);
  return src != NULL;
}

static NvDsBatchMeta *
batch_of (gconstpointer element)
{
  return ((const NvDsBaseMeta *) element)->batch_meta;
}

/* Points copied objects at their copied parents (see the comment at the top). */
static void
fix_parents (GHashTable * objs)
{
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, objs);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    NvDsObjectMeta *src = key, *dst = value;
    if (!src->parent)
      continue;
    NvDsObjectMeta *mapped = g_hash_table_lookup (objs, src->parent);
    if (mapped)
      dst->parent = mapped;
    else
      dst->parent = batch_of (src) == batch_of (dst) ? src->parent : NULL;
  }
}

void
nvds_copy_label_info_meta (NvDsLabelInfo * src_label_info, NvDsLabelInfo * dst_label_info)
{
  if (!src_ok (src_label_info, G_STRFUNC)
      || !dsnet_check_element (dst_label_info, NVDS_LABEL_INFO_META, G_STRFUNC)
      || src_label_info == dst_label_info)
    return;
  NvDsLabelInfo *src = src_label_info, *dst = dst_label_info;
  g_free (dst->pResult_label);
  copy_base (&src->base_meta, &dst->base_meta);
  dst->num_classes = src->num_classes;
  memcpy (dst->result_label, src->result_label, sizeof dst->result_label);
  dst->pResult_label = g_strdup (src->pResult_label);
  dst->result_class_id = src->result_class_id;
  dst->label_id = src->label_id;
  dst->result_prob = src->result_prob;
}

void
nvds_copy_label_info_list (NvDsLabelInfoList * src_label_info_list,
    NvDsClassifierMeta * dst_classifier_meta)
{
  if (!dsnet_check_element (dst_classifier_meta, NVDS_CLASSIFIER_META, G_STRFUNC))
    return;
  NvDsBatchMeta *batch = batch_of (dst_classifier_meta);
  /* Count first: src may be dst's own list, which grows while we append. */
  guint n = g_list_length (src_label_info_list);
  GList *l = src_label_info_list;
  for (guint i = 0; i < n; i++, l = l->next) {
    if (!src_ok (l->data, G_STRFUNC))
      continue;
    NvDsLabelInfo *copy = nvds_acquire_label_info_meta_from_pool (batch);
    nvds_copy_label_info_meta (l->data, copy);
    nvds_add_label_info_meta_to_classifier (dst_classifier_meta, copy);
  }
}

void
nvds_copy_classifier_meta (NvDsClassifierMeta * src_classifier_meta,
    NvDsClassifierMeta * dst_classifier_meta)
{
  if (!src_ok (src_classifier_meta, G_STRFUNC)
      || !dsnet_check_element (dst_classifier_meta, NVDS_CLASSIFIER_META, G_STRFUNC)
      || src_classifier_meta == dst_classifier_meta)
    return;
  NvDsClassifierMeta *src = src_classifier_meta, *dst = dst_classifier_meta;
  nvds_clear_label_info_meta_list (dst, dst->label_info_list);
  copy_base (&src->base_meta, &dst->base_meta);
  dst->num_labels = 0;
  dst->unique_component_id = src->unique_component_id;
  dst->classifier_type = src->classifier_type;  /* not owned (static string by convention) */
  nvds_copy_label_info_list (src->label_info_list, dst);
  dst->num_labels = src->num_labels;
}

void
nvds_copy_classification_list (NvDsClassifierMetaList * src_classification_list,
    NvDsObjectMeta * dst_object_meta)
{
  if (!dsnet_check_element (dst_object_meta, NVDS_OBJ_META, G_STRFUNC))
    return;
  NvDsBatchMeta *batch = batch_of (dst_object_meta);
  guint n = g_list_length (src_classification_list);
  GList *l = src_classification_list;
  for (guint i = 0; i < n; i++, l = l->next) {
    if (!src_ok (l->data, G_STRFUNC))
      continue;
    NvDsClassifierMeta *copy = nvds_acquire_classifier_meta_from_pool (batch);
    nvds_copy_classifier_meta (l->data, copy);
    nvds_add_classifier_meta_to_object (dst_object_meta, copy);
  }
}

/* Appends copies of a user meta list; returns the new list. */
static GList *
copy_user_list (GList * src, guint n, NvDsBatchMeta * batch, GList * dst_list)
{
  GList *l = src;
  for (guint i = 0; i < n; i++, l = l->next) {
    if (!src_ok (l->data, G_STRFUNC))
      continue;
    NvDsUserMeta *um = l->data;
    if (!um->base_meta.copy_func && um->base_meta.release_func) {
      /* Sharing the payload would have it released twice. */
      g_warning ("dsnet_meta: user meta %p (type %d) has a release_func but no copy_func; "
          "not copied", um, um->base_meta.meta_type);
      continue;
    }
    NvDsUserMeta *copy = nvds_acquire_user_meta_from_pool (batch);
    copy->base_meta.meta_type = um->base_meta.meta_type;
    copy_base (&um->base_meta, &copy->base_meta);
    copy->user_meta_data = um->base_meta.copy_func
        ? um->base_meta.copy_func (um, NULL) : um->user_meta_data;
    dst_list = g_list_append (dst_list, copy);
  }
  return dst_list;
}

void
nvds_copy_batch_user_meta_list (NvDsUserMetaList * src_user_meta_list,
    NvDsBatchMeta * dst_batch_meta)
{
  g_return_if_fail (dst_batch_meta != NULL);
  dst_batch_meta->batch_user_meta_list = copy_user_list (src_user_meta_list,
      g_list_length (src_user_meta_list), dst_batch_meta, dst_batch_meta->batch_user_meta_list);
}

void
nvds_copy_frame_user_meta_list (NvDsUserMetaList * src_user_meta_list,
    NvDsFrameMeta * dst_frame_meta)
{
  if (!dsnet_check_element (dst_frame_meta, NVDS_FRAME_META, G_STRFUNC))
    return;
  dst_frame_meta->frame_user_meta_list = copy_user_list (src_user_meta_list,
      g_list_length (src_user_meta_list), batch_of (dst_frame_meta),
      dst_frame_meta->frame_user_meta_list);
}

void
nvds_copy_obj_user_meta_list (NvDsUserMetaList * src_user_meta_list,
    NvDsObjectMeta * dst_object_meta)
{
  if (!dsnet_check_element (dst_object_meta, NVDS_OBJ_META, G_STRFUNC))
    return;
  dst_object_meta->obj_user_meta_list = copy_user_list (src_user_meta_list,
      g_list_length (src_user_meta_list), batch_of (dst_object_meta),
      dst_object_meta->obj_user_meta_list);
}

/* Copies everything but the parent pointer (the callers decide that). */
static void
copy_obj (NvDsObjectMeta * src, NvDsObjectMeta * dst)
{
  nvds_clear_classifier_meta_list (dst, dst->classifier_meta_list);
  nvds_clear_obj_user_meta_list (dst, dst->obj_user_meta_list);
  g_free (dst->text_params.display_text);
  g_free (dst->mask_params.data);

  copy_base (&src->base_meta, &dst->base_meta);
  dst->unique_component_id = src->unique_component_id;
  dst->class_id = src->class_id;
  dst->object_id = src->object_id;
  dst->detector_bbox_info = src->detector_bbox_info;
  dst->tracker_bbox_info = src->tracker_bbox_info;
  dst->confidence = src->confidence;
  dst->tracker_confidence = src->tracker_confidence;
  dst->rect_params = src->rect_params;
  dst->mask_params = src->mask_params;
  if (src->mask_params.data) {
    gsize size = src->mask_params.size ? src->mask_params.size
        : (gsize) src->mask_params.width * src->mask_params.height * sizeof (float);
    dst->mask_params.data = g_memdup2 (src->mask_params.data, size);
  }
  dst->text_params = src->text_params;
  dst->text_params.display_text = g_strdup (src->text_params.display_text);
  memcpy (dst->obj_label, src->obj_label, sizeof dst->obj_label);
  memcpy (dst->misc_obj_info, src->misc_obj_info, sizeof dst->misc_obj_info);
  memcpy (dst->reserved, src->reserved, sizeof dst->reserved);
  nvds_copy_classification_list (src->classifier_meta_list, dst);
  nvds_copy_obj_user_meta_list (src->obj_user_meta_list, dst);
}

void
nvds_copy_obj_meta (NvDsObjectMeta * src_object_meta, NvDsObjectMeta * dst_object_meta)
{
  if (!src_ok (src_object_meta, G_STRFUNC)
      || !dsnet_check_element (dst_object_meta, NVDS_OBJ_META, G_STRFUNC)
      || src_object_meta == dst_object_meta)
    return;
  copy_obj (src_object_meta, dst_object_meta);
  dst_object_meta->parent = batch_of (src_object_meta) == batch_of (dst_object_meta)
      ? src_object_meta->parent : NULL;
}

static void
copy_obj_list (GList * src, NvDsFrameMeta * dst, GHashTable * objs)
{
  NvDsBatchMeta *batch = batch_of (dst);
  guint n = g_list_length (src);
  GList *l = src;
  for (guint i = 0; i < n; i++, l = l->next) {
    if (!src_ok (l->data, G_STRFUNC))
      continue;
    NvDsObjectMeta *copy = nvds_acquire_obj_meta_from_pool (batch);
    copy_obj (l->data, copy);
    nvds_add_obj_meta_to_frame (dst, copy, NULL);
    g_hash_table_insert (objs, l->data, copy);
  }
}

void
nvds_copy_obj_meta_list (NvDsObjectMetaList * src_obj_meta_list, NvDsFrameMeta * dst_frame_meta)
{
  if (!dsnet_check_element (dst_frame_meta, NVDS_FRAME_META, G_STRFUNC))
    return;
  GHashTable *objs = g_hash_table_new (NULL, NULL);
  copy_obj_list (src_obj_meta_list, dst_frame_meta, objs);
  fix_parents (objs);
  g_hash_table_destroy (objs);
}

void
nvds_copy_display_meta (NvDsDisplayMeta * src_display_meta, NvDsDisplayMeta * dst_display_meta)
{
  if (!src_ok (src_display_meta, G_STRFUNC)
      || !dsnet_check_element (dst_display_meta, NVDS_DISPLAY_META, G_STRFUNC)
      || src_display_meta == dst_display_meta)
    return;
  NvDsDisplayMeta *src = src_display_meta, *dst = dst_display_meta;
  for (guint i = 0; i < MAX_ELEMENTS_IN_DISPLAY_META; i++)
    g_free (dst->text_params[i].display_text);
  NvDsBaseMeta base = dst->base_meta;
  memcpy (dst, src, sizeof *dst);
  dst->base_meta = base;
  copy_base (&src->base_meta, &dst->base_meta);
  for (guint i = 0; i < MAX_ELEMENTS_IN_DISPLAY_META; i++)
    dst->text_params[i].display_text = g_strdup (src->text_params[i].display_text);
}

void
nvds_copy_display_meta_list (NvDisplayMetaList * src_display_meta_list,
    NvDsFrameMeta * dst_frame_meta)
{
  if (!dsnet_check_element (dst_frame_meta, NVDS_FRAME_META, G_STRFUNC))
    return;
  NvDsBatchMeta *batch = batch_of (dst_frame_meta);
  guint n = g_list_length (src_display_meta_list);
  GList *l = src_display_meta_list;
  for (guint i = 0; i < n; i++, l = l->next) {
    if (!src_ok (l->data, G_STRFUNC))
      continue;
    NvDsDisplayMeta *copy = nvds_acquire_display_meta_from_pool (batch);
    nvds_copy_display_meta (l->data, copy);
    nvds_add_display_meta_to_frame (dst_frame_meta, copy);
  }
}

static void
copy_frame (NvDsFrameMeta * src, NvDsFrameMeta * dst, GHashTable * objs)
{
  nvds_clear_obj_meta_list (dst, dst->obj_meta_list);
  nvds_clear_display_meta_list (dst, dst->display_meta_list);
  nvds_clear_frame_user_meta_list (dst, dst->frame_user_meta_list);

  copy_base (&src->base_meta, &dst->base_meta);
  dst->pad_index = src->pad_index;
  dst->batch_id = src->batch_id;
  dst->frame_num = src->frame_num;
  dst->buf_pts = src->buf_pts;
  dst->ntp_timestamp = src->ntp_timestamp;
  dst->source_id = src->source_id;
  dst->num_surfaces_per_frame = src->num_surfaces_per_frame;
  dst->source_frame_width = src->source_frame_width;
  dst->source_frame_height = src->source_frame_height;
  dst->surface_type = src->surface_type;
  dst->surface_index = src->surface_index;
  dst->bInferDone = src->bInferDone;
  memcpy (dst->misc_frame_info, src->misc_frame_info, sizeof dst->misc_frame_info);
  dst->pipeline_width = src->pipeline_width;
  dst->pipeline_height = src->pipeline_height;
  memcpy (dst->reserved, src->reserved, sizeof dst->reserved);

  copy_obj_list (src->obj_meta_list, dst, objs);
  dst->num_obj_meta = src->num_obj_meta;  /* the copy is exact, even if src's counter was set by hand */
  nvds_copy_display_meta_list (src->display_meta_list, dst);
  nvds_copy_frame_user_meta_list (src->frame_user_meta_list, dst);
}

void
nvds_copy_frame_meta (NvDsFrameMeta * src_frame_meta, NvDsFrameMeta * dst_frame_meta)
{
  if (!src_ok (src_frame_meta, G_STRFUNC)
      || !dsnet_check_element (dst_frame_meta, NVDS_FRAME_META, G_STRFUNC)
      || src_frame_meta == dst_frame_meta)
    return;
  GHashTable *objs = g_hash_table_new (NULL, NULL);
  copy_frame (src_frame_meta, dst_frame_meta, objs);
  fix_parents (objs);
  g_hash_table_destroy (objs);
}

static void
copy_frame_list (GList * src, NvDsBatchMeta * dst, GHashTable * objs)
{
  guint n = g_list_length (src);
  GList *l = src;
  for (guint i = 0; i < n; i++, l = l->next) {
    if (!src_ok (l->data, G_STRFUNC))
      continue;
    NvDsFrameMeta *copy = nvds_acquire_frame_meta_from_pool (dst);
    copy_frame (l->data, copy, objs);
    nvds_add_frame_meta_to_batch (dst, copy);
  }
}

void
nvds_copy_frame_meta_list (NvDsFrameMetaList * src_frame_meta_list, NvDsBatchMeta * dst_batch_meta)
{
  g_return_if_fail (dst_batch_meta != NULL);
  GHashTable *objs = g_hash_table_new (NULL, NULL);
  copy_frame_list (src_frame_meta_list, dst_batch_meta, objs);
  fix_parents (objs);
  g_hash_table_destroy (objs);
}

gpointer
nvds_batch_meta_copy_func (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsBatchMeta *src = data;
  g_return_val_if_fail (src != NULL, NULL);

  nvds_acquire_meta_lock (src);
  NvDsBatchMeta *dst = nvds_create_batch_meta (src->max_frames_in_batch);
  dst->base_meta.uContext = src->base_meta.uContext;
  dst->base_meta.copy_func = src->base_meta.copy_func;
  dst->base_meta.release_func = src->base_meta.release_func;
  memcpy (dst->misc_batch_info, src->misc_batch_info, sizeof dst->misc_batch_info);
  memcpy (dst->reserved, src->reserved, sizeof dst->reserved);
  nvds_copy_frame_meta_list (src->frame_meta_list, dst);
  nvds_copy_batch_user_meta_list (src->batch_user_meta_list, dst);
  dst->num_frames_in_batch = src->num_frames_in_batch;
  nvds_release_meta_lock (src);
  return dst;
}

void
nvds_batch_meta_release_func (gpointer data, gpointer user_data)
{
  (void) user_data;
  if (data)
    nvds_destroy_batch_meta (data);
}
