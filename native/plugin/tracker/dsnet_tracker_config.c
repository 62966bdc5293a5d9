/*
 * ll-config-file reader: the YAML subset NvMultiObjectTracker configs use — a `%YAML` directive, top-level
 * section names ending in `:`, indented `key: value` scalar lines, `#` comments. Nested mappings and flow
 * values are tolerated only where the key is not one we honour (they are skipped with a note).
 */
#include "dsnet_tracker_config.h"
#include "dsnet_text_file.h"

#include <errno.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (dsnet-tracker-config-error-quark, dsnet_tracker_config_error)

void
dsnet_tracker_config_init (DsnetTrackerConfig * c)
{
  memset (c, 0, sizeof *c);
  c->min_detector_confidence = 0.0f;
  c->max_targets_per_stream = 150;
  c->probation_age = 3;
  c->max_shadow_tracking_age = 30;
  c->early_termination_age = 1;
  c->min_iou_diff_4_new_target = 0.5f;
  c->matcher = DSNET_TRK_MATCHER_GREEDY;
  c->check_class_match = TRUE;
  c->min_score_overall = 0.0f;
  c->min_score_size_similarity = 0.0f;
  c->min_score_iou = 0.2f;
  c->weight_iou = 1.0f;
  c->weight_size_similarity = 0.0f;
  c->use_kalman = TRUE;
}

typedef enum
{ KT_FLOAT01, KT_FLOAT_NONNEG, KT_FLOAT, KT_UINT, KT_UINT_POS, KT_BOOL, KT_MATCHER, KT_ESTIMATOR } KeyType;

typedef struct
{
  const gchar *section;
  const gchar *key;
  KeyType type;
  gsize offset;
} KeyDef;

#define F(field) G_STRUCT_OFFSET (DsnetTrackerConfig, field)
static const KeyDef honoured[] = {
  {"BaseConfig", "minDetectorConfidence", KT_FLOAT, F (min_detector_confidence)},
  {"TargetManagement", "maxTargetsPerStream", KT_UINT_POS, F (max_targets_per_stream)},
  {"TargetManagement", "probationAge", KT_UINT, F (probation_age)},
  {"TargetManagement", "maxShadowTrackingAge", KT_UINT, F (max_shadow_tracking_age)},
  {"TargetManagement", "earlyTerminationAge", KT_UINT, F (early_termination_age)},
  {"TargetManagement", "minIouDiff4NewTarget", KT_FLOAT01, F (min_iou_diff_4_new_target)},
  {"DataAssociator", "associationMatcherType", KT_MATCHER, F (matcher)},
  {"DataAssociator", "checkClassMatch", KT_BOOL, F (check_class_match)},
  {"DataAssociator", "minMatchingScore4Overall", KT_FLOAT01, F (min_score_overall)},
  {"DataAssociator", "minMatchingScore4SizeSimilarity", KT_FLOAT01, F (min_score_size_similarity)},
  {"DataAssociator", "minMatchingScore4Iou", KT_FLOAT01, F (min_score_iou)},
  {"DataAssociator", "matchingScoreWeight4Iou", KT_FLOAT_NONNEG, F (weight_iou)},
  {"DataAssociator", "matchingScoreWeight4SizeSimilarity", KT_FLOAT_NONNEG, F (weight_size_similarity)},
  {"StateEstimator", "stateEstimatorType", KT_ESTIMATOR, F (use_kalman)},
};
#undef F

/* Sections whose other keys are accepted (one note each) because they belong to NvMultiObjectTracker. */
static const gchar *known_sections[] = {
  "BaseConfig", "TargetManagement", "TrajectoryManagement", "DataAssociator", "StateEstimator",
  "VisualTracker", "ReID", "ObjectModelProjection", NULL
};

static gboolean
fail (GError ** error, const gchar * name, guint line, const gchar * fmt, ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError ** error, const gchar * name, guint line, const gchar * fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  gchar *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  if (line > 0)
    g_set_error (error, DSNET_TRACKER_CONFIG_ERROR, 0, "%s:%u: %s", name, line, msg);
  else
    g_set_error (error, DSNET_TRACKER_CONFIG_ERROR, 0, "%s: %s", name, msg);
  g_free (msg);
  return FALSE;
}

static void
note (GPtrArray * notes, const gchar * fmt, ...) G_GNUC_PRINTF (2, 3);

static void
note (GPtrArray * notes, const gchar * fmt, ...)
{
  if (!notes)
    return;
  va_list ap;
  va_start (ap, fmt);
  g_ptr_array_add (notes, g_strdup_vprintf (fmt, ap));
  va_end (ap);
}

/* Removes a trailing comment: `#` at the start or after whitespace, outside quotes. */
static void
strip_comment (gchar * s)
{
  gchar quote = 0;
  for (gchar * p = s; *p; p++) {
    if (quote) {
      if (*p == quote)
        quote = 0;
    } else if (*p == '"' || *p == '\'') {
      quote = *p;
    } else if (*p == '#' && (p == s || g_ascii_isspace (p[-1]))) {
      *p = '\0';
      return;
    }
  }
}

static void
unquote (gchar * v)
{
  gsize n = strlen (v);
  if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
    memmove (v, v + 1, n - 2);
    v[n - 2] = '\0';
  }
}

static gboolean
parse_double (const gchar * v, gdouble * out)
{
  gchar *end = NULL;
  if (!*v)
    return FALSE;
  errno = 0;
  gdouble d = g_ascii_strtod (v, &end);
  if (errno != 0 || end == v || *end != '\0' || !isfinite (d))
    return FALSE;
  *out = d;
  return TRUE;
}

static gboolean
parse_int (const gchar * v, gint64 * out)
{
  gchar *end = NULL;
  if (!*v)
    return FALSE;
  errno = 0;
  gint64 i = g_ascii_strtoll (v, &end, 10);
  if (errno != 0 || end == v || *end != '\0')
    return FALSE;
  *out = i;
  return TRUE;
}

static gboolean
apply (DsnetTrackerConfig * cfg, const KeyDef * k, const gchar * v, const gchar * name, guint line,
    GError ** error)
{
  guint8 *base = (guint8 *) cfg;
  gdouble d;
  gint64 i;
  switch (k->type) {
    case KT_FLOAT:
    case KT_FLOAT01:
    case KT_FLOAT_NONNEG:
      if (!parse_double (v, &d))
        return fail (error, name, line, "%s.%s expects a number, got '%s'", k->section, k->key, v);
      if (k->type == KT_FLOAT01 && (d < 0 || d > 1))
        return fail (error, name, line, "%s.%s must be within [0, 1], got %s", k->section, k->key, v);
      if (k->type == KT_FLOAT_NONNEG && d < 0)
        return fail (error, name, line, "%s.%s must be >= 0, got %s", k->section, k->key, v);
      *(gfloat *) (base + k->offset) = (gfloat) d;
      return TRUE;
    case KT_UINT:
    case KT_UINT_POS:
      if (!parse_int (v, &i))
        return fail (error, name, line, "%s.%s expects an integer, got '%s'", k->section, k->key, v);
      if (i < (k->type == KT_UINT_POS ? 1 : 0) || i > G_MAXINT32)
        return fail (error, name, line, "%s.%s must be within [%d, %d], got %s", k->section, k->key,
            k->type == KT_UINT_POS ? 1 : 0, G_MAXINT32, v);
      *(guint *) (base + k->offset) = (guint) i;
      return TRUE;
    case KT_BOOL:
      if (!g_ascii_strcasecmp (v, "1") || !g_ascii_strcasecmp (v, "true"))
        *(gboolean *) (base + k->offset) = TRUE;
      else if (!g_ascii_strcasecmp (v, "0") || !g_ascii_strcasecmp (v, "false"))
        *(gboolean *) (base + k->offset) = FALSE;
      else
        return fail (error, name, line, "%s.%s expects 0, 1, true or false, got '%s'", k->section, k->key, v);
      return TRUE;
    case KT_MATCHER:
      if (!parse_int (v, &i) || i < 0 || i > 1)
        return fail (error, name, line, "%s.%s expects 0 (greedy) or 1 (global), got '%s'", k->section, k->key, v);
      cfg->matcher = i == 1 ? DSNET_TRK_MATCHER_GLOBAL : DSNET_TRK_MATCHER_GREEDY;
      return TRUE;
    case KT_ESTIMATOR:
      if (!parse_int (v, &i) || i < 0 || i > 2)
        return fail (error, name, line, "%s.%s expects 0 (none), 1 (simple Kalman) or 2 (regular Kalman), got '%s'",
            k->section, k->key, v);
      cfg->use_kalman = i != 0;
      return TRUE;
  }
  return FALSE;
}

gboolean
dsnet_tracker_config_parse (DsnetTrackerConfig * cfg, const gchar * text, const gchar * name,
    GPtrArray * notes, GError ** error)
{
  g_return_val_if_fail (cfg != NULL && text != NULL, FALSE);
  if (!name)
    name = "<ll-config>";
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;                  /* UTF-8 byte order mark */
  gchar **lines = g_strsplit (text, "\n", -1);
  gchar *section = NULL;        /* current top-level section */
  gboolean section_known = FALSE;
  gint key_indent = -1;         /* indentation of the current section's keys */
  gint skip_deeper_than = -1;   /* skipping a nested block under an ignored key */
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE;

  for (guint ln = 0; lines[ln] && ok; ln++) {
    guint lineno = ln + 1;
    gchar *raw = lines[ln];
    gsize len = strlen (raw);
    if (len > 0 && raw[len - 1] == '\r')
      raw[len - 1] = '\0';
    strip_comment (raw);
    gint indent = 0;
    while (raw[indent] == ' ')
      indent++;
    if (raw[indent] == '\t') {
      ok = fail (error, name, lineno, "tab in indentation (YAML allows spaces only)");
      break;
    }
    g_strchomp (raw);
    gchar *body = raw + indent;
    if (*body == '\0')
      continue;
    if (indent == 0 && (*body == '%' || g_str_has_prefix (body, "---") || g_str_has_prefix (body, "...")))
      continue;                 /* %YAML directive, document markers */
    if (skip_deeper_than >= 0) {
      if (indent > skip_deeper_than)
        continue;
      skip_deeper_than = -1;
    }
    if (*body == '-') {
      ok = fail (error, name, lineno, "unexpected sequence item '%s' (expected 'key: value')", body);
      break;
    }
    gchar *colon = strchr (body, ':');
    /* a key ends at the first ": " or at a ':' closing the line */
    while (colon && colon[1] != '\0' && colon[1] != ' ')
      colon = strchr (colon + 1, ':');
    if (!colon) {
      ok = fail (error, name, lineno, "expected 'key: value' or 'Section:', got '%s'", body);
      break;
    }
    *colon = '\0';
    gchar *key = g_strstrip (body);
    gchar *value = g_strstrip (colon + 1);
    if (*key == '\0') {
      ok = fail (error, name, lineno, "empty key");
      break;
    }

    if (indent == 0) {
      if (*value != '\0') {
        note (notes, "%s:%u: top-level key '%s' is not part of any section; ignored", name, lineno, key);
        g_clear_pointer (&section, g_free);     /* the previous section ended here */
        continue;
      }
      g_free (section);
      section = g_strdup (key);
      key_indent = -1;
      section_known = g_strv_contains (known_sections, section);
      if (!section_known)
        note (notes, "%s:%u: section '%s' is not an NvMultiObjectTracker section; ignored", name, lineno,
            section);
      gchar *sk = g_strconcat (section, ":", NULL);
      if (!g_hash_table_add (seen, sk)) {
        ok = fail (error, name, lineno, "duplicate section '%s'", section);
        break;
      }
      continue;
    }

    if (!section) {
      ok = fail (error, name, lineno, "indented key '%s' outside of any section", key);
      break;
    }
    if (key_indent < 0)
      key_indent = indent;
    if (indent != key_indent) {
      ok = fail (error, name, lineno, "inconsistent indentation of '%s' in section '%s' (%d spaces, expected %d)",
          key, section, indent, key_indent);
      break;
    }
    gchar *full = g_strdup_printf ("%s.%s", section, key);
    if (!g_hash_table_add (seen, full)) {
      ok = fail (error, name, lineno, "duplicate key '%s.%s'", section, key);
      break;
    }
    if (!section_known)
      continue;
    const KeyDef *def = NULL;
    for (gsize i = 0; i < G_N_ELEMENTS (honoured); i++)
      if (!strcmp (honoured[i].section, section) && !strcmp (honoured[i].key, key))
        def = &honoured[i];
    if (*value == '\0') {
      if (def) {
        ok = fail (error, name, lineno, "%s.%s has no value", section, key);
        break;
      }
      skip_deeper_than = indent;        /* nested mapping under an ignored key */
      note (notes, "%s:%u: %s.%s (nested) accepted, not used by dsnettracker", name, lineno, section, key);
      continue;
    }
    unquote (value);
    if (!def) {
      note (notes, "%s:%u: %s.%s accepted, not used by dsnettracker", name, lineno, section, key);
      continue;
    }
    ok = apply (cfg, def, value, name, lineno, error);
  }

  g_hash_table_destroy (seen);
  g_free (section);
  g_strfreev (lines);
  return ok;
}

gboolean
dsnet_tracker_config_load (DsnetTrackerConfig * cfg, const gchar * path, GPtrArray * notes, GError ** error)
{
  g_return_val_if_fail (cfg != NULL && path != NULL, FALSE);
  gchar *text = NULL;
  if (!dsnet_text_file_read (path, "ll-config-file", DSNET_TEXT_FILE_MAX_BYTES, DSNET_TRACKER_CONFIG_ERROR, 0,
          &text, NULL, error))
    return FALSE;
  gboolean ok = dsnet_tracker_config_parse (cfg, text, path, notes, error);
  g_free (text);
  return ok;
}
