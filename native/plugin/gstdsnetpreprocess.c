/*
 * dsnetpreprocess — the portable counterpart of Gst-nvdspreprocess (frame/ROI mode): reads its config file,
 * scales every unit (ROI or whole frame) of the batch to the network size with nvinfer's preprocessing, packs
 * them into FP32 tensors of network-input-shape[0] units and attaches each as a GstNvDsPreProcessBatchMeta
 * (NVDS_PREPROCESS_BATCH_META) for dsnetinfer / nvinfer with input-tensor-meta. Pixels are never modified.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "gstdsnetpreprocess.h"

#include <string.h>

#include "dsnetbatch.h"
#include "elements.h"
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"
#include "infer_config.h"
#include "preprocess_batch_meta.h"
#include "preprocess_config.h"
#include "preprocess_units.h"

GST_DEBUG_CATEGORY_STATIC (gst_dsnet_preprocess_debug);
#define GST_CAT_DEFAULT gst_dsnet_preprocess_debug

#define DEFAULT_UNIQUE_ID 15
#define ROI_BORDER_WIDTH 2

enum
{
  PROP_0,
  PROP_UNIQUE_ID,
  PROP_ENABLE,
  PROP_GPU_ID,
  PROP_PROCESS_ON_FRAME,
  PROP_OPERATE_ON_GIE_ID,
  PROP_TARGET_UNIQUE_IDS,
  PROP_CONFIG_FILE,
};

struct _GstDsNetPreprocess
{
  GstBaseTransform parent;

  gchar *config_file;
  DsnetPreprocessConfig *cfg;   /* parsed when config-file is set; later properties write into it */
  GError *cfg_error;
  /* property values (mirrors of cfg once it is loaded) */
  guint unique_id;
  gboolean enable;
  guint gpu_id;
  gboolean process_on_frame;
  gint operate_on_gie_id;
  gchar *target_unique_ids;

  DsnetPreprocess pp;
  gint width, height;
  guint meta_id;
};

G_DEFINE_TYPE (GstDsNetPreprocess, gst_dsnet_preprocess, GST_TYPE_BASE_TRANSFORM);
GST_ELEMENT_REGISTER_DEFINE (dsnetpreprocess, "dsnetpreprocess", GST_RANK_NONE, GST_TYPE_DSNET_PREPROCESS);

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink", GST_PAD_SINK,
    GST_PAD_ALWAYS, GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));
static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src", GST_PAD_SRC,
    GST_PAD_ALWAYS, GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));

/* ---------------------------------------------------------------------------------------- metadata */

static void
batch_meta_release (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  dsnet_preprocess_batch_meta_free (um->user_meta_data);
  um->user_meta_data = NULL;
}

/* One display rectangle outlining a unit (draw-roi); dms[frame] is the frame's display meta in use. */
static void
draw_unit (NvDsBatchMeta * batch, NvDsFrameMeta * f, NvDsDisplayMeta ** dm, const DsnetPreprocessUnit * u)
{
  if (*dm == NULL || (*dm)->num_rects >= MAX_ELEMENTS_IN_DISPLAY_META) {
    *dm = nvds_acquire_display_meta_from_pool (batch);
    if (*dm == NULL)
      return;
    nvds_add_display_meta_to_frame (f, *dm);
  }
  NvOSD_RectParams *r = &(*dm)->rect_params[(*dm)->num_rects++];
  memset (r, 0, sizeof (*r));
  r->left = (gfloat) u->roi.left;
  r->top = (gfloat) u->roi.top;
  r->width = (gfloat) u->roi.width;
  r->height = (gfloat) u->roi.height;
  r->border_width = ROI_BORDER_WIDTH;
  r->border_color.red = u->group->roi_color[0];
  r->border_color.green = u->group->roi_color[1];
  r->border_color.blue = u->group->roi_color[2];
  r->border_color.alpha = u->group->roi_color[3];
}

/* Units [start, start + count) → one tensor + one batch user meta. */
static void
attach_tensor (GstDsNetPreprocess * self, NvDsBatchMeta * batch, NvDsFrameMeta ** frames,
    NvDsDisplayMeta ** dms, const guint8 * pixels, const DsnetPreprocessUnit * units, guint count)
{
  DsnetPreprocessConfig *c = self->cfg;
  const gsize slice = dsnet_preprocess_slice_floats (c);
  const guint configured = (guint) c->shape[0];
  const gint stride = self->width * DSNET_BATCH_BYTES_PER_PIXEL;
  const gsize frame_bytes = dsnet_batch_frame_size (self->width, self->height);
  gfloat *tensor = g_new0 (gfloat, slice * configured);
  gpointer meta = dsnet_preprocess_batch_meta_new (c->target_ids, c->n_target_ids, tensor,
      (guint64) slice * sizeof (gfloat) * count, c->shape, 4, c->tensor_name, c->gpu_id, self->meta_id++);
  for (guint i = 0; i < count; i++) {
    const DsnetPreprocessUnit *u = &units[i];
    NvDsFrameMeta *f = frames[u->frame];
    DsnetScaleInfo scale;
    dsnet_preprocess_rgba (&self->pp, pixels + frame_bytes * f->batch_id, stride, u->crop_left, u->crop_top,
        u->crop_w, u->crop_h, tensor + slice * i, &scale);
    NvDsRoiMeta *roi = dsnet_preprocess_batch_meta_add_roi (meta);
    roi->roi.left = (gfloat) u->roi.left;
    roi->roi.top = (gfloat) u->roi.top;
    roi->roi.width = (gfloat) u->roi.width;
    roi->roi.height = (gfloat) u->roi.height;
    roi->frame_meta = f;
    roi->scale_ratio_x = scale.ratio_x;
    roi->scale_ratio_y = scale.ratio_y;
    roi->offset_left = scale.offset_left;
    roi->offset_top = scale.offset_top;
    if (u->group->draw_roi)
      draw_unit (batch, f, &dms[u->frame], u);
  }
  NvDsUserMeta *um = nvds_acquire_user_meta_from_pool (batch);
  if (um == NULL) {
    dsnet_preprocess_batch_meta_free (meta);
    return;
  }
  um->user_meta_data = meta;
  um->base_meta.meta_type = NVDS_PREPROCESS_BATCH_META;
  um->base_meta.copy_func = NULL;       /* as nvdspreprocess: not copyable */
  um->base_meta.release_func = batch_meta_release;
  nvds_add_user_meta_to_batch (batch, um);
}

static GstFlowReturn
gst_dsnet_preprocess_transform_ip (GstBaseTransform * trans, GstBuffer * buf)
{
  GstDsNetPreprocess *self = GST_DSNET_PREPROCESS (trans);
  if (!self->cfg->enable)
    return GST_FLOW_OK;
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  if (batch == NULL) {
    GST_ELEMENT_ERROR (self, STREAM, FORMAT, ("buffer without NvDsBatchMeta"),
        ("dsnetpreprocess needs batched buffers from dsnetstreammux"));
    return GST_FLOW_ERROR;
  }
  GstMapInfo map;
  if (!gst_buffer_map (buf, &map, GST_MAP_READ)) {
    GST_ELEMENT_ERROR (self, RESOURCE, READ, ("cannot map the batched buffer"), (NULL));
    return GST_FLOW_ERROR;
  }
  const gsize frame_bytes = dsnet_batch_frame_size (self->width, self->height);
  guint n = g_list_length (batch->frame_meta_list), k = 0;
  NvDsFrameMeta **frames = g_new0 (NvDsFrameMeta *, MAX (n, 1));
  guint *sources = g_new0 (guint, MAX (n, 1));
  GstFlowReturn ret = GST_FLOW_OK;
  for (GList * l = batch->frame_meta_list; l; l = l->next, k++) {
    frames[k] = l->data;
    sources[k] = frames[k]->source_id;
    if ((gsize) (frames[k]->batch_id + 1) * frame_bytes > map.size) {
      GST_ELEMENT_ERROR (self, STREAM, FORMAT, ("frame meta batch_id %u is outside the buffer",
              frames[k]->batch_id), (NULL));
      ret = GST_FLOW_ERROR;
    }
  }
  if (ret == GST_FLOW_OK) {
    GArray *units = g_array_new (FALSE, FALSE, sizeof (DsnetPreprocessUnit));
    dsnet_preprocess_plan_units (self->cfg, sources, n, self->width, self->height, units);
    const guint per = (guint) self->cfg->shape[0];
    NvDsDisplayMeta **dms = g_new0 (NvDsDisplayMeta *, MAX (n, 1));
    nvds_acquire_meta_lock (batch);
    for (guint start = 0; start < units->len; start += per)
      attach_tensor (self, batch, frames, dms, map.data, &g_array_index (units, DsnetPreprocessUnit, start),
          MIN (per, units->len - start));
    nvds_release_meta_lock (batch);
    g_free (dms);
    g_array_unref (units);
  }
  g_free (frames);
  g_free (sources);
  gst_buffer_unmap (buf, &map);
  return ret;
}

/* ---------------------------------------------------------------------------------------- lifecycle */

static gboolean
gst_dsnet_preprocess_start (GstBaseTransform * trans)
{
  GstDsNetPreprocess *self = GST_DSNET_PREPROCESS (trans);
  if (self->cfg_error != NULL) {
    GST_ELEMENT_ERROR (self, LIBRARY, SETTINGS, ("%s", self->cfg_error->message), (NULL));
    return FALSE;
  }
  if (self->cfg == NULL) {
    GST_ELEMENT_ERROR (self, LIBRARY, SETTINGS, ("config-file is not set"),
        ("dsnetpreprocess needs an nvdspreprocess config file (property config-file)"));
    return FALSE;
  }
  for (guint i = 0; i < self->cfg->warnings->len; i++)
    GST_ELEMENT_WARNING (self, LIBRARY, SETTINGS, ("%s", (const gchar *) g_ptr_array_index (self->cfg->warnings,
                i)), (NULL));
  dsnet_preprocess_config_network (self->cfg, &self->pp);
  self->meta_id = 0;
  return TRUE;
}

static gboolean
gst_dsnet_preprocess_set_caps (GstBaseTransform * trans, GstCaps * incaps, GstCaps * outcaps)
{
  GstDsNetPreprocess *self = GST_DSNET_PREPROCESS (trans);
  (void) outcaps;
  GstStructure *s = gst_caps_get_structure (incaps, 0);
  if (!gst_structure_get_int (s, "width", &self->width) || !gst_structure_get_int (s, "height",
          &self->height)) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, ("caps without width/height"), (NULL));
    return FALSE;
  }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- properties */

static gchar *
ids_to_string (const guint64 * ids, guint n)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%" G_GUINT64_FORMAT ";", ids[i]);
  return g_string_free (s, FALSE);
}

/* Parses the file now (as nvdspreprocess): its values replace properties set before it. */
static void
load_config (GstDsNetPreprocess * self)
{
  g_clear_pointer (&self->cfg, dsnet_preprocess_config_free);
  g_clear_error (&self->cfg_error);
  if (self->config_file == NULL || *self->config_file == '\0')
    return;
  self->cfg = dsnet_preprocess_config_load (self->config_file, &self->cfg_error);
  if (self->cfg == NULL)
    return;
  self->unique_id = (guint) self->cfg->unique_id;
  self->enable = self->cfg->enable;
  self->gpu_id = (guint) self->cfg->gpu_id;
  self->process_on_frame = self->cfg->process_on_frame;
  self->operate_on_gie_id = self->cfg->operate_on_gie_id;
  g_free (self->target_unique_ids);
  self->target_unique_ids = ids_to_string (self->cfg->target_ids, self->cfg->n_target_ids);
}

static void
gst_dsnet_preprocess_set_property (GObject * object, guint prop_id, const GValue * value,
    GParamSpec * pspec)
{
  GstDsNetPreprocess *self = GST_DSNET_PREPROCESS (object);
  DsnetPreprocessConfig *c;
  GST_OBJECT_LOCK (self);
  c = self->cfg;
  switch (prop_id) {
    case PROP_CONFIG_FILE:
      g_free (self->config_file);
      self->config_file = g_value_dup_string (value);
      load_config (self);
      break;
    case PROP_UNIQUE_ID:
      self->unique_id = g_value_get_uint (value);
      if (c)
        c->unique_id = (gint) self->unique_id;
      break;
    case PROP_ENABLE:
      self->enable = g_value_get_boolean (value);
      if (c)
        c->enable = self->enable;
      break;
    case PROP_GPU_ID:
      self->gpu_id = g_value_get_uint (value);
      if (c)
        c->gpu_id = (gint) self->gpu_id;
      break;
    case PROP_PROCESS_ON_FRAME:
      self->process_on_frame = g_value_get_boolean (value);
      if (!self->process_on_frame)
        g_warning ("dsnetpreprocess: process-on-frame=0 (object mode) is not supported yet");
      break;
    case PROP_OPERATE_ON_GIE_ID:
      self->operate_on_gie_id = g_value_get_int (value);
      break;
    case PROP_TARGET_UNIQUE_IDS:{
      gint *ids = NULL;
      guint n = 0;
      const gchar *s = g_value_get_string (value);
      if (!dsnet_infer_parse_id_list (s ? s : "", &ids, &n)) {
        g_warning ("dsnetpreprocess: target-unique-ids: '%s' is not a ';'-separated list of ids", s);
        break;
      }
      g_free (self->target_unique_ids);
      guint64 *ids64 = g_new0 (guint64, n + 1);
      for (guint i = 0; i < n; i++)
        ids64[i] = (guint64) ids[i];
      self->target_unique_ids = ids_to_string (ids64, n);
      if (c) {
        g_free (c->target_ids);
        c->target_ids = ids64;
        c->n_target_ids = n;
      } else {
        g_free (ids64);
      }
      g_free (ids);
      break;
    }
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_preprocess_get_property (GObject * object, guint prop_id, GValue * value, GParamSpec * pspec)
{
  GstDsNetPreprocess *self = GST_DSNET_PREPROCESS (object);
  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_CONFIG_FILE:
      g_value_set_string (value, self->config_file);
      break;
    case PROP_UNIQUE_ID:
      g_value_set_uint (value, self->unique_id);
      break;
    case PROP_ENABLE:
      g_value_set_boolean (value, self->enable);
      break;
    case PROP_GPU_ID:
      g_value_set_uint (value, self->gpu_id);
      break;
    case PROP_PROCESS_ON_FRAME:
      g_value_set_boolean (value, self->process_on_frame);
      break;
    case PROP_OPERATE_ON_GIE_ID:
      g_value_set_int (value, self->operate_on_gie_id);
      break;
    case PROP_TARGET_UNIQUE_IDS:
      g_value_set_string (value, self->target_unique_ids ? self->target_unique_ids : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_preprocess_finalize (GObject * object)
{
  GstDsNetPreprocess *self = GST_DSNET_PREPROCESS (object);
  g_free (self->config_file);
  g_free (self->target_unique_ids);
  g_clear_pointer (&self->cfg, dsnet_preprocess_config_free);
  g_clear_error (&self->cfg_error);
  G_OBJECT_CLASS (gst_dsnet_preprocess_parent_class)->finalize (object);
}

static void
gst_dsnet_preprocess_class_init (GstDsNetPreprocessClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *bt_class = GST_BASE_TRANSFORM_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY;

  GST_DEBUG_CATEGORY_INIT (gst_dsnet_preprocess_debug, "dsnetpreprocess", 0, "DeepStreamNet preprocess");
  gobject_class->set_property = gst_dsnet_preprocess_set_property;
  gobject_class->get_property = gst_dsnet_preprocess_get_property;
  gobject_class->finalize = gst_dsnet_preprocess_finalize;

  g_object_class_install_property (gobject_class, PROP_UNIQUE_ID,
      g_param_spec_uint ("unique-id", "Unique ID", "Unique id of this element", 0, G_MAXUINT,
          DEFAULT_UNIQUE_ID, rw));
  g_object_class_install_property (gobject_class, PROP_ENABLE,
      g_param_spec_boolean ("enable", "Enable", "FALSE: pure passthrough", TRUE, rw));
  g_object_class_install_property (gobject_class, PROP_GPU_ID,
      g_param_spec_uint ("gpu-id", "GPU id", "Accepted for nvdspreprocess compatibility; copied into the "
          "tensor meta", 0, G_MAXUINT, 0, rw));
  g_object_class_install_property (gobject_class, PROP_PROCESS_ON_FRAME,
      g_param_spec_boolean ("process-on-frame", "Process on frame", "TRUE: frames/ROIs (FALSE, objects, is "
          "not supported yet)", TRUE, rw));
  g_object_class_install_property (gobject_class, PROP_OPERATE_ON_GIE_ID,
      g_param_spec_int ("operate-on-gie-id", "Operate on GIE id", "Object mode only (not supported yet)", -1,
          G_MAXINT, -1, rw));
  g_object_class_install_property (gobject_class, PROP_TARGET_UNIQUE_IDS,
      g_param_spec_string ("target-unique-ids", "Target unique ids", "';'-separated gie ids the tensors are "
          "for", "", rw));
  g_object_class_install_property (gobject_class, PROP_CONFIG_FILE,
      g_param_spec_string ("config-file", "Config file", "nvdspreprocess config file (parsed when set: its "
          "values replace properties set before it)", NULL, rw));

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "DeepStreamNet preprocess", "Filter/Video",
      "nvdspreprocess-compatible ROI tensors on the CPU: scales frames or ROIs to the network input and "
      "attaches them as NVDS_PREPROCESS_BATCH_META for dsnetinfer input-tensor-meta", "DeepStreamNet");

  bt_class->start = GST_DEBUG_FUNCPTR (gst_dsnet_preprocess_start);
  bt_class->set_caps = GST_DEBUG_FUNCPTR (gst_dsnet_preprocess_set_caps);
  bt_class->transform_ip = GST_DEBUG_FUNCPTR (gst_dsnet_preprocess_transform_ip);
}

static void
gst_dsnet_preprocess_init (GstDsNetPreprocess * self)
{
  self->unique_id = DEFAULT_UNIQUE_ID;
  self->enable = TRUE;
  self->process_on_frame = TRUE;
  self->operate_on_gie_id = -1;
  gst_base_transform_set_in_place (GST_BASE_TRANSFORM (self), TRUE);
  gst_base_transform_set_passthrough (GST_BASE_TRANSFORM (self), FALSE);
}
