/*
 * nvinfer configuration file reader. One table per group lists every key with its type, range and the
 * field it fills; legacy keys have their own small handlers. Messages name file, line, group and key.
 */
#include "infer_config.h"
#include "dsnet_text_file.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (dsnet-infer-config-error-quark, dsnet_infer_config_error)
G_DEFINE_QUARK (dsnet-infer-error-quark, dsnet_infer_error)

#define GROUP_PROPERTY "property"
#define GROUP_CLASS_ALL "class-attrs-all"
#define GROUP_CLASS_PREFIX "class-attrs-"
#define GROUP_DSNET "dsnet"

typedef enum
{
  KT_INT,
  KT_BOOL,
  KT_DBL,
  KT_STR,
  KT_PATH,
  KT_INT_LIST,                  /* gint* + guint count (offset_aux) */
  KT_STR_LIST,                  /* gchar** */
  KT_DBL4,                      /* exactly 4 doubles; offset_aux = gboolean "has" flag or -1 */
  KT_CUSTOM,                    /* handled by name in the caller */
} KeyType;

typedef struct
{
  const gchar *name;
  KeyType type;
  gssize offset;
  gssize offset_aux;
  gdouble min, max;
  const gint *allowed;          /* -1 terminated list of allowed values (ints), or NULL */
  guint skip_flag;              /* DsnetInferOverride bit that skips this key */
} KeyDef;

#define F(field) ((gssize) offsetof (DsnetInferConfig, field))
#define A(field) ((gssize) offsetof (DsnetInferClassAttrs, field))
#define NOAUX (-1)
#define IMIN ((gdouble) G_MININT)
#define IMAX ((gdouble) G_MAXINT)
#define DMAX G_MAXDOUBLE

static const gint process_modes[] = { 1, 2, -1 };
static const gint network_types[] = { 0, 1, 2, 3, 100, -1 };

static const KeyDef property_keys[] = {
  /* 2.1 element behaviour */
  {"gie-unique-id", KT_INT, F (gie_unique_id), NOAUX, 1, IMAX, NULL, DSNET_OVERRIDE_UNIQUE_ID},
  {"process-mode", KT_INT, F (process_mode), NOAUX, 1, 2, process_modes, DSNET_OVERRIDE_PROCESS_MODE},
  {"interval", KT_INT, F (interval), NOAUX, 0, IMAX, NULL, DSNET_OVERRIDE_INTERVAL},
  {"gpu-id", KT_INT, F (gpu_id), NOAUX, 0, IMAX, NULL, DSNET_OVERRIDE_GPU_ID},
  {"batch-size", KT_INT, F (batch_size), NOAUX, 1, 1024, NULL, DSNET_OVERRIDE_BATCH_SIZE},
  {"operate-on-gie-id", KT_INT, F (operate_on_gie_id), NOAUX, -1, IMAX, NULL, DSNET_OVERRIDE_OPERATE_ON},
  {"operate-on-class-ids", KT_INT_LIST, F (operate_on_class_ids), F (n_operate_on_class_ids), 0, IMAX,
      NULL, DSNET_OVERRIDE_OPERATE_ON},
  {"filter-out-class-ids", KT_INT_LIST, F (filter_out_class_ids), F (n_filter_out_class_ids), 0, IMAX,
      NULL, 0},
  {"secondary-reinfer-interval", KT_INT, F (secondary_reinfer_interval), NOAUX, 0, IMAX, NULL, 0},
  {"input-object-min-width", KT_INT, F (input_object_min_width), NOAUX, 0, IMAX, NULL, 0},
  {"input-object-min-height", KT_INT, F (input_object_min_height), NOAUX, 0, IMAX, NULL, 0},
  {"input-object-max-width", KT_INT, F (input_object_max_width), NOAUX, 0, IMAX, NULL, 0},
  {"input-object-max-height", KT_INT, F (input_object_max_height), NOAUX, 0, IMAX, NULL, 0},
  {"classifier-async-mode", KT_BOOL, F (classifier_async_mode), NOAUX, 0, 0, NULL, 0},
  {"output-tensor-meta", KT_BOOL, F (output_tensor_meta), NOAUX, 0, 0, NULL, DSNET_OVERRIDE_OUTPUT_TENSOR_META},
  {"output-instance-mask", KT_BOOL, F (output_instance_mask), NOAUX, 0, 0, NULL, 0},
  {"input-tensor-from-meta", KT_BOOL, F (input_tensor_from_meta), NOAUX, 0, 0, NULL,
      DSNET_OVERRIDE_INPUT_TENSOR_META},
  {"crop-objects-to-roi-boundary", KT_BOOL, F (crop_objects_to_roi_boundary), NOAUX, 0, 0, NULL,
      DSNET_OVERRIDE_CROP_TO_ROI},
  {"tensor-meta-pool-size", KT_INT, F (tensor_meta_pool_size), NOAUX, 0, IMAX, NULL, 0},
  {"maintain-aspect-ratio", KT_BOOL, F (maintain_aspect_ratio), NOAUX, 0, 0, NULL, 0},
  {"symmetric-padding", KT_BOOL, F (symmetric_padding), NOAUX, 0, 0, NULL, 0},
  {"scaling-filter", KT_INT, F (scaling_filter), NOAUX, 0, 6, NULL, 0},
  {"scaling-compute-hw", KT_INT, F (scaling_compute_hw), NOAUX, 0, 2, NULL, 0},
  {"auto-inc-mem", KT_INT, F (auto_inc_mem), NOAUX, 0, IMAX, NULL, 0},
  {"max-gpu-mem-per", KT_INT, F (max_gpu_mem_per), NOAUX, 0, 100, NULL, 0},
  /* 2.2 model and engine */
  {"network-type", KT_INT, F (network_type), NOAUX, 0, 100, network_types, 0},
  {"is-classifier", KT_CUSTOM, -1, NOAUX, 0, 0, NULL, 0},
  {"network-mode", KT_INT, F (network_mode), NOAUX, 0, 2, NULL, 0},
  {"model-engine-file", KT_PATH, F (model_engine_file), NOAUX, 0, 0, NULL, DSNET_OVERRIDE_MODEL_ENGINE},
  {"int8-calib-file", KT_PATH, F (int8_calib_file), NOAUX, 0, 0, NULL, 0},
  {"tlt-encoded-model", KT_PATH, F (tlt_encoded_model), NOAUX, 0, 0, NULL, 0},
  {"tlt-model-key", KT_STR, F (tlt_model_key), NOAUX, 0, 0, NULL, 0},
  {"onnx-file", KT_PATH, F (onnx_file), NOAUX, 0, 0, NULL, 0},
  {"uff-file", KT_PATH, F (uff_file), NOAUX, 0, 0, NULL, 0},
  {"uff-input-blob-name", KT_STR, F (uff_input_blob_name), NOAUX, 0, 0, NULL, 0},
  {"model-file", KT_PATH, F (model_file), NOAUX, 0, 0, NULL, 0},
  {"proto-file", KT_PATH, F (proto_file), NOAUX, 0, 0, NULL, 0},
  {"custom-network-config", KT_STR, F (custom_network_config), NOAUX, 0, 0, NULL, 0},
  {"engine-create-func-name", KT_STR, F (engine_create_func_name), NOAUX, 0, 0, NULL, 0},
  {"custom-lib-path", KT_PATH, F (custom_lib_path), NOAUX, 0, 0, NULL, 0},
  {"infer-dims", KT_CUSTOM, -1, NOAUX, 0, 0, NULL, 0},
  {"input-dims", KT_CUSTOM, -1, NOAUX, 0, 0, NULL, 0},
  {"uff-input-dims", KT_CUSTOM, -1, NOAUX, 0, 0, NULL, 0},
  {"uff-input-order", KT_INT, F (uff_input_order), NOAUX, 0, 2, NULL, 0},
  {"network-input-order", KT_INT, F (network_input_order), NOAUX, 0, 1, NULL, 0},
  {"force-implicit-batch-dim", KT_BOOL, F (force_implicit_batch_dim), NOAUX, 0, 0, NULL, 0},
  {"workspace-size", KT_INT, F (workspace_size), NOAUX, 0, IMAX, NULL, 0},
  {"enable-dla", KT_BOOL, F (enable_dla), NOAUX, 0, 0, NULL, 0},
  {"use-dla-core", KT_INT, F (use_dla_core), NOAUX, 0, IMAX, NULL, 0},
  {"output-blob-names", KT_STR_LIST, F (output_blob_names), NOAUX, 0, 0, NULL, 0},
  {"output-io-formats", KT_STR_LIST, F (output_io_formats), NOAUX, 0, 0, NULL, 0},
  {"layer-device-precision", KT_STR_LIST, F (layer_device_precision), NOAUX, 0, 0, NULL, 0},
  /* 2.3 preprocessing */
  {"net-scale-factor", KT_DBL, F (net_scale_factor), NOAUX, -DMAX, DMAX, NULL, 0},
  {"offsets", KT_CUSTOM, -1, NOAUX, 0, 0, NULL, 0},
  {"mean-file", KT_PATH, F (mean_file), NOAUX, 0, 0, NULL, 0},
  {"model-color-format", KT_INT, F (model_color_format), NOAUX, 0, 2, NULL, 0},
  /* 2.4 output */
  {"num-detected-classes", KT_INT, F (num_detected_classes), NOAUX, 0, IMAX, NULL, 0},
  {"cluster-mode", KT_INT, F (cluster_mode), NOAUX, 0, 4, NULL, 0},
  {"enable-dbscan", KT_CUSTOM, -1, NOAUX, 0, 0, NULL, 0},
  {"parse-bbox-func-name", KT_STR, F (parse_bbox_func_name), NOAUX, 0, 0, NULL, 0},
  {"parse-bbox-instance-mask-func-name", KT_STR, F (parse_bbox_instance_mask_func_name), NOAUX, 0, 0,
      NULL, 0},
  {"parse-classifier-func-name", KT_STR, F (parse_classifier_func_name), NOAUX, 0, 0, NULL, 0},
  {"classifier-threshold", KT_DBL, F (classifier_threshold), NOAUX, 0, DMAX, NULL, 0},
  {"classifier-type", KT_STR, F (classifier_type), NOAUX, 0, 0, NULL, 0},
  {"segmentation-threshold", KT_DBL, F (segmentation_threshold), NOAUX, 0, DMAX, NULL, 0},
  {"segmentation-output-order", KT_INT, F (segmentation_output_order), NOAUX, 0, 1, NULL, 0},
  {"labelfile-path", KT_PATH, F (labelfile_path), NOAUX, 0, 0, NULL, 0},
};

static const KeyDef class_keys[] = {
  {"pre-cluster-threshold", KT_DBL, A (pre_cluster_threshold), NOAUX, 0, DMAX, NULL, 0},
  {"threshold", KT_CUSTOM, -1, NOAUX, 0, 0, NULL, 0},
  {"post-cluster-threshold", KT_DBL, A (post_cluster_threshold), NOAUX, 0, DMAX, NULL, 0},
  {"eps", KT_DBL, A (eps), NOAUX, 0, DMAX, NULL, 0},
  {"minBoxes", KT_INT, A (min_boxes), NOAUX, 0, IMAX, NULL, 0},
  {"dbscan-min-score", KT_DBL, A (dbscan_min_score), NOAUX, 0, DMAX, NULL, 0},
  {"group-threshold", KT_INT, A (group_threshold), NOAUX, 0, IMAX, NULL, 0},
  {"nms-iou-threshold", KT_DBL, A (nms_iou_threshold), NOAUX, 0, 1, NULL, 0},
  {"topk", KT_INT, A (topk), NOAUX, 0, IMAX, NULL, 0},
  {"roi-top-offset", KT_INT, A (roi_top_offset), NOAUX, 0, IMAX, NULL, 0},
  {"roi-bottom-offset", KT_INT, A (roi_bottom_offset), NOAUX, 0, IMAX, NULL, 0},
  {"detected-min-w", KT_INT, A (detected_min_w), NOAUX, 0, IMAX, NULL, 0},
  {"detected-min-h", KT_INT, A (detected_min_h), NOAUX, 0, IMAX, NULL, 0},
  {"detected-max-w", KT_INT, A (detected_max_w), NOAUX, 0, IMAX, NULL, 0},
  {"detected-max-h", KT_INT, A (detected_max_h), NOAUX, 0, IMAX, NULL, 0},
  {"border-color", KT_DBL4, A (border_color), NOAUX, -DMAX, DMAX, NULL, 0},
  {"bg-color", KT_DBL4, A (bg_color), A (has_bg_color), -DMAX, DMAX, NULL, 0},
};

static const KeyDef dsnet_keys[] = {
  {"class-map", KT_INT_LIST, F (class_map), F (n_class_map), 0, IMAX, NULL, 0},
  {"intra-op-threads", KT_INT, F (intra_op_threads), NOAUX, 0, 1024, NULL, 0},
  {"inter-op-threads", KT_INT, F (inter_op_threads), NOAUX, 0, 1024, NULL, 0},
  {"roi-merge-iou-threshold", KT_DBL, F (roi_merge_iou), NOAUX, 0, 1, NULL, 0},
  {"overlap", KT_BOOL, F (overlap), NOAUX, 0, 0, NULL, 0},
  {"intra-op-spinning", KT_BOOL, F (intra_op_spinning), NOAUX, 0, 0, NULL, 0},
};

/* Parsing context: the config, the key file, and the file's name for messages. */
typedef struct
{
  DsnetInferConfig *cfg;
  GKeyFile *kf;
  guint skip;
} Ctx;

static gchar *
line_key (const gchar * group, const gchar * key)
{
  return g_strconcat (group, "\n", key, NULL);
}

guint
dsnet_key_file_line (GHashTable * key_lines, const gchar * group, const gchar * key)
{
  if (key_lines == NULL)
    return 0;
  gchar *k = line_key (group, key);
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (key_lines, k));
  g_free (k);
  return line;
}

guint
dsnet_infer_config_key_line (const DsnetInferConfig * config, const gchar * group, const gchar * key)
{
  return config == NULL ? 0 : dsnet_key_file_line (config->key_lines, group, key);
}

gchar *
dsnet_infer_config_where (const DsnetInferConfig * config, const gchar * group, const gchar * key)
{
  const gchar *file = config->path ? config->path : "<config>";
  guint line = dsnet_infer_config_key_line (config, group, key);
  if (line > 0)
    return g_strdup_printf ("%s:%u: [%s] %s", file, line, group, key);
  return g_strdup_printf ("%s: [%s] %s", file, group, key);
}

static void
set_key_error (Ctx * c, GError ** error, gint code, const gchar * group, const gchar * key,
    const gchar * fmt, ...) G_GNUC_PRINTF (6, 7);

static void
set_key_error (Ctx * c, GError ** error, gint code, const gchar * group, const gchar * key,
    const gchar * fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  gchar *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  gchar *where = dsnet_infer_config_where (c->cfg, group, key);
  g_set_error (error, DSNET_INFER_CONFIG_ERROR, code, "%s: %s", where, msg);
  g_free (where);
  g_free (msg);
}

static void
add_warning (Ctx * c, const gchar * group, const gchar * key, const gchar * fmt, ...)
    G_GNUC_PRINTF (4, 5);

static void
add_warning (Ctx * c, const gchar * group, const gchar * key, const gchar * fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  gchar *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  gchar *where = dsnet_infer_config_where (c->cfg, group, key);
  g_ptr_array_add (c->cfg->warnings, g_strdup_printf ("%s: %s", where, msg));
  g_free (where);
  g_free (msg);
}

/* ---------------------------------------------------------------- value parsing */

static gboolean
parse_int_text (const gchar * text, gint64 * out)
{
  gchar *s = g_strstrip (g_strdup (text));
  gchar *end = NULL;
  errno = 0;
  gint64 v = g_ascii_strtoll (s, &end, 10);
  gboolean ok = *s != '\0' && end != NULL && *end == '\0' && errno == 0;
  g_free (s);
  *out = v;
  return ok;
}

static gboolean
parse_dbl_text (const gchar * text, gdouble * out)
{
  gchar *s = g_strstrip (g_strdup (text));
  gchar *end = NULL;
  errno = 0;
  gdouble v = g_ascii_strtod (s, &end);
  gboolean ok = *s != '\0' && end != NULL && *end == '\0' && errno == 0 && isfinite (v);
  g_free (s);
  *out = v;
  return ok;
}

gchar *
dsnet_key_file_get_string (GKeyFile * kf, const gchar * group, const gchar * key, GError ** error)
{
  GError *e = NULL;
  gchar *v = g_key_file_get_string (kf, group, key, &e);
  /* An invalid escape sequence sets the error but still returns a string: the error counts. */
  if (e != NULL) {
    g_propagate_error (error, e);
    g_clear_pointer (&v, g_free);
  }
  return v;
}

gchar **
dsnet_key_file_get_string_list (GKeyFile * kf, const gchar * group, const gchar * key, gsize * n, GError ** error)
{
  GError *e = NULL;
  gchar **v = g_key_file_get_string_list (kf, group, key, n, &e);
  if (e == NULL && v != NULL)
    return v;
  g_strfreev (v);
  *n = 0;
  if (e != NULL && e->code != G_KEY_FILE_ERROR_KEY_NOT_FOUND && e->code != G_KEY_FILE_ERROR_GROUP_NOT_FOUND) {
    g_propagate_error (error, e);
    return NULL;
  }
  g_clear_error (&e);
  return g_new0 (gchar *, 1);
}

static gchar *
get_raw (Ctx * c, const gchar * group, const gchar * key, GError ** error)
{
  GError *e = NULL;
  gchar *v = dsnet_key_file_get_string (c->kf, group, key, &e);
  if (v == NULL) {
    set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key, "%s", e->message);
    g_clear_error (&e);
  }
  return v;
}

/* Splits a ';' list (dsnet_key_file_get_string_list), the error located at the key. */
static gchar **
get_list (Ctx * c, const gchar * group, const gchar * key, gsize * n, GError ** error)
{
  GError *e = NULL;
  gchar **v = dsnet_key_file_get_string_list (c->kf, group, key, n, &e);
  if (v == NULL) {
    set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key, "%s", e->message);
    g_clear_error (&e);
  }
  return v;
}

static gboolean
get_int (Ctx * c, const gchar * group, const gchar * key, gdouble min, gdouble max,
    const gint * allowed, gint * out, GError ** error)
{
  gchar *raw = get_raw (c, group, key, error);
  if (raw == NULL)
    return FALSE;
  gint64 v;
  if (!parse_int_text (raw, &v) || v < G_MININT || v > G_MAXINT) {
    set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key,
        "expected an integer, got '%s'", raw);
    g_free (raw);
    return FALSE;
  }
  g_free (raw);
  if (allowed != NULL) {
    gboolean found = FALSE;
    GString *list = g_string_new (NULL);
    for (const gint * a = allowed; *a != -1; a++) {
      if (*a == v)
        found = TRUE;
      g_string_append_printf (list, "%s%d", list->len ? ", " : "", *a);
    }
    if (!found) {
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
          "invalid value %" G_GINT64_FORMAT " (allowed: %s)", v, list->str);
      g_string_free (list, TRUE);
      return FALSE;
    }
    g_string_free (list, TRUE);
  } else if ((gdouble) v < min || (gdouble) v > max) {
    if (max >= IMAX)
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
          "value %" G_GINT64_FORMAT " is out of range (must be >= %.0f)", v, min);
    else
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
          "value %" G_GINT64_FORMAT " is out of range (%.0f to %.0f)", v, min, max);
    return FALSE;
  }
  *out = (gint) v;
  return TRUE;
}

static gboolean
get_bool (Ctx * c, const gchar * group, const gchar * key, gboolean * out, GError ** error)
{
  gchar *raw = get_raw (c, group, key, error);
  if (raw == NULL)
    return FALSE;
  g_strstrip (raw);
  gboolean ok = TRUE;
  if (g_str_equal (raw, "true") || g_str_equal (raw, "1"))
    *out = TRUE;
  else if (g_str_equal (raw, "false") || g_str_equal (raw, "0"))
    *out = FALSE;
  else {
    set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key,
        "expected a boolean (true, false, 1 or 0), got '%s'", raw);
    ok = FALSE;
  }
  g_free (raw);
  return ok;
}

static gboolean
get_dbl (Ctx * c, const gchar * group, const gchar * key, gdouble min, gdouble max, gdouble * out,
    GError ** error)
{
  gchar *raw = get_raw (c, group, key, error);
  if (raw == NULL)
    return FALSE;
  gdouble v;
  if (!parse_dbl_text (raw, &v)) {
    set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key,
        "expected a number, got '%s'", raw);
    g_free (raw);
    return FALSE;
  }
  g_free (raw);
  if (v < min || v > max) {
    if (max >= DMAX)
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
          "value %g is out of range (must be >= %g)", v, min);
    else
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
          "value %g is out of range (%g to %g)", v, min, max);
    return FALSE;
  }
  *out = v;
  return TRUE;
}

static gboolean
get_int_list (Ctx * c, const gchar * group, const gchar * key, gdouble min, gint ** out, guint * n_out,
    GError ** error)
{
  gsize n = 0;
  gchar **items = get_list (c, group, key, &n, error);
  if (items == NULL)
    return FALSE;
  gint *vals = g_new0 (gint, MAX (n, 1));
  for (gsize i = 0; i < n; i++) {
    gint64 v;
    if (!parse_int_text (items[i], &v) || v < G_MININT || v > G_MAXINT) {
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key,
          "element %" G_GSIZE_FORMAT " is not an integer: '%s'", i + 1, items[i]);
      g_free (vals);
      g_strfreev (items);
      return FALSE;
    }
    if ((gdouble) v < min) {
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
          "element %" G_GSIZE_FORMAT " (%" G_GINT64_FORMAT ") must be >= %.0f", i + 1, v, min);
      g_free (vals);
      g_strfreev (items);
      return FALSE;
    }
    vals[i] = (gint) v;
  }
  g_strfreev (items);
  g_free (*out);
  *out = vals;
  *n_out = (guint) n;
  return TRUE;
}

static gboolean
get_dbl_list (Ctx * c, const gchar * group, const gchar * key, gdouble * out, guint max_n,
    guint exact_n, guint * n_out, GError ** error)
{
  gsize n = 0;
  gchar **items = get_list (c, group, key, &n, error);
  if (items == NULL)
    return FALSE;
  if (exact_n > 0 && n != exact_n) {
    set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
        "expected exactly %u values separated by ';', got %" G_GSIZE_FORMAT, exact_n, n);
    g_strfreev (items);
    return FALSE;
  }
  if (n > max_n) {
    set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
        "at most %u values allowed, got %" G_GSIZE_FORMAT, max_n, n);
    g_strfreev (items);
    return FALSE;
  }
  for (gsize i = 0; i < n; i++) {
    if (!parse_dbl_text (items[i], &out[i])) {
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key,
          "element %" G_GSIZE_FORMAT " is not a number: '%s'", i + 1, items[i]);
      g_strfreev (items);
      return FALSE;
    }
  }
  g_strfreev (items);
  if (n_out)
    *n_out = (guint) n;
  return TRUE;
}

/* Integer list with an exact count and every element > 0 except the ones listed as free (-1 = none). */
static gboolean
get_dims (Ctx * c, const gchar * group, const gchar * key, guint count, gint * out, GError ** error)
{
  gint *vals = NULL;
  guint n = 0;
  if (!get_int_list (c, group, key, 0, &vals, &n, error))
    return FALSE;
  if (n != count) {
    set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key,
        "expected exactly %u integers separated by ';', got %u", count, n);
    g_free (vals);
    return FALSE;
  }
  memcpy (out, vals, count * sizeof (gint));
  g_free (vals);
  return TRUE;
}

static gchar *
resolve_path (const DsnetInferConfig * cfg, const gchar * value)
{
  gchar *joined = g_path_is_absolute (value) ? g_strdup (value)
      : g_build_filename (cfg->dir, value, NULL);
  char *real = realpath (joined, NULL);
  if (real != NULL) {
    g_free (joined);
    joined = g_strdup (real);
    free (real);
  }
  return joined;
}

static gboolean
apply_key (Ctx * c, const KeyDef * d, gpointer base, const gchar * group, GError ** error)
{
  guint8 *b = base;
  switch (d->type) {
    case KT_INT:
      return get_int (c, group, d->name, d->min, d->max, d->allowed, (gint *) (b + d->offset), error);
    case KT_BOOL:
      return get_bool (c, group, d->name, (gboolean *) (b + d->offset), error);
    case KT_DBL:
      return get_dbl (c, group, d->name, d->min, d->max, (gdouble *) (b + d->offset), error);
    case KT_STR:
    case KT_PATH:{
      gchar *v = get_raw (c, group, d->name, error);
      if (v == NULL)
        return FALSE;
      gchar **slot = (gchar **) (b + d->offset);
      g_free (*slot);
      g_strstrip (v);
      if (d->type == KT_PATH && *v != '\0') {
        *slot = resolve_path (c->cfg, v);
        /* a bare library name not beside the config is looked up where the plugin lives (dsnetinfer) */
        if (g_str_equal (d->name, "custom-lib-path") && strchr (v, G_DIR_SEPARATOR) == NULL
            && !g_file_test (*slot, G_FILE_TEST_EXISTS)) {
          g_free (*slot);
          *slot = g_strdup (v);
        }
        g_free (v);
      } else {
        *slot = v;
      }
      return TRUE;
    }
    case KT_INT_LIST:
      return get_int_list (c, group, d->name, d->min, (gint **) (b + d->offset),
          (guint *) (b + d->offset_aux), error);
    case KT_STR_LIST:{
      gsize n = 0;
      gchar **v = get_list (c, group, d->name, &n, error);
      if (v == NULL)
        return FALSE;
      for (gsize i = 0; i < n; i++)
        g_strstrip (v[i]);
      gchar ***slot = (gchar ***) (b + d->offset);
      g_strfreev (*slot);
      *slot = v;
      return TRUE;
    }
    case KT_DBL4:{
      gdouble tmp[4];
      if (!get_dbl_list (c, group, d->name, tmp, 4, 4, NULL, error))
        return FALSE;
      memcpy (b + d->offset, tmp, sizeof (tmp));
      if (d->offset_aux >= 0)
        *(gboolean *) (b + d->offset_aux) = TRUE;
      return TRUE;
    }
    case KT_CUSTOM:
      break;
  }
  return TRUE;
}

static const KeyDef *
find_key (const KeyDef * table, gsize n, const gchar * name)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (table[i].name, name))
      return &table[i];
  return NULL;
}

/* ---------------------------------------------------------------- groups */

static gboolean
property_custom (Ctx * c, const gchar * key, GError ** error)
{
  DsnetInferConfig *cfg = c->cfg;
  const gchar *g = GROUP_PROPERTY;
  if (g_str_equal (key, "is-classifier")) {
    gboolean v;
    if (!get_bool (c, g, key, &v, error))
      return FALSE;
    if (g_key_file_has_key (c->kf, g, "network-type", NULL))
      add_warning (c, g, key, "legacy key ignored because network-type is set");
    else {
      add_warning (c, g, key, "legacy key, use network-type=%d", v ? 1 : 0);
      cfg->network_type = v ? DSNET_NETWORK_CLASSIFIER : DSNET_NETWORK_DETECTOR;
    }
    return TRUE;
  }
  if (g_str_equal (key, "enable-dbscan")) {
    gboolean v;
    if (!get_bool (c, g, key, &v, error))
      return FALSE;
    if (g_key_file_has_key (c->kf, g, "cluster-mode", NULL))
      add_warning (c, g, key, "deprecated key ignored because cluster-mode is set");
    else {
      add_warning (c, g, key, "deprecated key, use cluster-mode=1");
      if (v)
        cfg->cluster_mode = DSNET_CLUSTER_DBSCAN;
    }
    return TRUE;
  }
  if (g_str_equal (key, "infer-dims")) {
    gint d[3];
    if (!get_dims (c, g, key, 3, d, error))
      return FALSE;
    for (int i = 0; i < 3; i++)
      if (d[i] <= 0) {
        set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, key,
            "every dimension must be > 0, got %d;%d;%d", d[0], d[1], d[2]);
        return FALSE;
      }
    memcpy (cfg->infer_dims, d, sizeof (d));
    cfg->has_infer_dims = TRUE;
    return TRUE;
  }
  if (g_str_equal (key, "input-dims") || g_str_equal (key, "uff-input-dims")) {
    gint d[4];
    if (!get_dims (c, g, key, 4, d, error))
      return FALSE;
    for (int i = 0; i < 3; i++)
      if (d[i] <= 0) {
        set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, key,
            "every dimension must be > 0, got %d;%d;%d", d[0], d[1], d[2]);
        return FALSE;
      }
    if (d[3] < 0 || d[3] > 2) {
      set_key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, key,
          "input order %d is invalid (0 NCHW, 1 NHWC, 2 NC)", d[3]);
      return FALSE;
    }
    if (g_key_file_has_key (c->kf, g, "infer-dims", NULL)) {
      add_warning (c, g, key, "deprecated key ignored because infer-dims is set");
      return TRUE;
    }
    add_warning (c, g, key, "deprecated key, use infer-dims (and network-input-order)");
    memcpy (cfg->infer_dims, d, 3 * sizeof (gint));
    cfg->has_infer_dims = TRUE;
    cfg->uff_input_order = d[3];
    return TRUE;
  }
  if (g_str_equal (key, "offsets")) {
    gdouble tmp[4] = { 0 };
    guint n = 0;
    if (!get_dbl_list (c, g, key, tmp, 4, 0, &n, error))
      return FALSE;
    memcpy (cfg->offsets, tmp, sizeof (tmp));
    cfg->n_offsets = n;
    return TRUE;
  }
  return TRUE;
}

/* Handles a KT_CUSTOM key of a group (legacy keys and lists with their own rules). */
typedef gboolean (*CustomKeyFunc) (Ctx * c, const gchar * group, const gchar * key, gpointer base,
    GError ** error);

static gboolean
property_custom_key (Ctx * c, const gchar * group, const gchar * key, gpointer base, GError ** error)
{
  (void) group;
  (void) base;
  return property_custom (c, key, error);
}

/* threshold: deprecated alias of pre-cluster-threshold */
static gboolean
class_custom_key (Ctx * c, const gchar * group, const gchar * key, gpointer base, GError ** error)
{
  DsnetInferClassAttrs *attrs = base;
  gdouble v;
  if (!get_dbl (c, group, key, 0, DMAX, &v, error))
    return FALSE;
  if (g_key_file_has_key (c->kf, group, "pre-cluster-threshold", NULL))
    add_warning (c, group, key, "deprecated key ignored because pre-cluster-threshold is set");
  else {
    add_warning (c, group, key, "deprecated key, use pre-cluster-threshold");
    attrs->pre_cluster_threshold = v;
  }
  return TRUE;
}

/* Reads every key of `group` by its table entry into `base`; unknown keys are warnings. */
static gboolean
parse_group (Ctx * c, const gchar * group, const KeyDef * table, gsize n_table, gpointer base,
    CustomKeyFunc custom, const gchar * unknown, GError ** error)
{
  gsize n = 0;
  gchar **keys = g_key_file_get_keys (c->kf, group, &n, NULL);
  gboolean ok = TRUE;
  for (gsize i = 0; ok && i < n; i++) {
    const KeyDef *d = find_key (table, n_table, keys[i]);
    if (d == NULL) {
      add_warning (c, group, keys[i], "%s", unknown);
      continue;
    }
    if (d->skip_flag & c->skip)
      continue;
    if (d->type == KT_CUSTOM)
      ok = custom (c, group, keys[i], base, error);
    else
      ok = apply_key (c, d, base, group, error);
  }
  g_strfreev (keys);
  return ok;
}

static gboolean
parse_property_group (Ctx * c, GError ** error)
{
  gboolean ok = parse_group (c, GROUP_PROPERTY, property_keys, G_N_ELEMENTS (property_keys), c->cfg,
      property_custom_key, "unknown or legacy key, ignored", error);
  if (ok && c->cfg->tensor_meta_pool_size < 2)
    c->cfg->tensor_meta_pool_size = 2;
  return ok;
}

static gboolean
parse_class_group (Ctx * c, const gchar * group, DsnetInferClassAttrs * attrs, GError ** error)
{
  return parse_group (c, group, class_keys, G_N_ELEMENTS (class_keys), attrs, class_custom_key,
      "unknown or legacy key, ignored", error);
}

static gboolean
parse_dsnet_group (Ctx * c, GError ** error)
{
  return parse_group (c, GROUP_DSNET, dsnet_keys, G_N_ELEMENTS (dsnet_keys), c->cfg, NULL,
      "unknown key, ignored", error);
}

gboolean
dsnet_key_file_scan_lines (const gchar * path, const gchar * data, gsize length, GHashTable * key_lines,
    GError ** error)
{
  gchar *text = g_strndup (data, length);
  gchar **lines = g_strsplit (text, "\n", -1);
  g_free (text);
  gchar *group = NULL;
  gboolean ok = TRUE;
  for (guint i = 0; lines[i] != NULL; i++) {
    gchar *line = g_strstrip (lines[i]);
    guint lineno = i + 1;
    if (*line == '\0' || *line == '#')
      continue;
    if (*line == '[') {
      gsize len = strlen (line);
      if (line[len - 1] != ']' || len < 3) {
        g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_SYNTAX,
            "%s:%u: invalid group header '%s'", path, lineno, line);
        ok = FALSE;
        break;
      }
      g_free (group);
      group = g_strndup (line + 1, len - 2);
      continue;
    }
    gchar *eq = strchr (line, '=');
    if (eq == NULL) {
      g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_SYNTAX,
          "%s:%u: line '%s' is not a group, a key=value pair or a comment", path, lineno, line);
      ok = FALSE;
      break;
    }
    gchar *key = g_strstrip (g_strndup (line, (gsize) (eq - line)));
    if (group == NULL) {
      g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_SYNTAX,
          "%s:%u: key '%s' appears before any [group]", path, lineno, key);
      g_free (key);
      ok = FALSE;
      break;
    }
    if (*key == '\0') {
      g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_SYNTAX,
          "%s:%u: [%s] empty key name", path, lineno, group);
      g_free (key);
      ok = FALSE;
      break;
    }
    g_hash_table_insert (key_lines, line_key (group, key), GUINT_TO_POINTER (lineno));
    g_free (key);
  }
  g_free (group);
  g_strfreev (lines);
  return ok;
}

/* ---------------------------------------------------------------- public API */

static void
class_attrs_defaults (DsnetInferClassAttrs * a)
{
  memset (a, 0, sizeof (*a));
  a->pre_cluster_threshold = 0.2;
  a->post_cluster_threshold = 0.0;
  a->nms_iou_threshold = 0.3;
  a->topk = -1;
  a->border_color[0] = 1.0;
  a->border_color[3] = 1.0;
}

DsnetInferConfig *
dsnet_infer_config_new_default (void)
{
  DsnetInferConfig *cfg = g_new0 (DsnetInferConfig, 1);
  cfg->path = g_strdup ("<defaults>");
  cfg->dir = g_get_current_dir ();
  cfg->gie_unique_id = 15;
  cfg->process_mode = 1;
  cfg->batch_size = 1;
  cfg->operate_on_gie_id = -1;
  cfg->secondary_reinfer_interval = G_MAXINT;
  cfg->tensor_meta_pool_size = 2;
  cfg->scaling_filter = -1;
  cfg->auto_inc_mem = 1;
  cfg->max_gpu_mem_per = 99;
  cfg->net_scale_factor = 1.0;
  cfg->cluster_mode = DSNET_CLUSTER_GROUP_RECTANGLES;
  cfg->overlap = TRUE;
  class_attrs_defaults (&cfg->class_attrs_all);
  cfg->warnings = g_ptr_array_new_with_free_func (g_free);
  cfg->key_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return cfg;
}

void
dsnet_infer_config_resize_class_attrs (DsnetInferConfig * cfg, guint n)
{
  DsnetInferClassAttrs *a = g_new0 (DsnetInferClassAttrs, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    a[i] = i < cfg->n_class_attrs ? cfg->class_attrs[i] : cfg->class_attrs_all;
  g_free (cfg->class_attrs);
  cfg->class_attrs = a;
  cfg->n_class_attrs = n;
}

const DsnetInferClassAttrs *
dsnet_infer_config_class_attrs (const DsnetInferConfig * cfg, gint class_id)
{
  if (class_id >= 0 && (guint) class_id < cfg->n_class_attrs)
    return &cfg->class_attrs[class_id];
  return &cfg->class_attrs_all;
}

/* Decimal id of a "class-attrs-<id>" group; FALSE when the suffix is not a plain number. */
static gboolean
class_group_id (const gchar * group, gint64 * id)
{
  const gchar *s = group + strlen (GROUP_CLASS_PREFIX);
  if (*s == '\0')
    return FALSE;
  for (const gchar * p = s; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return parse_int_text (s, id) && *id <= G_MAXINT;
}

DsnetInferConfig *
dsnet_infer_config_load_from_data (const gchar * path, const gchar * data, gsize length, guint skip,
    GError ** error)
{
  DsnetInferConfig *cfg = dsnet_infer_config_new_default ();
  g_free (cfg->path);
  g_free (cfg->dir);
  cfg->path = g_strdup (path);
  {
    gchar *d = g_path_get_dirname (path);
    if (!g_path_is_absolute (d)) {
      gchar *cwd = g_get_current_dir ();
      cfg->dir = g_build_filename (cwd, d, NULL);
      g_free (cwd);
      g_free (d);
    } else {
      cfg->dir = d;
    }
  }
  Ctx c = { cfg, g_key_file_new (), skip };
  GError *e = NULL;
  gboolean ok = dsnet_key_file_scan_lines (cfg->path, data, length, cfg->key_lines, error);
  if (ok && !g_key_file_load_from_data (c.kf, data, length, G_KEY_FILE_NONE, &e)) {
    g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_SYNTAX, "%s: %s", path,
        e->message);
    g_clear_error (&e);
    ok = FALSE;
  }
  if (ok && !g_key_file_has_group (c.kf, GROUP_PROPERTY)) {
    g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_MISSING,
        "%s: mandatory group [property] is missing", path);
    ok = FALSE;
  }
  ok = ok && parse_property_group (&c, error);

  gchar **groups = ok ? g_key_file_get_groups (c.kf, NULL) : NULL;
  gboolean detector = cfg->network_type == DSNET_NETWORK_DETECTOR
      || cfg->network_type == DSNET_NETWORK_INSTANCE_SEGMENTATION;
  if (ok && detector && g_key_file_has_group (c.kf, GROUP_CLASS_ALL))
    ok = parse_class_group (&c, GROUP_CLASS_ALL, &cfg->class_attrs_all, error);
  if (ok)
    dsnet_infer_config_resize_class_attrs (cfg, detector ? (guint) cfg->num_detected_classes : 0);
  for (guint i = 0; ok && groups && groups[i]; i++) {
    const gchar *g = groups[i];
    if (g_str_equal (g, GROUP_DSNET)) {
      ok = parse_dsnet_group (&c, error);
      continue;
    }
    if (!detector || !g_str_has_prefix (g, GROUP_CLASS_PREFIX) || g_str_equal (g, GROUP_CLASS_ALL))
      continue;
    gint64 id;
    if (!class_group_id (g, &id)) {
      g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_SYNTAX,
          "%s: group [%s]: class id must be a decimal number or 'all'", path, g);
      ok = FALSE;
      break;
    }
    if (id >= cfg->num_detected_classes) {
      g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_RANGE,
          "%s: group [%s]: class id %" G_GINT64_FORMAT " must be < num-detected-classes (%d)", path, g,
          id, cfg->num_detected_classes);
      ok = FALSE;
      break;
    }
    ok = parse_class_group (&c, g, &cfg->class_attrs[id], error);
  }
  g_strfreev (groups);
  g_key_file_free (c.kf);
  if (!ok) {
    dsnet_infer_config_free (cfg);
    return NULL;
  }
  return cfg;
}

DsnetInferConfig *
dsnet_infer_config_load (const gchar * path, guint skip, GError ** error)
{
  gchar *data = NULL;
  gsize len = 0;
  if (!dsnet_config_file_read (path, "nvinfer config file", &data, &len, error))
    return NULL;
  DsnetInferConfig *cfg = dsnet_infer_config_load_from_data (path, data, len, skip, error);
  g_free (data);
  return cfg;
}

gboolean
dsnet_config_file_read (const gchar * path, const gchar * what, gchar ** data, gsize * length,
    GError ** error)
{
  return dsnet_text_file_read (path, what, DSNET_TEXT_FILE_MAX_BYTES, DSNET_INFER_CONFIG_ERROR,
      DSNET_INFER_CONFIG_ERROR_IO, data, length, error);
}

void
dsnet_infer_config_free (DsnetInferConfig * cfg)
{
  if (cfg == NULL)
    return;
  g_free (cfg->path);
  g_free (cfg->dir);
  g_free (cfg->operate_on_class_ids);
  g_free (cfg->filter_out_class_ids);
  g_free (cfg->model_engine_file);
  g_free (cfg->int8_calib_file);
  g_free (cfg->tlt_encoded_model);
  g_free (cfg->tlt_model_key);
  g_free (cfg->onnx_file);
  g_free (cfg->uff_file);
  g_free (cfg->uff_input_blob_name);
  g_free (cfg->model_file);
  g_free (cfg->proto_file);
  g_free (cfg->custom_network_config);
  g_free (cfg->engine_create_func_name);
  g_free (cfg->custom_lib_path);
  g_strfreev (cfg->output_blob_names);
  g_strfreev (cfg->output_io_formats);
  g_strfreev (cfg->layer_device_precision);
  g_free (cfg->mean_file);
  g_free (cfg->parse_bbox_func_name);
  g_free (cfg->parse_bbox_instance_mask_func_name);
  g_free (cfg->parse_classifier_func_name);
  g_free (cfg->classifier_type);
  g_free (cfg->labelfile_path);
  g_free (cfg->class_attrs);
  g_free (cfg->class_map);
  if (cfg->warnings)
    g_ptr_array_unref (cfg->warnings);
  if (cfg->key_lines)
    g_hash_table_unref (cfg->key_lines);
  g_free (cfg);
}

gboolean
dsnet_infer_parse_id_list (const gchar * text, gint ** ids, guint * n_ids)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (gint));
  const gchar *p = text ? text : "";
  gboolean ok = TRUE;
  while (*p) {
    while (*p == ' ')
      p++;
    if (*p == '\0')
      break;
    if (!g_ascii_isdigit (*p) && *p != '-') {
      ok = FALSE;
      break;
    }
    gchar *end = NULL;
    gint64 v = g_ascii_strtoll (p, &end, 10);
    if (end == p || v < 0 || v > G_MAXINT) {
      ok = FALSE;
      break;
    }
    gint iv = (gint) v;
    g_array_append_val (a, iv);
    p = end;
    while (*p == ' ')
      p++;
    if (*p == '\0')
      break;
    p++;                        /* any single separator character */
  }
  if (!ok) {
    g_array_free (a, TRUE);
    return FALSE;
  }
  *n_ids = a->len;
  *ids = (gint *) g_array_free (a, FALSE);
  return TRUE;
}
