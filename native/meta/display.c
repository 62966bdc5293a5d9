/*
 * Display metadata: extra rectangles, texts, lines, arrows and circles drawn on a frame.
 * Text strings (text_params[i].display_text) are owned by the meta and g_free()d on release.
 */
#include "meta_private.h"

NvDsDisplayMeta *
nvds_acquire_display_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL && batch_meta->display_meta_pool != NULL, NULL);
  return dsnet_pool_acquire (batch_meta->display_meta_pool);
}

void
nvds_add_display_meta_to_frame (NvDsFrameMeta * frame_meta, NvDsDisplayMeta * display_meta)
{
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC)
      || !dsnet_check_element (display_meta, NVDS_DISPLAY_META, G_STRFUNC))
    return;
  frame_meta->display_meta_list = g_list_append (frame_meta->display_meta_list, display_meta);
}

void
nvds_remove_display_meta_from_frame (NvDsFrameMeta * frame_meta, NvDsDisplayMeta * display_meta)
{
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC)
      || !dsnet_check_element (display_meta, NVDS_DISPLAY_META, G_STRFUNC))
    return;
  dsnet_unlink_and_release (&frame_meta->display_meta_list, display_meta, G_STRFUNC);
}

void
nvds_clear_display_meta_list (NvDsFrameMeta * frame_meta, NvDisplayMetaList * meta_list)
{
  for (GList * l = meta_list, *next; l; l = next) {
    next = l->next;
    nvds_remove_display_meta_from_frame (frame_meta, l->data);
  }
}
