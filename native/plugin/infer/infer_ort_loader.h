/* Finds ONNX Runtime at run time instead of through a DT_NEEDED entry, so the plugin loads wherever it is installed:
 * the NuGet layout ships libonnxruntime.so (Microsoft.ML.OnnxRuntime's file name) beside libgstdsnet.so, CMake's
 * install and build trees ship libonnxruntime.so.1 (its soname), and gst-inspect needs no ONNX Runtime at all. */
#ifndef DSNET_INFER_ORT_LOADER_H
#define DSNET_INFER_ORT_LOADER_H

#include <glib.h>
#include <onnxruntime_c_api.h>

G_BEGIN_DECLS

/* ONNX Runtime's API base, loaded once. Order: a copy already in the process, the folder of the module holding this
 * code and its parent (libonnxruntime.so.1, then libonnxruntime.so), then the loader's own search. NULL with `error`
 * set (every path tried and why) when none loads. */
const OrtApiBase *dsnet_ort_api_base (GError ** error);

G_END_DECLS

#endif
