/*
 * dsnetosd — portable nvdsosd.
 *
 * In place on a DsNetBatch (any batch-size) or on plain video/x-raw,format=RGBA (one frame, slot 0).
 * For every frame meta it draws onto frame slot `batch_id`:
 *   - masks (display-mask), object boxes (display-bbox) and display-meta rects (display-bbox),
 *   - display-meta lines, arrows and circles,
 *   - object labels and display-meta texts (display-text),
 *   - the clock (display-clock).
 * Only the pixels under a shape are read or written: Cairo draws straight into the frame memory.
 *
 * Colour rule: frames are RGBA bytes (R at the lowest address). Cairo's ARGB32 is a native-endian
 * 32-bit word, which on a little-endian machine is the byte order B,G,R,A. So the frame is handed to
 * Cairo as ARGB32 and every colour is passed with red and blue exchanged; alpha stays in byte 3.
 * Cairo treats pixels as premultiplied: frames from the muxer are opaque (alpha 255), where
 * premultiplied and straight colours are the same, and drawing keeps them opaque.
 *
 * Geometry rule: a box covers pixels [round(left), round(left+width)) × [round(top), round(top+height));
 * its border is `border_width` pixels thick, drawn inside that box; the background fill covers the whole
 * box and is alpha-blended. A label's (x_offset, y_offset) is the top-left corner of its text box.
 * Font sizes are pixels (points at 72 dpi).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>
#include <time.h>

#include <gst/gst.h>
#include <gst/base/gstbasetransform.h>
#include <gst/video/video.h>

#include "dsnetbatch.h"
#include "elements.h"
#include "gstdsnetosd.h"
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"
#include "osd_draw.h"

#if G_BYTE_ORDER != G_LITTLE_ENDIAN
#error "dsnetosd maps RGBA bytes onto Cairo ARGB32 assuming a little-endian machine"
#endif

GST_DEBUG_CATEGORY_STATIC (gst_dsnet_osd_debug);
#define GST_CAT_DEFAULT gst_dsnet_osd_debug

#define DEFAULT_DISPLAY_TEXT TRUE
#define DEFAULT_DISPLAY_BBOX TRUE
#define DEFAULT_DISPLAY_MASK FALSE
#define DEFAULT_DISPLAY_CLOCK FALSE
#define DEFAULT_CLOCK_FONT "Serif"
#define DEFAULT_CLOCK_FONT_SIZE 12
#define DEFAULT_CLOCK_COLOR 0xff0000ffu /* 0xRRGGBBAA: opaque red */
#define DEFAULT_PROCESS_MODE 0

enum
{
  PROP_0,
  PROP_DISPLAY_TEXT,
  PROP_DISPLAY_BBOX,
  PROP_DISPLAY_MASK,
  PROP_DISPLAY_CLOCK,
  PROP_CLOCK_FONT,
  PROP_CLOCK_FONT_SIZE,
  PROP_X_CLOCK_OFFSET,
  PROP_Y_CLOCK_OFFSET,
  PROP_CLOCK_COLOR,
  PROP_PROCESS_MODE,
  PROP_GPU_ID,
};

struct _GstDsNetOsd
{
  GstBaseTransform parent;

  /* properties (object lock) */
  gboolean display_text;
  gboolean display_bbox;
  gboolean display_mask;
  gboolean display_clock;
  gchar *clock_font;
  guint clock_font_size;
  guint x_clock_offset;
  guint y_clock_offset;
  guint clock_color;
  gint process_mode;
  guint gpu_id;

  /* negotiated */
  gint width;
  gint height;
  gint batch_size;
  gboolean plain;               /* plain video/x-raw: one frame, GstVideoMeta may set the stride */

  /* drawing (streaming thread; created in start, dropped in stop) */
  DsnetOsdDraw *draw;
  gboolean noted_process_mode;
  gboolean warned_slot;
};

G_DEFINE_TYPE (GstDsNetOsd, gst_dsnet_osd, GST_TYPE_BASE_TRANSFORM);
GST_ELEMENT_REGISTER_DEFINE (dsnetosd, "dsnetosd", GST_RANK_NONE, GST_TYPE_DSNET_OSD);

#define OSD_CAPS DSNET_BATCH_CAPS_TEMPLATE "; video/x-raw, format=(string)RGBA, " \
  "width=(int)[1,32768], height=(int)[1,32768], framerate=(fraction)[0/1,2147483647/1]"

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS (OSD_CAPS));
static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS (OSD_CAPS));

/* What one buffer is drawn with: a snapshot of the properties. */
typedef struct
{
  gboolean text, bbox, mask, clock;
  gchar *clock_font;
  guint clock_font_size, x_clock, y_clock, clock_color;
  gchar clock_text[64];
} DrawSettings;

/* ---------------------------------------------------------------------------------------------- */
/* GstBaseTransform */

static gboolean
gst_dsnet_osd_set_caps (GstBaseTransform * bt, GstCaps * incaps, GstCaps * outcaps)
{
  GstDsNetOsd *self = GST_DSNET_OSD (bt);
  GstStructure *s = gst_caps_get_structure (incaps, 0);
  (void) outcaps;

  if (!gst_structure_get_int (s, "width", &self->width)
      || !gst_structure_get_int (s, "height", &self->height)) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, (NULL),
        ("dsnetosd: caps without width/height: %" GST_PTR_FORMAT, incaps));
    return FALSE;
  }
  if (!gst_structure_get_int (s, "batch-size", &self->batch_size))
    self->batch_size = 1;
  GstCapsFeatures *f = gst_caps_get_features (incaps, 0);
  self->plain = f == NULL || !gst_caps_features_contains (f, DSNET_BATCH_CAPS_FEATURE);
  if (self->plain)
    self->batch_size = 1;
  if (self->draw == NULL || !dsnet_osd_draw_set_size (self->draw, self->width, self->height)) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, (NULL),
        ("dsnetosd: Cairo cannot draw on RGBA rows of %d pixels", self->width));
    return FALSE;
  }
  return TRUE;
}

static gboolean
gst_dsnet_osd_start (GstBaseTransform * bt)
{
  GstDsNetOsd *self = GST_DSNET_OSD (bt);
  /* Fonts load here (state change) rather than on the first labelled frame, which would stall a live stream. */
  self->draw = dsnet_osd_draw_new ();
  self->noted_process_mode = FALSE;
  self->warned_slot = FALSE;
  return TRUE;
}

static gboolean
gst_dsnet_osd_stop (GstBaseTransform * bt)
{
  GstDsNetOsd *self = GST_DSNET_OSD (bt);
  g_clear_pointer (&self->draw, dsnet_osd_draw_free);
  return TRUE;
}

static void
settings_snapshot (GstDsNetOsd * self, DrawSettings * s, gint * mode)
{
  GST_OBJECT_LOCK (self);
  s->text = self->display_text;
  s->bbox = self->display_bbox;
  s->mask = self->display_mask;
  s->clock = self->display_clock;
  s->clock_font = g_strdup (self->clock_font);
  s->clock_font_size = self->clock_font_size;
  s->x_clock = self->x_clock_offset;
  s->y_clock = self->y_clock_offset;
  s->clock_color = self->clock_color;
  *mode = self->process_mode;
  GST_OBJECT_UNLOCK (self);

  s->clock_text[0] = '\0';
  if (s->clock) {
    time_t now = time (NULL);
    struct tm tm;
    if (localtime_r (&now, &tm) == NULL
        || strftime (s->clock_text, sizeof s->clock_text, "%Y-%m-%d %H:%M:%S", &tm) == 0)
      s->clock_text[0] = '\0';
  }
}

static GstFlowReturn
gst_dsnet_osd_transform_ip (GstBaseTransform * bt, GstBuffer * buf)
{
  GstDsNetOsd *self = GST_DSNET_OSD (bt);
  DrawSettings s;
  gint mode;

  settings_snapshot (self, &s, &mode);
  const DsnetOsdLayers layers = {.text = s.text,.bbox = s.bbox,.mask = s.mask };
  if (mode != 0 && !self->noted_process_mode) {
    self->noted_process_mode = TRUE;
    GST_ELEMENT_INFO (self, LIBRARY, SETTINGS, (NULL),
        ("process-mode=%d (%s) requested; dsnetosd draws on the CPU", mode,
            mode == 1 ? "GPU" : "hardware/none"));
  }

  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  if ((batch == NULL || batch->frame_meta_list == NULL) && !s.clock) {
    g_free (s.clock_font);
    return GST_FLOW_OK;
  }

  GstMapInfo map;
  if (!gst_buffer_map (buf, &map, GST_MAP_READWRITE)) {
    g_free (s.clock_font);
    GST_ELEMENT_ERROR (self, RESOURCE, WRITE, (NULL), ("could not map the frames for drawing"));
    return GST_FLOW_ERROR;
  }
  /* Batches are packed (dsnetbatch.h); plain video may come with a GstVideoMeta stride/offset. */
  gint stride = self->width * 4;
  gsize base = 0;
  GstVideoMeta *vmeta = self->plain ? gst_buffer_get_video_meta (buf) : NULL;
  if (vmeta != NULL && vmeta->n_planes >= 1) {
    stride = vmeta->stride[0];
    base = vmeta->offset[0];
  }
  if (stride < self->width * 4 || stride % 4 != 0) {
    gst_buffer_unmap (buf, &map);
    g_free (s.clock_font);
    GST_ELEMENT_ERROR (self, STREAM, FORMAT, (NULL),
        ("RGBA rows of %d pixels with a stride of %d bytes cannot be drawn on", self->width, stride));
    return GST_FLOW_ERROR;
  }
  const gsize slot_size = (gsize) stride * (self->height - 1) + (gsize) self->width * 4;

  /* Slots that hold a frame: the clock goes once onto each (a tiled picture carries many frame
   * metas, all in slot 0). Without metadata, every slot the buffer holds. */
  guint8 *clock_slots = g_malloc0 ((gsize) self->batch_size);
  if (batch != NULL && batch->frame_meta_list != NULL) {
    for (GList * it = batch->frame_meta_list; it != NULL; it = it->next) {
      NvDsFrameMeta *fm = it->data;
      gsize offset = base + dsnet_batch_frame_offset (self->width, self->height, fm->batch_id);
      if (fm->batch_id >= (guint) self->batch_size || offset + slot_size > map.size) {
        if (!self->warned_slot) {
          GST_ELEMENT_WARNING (self, STREAM, FORMAT, (NULL),
              ("frame meta of source %u names slot %u, but the buffer holds %" G_GSIZE_FORMAT
                  " bytes of %dx%d frames (batch-size %d): not drawn", fm->source_id,
                  fm->batch_id, map.size, self->width, self->height, self->batch_size));
          self->warned_slot = TRUE;
        }
        continue;
      }
      DsnetOsdCanvas c = {.pixels = map.data + offset,.stride = stride };
      dsnet_osd_draw_frame (self->draw, &c, fm, &layers);
      dsnet_osd_canvas_finish (&c);
      clock_slots[fm->batch_id] = 1;
    }
  } else {
    for (guint i = 0; i < (guint) self->batch_size; i++)
      clock_slots[i] =
          base + dsnet_batch_frame_offset (self->width, self->height, i) + slot_size <= map.size;
  }
  if (s.clock) {
    for (guint i = 0; i < (guint) self->batch_size; i++) {
      if (!clock_slots[i])
        continue;
      DsnetOsdCanvas c = {.pixels = map.data + base + dsnet_batch_frame_offset (self->width, self->height, i),
        .stride = stride };
      dsnet_osd_draw_clock (self->draw, &c, s.clock_text, s.x_clock, s.y_clock, s.clock_font,
          s.clock_font_size, s.clock_color);
      dsnet_osd_canvas_finish (&c);
    }
  }
  g_free (clock_slots);

  gst_buffer_unmap (buf, &map);
  g_free (s.clock_font);
  return GST_FLOW_OK;
}

/* ---------------------------------------------------------------------------------------------- */
/* GObject */

static void
gst_dsnet_osd_set_property (GObject * object, guint prop_id, const GValue * value,
    GParamSpec * pspec)
{
  GstDsNetOsd *self = GST_DSNET_OSD (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_DISPLAY_TEXT:
      self->display_text = g_value_get_boolean (value);
      break;
    case PROP_DISPLAY_BBOX:
      self->display_bbox = g_value_get_boolean (value);
      break;
    case PROP_DISPLAY_MASK:
      self->display_mask = g_value_get_boolean (value);
      break;
    case PROP_DISPLAY_CLOCK:
      self->display_clock = g_value_get_boolean (value);
      break;
    case PROP_CLOCK_FONT:
      g_free (self->clock_font);
      self->clock_font = g_value_dup_string (value);
      break;
    case PROP_CLOCK_FONT_SIZE:
      self->clock_font_size = g_value_get_uint (value);
      break;
    case PROP_X_CLOCK_OFFSET:
      self->x_clock_offset = g_value_get_uint (value);
      break;
    case PROP_Y_CLOCK_OFFSET:
      self->y_clock_offset = g_value_get_uint (value);
      break;
    case PROP_CLOCK_COLOR:
      self->clock_color = g_value_get_uint (value);
      break;
    case PROP_PROCESS_MODE:
      self->process_mode = g_value_get_int (value);
      self->noted_process_mode = FALSE;
      break;
    case PROP_GPU_ID:
      self->gpu_id = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_osd_get_property (GObject * object, guint prop_id, GValue * value, GParamSpec * pspec)
{
  GstDsNetOsd *self = GST_DSNET_OSD (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_DISPLAY_TEXT:
      g_value_set_boolean (value, self->display_text);
      break;
    case PROP_DISPLAY_BBOX:
      g_value_set_boolean (value, self->display_bbox);
      break;
    case PROP_DISPLAY_MASK:
      g_value_set_boolean (value, self->display_mask);
      break;
    case PROP_DISPLAY_CLOCK:
      g_value_set_boolean (value, self->display_clock);
      break;
    case PROP_CLOCK_FONT:
      g_value_set_string (value, self->clock_font);
      break;
    case PROP_CLOCK_FONT_SIZE:
      g_value_set_uint (value, self->clock_font_size);
      break;
    case PROP_X_CLOCK_OFFSET:
      g_value_set_uint (value, self->x_clock_offset);
      break;
    case PROP_Y_CLOCK_OFFSET:
      g_value_set_uint (value, self->y_clock_offset);
      break;
    case PROP_CLOCK_COLOR:
      g_value_set_uint (value, self->clock_color);
      break;
    case PROP_PROCESS_MODE:
      g_value_set_int (value, self->process_mode);
      break;
    case PROP_GPU_ID:
      g_value_set_uint (value, self->gpu_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_osd_finalize (GObject * object)
{
  GstDsNetOsd *self = GST_DSNET_OSD (object);
  g_free (self->clock_font);
  g_clear_pointer (&self->draw, dsnet_osd_draw_free);
  G_OBJECT_CLASS (gst_dsnet_osd_parent_class)->finalize (object);
}

static void
gst_dsnet_osd_class_init (GstDsNetOsdClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *bt_class = GST_BASE_TRANSFORM_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING;

  GST_DEBUG_CATEGORY_INIT (gst_dsnet_osd_debug, "dsnetosd", 0, "DeepStreamNet on-screen display");

  gobject_class->set_property = gst_dsnet_osd_set_property;
  gobject_class->get_property = gst_dsnet_osd_get_property;
  gobject_class->finalize = gst_dsnet_osd_finalize;

  g_object_class_install_property (gobject_class, PROP_DISPLAY_TEXT,
      g_param_spec_boolean ("display-text", "Display text",
          "Draw object labels and display-meta texts", DEFAULT_DISPLAY_TEXT, rw));
  g_object_class_install_property (gobject_class, PROP_DISPLAY_BBOX,
      g_param_spec_boolean ("display-bbox", "Display boxes",
          "Draw object boxes and display-meta rectangles", DEFAULT_DISPLAY_BBOX, rw));
  g_object_class_install_property (gobject_class, PROP_DISPLAY_MASK,
      g_param_spec_boolean ("display-mask", "Display masks", "Draw object instance masks",
          DEFAULT_DISPLAY_MASK, rw));
  g_object_class_install_property (gobject_class, PROP_DISPLAY_CLOCK,
      g_param_spec_boolean ("display-clock", "Display clock", "Draw the local time on each frame",
          DEFAULT_DISPLAY_CLOCK, rw));
  g_object_class_install_property (gobject_class, PROP_CLOCK_FONT,
      g_param_spec_string ("clock-font", "Clock font", "Fontconfig family of the clock",
          DEFAULT_CLOCK_FONT, rw));
  g_object_class_install_property (gobject_class, PROP_CLOCK_FONT_SIZE,
      g_param_spec_uint ("clock-font-size", "Clock font size", "Clock font size, pixels", 0, 2048,
          DEFAULT_CLOCK_FONT_SIZE, rw));
  g_object_class_install_property (gobject_class, PROP_X_CLOCK_OFFSET,
      g_param_spec_uint ("x-clock-offset", "Clock x", "Left of the clock text, pixels", 0,
          G_MAXUINT, 0, rw));
  g_object_class_install_property (gobject_class, PROP_Y_CLOCK_OFFSET,
      g_param_spec_uint ("y-clock-offset", "Clock y", "Top of the clock text, pixels", 0,
          G_MAXUINT, 0, rw));
  g_object_class_install_property (gobject_class, PROP_CLOCK_COLOR,
      g_param_spec_uint ("clock-color", "Clock colour", "Clock colour as 0xRRGGBBAA", 0,
          G_MAXUINT, DEFAULT_CLOCK_COLOR, rw));
  g_object_class_install_property (gobject_class, PROP_PROCESS_MODE,
      g_param_spec_int ("process-mode", "Process mode",
          "0 = CPU; 1 (GPU) and 2 (hardware) are accepted and also run on the CPU", 0, 2,
          DEFAULT_PROCESS_MODE, rw));
  g_object_class_install_property (gobject_class, PROP_GPU_ID,
      g_param_spec_uint ("gpu-id", "GPU id", "Accepted for nvdsosd compatibility; ignored", 0,
          G_MAXUINT, 0, rw));

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "DeepStreamNet on-screen display",
      "Filter/Editor/Video/Overlay",
      "Draws object boxes, labels, masks and display-meta shapes onto batched RGBA frames with "
      "Cairo and Pango (portable nvdsosd)", "DeepStreamNet");

  bt_class->set_caps = GST_DEBUG_FUNCPTR (gst_dsnet_osd_set_caps);
  bt_class->start = GST_DEBUG_FUNCPTR (gst_dsnet_osd_start);
  bt_class->stop = GST_DEBUG_FUNCPTR (gst_dsnet_osd_stop);
  bt_class->transform_ip = GST_DEBUG_FUNCPTR (gst_dsnet_osd_transform_ip);
  bt_class->passthrough_on_same_caps = FALSE;
}

static void
gst_dsnet_osd_init (GstDsNetOsd * self)
{
  self->display_text = DEFAULT_DISPLAY_TEXT;
  self->display_bbox = DEFAULT_DISPLAY_BBOX;
  self->display_mask = DEFAULT_DISPLAY_MASK;
  self->display_clock = DEFAULT_DISPLAY_CLOCK;
  self->clock_font = g_strdup (DEFAULT_CLOCK_FONT);
  self->clock_font_size = DEFAULT_CLOCK_FONT_SIZE;
  self->clock_color = DEFAULT_CLOCK_COLOR;
  self->process_mode = DEFAULT_PROCESS_MODE;
  gst_base_transform_set_in_place (GST_BASE_TRANSFORM (self), TRUE);
}
