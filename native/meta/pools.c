/*
 * Metadata pools: fixed-size elements handed out by a batch and returned to it.
 *
 * A pool starts with a capacity derived from the batch size and doubles when it runs dry, so an
 * acquire never fails for lack of room. empty_list is a LIFO (a released element is the next one
 * handed out); full_list holds every element in use, in acquire order (the OSD walks it).
 * num_empty_elements + num_full_elements == max_elements_in_pool at all times.
 */
#include <string.h>

#include "meta_private.h"

GST_DEBUG_CATEGORY (dsnet_meta_debug);

/* Called by every entry point that can come first (batch creation, GstMeta registration). */
void
dsnet_meta_debug_init (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once)) {
    GST_DEBUG_CATEGORY_INIT (dsnet_meta_debug, "dsnetmeta", 0, "DeepStreamNet metadata library");
    g_once_init_leave (&once, 1);
  }
}

static void
dsnet_pool_grow (DsnetPool * pool, guint count)
{
  guint8 *chunk = g_malloc0 (pool->stride * count);
  pool->chunks = g_slist_prepend (pool->chunks, chunk);
  /* Push in reverse so the lowest address is handed out first. */
  for (guint i = count; i-- > 0;) {
    DsnetPoolItem *item = (DsnetPoolItem *) (chunk + i * pool->stride);
    item->pool = pool;
    item->magic = DSNET_POOL_ITEM_MAGIC;
    item->link.data = (guint8 *) item + DSNET_POOL_HEADER_SIZE;
    item->link.prev = NULL;
    item->link.next = pool->pub.empty_list;
    if (pool->pub.empty_list)
      pool->pub.empty_list->prev = &item->link;
    pool->pub.empty_list = &item->link;
  }
  pool->pub.max_elements_in_pool += count;
  pool->pub.num_empty_elements += count;
}

DsnetPool *
dsnet_pool_new (NvDsBatchMeta * batch, NvDsMetaType type, gsize element_size, guint capacity)
{
  DsnetPool *pool = g_new0 (DsnetPool, 1);
  pool->batch = batch;
  pool->pub.meta_type = type;
  pool->pub.element_size = (guint) element_size;
  pool->stride = (DSNET_POOL_HEADER_SIZE + element_size + 15u) & ~(gsize) 15u;
  dsnet_pool_grow (pool, MAX (capacity, 1u));
  return pool;
}

void
dsnet_pool_free (DsnetPool * pool)
{
  if (!pool)
    return;
  g_slist_free_full (pool->chunks, g_free);
  g_free (pool);
}

gpointer
dsnet_pool_acquire (NvDsMetaPool * pub)
{
  DsnetPool *pool = (DsnetPool *) pub;
  /* The pools are shared by every frame of the batch: guard them even if the caller did not lock. */
  g_rec_mutex_lock (&pool->batch->meta_mutex);
  if (!pub->empty_list) {
    GST_DEBUG ("pool of meta type %d exhausted at %u elements, doubling", pub->meta_type,
        pub->max_elements_in_pool);
    dsnet_pool_grow (pool, MAX (pub->max_elements_in_pool, 1u));
  }
  GList *link = pub->empty_list;
  pub->empty_list = link->next;
  if (pub->empty_list)
    pub->empty_list->prev = NULL;

  link->next = NULL;
  link->prev = pool->full_tail;
  if (pool->full_tail)
    pool->full_tail->next = link;
  else
    pub->full_list = link;
  pool->full_tail = link;

  pub->num_empty_elements--;
  pub->num_full_elements++;

  DsnetPoolItem *item = (DsnetPoolItem *) link;
  item->in_use = 1;
  NvDsBaseMeta *base = link->data;
  memset (base, 0, pub->element_size);
  base->batch_meta = pool->batch;
  base->meta_type = pub->meta_type;
  g_rec_mutex_unlock (&pool->batch->meta_mutex);
  return base;
}

gboolean
dsnet_pool_owns (NvDsMetaPool * pub, gconstpointer element)
{
  return element && dsnet_pool_item_of (element)->pool == (DsnetPool *) pub;
}

gboolean
dsnet_pool_in_use (gconstpointer element)
{
  DsnetPoolItem *item = dsnet_pool_item_of (element);
  return item->magic == DSNET_POOL_ITEM_MAGIC && item->in_use;
}

/* Returns one element (already stripped of its children) to its pool. */
void
dsnet_pool_release (gpointer element)
{
  DsnetPoolItem *item = dsnet_pool_item_of (element);
  DsnetPool *pool = item->pool;
  NvDsMetaPool *pub = &pool->pub;
  GList *link = &item->link;

  g_rec_mutex_lock (&pool->batch->meta_mutex);
  if (link->prev)
    link->prev->next = link->next;
  else
    pub->full_list = link->next;
  if (link->next)
    link->next->prev = link->prev;
  else
    pool->full_tail = link->prev;

  memset (element, 0, pub->element_size);
  item->in_use = 0;
  link->prev = NULL;
  link->next = pub->empty_list;
  if (pub->empty_list)
    pub->empty_list->prev = link;
  pub->empty_list = link;

  pub->num_full_elements--;
  pub->num_empty_elements++;
  g_rec_mutex_unlock (&pool->batch->meta_mutex);
}

gboolean
dsnet_check_element (gconstpointer element, NvDsMetaType type, const gchar * func)
{
  if (!element) {
    g_warning ("%s: NULL metadata pointer", func);
    return FALSE;
  }
  DsnetPoolItem *item = dsnet_pool_item_of (element);
  if (item->magic != DSNET_POOL_ITEM_MAGIC || item->pool->pub.meta_type != type) {
    g_warning ("%s: %p is not a meta of type %d acquired from a libdsnet_meta pool", func,
        element, type);
    return FALSE;
  }
  if (!item->in_use) {
    g_warning ("%s: %p (meta type %d) was already returned to its pool", func, element, type);
    return FALSE;
  }
  return TRUE;
}

/* Releases every element of a child list (recursively) and frees the list's nodes. */
void
dsnet_release_list (GList * list)
{
  for (GList * l = list; l; l = l->next) {
    if (l->data && dsnet_pool_in_use (l->data))
      dsnet_release_element (l->data);
    else
      g_warning ("dsnet_meta: skipping %p in a metadata list: not an in-use pooled meta", l->data);
  }
  g_list_free (list);
}

/* Frees what an element owns (children, heap strings, user payload), then returns it to its pool. */
void
dsnet_release_element (gpointer element)
{
  DsnetPoolItem *item = dsnet_pool_item_of (element);
  DsnetPool *pool = item->pool;

  switch (pool->pub.meta_type) {
    case NVDS_FRAME_META:{
      NvDsFrameMeta *frame = element;
      dsnet_release_list (frame->obj_meta_list);
      dsnet_release_list (frame->display_meta_list);
      dsnet_release_list (frame->frame_user_meta_list);
      break;
    }
    case NVDS_OBJ_META:{
      NvDsObjectMeta *obj = element;
      if (!pool->destroying)
        dsnet_forget_parent (pool->batch, obj);
      dsnet_release_list (obj->classifier_meta_list);
      dsnet_release_list (obj->obj_user_meta_list);
      g_free (obj->text_params.display_text);
      g_free (obj->mask_params.data);
      break;
    }
    case NVDS_CLASSIFIER_META:
      dsnet_release_list (((NvDsClassifierMeta *) element)->label_info_list);
      break;
    case NVDS_LABEL_INFO_META:
      g_free (((NvDsLabelInfo *) element)->pResult_label);
      break;
    case NVDS_DISPLAY_META:{
      NvDsDisplayMeta *display = element;
      for (guint i = 0; i < MAX_ELEMENTS_IN_DISPLAY_META; i++)
        g_free (display->text_params[i].display_text);
      break;
    }
    case NVDS_USER_META:{
      NvDsUserMeta *user = element;
      if (user->base_meta.release_func)
        user->base_meta.release_func (user, NULL);
      break;
    }
    default:
      break;
  }
  dsnet_pool_release (element);
}

gboolean
dsnet_unlink_and_release (GList ** list, gpointer element, const gchar * func)
{
  GList *link = g_list_find (*list, element);
  if (!link) {
    g_warning ("%s: %p is not in the list it is being removed from; left untouched", func, element);
    return FALSE;
  }
  *list = g_list_delete_link (*list, link);
  dsnet_release_element (element);
  return TRUE;
}
