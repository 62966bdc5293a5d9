/*
 * dsnetstreamdemux: splits DsNetBatch buffers back into one stream per source (nvstreamdemux's role).
 */
#ifndef GST_DSNET_STREAM_DEMUX_H
#define GST_DSNET_STREAM_DEMUX_H

#include <gst/gst.h>
#include <gst/base/gstflowcombiner.h>

G_BEGIN_DECLS

#define GST_TYPE_DSNET_STREAM_DEMUX (gst_dsnet_stream_demux_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetStreamDemux, gst_dsnet_stream_demux, GST, DSNET_STREAM_DEMUX,
    GstElement)

struct _GstDsNetStreamDemux
{
  GstElement parent;

  GstPad *sinkpad;
  GHashTable *srcs;             /* source id → DemuxSrc (object lock) */
  GstFlowCombiner *flow;        /* object lock */

  /* from the sink's sticky events (streaming thread) */
  gboolean have_caps;
  gint width, height, fps_n, fps_d;
  gboolean have_segment;
  GstSegment segment;
  gboolean have_group_id;
  guint group_id;
};

G_END_DECLS

#endif /* GST_DSNET_STREAM_DEMUX_H */
