/*
 * Gst-nvdspreprocess configuration file reader (DeepStream 6.3 format, shared/spec/nvdsinfer-custom-parser-abi.md
 * §8.2): [property], [group-<N>] with per-source ROIs, [user-configs] of the default tensor library.
 * Errors read `file:line: [group] key: message`. GStreamer-free (GLib only).
 */
#ifndef DSNET_PREPROCESS_CONFIG_H
#define DSNET_PREPROCESS_CONFIG_H

#include <glib.h>

G_BEGIN_DECLS

/* A rectangle in frame pixels. */
typedef struct
{
  gint left, top, width, height;
} DsnetRect;

typedef struct
{
  gchar *name;                  /* "group-0" */
  gboolean all_sources;         /* src-ids=-1 */
  gint *src_ids;
  guint n_src_ids;
  gboolean process_on_roi;
  gboolean draw_roi;
  gdouble roi_color[4];
  GHashTable *rois;             /* source id (GINT_TO_POINTER) -> GArray of DsnetRect */
  GArray *shared_rois;          /* all_sources: the ROIs used for a source without its own key (or NULL) */
} DsnetPreprocessGroup;

typedef struct
{
  gchar *path;
  gchar *dir;
  gboolean enable;
  gint unique_id;
  gint gpu_id;
  gboolean process_on_frame;
  gint operate_on_gie_id;
  guint64 *target_ids;
  guint n_target_ids;
  gint processing_width, processing_height;
  gboolean maintain_aspect_ratio, symmetric_padding;
  gint network_input_order;     /* 0 NCHW, 1 NHWC */
  gint shape[4];                /* network-input-shape: batch first */
  gint color_format;            /* 0 RGB, 1 BGR, 2 GRAY */
  gint channels;
  gint data_type;               /* NvDsDataType: only 0 (FP32) here */
  gchar *tensor_name;
  gint scaling_filter;
  gint memory_type;
  gchar *custom_lib_path;
  gchar *tensor_function;
  gdouble pixel_normalization_factor;
  gdouble offsets[4];
  guint n_offsets;
  GPtrArray *groups;            /* of DsnetPreprocessGroup, in file order */
  GPtrArray *warnings;          /* "file:line: [group] key: message" */
  GHashTable *key_lines;
} DsnetPreprocessConfig;

DsnetPreprocessConfig *dsnet_preprocess_config_load (const gchar * path, GError ** error);
DsnetPreprocessConfig *dsnet_preprocess_config_load_from_data (const gchar * path, const gchar * data,
    gsize length, GError ** error);
void dsnet_preprocess_config_free (DsnetPreprocessConfig * config);

/* The group handling `source_id` (the first one in file order that lists it), or NULL. */
const DsnetPreprocessGroup *dsnet_preprocess_config_group_for (const DsnetPreprocessConfig * config,
    guint source_id);

/* The ROIs of `source_id` in `group` (NULL when the group has none for it). */
const GArray *dsnet_preprocess_group_rois (const DsnetPreprocessGroup * group, guint source_id);

G_END_DECLS

#endif
