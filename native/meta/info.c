/* nvds_get_current_metadata_info: a human-readable dump of a batch (g_print), for debugging. */
#include "meta_private.h"

static void
print_pool (const gchar * name, const NvDsMetaPool * pool)
{
  g_print ("  %-10s pool: capacity %u, in use %u, free %u\n", name, pool->max_elements_in_pool,
      pool->num_full_elements, pool->num_empty_elements);
}

static void
print_user_list (const gchar * indent, GList * list)
{
  for (GList * l = list; l; l = l->next) {
    NvDsUserMeta *um = l->data;
    g_print ("%suser meta type %d data %p\n", indent, um->base_meta.meta_type, um->user_meta_data);
  }
}

gboolean
nvds_get_current_metadata_info (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL, FALSE);
  nvds_acquire_meta_lock (batch_meta);
  g_print ("NvDsBatchMeta %p: %u of %u frames\n", batch_meta, batch_meta->num_frames_in_batch,
      batch_meta->max_frames_in_batch);
  print_pool ("frame", batch_meta->frame_meta_pool);
  print_pool ("object", batch_meta->obj_meta_pool);
  print_pool ("classifier", batch_meta->classifier_meta_pool);
  print_pool ("label", batch_meta->label_info_meta_pool);
  print_pool ("display", batch_meta->display_meta_pool);
  print_pool ("user", batch_meta->user_meta_pool);
  print_user_list ("  batch ", batch_meta->batch_user_meta_list);
  for (GList * f = batch_meta->frame_meta_list; f; f = f->next) {
    NvDsFrameMeta *fm = f->data;
    g_print ("  frame batch_id %u source %u pad %u frame_num %d pts %" G_GUINT64_FORMAT
        " size %ux%u objects %u\n", fm->batch_id, fm->source_id, fm->pad_index, fm->frame_num,
        fm->buf_pts, fm->source_frame_width, fm->source_frame_height, fm->num_obj_meta);
    for (GList * o = fm->obj_meta_list; o; o = o->next) {
      NvDsObjectMeta *om = o->data;
      g_print ("    object class %d '%s' id %" G_GUINT64_FORMAT " conf %.3f box %.1f,%.1f %.1fx%.1f"
          "%s\n", om->class_id, om->obj_label, om->object_id, om->confidence,
          om->rect_params.left, om->rect_params.top, om->rect_params.width,
          om->rect_params.height, om->parent ? " (has parent)" : "");
      for (GList * c = om->classifier_meta_list; c; c = c->next) {
        NvDsClassifierMeta *cm = c->data;
        g_print ("      classifier %d: %u labels\n", cm->unique_component_id, cm->num_labels);
        for (GList * li = cm->label_info_list; li; li = li->next) {
          NvDsLabelInfo *info = li->data;
          g_print ("        label %u class %u '%s' prob %.3f\n", info->label_id,
              info->result_class_id,
              info->pResult_label ? info->pResult_label : info->result_label, info->result_prob);
        }
      }
      print_user_list ("      ", om->obj_user_meta_list);
    }
    for (GList * d = fm->display_meta_list; d; d = d->next) {
      NvDsDisplayMeta *dm = d->data;
      g_print ("    display: %u rects, %u labels, %u lines, %u arrows, %u circles\n",
          dm->num_rects, dm->num_labels, dm->num_lines, dm->num_arrows, dm->num_circles);
    }
    print_user_list ("    ", fm->frame_user_meta_list);
  }
  nvds_release_meta_lock (batch_meta);
  return TRUE;
}
