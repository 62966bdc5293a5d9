/*
 * Compile-time ABI check of native/include against DeepStream 6.3 (shared/spec/deepstream-meta-abi.md):
 * every constant of §1, every enum value of §3 (6.3 numbering), sizeof/alignof of every struct of §2/§4,
 * offsetof, size and type of every field of §4, the struct tags and typedefs of §0.2, and the exact
 * signature of every function of §6. Any mismatch fails the build; main() adds the one check C cannot
 * make at compile time (the NVDS_META_STRING text).
 */
#include <stddef.h>
#include <stdalign.h>
#include <string.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"
#include "nvll_osd_struct.h"

#include "abi_check.h"

/* §0.1 primitive and GLib/GStreamer types */
STRUCT (gchar, 1, 1);
STRUCT (gint, 4, 4);
STRUCT (guint, 4, 4);
STRUCT (gboolean, 4, 4);
STRUCT (gfloat, 4, 4);
STRUCT (gint64, 8, 8);
STRUCT (guint64, 8, 8);
STRUCT (gdouble, 8, 8);
STRUCT (gpointer, 8, 8);
STRUCT (GType, 8, 8);
STRUCT (GList, 24, 8);
STRUCT (GRecMutex, 16, 8);
STRUCT (GstMeta, 16, 8);
FIELD (GList, data, 0, 8, gpointer);
FIELD (GList, next, 8, 8, GList *);
FIELD (GList, prev, 16, 8, GList *);
FIELD (GstMeta, flags, 0, 4, GstMetaFlags);
FIELD (GstMeta, info, 8, 8, const GstMetaInfo *);

/* §0.2 typedefs and struct tags */
_Static_assert (SAME_TYPE (NvDsFrameMetaList, GList), "NvDsFrameMetaList");
_Static_assert (SAME_TYPE (NvDsUserMetaList, GList), "NvDsUserMetaList");
_Static_assert (SAME_TYPE (NvDsObjectMetaList, GList), "NvDsObjectMetaList");
_Static_assert (SAME_TYPE (NvDisplayMetaList, GList), "NvDisplayMetaList");
_Static_assert (SAME_TYPE (NvDsClassifierMetaList, GList), "NvDsClassifierMetaList");
_Static_assert (SAME_TYPE (NvDsLabelInfoList, GList), "NvDsLabelInfoList");
_Static_assert (SAME_TYPE (NvDsMetaList, GList), "NvDsMetaList");
_Static_assert (SAME_TYPE (NvDsElementMeta, void), "NvDsElementMeta");
_Static_assert (SAME_TYPE (NvDsMetaCopyFunc, gpointer (*) (gpointer, gpointer)), "NvDsMetaCopyFunc");
_Static_assert (SAME_TYPE (NvDsMetaReleaseFunc, void (*) (gpointer, gpointer)), "NvDsMetaReleaseFunc");
_Static_assert (SAME_TYPE (struct _NvDsComp_BboxInfo, NvDsComp_BboxInfo), "struct tag _NvDsComp_BboxInfo");
_Static_assert (SAME_TYPE (struct _NvDsMetaPool, NvDsMetaPool), "struct tag _NvDsMetaPool");
_Static_assert (SAME_TYPE (struct _NvDsBaseMeta, NvDsBaseMeta), "struct tag _NvDsBaseMeta");
_Static_assert (SAME_TYPE (struct _NvDsBatchMeta, NvDsBatchMeta), "struct tag _NvDsBatchMeta");
_Static_assert (SAME_TYPE (struct _NvDsFrameMeta, NvDsFrameMeta), "struct tag _NvDsFrameMeta");
_Static_assert (SAME_TYPE (struct _NvDsObjectMeta, NvDsObjectMeta), "struct tag _NvDsObjectMeta");
_Static_assert (SAME_TYPE (struct _NvDsClassifierMeta, NvDsClassifierMeta), "struct tag _NvDsClassifierMeta");
_Static_assert (SAME_TYPE (struct _NvDsLabelInfo, NvDsLabelInfo), "struct tag _NvDsLabelInfo");
_Static_assert (SAME_TYPE (struct NvDsDisplayMeta, NvDsDisplayMeta), "struct tag NvDsDisplayMeta");
_Static_assert (SAME_TYPE (struct _NvDsUserMeta, NvDsUserMeta), "struct tag _NvDsUserMeta");
_Static_assert (SAME_TYPE (struct _NvBbox_Coords, NvBbox_Coords), "struct tag _NvBbox_Coords");
_Static_assert (SAME_TYPE (struct _NvOSD_ColorParams, NvOSD_ColorParams), "struct tag _NvOSD_ColorParams");
_Static_assert (SAME_TYPE (struct _NvOSD_FontParams, NvOSD_FontParams), "struct tag _NvOSD_FontParams");
_Static_assert (SAME_TYPE (struct _NvOSD_TextParams, NvOSD_TextParams), "struct tag _NvOSD_TextParams");
_Static_assert (SAME_TYPE (struct _NvOSD_Color_info, NvOSD_Color_info), "struct tag _NvOSD_Color_info");
_Static_assert (SAME_TYPE (struct _NvOSD_RectParams, NvOSD_RectParams), "struct tag _NvOSD_RectParams");
_Static_assert (SAME_TYPE (struct _NvOSD_MaskParams, NvOSD_MaskParams), "struct tag _NvOSD_MaskParams");
_Static_assert (SAME_TYPE (struct _NvOSD_LineParams, NvOSD_LineParams), "struct tag _NvOSD_LineParams");
_Static_assert (SAME_TYPE (struct _NvOSD_ArrowParams, NvOSD_ArrowParams), "struct tag _NvOSD_ArrowParams");
_Static_assert (SAME_TYPE (struct _NvOSD_CircleParams, NvOSD_CircleParams), "struct tag _NvOSD_CircleParams");
_Static_assert (SAME_TYPE (struct _NvDsMeta, NvDsMeta), "struct tag _NvDsMeta");
_Static_assert (SAME_TYPE (struct NvDsRoiMeta, NvDsRoiMeta), "struct tag NvDsRoiMeta");
_Static_assert (SAME_TYPE (struct _NvDsAudioFrameMeta, NvDsAudioFrameMeta), "struct tag _NvDsAudioFrameMeta");

/* §1 constants */
_Static_assert (MAX_USER_FIELDS == 4, "MAX_USER_FIELDS");
_Static_assert (MAX_RESERVED_FIELDS == 4, "MAX_RESERVED_FIELDS");
_Static_assert (MAX_LABEL_SIZE == 128, "MAX_LABEL_SIZE");
_Static_assert (MAX_ELEMENTS_IN_DISPLAY_META == 16, "MAX_ELEMENTS_IN_DISPLAY_META");
_Static_assert ((guint64) UNTRACKED_OBJECT_ID == G_MAXUINT64, "UNTRACKED_OBJECT_ID");
_Static_assert (sizeof (UNTRACKED_OBJECT_ID) == 8, "UNTRACKED_OBJECT_ID is 64-bit");
_Static_assert (sizeof (NVDS_META_STRING) == sizeof ("nvdsmeta"), "NVDS_META_STRING length");
_Static_assert (SAME_TYPE (__typeof__ (NVDS_META_API_TYPE), GType), "NVDS_META_API_TYPE");
_Static_assert (SAME_TYPE (__typeof__ (NVDS_META_INFO), const GstMetaInfo *), "NVDS_META_INFO");

/* §3.1 NvDsMetaType, DeepStream 6.3 column */
ENUM (NVDS_INVALID_META, -1);
ENUM (NVDS_BATCH_META, 1);
ENUM (NVDS_FRAME_META, 2);
ENUM (NVDS_OBJ_META, 3);
ENUM (NVDS_DISPLAY_META, 4);
ENUM (NVDS_CLASSIFIER_META, 5);
ENUM (NVDS_LABEL_INFO_META, 6);
ENUM (NVDS_USER_META, 7);
ENUM (NVDS_PAYLOAD_META, 8);
ENUM (NVDS_EVENT_MSG_META, 9);
ENUM (NVDS_OPTICAL_FLOW_META, 10);
ENUM (NVDS_LATENCY_MEASUREMENT_META, 11);
ENUM (NVDSINFER_TENSOR_OUTPUT_META, 12);
ENUM (NVDSINFER_SEGMENTATION_META, 13);
ENUM (NVDS_CROP_IMAGE_META, 14);
ENUM (NVDS_TRACKER_PAST_FRAME_META, 15);
ENUM (NVDS_TRACKER_BATCH_REID_META, 16);
ENUM (NVDS_TRACKER_OBJ_REID_META, 17);
ENUM (NVDS_AUDIO_BATCH_META, 18);
ENUM (NVDS_AUDIO_FRAME_META, 19);
ENUM (NVDS_PREPROCESS_FRAME_META, 20);
ENUM (NVDS_PREPROCESS_BATCH_META, 21);
ENUM (NVDS_CUSTOM_MSG_BLOB, 22);
ENUM (NVDS_RESERVED_META, 4095);
ENUM (NVDS_GST_CUSTOM_META, 4096);
ENUM (NVDS_START_USER_META, 8193);
ENUM (NVDS_FORCE32_META, 0x7FFFFFFF);
_Static_assert (NVDS_START_USER_META == NVDS_GST_CUSTOM_META + 4096 + 1, "NVDS_START_USER_META definition");
_Static_assert (sizeof (NvDsMetaType) == 4, "NvDsMetaType size");

/* §3.2 GstNvDsMetaType */
ENUM (NVDS_GST_INVALID_META, -1);
ENUM (NVDS_BATCH_GST_META, 4097);
ENUM (NVDS_DECODER_GST_META, 4098);
ENUM (NVDS_DEWARPER_GST_META, 4099);
ENUM (NVDS_BUFFER_GST_AS_FRAME_USER_META, 4100);
ENUM (NVDS_RESERVED_GST_META, 8192);
ENUM (NVDS_GST_META_FORCE32, 0x7FFFFFFF);
_Static_assert (sizeof (GstNvDsMetaType) == 4, "GstNvDsMetaType size");

/* §3.3 NvOSD_Mode (6.2+ names) */
ENUM (MODE_CPU, 0);
ENUM (MODE_GPU, 1);
ENUM (MODE_NONE, 2);
_Static_assert (sizeof (NvOSD_Mode) == 4, "NvOSD_Mode size");

/* §3.4 NvOSD_Arrow_Head_Direction */
ENUM (START_HEAD, 0);
ENUM (END_HEAD, 1);
ENUM (BOTH_HEAD, 2);
_Static_assert (sizeof (NvOSD_Arrow_Head_Direction) == 4, "NvOSD_Arrow_Head_Direction size");

/* §2 struct index */
STRUCT (NvBbox_Coords, 16, 4);
STRUCT (NvDsComp_BboxInfo, 16, 4);
STRUCT (NvOSD_ColorParams, 32, 8);
STRUCT (NvOSD_FontParams, 48, 8);
STRUCT (NvOSD_TextParams, 104, 8);
STRUCT (NvOSD_Color_info, 40, 8);
STRUCT (NvOSD_RectParams, 104, 8);
STRUCT (NvOSD_MaskParams, 24, 8);
STRUCT (NvOSD_LineParams, 56, 8);
STRUCT (NvOSD_ArrowParams, 64, 8);
STRUCT (NvOSD_CircleParams, 96, 8);
STRUCT (NvDsMetaPool, 56, 8);
STRUCT (NvDsBaseMeta, 40, 8);
STRUCT (NvDsBatchMeta, 192, 8);
STRUCT (NvDsFrameMeta, 200, 8);
STRUCT (NvDsObjectMeta, 544, 8);
STRUCT (NvDsClassifierMeta, 64, 8);
STRUCT (NvDsLabelInfo, 200, 8);
STRUCT (NvDsDisplayMeta, 6912, 8);
STRUCT (NvDsUserMeta, 48, 8);
STRUCT (NvDsMeta, 72, 8);

/* §4.1 NvBbox_Coords */
STRUCT (NvBbox_Coords, 16, 4);
FIELD (NvBbox_Coords, left, 0, 4, float);
FIELD (NvBbox_Coords, top, 4, 4, float);
FIELD (NvBbox_Coords, width, 8, 4, float);
FIELD (NvBbox_Coords, height, 12, 4, float);

/* §4.2 NvDsComp_BboxInfo */
STRUCT (NvDsComp_BboxInfo, 16, 4);
FIELD (NvDsComp_BboxInfo, org_bbox_coords, 0, 16, NvBbox_Coords);

/* §4.3 NvOSD_ColorParams */
STRUCT (NvOSD_ColorParams, 32, 8);
FIELD (NvOSD_ColorParams, red, 0, 8, double);
FIELD (NvOSD_ColorParams, green, 8, 8, double);
FIELD (NvOSD_ColorParams, blue, 16, 8, double);
FIELD (NvOSD_ColorParams, alpha, 24, 8, double);

/* §4.4 NvOSD_FontParams */
STRUCT (NvOSD_FontParams, 48, 8);
FIELD (NvOSD_FontParams, font_name, 0, 8, char *);
FIELD (NvOSD_FontParams, font_size, 8, 4, unsigned int);
FIELD (NvOSD_FontParams, font_color, 16, 32, NvOSD_ColorParams);

/* §4.5 NvOSD_TextParams */
STRUCT (NvOSD_TextParams, 104, 8);
FIELD (NvOSD_TextParams, display_text, 0, 8, char *);
FIELD (NvOSD_TextParams, x_offset, 8, 4, unsigned int);
FIELD (NvOSD_TextParams, y_offset, 12, 4, unsigned int);
FIELD (NvOSD_TextParams, font_params, 16, 48, NvOSD_FontParams);
FIELD (NvOSD_TextParams, set_bg_clr, 64, 4, int);
FIELD (NvOSD_TextParams, text_bg_clr, 72, 32, NvOSD_ColorParams);

/* §4.6 NvOSD_RectParams */
STRUCT (NvOSD_RectParams, 104, 8);
FIELD (NvOSD_RectParams, left, 0, 4, float);
FIELD (NvOSD_RectParams, top, 4, 4, float);
FIELD (NvOSD_RectParams, width, 8, 4, float);
FIELD (NvOSD_RectParams, height, 12, 4, float);
FIELD (NvOSD_RectParams, border_width, 16, 4, unsigned int);
FIELD (NvOSD_RectParams, border_color, 24, 32, NvOSD_ColorParams);
FIELD (NvOSD_RectParams, has_bg_color, 56, 4, unsigned int);
FIELD (NvOSD_RectParams, reserved, 60, 4, unsigned int);
FIELD (NvOSD_RectParams, bg_color, 64, 32, NvOSD_ColorParams);
FIELD (NvOSD_RectParams, has_color_info, 96, 4, int);
FIELD (NvOSD_RectParams, color_id, 100, 4, int);

/* §4.7 NvOSD_MaskParams */
STRUCT (NvOSD_MaskParams, 24, 8);
FIELD (NvOSD_MaskParams, data, 0, 8, float *);
FIELD (NvOSD_MaskParams, size, 8, 4, unsigned int);
FIELD (NvOSD_MaskParams, threshold, 12, 4, float);
FIELD (NvOSD_MaskParams, width, 16, 4, unsigned int);
FIELD (NvOSD_MaskParams, height, 20, 4, unsigned int);

/* §4.8 NvOSD_LineParams */
STRUCT (NvOSD_LineParams, 56, 8);
FIELD (NvOSD_LineParams, x1, 0, 4, unsigned int);
FIELD (NvOSD_LineParams, y1, 4, 4, unsigned int);
FIELD (NvOSD_LineParams, x2, 8, 4, unsigned int);
FIELD (NvOSD_LineParams, y2, 12, 4, unsigned int);
FIELD (NvOSD_LineParams, line_width, 16, 4, unsigned int);
FIELD (NvOSD_LineParams, line_color, 24, 32, NvOSD_ColorParams);

/* §4.9 NvOSD_ArrowParams */
STRUCT (NvOSD_ArrowParams, 64, 8);
FIELD (NvOSD_ArrowParams, x1, 0, 4, unsigned int);
FIELD (NvOSD_ArrowParams, y1, 4, 4, unsigned int);
FIELD (NvOSD_ArrowParams, x2, 8, 4, unsigned int);
FIELD (NvOSD_ArrowParams, y2, 12, 4, unsigned int);
FIELD (NvOSD_ArrowParams, arrow_width, 16, 4, unsigned int);
FIELD (NvOSD_ArrowParams, arrow_head, 20, 4, NvOSD_Arrow_Head_Direction);
FIELD (NvOSD_ArrowParams, arrow_color, 24, 32, NvOSD_ColorParams);
FIELD (NvOSD_ArrowParams, reserved, 56, 4, unsigned int);

/* §4.10 NvOSD_CircleParams */
STRUCT (NvOSD_CircleParams, 96, 8);
FIELD (NvOSD_CircleParams, xc, 0, 4, unsigned int);
FIELD (NvOSD_CircleParams, yc, 4, 4, unsigned int);
FIELD (NvOSD_CircleParams, radius, 8, 4, unsigned int);
FIELD (NvOSD_CircleParams, circle_color, 16, 32, NvOSD_ColorParams);
FIELD (NvOSD_CircleParams, has_bg_color, 48, 4, unsigned int);
FIELD (NvOSD_CircleParams, bg_color, 56, 32, NvOSD_ColorParams);
FIELD (NvOSD_CircleParams, reserved, 88, 4, unsigned int);

/* §4.11 NvOSD_Color_info */
STRUCT (NvOSD_Color_info, 40, 8);
FIELD (NvOSD_Color_info, id, 0, 4, int);
FIELD (NvOSD_Color_info, color, 8, 32, NvOSD_ColorParams);

/* §4.12 NvDsMetaPool */
STRUCT (NvDsMetaPool, 56, 8);
FIELD (NvDsMetaPool, meta_type, 0, 4, NvDsMetaType);
FIELD (NvDsMetaPool, max_elements_in_pool, 4, 4, guint);
FIELD (NvDsMetaPool, element_size, 8, 4, guint);
FIELD (NvDsMetaPool, num_empty_elements, 12, 4, guint);
FIELD (NvDsMetaPool, num_full_elements, 16, 4, guint);
FIELD (NvDsMetaPool, empty_list, 24, 8, NvDsMetaList *);
FIELD (NvDsMetaPool, full_list, 32, 8, NvDsMetaList *);
FIELD (NvDsMetaPool, copy_func, 40, 8, NvDsMetaCopyFunc);
FIELD (NvDsMetaPool, release_func, 48, 8, NvDsMetaReleaseFunc);

/* §4.13 NvDsBaseMeta */
STRUCT (NvDsBaseMeta, 40, 8);
FIELD (NvDsBaseMeta, batch_meta, 0, 8, struct _NvDsBatchMeta *);
FIELD (NvDsBaseMeta, meta_type, 8, 4, NvDsMetaType);
FIELD (NvDsBaseMeta, uContext, 16, 8, void *);
FIELD (NvDsBaseMeta, copy_func, 24, 8, NvDsMetaCopyFunc);
FIELD (NvDsBaseMeta, release_func, 32, 8, NvDsMetaReleaseFunc);

/* §4.14 NvDsBatchMeta */
STRUCT (NvDsBatchMeta, 192, 8);
FIELD (NvDsBatchMeta, base_meta, 0, 40, NvDsBaseMeta);
FIELD (NvDsBatchMeta, max_frames_in_batch, 40, 4, guint);
FIELD (NvDsBatchMeta, num_frames_in_batch, 44, 4, guint);
FIELD (NvDsBatchMeta, frame_meta_pool, 48, 8, NvDsMetaPool *);
FIELD (NvDsBatchMeta, obj_meta_pool, 56, 8, NvDsMetaPool *);
FIELD (NvDsBatchMeta, classifier_meta_pool, 64, 8, NvDsMetaPool *);
FIELD (NvDsBatchMeta, display_meta_pool, 72, 8, NvDsMetaPool *);
FIELD (NvDsBatchMeta, user_meta_pool, 80, 8, NvDsMetaPool *);
FIELD (NvDsBatchMeta, label_info_meta_pool, 88, 8, NvDsMetaPool *);
FIELD (NvDsBatchMeta, frame_meta_list, 96, 8, NvDsFrameMetaList *);
FIELD (NvDsBatchMeta, batch_user_meta_list, 104, 8, NvDsUserMetaList *);
FIELD (NvDsBatchMeta, meta_mutex, 112, 16, GRecMutex);
FIELD (NvDsBatchMeta, misc_batch_info, 128, 32, gint64[4]);
FIELD (NvDsBatchMeta, reserved, 160, 32, gint64[4]);

/* §4.15 NvDsFrameMeta */
STRUCT (NvDsFrameMeta, 200, 8);
FIELD (NvDsFrameMeta, base_meta, 0, 40, NvDsBaseMeta);
FIELD (NvDsFrameMeta, pad_index, 40, 4, guint);
FIELD (NvDsFrameMeta, batch_id, 44, 4, guint);
FIELD (NvDsFrameMeta, frame_num, 48, 4, gint);
FIELD (NvDsFrameMeta, buf_pts, 56, 8, guint64);
FIELD (NvDsFrameMeta, ntp_timestamp, 64, 8, guint64);
FIELD (NvDsFrameMeta, source_id, 72, 4, guint);
FIELD (NvDsFrameMeta, num_surfaces_per_frame, 76, 4, gint);
FIELD (NvDsFrameMeta, source_frame_width, 80, 4, guint);
FIELD (NvDsFrameMeta, source_frame_height, 84, 4, guint);
FIELD (NvDsFrameMeta, surface_type, 88, 4, guint);
FIELD (NvDsFrameMeta, surface_index, 92, 4, guint);
FIELD (NvDsFrameMeta, num_obj_meta, 96, 4, guint);
FIELD (NvDsFrameMeta, bInferDone, 100, 4, gboolean);
FIELD (NvDsFrameMeta, obj_meta_list, 104, 8, NvDsObjectMetaList *);
FIELD (NvDsFrameMeta, display_meta_list, 112, 8, NvDisplayMetaList *);
FIELD (NvDsFrameMeta, frame_user_meta_list, 120, 8, NvDsUserMetaList *);
FIELD (NvDsFrameMeta, misc_frame_info, 128, 32, gint64[4]);
FIELD (NvDsFrameMeta, pipeline_width, 160, 4, guint);
FIELD (NvDsFrameMeta, pipeline_height, 164, 4, guint);
FIELD (NvDsFrameMeta, reserved, 168, 32, gint64[4]);

/* §4.16 NvDsObjectMeta */
STRUCT (NvDsObjectMeta, 544, 8);
FIELD (NvDsObjectMeta, base_meta, 0, 40, NvDsBaseMeta);
FIELD (NvDsObjectMeta, parent, 40, 8, struct _NvDsObjectMeta *);
FIELD (NvDsObjectMeta, unique_component_id, 48, 4, gint);
FIELD (NvDsObjectMeta, class_id, 52, 4, gint);
FIELD (NvDsObjectMeta, object_id, 56, 8, guint64);
FIELD (NvDsObjectMeta, detector_bbox_info, 64, 16, NvDsComp_BboxInfo);
FIELD (NvDsObjectMeta, tracker_bbox_info, 80, 16, NvDsComp_BboxInfo);
FIELD (NvDsObjectMeta, confidence, 96, 4, gfloat);
FIELD (NvDsObjectMeta, tracker_confidence, 100, 4, gfloat);
FIELD (NvDsObjectMeta, rect_params, 104, 104, NvOSD_RectParams);
FIELD (NvDsObjectMeta, mask_params, 208, 24, NvOSD_MaskParams);
FIELD (NvDsObjectMeta, text_params, 232, 104, NvOSD_TextParams);
FIELD (NvDsObjectMeta, obj_label, 336, 128, gchar[128]);
FIELD (NvDsObjectMeta, classifier_meta_list, 464, 8, NvDsClassifierMetaList *);
FIELD (NvDsObjectMeta, obj_user_meta_list, 472, 8, NvDsUserMetaList *);
FIELD (NvDsObjectMeta, misc_obj_info, 480, 32, gint64[4]);
FIELD (NvDsObjectMeta, reserved, 512, 32, gint64[4]);

/* §4.17 NvDsClassifierMeta */
STRUCT (NvDsClassifierMeta, 64, 8);
FIELD (NvDsClassifierMeta, base_meta, 0, 40, NvDsBaseMeta);
FIELD (NvDsClassifierMeta, num_labels, 40, 4, guint);
FIELD (NvDsClassifierMeta, unique_component_id, 44, 4, gint);
FIELD (NvDsClassifierMeta, label_info_list, 48, 8, NvDsLabelInfoList *);
FIELD (NvDsClassifierMeta, classifier_type, 56, 8, const gchar *);

/* §4.18 NvDsLabelInfo */
STRUCT (NvDsLabelInfo, 200, 8);
FIELD (NvDsLabelInfo, base_meta, 0, 40, NvDsBaseMeta);
FIELD (NvDsLabelInfo, num_classes, 40, 4, guint);
FIELD (NvDsLabelInfo, result_label, 44, 128, gchar[128]);
FIELD (NvDsLabelInfo, pResult_label, 176, 8, gchar *);
FIELD (NvDsLabelInfo, result_class_id, 184, 4, guint);
FIELD (NvDsLabelInfo, label_id, 188, 4, guint);
FIELD (NvDsLabelInfo, result_prob, 192, 4, gfloat);

/* §4.19 NvDsDisplayMeta */
STRUCT (NvDsDisplayMeta, 6912, 8);
FIELD (NvDsDisplayMeta, base_meta, 0, 40, NvDsBaseMeta);
FIELD (NvDsDisplayMeta, num_rects, 40, 4, guint);
FIELD (NvDsDisplayMeta, num_labels, 44, 4, guint);
FIELD (NvDsDisplayMeta, num_lines, 48, 4, guint);
FIELD (NvDsDisplayMeta, num_arrows, 52, 4, guint);
FIELD (NvDsDisplayMeta, num_circles, 56, 4, guint);
FIELD (NvDsDisplayMeta, rect_params, 64, 1664, NvOSD_RectParams[16]);
FIELD (NvDsDisplayMeta, text_params, 1728, 1664, NvOSD_TextParams[16]);
FIELD (NvDsDisplayMeta, line_params, 3392, 896, NvOSD_LineParams[16]);
FIELD (NvDsDisplayMeta, arrow_params, 4288, 1024, NvOSD_ArrowParams[16]);
FIELD (NvDsDisplayMeta, circle_params, 5312, 1536, NvOSD_CircleParams[16]);
FIELD (NvDsDisplayMeta, misc_osd_data, 6848, 32, gint64[4]);
FIELD (NvDsDisplayMeta, reserved, 6880, 32, gint64[4]);

/* §4.20 NvDsUserMeta */
STRUCT (NvDsUserMeta, 48, 8);
FIELD (NvDsUserMeta, base_meta, 0, 40, NvDsBaseMeta);
FIELD (NvDsUserMeta, user_meta_data, 40, 8, void *);

/* §4.21 NvDsMeta */
STRUCT (NvDsMeta, 72, 8);
FIELD (NvDsMeta, meta, 0, 16, GstMeta);
FIELD (NvDsMeta, meta_data, 16, 8, gpointer);
FIELD (NvDsMeta, user_data, 24, 8, gpointer);
FIELD (NvDsMeta, meta_type, 32, 4, gint);
FIELD (NvDsMeta, copyfunc, 40, 8, NvDsMetaCopyFunc);
FIELD (NvDsMeta, freefunc, 48, 8, NvDsMetaReleaseFunc);
FIELD (NvDsMeta, gst_to_nvds_meta_transform_func, 56, 8, NvDsMetaCopyFunc);
FIELD (NvDsMeta, gst_to_nvds_meta_release_func, 64, 8, NvDsMetaReleaseFunc);

/* §6 functions: exact signatures */
FUNC (nvds_acquire_meta_lock, void (NvDsBatchMeta*));
FUNC (nvds_release_meta_lock, void (NvDsBatchMeta*));
FUNC (nvds_create_batch_meta, NvDsBatchMeta* (guint max_batch_size));
FUNC (nvds_destroy_batch_meta, gboolean (NvDsBatchMeta*));
FUNC (nvds_acquire_frame_meta_from_pool, NvDsFrameMeta* (NvDsBatchMeta*));
FUNC (nvds_add_frame_meta_to_batch, void (NvDsBatchMeta*, NvDsFrameMeta*));
FUNC (nvds_remove_frame_meta_from_batch, void (NvDsBatchMeta*, NvDsFrameMeta*));
FUNC (nvds_acquire_obj_meta_from_pool, NvDsObjectMeta* (NvDsBatchMeta*));
FUNC (nvds_add_obj_meta_to_frame, void (NvDsFrameMeta*, NvDsObjectMeta* obj_meta, NvDsObjectMeta* obj_parent));
FUNC (nvds_remove_obj_meta_from_frame, void (NvDsFrameMeta*, NvDsObjectMeta*));
FUNC (nvds_acquire_classifier_meta_from_pool, NvDsClassifierMeta* (NvDsBatchMeta*));
FUNC (nvds_add_classifier_meta_to_roi, void (NvDsRoiMeta*, NvDsClassifierMeta*));
FUNC (nvds_remove_classifier_meta_from_roi, void (NvDsRoiMeta*, NvDsClassifierMeta*));
FUNC (nvds_add_classifier_meta_to_object, void (NvDsObjectMeta*, NvDsClassifierMeta*));
FUNC (nvds_remove_classifier_meta_from_obj, void (NvDsObjectMeta*, NvDsClassifierMeta*));
FUNC (nvds_acquire_display_meta_from_pool, NvDsDisplayMeta* (NvDsBatchMeta*));
FUNC (nvds_add_display_meta_to_frame, void (NvDsFrameMeta*, NvDsDisplayMeta*));
FUNC (nvds_remove_display_meta_from_frame, void (NvDsFrameMeta*, NvDsDisplayMeta*));
FUNC (nvds_acquire_label_info_meta_from_pool, NvDsLabelInfo* (NvDsBatchMeta*));
FUNC (nvds_add_label_info_meta_to_classifier, void (NvDsClassifierMeta*, NvDsLabelInfo*));
FUNC (nvds_remove_label_info_meta_from_classifier, void (NvDsClassifierMeta*, NvDsLabelInfo*));
FUNC (nvds_add_user_meta_to_batch, void (NvDsBatchMeta*, NvDsUserMeta*));
FUNC (nvds_add_user_meta_to_frame, void (NvDsFrameMeta*, NvDsUserMeta*));
FUNC (nvds_add_user_meta_to_roi, void (NvDsRoiMeta*, NvDsUserMeta*));
FUNC (nvds_add_user_meta_to_obj, void (NvDsObjectMeta*, NvDsUserMeta*));
FUNC (nvds_acquire_user_meta_from_pool, NvDsUserMeta* (NvDsBatchMeta*));
FUNC (nvds_remove_user_meta_from_batch, void (NvDsBatchMeta*, NvDsUserMeta*));
FUNC (nvds_remove_user_meta_from_frame, void (NvDsFrameMeta*, NvDsUserMeta*));
FUNC (nvds_remove_user_meta_from_roi, void (NvDsRoiMeta*, NvDsUserMeta*));
FUNC (nvds_remove_user_meta_from_object, void (NvDsObjectMeta*, NvDsUserMeta*));
FUNC (nvds_get_current_metadata_info, gboolean (NvDsBatchMeta*));
FUNC (nvds_batch_meta_copy_func, gpointer (gpointer data, gpointer user_data));
FUNC (nvds_batch_meta_release_func, void (gpointer data, gpointer user_data));
FUNC (nvds_get_nth_frame_meta, NvDsFrameMeta* (NvDsFrameMetaList*, guint index));
FUNC (nvds_clear_frame_meta_list, void (NvDsBatchMeta*, NvDsFrameMetaList*));
FUNC (nvds_clear_obj_meta_list, void (NvDsFrameMeta*, NvDsObjectMetaList*));
FUNC (nvds_clear_classifier_meta_list, void (NvDsObjectMeta*, NvDsClassifierMetaList*));
FUNC (nvds_clear_label_info_meta_list, void (NvDsClassifierMeta*, NvDsLabelInfoList*));
FUNC (nvds_clear_display_meta_list, void (NvDsFrameMeta*, NvDisplayMetaList*));
FUNC (nvds_clear_batch_user_meta_list, void (NvDsBatchMeta*, NvDsUserMetaList*));
FUNC (nvds_clear_frame_user_meta_list, void (NvDsFrameMeta*, NvDsUserMetaList*));
FUNC (nvds_clear_obj_user_meta_list, void (NvDsObjectMeta*, NvDsUserMetaList*));
FUNC (nvds_clear_meta_list, NvDsMetaList* (NvDsBatchMeta*, NvDsMetaList*, NvDsMetaPool*));
FUNC (nvds_copy_frame_meta, void (NvDsFrameMeta* src, NvDsFrameMeta* dst));
FUNC (nvds_copy_obj_meta, void (NvDsObjectMeta* src, NvDsObjectMeta* dst));
FUNC (nvds_copy_classifier_meta, void (NvDsClassifierMeta* src, NvDsClassifierMeta* dst));
FUNC (nvds_copy_label_info_meta, void (NvDsLabelInfo* src, NvDsLabelInfo* dst));
FUNC (nvds_copy_display_meta, void (NvDsDisplayMeta* src, NvDsDisplayMeta* dst));
FUNC (nvds_copy_batch_user_meta_list, void (NvDsUserMetaList* src, NvDsBatchMeta* dst));
FUNC (nvds_copy_frame_user_meta_list, void (NvDsUserMetaList* src, NvDsFrameMeta* dst));
FUNC (nvds_copy_obj_user_meta_list, void (NvDsUserMetaList* src, NvDsObjectMeta* dst));
FUNC (nvds_copy_display_meta_list, void (NvDisplayMetaList* src, NvDsFrameMeta* dst));
FUNC (nvds_copy_frame_meta_list, void (NvDsFrameMetaList* src, NvDsBatchMeta* dst));
FUNC (nvds_copy_obj_meta_list, void (NvDsObjectMetaList* src, NvDsFrameMeta* dst));
FUNC (nvds_copy_classification_list, void (NvDsClassifierMetaList* src, NvDsObjectMeta* dst));
FUNC (nvds_copy_label_info_list, void (NvDsLabelInfoList* src, NvDsClassifierMeta* dst));
FUNC (nvds_get_user_meta_type, NvDsMetaType (gchar* meta_descriptor));
FUNC (nvds_meta_api_get_type, GType (void));
FUNC (nvds_meta_get_info, const GstMetaInfo* (void));
FUNC (gst_buffer_add_nvds_meta, NvDsMeta* (GstBuffer* buffer, gpointer meta_data, gpointer user_data, NvDsMetaCopyFunc copy_func, NvDsMetaReleaseFunc release_func));
FUNC (gst_buffer_get_nvds_meta, NvDsMeta* (GstBuffer*));
FUNC (gst_buffer_get_nvds_batch_meta, NvDsBatchMeta* (GstBuffer*));
FUNC (nvds_copy_gst_meta_to_frame_meta, void (GstBuffer* src_gst_buffer, NvDsBatchMeta*, NvDsFrameMeta*));
FUNC (nvds_copy_gst_meta_to_audio_frame_meta, void (GstBuffer* src_gst_buffer, NvDsBatchMeta*, NvDsAudioFrameMeta*));
_Static_assert (64 == 64, "function count");

int
main (void)
{
  /* The only check C cannot make at compile time. */
  return strcmp (NVDS_META_STRING, "nvdsmeta") == 0 ? 0 : 1;
}
