/*
 * dsnetvideoconvert — leaves the batch world: video/x-raw(memory:DsNetBatch),batch-size=1,format=RGBA
 * in, video/x-raw,format=RGBA out. A batch of one frame is byte-for-byte an ordinary RGBA frame
 * (dsnetbatch.h: no padding), so buffers pass through untouched: no copy, every GstMeta (the
 * NvDsBatchMeta included) stays on the buffer. A batch-size above 1 is refused with an error that says
 * to put the tiler or the demuxer in front.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <gst/gst.h>
#include <gst/base/gstbasetransform.h>

#include "dsnetbatch.h"
#include "elements.h"
#include "gstdsnetvideoconvert.h"

GST_DEBUG_CATEGORY_STATIC (gst_dsnet_video_convert_debug);
#define GST_CAT_DEFAULT gst_dsnet_video_convert_debug

struct _GstDsNetVideoConvert
{
  GstBaseTransform parent;
};

G_DEFINE_TYPE (GstDsNetVideoConvert, gst_dsnet_video_convert, GST_TYPE_BASE_TRANSFORM);
GST_ELEMENT_REGISTER_DEFINE (dsnetvideoconvert, "dsnetvideoconvert", GST_RANK_NONE,
    GST_TYPE_DSNET_VIDEO_CONVERT);

/* The sink accepts any batch-size so that a wrong one reaches set_caps and gets a clear error. */
static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));

static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC, GST_PAD_ALWAYS,
    GST_STATIC_CAPS ("video/x-raw, format=(string)" DSNET_BATCH_FORMAT
        ", width=(int)[1,32768], height=(int)[1,32768], framerate=(fraction)[0/1,2147483647/1]"));

static GstCaps *
gst_dsnet_video_convert_transform_caps (GstBaseTransform * bt, GstPadDirection direction,
    GstCaps * caps, GstCaps * filter)
{
  GstCaps *res = gst_caps_new_empty ();

  for (guint i = 0; i < gst_caps_get_size (caps); i++) {
    GstStructure *s = gst_structure_copy (gst_caps_get_structure (caps, i));
    GstCapsFeatures *f;
    if (direction == GST_PAD_SINK) {
      gst_structure_remove_field (s, "batch-size");
      f = gst_caps_features_new_empty ();
    } else {
      /* Lowest first: a flexible upstream fixates to batch-size 1. */
      gst_structure_set (s, "batch-size", GST_TYPE_INT_RANGE, 1, 1024, NULL);
      f = gst_caps_features_new (DSNET_BATCH_CAPS_FEATURE, NULL);
    }
    res = gst_caps_merge_structure_full (res, s, f);
  }
  if (filter != NULL) {
    GstCaps *tmp = gst_caps_intersect_full (filter, res, GST_CAPS_INTERSECT_FIRST);
    gst_caps_unref (res);
    res = tmp;
  }
  GST_DEBUG_OBJECT (bt, "%s %" GST_PTR_FORMAT " -> %" GST_PTR_FORMAT,
      direction == GST_PAD_SINK ? "sink" : "src", caps, res);
  return res;
}

static GstCaps *
gst_dsnet_video_convert_fixate_caps (GstBaseTransform * bt, GstPadDirection direction,
    GstCaps * caps, GstCaps * othercaps)
{
  (void) bt;
  othercaps = gst_caps_make_writable (othercaps);
  if (direction == GST_PAD_SRC && gst_caps_get_size (othercaps) > 0)
    gst_structure_fixate_field_nearest_int (gst_caps_get_structure (othercaps, 0), "batch-size", 1);
  (void) caps;
  return gst_caps_fixate (othercaps);
}

static gboolean
gst_dsnet_video_convert_set_caps (GstBaseTransform * bt, GstCaps * incaps, GstCaps * outcaps)
{
  gint batch = 1;
  (void) outcaps;

  if (!gst_structure_get_int (gst_caps_get_structure (incaps, 0), "batch-size", &batch) || batch != 1) {
    GST_ELEMENT_ERROR (bt, CORE, NEGOTIATION,
        ("dsnetvideoconvert needs batch-size=1, upstream sends batch-size=%d", batch),
        ("a batch holds several frames; put dsnetmultistreamtiler (one composed picture) or "
            "dsnetstreamdemux (one stream per source) before dsnetvideoconvert. Caps: %"
            GST_PTR_FORMAT, incaps));
    return FALSE;
  }
  return TRUE;
}

static gboolean
gst_dsnet_video_convert_query (GstBaseTransform * bt, GstPadDirection direction, GstQuery * query)
{
  /* Never forward allocation queries: downstream's pools are for plain video, and the batch
   * producer upstream allocates its own memory. */
  if (GST_QUERY_TYPE (query) == GST_QUERY_ALLOCATION && direction == GST_PAD_SINK)
    return FALSE;
  return GST_BASE_TRANSFORM_CLASS (gst_dsnet_video_convert_parent_class)->query (bt, direction,
      query);
}

static GstFlowReturn
gst_dsnet_video_convert_transform_ip (GstBaseTransform * bt, GstBuffer * buf)
{
  /* Only reached if passthrough were turned off; the buffer is already what the source pad sends. */
  (void) bt;
  (void) buf;
  return GST_FLOW_OK;
}

static void
gst_dsnet_video_convert_class_init (GstDsNetVideoConvertClass * klass)
{
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *bt_class = GST_BASE_TRANSFORM_CLASS (klass);

  GST_DEBUG_CATEGORY_INIT (gst_dsnet_video_convert_debug, "dsnetvideoconvert", 0,
      "DeepStreamNet batch to plain video");

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "DeepStreamNet batch to video",
      "Filter/Converter/Video",
      "Turns a batch-size=1 DsNetBatch into plain RGBA video without copying (keeps metadata)",
      "DeepStreamNet");

  bt_class->transform_caps = GST_DEBUG_FUNCPTR (gst_dsnet_video_convert_transform_caps);
  bt_class->fixate_caps = GST_DEBUG_FUNCPTR (gst_dsnet_video_convert_fixate_caps);
  bt_class->set_caps = GST_DEBUG_FUNCPTR (gst_dsnet_video_convert_set_caps);
  bt_class->query = GST_DEBUG_FUNCPTR (gst_dsnet_video_convert_query);
  bt_class->transform_ip = GST_DEBUG_FUNCPTR (gst_dsnet_video_convert_transform_ip);
  bt_class->passthrough_on_same_caps = FALSE;
}

static void
gst_dsnet_video_convert_init (GstDsNetVideoConvert * self)
{
  gst_base_transform_set_passthrough (GST_BASE_TRANSFORM (self), TRUE);
}
