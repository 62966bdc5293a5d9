/*
 * User metadata (batch, frame and object level), the generic nvds_clear_meta_list, and the user meta
 * type registry.
 *
 * A user meta's payload belongs to its creator: the library calls base_meta.release_func(user_meta,
 * NULL) when the meta is released and base_meta.copy_func(user_meta, NULL) when it is copied.
 */
#include <string.h>

#include "meta_private.h"

NvDsUserMeta *
nvds_acquire_user_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL && batch_meta->user_meta_pool != NULL, NULL);
  return dsnet_pool_acquire (batch_meta->user_meta_pool);
}

void
nvds_add_user_meta_to_batch (NvDsBatchMeta * batch_meta, NvDsUserMeta * user_meta)
{
  g_return_if_fail (batch_meta != NULL);
  if (!dsnet_check_element (user_meta, NVDS_USER_META, G_STRFUNC))
    return;
  batch_meta->batch_user_meta_list = g_list_append (batch_meta->batch_user_meta_list, user_meta);
}

void
nvds_add_user_meta_to_frame (NvDsFrameMeta * frame_meta, NvDsUserMeta * user_meta)
{
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC)
      || !dsnet_check_element (user_meta, NVDS_USER_META, G_STRFUNC))
    return;
  frame_meta->frame_user_meta_list = g_list_append (frame_meta->frame_user_meta_list, user_meta);
}

void
nvds_add_user_meta_to_obj (NvDsObjectMeta * obj_meta, NvDsUserMeta * user_meta)
{
  if (!dsnet_check_element (obj_meta, NVDS_OBJ_META, G_STRFUNC)
      || !dsnet_check_element (user_meta, NVDS_USER_META, G_STRFUNC))
    return;
  obj_meta->obj_user_meta_list = g_list_append (obj_meta->obj_user_meta_list, user_meta);
}

void
nvds_remove_user_meta_from_batch (NvDsBatchMeta * batch_meta, NvDsUserMeta * user_meta)
{
  g_return_if_fail (batch_meta != NULL);
  if (!dsnet_check_element (user_meta, NVDS_USER_META, G_STRFUNC))
    return;
  dsnet_unlink_and_release (&batch_meta->batch_user_meta_list, user_meta, G_STRFUNC);
}

void
nvds_remove_user_meta_from_frame (NvDsFrameMeta * frame_meta, NvDsUserMeta * user_meta)
{
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC)
      || !dsnet_check_element (user_meta, NVDS_USER_META, G_STRFUNC))
    return;
  dsnet_unlink_and_release (&frame_meta->frame_user_meta_list, user_meta, G_STRFUNC);
}

void
nvds_remove_user_meta_from_object (NvDsObjectMeta * obj_meta, NvDsUserMeta * user_meta)
{
  if (!dsnet_check_element (obj_meta, NVDS_OBJ_META, G_STRFUNC)
      || !dsnet_check_element (user_meta, NVDS_USER_META, G_STRFUNC))
    return;
  dsnet_unlink_and_release (&obj_meta->obj_user_meta_list, user_meta, G_STRFUNC);
}

void
nvds_clear_batch_user_meta_list (NvDsBatchMeta * batch_meta, NvDsUserMetaList * meta_list)
{
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    nvds_remove_user_meta_from_batch (batch_meta, l->data);
  }
}

void
nvds_clear_frame_user_meta_list (NvDsFrameMeta * frame_meta, NvDsUserMetaList * meta_list)
{
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    nvds_remove_user_meta_from_frame (frame_meta, l->data);
  }
}

void
nvds_clear_obj_user_meta_list (NvDsObjectMeta * object_meta, NvDsUserMetaList * meta_list)
{
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    nvds_remove_user_meta_from_object (object_meta, l->data);
  }
}

NvDsMetaList *
nvds_clear_meta_list (NvDsBatchMeta * batch_meta, NvDsMetaList * meta_list,
    NvDsMetaPool * meta_pool)
{
  g_return_val_if_fail (batch_meta != NULL && meta_pool != NULL, meta_list);
  /* Elements of this pool go back to it (with their children); anything else stays listed. */
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    if (l->data && dsnet_pool_owns (meta_pool, l->data) && dsnet_pool_in_use (l->data)) {
      dsnet_release_element (l->data);
      meta_list = g_list_delete_link (meta_list, l);
    } else {
      g_warning ("%s: %p is not an in-use element of pool %p; kept in the list", G_STRFUNC,
          l->data, meta_pool);
    }
  }
  return meta_list;
}

/*
 * User meta types: each distinct descriptor gets the next value from DSNET_FIRST_REGISTERED_TYPE on,
 * for the life of the process. The range NVDS_START_USER_META .. DSNET_FIRST_REGISTERED_TYPE-1 is left
 * to applications that hard-code their types as NVDS_START_USER_META + n.
 */
#define DSNET_FIRST_REGISTERED_TYPE (NVDS_START_USER_META + 4096)

static GMutex dsnet_user_types_lock;
static GHashTable *dsnet_user_types;    /* descriptor (owned) -> GINT_TO_POINTER (type) */
static gint dsnet_next_user_type = DSNET_FIRST_REGISTERED_TYPE;

/* ORG.COMPONENT.DESCRIPTION: at least three non-empty dot-separated fields, printable ASCII, no
 * spaces (the description may itself contain dots). */
static gboolean
dsnet_valid_descriptor (const gchar * s)
{
  guint fields = 1;
  gsize field_len = 0;
  if (!s || !*s)
    return FALSE;
  for (const gchar * p = s; *p; p++) {
    if (*p == '.') {
      if (field_len == 0)
        return FALSE;
      fields++;
      field_len = 0;
    } else if (!g_ascii_isgraph (*p)) {
      return FALSE;
    } else {
      field_len++;
    }
  }
  return field_len > 0 && fields >= 3;
}

NvDsMetaType
nvds_get_user_meta_type (gchar * meta_descriptor)
{
  if (!dsnet_valid_descriptor (meta_descriptor)) {
    g_warning ("nvds_get_user_meta_type: invalid descriptor \"%s\" (expected ORG.COMPONENT.DESCRIPTION)",
        meta_descriptor ? meta_descriptor : "(null)");
    return NVDS_INVALID_META;
  }
  NvDsMetaType type = NVDS_INVALID_META;
  g_mutex_lock (&dsnet_user_types_lock);
  if (!dsnet_user_types)
    dsnet_user_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gpointer value;
  if (g_hash_table_lookup_extended (dsnet_user_types, meta_descriptor, NULL, &value)) {
    type = (NvDsMetaType) GPOINTER_TO_INT (value);
  } else if (dsnet_next_user_type < NVDS_FORCE32_META) {
    type = (NvDsMetaType) dsnet_next_user_type++;
    g_hash_table_insert (dsnet_user_types, g_strdup (meta_descriptor), GINT_TO_POINTER (type));
  }
  g_mutex_unlock (&dsnet_user_types_lock);
  return type;
}
