/*
 * dsnetstreammux — the portable stream muxer (nvstreammux's role).
 *
 * Every request pad sink_%u takes raw video in any common format and size; each frame is scaled and
 * converted (GstVideoConverter) straight into its slot of a DsNetBatch buffer (width × height RGBA,
 * dsnetbatch.h) that carries an NvDsBatchMeta with one NvDsFrameMeta per frame.
 *
 * Batch forming (fair, no source can starve another): every aggregation round takes at most ONE
 * frame from each pad that has one, in pad-index order; a batch is pushed as soon as it holds
 * batch-size frames (so a round may complete one batch and start the next), when batched-push-timeout
 * µs have passed since the batch took its first frame (live pipelines), or when every pad is EOS.
 * Non-live upstream: a round runs when every pad that is not EOS has a frame queued, so batches are
 * deterministic. Live upstream: a round runs as soon as any pad has a frame; the clock wakes the
 * element at the batch deadline.
 *
 * Output PTS = the earliest running time of the batch's frames (the output segment is TIME from 0);
 * NvDsFrameMeta.buf_pts keeps each input buffer's own PTS.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <string.h>

#include "gstdsnetstreammux.h"

#include "dsnetbatch.h"
#include "dsnet_bufsurface.h"
#include "elements.h"
#include "gstnvdsmeta.h"

GST_DEBUG_CATEGORY_STATIC (gst_dsnet_stream_mux_debug);
#define GST_CAT_DEFAULT gst_dsnet_stream_mux_debug

#define DEFAULT_BATCH_SIZE 1
#define DEFAULT_WIDTH 0
#define DEFAULT_HEIGHT 0
#define DEFAULT_BATCHED_PUSH_TIMEOUT -1
#define DEFAULT_LIVE_SOURCE FALSE
#define DEFAULT_ENABLE_PADDING FALSE
#define DEFAULT_FRAME_NUM_RESET_ON_EOS FALSE
#define DEFAULT_ATTACH_SYS_TS TRUE
#define DEFAULT_GPU_ID 0
#define DEFAULT_NVBUF_MEMORY_TYPE 0
#define DEFAULT_BUFFER_POOL_SIZE 4
#define DEFAULT_CONVERSION_THREADS 0
#define DEFAULT_MAX_SAME_SOURCE_FRAMES 1
#define MAX_AUTO_THREADS 8

enum
{
  PROP_0,
  PROP_BATCH_SIZE,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_BATCHED_PUSH_TIMEOUT,
  PROP_LIVE_SOURCE,
  PROP_ENABLE_PADDING,
  PROP_FRAME_NUM_RESET_ON_EOS,
  PROP_ATTACH_SYS_TS,
  PROP_GPU_ID,
  PROP_NVBUF_MEMORY_TYPE,
  PROP_BUFFER_POOL_SIZE,
  PROP_CONVERSION_THREADS,
  PROP_MAX_SAME_SOURCE_FRAMES,
};

/* Common formats first (RGBA needs no colour conversion), then anything GstVideoConverter unpacks. */
#define SINK_FORMATS_COMMON \
  "{ RGBA, I420, NV12, YV12, NV21, Y42B, Y444, YUY2, UYVY, YVYU, BGRA, ARGB, ABGR, " \
  "RGBx, BGRx, xRGB, xBGR, RGB, BGR, GRAY8, GRAY16_LE }"

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink_%u",
    GST_PAD_SINK, GST_PAD_REQUEST, GST_STATIC_CAPS (GST_VIDEO_CAPS_MAKE (SINK_FORMATS_COMMON) "; "
        GST_VIDEO_CAPS_MAKE (GST_VIDEO_FORMATS_ALL)));

static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));

/* nvstreammux's nvbuf-memory-type values; accepted and ignored (all memory is system memory here). */
#define GST_TYPE_DSNET_STREAM_MUX_MEMORY_TYPE (gst_dsnet_stream_mux_memory_type_get_type ())
static GType
gst_dsnet_stream_mux_memory_type_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    {0, "Default memory allocated, specific to particular platform", "nvbuf-mem-default"},
    {1, "Allocate Pinned/Host cuda memory", "nvbuf-mem-cuda-pinned"},
    {2, "Allocate Device cuda memory", "nvbuf-mem-cuda-device"},
    {3, "Allocate Unified cuda memory", "nvbuf-mem-cuda-unified"},
    {4, "Allocate Surface Array memory, applicable for Jetson", "nvbuf-mem-surface-array"},
    {0, NULL, NULL},
  };
  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstDsNetStreamMuxMemoryType", values);
    g_once_init_leave (&type, t);
  }
  return (GType) type;
}

/* ------------------------------------------------------------------------------------------------ */
/* Sink pad */

G_DEFINE_TYPE (GstDsNetStreamMuxPad, gst_dsnet_stream_mux_pad, GST_TYPE_AGGREGATOR_PAD);

/* Geometry the pad's converter was built for (the converter is rebuilt when any of it changes). */
typedef struct
{
  guint width, height;
  gboolean padding;
  guint threads;
} ConvKey;

static GQuark conv_key_quark;

static void
gst_dsnet_stream_mux_pad_finalize (GObject * object)
{
  GstDsNetStreamMuxPad *pad = GST_DSNET_STREAM_MUX_PAD (object);

  if (pad->convert)
    gst_video_converter_free (pad->convert);
  pad->convert = NULL;

  G_OBJECT_CLASS (gst_dsnet_stream_mux_pad_parent_class)->finalize (object);
}

static void
gst_dsnet_stream_mux_pad_class_init (GstDsNetStreamMuxPadClass * klass)
{
  G_OBJECT_CLASS (klass)->finalize = gst_dsnet_stream_mux_pad_finalize;
  conv_key_quark = g_quark_from_static_string ("dsnet-streammux-conv-key");
}

static void
gst_dsnet_stream_mux_pad_init (GstDsNetStreamMuxPad * pad)
{
  gst_video_info_init (&pad->info);
}

/* ------------------------------------------------------------------------------------------------ */
/* Element */

G_DEFINE_TYPE (GstDsNetStreamMux, gst_dsnet_stream_mux, GST_TYPE_AGGREGATOR);
GST_ELEMENT_REGISTER_DEFINE (dsnetstreammux, "dsnetstreammux", GST_RANK_NONE,
    GST_TYPE_DSNET_STREAM_MUX);

static gint
compare_pads (gconstpointer a, gconstpointer b)
{
  const GstDsNetStreamMuxPad *pa = a, *pb = b;
  return pa->source_id < pb->source_id ? -1 : (pa->source_id > pb->source_id ? 1 : 0);
}

/* Snapshot of the sink pads (refs held), sorted by pad index. */
static gpointer
ref_pad (gconstpointer src, gpointer user_data)
{
  (void) user_data;
  return gst_object_ref ((gpointer) src);
}

static GList *
get_sorted_pads (GstDsNetStreamMux * self)
{
  GList *pads;

  GST_OBJECT_LOCK (self);
  pads = g_list_copy_deep (GST_ELEMENT (self)->sinkpads, ref_pad, NULL);
  GST_OBJECT_UNLOCK (self);
  return g_list_sort (pads, compare_pads);
}

static guint
resolve_threads (guint requested)
{
  if (requested > 0)
    return requested;
  return MIN (g_get_num_processors (), MAX_AUTO_THREADS);
}

static void
drop_deferred_events (GstDsNetStreamMux * self)
{
  g_list_free_full (self->deferred_events, (GDestroyNotify) gst_event_unref);
  self->deferred_events = NULL;
}

static void
clear_frames_pending (GstDsNetStreamMux * self)
{
  GList *l;

  GST_OBJECT_LOCK (self);
  for (l = GST_ELEMENT (self)->sinkpads; l; l = l->next)
    GST_DSNET_STREAM_MUX_PAD (l->data)->frames_pending = 0;
  GST_OBJECT_UNLOCK (self);
}

static void
drop_pending (GstDsNetStreamMux * self)
{
  if (self->pending) {
    gst_buffer_unmap (self->pending, &self->pending_map);
    gst_buffer_unref (self->pending);
    self->pending = NULL;
  }
  self->pending_meta = NULL;
  self->pending_n = 0;
  self->pending_pts = GST_CLOCK_TIME_NONE;
  self->pending_deadline = GST_CLOCK_TIME_NONE;
  clear_frames_pending (self);
}

static void
drop_pool (GstDsNetStreamMux * self)
{
  if (self->pool) {
    gst_buffer_pool_set_active (self->pool, FALSE);
    gst_object_unref (self->pool);
    self->pool = NULL;
  }
}

static gboolean
ensure_pool (GstDsNetStreamMux * self)
{
  GstStructure *config;
  gsize size = dsnet_batch_frame_size (self->out_width, self->out_height) * self->out_batch;
  guint min_buffers;

  if (self->pool) {
    guint cur_size = 0;
    config = gst_buffer_pool_get_config (self->pool);
    gst_buffer_pool_config_get_params (config, NULL, &cur_size, NULL, NULL);
    gst_structure_free (config);
    if (cur_size == size)
      return TRUE;
    drop_pool (self);
  }

  GST_OBJECT_LOCK (self);
  min_buffers = MIN (self->buffer_pool_size, 2);
  GST_OBJECT_UNLOCK (self);

  self->pool = gst_buffer_pool_new ();
  config = gst_buffer_pool_get_config (self->pool);
  gst_buffer_pool_config_set_params (config, NULL, (guint) size, min_buffers, 0);
  if (!gst_buffer_pool_set_config (self->pool, config)
      || !gst_buffer_pool_set_active (self->pool, TRUE)) {
    GST_ELEMENT_ERROR (self, RESOURCE, NO_SPACE_LEFT,
        ("dsnetstreammux: cannot allocate batch buffers of %" G_GSIZE_FORMAT " bytes", size),
        (NULL));
    drop_pool (self);
    return FALSE;
  }
  return TRUE;
}

/* Starts a new batch: pool buffer mapped for writing, NvDsBatchMeta attached as nvstreammux does. */
static GstFlowReturn
start_batch (GstDsNetStreamMux * self)
{
  GstBuffer *buf = NULL;
  GstFlowReturn ret;
  NvDsBatchMeta *batch;
  NvDsMeta *meta;
  GstClock *clock;
  gint timeout_us;

  if (!ensure_pool (self))
    return GST_FLOW_ERROR;
  ret = gst_buffer_pool_acquire_buffer (self->pool, &buf, NULL);
  if (ret != GST_FLOW_OK)
    return ret;
  if (!gst_buffer_map (buf, &self->pending_map, GST_MAP_WRITE)) {
    gst_buffer_unref (buf);
    GST_ELEMENT_ERROR (self, RESOURCE, WRITE, ("dsnetstreammux: cannot map a batch buffer"),
        (NULL));
    return GST_FLOW_ERROR;
  }

  batch = nvds_create_batch_meta (self->out_batch);
  if (!batch) {
    gst_buffer_unmap (buf, &self->pending_map);
    gst_buffer_unref (buf);
    GST_ELEMENT_ERROR (self, RESOURCE, FAILED,
        ("dsnetstreammux: nvds_create_batch_meta(%u) failed", self->out_batch), (NULL));
    return GST_FLOW_ERROR;
  }
  meta = gst_buffer_add_nvds_meta (buf, batch, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  meta->meta_type = NVDS_BATCH_GST_META;
  batch->base_meta.batch_meta = batch;
  batch->base_meta.copy_func = nvds_batch_meta_copy_func;
  batch->base_meta.release_func = nvds_batch_meta_release_func;
  batch->max_frames_in_batch = self->out_batch;
  /* NvBufSurface description of the slots, so probes read pixels the DeepStream way */
  dsnet_buffer_add_surface_meta (buf, self->out_width, self->out_height, self->out_batch);

  self->pending = buf;
  self->pending_meta = batch;
  self->pending_n = 0;
  self->pending_pts = GST_CLOCK_TIME_NONE;
  self->pending_deadline = GST_CLOCK_TIME_NONE;

  GST_OBJECT_LOCK (self);
  timeout_us = self->batched_push_timeout;
  GST_OBJECT_UNLOCK (self);
  clock = gst_element_get_clock (GST_ELEMENT (self));
  if (clock) {
    if (timeout_us >= 0)
      self->pending_deadline = gst_clock_get_time (clock) + (GstClockTime) timeout_us * GST_USECOND;
    gst_object_unref (clock);
  }
  return GST_FLOW_OK;
}

static GstFlowReturn
push_pending (GstDsNetStreamMux * self)
{
  GstAggregator *agg = GST_AGGREGATOR (self);
  GstBuffer *buf = self->pending;
  GstClockTime duration = GST_CLOCK_TIME_NONE;
  GstFlowReturn ret;
  GList *events, *l;

  if (!buf)
    return GST_FLOW_OK;

  gst_buffer_unmap (buf, &self->pending_map);
  self->pending = NULL;
  self->pending_meta = NULL;
  dsnet_buffer_get_surface_meta (buf)->surface.numFilled = self->pending_n;

  if (self->fps_n > 0 && self->fps_d > 0)
    duration = gst_util_uint64_scale_int (GST_SECOND, self->fps_d, self->fps_n);
  GST_BUFFER_PTS (buf) = self->pending_pts;
  GST_BUFFER_DTS (buf) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_DURATION (buf) = duration;

  GST_OBJECT_LOCK (agg);
  if (GST_CLOCK_TIME_IS_VALID (self->pending_pts))
    GST_AGGREGATOR_PAD (agg->srcpad)->segment.position = self->pending_pts;
  GST_OBJECT_UNLOCK (agg);

  GST_LOG_OBJECT (self, "pushing batch of %u frames, pts %" GST_TIME_FORMAT, self->pending_n,
      GST_TIME_ARGS (self->pending_pts));
  gst_aggregator_selected_samples (agg, self->pending_pts, GST_CLOCK_TIME_NONE, duration, NULL);

  self->pending_n = 0;
  self->pending_pts = GST_CLOCK_TIME_NONE;
  self->pending_deadline = GST_CLOCK_TIME_NONE;
  clear_frames_pending (self);

  ret = gst_aggregator_finish_buffer (agg, buf);
  self->pushed_any = TRUE;

  /* stream-eos events of sources whose last frame was in this batch */
  events = self->deferred_events;
  self->deferred_events = NULL;
  for (l = events; l; l = l->next)
    gst_pad_push_event (agg->srcpad, GST_EVENT (l->data));
  g_list_free (events);

  return ret;
}

static gboolean
ensure_converter (GstDsNetStreamMux * self, GstDsNetStreamMuxPad * pad)
{
  ConvKey want, *have;
  GstVideoInfo out_info;
  gint dx = 0, dy = 0, dw, dh;
  GstStructure *config;

  GST_OBJECT_LOCK (self);
  want.padding = self->enable_padding;
  want.threads = resolve_threads (self->conversion_threads);
  GST_OBJECT_UNLOCK (self);
  want.width = self->out_width;
  want.height = self->out_height;

  have = g_object_get_qdata (G_OBJECT (pad), conv_key_quark);
  if (pad->convert && have && memcmp (have, &want, sizeof (want)) == 0)
    return TRUE;
  if (pad->convert)
    gst_video_converter_free (pad->convert);
  pad->convert = NULL;

  dw = (gint) want.width;
  dh = (gint) want.height;
  if (want.padding) {
    /* Keep the display aspect ratio (pixel aspect ratio included), centre, black borders. */
    gdouble par = (pad->info.par_n > 0 && pad->info.par_d > 0)
        ? (gdouble) pad->info.par_n / pad->info.par_d : 1.0;
    gdouble iw = GST_VIDEO_INFO_WIDTH (&pad->info) * par;
    gdouble ih = GST_VIDEO_INFO_HEIGHT (&pad->info);
    gdouble scale = MIN (want.width / iw, want.height / ih);
    dw = CLAMP ((gint) (iw * scale + 0.5), 1, (gint) want.width);
    dh = CLAMP ((gint) (ih * scale + 0.5), 1, (gint) want.height);
    dx = ((gint) want.width - dw) / 2;
    dy = ((gint) want.height - dh) / 2;
  }

  gst_video_info_set_format (&out_info, GST_VIDEO_FORMAT_RGBA, want.width, want.height);
  /* the converter insists on identical frame rates and interlacing; scaling is all it does here */
  out_info.fps_n = pad->info.fps_n;
  out_info.fps_d = pad->info.fps_d;
  GST_VIDEO_INFO_INTERLACE_MODE (&out_info) = GST_VIDEO_INFO_INTERLACE_MODE (&pad->info);
  config = gst_structure_new ("GstVideoConverter",
      GST_VIDEO_CONVERTER_OPT_DEST_X, G_TYPE_INT, dx,
      GST_VIDEO_CONVERTER_OPT_DEST_Y, G_TYPE_INT, dy,
      GST_VIDEO_CONVERTER_OPT_DEST_WIDTH, G_TYPE_INT, dw,
      GST_VIDEO_CONVERTER_OPT_DEST_HEIGHT, G_TYPE_INT, dh,
      GST_VIDEO_CONVERTER_OPT_FILL_BORDER, G_TYPE_BOOLEAN, TRUE,
      GST_VIDEO_CONVERTER_OPT_BORDER_ARGB, G_TYPE_UINT, 0xff000000u,
      GST_VIDEO_CONVERTER_OPT_RESAMPLER_METHOD, GST_TYPE_VIDEO_RESAMPLER_METHOD,
      GST_VIDEO_RESAMPLER_METHOD_LINEAR,
      GST_VIDEO_CONVERTER_OPT_DITHER_METHOD, GST_TYPE_VIDEO_DITHER_METHOD,
      GST_VIDEO_DITHER_NONE,
      GST_VIDEO_CONVERTER_OPT_THREADS, G_TYPE_UINT, want.threads, NULL);
  pad->convert = gst_video_converter_new (&pad->info, &out_info, config);
  if (!pad->convert) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
        ("dsnetstreammux: cannot convert %s (%s %dx%d) to RGBA %ux%u",
            GST_PAD_NAME (pad), GST_VIDEO_INFO_NAME (&pad->info),
            GST_VIDEO_INFO_WIDTH (&pad->info), GST_VIDEO_INFO_HEIGHT (&pad->info),
            want.width, want.height), (NULL));
    return FALSE;
  }
  g_object_set_qdata_full (G_OBJECT (pad), conv_key_quark, g_memdup2 (&want, sizeof (want)),
      g_free);
  return TRUE;
}

/* NTP time attached upstream (rtpjitterbuffer add-reference-timestamp-meta, as rtspsrc can do),
 * converted from the NTP era (1900) to UNIX-epoch nanoseconds; 0 when there is none. */
static guint64
upstream_ntp_time (GstBuffer * buf)
{
  static GstCaps *ntp_caps = NULL;
  const guint64 ntp_to_unix = G_GUINT64_CONSTANT (2208988800) * GST_SECOND;
  GstReferenceTimestampMeta *meta;

  if (g_once_init_enter (&ntp_caps)) {
    GstCaps *caps = gst_caps_new_empty_simple ("timestamp/x-ntp");
    GST_MINI_OBJECT_FLAG_SET (caps, GST_MINI_OBJECT_FLAG_MAY_BE_LEAKED);
    g_once_init_leave (&ntp_caps, caps);
  }
  meta = gst_buffer_get_reference_timestamp_meta (buf, ntp_caps);
  if (!meta || meta->timestamp < ntp_to_unix)
    return 0;
  return meta->timestamp - ntp_to_unix;
}

/* Converts one input frame into the next slot of the pending batch and adds its frame meta. */
static GstFlowReturn
add_frame (GstDsNetStreamMux * self, GstDsNetStreamMuxPad * pad, GstBuffer * inbuf)
{
  GstVideoFrame in_frame, out_frame;
  GstVideoInfo out_info;
  GstBuffer *slot_buf;
  NvDsFrameMeta *fm;
  NvDsBatchMeta *in_batch;
  GstFlowReturn ret;
  gsize fsize, offset;
  guint slot;
  gboolean sys_ts;
  GstClockTime rt;

  if (!pad->have_info) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
        ("dsnetstreammux: %s received a buffer before any caps", GST_PAD_NAME (pad)), (NULL));
    return GST_FLOW_NOT_NEGOTIATED;
  }
  if (!ensure_converter (self, pad))
    return GST_FLOW_NOT_NEGOTIATED;
  if (!self->pending) {
    ret = start_batch (self);
    if (ret != GST_FLOW_OK)
      return ret;
  }

  if (!gst_video_frame_map (&in_frame, &pad->info, inbuf, GST_MAP_READ)) {
    GST_ELEMENT_ERROR (self, STREAM, FORMAT,
        ("dsnetstreammux: buffer of %" G_GSIZE_FORMAT " bytes on %s does not hold a %s %dx%d frame",
            gst_buffer_get_size (inbuf), GST_PAD_NAME (pad), GST_VIDEO_INFO_NAME (&pad->info),
            GST_VIDEO_INFO_WIDTH (&pad->info), GST_VIDEO_INFO_HEIGHT (&pad->info)), (NULL));
    return GST_FLOW_ERROR;
  }

  slot = self->pending_n;
  fsize = dsnet_batch_frame_size (self->out_width, self->out_height);
  offset = dsnet_batch_frame_offset (self->out_width, self->out_height, slot);
  gst_video_info_set_format (&out_info, GST_VIDEO_FORMAT_RGBA, self->out_width,
      self->out_height);
  /* A borrowed view of the slot, so the converter writes straight into the batch. */
  slot_buf = gst_buffer_new_wrapped_full (0, self->pending_map.data + offset, fsize, 0, fsize,
      NULL, NULL);
  if (!gst_video_frame_map (&out_frame, &out_info, slot_buf, GST_MAP_WRITE)) {
    gst_video_frame_unmap (&in_frame);
    gst_buffer_unref (slot_buf);
    GST_ELEMENT_ERROR (self, RESOURCE, WRITE, ("dsnetstreammux: cannot map batch slot %u", slot),
        (NULL));
    return GST_FLOW_ERROR;
  }
  gst_video_converter_frame (pad->convert, &in_frame, &out_frame);
  gst_video_frame_unmap (&out_frame);
  gst_video_frame_unmap (&in_frame);
  gst_buffer_unref (slot_buf);

  GST_OBJECT_LOCK (self);
  sys_ts = self->attach_sys_ts;
  GST_OBJECT_UNLOCK (self);

  in_batch = gst_buffer_get_nvds_batch_meta (inbuf);
  if (in_batch && in_batch->frame_meta_list) {
    /* Already batched upstream (e.g. a demuxed stream): deep-copy its frame meta and rewrite only
     * batch_id, as nvstreammux does. */
    GList one = { in_batch->frame_meta_list->data, NULL, NULL };
    GList *last;

    nvds_acquire_meta_lock (in_batch);
    nvds_copy_frame_meta_list (&one, self->pending_meta);
    nvds_release_meta_lock (in_batch);
    last = g_list_last (self->pending_meta->frame_meta_list);
    if (!last) {
      GST_ELEMENT_ERROR (self, CORE, FAILED,
          ("dsnetstreammux: copying the frame meta of %s failed", GST_PAD_NAME (pad)), (NULL));
      return GST_FLOW_ERROR;
    }
    fm = last->data;
    fm->batch_id = slot;
    pad->frame_num++;
  } else {
    fm = nvds_acquire_frame_meta_from_pool (self->pending_meta);
    fm->pad_index = pad->source_id;
    fm->source_id = pad->source_id;
    fm->batch_id = slot;
    fm->frame_num = pad->frame_num++;
    fm->buf_pts = GST_BUFFER_PTS (inbuf);
    fm->ntp_timestamp = sys_ts ? (guint64) g_get_real_time () * 1000u : upstream_ntp_time (inbuf);
    fm->num_surfaces_per_frame = 1;
    fm->source_frame_width = GST_VIDEO_INFO_WIDTH (&pad->info);
    fm->source_frame_height = GST_VIDEO_INFO_HEIGHT (&pad->info);
    fm->pipeline_width = self->out_width;
    fm->pipeline_height = self->out_height;
    nvds_add_frame_meta_to_batch (self->pending_meta, fm);
    /* NvDs metas attached upstream of the muxer become frame user meta (DeepStream 6.1+). */
    if (gst_buffer_get_nvds_meta (inbuf))
      nvds_copy_gst_meta_to_frame_meta (inbuf, self->pending_meta, fm);
  }

  self->pending_n++;
  self->pending_meta->num_frames_in_batch = self->pending_n;
  pad->frames_pending++;

  GST_OBJECT_LOCK (pad);
  rt = gst_segment_to_running_time (&GST_AGGREGATOR_PAD (pad)->segment, GST_FORMAT_TIME,
      GST_BUFFER_PTS (inbuf));
  GST_OBJECT_UNLOCK (pad);
  if (GST_CLOCK_TIME_IS_VALID (rt)
      && (!GST_CLOCK_TIME_IS_VALID (self->pending_pts) || rt < self->pending_pts))
    self->pending_pts = rt;

  return GST_FLOW_OK;
}

static GstFlowReturn
gst_dsnet_stream_mux_aggregate (GstAggregator * agg, gboolean timeout)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (agg);
  GstFlowReturn ret = GST_FLOW_OK;
  GList *pads, *l;
  gboolean all_eos = TRUE, produced = FALSE;
  gint timeout_us;
  guint max_same;

  (void) timeout;
  self->cached_latency = gst_aggregator_get_latency (agg);

  if (self->out_width == 0 || self->out_height == 0 || self->out_batch == 0) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
        ("dsnetstreammux: output caps are not negotiated"), (NULL));
    return GST_FLOW_NOT_NEGOTIATED;
  }

  pads = get_sorted_pads (self);

  /* One round: at most one frame from each pad that has one, in pad-index order. */
  for (l = pads; l; l = l->next) {
    GstDsNetStreamMuxPad *pad = l->data;
    GstBuffer *buf = gst_aggregator_pad_pop_buffer (GST_AGGREGATOR_PAD (pad));

    if (!buf)
      continue;
    if (GST_BUFFER_FLAG_IS_SET (buf, GST_BUFFER_FLAG_GAP) || gst_buffer_get_size (buf) == 0) {
      gst_buffer_unref (buf);
      continue;
    }
    /* A source that already has max-same-source-frames frames in the batch closes it: with the
     * default 1, a tiler (one tile per source) never has to drop a second frame of a source. */
    GST_OBJECT_LOCK (self);
    max_same = self->max_same_source_frames;
    GST_OBJECT_UNLOCK (self);
    if (max_same > 0 && pad->frames_pending >= max_same) {
      ret = push_pending (self);
      produced = TRUE;
      if (ret != GST_FLOW_OK) {
        gst_buffer_unref (buf);
        goto done;
      }
    }
    ret = add_frame (self, pad, buf);
    gst_buffer_unref (buf);
    if (ret != GST_FLOW_OK)
      goto done;
    if (self->pending_n >= self->out_batch) {
      ret = push_pending (self);
      produced = TRUE;
      if (ret != GST_FLOW_OK)
        goto done;
    }
  }

  if (!pads)
    all_eos = FALSE;            /* every pad released: wait for new ones */
  for (l = pads; l; l = l->next) {
    GstAggregatorPad *aggpad = l->data;
    if (!gst_aggregator_pad_is_eos (aggpad) || gst_aggregator_pad_has_buffer (aggpad))
      all_eos = FALSE;
  }

  if (all_eos) {
    GST_DEBUG_OBJECT (self, "all sink pads are EOS");
    ret = push_pending (self);
    if (self->pushed_any) {
      for (l = self->deferred_events; l; l = l->next)
        gst_pad_push_event (agg->srcpad, gst_event_ref (GST_EVENT (l->data)));
    }
    drop_deferred_events (self);
    if (ret == GST_FLOW_OK)
      ret = GST_FLOW_EOS;
    goto done;
  }

  GST_OBJECT_LOCK (self);
  timeout_us = self->batched_push_timeout;
  GST_OBJECT_UNLOCK (self);
  if (self->pending && timeout_us >= 0 && GST_CLOCK_TIME_IS_VALID (self->pending_deadline)) {
    GstClock *clock = gst_element_get_clock (GST_ELEMENT (self));
    if (clock) {
      if (gst_clock_get_time (clock) >= self->pending_deadline) {
        GST_LOG_OBJECT (self, "batched-push-timeout: pushing %u of %u frames", self->pending_n,
            self->out_batch);
        ret = push_pending (self);
        produced = TRUE;
      }
      gst_object_unref (clock);
    }
  }

done:
  g_list_free_full (pads, gst_object_unref);
  if (ret == GST_FLOW_OK && !produced)
    return GST_AGGREGATOR_FLOW_NEED_DATA;
  return ret;
}

/* When to wake up without all pads ready (only used when upstream is live): at once if any pad holds
 * a frame (take it into the batch), else at the pending batch's deadline, else only on new data. */
static GstClockTime
gst_dsnet_stream_mux_get_next_time (GstAggregator * agg)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (agg);
  gboolean any = FALSE;
  GList *l;
  GstClockTime base, at;

  GST_OBJECT_LOCK (self);
  for (l = GST_ELEMENT (self)->sinkpads; l && !any; l = l->next)
    any = gst_aggregator_pad_has_buffer (GST_AGGREGATOR_PAD (l->data));
  base = GST_ELEMENT (self)->base_time;
  GST_OBJECT_UNLOCK (self);

  if (any)
    return 0;
  if (self->pending && GST_CLOCK_TIME_IS_VALID (self->pending_deadline)
      && GST_CLOCK_TIME_IS_VALID (self->cached_latency)) {
    /* The base class waits until base_time + returned time + latency. A deadline earlier than
     * base_time + latency (a batch started right after start-up) cannot be expressed: wake up that
     * much late rather than spin on an early wake-up (new frames still trigger rounds at once). */
    at = base + self->cached_latency;
    if (self->pending_deadline >= at)
      return self->pending_deadline - at;
    return self->pending_deadline > base ? self->pending_deadline - base : 0;
  }
  return GST_CLOCK_TIME_NONE;
}

static void
update_output_framerate (GstDsNetStreamMux * self, gint * fps_n, gint * fps_d)
{
  GList *l;

  *fps_n = 0;
  *fps_d = 1;
  GST_OBJECT_LOCK (self);
  for (l = GST_ELEMENT (self)->sinkpads; l; l = l->next) {
    GstDsNetStreamMuxPad *pad = l->data;
    if (!pad->have_info || pad->info.fps_n <= 0 || pad->info.fps_d <= 0)
      continue;
    if (gst_util_fraction_compare (pad->info.fps_n, pad->info.fps_d, *fps_n, *fps_d) > 0) {
      *fps_n = pad->info.fps_n;
      *fps_d = pad->info.fps_d;
    }
  }
  GST_OBJECT_UNLOCK (self);
}

static GstFlowReturn
gst_dsnet_stream_mux_update_src_caps (GstAggregator * agg, GstCaps * downstream_caps,
    GstCaps ** ret)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (agg);
  guint width, height, batch;
  gint fps_n, fps_d;
  GstCaps *caps;

  GST_OBJECT_LOCK (self);
  width = self->width;
  height = self->height;
  batch = self->batch_size;
  GST_OBJECT_UNLOCK (self);

  if (width == 0 || height == 0) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
        ("dsnetstreammux: the output size is not set (width=%u, height=%u)", width, height),
        ("set both the width and height properties to non-zero values "
            "(deepstream-app: [streammux] width= and height=)"));
    return GST_FLOW_NOT_NEGOTIATED;
  }

  update_output_framerate (self, &fps_n, &fps_d);
  caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, DSNET_BATCH_FORMAT,
      "width", G_TYPE_INT, (gint) width, "height", G_TYPE_INT, (gint) height,
      "framerate", GST_TYPE_FRACTION, fps_n, fps_d, "batch-size", G_TYPE_INT, (gint) batch,
      NULL);
  gst_caps_set_features (caps, 0, gst_caps_features_new (DSNET_BATCH_CAPS_FEATURE, NULL));

  *ret = gst_caps_intersect_full (caps, downstream_caps, GST_CAPS_INTERSECT_FIRST);
  gst_caps_unref (caps);
  if (gst_caps_is_empty (*ret)) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
        ("dsnetstreammux: downstream does not accept %s %ux%u batches of %u",
            DSNET_BATCH_FORMAT, width, height, batch),
        ("downstream caps: %" GST_PTR_FORMAT, downstream_caps));
    gst_caps_unref (*ret);
    *ret = NULL;
    return GST_FLOW_NOT_NEGOTIATED;
  }
  return GST_FLOW_OK;
}

static gboolean
gst_dsnet_stream_mux_negotiated_src_caps (GstAggregator * agg, GstCaps * caps)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (agg);
  GstStructure *s = gst_caps_get_structure (caps, 0);
  gint w = 0, h = 0, b = 0, fn = 0, fd = 1;

  if (!gst_structure_get_int (s, "width", &w) || !gst_structure_get_int (s, "height", &h)
      || !gst_structure_get_int (s, "batch-size", &b) || w <= 0 || h <= 0 || b <= 0)
    return FALSE;
  gst_structure_get_fraction (s, "framerate", &fn, &fd);

  if (self->pending && ((guint) w != self->out_width || (guint) h != self->out_height
          || (guint) b != self->out_batch)) {
    /* geometry changed while a batch was being filled: send what we have first */
    push_pending (self);
  }
  self->out_width = w;
  self->out_height = h;
  self->out_batch = b;
  self->fps_n = fn;
  self->fps_d = fd;
  GST_INFO_OBJECT (self, "output %dx%d RGBA, batch-size %d, %d/%d fps", w, h, b, fn, fd);
  return TRUE;
}

static void
handle_stream_eos (GstDsNetStreamMux * self, GstDsNetStreamMuxPad * pad)
{
  GstAggregator *agg = GST_AGGREGATOR (self);
  GstEvent *event;
  gboolean reset;

  GST_INFO_OBJECT (pad, "source %u reached EOS", pad->source_id);
  gst_element_post_message (GST_ELEMENT (self),
      gst_message_new_element (GST_OBJECT (self),
          gst_structure_new (DSNET_STREAM_EOS_MESSAGE, "stream-id", G_TYPE_UINT, pad->source_id,
              NULL)));

  GST_OBJECT_LOCK (self);
  reset = self->frame_num_reset_on_eos;
  GST_OBJECT_UNLOCK (self);
  if (reset)
    pad->frame_num = 0;

  event = gst_event_new_custom (GST_EVENT_CUSTOM_DOWNSTREAM,
      gst_structure_new (DSNET_STREAM_EOS_EVENT, "stream-id", G_TYPE_UINT, pad->source_id, NULL));
  if (pad->frames_pending > 0 || !self->pushed_any)
    self->deferred_events = g_list_append (self->deferred_events, event);
  else
    gst_pad_push_event (agg->srcpad, event);
}

static gboolean
gst_dsnet_stream_mux_sink_event (GstAggregator * agg, GstAggregatorPad * aggpad,
    GstEvent * event)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (agg);
  GstDsNetStreamMuxPad *pad = GST_DSNET_STREAM_MUX_PAD (aggpad);

  switch (GST_EVENT_TYPE (event)) {
    case GST_EVENT_CAPS:{
      GstCaps *caps;
      GstVideoInfo info;
      gboolean fps_changed;

      gst_event_parse_caps (event, &caps);
      if (!gst_video_info_from_caps (&info, caps)) {
        GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
            ("dsnetstreammux: %s got caps that are not raw video: %" GST_PTR_FORMAT,
                GST_PAD_NAME (pad), caps), (NULL));
        gst_event_unref (event);
        return FALSE;
      }
      GST_INFO_OBJECT (pad, "caps %" GST_PTR_FORMAT, caps);
      fps_changed = !pad->have_info || info.fps_n != pad->info.fps_n
          || info.fps_d != pad->info.fps_d;
      GST_OBJECT_LOCK (self);
      pad->info = info;
      pad->have_info = TRUE;
      GST_OBJECT_UNLOCK (self);
      if (pad->convert)
        gst_video_converter_free (pad->convert);
      pad->convert = NULL;
      if (fps_changed) {
        gint n, d;
        update_output_framerate (self, &n, &d);
        if (n != self->fps_n || d != self->fps_d)
          gst_pad_mark_reconfigure (agg->srcpad);
      }
      gst_event_unref (event);
      return TRUE;
    }
    case GST_EVENT_EOS:{
      gboolean res = GST_AGGREGATOR_CLASS (gst_dsnet_stream_mux_parent_class)->sink_event (agg,
          aggpad, event);
      handle_stream_eos (self, pad);
      return res;
    }
    default:
      break;
  }
  return GST_AGGREGATOR_CLASS (gst_dsnet_stream_mux_parent_class)->sink_event (agg, aggpad,
      event);
}

static GstAggregatorPad *
gst_dsnet_stream_mux_create_new_pad (GstAggregator * agg, GstPadTemplate * templ,
    const gchar * req_name, const GstCaps * caps)
{
  GstAggregatorPad *aggpad;
  guint index = 0;

  aggpad = GST_AGGREGATOR_CLASS (gst_dsnet_stream_mux_parent_class)->create_new_pad (agg, templ,
      req_name, caps);
  if (!aggpad)
    return NULL;
  if (sscanf (GST_PAD_NAME (aggpad), "sink_%u", &index) != 1)
    index = 0;
  GST_DSNET_STREAM_MUX_PAD (aggpad)->source_id = index;
  return aggpad;
}

static void
update_latency (GstDsNetStreamMux * self)
{
  gint timeout_us;
  GstClockTime lat;

  GST_OBJECT_LOCK (self);
  timeout_us = self->batched_push_timeout;
  GST_OBJECT_UNLOCK (self);
  /* A partial batch may hold a frame up to batched-push-timeout. */
  lat = timeout_us > 0 ? (GstClockTime) timeout_us * GST_USECOND : 0;
  gst_aggregator_set_latency (GST_AGGREGATOR (self), lat, lat);
}

static gboolean
gst_dsnet_stream_mux_start (GstAggregator * agg)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (agg);
  GList *l;
  gboolean live;

  self->pushed_any = FALSE;
  self->pending_n = 0;
  self->cached_latency = GST_CLOCK_TIME_NONE;
  self->out_width = self->out_height = self->out_batch = 0;
  GST_OBJECT_LOCK (self);
  for (l = GST_ELEMENT (self)->sinkpads; l; l = l->next) {
    GST_DSNET_STREAM_MUX_PAD (l->data)->frame_num = 0;
    GST_DSNET_STREAM_MUX_PAD (l->data)->frames_pending = 0;
  }
  live = self->live_source;
  GST_OBJECT_UNLOCK (self);
  /* live-source=1: run rounds and timeouts on the clock even when upstream says it is not live */
  gst_aggregator_set_force_live (agg, live);
  update_latency (self);
  return TRUE;
}

static gboolean
gst_dsnet_stream_mux_stop (GstAggregator * agg)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (agg);

  drop_pending (self);
  drop_deferred_events (self);
  drop_pool (self);
  return TRUE;
}

static GstFlowReturn
gst_dsnet_stream_mux_flush (GstAggregator * agg)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (agg);

  drop_pending (self);
  drop_deferred_events (self);
  return GST_FLOW_OK;
}

static void
gst_dsnet_stream_mux_set_property (GObject * object, guint prop_id, const GValue * value,
    GParamSpec * pspec)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_BATCH_SIZE:
      self->batch_size = g_value_get_uint (value);
      break;
    case PROP_WIDTH:
      self->width = g_value_get_uint (value);
      break;
    case PROP_HEIGHT:
      self->height = g_value_get_uint (value);
      break;
    case PROP_BATCHED_PUSH_TIMEOUT:
      self->batched_push_timeout = g_value_get_int (value);
      break;
    case PROP_LIVE_SOURCE:
      self->live_source = g_value_get_boolean (value);
      break;
    case PROP_ENABLE_PADDING:
      self->enable_padding = g_value_get_boolean (value);
      break;
    case PROP_FRAME_NUM_RESET_ON_EOS:
      self->frame_num_reset_on_eos = g_value_get_boolean (value);
      break;
    case PROP_ATTACH_SYS_TS:
      self->attach_sys_ts = g_value_get_boolean (value);
      break;
    case PROP_GPU_ID:
      self->gpu_id = g_value_get_uint (value);
      break;
    case PROP_NVBUF_MEMORY_TYPE:
      self->nvbuf_memory_type = g_value_get_enum (value);
      break;
    case PROP_BUFFER_POOL_SIZE:
      self->buffer_pool_size = g_value_get_uint (value);
      break;
    case PROP_CONVERSION_THREADS:
      self->conversion_threads = g_value_get_uint (value);
      break;
    case PROP_MAX_SAME_SOURCE_FRAMES:
      self->max_same_source_frames = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);

  if (prop_id == PROP_BATCHED_PUSH_TIMEOUT)
    update_latency (self);
}

static void
gst_dsnet_stream_mux_get_property (GObject * object, guint prop_id, GValue * value,
    GParamSpec * pspec)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_BATCH_SIZE:
      g_value_set_uint (value, self->batch_size);
      break;
    case PROP_WIDTH:
      g_value_set_uint (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_uint (value, self->height);
      break;
    case PROP_BATCHED_PUSH_TIMEOUT:
      g_value_set_int (value, self->batched_push_timeout);
      break;
    case PROP_LIVE_SOURCE:
      g_value_set_boolean (value, self->live_source);
      break;
    case PROP_ENABLE_PADDING:
      g_value_set_boolean (value, self->enable_padding);
      break;
    case PROP_FRAME_NUM_RESET_ON_EOS:
      g_value_set_boolean (value, self->frame_num_reset_on_eos);
      break;
    case PROP_ATTACH_SYS_TS:
      g_value_set_boolean (value, self->attach_sys_ts);
      break;
    case PROP_GPU_ID:
      g_value_set_uint (value, self->gpu_id);
      break;
    case PROP_NVBUF_MEMORY_TYPE:
      g_value_set_enum (value, self->nvbuf_memory_type);
      break;
    case PROP_BUFFER_POOL_SIZE:
      g_value_set_uint (value, self->buffer_pool_size);
      break;
    case PROP_CONVERSION_THREADS:
      g_value_set_uint (value, self->conversion_threads);
      break;
    case PROP_MAX_SAME_SOURCE_FRAMES:
      g_value_set_uint (value, self->max_same_source_frames);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_stream_mux_finalize (GObject * object)
{
  GstDsNetStreamMux *self = GST_DSNET_STREAM_MUX (object);

  drop_pending (self);
  drop_deferred_events (self);
  drop_pool (self);
  G_OBJECT_CLASS (gst_dsnet_stream_mux_parent_class)->finalize (object);
}

static void
gst_dsnet_stream_mux_class_init (GstDsNetStreamMuxClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstAggregatorClass *agg_class = GST_AGGREGATOR_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  GST_DEBUG_CATEGORY_INIT (gst_dsnet_stream_mux_debug, "dsnetstreammux", 0,
      "DeepStreamNet stream muxer");

  gobject_class->set_property = gst_dsnet_stream_mux_set_property;
  gobject_class->get_property = gst_dsnet_stream_mux_get_property;
  gobject_class->finalize = gst_dsnet_stream_mux_finalize;

  g_object_class_install_property (gobject_class, PROP_BATCH_SIZE,
      g_param_spec_uint ("batch-size", "Batch Size", "Maximum number of buffers in a batch",
          1, 1024, DEFAULT_BATCH_SIZE, rw | GST_PARAM_MUTABLE_READY));
  g_object_class_install_property (gobject_class, PROP_WIDTH,
      g_param_spec_uint ("width", "Width",
          "Width of each frame in output batched buffer. This property MUST be set.",
          0, 32768, DEFAULT_WIDTH, rw | GST_PARAM_MUTABLE_READY));
  g_object_class_install_property (gobject_class, PROP_HEIGHT,
      g_param_spec_uint ("height", "Height",
          "Height of each frame in output batched buffer. This property MUST be set.",
          0, 32768, DEFAULT_HEIGHT, rw | GST_PARAM_MUTABLE_READY));
  g_object_class_install_property (gobject_class, PROP_BATCHED_PUSH_TIMEOUT,
      g_param_spec_int ("batched-push-timeout", "Batched Push Timeout",
          "Timeout in microseconds to wait after the first buffer is available to push the batch "
          "even if the complete batch is not formed. Set to -1 to wait infinitely",
          -1, G_MAXINT, DEFAULT_BATCHED_PUSH_TIMEOUT, rw));
  g_object_class_install_property (gobject_class, PROP_LIVE_SOURCE,
      g_param_spec_boolean ("live-source", "Live Source",
          "Boolean property to inform muxer that sources are live.", DEFAULT_LIVE_SOURCE, rw));
  g_object_class_install_property (gobject_class, PROP_ENABLE_PADDING,
      g_param_spec_boolean ("enable-padding", "Enable Padding",
          "Maintain input aspect ratio when scaling by padding with black bands.",
          DEFAULT_ENABLE_PADDING, rw));
  g_object_class_install_property (gobject_class, PROP_FRAME_NUM_RESET_ON_EOS,
      g_param_spec_boolean ("frame-num-reset-on-eos", "Frame Number Reset on EOS",
          "Reset frame numbers to 0 for a source from which EOS is received "
          "(For debugging purpose only)", DEFAULT_FRAME_NUM_RESET_ON_EOS, rw));
  g_object_class_install_property (gobject_class, PROP_ATTACH_SYS_TS,
      g_param_spec_boolean ("attach-sys-ts", "Set system timestamp as ntp timestamp",
          "If set to TRUE, system timestamp will be attached as ntp timestamp. If set to FALSE, "
          "ntp timestamp from rtspsrc, if available, will be attached.", DEFAULT_ATTACH_SYS_TS,
          rw));
  g_object_class_install_property (gobject_class, PROP_GPU_ID,
      g_param_spec_uint ("gpu-id", "Set GPU Device ID",
          "Set GPU Device ID (accepted for compatibility, ignored: conversion runs on the CPU)",
          0, G_MAXUINT, DEFAULT_GPU_ID, rw));
  g_object_class_install_property (gobject_class, PROP_NVBUF_MEMORY_TYPE,
      g_param_spec_enum ("nvbuf-memory-type", "Type of NvBufSurface Memory to be allocated",
          "Type of NvBufSurface Memory to be allocated for output buffers (accepted for "
          "compatibility, ignored: batches are in system memory)",
          GST_TYPE_DSNET_STREAM_MUX_MEMORY_TYPE, DEFAULT_NVBUF_MEMORY_TYPE, rw));
  g_object_class_install_property (gobject_class, PROP_BUFFER_POOL_SIZE,
      g_param_spec_uint ("buffer-pool-size", "Buffer Pool Size",
          "Maximum number of buffers from muxer's output pool (here: buffers preallocated, "
          "at most 2; the pool grows on demand)", 1, 1024, DEFAULT_BUFFER_POOL_SIZE, rw));
  g_object_class_install_property (gobject_class, PROP_CONVERSION_THREADS,
      g_param_spec_uint ("conversion-threads", "Conversion Threads",
          "Threads that scale/convert each frame (0 = one per CPU core, at most 8). "
          "DeepStreamNet extension", 0, 64, DEFAULT_CONVERSION_THREADS, rw));
  g_object_class_install_property (gobject_class, PROP_MAX_SAME_SOURCE_FRAMES,
      g_param_spec_uint ("max-same-source-frames", "Max Same Source Frames",
          "Most frames of one source in a batch; a further frame of that source starts the next "
          "batch (the new nvstreammux's key; 1 keeps a tiler from dropping frames). 0 = no limit "
          "(the legacy nvstreammux round-robin, several frames of a source per batch)", 0, 1024,
          DEFAULT_MAX_SAME_SOURCE_FRAMES, rw));

  gst_element_class_add_static_pad_template_with_gtype (element_class, &sink_template,
      GST_TYPE_DSNET_STREAM_MUX_PAD);
  gst_element_class_add_static_pad_template_with_gtype (element_class, &src_template,
      GST_TYPE_AGGREGATOR_PAD);
  gst_element_class_set_static_metadata (element_class, "DeepStreamNet Stream Muxer",
      "Video/Muxer", "Scales frames of N raw-video sources to one size and batches them into "
      "RGBA DsNetBatch buffers with NvDsBatchMeta (portable nvstreammux)", "DeepStreamNet");

  agg_class->aggregate = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_aggregate);
  agg_class->get_next_time = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_get_next_time);
  agg_class->update_src_caps = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_update_src_caps);
  agg_class->negotiated_src_caps = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_negotiated_src_caps);
  agg_class->sink_event = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_sink_event);
  agg_class->create_new_pad = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_create_new_pad);
  agg_class->start = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_start);
  agg_class->stop = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_stop);
  agg_class->flush = GST_DEBUG_FUNCPTR (gst_dsnet_stream_mux_flush);

  gst_type_mark_as_plugin_api (GST_TYPE_DSNET_STREAM_MUX_PAD, 0);
  gst_type_mark_as_plugin_api (GST_TYPE_DSNET_STREAM_MUX_MEMORY_TYPE, 0);
}

static void
gst_dsnet_stream_mux_init (GstDsNetStreamMux * self)
{
  self->batch_size = DEFAULT_BATCH_SIZE;
  self->width = DEFAULT_WIDTH;
  self->height = DEFAULT_HEIGHT;
  self->batched_push_timeout = DEFAULT_BATCHED_PUSH_TIMEOUT;
  self->live_source = DEFAULT_LIVE_SOURCE;
  self->enable_padding = DEFAULT_ENABLE_PADDING;
  self->frame_num_reset_on_eos = DEFAULT_FRAME_NUM_RESET_ON_EOS;
  self->attach_sys_ts = DEFAULT_ATTACH_SYS_TS;
  self->gpu_id = DEFAULT_GPU_ID;
  self->nvbuf_memory_type = DEFAULT_NVBUF_MEMORY_TYPE;
  self->buffer_pool_size = DEFAULT_BUFFER_POOL_SIZE;
  self->conversion_threads = DEFAULT_CONVERSION_THREADS;
  self->max_same_source_frames = DEFAULT_MAX_SAME_SOURCE_FRAMES;
  self->pending_pts = GST_CLOCK_TIME_NONE;
  self->pending_deadline = GST_CLOCK_TIME_NONE;
  self->cached_latency = GST_CLOCK_TIME_NONE;
}
