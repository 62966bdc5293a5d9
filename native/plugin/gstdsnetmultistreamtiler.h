/*
 * dsnetmultistreamtiler: composes the frames of a DsNetBatch into one rows × columns picture (a
 * batch-size=1 DsNetBatch), moving every object's box into tile coordinates. Portable counterpart of
 * nvmultistreamtiler.
 */
#ifndef GST_DSNET_MULTISTREAM_TILER_H
#define GST_DSNET_MULTISTREAM_TILER_H

#include <gst/base/gstbasetransform.h>

G_BEGIN_DECLS

#define GST_TYPE_DSNET_MULTISTREAM_TILER (gst_dsnet_multistream_tiler_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetMultistreamTiler, gst_dsnet_multistream_tiler, GST,
    DSNET_MULTISTREAM_TILER, GstBaseTransform)

G_END_DECLS

#endif /* GST_DSNET_MULTISTREAM_TILER_H */
