/* dsnetpreprocess: Gst-nvdspreprocess-compatible ROI tensors on the CPU. See README.md § dsnetpreprocess. */
#ifndef GST_DSNET_PREPROCESS_H
#define GST_DSNET_PREPROCESS_H

#include <gst/base/gstbasetransform.h>
#include <gst/gst.h>

G_BEGIN_DECLS

#define GST_TYPE_DSNET_PREPROCESS (gst_dsnet_preprocess_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetPreprocess, gst_dsnet_preprocess, GST, DSNET_PREPROCESS, GstBaseTransform)

G_END_DECLS

#endif
