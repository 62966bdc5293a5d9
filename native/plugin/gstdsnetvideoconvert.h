/*
 * dsnetvideoconvert: turns a batch-size=1 DsNetBatch back into plain video/x-raw,format=RGBA without
 * copying (same buffer, metadata kept), so ordinary elements (videoconvert, encoders, sinks) can follow
 * the tiler, the OSD or the demuxer.
 */
#ifndef GST_DSNET_VIDEO_CONVERT_H
#define GST_DSNET_VIDEO_CONVERT_H

#include <gst/base/gstbasetransform.h>

G_BEGIN_DECLS

#define GST_TYPE_DSNET_VIDEO_CONVERT (gst_dsnet_video_convert_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetVideoConvert, gst_dsnet_video_convert, GST, DSNET_VIDEO_CONVERT,
    GstBaseTransform)

G_END_DECLS

#endif /* GST_DSNET_VIDEO_CONVERT_H */
