/*
 * dsnettracker — see gstdsnettracker.h and native/plugin/README.md (## dsnettracker).
 *
 * A GstBaseTransform that runs in passthrough with transform_ip: the pixels are never touched and the
 * buffer is never copied; only the NvDsBatchMeta it carries is edited, under the batch's meta lock
 * (the same contract as nvtracker, which edits metadata of buffers it does not own exclusively).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "gstdsnettracker.h"

#include <string.h>

#include "dsnetbatch.h"
#include "elements.h"
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

GST_DEBUG_CATEGORY_STATIC (gst_dsnet_tracker_debug);
#define GST_CAT_DEFAULT gst_dsnet_tracker_debug

enum
{
  PROP_0,
  PROP_TRACKER_WIDTH,
  PROP_TRACKER_HEIGHT,
  PROP_GPU_ID,
  PROP_LL_LIB_FILE,
  PROP_LL_CONFIG_FILE,
  PROP_DISPLAY_TRACKING_ID,
  PROP_TRACKING_ID_RESET_MODE,
  PROP_TRACKING_SURFACE_TYPE,
  PROP_COMPUTE_HW,
  PROP_USER_META_POOL_SIZE,
  PROP_INPUT_TENSOR_META,
  PROP_TENSOR_META_GIE_ID,
};

#define DEFAULT_TRACKER_WIDTH 960
#define DEFAULT_TRACKER_HEIGHT 544
#define DEFAULT_RESET_MODE 0
#define DEFAULT_USER_META_POOL_SIZE 16

/* tracking-id-reset-mode bit 0: terminate a source's targets on stream reset (flush). */
#define RESET_ON_STREAM_RESET(mode) (((mode) & 1u) != 0)

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink", GST_PAD_SINK, GST_PAD_ALWAYS,
    GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));
static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src", GST_PAD_SRC, GST_PAD_ALWAYS,
    GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));

#define gst_dsnet_tracker_parent_class parent_class
G_DEFINE_TYPE (GstDsNetTracker, gst_dsnet_tracker, GST_TYPE_BASE_TRANSFORM);
GST_ELEMENT_REGISTER_DEFINE (dsnettracker, "dsnettracker", GST_RANK_NONE, GST_TYPE_DSNET_TRACKER);

static void
gst_dsnet_tracker_set_property (GObject * object, guint prop_id, const GValue * value, GParamSpec * pspec)
{
  GstDsNetTracker *self = GST_DSNET_TRACKER (object);
  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_TRACKER_WIDTH:
      self->tracker_width = g_value_get_uint (value);
      break;
    case PROP_TRACKER_HEIGHT:
      self->tracker_height = g_value_get_uint (value);
      break;
    case PROP_GPU_ID:
      self->gpu_id = g_value_get_uint (value);
      break;
    case PROP_LL_LIB_FILE:
      g_free (self->ll_lib_file);
      self->ll_lib_file = g_value_dup_string (value);
      break;
    case PROP_LL_CONFIG_FILE:
      g_free (self->ll_config_file);
      self->ll_config_file = g_value_dup_string (value);
      break;
    case PROP_DISPLAY_TRACKING_ID:
      self->display_tracking_id = g_value_get_boolean (value);
      break;
    case PROP_TRACKING_ID_RESET_MODE:
      self->tracking_id_reset_mode = g_value_get_uint (value);
      break;
    case PROP_TRACKING_SURFACE_TYPE:
      self->tracking_surface_type = g_value_get_uint (value);
      break;
    case PROP_COMPUTE_HW:
      self->compute_hw = g_value_get_int (value);
      break;
    case PROP_USER_META_POOL_SIZE:
      self->user_meta_pool_size = g_value_get_uint (value);
      break;
    case PROP_INPUT_TENSOR_META:
      self->input_tensor_meta = g_value_get_boolean (value);
      break;
    case PROP_TENSOR_META_GIE_ID:
      self->tensor_meta_gie_id = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_tracker_get_property (GObject * object, guint prop_id, GValue * value, GParamSpec * pspec)
{
  GstDsNetTracker *self = GST_DSNET_TRACKER (object);
  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_TRACKER_WIDTH:
      g_value_set_uint (value, self->tracker_width);
      break;
    case PROP_TRACKER_HEIGHT:
      g_value_set_uint (value, self->tracker_height);
      break;
    case PROP_GPU_ID:
      g_value_set_uint (value, self->gpu_id);
      break;
    case PROP_LL_LIB_FILE:
      g_value_set_string (value, self->ll_lib_file);
      break;
    case PROP_LL_CONFIG_FILE:
      g_value_set_string (value, self->ll_config_file);
      break;
    case PROP_DISPLAY_TRACKING_ID:
      g_value_set_boolean (value, self->display_tracking_id);
      break;
    case PROP_TRACKING_ID_RESET_MODE:
      g_value_set_uint (value, self->tracking_id_reset_mode);
      break;
    case PROP_TRACKING_SURFACE_TYPE:
      g_value_set_uint (value, self->tracking_surface_type);
      break;
    case PROP_COMPUTE_HW:
      g_value_set_int (value, self->compute_hw);
      break;
    case PROP_USER_META_POOL_SIZE:
      g_value_set_uint (value, self->user_meta_pool_size);
      break;
    case PROP_INPUT_TENSOR_META:
      g_value_set_boolean (value, self->input_tensor_meta);
      break;
    case PROP_TENSOR_META_GIE_ID:
      g_value_set_uint (value, self->tensor_meta_gie_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

/*
 * What a tracked object looked like when the detector last saw it, for the objects this element adds on frames
 * the detector skipped: the same component, class, label, colours and font, at the tracker's predicted box.
 */
typedef struct
{
  guint source_id;
  gint unique_component_id;
  gint class_id;
  gchar obj_label[MAX_LABEL_SIZE];
  NvOSD_RectParams rect;        /* border and colours (the box is replaced) */
  NvOSD_TextParams text;        /* font and colours; display_text unset, font_name interned */
  gchar *base_text;             /* the display text before the tracking id was appended */
} CarryStyle;

static void
carry_style_free (gpointer p)
{
  CarryStyle *st = p;
  g_free (st->base_text);
  g_free (st);
}

static void
remember_style (GstDsNetTracker * self, guint source_id, const NvDsObjectMeta * obj)
{
  CarryStyle *st = g_hash_table_lookup (self->styles, &obj->object_id);
  if (st == NULL) {
    st = g_new0 (CarryStyle, 1);
    guint64 *key = g_new (guint64, 1);
    *key = obj->object_id;
    g_hash_table_insert (self->styles, key, st);
  }
  st->source_id = source_id;
  st->unique_component_id = obj->unique_component_id;
  st->class_id = obj->class_id;
  g_strlcpy (st->obj_label, obj->obj_label, sizeof st->obj_label);
  st->rect = obj->rect_params;
  st->text = obj->text_params;
  st->text.display_text = NULL;
  /* a probe may have set any font name; the added objects must not point into memory that can go away */
  st->text.font_params.font_name = (gchar *) g_intern_string (obj->text_params.font_params.font_name);
  g_free (st->base_text);
  st->base_text = g_strdup (obj->text_params.display_text);
}

typedef struct
{
  guint source_id;
  const DsnetTrkTarget *live;
  gsize n_live;
} PruneCtx;

static gboolean
style_gone (gpointer key, gpointer value, gpointer data)
{
  const CarryStyle *st = value;
  const PruneCtx *c = data;
  if (st->source_id != c->source_id)
    return FALSE;
  guint64 id = *(const guint64 *) key;
  for (gsize i = 0; i < c->n_live; i++)
    if (c->live[i].id == id)
      return FALSE;
  return TRUE;
}

/* Drops the styles of a source's objects whose targets have ended. */
static void
prune_styles (GstDsNetTracker * self, guint source_id)
{
  gsize live = dsnet_tracker_get_targets (self->core, source_id, NULL, 0);
  g_array_set_size (self->targets, live);
  PruneCtx c = { source_id, (const DsnetTrkTarget *) (gpointer) self->targets->data, 0 };
  c.n_live = dsnet_tracker_get_targets (self->core, source_id, (DsnetTrkTarget *) (gpointer) self->targets->data,
      live);
  g_hash_table_foreach_remove (self->styles, style_gone, &c);
}

static gboolean
style_of_source (gpointer key, gpointer value, gpointer data)
{
  (void) key;
  return ((const CarryStyle *) value)->source_id == GPOINTER_TO_UINT (data);
}

static gboolean
gst_dsnet_tracker_start (GstBaseTransform * trans)
{
  GstDsNetTracker *self = GST_DSNET_TRACKER (trans);
  DsnetTrackerConfig cfg;
  dsnet_tracker_config_init (&cfg);

  GST_OBJECT_LOCK (self);
  gchar *config_file = g_strdup (self->ll_config_file);
  gchar *lib_file = g_strdup (self->ll_lib_file);
  gint compute_hw = self->compute_hw;
  gboolean tensor = self->input_tensor_meta;
  GST_OBJECT_UNLOCK (self);

  if (lib_file && *lib_file)
    GST_INFO_OBJECT (self, "ll-lib-file '%s' ignored: dsnettracker has its own built-in IoU tracker", lib_file);
  if (compute_hw != 0)
    GST_INFO_OBJECT (self, "compute-hw=%d ignored: tracking runs on the CPU in frame coordinates", compute_hw);
  if (tensor)
    GST_INFO_OBJECT (self, "input-tensor-meta ignored: dsnettracker does not use re-identification tensors");

  if (config_file && *config_file) {
    GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
    GError *err = NULL;
    gboolean ok = dsnet_tracker_config_load (&cfg, config_file, notes, &err);
    for (guint i = 0; i < notes->len; i++)
      GST_INFO_OBJECT (self, "%s", (const gchar *) g_ptr_array_index (notes, i));
    g_ptr_array_unref (notes);
    if (!ok) {
      GST_ELEMENT_ERROR (self, RESOURCE, SETTINGS, ("Invalid ll-config-file: %s", err->message),
          ("ll-config-file=%s", config_file));
      g_error_free (err);
      g_free (config_file);
      g_free (lib_file);
      return FALSE;
    }
  } else {
    GST_INFO_OBJECT (self, "no ll-config-file: using the built-in defaults");
  }
  g_free (config_file);
  g_free (lib_file);

  GST_DEBUG_OBJECT (self, "config: minDetectorConfidence=%g probationAge=%u maxShadowTrackingAge=%u "
      "earlyTerminationAge=%u maxTargetsPerStream=%u minMatchingScore4Iou=%g matcher=%d checkClassMatch=%d",
      cfg.min_detector_confidence, cfg.probation_age, cfg.max_shadow_tracking_age, cfg.early_termination_age,
      cfg.max_targets_per_stream, cfg.min_score_iou, cfg.matcher, cfg.check_class_match);

  g_mutex_lock (&self->lock);
  dsnet_tracker_free (self->core);
  self->core = dsnet_tracker_new (&cfg);
  self->warned_no_meta = FALSE;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static gboolean
gst_dsnet_tracker_stop (GstBaseTransform * trans)
{
  GstDsNetTracker *self = GST_DSNET_TRACKER (trans);
  g_mutex_lock (&self->lock);
  dsnet_tracker_free (self->core);
  self->core = NULL;
  g_hash_table_remove_all (self->styles);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static guint
reset_mode (GstDsNetTracker * self)
{
  GST_OBJECT_LOCK (self);
  guint mode = self->tracking_id_reset_mode;
  GST_OBJECT_UNLOCK (self);
  return mode;
}

static gboolean
gst_dsnet_tracker_set_caps (GstBaseTransform * trans, GstCaps * incaps, GstCaps * outcaps)
{
  GstDsNetTracker *self = GST_DSNET_TRACKER (trans);
  (void) outcaps;
  const GstStructure *s = gst_caps_get_structure (incaps, 0);
  gint w = 0, h = 0;
  if (!gst_structure_get_int (s, "width", &w) || !gst_structure_get_int (s, "height", &h)) {
    GST_ERROR_OBJECT (self, "caps without width/height: %" GST_PTR_FORMAT, incaps);
    return FALSE;
  }
  self->width = w;
  self->height = h;
  return TRUE;
}

static gboolean
gst_dsnet_tracker_sink_event (GstBaseTransform * trans, GstEvent * event)
{
  GstDsNetTracker *self = GST_DSNET_TRACKER (trans);

  switch (GST_EVENT_TYPE (event)) {
    case GST_EVENT_EOS:
      /* Every stream is over: nothing can be matched again. */
      g_mutex_lock (&self->lock);
      if (self->core)
        dsnet_tracker_reset_all (self->core);
      g_hash_table_remove_all (self->styles);
      g_mutex_unlock (&self->lock);
      GST_DEBUG_OBJECT (self, "EOS: all targets terminated");
      break;
    case GST_EVENT_FLUSH_STOP:
      if (RESET_ON_STREAM_RESET (reset_mode (self))) {
        g_mutex_lock (&self->lock);
        if (self->core)
          dsnet_tracker_reset_all (self->core);
        g_hash_table_remove_all (self->styles);
        g_mutex_unlock (&self->lock);
        GST_DEBUG_OBJECT (self, "flush: all targets terminated (tracking-id-reset-mode)");
      }
      break;
    case GST_EVENT_CUSTOM_DOWNSTREAM:
    case GST_EVENT_CUSTOM_DOWNSTREAM_OOB:{
      const GstStructure *s = gst_event_get_structure (event);
      gboolean is_eos = s && gst_structure_has_name (s, DSNET_STREAM_EOS_EVENT);
      gboolean is_reset = s && gst_structure_has_name (s, DSNET_STREAM_RESET_EVENT);
      if (!is_eos && !is_reset)
        break;
      guint id = 0;
      if (!gst_structure_get_uint (s, "stream-id", &id)) {
        gint sid = -1;
        if (!gst_structure_get_int (s, "stream-id", &sid) || sid < 0) {
          GST_WARNING_OBJECT (self, "custom event '%s' without a valid stream-id field ignored",
              gst_structure_get_name (s));
          break;
        }
        id = (guint) sid;
      }
      if (is_eos || RESET_ON_STREAM_RESET (reset_mode (self))) {
        g_mutex_lock (&self->lock);
        if (self->core)
          dsnet_tracker_reset_source (self->core, id);
        g_hash_table_foreach_remove (self->styles, style_of_source, GUINT_TO_POINTER (id));
        g_mutex_unlock (&self->lock);
        GST_DEBUG_OBJECT (self, "%s: targets of source %u terminated", gst_structure_get_name (s), id);
      }
      break;
    }
    default:
      break;
  }
  return GST_BASE_TRANSFORM_CLASS (parent_class)->sink_event (trans, event);
}

/* Replaces the object's display text by "<label> <id>" (nvtracker's display-tracking-id). */
static void
set_display_text (NvDsObjectMeta * obj)
{
  const gchar *base = obj->text_params.display_text;
  if (!base || !*base)
    base = obj->obj_label;
  gchar *text = *base ? g_strdup_printf ("%s %" G_GUINT64_FORMAT, base, obj->object_id)
      : g_strdup_printf ("%" G_GUINT64_FORMAT, obj->object_id);
  g_free (obj->text_params.display_text);
  obj->text_params.display_text = text;
}

static void
set_coords (NvBbox_Coords * c, const DsnetTrkBox * b)
{
  c->left = b->left;
  c->top = b->top;
  c->width = b->width;
  c->height = b->height;
}

/*
 * A frame the detector skipped: each confirmed target is added as an object at its predicted box, drawn as the
 * detector's object was, with confidence −0.1 (DeepStream's value for objects found by the tracker and not by
 * inference) and no detector box.
 */
static void
carry_frame (GstDsNetTracker * self, NvDsBatchMeta * batch, NvDsFrameMeta * frame, gboolean display_id)
{
  gsize live = dsnet_tracker_get_targets (self->core, frame->source_id, NULL, 0);
  g_array_set_size (self->targets, live);
  DsnetTrkTarget *tg = (DsnetTrkTarget *) (gpointer) self->targets->data;
  gsize n = MIN (dsnet_tracker_carry (self->core, frame->source_id, tg, live), live);
  for (gsize i = 0; i < n; i++) {
    const CarryStyle *st = g_hash_table_lookup (self->styles, &tg[i].id);
    if (st == NULL)
      continue;
    NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (batch);
    if (o == NULL)
      break;
    o->unique_component_id = st->unique_component_id;
    o->class_id = st->class_id;
    o->object_id = tg[i].id;
    o->confidence = -0.1f;
    g_strlcpy (o->obj_label, st->obj_label, sizeof o->obj_label);
    o->rect_params = st->rect;
    o->rect_params.left = tg[i].box.left;
    o->rect_params.top = tg[i].box.top;
    o->rect_params.width = tg[i].box.width;
    o->rect_params.height = tg[i].box.height;
    memset (&o->detector_bbox_info, 0, sizeof o->detector_bbox_info);
    set_coords (&o->tracker_bbox_info.org_bbox_coords, &tg[i].box);
    o->tracker_confidence = tg[i].score;
    g_free (o->text_params.display_text);
    o->text_params = st->text;
    o->text_params.display_text = g_strdup (st->base_text);
    o->text_params.x_offset = (guint) MAX (tg[i].box.left, 0.0f);
    o->text_params.y_offset = (guint) MAX (tg[i].box.top - 10.0f, 0.0f);
    if (display_id)
      set_display_text (o);
    nvds_add_obj_meta_to_frame (frame, o, NULL);
  }
}

/* Whether the detector ran on this frame: nvinfer sets bInferDone (even when it found nothing); objects that came
 * some other way (a probe, a preprocess chain) count as detections too. */
static gboolean
detection_done (const NvDsFrameMeta * frame)
{
  if (frame->bInferDone)
    return TRUE;
  for (NvDsObjectMetaList * l = frame->obj_meta_list; l; l = l->next) {
    const NvDsObjectMeta *obj = l->data;
    if (obj && !obj->parent)
      return TRUE;
  }
  return FALSE;
}

static void
track_frame (GstDsNetTracker * self, NvDsBatchMeta * batch, NvDsFrameMeta * frame, gboolean display_id)
{
  if (!detection_done (frame)) {
    carry_frame (self, batch, frame, display_id);
    return;
  }
  g_array_set_size (self->dets, 0);
  g_ptr_array_set_size (self->objs, 0);
  for (NvDsObjectMetaList * l = frame->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *obj = l->data;
    /* Objects of secondary detectors (with a parent) are not tracked; they keep their ids. */
    if (!obj || obj->parent)
      continue;
    DsnetTrkDetection d;
    memset (&d, 0, sizeof d);
    d.box.left = obj->rect_params.left;
    d.box.top = obj->rect_params.top;
    d.box.width = obj->rect_params.width;
    d.box.height = obj->rect_params.height;
    d.class_id = obj->class_id;
    d.confidence = obj->confidence;
    g_array_append_val (self->dets, d);
    g_ptr_array_add (self->objs, obj);
  }

  DsnetTrkDetection *dets = (DsnetTrkDetection *) (gpointer) self->dets->data;
  guint w = frame->pipeline_width ? frame->pipeline_width : (guint) MAX (self->width, 0);
  guint h = frame->pipeline_height ? frame->pipeline_height : (guint) MAX (self->height, 0);
  dsnet_tracker_update_in_frame (self->core, frame->source_id, dets, self->dets->len, w, h);

  for (guint i = 0; i < self->dets->len; i++) {
    NvDsObjectMeta *obj = g_ptr_array_index (self->objs, i);
    const DsnetTrkDetection *d = &dets[i];
    obj->object_id = d->object_id;
    set_coords (&obj->tracker_bbox_info.org_bbox_coords, &d->tracker_box);
    obj->tracker_confidence = d->tracker_confidence;
    if (d->object_id == UNTRACKED_OBJECT_ID)
      continue;
    remember_style (self, frame->source_id, obj);
    if (display_id)
      set_display_text (obj);
  }
  prune_styles (self, frame->source_id);
}

static GstFlowReturn
gst_dsnet_tracker_transform_ip (GstBaseTransform * trans, GstBuffer * buf)
{
  GstDsNetTracker *self = GST_DSNET_TRACKER (trans);
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  if (!batch) {
    if (!self->warned_no_meta) {
      GST_ELEMENT_WARNING (self, STREAM, FORMAT, ("Buffer without NvDsBatchMeta"),
          ("dsnettracker needs batched buffers from dsnetstreammux; such buffers pass through untracked"));
      self->warned_no_meta = TRUE;
    }
    return GST_FLOW_OK;
  }
  GST_OBJECT_LOCK (self);
  gboolean display_id = self->display_tracking_id;
  GST_OBJECT_UNLOCK (self);

  g_mutex_lock (&self->lock);
  if (!self->core) {
    g_mutex_unlock (&self->lock);
    GST_ELEMENT_ERROR (self, CORE, FAILED, ("Tracker not started"), (NULL));
    return GST_FLOW_ERROR;
  }
  nvds_acquire_meta_lock (batch);
  /* Frames are handled in list order, so two frames of one source in a batch are tracked in order. */
  for (NvDsFrameMetaList * l = batch->frame_meta_list; l; l = l->next) {
    NvDsFrameMeta *frame = l->data;
    if (frame)
      track_frame (self, batch, frame, display_id);
  }
  nvds_release_meta_lock (batch);
  g_mutex_unlock (&self->lock);
  return GST_FLOW_OK;
}

static void
gst_dsnet_tracker_finalize (GObject * object)
{
  GstDsNetTracker *self = GST_DSNET_TRACKER (object);
  g_free (self->ll_lib_file);
  g_free (self->ll_config_file);
  dsnet_tracker_free (self->core);
  g_mutex_clear (&self->lock);
  g_array_unref (self->dets);
  g_ptr_array_unref (self->objs);
  g_array_unref (self->targets);
  g_hash_table_destroy (self->styles);
  G_OBJECT_CLASS (parent_class)->finalize (object);
}

static void
gst_dsnet_tracker_class_init (GstDsNetTrackerClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *trans_class = GST_BASE_TRANSFORM_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY;

  GST_DEBUG_CATEGORY_INIT (gst_dsnet_tracker_debug, "dsnettracker", 0, "DeepStreamNet multi-object tracker");

  gobject_class->set_property = gst_dsnet_tracker_set_property;
  gobject_class->get_property = gst_dsnet_tracker_get_property;
  gobject_class->finalize = gst_dsnet_tracker_finalize;

  g_object_class_install_property (gobject_class, PROP_TRACKER_WIDTH,
      g_param_spec_uint ("tracker-width", "Tracker width",
          "Frame width at which the tracker operates (accepted for nvtracker compatibility; "
          "dsnettracker tracks in frame coordinates)", 0, G_MAXUINT, DEFAULT_TRACKER_WIDTH, rw));
  g_object_class_install_property (gobject_class, PROP_TRACKER_HEIGHT,
      g_param_spec_uint ("tracker-height", "Tracker height",
          "Frame height at which the tracker operates (accepted for nvtracker compatibility; "
          "dsnettracker tracks in frame coordinates)", 0, G_MAXUINT, DEFAULT_TRACKER_HEIGHT, rw));
  g_object_class_install_property (gobject_class, PROP_GPU_ID,
      g_param_spec_uint ("gpu-id", "Set GPU Device ID", "GPU device id (accepted, unused: runs on the CPU)",
          0, G_MAXUINT, 0, rw));
  g_object_class_install_property (gobject_class, PROP_LL_LIB_FILE,
      g_param_spec_string ("ll-lib-file", "Low-level library file",
          "Low-level tracker library (accepted and ignored: the IoU tracker is built in)", NULL, rw));
  g_object_class_install_property (gobject_class, PROP_LL_CONFIG_FILE,
      g_param_spec_string ("ll-config-file", "Low-level library config file",
          "NvMultiObjectTracker YAML config; the keys an IoU tracker can honour are used (see README)", NULL,
          rw));
  g_object_class_install_property (gobject_class, PROP_DISPLAY_TRACKING_ID,
      g_param_spec_boolean ("display-tracking-id", "Display tracking id",
          "Append the tracking id to the object's display text", TRUE, rw | GST_PARAM_MUTABLE_PLAYING));
  g_object_class_install_property (gobject_class, PROP_TRACKING_ID_RESET_MODE,
      g_param_spec_uint ("tracking-id-reset-mode", "Tracking ID reset mode",
          "When targets are terminated: 0 = at a source's EOS only, 1 = also on stream reset (flush, "
          "dsnet-stream-reset); 2 and 3 behave as 0 and 1 (ids are never reused, so they never restart)",
          0, 3, DEFAULT_RESET_MODE, rw | GST_PARAM_MUTABLE_PLAYING));
  g_object_class_install_property (gobject_class, PROP_TRACKING_SURFACE_TYPE,
      g_param_spec_uint ("tracking-surface-type", "Tracking surface type",
          "Surface stream type to track (accepted, unused: every frame is tracked)", 0, G_MAXUINT, 0, rw));
  g_object_class_install_property (gobject_class, PROP_COMPUTE_HW,
      g_param_spec_int ("compute-hw", "Compute hardware",
          "Scaling engine: 0 = default, 1 = GPU, 2 = VIC (accepted, unused: no scaling is done)", 0, 2, 0, rw));
  g_object_class_install_property (gobject_class, PROP_USER_META_POOL_SIZE,
      g_param_spec_uint ("user-meta-pool-size", "User meta pool size",
          "Tracker user-meta pool size (accepted, unused: no tracker user meta is produced)", 1, G_MAXUINT,
          DEFAULT_USER_META_POOL_SIZE, rw));
  g_object_class_install_property (gobject_class, PROP_INPUT_TENSOR_META,
      g_param_spec_boolean ("input-tensor-meta", "Use preprocess tensor meta",
          "Use tensor meta from a GIE (accepted, unused)", FALSE, rw));
  g_object_class_install_property (gobject_class, PROP_TENSOR_META_GIE_ID,
      g_param_spec_uint ("tensor-meta-gie-id", "Tensor meta GIE id",
          "GIE id providing tensor meta (accepted, unused)", 0, G_MAXUINT, 0, rw));

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "DeepStreamNet multi-object tracker",
      "Filter/Video/Analyzer", "Assigns persistent object ids across frames per source (IoU + Kalman), "
      "a portable stand-in for nvtracker", "DeepStreamNet");

  trans_class->start = GST_DEBUG_FUNCPTR (gst_dsnet_tracker_start);
  trans_class->stop = GST_DEBUG_FUNCPTR (gst_dsnet_tracker_stop);
  trans_class->sink_event = GST_DEBUG_FUNCPTR (gst_dsnet_tracker_sink_event);
  trans_class->set_caps = GST_DEBUG_FUNCPTR (gst_dsnet_tracker_set_caps);
  trans_class->transform_ip = GST_DEBUG_FUNCPTR (gst_dsnet_tracker_transform_ip);
  trans_class->transform_ip_on_passthrough = TRUE;
}

static void
gst_dsnet_tracker_init (GstDsNetTracker * self)
{
  self->tracker_width = DEFAULT_TRACKER_WIDTH;
  self->tracker_height = DEFAULT_TRACKER_HEIGHT;
  self->display_tracking_id = TRUE;
  self->tracking_id_reset_mode = DEFAULT_RESET_MODE;
  self->user_meta_pool_size = DEFAULT_USER_META_POOL_SIZE;
  g_mutex_init (&self->lock);
  self->dets = g_array_new (FALSE, FALSE, sizeof (DsnetTrkDetection));
  self->objs = g_ptr_array_new ();
  self->targets = g_array_new (FALSE, FALSE, sizeof (DsnetTrkTarget));
  self->styles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, carry_style_free);
  /* Metadata-only element: never copy or write the pixels. */
  gst_base_transform_set_passthrough (GST_BASE_TRANSFORM (self), TRUE);
  gst_base_transform_set_in_place (GST_BASE_TRANSFORM (self), TRUE);
}
