/*
 * nvinfer configuration file reader (DeepStream 6.3 key set, see native/plugin/README.md § dsnetinfer).
 *
 * The file is a GLib key file. Errors read `file:line: [group] key: message`; GKeyFile itself has no line
 * numbers, so the reader scans the text once and remembers the line of every `key=` in every group.
 */
#ifndef DSNET_INFER_CONFIG_H
#define DSNET_INFER_CONFIG_H

#include <glib.h>

G_BEGIN_DECLS

/* Errors of model loading, inference and output parsing (code 0). */
#define DSNET_INFER_ERROR (dsnet_infer_error_quark ())
GQuark dsnet_infer_error_quark (void);

#define DSNET_INFER_CONFIG_ERROR (dsnet_infer_config_error_quark ())
GQuark dsnet_infer_config_error_quark (void);

typedef enum
{
  DSNET_INFER_CONFIG_ERROR_IO,          /* cannot read the file */
  DSNET_INFER_CONFIG_ERROR_SYNTAX,      /* not a key file */
  DSNET_INFER_CONFIG_ERROR_MISSING,     /* mandatory group/key missing */
  DSNET_INFER_CONFIG_ERROR_TYPE,        /* value does not parse as the key's type */
  DSNET_INFER_CONFIG_ERROR_RANGE,       /* value outside the allowed range / enum */
} DsnetInferConfigError;

typedef enum
{
  DSNET_NETWORK_DETECTOR = 0,
  DSNET_NETWORK_CLASSIFIER = 1,
  DSNET_NETWORK_SEGMENTATION = 2,
  DSNET_NETWORK_INSTANCE_SEGMENTATION = 3,
  DSNET_NETWORK_OTHER = 100,
} DsnetNetworkType;

typedef enum
{
  DSNET_CLUSTER_GROUP_RECTANGLES = 0,
  DSNET_CLUSTER_DBSCAN = 1,
  DSNET_CLUSTER_NMS = 2,
  DSNET_CLUSTER_DBSCAN_NMS_HYBRID = 3,
  DSNET_CLUSTER_NONE = 4,
} DsnetClusterMode;

typedef enum
{
  DSNET_COLOR_RGB = 0,
  DSNET_COLOR_BGR = 1,
  DSNET_COLOR_GRAY = 2,
} DsnetColorFormat;

/* Keys that a GObject property overrides: the file value is skipped when the property was set (spec §1). */
typedef enum
{
  DSNET_OVERRIDE_UNIQUE_ID = 1 << 0,
  DSNET_OVERRIDE_PROCESS_MODE = 1 << 1,
  DSNET_OVERRIDE_INTERVAL = 1 << 2,
  DSNET_OVERRIDE_GPU_ID = 1 << 3,
  DSNET_OVERRIDE_BATCH_SIZE = 1 << 4,
  DSNET_OVERRIDE_MODEL_ENGINE = 1 << 5,
  DSNET_OVERRIDE_OPERATE_ON = 1 << 6,     /* operate-on-gie-id and operate-on-class-ids together */
  DSNET_OVERRIDE_INPUT_TENSOR_META = 1 << 7,
  DSNET_OVERRIDE_OUTPUT_TENSOR_META = 1 << 8,
  DSNET_OVERRIDE_FILTER_OUT = 1 << 9,
  DSNET_OVERRIDE_CROP_TO_ROI = 1 << 10,
} DsnetInferOverride;

/* Per-class detector attributes ([class-attrs-all] / [class-attrs-<id>]). */
typedef struct
{
  gdouble pre_cluster_threshold;
  gdouble post_cluster_threshold;
  gdouble eps;
  gint min_boxes;
  gdouble dbscan_min_score;
  gint group_threshold;
  gdouble nms_iou_threshold;
  gint topk;
  gint roi_top_offset;
  gint roi_bottom_offset;
  gint detected_min_w;
  gint detected_min_h;
  gint detected_max_w;
  gint detected_max_h;
  gdouble border_color[4];
  gboolean has_bg_color;
  gdouble bg_color[4];
} DsnetInferClassAttrs;

typedef struct
{
  gchar *path;                  /* the config file as given */
  gchar *dir;                   /* its folder (relative paths are resolved against it) */

  /* 2.1 element behaviour */
  gint gie_unique_id;
  gint process_mode;
  gint interval;
  gint gpu_id;
  gint batch_size;
  gint operate_on_gie_id;
  gint *operate_on_class_ids;   /* NULL = all classes */
  guint n_operate_on_class_ids;
  gint *filter_out_class_ids;
  guint n_filter_out_class_ids;
  gint secondary_reinfer_interval;
  gint input_object_min_width;
  gint input_object_min_height;
  gint input_object_max_width;
  gint input_object_max_height;
  gboolean classifier_async_mode;
  gboolean output_tensor_meta;
  gboolean output_instance_mask;
  gboolean input_tensor_from_meta;
  gboolean crop_objects_to_roi_boundary;
  gint tensor_meta_pool_size;
  gboolean maintain_aspect_ratio;
  gboolean symmetric_padding;
  gint scaling_filter;          /* -1 = transform default */
  gint scaling_compute_hw;
  gint auto_inc_mem;
  gint max_gpu_mem_per;

  /* 2.2 model and engine */
  gint network_type;
  gint network_mode;
  gchar *model_engine_file;
  gchar *int8_calib_file;
  gchar *tlt_encoded_model;
  gchar *tlt_model_key;
  gchar *onnx_file;
  gchar *uff_file;
  gchar *uff_input_blob_name;
  gchar *model_file;
  gchar *proto_file;
  gchar *custom_network_config;
  gchar *engine_create_func_name;
  gchar *custom_lib_path;
  gboolean has_infer_dims;
  gint infer_dims[3];           /* C, H, W */
  gint uff_input_order;
  gint network_input_order;     /* 0 NCHW, 1 NHWC */
  gboolean force_implicit_batch_dim;
  gint workspace_size;
  gboolean enable_dla;
  gint use_dla_core;
  gchar **output_blob_names;
  gchar **output_io_formats;
  gchar **layer_device_precision;

  /* 2.3 preprocessing */
  gdouble net_scale_factor;
  gdouble offsets[4];
  guint n_offsets;
  gchar *mean_file;
  gint model_color_format;

  /* 2.4 output */
  gint num_detected_classes;
  gint cluster_mode;
  gchar *parse_bbox_func_name;
  gchar *parse_bbox_instance_mask_func_name;
  gchar *parse_classifier_func_name;
  gdouble classifier_threshold;
  gchar *classifier_type;
  gdouble segmentation_threshold;
  gint segmentation_output_order;
  gchar *labelfile_path;

  /* 3 class attributes: one entry per detected class (num_detected_classes entries) */
  DsnetInferClassAttrs class_attrs_all;
  DsnetInferClassAttrs *class_attrs;
  guint n_class_attrs;

  /* [dsnet] extension group */
  gint *class_map;              /* output class id -> model class index; NULL = parser default */
  guint n_class_map;
  gint intra_op_threads;        /* 0 = the thread rule (infer_threads.h) */
  gdouble roi_merge_iou;        /* input-tensor-meta: NMS across a frame's ROIs above this IoU; 0 = off */
  gint inter_op_threads;        /* 0 = ONNX Runtime default */
  gboolean overlap;             /* preprocess the next batch while ONNX Runtime runs this one (default on) */
  gboolean intra_op_spinning;   /* ONNX Runtime's idle intra-op threads spin instead of sleeping (default off) */

  /* warnings collected while parsing (unknown keys, legacy keys, ignored keys) */
  GPtrArray *warnings;
  /* "group\nkey" -> line number (1-based) */
  GHashTable *key_lines;
} DsnetInferConfig;

/* A config holding every default (no file). */
DsnetInferConfig *dsnet_infer_config_new_default (void);

/* Reads `path`; keys named by `skip` (DsnetInferOverride bits) are not read from the file. NULL + error. */
DsnetInferConfig *dsnet_infer_config_load (const gchar * path, guint skip, GError ** error);

/* Same, from text in memory; `path` is used for messages and relative paths. */
DsnetInferConfig *dsnet_infer_config_load_from_data (const gchar * path, const gchar * data,
    gsize length, guint skip, GError ** error);

void dsnet_infer_config_free (DsnetInferConfig * config);

/* Line of `key` in `group` (1-based) or 0 when the file has no such key. */
guint dsnet_infer_config_key_line (const DsnetInferConfig * config, const gchar * group,
    const gchar * key);

/* "file:line: [group] key" for messages about a key (newly allocated); "file: [group] key" without a line. */
gchar *dsnet_infer_config_where (const DsnetInferConfig * config, const gchar * group,
    const gchar * key);

/* Attributes of class `class_id` (class-attrs-all when out of range). */
const DsnetInferClassAttrs *dsnet_infer_config_class_attrs (const DsnetInferConfig * config,
    gint class_id);

/* Makes class_attrs hold exactly `n` entries, new ones copied from class-attrs-all. */
void dsnet_infer_config_resize_class_attrs (DsnetInferConfig * config, guint n);

/*
 * Scans key-file text once: records the 1-based line of every key in `key_lines` ("group\nkey" -> line, a
 * table with g_free'd string keys) and rejects lines GKeyFile would refuse, naming `path` and the line.
 * Shared by the config readers of dsnetinfer and dsnetpreprocess.
 */
gboolean dsnet_key_file_scan_lines (const gchar * path, const gchar * data, gsize length,
    GHashTable * key_lines, GError ** error);

/*
 * g_key_file_get_string, but NULL + error for every value GKeyFile reports an error for (for an invalid escape
 * sequence GKeyFile returns a string *and* sets the error). Shared by the dsnetinfer and dsnetpreprocess readers.
 */
gchar *dsnet_key_file_get_string (GKeyFile * kf, const gchar * group, const gchar * key, GError ** error);

/*
 * g_key_file_get_string_list (';' lists, a trailing ';' adds no element) with the same error rule, and an absent key
 * or group read as an empty list: NULL + error only for a value GKeyFile refuses. Shared by both readers.
 */
gchar **dsnet_key_file_get_string_list (GKeyFile * kf, const gchar * group, const gchar * key, gsize * n,
    GError ** error);

/* Line of `key` in `group` recorded by dsnet_key_file_scan_lines, 0 when absent. */
guint dsnet_key_file_line (GHashTable * key_lines, const gchar * group, const gchar * key);

/*
 * Reads a key-file config (`what` names it in messages) as a regular file of at most DSNET_TEXT_FILE_MAX_BYTES;
 * errors are DSNET_INFER_CONFIG_ERROR_IO, "PATH: cannot read WHAT: REASON". Shared by the config readers of
 * dsnetinfer and dsnetpreprocess.
 */
gboolean dsnet_config_file_read (const gchar * path, const gchar * what, gchar ** data, gsize * length,
    GError ** error);

/* Parses an integer list separated by any single non-digit character ("0:2:3", "0;2;3"). */
gboolean dsnet_infer_parse_id_list (const gchar * text, gint ** ids, guint * n_ids);

G_END_DECLS

#endif /* DSNET_INFER_CONFIG_H */
