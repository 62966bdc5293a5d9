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

#include <math.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <gst/gst.h>
#include <gst/base/gstbasetransform.h>
#include <gst/video/video.h>
#include <pango/pangocairo.h>

#include "dsnetbatch.h"
#include "elements.h"
#include "gstdsnetosd.h"
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

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
#define DEFAULT_FONT "Serif"
#define DEFAULT_FONT_SIZE 12
#define CIRCLE_LINE_WIDTH 2.0
#define MASK_ALPHA 0.5

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

  /* text rendering (streaming thread; created in start, dropped in stop) */
  PangoFontMap *font_map;
  PangoContext *pango;
  PangoLayout *layout;
  GHashTable *fonts;            /* "name|size" -> PangoFontDescription* */
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

/* Lazily created Cairo context over one frame slot. */
typedef struct
{
  guint8 *pixels;
  gint stride;
  cairo_surface_t *surface;
  cairo_t *cr;
} Canvas;

/* ---------------------------------------------------------------------------------------------- */
/* drawing helpers */

static gdouble
clamp01 (gdouble v)
{
  return isnan (v) ? 0.0 : CLAMP (v, 0.0, 1.0);
}

/* RGBA frame bytes seen as little-endian ARGB32: Cairo's "blue" is our red byte and vice versa. */
static void
set_colour (cairo_t * cr, gdouble r, gdouble g, gdouble b, gdouble a)
{
  cairo_set_source_rgba (cr, clamp01 (b), clamp01 (g), clamp01 (r), clamp01 (a));
}

static void
set_colour_params (cairo_t * cr, const NvOSD_ColorParams * c)
{
  set_colour (cr, c->red, c->green, c->blue, c->alpha);
}

static cairo_t *
canvas_cr (GstDsNetOsd * self, Canvas * c)
{
  if (c->cr == NULL) {
    c->surface = cairo_image_surface_create_for_data (c->pixels, CAIRO_FORMAT_ARGB32, self->width,
        self->height, c->stride);
    c->cr = cairo_create (c->surface);
    pango_cairo_update_context (c->cr, self->pango);
  }
  return c->cr;
}

static void
canvas_finish (Canvas * c)
{
  if (c->cr != NULL) {
    cairo_destroy (c->cr);
    cairo_surface_flush (c->surface);
    cairo_surface_destroy (c->surface);
    c->cr = NULL;
    c->surface = NULL;
  }
}

/* Rounds a box to whole pixels, limited to a sane range around the frame. FALSE when empty. */
static gboolean
box_pixels (GstDsNetOsd * self, const NvOSD_RectParams * r, gint * x0, gint * y0, gint * x1,
    gint * y1)
{
  const gdouble w = self->width, h = self->height;
  gdouble l = r->left, t = r->top, rr = (gdouble) r->left + r->width, b = (gdouble) r->top + r->height;
  if (isnan (l) || isnan (t) || isnan (rr) || isnan (b))
    return FALSE;
  *x0 = (gint) lround (CLAMP (l, -w, 2 * w));
  *y0 = (gint) lround (CLAMP (t, -h, 2 * h));
  *x1 = (gint) lround (CLAMP (rr, -w, 2 * w));
  *y1 = (gint) lround (CLAMP (b, -h, 2 * h));
  return *x1 > *x0 && *y1 > *y0;
}

static void
draw_rect (GstDsNetOsd * self, Canvas * c, const NvOSD_RectParams * r)
{
  gint x0, y0, x1, y1;
  if (!box_pixels (self, r, &x0, &y0, &x1, &y1))
    return;
  if (!r->has_bg_color && r->border_width == 0)
    return;
  cairo_t *cr = canvas_cr (self, c);
  if (r->has_bg_color && r->bg_color.alpha > 0) {
    cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
    set_colour_params (cr, &r->bg_color);
    cairo_fill (cr);
  }
  if (r->border_width > 0 && r->border_color.alpha > 0) {
    gint bw = (gint) MIN (r->border_width, 4096u);
    cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
    if (2 * bw < x1 - x0 && 2 * bw < y1 - y0)
      cairo_rectangle (cr, x0 + bw, y0 + bw, x1 - x0 - 2 * bw, y1 - y0 - 2 * bw);
    set_colour_params (cr, &r->border_color);
    cairo_fill (cr);
    cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  }
}

/* Instance mask: width × height floats stretched over the box; values above threshold are tinted with
 * the border colour at half its alpha. */
static void
draw_mask (GstDsNetOsd * self, Canvas * c, const NvOSD_RectParams * r, const NvOSD_MaskParams * m)
{
  gint x0, y0, x1, y1;
  if (m->data == NULL || m->width == 0 || m->height == 0 || m->width > 8192 || m->height > 8192)
    return;
  if (m->size != 0 && (gsize) m->size < (gsize) m->width * m->height * sizeof (gfloat)) {
    GST_WARNING_OBJECT (self, "mask of %ux%u has only %u bytes: skipped", m->width, m->height,
        m->size);
    return;
  }
  if (!box_pixels (self, r, &x0, &y0, &x1, &y1))
    return;

  cairo_surface_t *alpha = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) m->width,
      (int) m->height);
  if (cairo_surface_status (alpha) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy (alpha);
    return;
  }
  cairo_surface_flush (alpha);
  guint8 *a = cairo_image_surface_get_data (alpha);
  gint stride = cairo_image_surface_get_stride (alpha);
  for (guint y = 0; y < m->height; y++)
    for (guint x = 0; x < m->width; x++)
      a[y * stride + x] = m->data[y * m->width + x] > m->threshold ? 255 : 0;
  cairo_surface_mark_dirty (alpha);

  cairo_t *cr = canvas_cr (self, c);
  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (cr);
  set_colour (cr, r->border_color.red, r->border_color.green, r->border_color.blue,
      clamp01 (r->border_color.alpha) * MASK_ALPHA);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, (gdouble) (x1 - x0) / m->width, (gdouble) (y1 - y0) / m->height);
  cairo_pattern_t *p = cairo_pattern_create_for_surface (alpha);
  cairo_pattern_set_filter (p, CAIRO_FILTER_NEAREST);
  cairo_mask (cr, p);
  cairo_pattern_destroy (p);
  cairo_restore (cr);
  cairo_surface_destroy (alpha);
}

static void
draw_line (GstDsNetOsd * self, Canvas * c, const NvOSD_LineParams * l)
{
  if (l->line_color.alpha <= 0)
    return;
  cairo_t *cr = canvas_cr (self, c);
  cairo_set_line_width (cr, MAX (1u, MIN (l->line_width, 4096u)));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, l->x1, l->y1);
  cairo_line_to (cr, l->x2, l->y2);
  set_colour_params (cr, &l->line_color);
  cairo_stroke (cr);
}

/* Filled triangle with its tip at (tx, ty), pointing along (dx, dy) (unit vector). Returns the centre
 * of its base, where the shaft should end. */
static void
arrow_head (cairo_t * cr, gdouble tx, gdouble ty, gdouble dx, gdouble dy, gdouble len,
    gdouble half, gdouble * bx, gdouble * by)
{
  *bx = tx - dx * len;
  *by = ty - dy * len;
  cairo_move_to (cr, tx, ty);
  cairo_line_to (cr, *bx - dy * half, *by + dx * half);
  cairo_line_to (cr, *bx + dy * half, *by - dx * half);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_arrow (GstDsNetOsd * self, Canvas * c, const NvOSD_ArrowParams * a)
{
  if (a->arrow_color.alpha <= 0)
    return;
  gdouble x1 = a->x1, y1 = a->y1, x2 = a->x2, y2 = a->y2;
  gdouble len = hypot (x2 - x1, y2 - y1);
  gdouble width = MAX (1u, MIN (a->arrow_width, 4096u));
  if (len < 1.0)
    return;
  gdouble dx = (x2 - x1) / len, dy = (y2 - y1) / len;
  gdouble head = MIN (MAX (3.0 * width, 8.0), len / 2.0), half = MAX (1.5 * width, head * 0.5);

  cairo_t *cr = canvas_cr (self, c);
  set_colour_params (cr, &a->arrow_color);
  gdouble sx = x1, sy = y1, ex = x2, ey = y2;
  if (a->arrow_head == END_HEAD || a->arrow_head == BOTH_HEAD)
    arrow_head (cr, x2, y2, dx, dy, head, half, &ex, &ey);
  if (a->arrow_head == START_HEAD || a->arrow_head == BOTH_HEAD)
    arrow_head (cr, x1, y1, -dx, -dy, head, half, &sx, &sy);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, sx, sy);
  cairo_line_to (cr, ex, ey);
  cairo_stroke (cr);
}

static void
draw_circle (GstDsNetOsd * self, Canvas * c, const NvOSD_CircleParams * ci)
{
  if (ci->radius == 0 || ci->radius > 65536)
    return;
  cairo_t *cr = canvas_cr (self, c);
  cairo_new_path (cr);
  cairo_arc (cr, ci->xc, ci->yc, ci->radius, 0, 2 * G_PI);
  if (ci->has_bg_color && ci->bg_color.alpha > 0) {
    set_colour_params (cr, &ci->bg_color);
    cairo_fill_preserve (cr);
  }
  if (ci->circle_color.alpha > 0) {
    cairo_set_line_width (cr, CIRCLE_LINE_WIDTH);
    set_colour_params (cr, &ci->circle_color);
    cairo_stroke (cr);
  }
  cairo_new_path (cr);
}

static PangoFontDescription *
font_for (GstDsNetOsd * self, const gchar * name, guint size)
{
  if (name == NULL || *name == '\0')
    name = DEFAULT_FONT;
  if (size == 0)
    size = DEFAULT_FONT_SIZE;
  size = MIN (size, 2048u);
  gchar *key = g_strdup_printf ("%s|%u", name, size);
  PangoFontDescription *desc = g_hash_table_lookup (self->fonts, key);
  if (desc == NULL) {
    desc = pango_font_description_from_string (name);
    pango_font_description_set_absolute_size (desc, (gdouble) size * PANGO_SCALE);
    g_hash_table_insert (self->fonts, key, desc);
  } else {
    g_free (key);
  }
  return desc;
}

static void
draw_text (GstDsNetOsd * self, Canvas * c, const gchar * text, gdouble x, gdouble y,
    const gchar * font, guint size, const NvOSD_ColorParams * colour, gboolean bg,
    const NvOSD_ColorParams * bg_colour)
{
  if (text == NULL || *text == '\0')
    return;
  gchar *valid = NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);        /* Pango refuses invalid UTF-8 */
  cairo_t *cr = canvas_cr (self, c);
  pango_layout_set_font_description (self->layout, font_for (self, font, size));
  pango_layout_set_text (self->layout, text, -1);
  if (bg && bg_colour->alpha > 0) {
    PangoRectangle logical;
    pango_layout_get_pixel_extents (self->layout, NULL, &logical);
    cairo_rectangle (cr, x + logical.x, y + logical.y, logical.width, logical.height);
    set_colour_params (cr, bg_colour);
    cairo_fill (cr);
  }
  cairo_move_to (cr, x, y);
  set_colour_params (cr, colour);
  pango_cairo_show_layout (cr, self->layout);
  cairo_new_path (cr);
  g_free (valid);
}

static void
draw_text_params (GstDsNetOsd * self, Canvas * c, const NvOSD_TextParams * t)
{
  draw_text (self, c, t->display_text, t->x_offset, t->y_offset, t->font_params.font_name,
      t->font_params.font_size, &t->font_params.font_color, t->set_bg_clr, &t->text_bg_clr);
}

static void
draw_clock (GstDsNetOsd * self, Canvas * c, const DrawSettings * s)
{
  NvOSD_ColorParams colour = {
    .red = ((s->clock_color >> 24) & 0xff) / 255.0,
    .green = ((s->clock_color >> 16) & 0xff) / 255.0,
    .blue = ((s->clock_color >> 8) & 0xff) / 255.0,
    .alpha = (s->clock_color & 0xff) / 255.0,
  };
  draw_text (self, c, s->clock_text, s->x_clock, s->y_clock, s->clock_font, s->clock_font_size,
      &colour, FALSE, &colour);
}

/* Everything of one frame meta, in layers: masks, boxes, lines/arrows/circles, texts. */
static void
draw_frame (GstDsNetOsd * self, Canvas * c, NvDsFrameMeta * fm, const DrawSettings * s)
{
  if (s->mask)
    for (GList * o = fm->obj_meta_list; o != NULL; o = o->next) {
      NvDsObjectMeta *obj = o->data;
      draw_mask (self, c, &obj->rect_params, &obj->mask_params);
    }
  if (s->bbox) {
    for (GList * o = fm->obj_meta_list; o != NULL; o = o->next)
      draw_rect (self, c, &((NvDsObjectMeta *) o->data)->rect_params);
    for (GList * d = fm->display_meta_list; d != NULL; d = d->next) {
      NvDsDisplayMeta *dm = d->data;
      for (guint i = 0; i < MIN (dm->num_rects, MAX_ELEMENTS_IN_DISPLAY_META); i++)
        draw_rect (self, c, &dm->rect_params[i]);
    }
  }
  for (GList * d = fm->display_meta_list; d != NULL; d = d->next) {
    NvDsDisplayMeta *dm = d->data;
    for (guint i = 0; i < MIN (dm->num_lines, MAX_ELEMENTS_IN_DISPLAY_META); i++)
      draw_line (self, c, &dm->line_params[i]);
    for (guint i = 0; i < MIN (dm->num_arrows, MAX_ELEMENTS_IN_DISPLAY_META); i++)
      draw_arrow (self, c, &dm->arrow_params[i]);
    for (guint i = 0; i < MIN (dm->num_circles, MAX_ELEMENTS_IN_DISPLAY_META); i++)
      draw_circle (self, c, &dm->circle_params[i]);
  }
  if (s->text) {
    for (GList * o = fm->obj_meta_list; o != NULL; o = o->next)
      draw_text_params (self, c, &((NvDsObjectMeta *) o->data)->text_params);
    for (GList * d = fm->display_meta_list; d != NULL; d = d->next) {
      NvDsDisplayMeta *dm = d->data;
      for (guint i = 0; i < MIN (dm->num_labels, MAX_ELEMENTS_IN_DISPLAY_META); i++)
        draw_text_params (self, c, &dm->text_params[i]);
    }
  }
}

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
  if (cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, self->width) != self->width * 4) {
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
  /* Own font map: no per-thread default map lingers after the element goes away. */
  self->font_map = pango_cairo_font_map_new ();
  self->pango = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->pango, 72.0);
  self->layout = pango_layout_new (self->pango);
  self->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
      (GDestroyNotify) pango_font_description_free);
  /* Load fontconfig's configuration and the default font now (state change) rather than on the
   * first labelled frame, which would stall a live stream for a moment. */
  PangoRectangle ink;
  pango_layout_set_font_description (self->layout, font_for (self, DEFAULT_FONT, DEFAULT_FONT_SIZE));
  pango_layout_set_text (self->layout, "0", -1);
  pango_layout_get_pixel_extents (self->layout, &ink, NULL);
  self->noted_process_mode = FALSE;
  self->warned_slot = FALSE;
  return TRUE;
}

static gboolean
gst_dsnet_osd_stop (GstBaseTransform * bt)
{
  GstDsNetOsd *self = GST_DSNET_OSD (bt);
  g_clear_pointer (&self->fonts, g_hash_table_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->pango);
  g_clear_object (&self->font_map);
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
      Canvas c = {.pixels = map.data + offset,.stride = stride };
      draw_frame (self, &c, fm, &s);
      canvas_finish (&c);
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
      Canvas c = {.pixels = map.data + base + dsnet_batch_frame_offset (self->width, self->height, i),
        .stride = stride };
      draw_clock (self, &c, &s);
      canvas_finish (&c);
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
  if (self->fonts != NULL)
    g_hash_table_unref (self->fonts);
  g_clear_object (&self->layout);
  g_clear_object (&self->pango);
  g_clear_object (&self->font_map);
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
