/*
 * DeepStreamNet — DeepStream 6.x-compatible GstMeta carrying NvDs metadata (gstnvdsmeta.h).
 *
 * Same names and LP64 layout as DeepStream 6.1–6.3. Written from the project's ABI specification
 * (shared/spec/deepstream-meta-abi.md); implemented by libdsnet_meta.so (native/meta/).
 */
#ifndef DSNET_GSTNVDSMETA_H
#define DSNET_GSTNVDSMETA_H

#include <gst/gst.h>

#include "nvdsmeta.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NVDS_META_STRING "nvdsmeta"
#define NVDS_META_API_TYPE (nvds_meta_api_get_type ())
#define NVDS_META_INFO (nvds_meta_get_info ())

/** Kind of payload an NvDsMeta carries (value of NvDsMeta.meta_type). */
typedef enum
{
  NVDS_GST_INVALID_META = -1,
  NVDS_BATCH_GST_META = NVDS_GST_CUSTOM_META + 1,
  NVDS_DECODER_GST_META,
  NVDS_DEWARPER_GST_META,
  NVDS_BUFFER_GST_AS_FRAME_USER_META,
  NVDS_RESERVED_GST_META = NVDS_GST_CUSTOM_META + 4096,
  NVDS_GST_META_FORCE32 = 0x7FFFFFFF
} GstNvDsMetaType;

/** Audio frame metadata of the audio pipeline (opaque here: not part of this ABI set). */
typedef struct _NvDsAudioFrameMeta NvDsAudioFrameMeta;

/** The GstMeta attached to a GstBuffer; `meta_data` is an NvDsBatchMeta* for NVDS_BATCH_GST_META. */
typedef struct _NvDsMeta
{
  GstMeta meta;
  gpointer meta_data;
  gpointer user_data;
  gint meta_type;
  NvDsMetaCopyFunc copyfunc;
  NvDsMetaReleaseFunc freefunc;
  NvDsMetaCopyFunc gst_to_nvds_meta_transform_func;
  NvDsMetaReleaseFunc gst_to_nvds_meta_release_func;
} NvDsMeta;

GType nvds_meta_api_get_type (void);
const GstMetaInfo *nvds_meta_get_info (void);

NvDsMeta *gst_buffer_add_nvds_meta (GstBuffer *buffer, gpointer meta_data, gpointer user_data,
    NvDsMetaCopyFunc copy_func, NvDsMetaReleaseFunc release_func);
NvDsMeta *gst_buffer_get_nvds_meta (GstBuffer *buffer);
NvDsBatchMeta *gst_buffer_get_nvds_batch_meta (GstBuffer *buffer);

void nvds_copy_gst_meta_to_frame_meta (GstBuffer *src_gst_buffer, NvDsBatchMeta *batch_meta,
    NvDsFrameMeta *frame_meta);
void nvds_copy_gst_meta_to_audio_frame_meta (GstBuffer *src_gst_buffer, NvDsBatchMeta *batch_meta,
    NvDsAudioFrameMeta *frame_meta);

#ifdef __cplusplus
}
#endif

#endif /* DSNET_GSTNVDSMETA_H */
