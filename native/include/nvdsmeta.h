/*
 * DeepStreamNet — DeepStream 6.x-compatible metadata API (nvdsmeta.h).
 *
 * Same type, field, enum, constant and function names and the same LP64 layout as DeepStream
 * 6.0–6.3; enum numbering is DeepStream 6.3's. Written from the project's ABI specification
 * (shared/spec/deepstream-meta-abi.md); implemented by libdsnet_meta.so (native/meta/).
 */
#ifndef DSNET_NVDSMETA_H
#define DSNET_NVDSMETA_H

#include <glib.h>

#include "nvll_osd_struct.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MAX_USER_FIELDS 4
#define MAX_RESERVED_FIELDS 4
#define MAX_LABEL_SIZE 128
#define MAX_ELEMENTS_IN_DISPLAY_META 16
#define UNTRACKED_OBJECT_ID 0xFFFFFFFFFFFFFFFF

typedef GList NvDsFrameMetaList;
typedef GList NvDsUserMetaList;
typedef GList NvDsObjectMetaList;
typedef GList NvDisplayMetaList;
typedef GList NvDsClassifierMetaList;
typedef GList NvDsLabelInfoList;
typedef GList NvDsMetaList;
typedef void NvDsElementMeta;

typedef gpointer (*NvDsMetaCopyFunc) (gpointer data, gpointer user_data);
typedef void (*NvDsMetaReleaseFunc) (gpointer data, gpointer user_data);

/** Kind of a metadata element (DeepStream 6.3 numbering). */
typedef enum
{
  NVDS_INVALID_META = -1,
  NVDS_BATCH_META = 1,
  NVDS_FRAME_META,
  NVDS_OBJ_META,
  NVDS_DISPLAY_META,
  NVDS_CLASSIFIER_META,
  NVDS_LABEL_INFO_META,
  NVDS_USER_META,
  NVDS_PAYLOAD_META,
  NVDS_EVENT_MSG_META,
  NVDS_OPTICAL_FLOW_META,
  NVDS_LATENCY_MEASUREMENT_META,
  NVDSINFER_TENSOR_OUTPUT_META,
  NVDSINFER_SEGMENTATION_META,
  NVDS_CROP_IMAGE_META,
  NVDS_TRACKER_PAST_FRAME_META,
  NVDS_TRACKER_BATCH_REID_META,
  NVDS_TRACKER_OBJ_REID_META,
  NVDS_AUDIO_BATCH_META,
  NVDS_AUDIO_FRAME_META,
  NVDS_PREPROCESS_FRAME_META,
  NVDS_PREPROCESS_BATCH_META,
  NVDS_CUSTOM_MSG_BLOB,
  NVDS_RESERVED_META = 4095,
  NVDS_GST_CUSTOM_META = 4096,
  NVDS_START_USER_META = NVDS_GST_CUSTOM_META + 4096 + 1,
  NVDS_FORCE32_META = 0x7FFFFFFF
} NvDsMetaType;

/** Box as a component produced it. */
typedef struct _NvBbox_Coords
{
  float left;
  float top;
  float width;
  float height;
} NvBbox_Coords;

typedef struct _NvDsComp_BboxInfo
{
  NvBbox_Coords org_bbox_coords;
} NvDsComp_BboxInfo;

/** A pool of metadata elements of one type, owned by a batch. */
typedef struct _NvDsMetaPool
{
  NvDsMetaType meta_type;
  guint max_elements_in_pool;
  guint element_size;
  guint num_empty_elements;
  guint num_full_elements;
  NvDsMetaList *empty_list;
  NvDsMetaList *full_list;
  NvDsMetaCopyFunc copy_func;
  NvDsMetaReleaseFunc release_func;
} NvDsMetaPool;

/** First member of every metadata struct. */
typedef struct _NvDsBaseMeta
{
  struct _NvDsBatchMeta *batch_meta;
  NvDsMetaType meta_type;
  void *uContext;
  NvDsMetaCopyFunc copy_func;
  NvDsMetaReleaseFunc release_func;
} NvDsBaseMeta;

/** Metadata of one batched buffer. */
typedef struct _NvDsBatchMeta
{
  NvDsBaseMeta base_meta;
  guint max_frames_in_batch;
  guint num_frames_in_batch;
  NvDsMetaPool *frame_meta_pool;
  NvDsMetaPool *obj_meta_pool;
  NvDsMetaPool *classifier_meta_pool;
  NvDsMetaPool *display_meta_pool;
  NvDsMetaPool *user_meta_pool;
  NvDsMetaPool *label_info_meta_pool;
  NvDsFrameMetaList *frame_meta_list;
  NvDsUserMetaList *batch_user_meta_list;
  GRecMutex meta_mutex;
  gint64 misc_batch_info[MAX_USER_FIELDS];
  gint64 reserved[MAX_RESERVED_FIELDS];
} NvDsBatchMeta;

/** Metadata of one frame of a batch. */
typedef struct _NvDsFrameMeta
{
  NvDsBaseMeta base_meta;
  guint pad_index;
  guint batch_id;
  gint frame_num;
  guint64 buf_pts;
  guint64 ntp_timestamp;
  guint source_id;
  gint num_surfaces_per_frame;
  guint source_frame_width;
  guint source_frame_height;
  guint surface_type;
  guint surface_index;
  guint num_obj_meta;
  gboolean bInferDone;
  NvDsObjectMetaList *obj_meta_list;
  NvDisplayMetaList *display_meta_list;
  NvDsUserMetaList *frame_user_meta_list;
  gint64 misc_frame_info[MAX_USER_FIELDS];
  guint pipeline_width;
  guint pipeline_height;
  gint64 reserved[MAX_RESERVED_FIELDS];
} NvDsFrameMeta;

/** Metadata of one detected object. */
typedef struct _NvDsObjectMeta
{
  NvDsBaseMeta base_meta;
  struct _NvDsObjectMeta *parent;
  gint unique_component_id;
  gint class_id;
  guint64 object_id;
  NvDsComp_BboxInfo detector_bbox_info;
  NvDsComp_BboxInfo tracker_bbox_info;
  gfloat confidence;
  gfloat tracker_confidence;
  NvOSD_RectParams rect_params;
  NvOSD_MaskParams mask_params;
  NvOSD_TextParams text_params;
  gchar obj_label[MAX_LABEL_SIZE];
  NvDsClassifierMetaList *classifier_meta_list;
  NvDsUserMetaList *obj_user_meta_list;
  gint64 misc_obj_info[MAX_USER_FIELDS];
  gint64 reserved[MAX_RESERVED_FIELDS];
} NvDsObjectMeta;

/** Result of one classifier on one object. */
typedef struct _NvDsClassifierMeta
{
  NvDsBaseMeta base_meta;
  guint num_labels;
  gint unique_component_id;
  NvDsLabelInfoList *label_info_list;
  const gchar *classifier_type;
} NvDsClassifierMeta;

/** One attribute's label of a classifier result. */
typedef struct _NvDsLabelInfo
{
  NvDsBaseMeta base_meta;
  guint num_classes;
  gchar result_label[MAX_LABEL_SIZE];
  gchar *pResult_label;
  guint result_class_id;
  guint label_id;
  gfloat result_prob;
} NvDsLabelInfo;

/** Extra drawing (rects, texts, lines, arrows, circles) for a frame. */
typedef struct NvDsDisplayMeta
{
  NvDsBaseMeta base_meta;
  guint num_rects;
  guint num_labels;
  guint num_lines;
  guint num_arrows;
  guint num_circles;
  NvOSD_RectParams rect_params[MAX_ELEMENTS_IN_DISPLAY_META];
  NvOSD_TextParams text_params[MAX_ELEMENTS_IN_DISPLAY_META];
  NvOSD_LineParams line_params[MAX_ELEMENTS_IN_DISPLAY_META];
  NvOSD_ArrowParams arrow_params[MAX_ELEMENTS_IN_DISPLAY_META];
  NvOSD_CircleParams circle_params[MAX_ELEMENTS_IN_DISPLAY_META];
  gint64 misc_osd_data[MAX_USER_FIELDS];
  gint64 reserved[MAX_RESERVED_FIELDS];
} NvDsDisplayMeta;

/** Application-defined metadata; the payload is copied and freed by the user's callbacks. */
typedef struct _NvDsUserMeta
{
  NvDsBaseMeta base_meta;
  void *user_meta_data;
} NvDsUserMeta;

/** Region of interest of nvdspreprocess (defined in nvds_roi_meta.h). */
typedef struct NvDsRoiMeta NvDsRoiMeta;

void nvds_acquire_meta_lock (NvDsBatchMeta *batch_meta);
void nvds_release_meta_lock (NvDsBatchMeta *batch_meta);

NvDsBatchMeta *nvds_create_batch_meta (guint max_batch_size);
gboolean nvds_destroy_batch_meta (NvDsBatchMeta *batch_meta);

NvDsFrameMeta *nvds_acquire_frame_meta_from_pool (NvDsBatchMeta *batch_meta);
void nvds_add_frame_meta_to_batch (NvDsBatchMeta *batch_meta, NvDsFrameMeta *frame_meta);
void nvds_remove_frame_meta_from_batch (NvDsBatchMeta *batch_meta, NvDsFrameMeta *frame_meta);

NvDsObjectMeta *nvds_acquire_obj_meta_from_pool (NvDsBatchMeta *batch_meta);
void nvds_add_obj_meta_to_frame (NvDsFrameMeta *frame_meta, NvDsObjectMeta *obj_meta,
    NvDsObjectMeta *obj_parent);
void nvds_remove_obj_meta_from_frame (NvDsFrameMeta *frame_meta, NvDsObjectMeta *obj_meta);

NvDsClassifierMeta *nvds_acquire_classifier_meta_from_pool (NvDsBatchMeta *batch_meta);
void nvds_add_classifier_meta_to_roi (NvDsRoiMeta *roi_meta, NvDsClassifierMeta *classifier_meta);
void nvds_remove_classifier_meta_from_roi (NvDsRoiMeta *roi_meta,
    NvDsClassifierMeta *classifier_meta);
void nvds_add_classifier_meta_to_object (NvDsObjectMeta *obj_meta,
    NvDsClassifierMeta *classifier_meta);
void nvds_remove_classifier_meta_from_obj (NvDsObjectMeta *obj_meta,
    NvDsClassifierMeta *classifier_meta);

NvDsDisplayMeta *nvds_acquire_display_meta_from_pool (NvDsBatchMeta *batch_meta);
void nvds_add_display_meta_to_frame (NvDsFrameMeta *frame_meta, NvDsDisplayMeta *display_meta);
void nvds_remove_display_meta_from_frame (NvDsFrameMeta *frame_meta,
    NvDsDisplayMeta *display_meta);

NvDsLabelInfo *nvds_acquire_label_info_meta_from_pool (NvDsBatchMeta *batch_meta);
void nvds_add_label_info_meta_to_classifier (NvDsClassifierMeta *classifier_meta,
    NvDsLabelInfo *label_info_meta);
void nvds_remove_label_info_meta_from_classifier (NvDsClassifierMeta *classifier_meta,
    NvDsLabelInfo *label_info_meta);

void nvds_add_user_meta_to_batch (NvDsBatchMeta *batch_meta, NvDsUserMeta *user_meta);
void nvds_add_user_meta_to_frame (NvDsFrameMeta *frame_meta, NvDsUserMeta *user_meta);
void nvds_add_user_meta_to_roi (NvDsRoiMeta *roi_meta, NvDsUserMeta *user_meta);
void nvds_add_user_meta_to_obj (NvDsObjectMeta *obj_meta, NvDsUserMeta *user_meta);
NvDsUserMeta *nvds_acquire_user_meta_from_pool (NvDsBatchMeta *batch_meta);
void nvds_remove_user_meta_from_batch (NvDsBatchMeta *batch_meta, NvDsUserMeta *user_meta);
void nvds_remove_user_meta_from_frame (NvDsFrameMeta *frame_meta, NvDsUserMeta *user_meta);
void nvds_remove_user_meta_from_roi (NvDsRoiMeta *roi_meta, NvDsUserMeta *user_meta);
void nvds_remove_user_meta_from_object (NvDsObjectMeta *obj_meta, NvDsUserMeta *user_meta);

gboolean nvds_get_current_metadata_info (NvDsBatchMeta *batch_meta);

gpointer nvds_batch_meta_copy_func (gpointer data, gpointer user_data);
void nvds_batch_meta_release_func (gpointer data, gpointer user_data);

NvDsFrameMeta *nvds_get_nth_frame_meta (NvDsFrameMetaList *frame_meta_list, guint index);

void nvds_clear_frame_meta_list (NvDsBatchMeta *batch_meta, NvDsFrameMetaList *meta_list);
void nvds_clear_obj_meta_list (NvDsFrameMeta *frame_meta, NvDsObjectMetaList *meta_list);
void nvds_clear_classifier_meta_list (NvDsObjectMeta *obj_meta, NvDsClassifierMetaList *meta_list);
void nvds_clear_label_info_meta_list (NvDsClassifierMeta *classifier_meta,
    NvDsLabelInfoList *meta_list);
void nvds_clear_display_meta_list (NvDsFrameMeta *frame_meta, NvDisplayMetaList *meta_list);
void nvds_clear_batch_user_meta_list (NvDsBatchMeta *batch_meta, NvDsUserMetaList *meta_list);
void nvds_clear_frame_user_meta_list (NvDsFrameMeta *frame_meta, NvDsUserMetaList *meta_list);
void nvds_clear_obj_user_meta_list (NvDsObjectMeta *object_meta, NvDsUserMetaList *meta_list);
NvDsMetaList *nvds_clear_meta_list (NvDsBatchMeta *batch_meta, NvDsMetaList *meta_list,
    NvDsMetaPool *meta_pool);

void nvds_copy_frame_meta (NvDsFrameMeta *src_frame_meta, NvDsFrameMeta *dst_frame_meta);
void nvds_copy_obj_meta (NvDsObjectMeta *src_object_meta, NvDsObjectMeta *dst_object_meta);
void nvds_copy_classifier_meta (NvDsClassifierMeta *src_classifier_meta,
    NvDsClassifierMeta *dst_classifier_meta);
void nvds_copy_label_info_meta (NvDsLabelInfo *src_label_info, NvDsLabelInfo *dst_label_info);
void nvds_copy_display_meta (NvDsDisplayMeta *src_display_meta, NvDsDisplayMeta *dst_display_meta);
void nvds_copy_batch_user_meta_list (NvDsUserMetaList *src_user_meta_list,
    NvDsBatchMeta *dst_batch_meta);
void nvds_copy_frame_user_meta_list (NvDsUserMetaList *src_user_meta_list,
    NvDsFrameMeta *dst_frame_meta);
void nvds_copy_obj_user_meta_list (NvDsUserMetaList *src_user_meta_list,
    NvDsObjectMeta *dst_object_meta);
void nvds_copy_display_meta_list (NvDisplayMetaList *src_display_meta_list,
    NvDsFrameMeta *dst_frame_meta);
void nvds_copy_frame_meta_list (NvDsFrameMetaList *src_frame_meta_list,
    NvDsBatchMeta *dst_batch_meta);
void nvds_copy_obj_meta_list (NvDsObjectMetaList *src_obj_meta_list, NvDsFrameMeta *dst_frame_meta);
void nvds_copy_classification_list (NvDsClassifierMetaList *src_classification_list,
    NvDsObjectMeta *dst_object_meta);
void nvds_copy_label_info_list (NvDsLabelInfoList *src_label_info_list,
    NvDsClassifierMeta *dst_classifier_meta);

NvDsMetaType nvds_get_user_meta_type (gchar *meta_descriptor);

#ifdef __cplusplus
}
#endif

#endif /* DSNET_NVDSMETA_H */
