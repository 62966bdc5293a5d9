/* Run-time lookup of ONNX Runtime (see infer_ort_loader.h). */
#define _GNU_SOURCE
#include "infer_ort_loader.h"
#include "infer_config.h"

#include <dlfcn.h>

typedef const OrtApiBase *(*DsnetOrtGetApiBase) (void);

static const gchar *const ort_names[] = { "libonnxruntime.so.1", "libonnxruntime.so" };

static DsnetOrtGetApiBase
lookup (void *handle, GString * tried, const gchar * what)
{
  DsnetOrtGetApiBase fn = (DsnetOrtGetApiBase) dlsym (handle, "OrtGetApiBase");
  if (fn == NULL)
    g_string_append_printf (tried, "%s (no OrtGetApiBase); ", what);
  return fn;
}

static DsnetOrtGetApiBase
try_open (const gchar * path, int flags, GString * tried)
{
  void *handle = dlopen (path, flags);
  if (handle == NULL) {
    if (!(flags & RTLD_NOLOAD)) {
      const char *why = dlerror ();
      g_string_append_printf (tried, "%s (%s); ", path, why ? why : "not loadable");
    }
    return NULL;
  }
  /* Never closed: ONNX Runtime stays for the life of the process, like a DT_NEEDED library would. */
  return lookup (handle, tried, path);
}

/* The folder of the shared object (or executable) that holds this function. */
static gchar *
own_folder (void)
{
  Dl_info info;
  if (dladdr ((void *) own_folder, &info) == 0 || info.dli_fname == NULL || info.dli_fname[0] != '/')
    return NULL;
  return g_path_get_dirname (info.dli_fname);
}

static DsnetOrtGetApiBase
find_get_api_base (GString * tried)
{
  DsnetOrtGetApiBase fn = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (ort_names) && fn == NULL; i++)
    fn = try_open (ort_names[i], RTLD_NOW | RTLD_NOLOAD, tried);

  gchar *dir = own_folder ();
  if (dir != NULL) {
    gchar *parent = g_path_get_dirname (dir);
    const gchar *folders[] = { dir, parent };
    for (guint f = 0; f < G_N_ELEMENTS (folders) && fn == NULL; f++) {
      for (guint i = 0; i < G_N_ELEMENTS (ort_names) && fn == NULL; i++) {
        gchar *path = g_build_filename (folders[f], ort_names[i], NULL);
        if (g_file_test (path, G_FILE_TEST_EXISTS))
          fn = try_open (path, RTLD_NOW | RTLD_GLOBAL, tried);
        else
          g_string_append_printf (tried, "%s (no such file); ", path);
        g_free (path);
      }
    }
    g_free (parent);
    g_free (dir);
  }

  for (guint i = 0; i < G_N_ELEMENTS (ort_names) && fn == NULL; i++)
    fn = try_open (ort_names[i], RTLD_NOW | RTLD_GLOBAL, tried);
  return fn;
}

const OrtApiBase *
dsnet_ort_api_base (GError ** error)
{
  static gsize once;
  static const OrtApiBase *base;
  static gchar *failure;
  if (g_once_init_enter (&once)) {
    GString *tried = g_string_new (NULL);
    DsnetOrtGetApiBase fn = find_get_api_base (tried);
    base = fn ? fn () : NULL;
    if (base == NULL)
      failure = g_strdup_printf ("ONNX Runtime not found; tried: %s"
          "put libonnxruntime.so (NuGet package Microsoft.ML.OnnxRuntime, runtimes/<rid>/native) beside libgstdsnet.so "
          "or on the loader's path (LD_LIBRARY_PATH)", tried->str);
    g_string_free (tried, TRUE);
    g_once_init_leave (&once, 1);
  }
  if (base == NULL)
    g_set_error_literal (error, DSNET_INFER_ERROR, 0, failure);
  return base;
}
