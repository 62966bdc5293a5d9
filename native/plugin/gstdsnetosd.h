/*
 * dsnetosd: draws the boxes, labels, masks and display-meta shapes of a batch onto its RGBA frames with
 * Cairo and Pango, in place. Portable counterpart of nvdsosd.
 */
#ifndef GST_DSNET_OSD_H
#define GST_DSNET_OSD_H

#include <gst/base/gstbasetransform.h>

G_BEGIN_DECLS

#define GST_TYPE_DSNET_OSD (gst_dsnet_osd_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetOsd, gst_dsnet_osd, GST, DSNET_OSD, GstBaseTransform)

G_END_DECLS

#endif /* GST_DSNET_OSD_H */
