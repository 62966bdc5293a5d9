/* ONNX Runtime C API session wrapper. */
#include "infer_ort.h"
#include "infer_config.h"
#include <string.h>
#include "infer_ort_loader.h"

#include <gst/gst.h>
#include <onnxruntime_c_api.h>

/* ONNX Runtime's own log (session set-up, arena growth, kernel warnings) goes to this GStreamer debug category:
 * GST_DEBUG=dsnetort:4 shows ONNX Runtime's INFO messages, dsnetort:6 its VERBOSE ones. */
GST_DEBUG_CATEGORY_STATIC (dsnet_ort_debug);
#define GST_CAT_DEFAULT dsnet_ort_debug

struct _DsnetOrtModel
{
  OrtEnv *env;
  OrtSession *session;
  OrtMemoryInfo *mem;
  DsnetTensorDesc input;
  DsnetTensorDesc *outputs;
  guint n_outputs;
  const char **output_names;
  OrtRunOptions *shrink;        /* run options that give the arena's unused regions back after the run */
  guint runs;
};

/* Every this many runs the CPU arena hands back the regions no run is using. The arena only grows, and fragmentation
 * makes it grow at random moments long into a run (one 19.7 MB extension after 5 minutes of a 4-stream soak); giving
 * unused regions back now and then bounds that, for the price of re-extending once (a few ms) every few seconds. */
#define DSNET_ORT_SHRINK_EVERY 256

static const OrtApi *
ort (void)
{
  static gsize once;
  static const OrtApi *api;
  if (g_once_init_enter (&once)) {
    const OrtApiBase *base = dsnet_ort_api_base (NULL);
    api = base ? base->GetApi (ORT_API_VERSION) : NULL;
    g_once_init_leave (&once, 1);
  }
  return api;
}

static void
ort_log (void *param, OrtLoggingLevel severity, const char *category, const char *logid, const char *code_location,
    const char *message)
{
  (void) param;
  (void) logid;
  GstDebugLevel level = severity >= ORT_LOGGING_LEVEL_ERROR ? GST_LEVEL_ERROR
      : severity == ORT_LOGGING_LEVEL_WARNING ? GST_LEVEL_WARNING
      : severity == ORT_LOGGING_LEVEL_INFO ? GST_LEVEL_INFO : GST_LEVEL_LOG;
  GST_CAT_LEVEL_LOG (dsnet_ort_debug, level, NULL, "[%s] %s (%s)", category ? category : "onnxruntime",
      message ? message : "", code_location ? code_location : "");
}

/* The least severe ONNX Runtime level the debug category shows (ONNX Runtime formats nothing below it). */
static OrtLoggingLevel
ort_log_level (void)
{
  static gsize once;
  if (g_once_init_enter (&once)) {
    GST_DEBUG_CATEGORY_INIT (dsnet_ort_debug, "dsnetort", 0, "ONNX Runtime's log (dsnetinfer)");
    g_once_init_leave (&once, 1);
  }
  GstDebugLevel t = gst_debug_category_get_threshold (dsnet_ort_debug);
  return t >= GST_LEVEL_LOG ? ORT_LOGGING_LEVEL_VERBOSE : t >= GST_LEVEL_INFO ? ORT_LOGGING_LEVEL_INFO
      : ORT_LOGGING_LEVEL_WARNING;
}

/* Turns a status into a GError (and releases it). TRUE when there was no error. */
static gboolean
check (OrtStatus * st, GError ** error, const gchar * what, const gchar * path)
{
  if (st == NULL)
    return TRUE;
  g_set_error (error, DSNET_INFER_ERROR, 0, "ONNX Runtime: %s%s%s: %s", what,
      path ? " " : "", path ? path : "", ort ()->GetErrorMessage (st));
  ort ()->ReleaseStatus (st);
  return FALSE;
}

static gboolean
type_info_desc (OrtTypeInfo * ti, DsnetTensorDesc * d, const gchar * path, GError ** error)
{
  const OrtTensorTypeAndShapeInfo *tsi = NULL;
  ONNXTensorElementDataType type;
  if (!check (ort ()->CastTypeInfoToTensorInfo (ti, &tsi), error, "tensor info of", path))
    return FALSE;
  if (tsi == NULL) {
    g_set_error (error, DSNET_INFER_ERROR, 0, "%s: tensor '%s' is not a tensor", path,
        d->name);
    return FALSE;
  }
  if (!check (ort ()->GetTensorElementType (tsi, &type), error, "element type of", path))
    return FALSE;
  if (type != ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT) {
    g_set_error (error, DSNET_INFER_ERROR, 0,
        "%s: tensor '%s' has element type %d; only float32 inputs and outputs are supported", path,
        d->name, (int) type);
    return FALSE;
  }
  size_t n = 0;
  if (!check (ort ()->GetDimensionsCount (tsi, &n), error, "dimensions of", path))
    return FALSE;
  if (n > DSNET_ORT_MAX_DIMS) {
    g_set_error (error, DSNET_INFER_ERROR, 0, "%s: tensor '%s' has %zu dimensions (max %d)",
        path, d->name, n, DSNET_ORT_MAX_DIMS);
    return FALSE;
  }
  d->n_dims = n;
  return check (ort ()->GetDimensions (tsi, (int64_t *) d->dims, n), error, "dimensions of", path);
}

DsnetOrtModel *
dsnet_ort_model_load (const gchar * path, gint intra, gint inter, DsnetOrtSpinning spinning, GError ** error)
{
  if (dsnet_ort_api_base (error) == NULL)
    return NULL;
  const OrtApi *api = ort ();
  if (api == NULL) {
    g_set_error (error, DSNET_INFER_ERROR, 0,
        "ONNX Runtime library does not provide API version %d", ORT_API_VERSION);
    return NULL;
  }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, DSNET_INFER_ERROR, 0, "model file %s does not exist", path);
    return NULL;
  }
  DsnetOrtModel *m = g_new0 (DsnetOrtModel, 1);
  OrtSessionOptions *so = NULL;
  OrtAllocator *alloc = NULL;
  gboolean ok = check (api->CreateEnvWithCustomLogger (ort_log, NULL, ort_log_level (), "dsnetinfer", &m->env), error,
      "creating the environment", NULL)
      && check (api->CreateSessionOptions (&so), error, "session options", NULL)
      && (intra <= 0 || check (api->SetIntraOpNumThreads (so, intra), error, "intra-op threads", NULL))
      && (inter <= 0 || check (api->SetInterOpNumThreads (so, inter), error, "inter-op threads", NULL))
      && check (api->SetSessionGraphOptimizationLevel (so, ORT_ENABLE_ALL), error, "optimisation", NULL)
      && (spinning == DSNET_ORT_SPIN_DEFAULT || check (api->AddSessionConfigEntry (so,
              "session.intra_op.allow_spinning", spinning == DSNET_ORT_SPIN_ON ? "1" : "0"), error,
          "intra-op spinning", NULL))
      && check (api->CreateSession (m->env, path, so, &m->session), error, "loading", path)
      && check (api->CreateCpuMemoryInfo (OrtArenaAllocator, OrtMemTypeDefault, &m->mem), error,
      "memory info", NULL)
      && check (api->CreateRunOptions (&m->shrink), error, "run options", NULL)
      && check (api->AddRunConfigEntry (m->shrink, "memory.enable_memory_arena_shrinkage", "cpu:0"), error,
      "arena shrinkage", NULL)
      && check (api->GetAllocatorWithDefaultOptions (&alloc), error, "allocator", NULL);
  if (so)
    api->ReleaseSessionOptions (so);
  size_t n_in = 0, n_out = 0;
  ok = ok && check (api->SessionGetInputCount (m->session, &n_in), error, "inputs of", path)
      && check (api->SessionGetOutputCount (m->session, &n_out), error, "outputs of", path);
  if (ok && n_in != 1) {
    g_set_error (error, DSNET_INFER_ERROR, 0,
        "%s: the model has %zu inputs; dsnetinfer supports models with exactly one image input", path, n_in);
    ok = FALSE;
  }
  if (ok) {
    char *name = NULL;
    OrtTypeInfo *ti = NULL;
    ok = check (api->SessionGetInputName (m->session, 0, alloc, &name), error, "input name of", path);
    if (ok) {
      m->input.name = g_strdup (name);
      (void) check (api->AllocatorFree (alloc, name), NULL, "free", NULL);
      ok = check (api->SessionGetInputTypeInfo (m->session, 0, &ti), error, "input of", path)
          && type_info_desc (ti, &m->input, path, error);
      if (ti)
        api->ReleaseTypeInfo (ti);
    }
  }
  if (ok) {
    m->n_outputs = (guint) n_out;
    m->outputs = g_new0 (DsnetTensorDesc, MAX (n_out, 1));
    m->output_names = g_new0 (const char *, MAX (n_out, 1));
    for (guint i = 0; ok && i < n_out; i++) {
      char *name = NULL;
      OrtTypeInfo *ti = NULL;
      ok = check (api->SessionGetOutputName (m->session, i, alloc, &name), error, "output name of", path);
      if (!ok)
        break;
      m->outputs[i].name = g_strdup (name);
      m->output_names[i] = m->outputs[i].name;
      (void) check (api->AllocatorFree (alloc, name), NULL, "free", NULL);
      ok = check (api->SessionGetOutputTypeInfo (m->session, i, &ti), error, "output of", path)
          && type_info_desc (ti, &m->outputs[i], path, error);
      if (ti)
        api->ReleaseTypeInfo (ti);
    }
  }
  if (!ok) {
    dsnet_ort_model_free (m);
    return NULL;
  }
  return m;
}

void
dsnet_ort_model_free (DsnetOrtModel * m)
{
  if (m == NULL)
    return;
  const OrtApi *api = ort ();
  if (m->session)
    api->ReleaseSession (m->session);
  if (m->mem)
    api->ReleaseMemoryInfo (m->mem);
  if (m->shrink)
    api->ReleaseRunOptions (m->shrink);
  if (m->env)
    api->ReleaseEnv (m->env);
  g_free (m->input.name);
  for (guint i = 0; i < m->n_outputs; i++)
    g_free (m->outputs[i].name);
  g_free (m->outputs);
  g_free (m->output_names);
  g_free (m);
}

const DsnetTensorDesc *
dsnet_ort_model_input (const DsnetOrtModel * m)
{
  return &m->input;
}

guint
dsnet_ort_model_n_outputs (const DsnetOrtModel * m)
{
  return m->n_outputs;
}

const DsnetTensorDesc *
dsnet_ort_model_output (const DsnetOrtModel * m, guint i)
{
  return i < m->n_outputs ? &m->outputs[i] : NULL;
}

DsnetOrtOutputs *
dsnet_ort_model_run (DsnetOrtModel * m, gfloat * input, const gint64 * dims, gsize n_dims, GError ** error)
{
  const OrtApi *api = ort ();
  gsize count = 1;
  for (gsize i = 0; i < n_dims; i++)
    count *= (gsize) dims[i];
  OrtValue *in = NULL;
  if (!check (api->CreateTensorWithDataAsOrtValue (m->mem, input, count * sizeof (gfloat),
              (const int64_t *) dims, n_dims, ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, &in), error,
          "input tensor", NULL))
    return NULL;
  OrtValue **outs = g_new0 (OrtValue *, MAX (m->n_outputs, 1));
  const char *in_name = m->input.name;
  OrtRunOptions *ro = (++m->runs % DSNET_ORT_SHRINK_EVERY == 0) ? m->shrink : NULL;
  gboolean ok = check (api->Run (m->session, ro, &in_name, (const OrtValue * const *) &in, 1,
          m->output_names, m->n_outputs, outs), error, "inference", NULL);
  api->ReleaseValue (in);
  DsnetOrtOutputs *o = g_new0 (DsnetOrtOutputs, 1);
  o->n = m->n_outputs;
  o->data = g_new0 (const gfloat *, MAX (o->n, 1));
  o->desc = g_new0 (DsnetTensorDesc, MAX (o->n, 1));
  o->priv = outs;
  for (guint i = 0; ok && i < o->n; i++) {
    void *p = NULL;
    OrtTensorTypeAndShapeInfo *tsi = NULL;
    size_t nd = 0;
    o->desc[i].name = m->outputs[i].name;
    ok = check (api->GetTensorMutableData (outs[i], &p), error, "output data", NULL)
        && check (api->GetTensorTypeAndShape (outs[i], &tsi), error, "output shape", NULL)
        && check (api->GetDimensionsCount (tsi, &nd), error, "output shape", NULL);
    if (ok && nd > DSNET_ORT_MAX_DIMS) {
      g_set_error (error, DSNET_INFER_ERROR, 0, "output '%s' has too many dimensions",
          m->outputs[i].name);
      ok = FALSE;
    }
    if (ok) {
      o->desc[i].n_dims = nd;
      ok = check (api->GetDimensions (tsi, (int64_t *) o->desc[i].dims, nd), error, "output shape", NULL);
    }
    if (tsi)
      api->ReleaseTensorTypeAndShapeInfo (tsi);
    o->data[i] = p;
  }
  if (!ok) {
    dsnet_ort_outputs_free (o);
    return NULL;
  }
  return o;
}

void
dsnet_ort_outputs_free (DsnetOrtOutputs * o)
{
  if (o == NULL)
    return;
  OrtValue **outs = o->priv;
  for (guint i = 0; i < o->n; i++)
    if (outs[i])
      ort ()->ReleaseValue (outs[i]);
  g_free (outs);
  g_free (o->data);
  g_free (o->desc);
  g_free (o);
}

void
dsnet_ort_outputs_layer_info (const DsnetOrtOutputs * o, guint i, guint item, NvDsInferLayerInfo * li)
{
  const DsnetTensorDesc *d = &o->desc[i];
  gsize per = 1;
  memset (li, 0, sizeof (*li));
  li->inferDims.numDims = (guint) MIN (d->n_dims > 0 ? d->n_dims - 1 : 0, NVDSINFER_MAX_DIMS);
  for (gsize k = 1; k < d->n_dims; k++) {
    per *= (gsize) d->dims[k];
    if (k - 1 < NVDSINFER_MAX_DIMS)
      li->inferDims.d[k - 1] = (guint) d->dims[k];
  }
  li->inferDims.numElements = (guint) per;
  li->dataType = FLOAT;
  li->bindingIndex = (gint) i + 1;
  li->layerName = g_intern_string (d->name);
  li->isInput = 0;
  li->buffer = (gpointer) (o->data[i] + per * item);
}
