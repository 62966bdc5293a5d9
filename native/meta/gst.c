/*
 * The NvDsMeta GstMeta: carries an NvDsBatchMeta (meta_type NVDS_BATCH_GST_META) or any other
 * payload on a GstBuffer. API type tag "nvdsmeta" (NVDS_META_STRING), so consumers find it the way
 * DeepStream's own elements do (tag check, then meta_type).
 *
 * Buffer copies (gst_buffer_copy, gst_buffer_make_writable) transform the meta through its copyfunc,
 * so a batch meta is deep-copied (nvds_batch_meta_copy_func); freeing the buffer calls freefunc.
 * Other transforms (scaling, region copies) are not carried: the metadata's coordinates would be wrong.
 */
#include <string.h>

#include "meta_private.h"

static GQuark dsnet_nvds_meta_tag;

GType
nvds_meta_api_get_type (void)
{
  static GType type = 0;
  static const gchar *tags[] = { NVDS_META_STRING, NULL };
  if (g_once_init_enter (&type)) {
    dsnet_meta_debug_init ();
    GType t = gst_meta_api_type_register ("NvDsMetaAPI", tags);
    dsnet_nvds_meta_tag = g_quark_from_static_string (NVDS_META_STRING);
    g_once_init_leave (&type, t);
  }
  return type;
}

static gboolean
nvds_meta_init (GstMeta * meta, gpointer params, GstBuffer * buffer)
{
  (void) params;
  (void) buffer;
  NvDsMeta *m = (NvDsMeta *) meta;
  m->meta_data = NULL;
  m->user_data = NULL;
  m->meta_type = NVDS_GST_INVALID_META;
  m->copyfunc = NULL;
  m->freefunc = NULL;
  m->gst_to_nvds_meta_transform_func = NULL;
  m->gst_to_nvds_meta_release_func = NULL;
  return TRUE;
}

static void
nvds_meta_free (GstMeta * meta, GstBuffer * buffer)
{
  (void) buffer;
  NvDsMeta *m = (NvDsMeta *) meta;
  if (m->freefunc && m->meta_data)
    m->freefunc (m->meta_data, m->user_data);
  m->meta_data = NULL;
}

static gboolean
nvds_meta_transform (GstBuffer * dest, GstMeta * meta, GstBuffer * buffer, GQuark type,
    gpointer data)
{
  (void) buffer;
  (void) data;
  NvDsMeta *src = (NvDsMeta *) meta;
  if (!GST_META_TRANSFORM_IS_COPY (type)) {
    GST_DEBUG ("not carrying NvDsMeta through a '%s' transform", g_quark_to_string (type));
    return FALSE;
  }
  gpointer payload = src->meta_data;
  if (src->meta_data && src->copyfunc) {
    payload = src->copyfunc (src->meta_data, src->user_data);
  } else if (src->meta_data && src->freefunc) {
    /* Sharing the payload would free it twice. */
    GST_WARNING ("NvDsMeta of type %d has a freefunc but no copyfunc: not copied", src->meta_type);
    return TRUE;
  }
  NvDsMeta *dst = gst_buffer_add_nvds_meta (dest, payload, src->user_data, src->copyfunc,
      src->freefunc);
  if (!dst)
    return FALSE;
  dst->meta_type = src->meta_type;
  dst->gst_to_nvds_meta_transform_func = src->gst_to_nvds_meta_transform_func;
  dst->gst_to_nvds_meta_release_func = src->gst_to_nvds_meta_release_func;
  return TRUE;
}

const GstMetaInfo *
nvds_meta_get_info (void)
{
  static const GstMetaInfo *info = NULL;
  if (g_once_init_enter ((GstMetaInfo **) & info)) {
    const GstMetaInfo *i = gst_meta_register (nvds_meta_api_get_type (), "NvDsMeta",
        sizeof (NvDsMeta), nvds_meta_init, nvds_meta_free, nvds_meta_transform);
    g_once_init_leave ((GstMetaInfo **) & info, (GstMetaInfo *) i);
  }
  return info;
}

NvDsMeta *
gst_buffer_add_nvds_meta (GstBuffer * buffer, gpointer meta_data, gpointer user_data,
    NvDsMetaCopyFunc copy_func, NvDsMetaReleaseFunc release_func)
{
  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);
  g_return_val_if_fail (gst_buffer_is_writable (buffer), NULL);
  NvDsMeta *meta = (NvDsMeta *) gst_buffer_add_meta (buffer, nvds_meta_get_info (), NULL);
  if (!meta)
    return NULL;
  meta->meta_data = meta_data;
  meta->user_data = user_data;
  meta->copyfunc = copy_func;
  meta->freefunc = release_func;
  return meta;
}

static gboolean
is_nvds_meta (GstMeta * meta)
{
  nvds_meta_api_get_type ();    /* initialises the tag quark */
  return gst_meta_api_type_has_tag (meta->info->api, dsnet_nvds_meta_tag);
}

/* The most recently added NvDsMeta of the buffer (of the given meta_type, or any when -2). */
static NvDsMeta *
find_latest (GstBuffer * buffer, gint meta_type)
{
  gpointer state = NULL;
  GstMeta *meta;
  NvDsMeta *best = NULL;
  guint64 best_seq = 0;
  while ((meta = gst_buffer_iterate_meta (buffer, &state))) {
    if (!is_nvds_meta (meta))
      continue;
    NvDsMeta *m = (NvDsMeta *) meta;
    if (meta_type != -2 && m->meta_type != meta_type)
      continue;
    guint64 seq = gst_meta_get_seqnum (meta);
    if (!best || seq > best_seq) {
      best = m;
      best_seq = seq;
    }
  }
  return best;
}

NvDsMeta *
gst_buffer_get_nvds_meta (GstBuffer * buffer)
{
  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);
  return find_latest (buffer, -2);
}

NvDsBatchMeta *
gst_buffer_get_nvds_batch_meta (GstBuffer * buffer)
{
  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);
  NvDsMeta *m = find_latest (buffer, NVDS_BATCH_GST_META);
  return m ? m->meta_data : NULL;
}

/* Payload of an NVDS_BUFFER_GST_AS_FRAME_USER_META: an empty GstBuffer holding copies of the input
 * buffer's plain GstMetas. Copied with gst_buffer_copy (metas transformed again), released by unref. */
static gpointer
gst_metas_user_copy (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  return um->user_meta_data ? gst_buffer_copy (um->user_meta_data) : NULL;
}

static void
gst_metas_user_release (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  if (um->user_meta_data)
    gst_buffer_unref (um->user_meta_data);
  um->user_meta_data = NULL;
}

void
nvds_copy_gst_meta_to_frame_meta (GstBuffer * src_gst_buffer, NvDsBatchMeta * batch_meta,
    NvDsFrameMeta * frame_meta)
{
  g_return_if_fail (GST_IS_BUFFER (src_gst_buffer));
  g_return_if_fail (batch_meta != NULL);
  if (!dsnet_check_element (frame_meta, NVDS_FRAME_META, G_STRFUNC))
    return;

  GstBuffer *plain = NULL;
  guint plain_count = 0;
  gpointer state = NULL;
  GstMeta *meta;
  while ((meta = gst_buffer_iterate_meta (src_gst_buffer, &state))) {
    if (!is_nvds_meta (meta)) {
      /* Plain GstMetas travel together as one user meta (a carrier buffer with their copies). */
      const GstMetaInfo *info = meta->info;
      if (!info->transform_func)
        continue;
      if (!plain)
        plain = gst_buffer_new ();
      GstMetaTransformCopy copy = { FALSE, 0, (gsize) - 1 };
      if (info->transform_func (plain, meta, src_gst_buffer, _gst_meta_transform_copy, &copy))
        plain_count++;
      else
        GST_DEBUG ("GstMeta %s could not be copied", g_type_name (info->api));
      continue;
    }
    NvDsMeta *m = (NvDsMeta *) meta;
    if (m->meta_type == NVDS_BATCH_GST_META)
      continue;                 /* upstream batches are merged frame by frame with nvds_copy_frame_meta */
    if (!m->gst_to_nvds_meta_transform_func) {
      /* Without the transform pair nothing could own the copy's payload. */
      GST_DEBUG ("NvDsMeta of type %d has no gst_to_nvds_meta_transform_func: not carried",
          m->meta_type);
      continue;
    }
    NvDsUserMeta source = { 0 };
    source.base_meta.batch_meta = batch_meta;
    source.base_meta.meta_type = (NvDsMetaType) m->meta_type;
    source.base_meta.uContext = m->user_data;
    source.user_meta_data = m->meta_data;
    NvDsUserMeta *um = nvds_acquire_user_meta_from_pool (batch_meta);
    um->base_meta.meta_type = (NvDsMetaType) m->meta_type;
    um->base_meta.uContext = m->user_data;
    um->base_meta.copy_func = m->gst_to_nvds_meta_transform_func;
    um->base_meta.release_func = m->gst_to_nvds_meta_release_func;
    um->user_meta_data = m->gst_to_nvds_meta_transform_func (&source, m->user_data);
    nvds_add_user_meta_to_frame (frame_meta, um);
  }

  if (plain && plain_count == 0) {
    gst_buffer_unref (plain);
    plain = NULL;
  }
  if (plain) {
    NvDsUserMeta *um = nvds_acquire_user_meta_from_pool (batch_meta);
    um->base_meta.meta_type = (NvDsMetaType) NVDS_BUFFER_GST_AS_FRAME_USER_META;
    um->base_meta.copy_func = gst_metas_user_copy;
    um->base_meta.release_func = gst_metas_user_release;
    um->user_meta_data = plain;
    nvds_add_user_meta_to_frame (frame_meta, um);
  }
}

void
nvds_copy_gst_meta_to_audio_frame_meta (GstBuffer * src_gst_buffer, NvDsBatchMeta * batch_meta,
    NvDsAudioFrameMeta * frame_meta)
{
  (void) src_gst_buffer;
  (void) batch_meta;
  (void) frame_meta;
  g_warning ("nvds_copy_gst_meta_to_audio_frame_meta: audio metadata is not supported by "
      "libdsnet_meta (this runtime has no audio pipeline); nothing done");
}
