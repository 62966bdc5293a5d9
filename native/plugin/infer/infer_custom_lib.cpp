/* Custom parser libraries: loading and DeepStream-ABI calls. See infer_custom_lib.h. */
#include "infer_custom_lib.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <exception>
#include <string>
#include <vector>

#include "infer_config.h"
#include "infer_detect.h"
#include "nvdsinfer_custom_impl.h"
#include "nvdsmeta.h"

struct _DsnetCustomParser
{
  gchar *path;
  gchar *symbol;
  gchar *crash_message;         /* written to stderr if the parser crashes */
  void *handle;
  DsnetCustomParserKind kind;
  void *func;
  NvDsInferParseDetectionParams params;
  std::vector<NvDsInferLayerInfo> layers;
  std::vector<NvDsInferObjectDetectionInfo> objects;
  std::vector<NvDsInferAttribute> attributes;
  std::string desc;
};

/* ------------------------------------------------------------------ crash attribution */

/* The parser running on this thread, for the fatal-signal message. */
static thread_local const DsnetCustomParser *running_parser;
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL };
static struct sigaction previous_actions[G_N_ELEMENTS (crash_signals)];

static void
crash_handler (int sig, siginfo_t * info, void *context)
{
  guint i = 0;
  while (i < G_N_ELEMENTS (crash_signals) && crash_signals[i] != sig)
    i++;
  const struct sigaction *prev = &previous_actions[i];
  if (running_parser != NULL) {
    /* async-signal-safe: one write of a preformatted message, then the previous handler (or the default
     * action when the faulting instruction runs again) */
    const gchar *m = running_parser->crash_message;
    ssize_t w = write (STDERR_FILENO, m, strlen (m));
    (void) w;
    running_parser = NULL;
    sigaction (sig, prev, NULL);
    return;
  }
  if (prev->sa_flags & SA_SIGINFO) {
    if (prev->sa_sigaction != NULL)
      prev->sa_sigaction (sig, info, context);
    return;
  }
  if (prev->sa_handler == SIG_IGN)
    return;
  if (prev->sa_handler == SIG_DFL) {
    sigaction (sig, prev, NULL);        /* re-executes the fault with the default action */
    return;
  }
  prev->sa_handler (sig);
}

/* Installed once, chaining to whatever handler was there (e.g. the .NET runtime's). */
static void
install_crash_handler (void)
{
  static gsize done = 0;
  if (!g_once_init_enter (&done))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (crash_signals); i++) {
    struct sigaction sa;
    memset (&sa, 0, sizeof (sa));
    sigaction (crash_signals[i], NULL, &previous_actions[i]);
    sa.sa_sigaction = crash_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset (&sa.sa_mask);
    sigaction (crash_signals[i], &sa, NULL);
  }
  g_once_init_leave (&done, 1);
}

/* ------------------------------------------------------------------ loading */

static void *
try_open (const gchar * path, GString * tried)
{
  void *h = dlopen (path, RTLD_LAZY);
  if (h == NULL)
    g_string_append_printf (tried, "\n  %s: %s", path, dlerror ());
  return h;
}

DsnetCustomParser *
dsnet_custom_parser_open (const gchar * path, const gchar * fallback_dir, const gchar * symbol,
    DsnetCustomParserKind kind, GError ** error)
{
  GString *tried = g_string_new (NULL);
  gchar *loaded = g_strdup (path);
  void *handle = NULL;
  gboolean bare = strchr (path, G_DIR_SEPARATOR) == NULL;
  if (!bare || g_file_test (path, G_FILE_TEST_EXISTS) || fallback_dir == NULL)
    handle = try_open (path, tried);
  if (handle == NULL && bare && fallback_dir != NULL) {
    g_free (loaded);
    loaded = g_build_filename (fallback_dir, path, NULL);
    handle = try_open (loaded, tried);
  }
  if (handle == NULL) {
    g_set_error (error, DSNET_INFER_ERROR, 0, "cannot load custom parser library %s:%s", path, tried->str);
    g_string_free (tried, TRUE);
    g_free (loaded);
    return NULL;
  }
  g_string_free (tried, TRUE);
  dlerror ();
  void *func = dlsym (handle, symbol);
  if (func == NULL) {
    const gchar *why = dlerror ();
    g_set_error (error, DSNET_INFER_ERROR, 0, "custom parser library %s does not export '%s' (%s); "
        "parsers must be declared extern \"C\" (or the config must give the mangled name)", loaded, symbol,
        why ? why : "symbol is NULL");
    dlclose (handle);
    g_free (loaded);
    return NULL;
  }
  DsnetCustomParser *p = new DsnetCustomParser ();
  p->path = loaded;
  p->symbol = g_strdup (symbol);
  p->crash_message = g_strdup_printf ("\ndsnetinfer: fatal signal inside custom parser %s() of %s: this is "
      "a bug in that library (run it under gdb or valgrind to find it)\n", symbol, loaded);
  p->handle = handle;
  p->kind = kind;
  p->func = func;
  p->params.numClassesConfigured = 0;
  install_crash_handler ();
  return p;
}

void
dsnet_custom_parser_free (DsnetCustomParser * p)
{
  if (p == NULL)
    return;
  dlclose (p->handle);
  g_free (p->path);
  g_free (p->symbol);
  g_free (p->crash_message);
  delete p;
}

const gchar *
dsnet_custom_parser_path (const DsnetCustomParser * p)
{
  return p->path;
}

void
dsnet_custom_parser_set_detection_params (DsnetCustomParser * p, guint num_classes, const gdouble * pre,
    const gdouble * post)
{
  p->params.numClassesConfigured = num_classes;
  p->params.perClassPreclusterThreshold.assign (pre, pre + num_classes);
  p->params.perClassPostclusterThreshold.assign (post, post + num_classes);
}

/* ------------------------------------------------------------------ calls */

static void
set_call_error (const DsnetCustomParser * p, GError ** error, const gchar * what)
{
  g_set_error (error, DSNET_INFER_ERROR, 0, "custom parser %s() of %s %s", p->symbol, p->path, what);
}

gboolean
dsnet_custom_parser_parse_bbox (DsnetCustomParser * p, const NvDsInferLayerInfo * layers, guint n_layers,
    const NvDsInferNetworkInfo * network, GArray * out, GError ** error)
{
  g_return_val_if_fail (p->kind == DSNET_CUSTOM_PARSER_BBOX, FALSE);
  p->layers.assign (layers, layers + n_layers);
  p->objects.clear ();
  auto fn = reinterpret_cast < NvDsInferParseCustomFunc > (p->func);
  bool ok;
  running_parser = p;
  try {
    ok = fn (p->layers, *network, p->params, p->objects);
  } catch (const std::exception & e) {
    running_parser = NULL;
    gchar *m = g_strdup_printf ("threw an exception: %s", e.what ());
    set_call_error (p, error, m);
    g_free (m);
    return FALSE;
  } catch ( ...) {
    running_parser = NULL;
    set_call_error (p, error, "threw an exception");
    return FALSE;
  }
  running_parser = NULL;
  if (!ok) {
    set_call_error (p, error, "returned false: no objects for this frame");
    return FALSE;
  }
  const auto & thr = p->params.perClassPreclusterThreshold;
  for (const auto & o:p->objects) {
    if (o.classId >= p->params.numClassesConfigured || o.detectionConfidence < thr[o.classId])
      continue;
    DsnetInferObject d = { (gint) o.classId, o.left, o.top, o.width, o.height, o.detectionConfidence };
    g_array_append_val (out, d);
  }
  return TRUE;
}

gboolean
dsnet_custom_parser_classify (DsnetCustomParser * p, const NvDsInferLayerInfo * layers, guint n_layers,
    const NvDsInferNetworkInfo * network, gfloat threshold, GArray * labels, gchar ** desc, GError ** error)
{
  g_return_val_if_fail (p->kind == DSNET_CUSTOM_PARSER_CLASSIFIER, FALSE);
  p->layers.assign (layers, layers + n_layers);
  p->attributes.clear ();
  p->desc.clear ();
  auto fn = reinterpret_cast < NvDsInferClassiferParseCustomFunc > (p->func);
  bool ok = false;
  running_parser = p;
  try {
    ok = fn (p->layers, *network, threshold, p->attributes, p->desc);
    if (!ok)
      set_call_error (p, error, "returned false: no attributes for this unit");
  } catch (const std::exception & e) {
    gchar *m = g_strdup_printf ("threw an exception: %s", e.what ());
    set_call_error (p, error, m);
    g_free (m);
  } catch ( ...) {
    set_call_error (p, error, "threw an exception");
  }
  running_parser = NULL;
  gboolean keep = ok && !p->attributes.empty () && !p->desc.empty ();
  for (auto & a:p->attributes) {
    if (keep) {
      NvDsLabelInfo li;
      memset (&li, 0, sizeof (li));
      li.label_id = a.attributeIndex;
      li.result_class_id = a.attributeValue;
      li.result_prob = a.attributeConfidence;
      if (a.attributeLabel != NULL)
        g_strlcpy (li.result_label, a.attributeLabel, MAX_LABEL_SIZE);
      g_array_append_val (labels, li);
    }
    free (a.attributeLabel);    /* malloc'ed by the parser (spec §2.7) */
  }
  p->attributes.clear ();
  if (!ok)
    return FALSE;
  *desc = g_strdup (p->desc.c_str ());
  return TRUE;
}
