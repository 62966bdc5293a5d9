/*
 * nvinfer custom parser libraries (custom-lib-path) on the portable runtime: loads the library, resolves the
 * parser symbol and calls it with DeepStream 6.3's C++ ABI (std::vector / std::string references, see
 * shared/spec/nvdsinfer-custom-parser-abi.md §3–§5). C interface so the element stays C; the calls are made
 * from C++ (infer_custom_lib.cpp).
 */
#ifndef DSNET_INFER_CUSTOM_LIB_H
#define DSNET_INFER_CUSTOM_LIB_H

#include <glib.h>

#include "nvdsinfer.h"

G_BEGIN_DECLS

typedef enum
{
  DSNET_CUSTOM_PARSER_BBOX,
  DSNET_CUSTOM_PARSER_CLASSIFIER,
} DsnetCustomParserKind;

typedef struct _DsnetCustomParser DsnetCustomParser;

/*
 * Opens `path` with dlopen(RTLD_LAZY) (a bare file name that is not next to the config is looked up in
 * `fallback_dir`, where the project installs libdsnet_parsers.so) and resolves `symbol`.
 * NULL + error naming the file (every path tried), the symbol and dlerror().
 */
DsnetCustomParser *dsnet_custom_parser_open (const gchar * path, const gchar * fallback_dir,
    const gchar * symbol, DsnetCustomParserKind kind, GError ** error);
void dsnet_custom_parser_free (DsnetCustomParser * parser);

/* The file actually loaded. */
const gchar *dsnet_custom_parser_path (const DsnetCustomParser * parser);

/* Fills the NvDsInferParseDetectionParams handed to every bbox call (one long-lived instance, as nvinfer). */
void dsnet_custom_parser_set_detection_params (DsnetCustomParser * parser, guint num_classes,
    const gdouble * pre_cluster_thresholds, const gdouble * post_cluster_thresholds);

/*
 * Runs a bbox parser and appends what passes nvinfer's filter (classId < numClassesConfigured and
 * confidence >= the class's pre-cluster-threshold) to `out` as DsnetInferObject (network-input pixels).
 * FALSE when the parser returned false or threw (nothing appended; the message is in `error`).
 */
gboolean dsnet_custom_parser_parse_bbox (DsnetCustomParser * parser, const NvDsInferLayerInfo * layers,
    guint n_layers, const NvDsInferNetworkInfo * network, GArray * out, GError ** error);

/*
 * Runs a classifier parser and appends one NvDsLabelInfo per attribute to `labels` (label_id ← attributeIndex,
 * result_class_id ← attributeValue, result_prob ← attributeConfidence, result_label ← attributeLabel, as
 * nvinfer). As nvinfer, nothing is appended when the parser gives no attribute or an empty description.
 * *desc receives the description string (g_free). FALSE when the parser returned false or threw.
 */
gboolean dsnet_custom_parser_classify (DsnetCustomParser * parser, const NvDsInferLayerInfo * layers,
    guint n_layers, const NvDsInferNetworkInfo * network, gfloat threshold, GArray * labels, gchar ** desc,
    GError ** error);

G_END_DECLS

#endif
