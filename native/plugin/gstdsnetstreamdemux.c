/*
 * dsnetstreamdemux — the portable stream demuxer (nvstreamdemux's role).
 *
 * Takes DsNetBatch buffers (dsnetbatch.h) and sends each frame to the request pad src_<source_id>:
 * the frame's pixels are copied into a batch-size=1 buffer that carries a new NvDsBatchMeta holding a
 * deep copy of that frame's meta (batch_id rewritten to 0). Frames of sources without a requested pad
 * are dropped. A src pad gets EOS when the muxer reports its source ended (the custom downstream
 * event DSNET_STREAM_EOS_EVENT) or at the global EOS. Output PTS = NvDsFrameMeta.buf_pts.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <string.h>

#include "gstdsnetstreamdemux.h"

#include "dsnetbatch.h"
#include "dsnet_bufsurface.h"
#include "elements.h"
#include "gstnvdsmeta.h"

GST_DEBUG_CATEGORY_STATIC (gst_dsnet_stream_demux_debug);
#define GST_CAT_DEFAULT gst_dsnet_stream_demux_debug

#define DSNET_SINGLE_CAPS_TEMPLATE                                              \
  "video/x-raw(" DSNET_BATCH_CAPS_FEATURE "), format=(string)" DSNET_BATCH_FORMAT \
  ", width=(int)[1,32768], height=(int)[1,32768], framerate=(fraction)[0/1,2147483647/1]" \
  ", batch-size=(int)1"

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));

static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src_%u",
    GST_PAD_SRC, GST_PAD_REQUEST, GST_STATIC_CAPS (DSNET_SINGLE_CAPS_TEMPLATE));

/* One requested output. */
typedef struct
{
  GstPad *pad;                  /* owned by the element */
  guint source_id;
  gboolean eos;
  gboolean started;             /* stream-start sent */
  gboolean caps_sent;
  gboolean segment_sent;
} DemuxSrc;

G_DEFINE_TYPE (GstDsNetStreamDemux, gst_dsnet_stream_demux, GST_TYPE_ELEMENT);
GST_ELEMENT_REGISTER_DEFINE (dsnetstreamdemux, "dsnetstreamdemux", GST_RANK_NONE,
    GST_TYPE_DSNET_STREAM_DEMUX);

/* Sends the sticky events this src pad has not seen yet (stream-start, caps, segment). Streaming
 * thread only; the DemuxSrc flags are only touched there (or under the object lock at creation). */
static void
ensure_src_events (GstDsNetStreamDemux * self, DemuxSrc * src)
{
  if (!src->started) {
    gchar *sid = gst_pad_create_stream_id_printf (src->pad, GST_ELEMENT (self), "%u",
        src->source_id);
    GstEvent *ev = gst_event_new_stream_start (sid);
    if (self->have_group_id)
      gst_event_set_group_id (ev, self->group_id);
    gst_pad_push_event (src->pad, ev);
    g_free (sid);
    src->started = TRUE;
  }
  if (!src->caps_sent && self->have_caps) {
    GstCaps *caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING,
        DSNET_BATCH_FORMAT, "width", G_TYPE_INT, self->width, "height", G_TYPE_INT,
        self->height, "framerate", GST_TYPE_FRACTION, self->fps_n, self->fps_d,
        "batch-size", G_TYPE_INT, 1, NULL);
    gst_caps_set_features (caps, 0, gst_caps_features_new (DSNET_BATCH_CAPS_FEATURE, NULL));
    gst_pad_push_event (src->pad, gst_event_new_caps (caps));
    gst_caps_unref (caps);
    src->caps_sent = TRUE;
  }
  if (!src->segment_sent && self->have_segment) {
    gst_pad_push_event (src->pad, gst_event_new_segment (&self->segment));
    src->segment_sent = TRUE;
  }
}

/* Looks up the output of a source; returns a new ref to its pad (NULL when none or already EOS). */
static GstPad *
get_src (GstDsNetStreamDemux * self, guint source_id, DemuxSrc ** out)
{
  DemuxSrc *src;
  GstPad *pad = NULL;

  GST_OBJECT_LOCK (self);
  src = g_hash_table_lookup (self->srcs, GUINT_TO_POINTER (source_id));
  if (src && !src->eos)
    pad = gst_object_ref (src->pad);
  GST_OBJECT_UNLOCK (self);
  *out = src;
  return pad;
}

static void
end_src (GstDsNetStreamDemux * self, DemuxSrc * src, gpointer unused)
{
  (void) unused;
  if (src->eos)
    return;
  ensure_src_events (self, src);
  src->eos = TRUE;
  GST_INFO_OBJECT (self, "EOS on %s", GST_PAD_NAME (src->pad));
  gst_pad_push_event (src->pad, gst_event_new_eos ());
}

/* Builds the single-frame buffer of one frame of the batch. */
static GstBuffer *
make_frame_buffer (GstDsNetStreamDemux * self, const GstMapInfo * map, NvDsFrameMeta * fm)
{
  gsize fsize = dsnet_batch_frame_size (self->width, self->height);
  gsize offset = dsnet_batch_frame_offset (self->width, self->height, fm->batch_id);
  GstBuffer *out;
  NvDsBatchMeta *batch;
  NvDsMeta *meta;
  GList one = { fm, NULL, NULL };
  NvDsFrameMeta *copy;

  if (offset + fsize > map->size) {
    GST_ELEMENT_ERROR (self, STREAM, FORMAT,
        ("dsnetstreamdemux: frame of source %u has batch_id %u, outside the %" G_GSIZE_FORMAT
            "-byte batch of %dx%d RGBA frames", fm->source_id, fm->batch_id, map->size,
            self->width, self->height), (NULL));
    return NULL;
  }

  out = gst_buffer_new_allocate (NULL, fsize, NULL);
  gst_buffer_fill (out, 0, map->data + offset, fsize);
  dsnet_buffer_add_surface_meta (out, self->width, self->height, 1)->surface.numFilled = 1;
  GST_BUFFER_PTS (out) = fm->buf_pts;
  if (self->fps_n > 0 && self->fps_d > 0)
    GST_BUFFER_DURATION (out) = gst_util_uint64_scale_int (GST_SECOND, self->fps_d, self->fps_n);

  batch = nvds_create_batch_meta (1);
  meta = gst_buffer_add_nvds_meta (out, batch, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  meta->meta_type = NVDS_BATCH_GST_META;
  batch->base_meta.batch_meta = batch;
  batch->base_meta.copy_func = nvds_batch_meta_copy_func;
  batch->base_meta.release_func = nvds_batch_meta_release_func;
  batch->max_frames_in_batch = 1;

  /* deep copy (objects, classifier/label info, display and user meta) into the new batch */
  nvds_copy_frame_meta_list (&one, batch);
  copy = batch->frame_meta_list ? batch->frame_meta_list->data : NULL;
  if (copy)
    copy->batch_id = 0;
  batch->num_frames_in_batch = copy ? 1 : 0;
  return out;
}

static GstFlowReturn
gst_dsnet_stream_demux_chain (GstPad * pad, GstObject * parent, GstBuffer * buf)
{
  GstDsNetStreamDemux *self = GST_DSNET_STREAM_DEMUX (parent);
  NvDsBatchMeta *batch;
  GstMapInfo map;
  GstFlowReturn ret = GST_FLOW_OK;
  GList *frames = NULL, *l;

  (void) pad;
  if (!self->have_caps) {
    gst_buffer_unref (buf);
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, ("dsnetstreamdemux: buffer before caps"), (NULL));
    return GST_FLOW_NOT_NEGOTIATED;
  }
  batch = gst_buffer_get_nvds_batch_meta (buf);
  if (!batch) {
    gst_buffer_unref (buf);
    GST_ELEMENT_ERROR (self, STREAM, FORMAT,
        ("dsnetstreamdemux: buffer without NvDsBatchMeta (link it after dsnetstreammux)"), (NULL));
    return GST_FLOW_ERROR;
  }
  if (!gst_buffer_map (buf, &map, GST_MAP_READ)) {
    gst_buffer_unref (buf);
    GST_ELEMENT_ERROR (self, RESOURCE, READ, ("dsnetstreamdemux: cannot map batch"), (NULL));
    return GST_FLOW_ERROR;
  }

  /* Build every output first (under the meta lock), then push without holding anything. */
  nvds_acquire_meta_lock (batch);
  for (l = batch->frame_meta_list; l; l = l->next) {
    NvDsFrameMeta *fm = l->data;
    DemuxSrc *src;
    GstPad *srcpad = get_src (self, fm->source_id, &src);
    GstBuffer *out;

    GST_LOG_OBJECT (self, "frame of source %u (slot %u, frame_num %d) → %s", fm->source_id,
        fm->batch_id, fm->frame_num, srcpad ? GST_PAD_NAME (srcpad) : "(no pad, dropped)");
    if (!srcpad)
      continue;
    out = make_frame_buffer (self, &map, fm);
    if (!out) {
      gst_object_unref (srcpad);
      ret = GST_FLOW_ERROR;
      break;
    }
    frames = g_list_append (frames, srcpad);
    frames = g_list_append (frames, out);
  }
  nvds_release_meta_lock (batch);
  gst_buffer_unmap (buf, &map);
  gst_buffer_unref (buf);

  for (l = frames; l; l = l->next->next) {
    GstPad *srcpad = l->data;
    GstBuffer *out = l->next->data;
    DemuxSrc *src = NULL;
    GstFlowReturn fret;

    if (ret != GST_FLOW_OK && ret != GST_FLOW_NOT_LINKED) {
      gst_buffer_unref (out);
      gst_object_unref (srcpad);
      continue;
    }
    GST_OBJECT_LOCK (self);
    {
      GHashTableIter it;
      gpointer k, v;
      g_hash_table_iter_init (&it, self->srcs);
      while (g_hash_table_iter_next (&it, &k, &v))
        if (((DemuxSrc *) v)->pad == srcpad)
          src = v;
    }
    GST_OBJECT_UNLOCK (self);
    if (!src || src->eos) {     /* released or ended meanwhile */
      gst_buffer_unref (out);
      gst_object_unref (srcpad);
      continue;
    }
    ensure_src_events (self, src);
    fret = gst_pad_push (srcpad, out);
    GST_OBJECT_LOCK (self);
    ret = gst_flow_combiner_update_pad_flow (self->flow, srcpad, fret);
    GST_OBJECT_UNLOCK (self);
    gst_object_unref (srcpad);
  }
  g_list_free (frames);
  return ret;
}

/* Calls fn on every output (pads held, object lock released); DemuxSrc flags are streaming-thread state. */
static void
for_each_src (GstDsNetStreamDemux * self, void (*fn) (GstDsNetStreamDemux *, DemuxSrc *, gpointer),
    gpointer data)
{
  GList *srcs, *l;

  GST_OBJECT_LOCK (self);
  srcs = g_hash_table_get_values (self->srcs);
  for (l = srcs; l; l = l->next)
    gst_object_ref (((DemuxSrc *) l->data)->pad);
  GST_OBJECT_UNLOCK (self);
  for (l = srcs; l; l = l->next) {
    GstPad *p = ((DemuxSrc *) l->data)->pad;
    fn (self, l->data, data);
    gst_object_unref (p);
  }
  g_list_free (srcs);
}

static void
mark_caps_stale (GstDsNetStreamDemux * self, DemuxSrc * src, gpointer unused)
{
  (void) self;
  (void) unused;
  src->caps_sent = FALSE;
}

static void
mark_segment_stale (GstDsNetStreamDemux * self, DemuxSrc * src, gpointer unused)
{
  (void) self;
  (void) unused;
  src->segment_sent = FALSE;
}

static void
reset_after_flush (GstDsNetStreamDemux * self, DemuxSrc * src, gpointer unused)
{
  (void) self;
  (void) unused;
  src->eos = FALSE;
  src->segment_sent = FALSE;
}

/* Serialized events go only to outputs that have not ended: a src pad that already got its source's
 * EOS refuses them, and the default forwarding would turn that refusal into a flow error for the
 * whole demuxer (e.g. stream-group-done arriving after one source finished). */
static void
push_if_running (GstDsNetStreamDemux * self, DemuxSrc * src, gpointer event)
{
  (void) self;
  if (!src->eos)
    gst_pad_push_event (src->pad, gst_event_ref (GST_EVENT (event)));
}

static gboolean
gst_dsnet_stream_demux_sink_event (GstPad * pad, GstObject * parent, GstEvent * event)
{
  GstDsNetStreamDemux *self = GST_DSNET_STREAM_DEMUX (parent);

  switch (GST_EVENT_TYPE (event)) {
    case GST_EVENT_CAPS:{
      GstCaps *caps;
      GstStructure *s;
      gint w = 0, h = 0, fn = 0, fd = 1;

      gst_event_parse_caps (event, &caps);
      s = gst_caps_get_structure (caps, 0);
      if (!gst_structure_get_int (s, "width", &w) || !gst_structure_get_int (s, "height", &h)
          || w <= 0 || h <= 0) {
        GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
            ("dsnetstreamdemux: caps without a valid width/height: %" GST_PTR_FORMAT, caps),
            (NULL));
        gst_event_unref (event);
        return FALSE;
      }
      gst_structure_get_fraction (s, "framerate", &fn, &fd);
      self->width = w;
      self->height = h;
      self->fps_n = fn;
      self->fps_d = fd;
      self->have_caps = TRUE;
      for_each_src (self, mark_caps_stale, NULL);
      gst_event_unref (event);
      return TRUE;
    }
    case GST_EVENT_SEGMENT:
      gst_event_copy_segment (event, &self->segment);
      self->have_segment = TRUE;
      for_each_src (self, mark_segment_stale, NULL);
      gst_event_unref (event);
      return TRUE;
    case GST_EVENT_STREAM_START:
      self->have_group_id = gst_event_parse_group_id (event, &self->group_id);
      gst_event_unref (event);
      return TRUE;
    case GST_EVENT_TAG:
      gst_event_unref (event);
      return TRUE;
    case GST_EVENT_EOS:
      for_each_src (self, end_src, NULL);
      gst_event_unref (event);
      return TRUE;
    case GST_EVENT_CUSTOM_DOWNSTREAM:{
      const GstStructure *s = gst_event_get_structure (event);
      guint id;

      if (s && gst_structure_has_name (s, DSNET_STREAM_EOS_EVENT)
          && gst_structure_get_uint (s, "stream-id", &id)) {
        DemuxSrc *src;
        GstPad *srcpad = get_src (self, id, &src);
        if (srcpad) {
          end_src (self, src, NULL);
          gst_object_unref (srcpad);
        }
        gst_event_unref (event);
        return TRUE;
      }
      break;
    }
    case GST_EVENT_FLUSH_STOP:
      for_each_src (self, reset_after_flush, NULL);
      GST_OBJECT_LOCK (self);
      gst_flow_combiner_reset (self->flow);
      GST_OBJECT_UNLOCK (self);
      break;
    default:
      if (GST_EVENT_IS_SERIALIZED (event) && GST_EVENT_IS_DOWNSTREAM (event)) {
        for_each_src (self, push_if_running, event);
        gst_event_unref (event);
        return TRUE;
      }
      break;
  }
  return gst_pad_event_default (pad, parent, event);
}

static GstPad *
gst_dsnet_stream_demux_request_new_pad (GstElement * element, GstPadTemplate * templ,
    const gchar * name, const GstCaps * caps)
{
  GstDsNetStreamDemux *self = GST_DSNET_STREAM_DEMUX (element);
  DemuxSrc *src;
  guint id = 0;
  gchar *padname;
  GstPad *pad;

  (void) caps;
  GST_OBJECT_LOCK (self);
  if (name && sscanf (name, "src_%u", &id) == 1) {
    if (g_hash_table_contains (self->srcs, GUINT_TO_POINTER (id))) {
      GST_OBJECT_UNLOCK (self);
      GST_WARNING_OBJECT (self, "pad %s already exists", name);
      return NULL;
    }
  } else {
    while (g_hash_table_contains (self->srcs, GUINT_TO_POINTER (id)))
      id++;
  }
  padname = g_strdup_printf ("src_%u", id);
  pad = gst_pad_new_from_template (templ, padname);
  g_free (padname);
  src = g_new0 (DemuxSrc, 1);
  src->pad = pad;
  src->source_id = id;
  g_hash_table_insert (self->srcs, GUINT_TO_POINTER (id), src);
  gst_flow_combiner_add_pad (self->flow, pad);
  GST_OBJECT_UNLOCK (self);

  gst_pad_use_fixed_caps (pad);
  if (GST_STATE (element) > GST_STATE_READY || GST_STATE_TARGET (element) > GST_STATE_READY)
    gst_pad_set_active (pad, TRUE);
  gst_element_add_pad (element, pad);
  return pad;
}

static void
gst_dsnet_stream_demux_release_pad (GstElement * element, GstPad * pad)
{
  GstDsNetStreamDemux *self = GST_DSNET_STREAM_DEMUX (element);
  guint id;

  GST_OBJECT_LOCK (self);
  if (sscanf (GST_PAD_NAME (pad), "src_%u", &id) == 1)
    g_hash_table_remove (self->srcs, GUINT_TO_POINTER (id));
  gst_flow_combiner_remove_pad (self->flow, pad);
  GST_OBJECT_UNLOCK (self);

  gst_pad_set_active (pad, FALSE);
  gst_element_remove_pad (element, pad);
}

static GstStateChangeReturn
gst_dsnet_stream_demux_change_state (GstElement * element, GstStateChange transition)
{
  GstDsNetStreamDemux *self = GST_DSNET_STREAM_DEMUX (element);
  GstStateChangeReturn ret;

  ret = GST_ELEMENT_CLASS (gst_dsnet_stream_demux_parent_class)->change_state (element,
      transition);
  if (transition == GST_STATE_CHANGE_PAUSED_TO_READY) {
    GHashTableIter it;
    gpointer v;

    GST_OBJECT_LOCK (self);
    g_hash_table_iter_init (&it, self->srcs);
    while (g_hash_table_iter_next (&it, NULL, &v)) {
      DemuxSrc *src = v;
      src->eos = src->started = src->caps_sent = src->segment_sent = FALSE;
    }
    gst_flow_combiner_reset (self->flow);
    GST_OBJECT_UNLOCK (self);
    self->have_caps = self->have_segment = self->have_group_id = FALSE;
  }
  return ret;
}

static void
gst_dsnet_stream_demux_finalize (GObject * object)
{
  GstDsNetStreamDemux *self = GST_DSNET_STREAM_DEMUX (object);

  g_hash_table_destroy (self->srcs);
  gst_flow_combiner_free (self->flow);
  G_OBJECT_CLASS (gst_dsnet_stream_demux_parent_class)->finalize (object);
}

static void
gst_dsnet_stream_demux_class_init (GstDsNetStreamDemuxClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);

  GST_DEBUG_CATEGORY_INIT (gst_dsnet_stream_demux_debug, "dsnetstreamdemux", 0,
      "DeepStreamNet stream demuxer");

  gobject_class->finalize = gst_dsnet_stream_demux_finalize;
  element_class->request_new_pad = GST_DEBUG_FUNCPTR (gst_dsnet_stream_demux_request_new_pad);
  element_class->release_pad = GST_DEBUG_FUNCPTR (gst_dsnet_stream_demux_release_pad);
  element_class->change_state = GST_DEBUG_FUNCPTR (gst_dsnet_stream_demux_change_state);

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "DeepStreamNet Stream Demuxer",
      "Video/Demuxer", "Splits DsNetBatch buffers into one stream per source: src_<source-id> "
      "request pads, batch-size=1 buffers with that frame's NvDsFrameMeta (portable "
      "nvstreamdemux)", "DeepStreamNet");
}

static void
gst_dsnet_stream_demux_init (GstDsNetStreamDemux * self)
{
  self->sinkpad = gst_pad_new_from_static_template (&sink_template, "sink");
  gst_pad_set_chain_function (self->sinkpad, GST_DEBUG_FUNCPTR (gst_dsnet_stream_demux_chain));
  gst_pad_set_event_function (self->sinkpad,
      GST_DEBUG_FUNCPTR (gst_dsnet_stream_demux_sink_event));
  gst_element_add_pad (GST_ELEMENT (self), self->sinkpad);

  self->srcs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->flow = gst_flow_combiner_new ();
  gst_segment_init (&self->segment, GST_FORMAT_TIME);
}
