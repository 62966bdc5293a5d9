/* dsnetinfer: DeepStream metadata written from inference results (deepstream-meta-abi.md §5.3). */
#ifndef GST_DSNET_INFER_META_H
#define GST_DSNET_INFER_META_H

#include <glib.h>

#include "infer_config.h"
#include "infer_labels.h"
#include "infer_ort.h"
#include "infer_preprocess.h"
#include "nvdsmeta.h"

G_BEGIN_DECLS

/* Fills an object meta as nvinfer does: ids, box (rect_params = detector_bbox_info), class colours,
 * label, text "Serif" 11 white on black at (left, top − 10), UNTRACKED_OBJECT_ID. */
void dsnet_infer_fill_object_meta (NvDsObjectMeta * om, const DsnetInferConfig * cfg,
    const DsnetInferLabels * labels, gint class_id, gfloat conf, gdouble left, gdouble top, gdouble width,
    gdouble height);

/* Arg-max per output layer of batch item `item`, kept when > threshold: an array of NvDsLabelInfo
 * (base_meta unused) to attach with dsnet_infer_attach_classifier_meta. */
GArray *dsnet_infer_classify (DsnetOrtOutputs * out, guint item, gdouble threshold,
    const DsnetInferLabels * labels);

/* One NvDsClassifierMeta with a copy of each label in `labels`, added to `om` (nothing when empty). */
void dsnet_infer_attach_classifier_meta (NvDsBatchMeta * batch, NvDsObjectMeta * om, GArray * labels,
    gint unique_id, const gchar * classifier_type);

/* An NVDSINFER_TENSOR_OUTPUT_META user meta holding copies of batch item `item` of every output. */
NvDsUserMeta *dsnet_infer_make_tensor_meta (NvDsBatchMeta * batch, DsnetOrtOutputs * out, guint item,
    const DsnetInferConfig * cfg, const DsnetPreprocess * pp);

G_END_DECLS

#endif
