#include "tracker_test_batch.h"

#include <string.h>

#include "dsnetbatch.h"
#include "gstnvdsmeta.h"

GstBuffer *
tt_batch_new (gint width, gint height, guint batch_size, GstBuffer * pixels)
{
  GstBuffer *buf;
  if (pixels) {
    buf = gst_buffer_copy_region (pixels, GST_BUFFER_COPY_MEMORY | GST_BUFFER_COPY_TIMESTAMPS, 0, -1);
  } else {
    gsize size = dsnet_batch_frame_size (width, height) * batch_size;
    buf = gst_buffer_new_allocate (NULL, size, NULL);
    gst_buffer_memset (buf, 0, 0, size);
  }
  NvDsBatchMeta *batch = nvds_create_batch_meta (batch_size);
  NvDsMeta *m = gst_buffer_add_nvds_meta (buf, batch, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  m->meta_type = NVDS_BATCH_GST_META;
  batch->base_meta.batch_meta = batch;
  batch->base_meta.copy_func = nvds_batch_meta_copy_func;
  batch->base_meta.release_func = nvds_batch_meta_release_func;
  batch->max_frames_in_batch = batch_size;
  return buf;
}

NvDsFrameMeta *
tt_batch_add_frame (GstBuffer * buf, guint source_id, guint batch_id, gint frame_num, const TtObject * objs,
    guint n_objs)
{
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  g_assert (batch != NULL);
  NvDsFrameMeta *fm = nvds_acquire_frame_meta_from_pool (batch);
  fm->pad_index = source_id;
  fm->source_id = source_id;
  fm->batch_id = batch_id;
  fm->frame_num = frame_num;
  fm->num_surfaces_per_frame = 1;
  fm->bInferDone = objs != NULL;        /* a detector ran (it may have found nothing) */
  nvds_add_frame_meta_to_batch (batch, fm);
  for (guint i = 0; i < n_objs; i++) {
    NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (batch);
    const TtObject *s = &objs[i];
    o->unique_component_id = 1;
    o->class_id = s->class_id;
    o->confidence = s->confidence;
    o->object_id = UNTRACKED_OBJECT_ID;
    o->misc_obj_info[0] = i;    /* tag: lets tests find the object whatever the list order */
    o->rect_params.left = s->left;
    o->rect_params.top = s->top;
    o->rect_params.width = s->width;
    o->rect_params.height = s->height;
    o->rect_params.border_width = 3;
    o->detector_bbox_info.org_bbox_coords.left = s->left;
    o->detector_bbox_info.org_bbox_coords.top = s->top;
    o->detector_bbox_info.org_bbox_coords.width = s->width;
    o->detector_bbox_info.org_bbox_coords.height = s->height;
    const gchar *label = s->label ? s->label : "face";
    g_strlcpy (o->obj_label, label, sizeof o->obj_label);
    o->text_params.display_text = g_strdup (label);
    nvds_add_obj_meta_to_frame (fm, o, NULL);
  }
  return fm;
}

NvDsObjectMeta *
tt_frame_object (NvDsFrameMeta * frame, guint i)
{
  for (GList * l = frame->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *o = l->data;
    if (o->misc_obj_info[0] == (gint64) i)
      return o;
  }
  return NULL;
}

NvDsFrameMeta *
tt_batch_frame (GstBuffer * buf, guint source_id)
{
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  if (!batch)
    return NULL;
  for (GList * l = batch->frame_meta_list; l; l = l->next) {
    NvDsFrameMeta *f = l->data;
    if (f->source_id == source_id)
      return f;
  }
  return NULL;
}

gchar *
tt_batch_caps (gint width, gint height, guint batch_size)
{
  return g_strdup_printf ("video/x-raw(" DSNET_BATCH_CAPS_FEATURE "), format=(string)RGBA, width=(int)%d, "
      "height=(int)%d, framerate=(fraction)25/1, batch-size=(int)%u", width, height, batch_size);
}
