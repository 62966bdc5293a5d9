/*
 * dsnetstreammux: batches frames of N raw-video sources into one DsNetBatch buffer (see dsnetbatch.h)
 * carrying an NvDsBatchMeta, the portable counterpart of DeepStream's nvstreammux.
 */
#ifndef GST_DSNET_STREAM_MUX_H
#define GST_DSNET_STREAM_MUX_H

#include <gst/gst.h>
#include <gst/base/gstaggregator.h>
#include <gst/video/video.h>

#include "nvdsmeta.h"

G_BEGIN_DECLS

#define GST_TYPE_DSNET_STREAM_MUX_PAD (gst_dsnet_stream_mux_pad_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetStreamMuxPad, gst_dsnet_stream_mux_pad, GST, DSNET_STREAM_MUX_PAD,
    GstAggregatorPad)

#define GST_TYPE_DSNET_STREAM_MUX (gst_dsnet_stream_mux_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetStreamMux, gst_dsnet_stream_mux, GST, DSNET_STREAM_MUX, GstAggregator)

struct _GstDsNetStreamMuxPad
{
  GstAggregatorPad parent;

  guint source_id;              /* parsed from the pad name sink_%u */
  gboolean have_info;           /* info is valid (caps received) */
  GstVideoInfo info;
  GstVideoConverter *convert;   /* built lazily for (info → output geometry) */
  gint frame_num;               /* running count of frames batched from this pad */
  guint frames_pending;         /* frames of this pad in the batch being filled */
};

struct _GstDsNetStreamMux
{
  GstAggregator parent;

  /* properties (object lock) */
  guint batch_size;
  guint width;
  guint height;
  gint batched_push_timeout;    /* µs, -1 = wait for a full batch */
  gboolean live_source;
  gboolean enable_padding;
  gboolean frame_num_reset_on_eos;
  gboolean attach_sys_ts;
  guint gpu_id;
  gint nvbuf_memory_type;
  guint buffer_pool_size;
  guint conversion_threads;
  guint max_same_source_frames; /* 0 = no limit */

  /* streaming state (aggregate thread) */
  guint out_width, out_height, out_batch; /* geometry of the current pool/batches */
  gint fps_n, fps_d;
  GstBufferPool *pool;
  GstBuffer *pending;           /* batch being filled, mapped in pending_map */
  GstMapInfo pending_map;
  NvDsBatchMeta *pending_meta;
  guint pending_n;
  GstClockTime pending_pts;     /* earliest running time of its frames */
  GstClockTime pending_deadline; /* clock time at which a partial batch must go (live) */
  GList *deferred_events;       /* stream-eos events waiting for the pending batch to go out */
  gboolean pushed_any;
  GstClockTime cached_latency;  /* gst_aggregator_get_latency () as last seen by aggregate */
};

G_END_DECLS

#endif /* GST_DSNET_STREAM_MUX_H */
