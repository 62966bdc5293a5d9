/* dsnetinfer: nvinfer-compatible inference on ONNX Runtime (CPU). See README.md § dsnetinfer. */
#ifndef GST_DSNET_INFER_H
#define GST_DSNET_INFER_H

#include <gst/base/gstbasetransform.h>
#include <gst/gst.h>

G_BEGIN_DECLS

#define GST_TYPE_DSNET_INFER (gst_dsnet_infer_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetInfer, gst_dsnet_infer, GST, DSNET_INFER, GstBaseTransform)

typedef enum
{
  GST_DSNET_INFER_PROCESS_MODE_PRIMARY = 1,
  GST_DSNET_INFER_PROCESS_MODE_SECONDARY = 2,
} GstDsNetInferProcessMode;

#define GST_TYPE_DSNET_INFER_PROCESS_MODE (gst_dsnet_infer_process_mode_get_type ())
GType gst_dsnet_infer_process_mode_get_type (void);

G_END_DECLS

#endif
