/* Gst-nvdspreprocess config reader. See preprocess_config.h and native/plugin/README.md § dsnetpreprocess. */
#include "preprocess_config.h"

#include <stdlib.h>
#include <string.h>

#include "infer_config.h"

#define GROUP_PROPERTY "property"
#define GROUP_USER "user-configs"
#define GROUP_PREFIX "group-"

typedef struct
{
  DsnetPreprocessConfig *cfg;
  GKeyFile *kf;
} Ctx;

static gchar *
where (Ctx * c, const gchar * group, const gchar * key)
{
  guint line = dsnet_key_file_line (c->cfg->key_lines, group, key);
  if (line > 0)
    return g_strdup_printf ("%s:%u: [%s] %s", c->cfg->path, line, group, key);
  return g_strdup_printf ("%s: [%s] %s", c->cfg->path, group, key);
}

static void
key_error (Ctx * c, GError ** error, gint code, const gchar * group, const gchar * key, const gchar * fmt,
    ...) G_GNUC_PRINTF (6, 7);

static void
key_error (Ctx * c, GError ** error, gint code, const gchar * group, const gchar * key, const gchar * fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  gchar *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  gchar *w = where (c, group, key);
  g_set_error (error, DSNET_INFER_CONFIG_ERROR, code, "%s: %s", w, msg);
  g_free (w);
  g_free (msg);
}

static void
warn (Ctx * c, const gchar * group, const gchar * key, const gchar * msg)
{
  gchar *w = where (c, group, key);
  g_ptr_array_add (c->cfg->warnings, g_strdup_printf ("%s: %s", w, msg));
  g_free (w);
}

/* Integer list of a key (GKeyFile ';' rules); NULL + error when an element is not an integer. */
static gint *
get_ints (Ctx * c, const gchar * group, const gchar * key, gsize * n, GError ** error)
{
  GError *e = NULL;
  gchar **items = dsnet_key_file_get_string_list (c->kf, group, key, n, &e);
  if (items == NULL) {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key, "%s", e->message);
    g_error_free (e);
    return NULL;
  }
  gint *vals = g_new0 (gint, *n + 1);
  for (gsize i = 0; i < *n; i++) {
    gchar *end = NULL, *s = g_strstrip (items[i]);
    gint64 v = g_ascii_strtoll (s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < G_MININT || v > G_MAXINT) {
      key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key,
          "element %" G_GSIZE_FORMAT " is not an integer: '%s'", i + 1, s);
      g_free (vals);
      g_strfreev (items);
      return NULL;
    }
    vals[i] = (gint) v;
  }
  g_strfreev (items);
  return vals;
}

static gboolean
get_int (Ctx * c, const gchar * group, const gchar * key, gint min, gint max, gint * out, GError ** error)
{
  gsize n = 0;
  gint *v = get_ints (c, group, key, &n, error);
  if (v == NULL)
    return FALSE;
  gboolean ok = n == 1 && v[0] >= min && v[0] <= max;
  if (!ok)
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, group, key, "expected one integer from %d to %d",
        min, max);
  else
    *out = v[0];
  g_free (v);
  return ok;
}

/* The stripped value of a key; NULL + error when GKeyFile refuses it (not UTF-8, a bad escape). */
static gchar *
get_string (Ctx * c, const gchar * group, const gchar * key, GError ** error)
{
  GError *e = NULL;
  gchar *v = dsnet_key_file_get_string (c->kf, group, key, &e);
  if (v == NULL) {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key, "%s", e->message);
    g_clear_error (&e);
    return NULL;
  }
  return g_strstrip (v);
}

static gboolean
get_bool (Ctx * c, const gchar * group, const gchar * key, gboolean * out, GError ** error)
{
  gchar *raw = get_string (c, group, key, error);
  if (raw == NULL)
    return FALSE;
  gboolean ok = TRUE;
  if (g_str_equal (raw, "1") || g_str_equal (raw, "true"))
    *out = TRUE;
  else if (g_str_equal (raw, "0") || g_str_equal (raw, "false"))
    *out = FALSE;
  else {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key, "expected a boolean (1, 0, true or "
        "false), got '%s'", raw);
    ok = FALSE;
  }
  g_free (raw);
  return ok;
}

static gboolean
get_doubles (Ctx * c, const gchar * group, const gchar * key, gdouble * out, guint max, guint * n_out,
    GError ** error)
{
  gsize n = 0;
  gchar **items = g_key_file_get_string_list (c->kf, group, key, &n, NULL);
  gboolean ok = items != NULL && n <= max && n > 0;
  for (gsize i = 0; ok && i < n; i++) {
    gchar *end = NULL, *s = g_strstrip (items[i]);
    out[i] = g_ascii_strtod (s, &end);
    ok = *s != '\0' && *end == '\0';
  }
  if (!ok)
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_TYPE, group, key, "expected 1 to %u numbers separated by "
        "';'", max);
  else if (n_out)
    *n_out = (guint) n;
  g_strfreev (items);
  return ok;
}

static gchar *
resolve (Ctx * c, const gchar * value)
{
  if (g_path_is_absolute (value))
    return g_strdup (value);
  return g_build_filename (c->cfg->dir, value, NULL);
}

/* ---------------------------------------------------------------- [property] */

static const gchar *const required_keys[] = {
  "processing-width", "processing-height", "network-input-order", "network-input-shape",
  "network-color-format", "tensor-data-type", "tensor-name", "scaling-pool-memory-type", "scaling-filter",
  "custom-lib-path", "custom-tensor-preparation-function", NULL
};

static gboolean
parse_property (Ctx * c, GError ** error)
{
  DsnetPreprocessConfig *cfg = c->cfg;
  const gchar *g = GROUP_PROPERTY;
  for (const gchar * const *k = required_keys; *k; k++)
    if (!g_key_file_has_key (c->kf, g, *k, NULL)) {
      g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_MISSING,
          "%s: [property] %s is missing (nvdspreprocess: \"Some preprocess config properties not set\"; "
          "required: processing-width, processing-height, network-input-order, network-input-shape, "
          "network-color-format, tensor-data-type, tensor-name, scaling-pool-memory-type, scaling-filter, "
          "custom-lib-path, custom-tensor-preparation-function)", cfg->path, *k);
      return FALSE;
    }
  gsize n = 0;
  gchar **keys = g_key_file_get_keys (c->kf, g, &n, NULL);
  gboolean ok = TRUE;
  for (gsize i = 0; ok && i < n; i++) {
    const gchar *k = keys[i];
    if (g_str_equal (k, "enable"))
      ok = get_bool (c, g, k, &cfg->enable, error);
    else if (g_str_equal (k, "unique-id"))
      ok = get_int (c, g, k, 0, G_MAXINT, &cfg->unique_id, error);
    else if (g_str_equal (k, "gpu-id"))
      ok = get_int (c, g, k, 0, G_MAXINT, &cfg->gpu_id, error);
    else if (g_str_equal (k, "process-on-frame"))
      ok = get_bool (c, g, k, &cfg->process_on_frame, error);
    else if (g_str_equal (k, "operate-on-gie-id"))
      ok = get_int (c, g, k, -1, G_MAXINT, &cfg->operate_on_gie_id, error);
    else if (g_str_equal (k, "target-unique-ids")) {
      gsize m = 0;
      gint *ids = get_ints (c, g, k, &m, error);
      ok = ids != NULL;
      if (ok) {
        g_free (cfg->target_ids);
        cfg->target_ids = g_new0 (guint64, m + 1);
        for (gsize j = 0; j < m; j++)
          cfg->target_ids[j] = (guint64) ids[j];
        cfg->n_target_ids = (guint) m;
        g_free (ids);
      }
    } else if (g_str_equal (k, "processing-width"))
      ok = get_int (c, g, k, 1, 16384, &cfg->processing_width, error);
    else if (g_str_equal (k, "processing-height"))
      ok = get_int (c, g, k, 1, 16384, &cfg->processing_height, error);
    else if (g_str_equal (k, "maintain-aspect-ratio"))
      ok = get_bool (c, g, k, &cfg->maintain_aspect_ratio, error);
    else if (g_str_equal (k, "symmetric-padding"))
      ok = get_bool (c, g, k, &cfg->symmetric_padding, error);
    else if (g_str_equal (k, "network-input-order")) {
      ok = get_int (c, g, k, 0, 2, &cfg->network_input_order, error);
      if (ok && cfg->network_input_order == 2) {
        key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, k, "2 (CUSTOM) needs NVIDIA's custom tensor "
            "library; the portable runtime prepares NCHW (0) or NHWC (1) tensors");
        ok = FALSE;
      }
    } else if (g_str_equal (k, "network-input-shape")) {
      gsize m = 0;
      gint *s = get_ints (c, g, k, &m, error);
      ok = s != NULL;
      if (ok && (m != 4 || s[0] <= 0 || s[1] <= 0 || s[2] <= 0 || s[3] <= 0)) {
        key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, k, "expected 4 positive integers "
            "(batch;C;H;W for NCHW, batch;H;W;C for NHWC)");
        ok = FALSE;
      }
      if (ok)
        memcpy (cfg->shape, s, sizeof (cfg->shape));
      g_free (s);
    } else if (g_str_equal (k, "network-color-format"))
      ok = get_int (c, g, k, 0, 2, &cfg->color_format, error);
    else if (g_str_equal (k, "tensor-data-type")) {
      ok = get_int (c, g, k, 0, 5, &cfg->data_type, error);
      if (ok && cfg->data_type != 0) {
        key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, k, "%d: the portable runtime prepares FP32 "
            "tensors only (tensor-data-type=0)", cfg->data_type);
        ok = FALSE;
      }
    } else if (g_str_equal (k, "tensor-name")) {
      g_free (cfg->tensor_name);
      cfg->tensor_name = get_string (c, g, k, error);
      ok = cfg->tensor_name != NULL;
    } else if (g_str_equal (k, "scaling-filter"))
      ok = get_int (c, g, k, 0, 6, &cfg->scaling_filter, error);
    else if (g_str_equal (k, "scaling-pool-memory-type"))
      ok = get_int (c, g, k, 0, 4, &cfg->memory_type, error);
    else if (g_str_equal (k, "custom-lib-path")) {
      gchar *v = get_string (c, g, k, error);
      g_free (cfg->custom_lib_path);
      cfg->custom_lib_path = v != NULL ? resolve (c, v) : NULL;
      ok = v != NULL;
      g_free (v);
    } else if (g_str_equal (k, "custom-tensor-preparation-function")) {
      g_free (cfg->tensor_function);
      cfg->tensor_function = get_string (c, g, k, error);
      ok = cfg->tensor_function != NULL;
    } else if (g_str_equal (k, "scaling-pool-compute-hw") || g_str_equal (k, "scaling-buf-pool-size")
        || g_str_equal (k, "tensor-buf-pool-size")) {
      gint ignored;
      ok = get_int (c, g, k, 0, G_MAXINT, &ignored, error);
    }
    /* unknown keys are silently ignored, as nvdspreprocess does */
  }
  g_strfreev (keys);
  if (!ok)
    return FALSE;
  gboolean nhwc = cfg->network_input_order == 1;
  gint C = nhwc ? cfg->shape[3] : cfg->shape[1], H = nhwc ? cfg->shape[1] : cfg->shape[2];
  gint W = nhwc ? cfg->shape[2] : cfg->shape[3];
  cfg->channels = cfg->color_format == 2 ? 1 : 3;
  if (C != cfg->channels || H != cfg->processing_height || W != cfg->processing_width) {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, "network-input-shape", "C=%d H=%d W=%d does not "
        "match network-color-format=%d (%d channel(s)) and processing-width x processing-height = %dx%d", C, H,
        W, cfg->color_format, cfg->channels, cfg->processing_width, cfg->processing_height);
    return FALSE;
  }
  if (!cfg->process_on_frame) {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, "process-on-frame", "0 (object mode) is not "
        "supported by dsnetpreprocess yet; use process-on-frame=1 (frames or ROIs)");
    return FALSE;
  }
  if (cfg->custom_lib_path != NULL)
    warn (c, g, "custom-lib-path", "the portable runtime prepares tensors itself, as NVIDIA's "
        "libcustom2d_preprocess.so CustomTensorPreparation does ([user-configs] pixel-normalization-factor, "
        "offsets); the library is not loaded");
  return TRUE;
}

/* ---------------------------------------------------------------- [user-configs] */

static gboolean
parse_user_configs (Ctx * c, GError ** error)
{
  DsnetPreprocessConfig *cfg = c->cfg;
  const gchar *g = GROUP_USER;
  if (!g_key_file_has_key (c->kf, g, "pixel-normalization-factor", NULL)) {
    g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_MISSING, "%s: [user-configs] "
        "pixel-normalization-factor is missing (the tensor library needs it: value = factor x (pixel - "
        "offset))", cfg->path);
    return FALSE;
  }
  if (!get_doubles (c, g, "pixel-normalization-factor", &cfg->pixel_normalization_factor, 1, NULL, error))
    return FALSE;
  if (g_key_file_has_key (c->kf, g, "offsets", NULL)) {
    if (!get_doubles (c, g, "offsets", cfg->offsets, 4, &cfg->n_offsets, error))
      return FALSE;
    if (cfg->n_offsets != (guint) cfg->channels) {
      key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, "offsets", "%u values for %d channel(s)",
          cfg->n_offsets, cfg->channels);
      return FALSE;
    }
  }
  if (g_key_file_has_key (c->kf, g, "mean-file", NULL)) {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, g, "mean-file", "mean files are not supported by "
        "the portable runtime; use offsets");
    return FALSE;
  }
  return TRUE;
}

/* ---------------------------------------------------------------- [group-N] */

static void
group_free (gpointer p)
{
  DsnetPreprocessGroup *grp = p;
  g_free (grp->name);
  g_free (grp->src_ids);
  g_hash_table_unref (grp->rois);
  g_free (grp);
}

static gboolean
parse_rois (Ctx * c, DsnetPreprocessGroup * grp, const gchar * key, GError ** error)
{
  const gchar *dash = strrchr (key, '-');
  gchar *end = NULL;
  gint64 src = g_ascii_strtoll (dash + 1, &end, 10);
  if (*(dash + 1) == '\0' || *end != '\0' || src < 0) {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_SYNTAX, grp->name, key, "the source id after "
        "'roi-params-src-' must be a number");
    return FALSE;
  }
  gsize n = 0;
  gint *v = get_ints (c, grp->name, key, &n, error);
  if (v == NULL)
    return FALSE;
  if (n == 0 || n % 4 != 0) {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, grp->name, key, "%" G_GSIZE_FORMAT " values: ROIs "
        "are left;top;width;height quadruples", n);
    g_free (v);
    return FALSE;
  }
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (DsnetRect));
  for (gsize i = 0; i < n; i += 4) {
    DsnetRect r = { v[i], v[i + 1], v[i + 2], v[i + 3] };
    if (r.left < 0 || r.top < 0 || r.width <= 0 || r.height <= 0) {
      key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, grp->name, key, "ROI %" G_GSIZE_FORMAT " (%d;%d;%d;"
          "%d): left/top must be >= 0 and width/height > 0", i / 4 + 1, r.left, r.top, r.width, r.height);
      g_array_unref (rects);
      g_free (v);
      return FALSE;
    }
    g_array_append_val (rects, r);
  }
  g_free (v);
  if (grp->shared_rois == NULL)
    grp->shared_rois = rects;
  g_hash_table_replace (grp->rois, GINT_TO_POINTER ((gint) src), rects);
  return TRUE;
}

static gboolean
parse_group (Ctx * c, const gchar * name, GError ** error)
{
  DsnetPreprocessGroup *grp = g_new0 (DsnetPreprocessGroup, 1);
  grp->name = g_strdup (name);
  grp->draw_roi = TRUE;
  grp->roi_color[1] = grp->roi_color[3] = 1.0;  /* green */
  grp->rois = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  g_ptr_array_add (c->cfg->groups, grp);
  const gchar *required[] = { "src-ids", "process-on-roi" };
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!g_key_file_has_key (c->kf, name, required[i], NULL)) {
      g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_MISSING,
          "%s: [%s] %s is missing (frame mode needs src-ids and process-on-roi)", c->cfg->path, name,
          required[i]);
      return FALSE;
    }
  gsize n = 0;
  grp->src_ids = get_ints (c, name, "src-ids", &n, error);
  if (grp->src_ids == NULL)
    return FALSE;
  grp->n_src_ids = (guint) n;
  for (gsize i = 0; i < n; i++)
    if (grp->src_ids[i] == -1)
      grp->all_sources = TRUE;
    else if (grp->src_ids[i] < 0) {
      key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, name, "src-ids", "source ids are >= 0 (or -1 for "
          "every source)");
      return FALSE;
    }
  if (!get_bool (c, name, "process-on-roi", &grp->process_on_roi, error))
    return FALSE;
  if (g_key_file_has_key (c->kf, name, "draw-roi", NULL) && !get_bool (c, name, "draw-roi", &grp->draw_roi,
          error))
    return FALSE;
  if (g_key_file_has_key (c->kf, name, "roi-color", NULL)) {
    guint nc = 0;
    if (!get_doubles (c, name, "roi-color", grp->roi_color, 4, &nc, error))
      return FALSE;
    if (nc != 4) {
      key_error (c, error, DSNET_INFER_CONFIG_ERROR_RANGE, name, "roi-color", "expected 4 values r;g;b;a");
      return FALSE;
    }
  }
  gchar **keys = g_key_file_get_keys (c->kf, name, &n, NULL);
  gboolean ok = TRUE;
  for (gsize i = 0; ok && i < n; i++)
    if (g_str_has_prefix (keys[i], "roi-params-src-") && grp->process_on_roi)
      ok = parse_rois (c, grp, keys[i], error);
    else if (g_str_equal (keys[i], "custom-input-transformation-function"))
      warn (c, name, keys[i], "the portable runtime scales with its built-in bilinear transform");
  g_strfreev (keys);
  if (ok && grp->process_on_roi && g_hash_table_size (grp->rois) == 0) {
    key_error (c, error, DSNET_INFER_CONFIG_ERROR_MISSING, name, "process-on-roi", "is 1 but the group has "
        "no roi-params-src-<source id> key");
    return FALSE;
  }
  return ok;
}

/* ---------------------------------------------------------------- public API */

DsnetPreprocessConfig *
dsnet_preprocess_config_load_from_data (const gchar * path, const gchar * data, gsize length,
    GError ** error)
{
  DsnetPreprocessConfig *cfg = g_new0 (DsnetPreprocessConfig, 1);
  cfg->path = g_strdup (path);
  gchar *d = g_path_get_dirname (path);
  if (g_path_is_absolute (d))
    cfg->dir = d;
  else {
    gchar *cwd = g_get_current_dir ();
    cfg->dir = g_build_filename (cwd, d, NULL);
    g_free (cwd);
    g_free (d);
  }
  cfg->enable = TRUE;
  cfg->unique_id = 15;
  cfg->process_on_frame = TRUE;
  cfg->operate_on_gie_id = -1;
  cfg->groups = g_ptr_array_new_with_free_func (group_free);
  cfg->warnings = g_ptr_array_new_with_free_func (g_free);
  cfg->key_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Ctx c = { cfg, g_key_file_new () };
  GError *e = NULL;
  gboolean ok = dsnet_key_file_scan_lines (path, data, length, cfg->key_lines, error);
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
  ok = ok && parse_property (&c, error) && parse_user_configs (&c, error);
  gchar **groups = ok ? g_key_file_get_groups (c.kf, NULL) : NULL;
  for (guint i = 0; ok && groups[i]; i++) {
    const gchar *g = groups[i];
    if (g_str_has_prefix (g, GROUP_PREFIX))
      ok = parse_group (&c, g, error);
    else if (!g_str_equal (g, GROUP_PROPERTY) && !g_str_equal (g, GROUP_USER)) {
      gchar *msg = g_strdup_printf ("%s: group [%s] is not a preprocess group, ignored", path, g);
      g_ptr_array_add (cfg->warnings, msg);
    }
  }
  if (ok && cfg->groups->len == 0) {
    g_set_error (error, DSNET_INFER_CONFIG_ERROR, DSNET_INFER_CONFIG_ERROR_MISSING,
        "%s: no [group-<N>] group: nothing to process", path);
    ok = FALSE;
  }
  g_strfreev (groups);
  g_key_file_free (c.kf);
  if (!ok) {
    dsnet_preprocess_config_free (cfg);
    return NULL;
  }
  return cfg;
}

DsnetPreprocessConfig *
dsnet_preprocess_config_load (const gchar * path, GError ** error)
{
  gchar *data = NULL;
  gsize len = 0;
  if (!dsnet_config_file_read (path, "nvdspreprocess config file", &data, &len, error))
    return NULL;
  DsnetPreprocessConfig *cfg = dsnet_preprocess_config_load_from_data (path, data, len, error);
  g_free (data);
  return cfg;
}

void
dsnet_preprocess_config_free (DsnetPreprocessConfig * cfg)
{
  if (cfg == NULL)
    return;
  g_free (cfg->path);
  g_free (cfg->dir);
  g_free (cfg->target_ids);
  g_free (cfg->tensor_name);
  g_free (cfg->custom_lib_path);
  g_free (cfg->tensor_function);
  g_ptr_array_unref (cfg->groups);
  g_ptr_array_unref (cfg->warnings);
  g_hash_table_unref (cfg->key_lines);
  g_free (cfg);
}

const DsnetPreprocessGroup *
dsnet_preprocess_config_group_for (const DsnetPreprocessConfig * cfg, guint source_id)
{
  for (guint i = 0; i < cfg->groups->len; i++) {
    const DsnetPreprocessGroup *g = g_ptr_array_index (cfg->groups, i);
    if (g->all_sources)
      return g;
    for (guint k = 0; k < g->n_src_ids; k++)
      if (g->src_ids[k] == (gint) source_id)
        return g;
  }
  return NULL;
}

const GArray *
dsnet_preprocess_group_rois (const DsnetPreprocessGroup * g, guint source_id)
{
  const GArray *r = g_hash_table_lookup (g->rois, GINT_TO_POINTER ((gint) source_id));
  return r != NULL ? r : (g->all_sources ? g->shared_rois : NULL);
}
