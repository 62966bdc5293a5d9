/*
 * dsnetinfer — the portable counterpart of nvinfer: reads nvinfer config files, runs ONNX models with ONNX
 * Runtime on the CPU over the frames (primary mode) or the objects (secondary mode) of batched buffers,
 * and writes DeepStream metadata (objects, classifier labels, raw tensor meta). In-place: pixels are never
 * modified.
 */
#define _GNU_SOURCE             /* dladdr */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "gstdsnetinfer.h"

#include <dlfcn.h>
#include <string.h>

#include "dsnet_infer_meta.h"
#include "dsnetbatch.h"
#include "elements.h"
#include "gstnvdsmeta.h"
#include "infer_config.h"
#include "infer_custom_lib.h"
#include "infer_detect.h"
#include "infer_labels.h"
#include "infer_ort.h"
#include "infer_overlap.h"
#include "infer_preprocess.h"
#include "infer_threads.h"
#include "gstdsnetinfer_meta.h"
#include "gstdsnetinfer_tensor_input.h"

GST_DEBUG_CATEGORY_STATIC (gst_dsnet_infer_debug);
#define GST_CAT_DEFAULT gst_dsnet_infer_debug

#define DEFAULT_UNIQUE_ID 15
#define DEFAULT_BATCH_SIZE 1
#define MIN_INPUT_OBJECT_SIZE 16
#define CLASSIFIER_REINFER_GROWTH 1.2
/* Cached classifications of objects not seen for this many batches are dropped (flat memory). */
#define HISTORY_MAX_AGE 300

enum
{
  PROP_0,
  PROP_CONFIG_FILE_PATH,
  PROP_UNIQUE_ID,
  PROP_PROCESS_MODE,
  PROP_BATCH_SIZE,
  PROP_INTERVAL,
  PROP_INFER_ON_GIE_ID,
  PROP_INFER_ON_CLASS_IDS,
  PROP_FILTER_OUT_CLASS_IDS,
  PROP_OUTPUT_TENSOR_META,
  PROP_MODEL_ENGINE_FILE,
  PROP_GPU_ID,
  PROP_INPUT_TENSOR_META,
  PROP_CROP_OBJECTS_TO_ROI_BOUNDARY,
  PROP_INTRA_OP_THREADS,
  PROP_OVERLAP,
  PROP_INTRA_OP_SPINNING,
};

typedef enum
{
  PARSER_DETECTNET_V2,
  PARSER_CUSTOM,                /* from custom-lib-path */
} ParserKind;

/* Cached classification of a tracked object (secondary classifiers re-attach it between inferences). */
typedef struct
{
  gint64 last_frame;            /* frame_num of the last inference */
  guint64 last_seen;            /* batch counter when the object was last seen */
  gdouble area;
  GArray *labels;               /* of NvDsLabelInfo (base_meta unused) */
} ObjectHistory;

/* One image to infer: a whole frame or an object of a frame. */
typedef struct
{
  NvDsFrameMeta *frame;
  NvDsObjectMeta *object;       /* secondary mode */
  gint left, top, w, h;         /* source rectangle (frame pixels) */
  DsnetScaleInfo scale;
  const gfloat *tensor;         /* input-tensor-meta: the prepared input of this unit */
  NvDsRoiMeta *roi;             /* input-tensor-meta: the unit's ROI */
} Unit;

struct _GstDsNetInfer
{
  GstBaseTransform parent;

  /* properties */
  gchar *config_file_path;
  guint unique_id;
  gint process_mode;
  guint batch_size;
  guint interval;
  gint infer_on_gie_id;
  gchar *infer_on_class_ids;
  gchar *filter_out_class_ids;
  gboolean output_tensor_meta;
  gchar *model_engine_file;
  guint gpu_id;
  gboolean input_tensor_meta;
  gboolean crop_objects_to_roi_boundary;
  gint intra_op_threads;
  guint props_set;              /* DsnetInferOverride bits of properties set by the application */
  gboolean intra_op_threads_set;
  gboolean overlap;
  gboolean overlap_set;
  gboolean intra_op_spinning;
  gboolean intra_op_spinning_set;

  /* running state (start → stop) */
  DsnetInferConfig *cfg;
  DsnetInferLabels *labels;
  DsnetOrtModel *model;
  DsnetPreprocess pp;
  gint run_batch;               /* images per ORT run */
  gboolean dynamic_batch;
  gint in_dims_n;
  gint64 in_dims[4];
  gfloat *input;
  gsize input_stride;           /* floats per image */
  /* overlap (primary mode): the worker runs ORT on batch k from input_slots[slot ^ 1], attaches the results
   * and pushes the buffer while the streaming thread preprocesses batch k + 1 into input_slots[slot] */
  DsnetWorker *worker;
  gfloat *input_slots[2];
  guint slot;
  GstBuffer *pending_buf;       /* batch k: the worker's job */
  GArray *pending_units;        /* of Unit */
  gfloat *pending_input;
  gint64 pending_dims[4];
  GstFlowReturn pending_flow;   /* what the worker's last push returned */
  ParserKind parser;
  gint out_a, out_b;            /* DetectNet_v2 outputs: cov and bbox */
  DsnetCustomParser *custom;    /* bbox or classifier parser of custom-lib-path */
  NvDsInferLayerInfo *layers;   /* scratch: one entry per model output */
  guint64 parse_failures;       /* custom parser calls that returned false */
  gboolean tensor_name_warned;
  guint64 batch_counter;
  gint width, height;
  GHashTable *history;          /* secondary classifiers: object key -> ObjectHistory */
  const gchar *classifier_type; /* interned */
};

G_DEFINE_TYPE (GstDsNetInfer, gst_dsnet_infer, GST_TYPE_BASE_TRANSFORM);
GST_ELEMENT_REGISTER_DEFINE (dsnetinfer, "dsnetinfer", GST_RANK_NONE, GST_TYPE_DSNET_INFER);

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink", GST_PAD_SINK,
    GST_PAD_ALWAYS, GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));
static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src", GST_PAD_SRC,
    GST_PAD_ALWAYS, GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));

GType
gst_dsnet_infer_process_mode_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    {GST_DSNET_INFER_PROCESS_MODE_PRIMARY, "Primary (whole frames)", "primary"},
    {GST_DSNET_INFER_PROCESS_MODE_SECONDARY, "Secondary (objects)", "secondary"},
    {0, NULL, NULL},
  };
  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstDsNetInferProcessMode", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

/* ------------------------------------------------------------------------------------------- helpers */

static void
history_free (gpointer p)
{
  ObjectHistory *h = p;
  g_array_unref (h->labels);
  g_free (h);
}

static gboolean
is_trt_only (const DsnetInferConfig * c, GString * keys)
{
  struct
  {
    const gchar *name;
    gboolean set;
  } k[] = {
    {"tlt-encoded-model", c->tlt_encoded_model != NULL},
    {"tlt-model-key", c->tlt_model_key != NULL},
    {"model-engine-file", c->model_engine_file != NULL},
    {"int8-calib-file", c->int8_calib_file != NULL},
    {"uff-file", c->uff_file != NULL},
    {"model-file", c->model_file != NULL},
    {"proto-file", c->proto_file != NULL},
    {"custom-network-config", c->custom_network_config != NULL},
    {"engine-create-func-name", c->engine_create_func_name != NULL},
    {"network-mode", c->network_mode != 0},
    {"enable-dla", c->enable_dla},
    {"output-io-formats", c->output_io_formats != NULL},
    {"layer-device-precision", c->layer_device_precision != NULL},
  };
  for (guint i = 0; i < G_N_ELEMENTS (k); i++)
    if (k[i].set)
      g_string_append_printf (keys, "%s%s", keys->len ? ", " : "", k[i].name);
  return keys->len > 0;
}

/* Posts an element error about a config key ("file:line: [property] key: message"). */
#define CONFIG_ERROR(self, key, ...) G_STMT_START {                                 \
    gchar *where_ = dsnet_infer_config_where ((self)->cfg, "property", key);         \
    gchar *msg_ = g_strdup_printf (__VA_ARGS__);                                     \
    GST_ELEMENT_ERROR (self, LIBRARY, SETTINGS, ("%s: %s", where_, msg_), (NULL));   \
    g_free (msg_);                                                                   \
    g_free (where_);                                                                 \
  } G_STMT_END

static gint
find_output (DsnetOrtModel * m, const gchar * const *needles)
{
  gint found = -1;
  for (guint i = 0; i < dsnet_ort_model_n_outputs (m); i++) {
    gchar *lower = g_ascii_strdown (dsnet_ort_model_output (m, i)->name, -1);
    for (const gchar * const *n = needles; *n; n++)
      if (strstr (lower, *n) != NULL) {
        found = (gint) i;       /* the last match wins, as in nvinfer */
        break;
      }
    g_free (lower);
  }
  return found;
}

static gchar *
output_names (DsnetOrtModel * m)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < dsnet_ort_model_n_outputs (m); i++)
    g_string_append_printf (s, "%s'%s'", i ? ", " : "", dsnet_ort_model_output (m, i)->name);
  return g_string_free (s, FALSE);
}

/* Applies element properties over the file values (spec §1 precedence). */
static void
apply_property_overrides (GstDsNetInfer * self, DsnetInferConfig * c)
{
  guint s = self->props_set;
  if (s & DSNET_OVERRIDE_UNIQUE_ID)
    c->gie_unique_id = (gint) self->unique_id;
  if (s & DSNET_OVERRIDE_PROCESS_MODE)
    c->process_mode = self->process_mode;
  if (s & DSNET_OVERRIDE_INTERVAL)
    c->interval = (gint) self->interval;
  if (s & DSNET_OVERRIDE_GPU_ID)
    c->gpu_id = (gint) self->gpu_id;
  if (s & DSNET_OVERRIDE_BATCH_SIZE)
    c->batch_size = (gint) self->batch_size;
  if (s & DSNET_OVERRIDE_MODEL_ENGINE) {
    g_free (c->model_engine_file);
    c->model_engine_file = self->model_engine_file && *self->model_engine_file
        ? g_strdup (self->model_engine_file) : NULL;
  }
  if (s & DSNET_OVERRIDE_OPERATE_ON) {
    c->operate_on_gie_id = self->infer_on_gie_id;
    g_clear_pointer (&c->operate_on_class_ids, g_free);
    c->n_operate_on_class_ids = 0;
    if (self->infer_on_class_ids && *self->infer_on_class_ids)
      dsnet_infer_parse_id_list (self->infer_on_class_ids, &c->operate_on_class_ids,
          &c->n_operate_on_class_ids);
  }
  if (s & DSNET_OVERRIDE_FILTER_OUT) {
    /* the property replaces the set; the file key only adds to it */
    g_clear_pointer (&c->filter_out_class_ids, g_free);
    c->n_filter_out_class_ids = 0;
    if (self->filter_out_class_ids && *self->filter_out_class_ids)
      dsnet_infer_parse_id_list (self->filter_out_class_ids, &c->filter_out_class_ids,
          &c->n_filter_out_class_ids);
  }
  if (s & DSNET_OVERRIDE_OUTPUT_TENSOR_META)
    c->output_tensor_meta = self->output_tensor_meta;
  if (s & DSNET_OVERRIDE_INPUT_TENSOR_META)
    c->input_tensor_from_meta = self->input_tensor_meta;
  if (s & DSNET_OVERRIDE_CROP_TO_ROI)
    c->crop_objects_to_roi_boundary = self->crop_objects_to_roi_boundary;
  if (self->intra_op_threads_set)
    c->intra_op_threads = self->intra_op_threads;
  if (self->overlap_set)
    c->overlap = self->overlap;
  if (self->intra_op_spinning_set)
    c->intra_op_spinning = self->intra_op_spinning;
}

/* Works out the network input shape from the model and infer-dims; allocates the input buffer. */
static gboolean
setup_input (GstDsNetInfer * self)
{
  DsnetInferConfig *c = self->cfg;
  const DsnetTensorDesc *in = dsnet_ort_model_input (self->model);
  if (in->n_dims != 4) {
    CONFIG_ERROR (self, "onnx-file", "model input '%s' has %zu dimensions; an image input [N,C,H,W] "
        "(or [N,H,W,C] with network-input-order=1) is required", in->name, in->n_dims);
    return FALSE;
  }
  gboolean nhwc = c->network_input_order == 1;
  gint64 mc = nhwc ? in->dims[3] : in->dims[1];
  gint64 mh = nhwc ? in->dims[1] : in->dims[2];
  gint64 mw = nhwc ? in->dims[2] : in->dims[3];
  gint64 want[3] = { mc, mh, mw };
  if (c->has_infer_dims) {
    for (int i = 0; i < 3; i++) {
      if (want[i] > 0 && want[i] != c->infer_dims[i]) {
        CONFIG_ERROR (self, "infer-dims", "%d;%d;%d does not match the model input '%s' (C;H;W = "
            "%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT ")", c->infer_dims[0],
            c->infer_dims[1], c->infer_dims[2], in->name, mc, mh, mw);
        return FALSE;
      }
      want[i] = c->infer_dims[i];
    }
  }
  if (want[0] <= 0 || want[1] <= 0 || want[2] <= 0) {
    CONFIG_ERROR (self, "infer-dims", "the model input '%s' has dynamic dimensions; set infer-dims=C;H;W",
        in->name);
    return FALSE;
  }
  gint channels = c->model_color_format == DSNET_COLOR_GRAY ? 1 : 3;
  if (want[0] != channels) {
    CONFIG_ERROR (self, "model-color-format", "model-color-format=%d needs %d input channel(s) but the "
        "model input '%s' has %" G_GINT64_FORMAT, c->model_color_format, channels, in->name, want[0]);
    return FALSE;
  }
  if (c->n_offsets > 0 && c->n_offsets != (guint) channels) {
    CONFIG_ERROR (self, "offsets", "%u values given but the network has %d channel(s)", c->n_offsets,
        channels);
    return FALSE;
  }
  if (c->mean_file != NULL) {
    CONFIG_ERROR (self, "mean-file", "mean files are not supported by this runtime; use offsets");
    return FALSE;
  }
  self->pp.net_w = (gint) want[2];
  self->pp.net_h = (gint) want[1];
  self->pp.channels = channels;
  self->pp.color_format = c->model_color_format;
  self->pp.nhwc = nhwc;
  self->pp.maintain_aspect_ratio = c->maintain_aspect_ratio;
  self->pp.symmetric_padding = c->symmetric_padding;
  self->pp.scale = (gfloat) c->net_scale_factor;
  for (guint i = 0; i < 4; i++)
    self->pp.mean[i] = i < c->n_offsets ? (gfloat) c->offsets[i] : 0.f;

  self->dynamic_batch = in->dims[0] <= 0;
  self->run_batch = self->dynamic_batch ? c->batch_size : (gint) in->dims[0];
  if (!self->dynamic_batch && self->run_batch != 1 && self->run_batch != c->batch_size)
    GST_WARNING_OBJECT (self, "model batch axis is fixed at %d; batch-size is %d", self->run_batch,
        c->batch_size);
  self->in_dims_n = 4;
  self->in_dims[0] = self->run_batch;
  if (nhwc) {
    self->in_dims[1] = want[1];
    self->in_dims[2] = want[2];
    self->in_dims[3] = want[0];
  } else {
    self->in_dims[1] = want[0];
    self->in_dims[2] = want[1];
    self->in_dims[3] = want[2];
  }
  self->input_stride = (gsize) want[0] * want[1] * want[2];
  self->input = g_new0 (gfloat, self->input_stride * self->run_batch);
  self->input_slots[0] = self->input;
  if (c->overlap && c->process_mode == GST_DSNET_INFER_PROCESS_MODE_PRIMARY && !c->input_tensor_from_meta)
    self->input_slots[1] = g_new0 (gfloat, self->input_stride * self->run_batch);
  return TRUE;
}

/* Folder of libgstdsnet.so: where the project installs libdsnet_parsers.so (bare custom-lib-path names). */
static gchar *
plugin_dir (void)
{
  Dl_info info;
  if (dladdr ((void *) gst_dsnet_infer_get_type, &info) == 0 || info.dli_fname == NULL)
    return NULL;
  return g_path_get_dirname (info.dli_fname);
}

static gboolean
open_custom_parser (GstDsNetInfer * self, const gchar * key, DsnetCustomParserKind kind)
{
  DsnetInferConfig *c = self->cfg;
  const gchar *name = kind == DSNET_CUSTOM_PARSER_BBOX ? c->parse_bbox_func_name
      : c->parse_classifier_func_name;
  gchar *dir = plugin_dir ();
  GError *err = NULL;
  self->custom = dsnet_custom_parser_open (c->custom_lib_path, dir, name, kind, &err);
  g_free (dir);
  if (self->custom == NULL) {
    gchar *lib = dsnet_infer_config_where (c, "property", "custom-lib-path");
    CONFIG_ERROR (self, key, "%s (library from %s)", err->message, lib);
    g_free (lib);
    g_clear_error (&err);
    return FALSE;
  }
  GST_INFO_OBJECT (self, "custom parser %s() from %s", name, dsnet_custom_parser_path (self->custom));
  if (kind == DSNET_CUSTOM_PARSER_BBOX) {
    guint n = (guint) c->num_detected_classes;
    gdouble *pre = g_new0 (gdouble, MAX (n, 1)), *post = g_new0 (gdouble, MAX (n, 1));
    for (guint k = 0; k < n; k++) {
      pre[k] = dsnet_infer_config_class_attrs (c, (gint) k)->pre_cluster_threshold;
      post[k] = dsnet_infer_config_class_attrs (c, (gint) k)->post_cluster_threshold;
    }
    dsnet_custom_parser_set_detection_params (self->custom, n, pre, post);
    g_free (pre);
    g_free (post);
  }
  self->layers = g_new0 (NvDsInferLayerInfo, MAX (dsnet_ort_model_n_outputs (self->model), 1));
  return TRUE;
}

static gboolean
setup_parser (GstDsNetInfer * self)
{
  DsnetInferConfig *c = self->cfg;
  if (c->class_map != NULL) {
    gchar *where = dsnet_infer_config_where (c, "dsnet", "class-map");
    GST_ELEMENT_ERROR (self, LIBRARY, SETTINGS, ("%s: class-map belonged to the former built-in SSD parser; "
            "use a parser of libdsnet_parsers.so that names its classes (UltraFace masked-face: "
            "custom-lib-path=libdsnet_parsers.so, parse-bbox-func-name=NvDsInferParseUltraFaceMask)", where),
        (NULL));
    g_free (where);
    return FALSE;
  }
  if (c->network_type == DSNET_NETWORK_CLASSIFIER && c->parse_classifier_func_name != NULL) {
    if (c->custom_lib_path == NULL) {
      CONFIG_ERROR (self, "parse-classifier-func-name", "'%s' needs custom-lib-path (the library that "
          "exports it); without the key the built-in parser (arg-max per output layer) is used",
          c->parse_classifier_func_name);
      return FALSE;
    }
    return open_custom_parser (self, "parse-classifier-func-name", DSNET_CUSTOM_PARSER_CLASSIFIER);
  }
  if (c->network_type != DSNET_NETWORK_DETECTOR)
    return TRUE;
  const gchar *name = c->parse_bbox_func_name;
  if (name != NULL && c->custom_lib_path != NULL) {
    self->parser = PARSER_CUSTOM;
    return open_custom_parser (self, "parse-bbox-func-name", DSNET_CUSTOM_PARSER_BBOX);
  }
  if (name != NULL && !g_str_equal (name, DSNET_PARSER_DETECTNET_V2)) {
    CONFIG_ERROR (self, "parse-bbox-func-name", "'%s' needs custom-lib-path (the library that exports it; "
        "nvinfer would silently use DetectNet_v2 instead). DeepStreamNet's own parsers (UltraFace, YuNet, "
        "RetinaFace, SSD) are in custom-lib-path=libdsnet_parsers.so", name);
    return FALSE;
  }
  static const gchar *cov[] = { "cov", NULL }, *bbox[] = { "bbox", NULL };
  self->parser = PARSER_DETECTNET_V2;
  self->out_a = find_output (self->model, cov);
  self->out_b = find_output (self->model, bbox);
  if (self->out_a < 0 || self->out_b < 0) {
    gchar *names = output_names (self->model);
    CONFIG_ERROR (self, "onnx-file", "the DetectNet_v2 parser needs outputs whose names contain 'cov' "
        "and 'bbox'; the model has %s (for other models set custom-lib-path and parse-bbox-func-name)",
        names);
    g_free (names);
    return FALSE;
  }
  return TRUE;
}

static void
post_config_warnings (GstDsNetInfer * self, GPtrArray * extra)
{
  GString *all = g_string_new (NULL);
  for (guint i = 0; i < self->cfg->warnings->len; i++) {
    const gchar *w = g_ptr_array_index (self->cfg->warnings, i);
    GST_WARNING_OBJECT (self, "%s", w);
    g_string_append_printf (all, "%s\n", w);
  }
  for (guint i = 0; i < extra->len; i++) {
    const gchar *w = g_ptr_array_index (extra, i);
    GST_WARNING_OBJECT (self, "%s", w);
    g_string_append_printf (all, "%s\n", w);
  }
  if (all->len > 0) {
    g_string_truncate (all, all->len - 1);
    GST_ELEMENT_WARNING (self, LIBRARY, SETTINGS, ("nvinfer config %s: %u warning(s)",
            self->cfg->path, self->cfg->warnings->len + extra->len), ("%s", all->str));
  }
  g_string_free (all, TRUE);
}

/* ---------------------------------------------------------------------------------------- lifecycle */

/* Everything start() creates; safe to call at any time. */
static void overlap_job (gpointer data);

static void
release_running_state (GstDsNetInfer * self)
{
  g_clear_pointer (&self->worker, dsnet_worker_free);   /* waits for the job in flight */
  g_clear_pointer (&self->input_slots[1], g_free);
  self->input_slots[0] = NULL;
  g_clear_pointer (&self->labels, dsnet_infer_labels_free);
  g_clear_pointer (&self->custom, dsnet_custom_parser_free);
  g_clear_pointer (&self->layers, g_free);
  g_clear_pointer (&self->model, dsnet_ort_model_free);
  g_clear_pointer (&self->input, g_free);
  g_clear_pointer (&self->cfg, dsnet_infer_config_free);
  g_clear_pointer (&self->history, g_hash_table_unref);
}

static gboolean
gst_dsnet_infer_start (GstBaseTransform * trans)
{
  GstDsNetInfer *self = GST_DSNET_INFER (trans);
  GError *err = NULL;
  if (self->config_file_path == NULL || *self->config_file_path == '\0') {
    GST_ELEMENT_ERROR (self, LIBRARY, SETTINGS, ("config-file-path is not set"),
        ("dsnetinfer needs an nvinfer config file (property config-file-path)"));
    return FALSE;
  }
  self->cfg = dsnet_infer_config_load (self->config_file_path, self->props_set, &err);
  if (self->cfg == NULL) {
    GST_ELEMENT_ERROR (self, LIBRARY, SETTINGS, ("%s", err->message), (NULL));
    g_error_free (err);
    return FALSE;
  }
  DsnetInferConfig *c = self->cfg;
  apply_property_overrides (self, c);

  GPtrArray *extra = g_ptr_array_new_with_free_func (g_free);
  GString *trt = g_string_new (NULL);
  gboolean ok = TRUE;
  if (c->onnx_file == NULL) {
    is_trt_only (c, trt);
    gchar *where = dsnet_infer_config_where (c, "property", trt->len ? "tlt-encoded-model" : "onnx-file");
    GST_ELEMENT_ERROR (self, LIBRARY, SETTINGS, ("%s: no onnx-file: this runtime runs ONNX models; "
            "export the model%s%s to ONNX and set onnx-file", c->path, trt->len ? " given by " : "",
            trt->len ? trt->str : ""), ("%s", where));
    g_free (where);
    ok = FALSE;
  } else if (is_trt_only (c, trt)) {
    g_ptr_array_add (extra, g_strdup_printf ("%s: TensorRT-only keys ignored (%s): this runtime runs "
            "onnx-file=%s with ONNX Runtime", c->path, trt->str, c->onnx_file));
  }
  g_string_free (trt, TRUE);
  if (ok && c->network_type != DSNET_NETWORK_DETECTOR && c->network_type != DSNET_NETWORK_CLASSIFIER
      && c->network_type != DSNET_NETWORK_OTHER) {
    CONFIG_ERROR (self, "network-type", "network-type=%d (segmentation) is not supported by this runtime "
        "(supported: 0 detector, 1 classifier, 100 other with output-tensor-meta)", c->network_type);
    ok = FALSE;
  }
  if (ok && c->input_tensor_from_meta && c->network_type != DSNET_NETWORK_DETECTOR) {
    CONFIG_ERROR (self, "input-tensor-from-meta", "tensors from nvdspreprocess are supported for detectors "
        "(network-type=0) only on this runtime");
    ok = FALSE;
  }
  if (ok && c->labelfile_path != NULL) {
    self->labels = dsnet_infer_labels_load (c->labelfile_path, &err);
    if (self->labels == NULL) {
      CONFIG_ERROR (self, "labelfile-path", "%s", err->message);
      g_clear_error (&err);
      ok = FALSE;
    }
  }
  if (ok) {
    if (c->intra_op_threads <= 0) {
      DsnetThreadBudget b;
      dsnet_thread_budget_measure (GST_ELEMENT (self), &b);
      c->intra_op_threads = dsnet_thread_budget_intra_op (&b);
      GST_INFO_OBJECT (self, "intra-op threads %d: %d core(s), %d encoder(s), %d primary inference "
          "element(s)", c->intra_op_threads, b.cores, b.encoders, b.primary_inferences);
    }
    self->model = dsnet_ort_model_load (c->onnx_file, c->intra_op_threads, c->inter_op_threads,
        c->intra_op_spinning ? DSNET_ORT_SPIN_ON : DSNET_ORT_SPIN_OFF, &err);
    if (self->model == NULL) {
      gchar *where = dsnet_infer_config_where (c, "property", "onnx-file");
      GST_ELEMENT_ERROR (self, RESOURCE, OPEN_READ, ("cannot load model %s (%s): %s", c->onnx_file, where,
              err->message), (NULL));
      g_free (where);
      g_clear_error (&err);
      ok = FALSE;
    }
  }
  ok = ok && setup_input (self) && setup_parser (self);
  if (ok && c->network_type == DSNET_NETWORK_DETECTOR && c->cluster_mode == DSNET_CLUSTER_GROUP_RECTANGLES)
    g_ptr_array_add (extra, g_strdup_printf ("%s: cluster-mode=0 (GroupRectangles) needs OpenCV, which "
            "DeepStream 6.x and this runtime are built without: using NMS with topk=20 and "
            "nms-iou-threshold=0.5 for every class", c->path));
  if (ok && c->network_type == DSNET_NETWORK_DETECTOR && c->num_detected_classes == 0)
    g_ptr_array_add (extra, g_strdup_printf ("%s: num-detected-classes is 0: every detection is discarded",
            c->path));
  if (ok && c->network_type == DSNET_NETWORK_OTHER && !c->output_tensor_meta)
    g_ptr_array_add (extra, g_strdup_printf ("%s: network-type=100 without output-tensor-meta produces no "
            "output", c->path));
  if (ok)
    post_config_warnings (self, extra);
  g_ptr_array_unref (extra);
  if (!ok) {
    release_running_state (self);
    return FALSE;
  }
  self->classifier_type = c->classifier_type ? g_intern_string (c->classifier_type) : NULL;
  self->batch_counter = 0;
  self->parse_failures = 0;
  self->tensor_name_warned = FALSE;
  self->history = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, history_free);
  self->slot = 0;
  self->pending_flow = GST_FLOW_OK;
  if (self->input_slots[1] != NULL)
    self->worker = dsnet_worker_new ("dsnetinfer-ort", overlap_job, self);
  GST_INFO_OBJECT (self, "model %s: input %dx%dx%d, %d image(s) per run (%s batch axis)", c->onnx_file,
      self->pp.channels, self->pp.net_h, self->pp.net_w, self->run_batch,
      self->dynamic_batch ? "dynamic" : "fixed");
  return TRUE;
}

static gboolean
gst_dsnet_infer_stop (GstBaseTransform * trans)
{
  release_running_state (GST_DSNET_INFER (trans));
  return TRUE;
}

static gboolean
gst_dsnet_infer_set_caps (GstBaseTransform * trans, GstCaps * incaps, GstCaps * outcaps)
{
  GstDsNetInfer *self = GST_DSNET_INFER (trans);
  (void) outcaps;
  GstStructure *s = gst_caps_get_structure (incaps, 0);
  if (!gst_structure_get_int (s, "width", &self->width) || !gst_structure_get_int (s, "height",
          &self->height)) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, ("caps without width/height"), (NULL));
    return FALSE;
  }
  return TRUE;
}





/* The output layers of batch item `item` and the network size, as nvinfer hands them to custom parsers. */
static void
fill_layers (GstDsNetInfer * self, DsnetOrtOutputs * out, guint item, NvDsInferNetworkInfo * net)
{
  for (guint l = 0; l < out->n; l++)
    dsnet_ort_outputs_layer_info (out, l, item, &self->layers[l]);
  net->width = (guint) self->pp.net_w;
  net->height = (guint) self->pp.net_h;
  net->channels = (guint) self->pp.channels;
}

/* A custom parser returned false: nvinfer logs it and the unit gets no output (spec §5.6). The first one is
 * posted as an element warning, the rest only logged. */
static void
warn_parse_failure (GstDsNetInfer * self, const GError * err)
{
  if (self->parse_failures++ == 0)
    GST_ELEMENT_WARNING (self, STREAM, DECODE, ("%s", err->message), ("further failures are logged in "
            "the dsnetinfer debug category only"));
  else
    GST_WARNING_OBJECT (self, "%s (%" G_GUINT64_FORMAT " so far)", err->message, self->parse_failures);
}

/* input-tensor-meta, nvinfer's clip-object-outside-roi (default on): a box reaching past the ROI's right or
 * bottom edge is cut there (left/top are already >= the ROI's after mapping). */
static void
clip_to_roi (DsnetInferObject * o, const Unit * u)
{
  gfloat right = (gfloat) (u->left + u->w), bottom = (gfloat) (u->top + u->h);
  if (o->left + o->width >= right)
    o->width = right - o->left;
  if (o->top + o->height >= bottom)
    o->height = bottom - o->top;
}

/* Detector output of one image → object metas. */
static gboolean
attach_detections (GstDsNetInfer * self, NvDsBatchMeta * batch, Unit * u, DsnetOrtOutputs * out,
    guint item, GError ** error)
{
  DsnetInferConfig *c = self->cfg;
  GArray *raw = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  gboolean ok;
  if (self->parser == PARSER_CUSTOM) {
    NvDsInferNetworkInfo net;
    GError *perr = NULL;
    fill_layers (self, out, item, &net);
    if (!dsnet_custom_parser_parse_bbox (self->custom, self->layers, out->n, &net, raw, &perr)) {
      warn_parse_failure (self, perr);
      g_clear_error (&perr);
      g_array_set_size (raw, 0);
    }
    ok = TRUE;
  } else {
    const DsnetTensorDesc *da = &out->desc[self->out_a], *db = &out->desc[self->out_b];
    gdouble *thr = g_new0 (gdouble, MAX (c->num_detected_classes, 1));
    for (gint k = 0; k < c->num_detected_classes; k++)
      thr[k] = dsnet_infer_config_class_attrs (c, k)->pre_cluster_threshold;
    DsnetDetectParams p = { self->pp.net_w, self->pp.net_h, c->num_detected_classes, thr };
    if (da->n_dims != 4 || db->n_dims != 4) {
      g_set_error (error, DSNET_INFER_ERROR, 0, "DetectNet_v2: outputs '%s' and '%s' must be [N,C,H,W]",
          da->name, db->name);
      ok = FALSE;
    } else {
      gsize pa = (gsize) (da->dims[1] * da->dims[2] * da->dims[3]);
      gsize pb = (gsize) (db->dims[1] * db->dims[2] * db->dims[3]);
      ok = dsnet_parse_detectnet_v2 (&p, out->data[self->out_a] + pa * item, (gint) da->dims[1],
          (gint) da->dims[2], (gint) da->dims[3], out->data[self->out_b] + pb * item, (gint) db->dims[1],
          (gint) db->dims[2], (gint) db->dims[3], raw, error);
    }
    g_free (thr);
  }
  if (!ok) {
    g_array_unref (raw);
    return FALSE;
  }
  GArray *clustered = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  dsnet_cluster (c, raw, clustered);
  g_array_unref (raw);

  gdouble roi_left = u->object || u->roi ? u->left : 0, roi_top = u->object || u->roi ? u->top : 0;
  nvds_acquire_meta_lock (batch);
  for (guint i = 0; i < clustered->len; i++) {
    DsnetInferObject o = g_array_index (clustered, DsnetInferObject, i);
    if (!dsnet_map_object (c, &u->scale, roi_left, roi_top, self->width, self->height, &o))
      continue;
    if (u->roi != NULL)
      clip_to_roi (&o, u);
    NvDsObjectMeta *om = nvds_acquire_obj_meta_from_pool (batch);
    if (om == NULL)
      break;
    dsnet_infer_fill_object_meta (om, self->cfg, self->labels, o.class_id, o.confidence, o.left, o.top, o.width, o.height);
    nvds_add_obj_meta_to_frame (u->frame, om, u->object);
  }
  u->frame->bInferDone = TRUE;
  nvds_release_meta_lock (batch);
  g_array_unref (clustered);
  return TRUE;
}



static gboolean
history_expired (gpointer key, gpointer value, gpointer user_data)
{
  (void) key;
  GstDsNetInfer *self = user_data;
  const ObjectHistory *h = value;
  return self->batch_counter - h->last_seen > HISTORY_MAX_AGE;
}

static gint64 *
history_key (NvDsFrameMeta * f, NvDsObjectMeta * o)
{
  gint64 *k = g_new (gint64, 1);
  *k = (gint64) (o->object_id ^ ((guint64) f->source_id << 48));
  return k;
}

/* Classifier labels of batch item `item`: the custom parser's attributes, or the built-in arg-max. */
static GArray *
classify_unit (GstDsNetInfer * self, DsnetOrtOutputs * out, guint item)
{
  if (self->custom == NULL)
    return dsnet_infer_classify (out, item, self->cfg->classifier_threshold, self->labels);
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (NvDsLabelInfo));
  NvDsInferNetworkInfo net;
  GError *err = NULL;
  gchar *desc = NULL;
  fill_layers (self, out, item, &net);
  if (!dsnet_custom_parser_classify (self->custom, self->layers, out->n, &net,
          (gfloat) self->cfg->classifier_threshold, labels, &desc, &err)) {
    warn_parse_failure (self, err);
    g_clear_error (&err);
  }
  g_free (desc);
  return labels;
}

/* Results of one ORT run → metadata. */
static gboolean
attach_results (GstDsNetInfer * self, NvDsBatchMeta * batch, Unit * units, guint n, DsnetOrtOutputs * out,
    GError ** error)
{
  DsnetInferConfig *c = self->cfg;
  for (guint i = 0; i < n; i++) {
    Unit *u = &units[i];
    if (c->network_type == DSNET_NETWORK_DETECTOR && !attach_detections (self, batch, u, out, i, error))
      return FALSE;
    nvds_acquire_meta_lock (batch);
    if (c->network_type == DSNET_NETWORK_CLASSIFIER) {
      GArray *labels = classify_unit (self, out, i);
      NvDsObjectMeta *target = u->object;
      if (target == NULL && labels->len > 0) {
        /* full-frame classifier: one object covering the frame, class −1 */
        target = nvds_acquire_obj_meta_from_pool (batch);
        if (target != NULL) {
          dsnet_infer_fill_object_meta (target, self->cfg, self->labels, -1, 1.0f, 0, 0, self->width, self->height);
          target->confidence = g_array_index (labels, NvDsLabelInfo, 0).result_prob;
          nvds_add_obj_meta_to_frame (u->frame, target, NULL);
        }
      }
      if (target != NULL)
        dsnet_infer_attach_classifier_meta (batch, target, labels, self->cfg->gie_unique_id,
            self->classifier_type);
      if (u->object != NULL && u->object->object_id != UNTRACKED_OBJECT_ID) {
        ObjectHistory *h = g_new0 (ObjectHistory, 1);
        h->last_frame = u->frame->frame_num;
        h->area = (gdouble) u->object->rect_params.width * u->object->rect_params.height;
        h->labels = labels;
        h->last_seen = self->batch_counter;
        g_hash_table_replace (self->history, history_key (u->frame, u->object), h);
      } else {
        g_array_unref (labels);
      }
    }
    if (c->output_tensor_meta) {
      NvDsUserMeta *um = dsnet_infer_make_tensor_meta (batch, out, i, self->cfg, &self->pp);
      if (um != NULL) {
        if (u->object)
          nvds_add_user_meta_to_obj (u->object, um);
        else
          nvds_add_user_meta_to_frame (u->frame, um);
      }
    }
    u->frame->bInferDone = TRUE;
    nvds_release_meta_lock (batch);
  }
  return TRUE;
}

/* Fills `input` with the `count` (≤ run_batch) units and `dims` with the shape of the run. */
static void
prepare_input (GstDsNetInfer * self, const guint8 * pixels, Unit * units, guint count, gfloat * input,
    gint64 * dims)
{
  const gint stride = self->width * DSNET_BATCH_BYTES_PER_PIXEL;
  const gsize frame_bytes = dsnet_batch_frame_size (self->width, self->height);
  for (guint i = 0; i < count; i++) {
    Unit *u = &units[i];
    if (u->tensor != NULL) {
      memcpy (input + self->input_stride * i, u->tensor, self->input_stride * sizeof (gfloat));
      continue;
    }
    const guint8 *img = pixels + frame_bytes * u->frame->batch_id;
    dsnet_preprocess_rgba (&self->pp, img, stride, u->left, u->top, u->w, u->h,
        input + self->input_stride * i, &u->scale);
  }
  memcpy (dims, self->in_dims, sizeof (self->in_dims));
  if (self->dynamic_batch)
    dims[0] = count;
  else if (count < (guint) self->run_batch)     /* fixed batch axis: pad with zeros */
    memset (input + self->input_stride * count, 0,
        self->input_stride * (self->run_batch - count) * sizeof (gfloat));
}

/* Preprocesses `n` units, runs the model (one run when the batch axis is dynamic, else per fixed batch),
 * and attaches the results. */
static gboolean
infer_units (GstDsNetInfer * self, NvDsBatchMeta * batch, const guint8 * pixels, Unit * units, guint n,
    GError ** error)
{
  for (guint start = 0; start < n; start += (guint) self->run_batch) {
    guint count = MIN (n - start, (guint) self->run_batch);
    gint64 dims[4];
    prepare_input (self, pixels, units + start, count, self->input, dims);
    DsnetOrtOutputs *out = dsnet_ort_model_run (self->model, self->input, dims, 4, error);
    if (out == NULL)
      return FALSE;
    gboolean ok = attach_results (self, batch, units + start, count, out, error);
    dsnet_ort_outputs_free (out);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

static gboolean
object_selected (GstDsNetInfer * self, NvDsFrameMeta * f, NvDsObjectMeta * o)
{
  DsnetInferConfig *c = self->cfg;
  if (o->unique_component_id == c->gie_unique_id)
    return FALSE;               /* never our own output */
  if (c->operate_on_gie_id >= 0 && o->unique_component_id != c->operate_on_gie_id)
    return FALSE;
  if (c->operate_on_class_ids != NULL) {
    gboolean in = FALSE;
    for (guint i = 0; i < c->n_operate_on_class_ids; i++)
      in |= c->operate_on_class_ids[i] == o->class_id;
    if (!in)
      return FALSE;
  }
  gint minw = MAX (c->input_object_min_width, MIN_INPUT_OBJECT_SIZE);
  gint minh = MAX (c->input_object_min_height, MIN_INPUT_OBJECT_SIZE);
  const NvOSD_RectParams *r = &o->rect_params;
  if (r->width < minw || r->height < minh)
    return FALSE;
  if (c->input_object_max_width > 0 && r->width > c->input_object_max_width)
    return FALSE;
  if (c->input_object_max_height > 0 && r->height > c->input_object_max_height)
    return FALSE;
  if (c->network_type == DSNET_NETWORK_CLASSIFIER && o->object_id != UNTRACKED_OBJECT_ID) {
    gint64 key = (gint64) (o->object_id ^ ((guint64) f->source_id << 48));
    ObjectHistory *h = g_hash_table_lookup (self->history, &key);
    if (h != NULL) {
      gdouble area = (gdouble) r->width * r->height;
      gboolean grew = area > h->area * CLASSIFIER_REINFER_GROWTH;
      gboolean stale = c->secondary_reinfer_interval != G_MAXINT
          && f->frame_num - h->last_frame > c->secondary_reinfer_interval;
      h->last_seen = self->batch_counter;
      if (!grew && !stale) {
        /* re-attach the cached result, as nvinfer does for tracked objects */
        dsnet_infer_attach_classifier_meta (f->base_meta.batch_meta, o, h->labels,
            c->gie_unique_id, self->classifier_type);
        return FALSE;
      }
    }
  }
  return TRUE;
}

static gint
by_confidence (gconstpointer a, gconstpointer b)
{
  gfloat x = (*(NvDsObjectMeta * const *) a)->confidence, y = (*(NvDsObjectMeta * const *) b)->confidence;
  return x > y ? -1 : (x < y ? 1 : 0);
}

static gdouble
meta_iou (const NvDsObjectMeta * a, const NvDsObjectMeta * b)
{
  const NvOSD_RectParams *p = &a->rect_params, *q = &b->rect_params;
  DsnetInferObject x = { a->class_id, p->left, p->top, p->width, p->height, a->confidence };
  DsnetInferObject y = { b->class_id, q->left, q->top, q->width, q->height, b->confidence };
  return dsnet_iou (&x, &y);
}

/* [dsnet] roi-merge-iou-threshold: overlapping ROIs (tiles) see the same object more than once; keep the most
 * confident box of each class (greedy NMS over this element's objects of the frame, stable by confidence). */
static void
merge_roi_objects (GstDsNetInfer * self, NvDsBatchMeta * batch, Unit * units, guint n)
{
  gdouble thr = self->cfg->roi_merge_iou;
  GHashTable *frames = g_hash_table_new (NULL, NULL);
  nvds_acquire_meta_lock (batch);
  for (guint u = 0; u < n; u++) {
    NvDsFrameMeta *f = units[u].frame;
    if (!g_hash_table_add (frames, f))
      continue;
    GPtrArray *mine = g_ptr_array_new ();
    for (GList * l = f->obj_meta_list; l; l = l->next) {
      NvDsObjectMeta *o = l->data;
      if (o->unique_component_id == self->cfg->gie_unique_id)
        g_ptr_array_add (mine, o);
    }
    g_ptr_array_sort (mine, by_confidence);      /* stable */
    GPtrArray *drop = g_ptr_array_new (), *kept = g_ptr_array_new ();
    for (guint i = 0; i < mine->len; i++) {
      NvDsObjectMeta *a = g_ptr_array_index (mine, i);
      gboolean covered = FALSE;
      for (guint j = 0; j < kept->len && !covered; j++) {
        NvDsObjectMeta *b = g_ptr_array_index (kept, j);
        covered = a->class_id == b->class_id && meta_iou (a, b) > thr;
      }
      g_ptr_array_add (covered ? drop : kept, a);
    }
    g_ptr_array_unref (kept);
    for (guint i = 0; i < drop->len; i++)
      nvds_remove_obj_meta_from_frame (f, g_ptr_array_index (drop, i));
    g_ptr_array_unref (drop);
    g_ptr_array_unref (mine);
  }
  nvds_release_meta_lock (batch);
  g_hash_table_unref (frames);
}

/* input-tensor-meta: infers the ROI units nvdspreprocess (or dsnetpreprocess) prepared for this element. No
 * interval and no object filters here: selecting units is the preprocess element's job (spec §8.6). */
static GstFlowReturn
infer_tensor_meta (GstDsNetInfer * self, NvDsBatchMeta * batch)
{
  GArray *tunits = g_array_new (FALSE, FALSE, sizeof (DsnetTensorUnit));
  GArray *units = g_array_new (FALSE, TRUE, sizeof (Unit));
  gchar *skipped = NULL;
  GError *err = NULL;
  GstFlowReturn ret = GST_FLOW_OK;
  nvds_acquire_meta_lock (batch);
  gboolean ok = dsnet_infer_collect_tensor_units (batch, (guint) self->cfg->gie_unique_id,
      dsnet_ort_model_input (self->model)->name, self->in_dims, tunits, &skipped, &err);
  nvds_release_meta_lock (batch);
  if (skipped != NULL && !self->tensor_name_warned) {
    self->tensor_name_warned = TRUE;
    GST_ELEMENT_WARNING (self, STREAM, FORMAT, ("preprocess tensor '%s' skipped: its name is not the model "
            "input '%s' (set tensor-name in the nvdspreprocess config)", skipped,
            dsnet_ort_model_input (self->model)->name), (NULL));
  }
  for (guint i = 0; ok && i < tunits->len; i++) {
    const DsnetTensorUnit *t = &g_array_index (tunits, DsnetTensorUnit, i);
    const NvDsRoiMeta *r = t->roi;
    Unit u = { r->frame_meta, r->object_meta, (gint) r->roi.left, (gint) r->roi.top, (gint) r->roi.width,
      (gint) r->roi.height, {0}, t->data, t->roi
    };
    u.scale.ratio_x = r->scale_ratio_x;
    u.scale.ratio_y = r->scale_ratio_y;
    u.scale.offset_left = (gint) r->offset_left;
    u.scale.offset_top = (gint) r->offset_top;
    g_array_append_val (units, u);
  }
  if (ok && units->len > 0)
    ok = infer_units (self, batch, NULL, (Unit *) units->data, units->len, &err);
  if (ok && units->len > 0 && self->cfg->roi_merge_iou > 0)
    merge_roi_objects (self, batch, (Unit *) units->data, units->len);
  if (!ok) {
    GST_ELEMENT_ERROR (self, STREAM, FAILED, ("inference on preprocess tensors failed: %s", err->message),
        ("model %s", self->cfg->onnx_file));
    g_clear_error (&err);
    ret = GST_FLOW_ERROR;
  }
  g_free (skipped);
  g_array_unref (units);
  g_array_unref (tunits);
  return ret;
}

/* Whether this buffer's turn to infer has come (primary mode's interval; the secondary history's age). */
static gboolean
batch_due (GstDsNetInfer * self)
{
  DsnetInferConfig *c = self->cfg;
  if (c->process_mode == GST_DSNET_INFER_PROCESS_MODE_PRIMARY)
    return self->batch_counter++ % ((guint64) c->interval + 1) == 0;
  if (++self->batch_counter % HISTORY_MAX_AGE == 0)
    g_hash_table_foreach_remove (self->history, history_expired, self);
  return TRUE;
}

/* The units to infer in a mapped batched buffer: its frames (primary) or the selected objects (secondary). */
static GstFlowReturn
collect_units (GstDsNetInfer * self, NvDsBatchMeta * batch, const GstMapInfo * map, GArray * units)
{
  DsnetInferConfig *c = self->cfg;
  const gsize frame_bytes = dsnet_batch_frame_size (self->width, self->height);
  GstFlowReturn ret = GST_FLOW_OK;
  nvds_acquire_meta_lock (batch);
  for (GList * l = batch->frame_meta_list; l != NULL; l = l->next) {
    NvDsFrameMeta *f = l->data;
    if ((gsize) (f->batch_id + 1) * frame_bytes > map->size) {
      GST_ELEMENT_ERROR (self, STREAM, FORMAT, ("frame meta batch_id %u is outside the buffer",
              f->batch_id), ("buffer holds %" G_GSIZE_FORMAT " bytes, frame size %dx%d", map->size,
              self->width, self->height));
      ret = GST_FLOW_ERROR;
      break;
    }
    if (c->process_mode == GST_DSNET_INFER_PROCESS_MODE_PRIMARY) {
      Unit u = { f, NULL, 0, 0, self->width, self->height, {0}, NULL, NULL };
      g_array_append_val (units, u);
      continue;
    }
    for (GList * o = f->obj_meta_list; o != NULL; o = o->next) {
      NvDsObjectMeta *om = o->data;
      if (!object_selected (self, f, om))
        continue;
      Unit u = { f, om, 0, 0, 0, 0, {0}, NULL, NULL };
      dsnet_preprocess_round_rect (self->width, self->height, om->rect_params.left, om->rect_params.top,
          om->rect_params.width, om->rect_params.height, &u.left, &u.top, &u.w, &u.h);
      if (u.w <= 0 || u.h <= 0)
        continue;
      g_array_append_val (units, u);
    }
  }
  nvds_release_meta_lock (batch);
  return ret;
}

static NvDsBatchMeta *
batch_meta_of (GstDsNetInfer * self, GstBuffer * buf)
{
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  if (batch == NULL)
    GST_ELEMENT_ERROR (self, STREAM, FORMAT, ("buffer without NvDsBatchMeta"),
        ("dsnetinfer needs batched buffers from dsnetstreammux"));
  return batch;
}

static GstFlowReturn
gst_dsnet_infer_transform_ip (GstBaseTransform * trans, GstBuffer * buf)
{
  GstDsNetInfer *self = GST_DSNET_INFER (trans);
  DsnetInferConfig *c = self->cfg;
  NvDsBatchMeta *batch = batch_meta_of (self, buf);
  if (batch == NULL)
    return GST_FLOW_ERROR;
  if (c->input_tensor_from_meta)
    return infer_tensor_meta (self, batch);
  if (!batch_due (self))
    return GST_FLOW_OK;

  GstMapInfo map;
  if (!gst_buffer_map (buf, &map, GST_MAP_READ)) {
    GST_ELEMENT_ERROR (self, RESOURCE, READ, ("cannot map the batched buffer"), (NULL));
    return GST_FLOW_ERROR;
  }
  GArray *units = g_array_new (FALSE, TRUE, sizeof (Unit));
  GstFlowReturn ret = collect_units (self, batch, &map, units);
  GError *err = NULL;
  if (ret == GST_FLOW_OK && units->len > 0
      && !infer_units (self, batch, map.data, (Unit *) units->data, units->len, &err)) {
    GST_ELEMENT_ERROR (self, STREAM, FAILED, ("inference failed: %s", err->message), ("model %s",
            c->onnx_file));
    g_clear_error (&err);
    ret = GST_FLOW_ERROR;
  }
  g_array_unref (units);
  gst_buffer_unmap (buf, &map);
  return ret;
}

/* ------------------------------------------------------------------------------------------- overlap */

/* Worker thread: runs the pending batch, attaches its results and pushes its buffer. */
static void
overlap_job (gpointer data)
{
  GstDsNetInfer *self = data;
  GstBuffer *buf = self->pending_buf;
  GArray *units = self->pending_units;
  self->pending_buf = NULL;
  self->pending_units = NULL;
  GError *err = NULL;
  DsnetOrtOutputs *out = dsnet_ort_model_run (self->model, self->pending_input, self->pending_dims, 4, &err);
  gboolean ok = out != NULL && attach_results (self, gst_buffer_get_nvds_batch_meta (buf),
      (Unit *) units->data, units->len, out, &err);
  if (out != NULL)
    dsnet_ort_outputs_free (out);
  g_array_unref (units);
  if (!ok) {
    GST_ELEMENT_ERROR (self, STREAM, FAILED, ("inference failed: %s", err->message), ("model %s",
            self->cfg->onnx_file));
    g_clear_error (&err);
    gst_buffer_unref (buf);
    self->pending_flow = GST_FLOW_ERROR;
    return;
  }
  self->pending_flow = gst_pad_push (GST_BASE_TRANSFORM_SRC_PAD (self), buf);
}

/* Streaming thread: waits until the worker has pushed the previous batch; returns that push's result. */
static GstFlowReturn
overlap_wait (GstDsNetInfer * self)
{
  dsnet_worker_wait (self->worker);
  GstFlowReturn ret = self->pending_flow;
  self->pending_flow = GST_FLOW_OK;
  return ret;
}

/* Synchronous path for a batch the worker cannot take in one run (more units than one run holds, none, or an
 * error while collecting them): after the previous batch has left, so the order stays. */
static GstFlowReturn
overlap_take_sync (GstDsNetInfer * self, GstBuffer * buf, NvDsBatchMeta * batch, GstMapInfo * map,
    GArray * units, GstFlowReturn collected, GstBuffer ** outbuf)
{
  GstFlowReturn ret = overlap_wait (self);
  GError *err = NULL;
  if (ret == GST_FLOW_OK && collected == GST_FLOW_OK && units->len > 0
      && !infer_units (self, batch, map->data, (Unit *) units->data, units->len, &err)) {
    GST_ELEMENT_ERROR (self, STREAM, FAILED, ("inference failed: %s", err->message), ("model %s",
            self->cfg->onnx_file));
    g_clear_error (&err);
    ret = GST_FLOW_ERROR;
  }
  if (ret == GST_FLOW_OK)
    ret = collected;
  g_array_unref (units);
  gst_buffer_unmap (buf, map);
  if (ret == GST_FLOW_OK)
    *outbuf = buf;
  else
    gst_buffer_unref (buf);
  return ret;
}

/* Primary mode with overlap: preprocesses the buffer into the free input slot while the worker still runs the
 * previous batch, then hands this batch to the worker. Buffers the worker does not take (not due this
 * interval, too many units) leave through the base class once the previous batch has been pushed. */
static GstFlowReturn
overlap_take (GstDsNetInfer * self, GstBuffer * buf, GstBuffer ** outbuf)
{
  NvDsBatchMeta *batch = batch_meta_of (self, buf);
  if (batch == NULL) {
    gst_buffer_unref (buf);
    return GST_FLOW_ERROR;
  }
  if (!batch_due (self)) {
    GstFlowReturn ret = overlap_wait (self);
    if (ret == GST_FLOW_OK)
      *outbuf = buf;
    else
      gst_buffer_unref (buf);
    return ret;
  }
  GstMapInfo map;
  if (!gst_buffer_map (buf, &map, GST_MAP_READ)) {
    GST_ELEMENT_ERROR (self, RESOURCE, READ, ("cannot map the batched buffer"), (NULL));
    gst_buffer_unref (buf);
    return GST_FLOW_ERROR;
  }
  GArray *units = g_array_new (FALSE, TRUE, sizeof (Unit));
  GstFlowReturn collected = collect_units (self, batch, &map, units);
  if (collected != GST_FLOW_OK || units->len == 0 || units->len > (guint) self->run_batch)
    return overlap_take_sync (self, buf, batch, &map, units, collected, outbuf);

  gfloat *input = self->input_slots[self->slot];
  gint64 dims[4];
  prepare_input (self, map.data, (Unit *) units->data, units->len, input, dims);
  gst_buffer_unmap (buf, &map);
  GstFlowReturn ret = overlap_wait (self);
  if (ret != GST_FLOW_OK) {
    g_array_unref (units);
    gst_buffer_unref (buf);
    return ret;
  }
  self->pending_buf = buf;
  self->pending_units = units;
  self->pending_input = input;
  memcpy (self->pending_dims, dims, sizeof (dims));
  self->slot ^= 1;
  dsnet_worker_submit (self->worker);
  return GST_FLOW_OK;
}

/* With overlap the worker pushes the inferred buffers itself; the base class pushes only what it returns here. */
static GstFlowReturn
gst_dsnet_infer_generate_output (GstBaseTransform * trans, GstBuffer ** outbuf)
{
  GstDsNetInfer *self = GST_DSNET_INFER (trans);
  if (self->worker == NULL)
    return GST_BASE_TRANSFORM_CLASS (gst_dsnet_infer_parent_class)->generate_output (trans, outbuf);
  GstBuffer *in = trans->queued_buf;
  trans->queued_buf = NULL;
  *outbuf = NULL;
  return in != NULL ? overlap_take (self, gst_buffer_make_writable (in), outbuf) : GST_FLOW_OK;
}

static gboolean
gst_dsnet_infer_sink_event (GstBaseTransform * trans, GstEvent * event)
{
  GstDsNetInfer *self = GST_DSNET_INFER (trans);
  /* serialized events and queries wait until the worker has pushed the batch in flight: nothing overtakes it */
  if (self->worker != NULL && GST_EVENT_IS_SERIALIZED (event))
    overlap_wait (self);
  return GST_BASE_TRANSFORM_CLASS (gst_dsnet_infer_parent_class)->sink_event (trans, event);
}

static gboolean
gst_dsnet_infer_query (GstBaseTransform * trans, GstPadDirection direction, GstQuery * query)
{
  GstDsNetInfer *self = GST_DSNET_INFER (trans);
  if (self->worker != NULL && direction == GST_PAD_SINK && GST_QUERY_IS_SERIALIZED (query))
    overlap_wait (self);
  return GST_BASE_TRANSFORM_CLASS (gst_dsnet_infer_parent_class)->query (trans, direction, query);
}

/* ---------------------------------------------------------------------------------------- properties */

static void
gst_dsnet_infer_set_property (GObject * object, guint prop_id, const GValue * value, GParamSpec * pspec)
{
  GstDsNetInfer *self = GST_DSNET_INFER (object);
  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_CONFIG_FILE_PATH:
      g_free (self->config_file_path);
      self->config_file_path = g_value_dup_string (value);
      break;
    case PROP_UNIQUE_ID:
      self->unique_id = g_value_get_uint (value);
      self->props_set |= DSNET_OVERRIDE_UNIQUE_ID;
      break;
    case PROP_PROCESS_MODE:
      self->process_mode = g_value_get_enum (value);
      self->props_set |= DSNET_OVERRIDE_PROCESS_MODE;
      break;
    case PROP_BATCH_SIZE:
      self->batch_size = g_value_get_uint (value);
      self->props_set |= DSNET_OVERRIDE_BATCH_SIZE;
      break;
    case PROP_INTERVAL:
      self->interval = g_value_get_uint (value);
      self->props_set |= DSNET_OVERRIDE_INTERVAL;
      break;
    case PROP_INFER_ON_GIE_ID:
      self->infer_on_gie_id = g_value_get_int (value);
      self->props_set |= DSNET_OVERRIDE_OPERATE_ON;
      break;
    case PROP_INFER_ON_CLASS_IDS:
    case PROP_FILTER_OUT_CLASS_IDS:{
      const gchar *s = g_value_get_string (value);
      gint *ids = NULL;
      guint n = 0;
      if (s != NULL && !dsnet_infer_parse_id_list (s, &ids, &n)) {
        g_warning ("dsnetinfer: %s: '%s' is not a list of class ids (e.g. 0:2:3)", pspec->name, s);
        break;
      }
      g_free (ids);
      gchar **slot = prop_id == PROP_INFER_ON_CLASS_IDS ? &self->infer_on_class_ids
          : &self->filter_out_class_ids;
      g_free (*slot);
      *slot = g_strdup (s);
      self->props_set |= prop_id == PROP_INFER_ON_CLASS_IDS ? DSNET_OVERRIDE_OPERATE_ON
          : DSNET_OVERRIDE_FILTER_OUT;
      break;
    }
    case PROP_OUTPUT_TENSOR_META:
      self->output_tensor_meta = g_value_get_boolean (value);
      self->props_set |= DSNET_OVERRIDE_OUTPUT_TENSOR_META;
      break;
    case PROP_MODEL_ENGINE_FILE:
      g_free (self->model_engine_file);
      self->model_engine_file = g_value_dup_string (value);
      self->props_set |= DSNET_OVERRIDE_MODEL_ENGINE;
      break;
    case PROP_GPU_ID:
      self->gpu_id = g_value_get_uint (value);
      self->props_set |= DSNET_OVERRIDE_GPU_ID;
      break;
    case PROP_INPUT_TENSOR_META:
      self->input_tensor_meta = g_value_get_boolean (value);
      self->props_set |= DSNET_OVERRIDE_INPUT_TENSOR_META;
      break;
    case PROP_CROP_OBJECTS_TO_ROI_BOUNDARY:
      self->crop_objects_to_roi_boundary = g_value_get_boolean (value);
      self->props_set |= DSNET_OVERRIDE_CROP_TO_ROI;
      break;
    case PROP_INTRA_OP_THREADS:
      self->intra_op_threads = g_value_get_int (value);
      self->intra_op_threads_set = TRUE;
      break;
    case PROP_OVERLAP:
      self->overlap = g_value_get_boolean (value);
      self->overlap_set = TRUE;
      break;
    case PROP_INTRA_OP_SPINNING:
      self->intra_op_spinning = g_value_get_boolean (value);
      self->intra_op_spinning_set = TRUE;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_infer_get_property (GObject * object, guint prop_id, GValue * value, GParamSpec * pspec)
{
  GstDsNetInfer *self = GST_DSNET_INFER (object);
  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_CONFIG_FILE_PATH:
      g_value_set_string (value, self->config_file_path);
      break;
    case PROP_UNIQUE_ID:
      g_value_set_uint (value, self->cfg ? (guint) self->cfg->gie_unique_id : self->unique_id);
      break;
    case PROP_PROCESS_MODE:
      g_value_set_enum (value, self->cfg ? self->cfg->process_mode : self->process_mode);
      break;
    case PROP_BATCH_SIZE:
      g_value_set_uint (value, self->cfg ? (guint) self->cfg->batch_size : self->batch_size);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->cfg ? (guint) self->cfg->interval : self->interval);
      break;
    case PROP_INFER_ON_GIE_ID:
      g_value_set_int (value, self->cfg ? self->cfg->operate_on_gie_id : self->infer_on_gie_id);
      break;
    case PROP_INFER_ON_CLASS_IDS:
      g_value_set_string (value, self->infer_on_class_ids ? self->infer_on_class_ids : "");
      break;
    case PROP_FILTER_OUT_CLASS_IDS:
      g_value_set_string (value, self->filter_out_class_ids ? self->filter_out_class_ids : "");
      break;
    case PROP_OUTPUT_TENSOR_META:
      g_value_set_boolean (value, self->cfg ? self->cfg->output_tensor_meta : self->output_tensor_meta);
      break;
    case PROP_MODEL_ENGINE_FILE:
      g_value_set_string (value, self->model_engine_file ? self->model_engine_file : "");
      break;
    case PROP_GPU_ID:
      g_value_set_uint (value, self->gpu_id);
      break;
    case PROP_INPUT_TENSOR_META:
      g_value_set_boolean (value, self->input_tensor_meta);
      break;
    case PROP_CROP_OBJECTS_TO_ROI_BOUNDARY:
      g_value_set_boolean (value, self->crop_objects_to_roi_boundary);
      break;
    case PROP_INTRA_OP_THREADS:
      g_value_set_int (value, self->cfg ? self->cfg->intra_op_threads : self->intra_op_threads);
      break;
    case PROP_OVERLAP:
      g_value_set_boolean (value, self->cfg ? self->cfg->overlap : self->overlap);
      break;
    case PROP_INTRA_OP_SPINNING:
      g_value_set_boolean (value, self->cfg ? self->cfg->intra_op_spinning : self->intra_op_spinning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_infer_finalize (GObject * object)
{
  GstDsNetInfer *self = GST_DSNET_INFER (object);
  g_free (self->config_file_path);
  g_free (self->infer_on_class_ids);
  g_free (self->filter_out_class_ids);
  g_free (self->model_engine_file);
  release_running_state (self);
  G_OBJECT_CLASS (gst_dsnet_infer_parent_class)->finalize (object);
}

static void
gst_dsnet_infer_class_init (GstDsNetInferClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *bt_class = GST_BASE_TRANSFORM_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY;

  GST_DEBUG_CATEGORY_INIT (gst_dsnet_infer_debug, "dsnetinfer", 0, "DeepStreamNet inference");
  gobject_class->set_property = gst_dsnet_infer_set_property;
  gobject_class->get_property = gst_dsnet_infer_get_property;
  gobject_class->finalize = gst_dsnet_infer_finalize;

  g_object_class_install_property (gobject_class, PROP_CONFIG_FILE_PATH,
      g_param_spec_string ("config-file-path", "Config file path",
          "nvinfer configuration file (read when the element starts)", NULL, rw));
  g_object_class_install_property (gobject_class, PROP_UNIQUE_ID,
      g_param_spec_uint ("unique-id", "Unique ID", "Unique id of this element in its output metadata; "
          "overrides gie-unique-id", 0, G_MAXUINT, DEFAULT_UNIQUE_ID, rw));
  g_object_class_install_property (gobject_class, PROP_PROCESS_MODE,
      g_param_spec_enum ("process-mode", "Process mode", "Infer on whole frames or on objects; overrides "
          "process-mode", GST_TYPE_DSNET_INFER_PROCESS_MODE, GST_DSNET_INFER_PROCESS_MODE_PRIMARY, rw));
  g_object_class_install_property (gobject_class, PROP_BATCH_SIZE,
      g_param_spec_uint ("batch-size", "Batch size", "Images per inference run; overrides batch-size", 1,
          1024, DEFAULT_BATCH_SIZE, rw));
  g_object_class_install_property (gobject_class, PROP_INTERVAL,
      g_param_spec_uint ("interval", "Interval", "Batches skipped between inferences (primary mode); "
          "overrides interval", 0, G_MAXINT, 0, rw));
  g_object_class_install_property (gobject_class, PROP_INFER_ON_GIE_ID,
      g_param_spec_int ("infer-on-gie-id", "Infer on GIE id", "Secondary mode: only objects from this "
          "unique id (-1 any); overrides operate-on-gie-id", -1, G_MAXINT, -1, rw));
  g_object_class_install_property (gobject_class, PROP_INFER_ON_CLASS_IDS,
      g_param_spec_string ("infer-on-class-ids", "Infer on class ids", "Secondary mode: only objects of "
          "these classes, e.g. 0:2:3; overrides operate-on-class-ids", "", rw));
  g_object_class_install_property (gobject_class, PROP_FILTER_OUT_CLASS_IDS,
      g_param_spec_string ("filter-out-class-ids", "Filter out class ids", "Drop detections of these "
          "classes, e.g. 0;2;3 (replaces the file's set)", "", rw));
  g_object_class_install_property (gobject_class, PROP_OUTPUT_TENSOR_META,
      g_param_spec_boolean ("output-tensor-meta", "Output tensor meta", "Attach raw output tensors as "
          "NVDSINFER_TENSOR_OUTPUT_META user meta", FALSE, rw));
  g_object_class_install_property (gobject_class, PROP_MODEL_ENGINE_FILE,
      g_param_spec_string ("model-engine-file", "Model engine file", "TensorRT engine: accepted for "
          "nvinfer compatibility and ignored (this runtime runs onnx-file)", "", rw));
  g_object_class_install_property (gobject_class, PROP_GPU_ID,
      g_param_spec_uint ("gpu-id", "GPU id", "Accepted for nvinfer compatibility; ignored (CPU runtime)", 0,
          G_MAXUINT, 0, rw));
  g_object_class_install_property (gobject_class, PROP_INPUT_TENSOR_META,
      g_param_spec_boolean ("input-tensor-meta", "Input tensor meta", "Infer on the ROI tensors of "
          "dsnetpreprocess / nvdspreprocess (NVDS_PREPROCESS_BATCH_META) instead of whole frames or objects", FALSE, rw));
  g_object_class_install_property (gobject_class, PROP_CROP_OBJECTS_TO_ROI_BOUNDARY,
      g_param_spec_boolean ("crop-objects-to-roi-boundary", "Crop objects to ROI boundary", "Clamp boxes "
          "to the ROI limits instead of dropping them", FALSE, rw));
  g_object_class_install_property (gobject_class, PROP_INTRA_OP_THREADS,
      g_param_spec_int ("intra-op-threads", "Intra-op threads", "ONNX Runtime intra-op thread count "
          "(0 = chosen from the cores and the pipeline, see README); overrides [dsnet] intra-op-threads", 0,
          1024, 0, rw));
  g_object_class_install_property (gobject_class, PROP_OVERLAP,
      g_param_spec_boolean ("overlap", "Overlap", "Primary mode: preprocess the next batch while ONNX Runtime "
          "runs this one (buffers leave one batch later); overrides [dsnet] overlap", TRUE, rw));
  g_object_class_install_property (gobject_class, PROP_INTRA_OP_SPINNING,
      g_param_spec_boolean ("intra-op-spinning", "Intra-op spinning", "Let ONNX Runtime's idle intra-op "
          "threads spin (busy-wait) between runs instead of sleeping: off by default, because the spinning "
          "threads take the cores the decoder and other GIEs need; overrides [dsnet] intra-op-spinning", FALSE,
          rw));

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "DeepStreamNet inference",
      "Filter/Video/Analyzer", "nvinfer-compatible inference with ONNX Runtime on the CPU: reads nvinfer "
      "config files and writes DeepStream object, classifier and tensor metadata",
      "DeepStreamNet");

  bt_class->start = GST_DEBUG_FUNCPTR (gst_dsnet_infer_start);
  bt_class->stop = GST_DEBUG_FUNCPTR (gst_dsnet_infer_stop);
  bt_class->set_caps = GST_DEBUG_FUNCPTR (gst_dsnet_infer_set_caps);
  bt_class->transform_ip = GST_DEBUG_FUNCPTR (gst_dsnet_infer_transform_ip);
  bt_class->generate_output = GST_DEBUG_FUNCPTR (gst_dsnet_infer_generate_output);
  bt_class->sink_event = GST_DEBUG_FUNCPTR (gst_dsnet_infer_sink_event);
  bt_class->query = GST_DEBUG_FUNCPTR (gst_dsnet_infer_query);
  gst_type_mark_as_plugin_api (GST_TYPE_DSNET_INFER_PROCESS_MODE, 0);
}

static void
gst_dsnet_infer_init (GstDsNetInfer * self)
{
  self->unique_id = DEFAULT_UNIQUE_ID;
  self->process_mode = GST_DSNET_INFER_PROCESS_MODE_PRIMARY;
  self->batch_size = DEFAULT_BATCH_SIZE;
  self->infer_on_gie_id = -1;
  self->overlap = TRUE;
  gst_base_transform_set_in_place (GST_BASE_TRANSFORM (self), TRUE);
  gst_base_transform_set_passthrough (GST_BASE_TRANSFORM (self), FALSE);
}
