/*
 * Batch metadata: creation and destruction of a batch and its pools, the meta lock, and the frame
 * level (add/remove/clear/nth).
 *
 * nvds_add_frame_meta_to_batch appends (frame_meta_list keeps the order frames were added, i.e. batch
 * slot order) and increments num_frames_in_batch; removing a frame decrements it.
 */
#include "meta_private.h"

/* Initial pool capacities per frame of the batch, capped so that a large batch size does not make
 * every batch expensive to create; pools double when they run dry. */
#define DSNET_OBJS_PER_FRAME 16
#define DSNET_CLASSIFIERS_PER_FRAME 16
#define DSNET_LABELS_PER_FRAME 16
#define DSNET_DISPLAYS_PER_FRAME 2
#define DSNET_USERS_PER_FRAME 8
#define DSNET_INITIAL_CAP 256
#define DSNET_INITIAL_DISPLAY_CAP 16

static guint
initial (guint frames, guint per_frame, guint cap)
{
  return (guint) MIN ((guint64) frames * per_frame, (guint64) cap);
}

void
nvds_acquire_meta_lock (NvDsBatchMeta * batch_meta)
{
  g_return_if_fail (batch_meta != NULL);
  g_rec_mutex_lock (&batch_meta->meta_mutex);
}

void
nvds_release_meta_lock (NvDsBatchMeta * batch_meta)
{
  g_return_if_fail (batch_meta != NULL);
  g_rec_mutex_unlock (&batch_meta->meta_mutex);
}

NvDsBatchMeta *
nvds_create_batch_meta (guint max_batch_size)
{
  dsnet_meta_debug_init ();
  guint n = MAX (max_batch_size, 1u);
  NvDsBatchMeta *batch = g_new0 (NvDsBatchMeta, 1);
  batch->base_meta.batch_meta = batch;
  batch->base_meta.meta_type = NVDS_BATCH_META;
  batch->base_meta.copy_func = nvds_batch_meta_copy_func;
  batch->base_meta.release_func = nvds_batch_meta_release_func;
  batch->max_frames_in_batch = max_batch_size;
  g_rec_mutex_init (&batch->meta_mutex);

  batch->frame_meta_pool = (NvDsMetaPool *)
      dsnet_pool_new (batch, NVDS_FRAME_META, sizeof (NvDsFrameMeta), n);
  batch->obj_meta_pool = (NvDsMetaPool *)
      dsnet_pool_new (batch, NVDS_OBJ_META, sizeof (NvDsObjectMeta),
      initial (n, DSNET_OBJS_PER_FRAME, DSNET_INITIAL_CAP));
  batch->classifier_meta_pool = (NvDsMetaPool *)
      dsnet_pool_new (batch, NVDS_CLASSIFIER_META, sizeof (NvDsClassifierMeta),
      initial (n, DSNET_CLASSIFIERS_PER_FRAME, DSNET_INITIAL_CAP));
  batch->display_meta_pool = (NvDsMetaPool *)
      dsnet_pool_new (batch, NVDS_DISPLAY_META, sizeof (NvDsDisplayMeta),
      initial (n, DSNET_DISPLAYS_PER_FRAME, DSNET_INITIAL_DISPLAY_CAP));
  batch->user_meta_pool = (NvDsMetaPool *)
      dsnet_pool_new (batch, NVDS_USER_META, sizeof (NvDsUserMeta),
      initial (n, DSNET_USERS_PER_FRAME, DSNET_INITIAL_CAP));
  batch->label_info_meta_pool = (NvDsMetaPool *)
      dsnet_pool_new (batch, NVDS_LABEL_INFO_META, sizeof (NvDsLabelInfo),
      initial (n, DSNET_LABELS_PER_FRAME, DSNET_INITIAL_CAP));
  GST_LOG ("created batch meta %p for %u frames", batch, max_batch_size);
  return batch;
}

/* Releases every in-use element of a pool (orphans acquired but never added, or already unlinked). */
static void
dsnet_pool_release_all (NvDsMetaPool * pool)
{
  while (pool->full_list)
    dsnet_release_element (pool->full_list->data);
}

gboolean
nvds_destroy_batch_meta (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL, FALSE);
  NvDsMetaPool *pools[] = {
    batch_meta->frame_meta_pool, batch_meta->obj_meta_pool, batch_meta->classifier_meta_pool,
    batch_meta->label_info_meta_pool, batch_meta->display_meta_pool, batch_meta->user_meta_pool,
  };
  for (guint i = 0; i < G_N_ELEMENTS (pools); i++) {
    if (!pools[i]) {
      g_warning ("nvds_destroy_batch_meta: %p has no pools; not a batch made by "
          "nvds_create_batch_meta", batch_meta);
      return FALSE;
    }
    ((DsnetPool *) pools[i])->destroying = TRUE;
  }

  nvds_acquire_meta_lock (batch_meta);
  /* Parents first so children leave through their owners; then whatever is left in each pool. */
  dsnet_release_list (batch_meta->frame_meta_list);
  batch_meta->frame_meta_list = NULL;
  dsnet_release_list (batch_meta->batch_user_meta_list);
  batch_meta->batch_user_meta_list = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    dsnet_pool_release_all (pools[i]);
  nvds_release_meta_lock (batch_meta);

  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    dsnet_pool_free ((DsnetPool *) pools[i]);
  g_rec_mutex_clear (&batch_meta->meta_mutex);
  GST_LOG ("destroyed batch meta %p", batch_meta);
  g_free (batch_meta);
  return TRUE;
}

NvDsFrameMeta *
nvds_acquire_frame_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL && batch_meta->frame_meta_pool != NULL, NULL);
  return dsnet_pool_acquire (batch_meta->frame_meta_pool);
}

void
nvds_add_frame_meta_to_batch (NvDsBatchMeta * batch_meta, NvDsFrameMeta * frame_meta)
{
  g_return_if_fail (batch_meta != NULL);
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC))
    return;
  if (frame_meta->base_meta.batch_meta != batch_meta) {
    g_warning ("%s: frame meta %p belongs to batch %p, not %p", G_STRFUNC, frame_meta,
        frame_meta->base_meta.batch_meta, batch_meta);
    return;
  }
  batch_meta->frame_meta_list = g_list_append (batch_meta->frame_meta_list, frame_meta);
  batch_meta->num_frames_in_batch++;
}

void
nvds_remove_frame_meta_from_batch (NvDsBatchMeta * batch_meta, NvDsFrameMeta * frame_meta)
{
  g_return_if_fail (batch_meta != NULL);
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC))
    return;
  if (dsnet_unlink_and_release (&batch_meta->frame_meta_list, frame_meta, G_STRFUNC)
      && batch_meta->num_frames_in_batch > 0)
    batch_meta->num_frames_in_batch--;
}

void
nvds_clear_frame_meta_list (NvDsBatchMeta * batch_meta, NvDsFrameMetaList * meta_list)
{
  g_return_if_fail (batch_meta != NULL);
  /* meta_list is usually batch_meta->frame_meta_list itself: take next before the node goes. */
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    nvds_remove_frame_meta_from_batch (batch_meta, l->data);
  }
}

NvDsFrameMeta *
nvds_get_nth_frame_meta (NvDsFrameMetaList * frame_meta_list, guint index)
{
  return g_list_nth_data (frame_meta_list, index);
}
