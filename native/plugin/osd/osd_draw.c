/*
 * dsnetosd's drawing (see osd_draw.h): Cairo shapes and Pango text on RGBA frame memory, no GStreamer.
 */
#include "osd_draw.h"

#include <math.h>
#include <pango/pangocairo.h>

#define CIRCLE_LINE_WIDTH 2.0
#define MASK_ALPHA 0.5

struct _DsnetOsdDraw
{
  gint width;
  gint height;
  PangoFontMap *font_map;
  PangoContext *pango;
  PangoLayout *layout;
  GHashTable *fonts;            /* "name|size" -> PangoFontDescription* */
};

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
canvas_cr (DsnetOsdDraw * d, DsnetOsdCanvas * c)
{
  if (c->cr == NULL) {
    c->surface = cairo_image_surface_create_for_data (c->pixels, CAIRO_FORMAT_ARGB32, d->width,
        d->height, c->stride);
    c->cr = cairo_create (c->surface);
    pango_cairo_update_context (c->cr, d->pango);
  }
  return c->cr;
}

void
dsnet_osd_canvas_finish (DsnetOsdCanvas * c)
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
box_pixels (DsnetOsdDraw * d, const NvOSD_RectParams * r, gint * x0, gint * y0, gint * x1,
    gint * y1)
{
  const gdouble w = d->width, h = d->height;
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
draw_rect (DsnetOsdDraw * d, DsnetOsdCanvas * c, const NvOSD_RectParams * r)
{
  gint x0, y0, x1, y1;
  if (!box_pixels (d, r, &x0, &y0, &x1, &y1))
    return;
  if (!r->has_bg_color && r->border_width == 0)
    return;
  cairo_t *cr = canvas_cr (d, c);
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
draw_mask (DsnetOsdDraw * d, DsnetOsdCanvas * c, const NvOSD_RectParams * r, const NvOSD_MaskParams * m)
{
  gint x0, y0, x1, y1;
  if (m->data == NULL || m->width == 0 || m->height == 0 || m->width > 8192 || m->height > 8192)
    return;
  if (m->size != 0 && (gsize) m->size < (gsize) m->width * m->height * sizeof (gfloat)) {
    g_debug ("dsnetosd: mask of %ux%u has only %u bytes: skipped", m->width, m->height, m->size);
    return;
  }
  if (!box_pixels (d, r, &x0, &y0, &x1, &y1))
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

  cairo_t *cr = canvas_cr (d, c);
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
draw_line (DsnetOsdDraw * d, DsnetOsdCanvas * c, const NvOSD_LineParams * l)
{
  if (l->line_color.alpha <= 0)
    return;
  cairo_t *cr = canvas_cr (d, c);
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
draw_arrow (DsnetOsdDraw * d, DsnetOsdCanvas * c, const NvOSD_ArrowParams * a)
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

  cairo_t *cr = canvas_cr (d, c);
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
draw_circle (DsnetOsdDraw * d, DsnetOsdCanvas * c, const NvOSD_CircleParams * ci)
{
  if (ci->radius == 0 || ci->radius > 65536)
    return;
  cairo_t *cr = canvas_cr (d, c);
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
font_for (DsnetOsdDraw * d, const gchar * name, guint size)
{
  if (name == NULL || *name == '\0')
    name = DSNET_OSD_DEFAULT_FONT;
  if (size == 0)
    size = DSNET_OSD_DEFAULT_FONT_SIZE;
  size = MIN (size, 2048u);
  gchar *key = g_strdup_printf ("%s|%u", name, size);
  PangoFontDescription *desc = g_hash_table_lookup (d->fonts, key);
  if (desc == NULL) {
    desc = pango_font_description_from_string (name);
    pango_font_description_set_absolute_size (desc, (gdouble) size * PANGO_SCALE);
    g_hash_table_insert (d->fonts, key, desc);
  } else {
    g_free (key);
  }
  return desc;
}

static void
draw_text (DsnetOsdDraw * d, DsnetOsdCanvas * c, const gchar * text, gdouble x, gdouble y,
    const gchar * font, guint size, const NvOSD_ColorParams * colour, gboolean bg,
    const NvOSD_ColorParams * bg_colour)
{
  if (text == NULL || *text == '\0')
    return;
  gchar *valid = NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);        /* Pango refuses invalid UTF-8 */
  cairo_t *cr = canvas_cr (d, c);
  pango_layout_set_font_description (d->layout, font_for (d, font, size));
  pango_layout_set_text (d->layout, text, -1);
  if (bg && bg_colour->alpha > 0) {
    PangoRectangle logical;
    pango_layout_get_pixel_extents (d->layout, NULL, &logical);
    cairo_rectangle (cr, x + logical.x, y + logical.y, logical.width, logical.height);
    set_colour_params (cr, bg_colour);
    cairo_fill (cr);
  }
  cairo_move_to (cr, x, y);
  set_colour_params (cr, colour);
  pango_cairo_show_layout (cr, d->layout);
  cairo_new_path (cr);
  g_free (valid);
}

static void
draw_text_params (DsnetOsdDraw * d, DsnetOsdCanvas * c, const NvOSD_TextParams * t)
{
  draw_text (d, c, t->display_text, t->x_offset, t->y_offset, t->font_params.font_name,
      t->font_params.font_size, &t->font_params.font_color, t->set_bg_clr, &t->text_bg_clr);
}

void
dsnet_osd_draw_clock (DsnetOsdDraw * d, DsnetOsdCanvas * c, const gchar * text, guint x, guint y,
    const gchar * font, guint size, guint rgba)
{
  NvOSD_ColorParams colour = {
    .red = ((rgba >> 24) & 0xff) / 255.0,
    .green = ((rgba >> 16) & 0xff) / 255.0,
    .blue = ((rgba >> 8) & 0xff) / 255.0,
    .alpha = (rgba & 0xff) / 255.0,
  };
  draw_text (d, c, text, x, y, font, size, &colour, FALSE, &colour);
}

/* Everything of one frame meta, in layers: masks, boxes, lines/arrows/circles, texts. */
void
dsnet_osd_draw_frame (DsnetOsdDraw * d, DsnetOsdCanvas * c, const NvDsFrameMeta * fm,
    const DsnetOsdLayers * s)
{
  if (s->mask)
    for (GList * o = fm->obj_meta_list; o != NULL; o = o->next) {
      NvDsObjectMeta *obj = o->data;
      draw_mask (d, c, &obj->rect_params, &obj->mask_params);
    }
  if (s->bbox) {
    for (GList * o = fm->obj_meta_list; o != NULL; o = o->next)
      draw_rect (d, c, &((NvDsObjectMeta *) o->data)->rect_params);
    for (GList * l = fm->display_meta_list; l != NULL; l = l->next) {
      NvDsDisplayMeta *dm = l->data;
      for (guint i = 0; i < MIN (dm->num_rects, MAX_ELEMENTS_IN_DISPLAY_META); i++)
        draw_rect (d, c, &dm->rect_params[i]);
    }
  }
  for (GList * l = fm->display_meta_list; l != NULL; l = l->next) {
    NvDsDisplayMeta *dm = l->data;
    for (guint i = 0; i < MIN (dm->num_lines, MAX_ELEMENTS_IN_DISPLAY_META); i++)
      draw_line (d, c, &dm->line_params[i]);
    for (guint i = 0; i < MIN (dm->num_arrows, MAX_ELEMENTS_IN_DISPLAY_META); i++)
      draw_arrow (d, c, &dm->arrow_params[i]);
    for (guint i = 0; i < MIN (dm->num_circles, MAX_ELEMENTS_IN_DISPLAY_META); i++)
      draw_circle (d, c, &dm->circle_params[i]);
  }
  if (s->text) {
    for (GList * o = fm->obj_meta_list; o != NULL; o = o->next)
      draw_text_params (d, c, &((NvDsObjectMeta *) o->data)->text_params);
    for (GList * l = fm->display_meta_list; l != NULL; l = l->next) {
      NvDsDisplayMeta *dm = l->data;
      for (guint i = 0; i < MIN (dm->num_labels, MAX_ELEMENTS_IN_DISPLAY_META); i++)
        draw_text_params (d, c, &dm->text_params[i]);
    }
  }
}

DsnetOsdDraw *
dsnet_osd_draw_new (void)
{
  DsnetOsdDraw *d = g_new0 (DsnetOsdDraw, 1);
  /* Own font map: no per-thread default map lingers after the element goes away. */
  d->font_map = pango_cairo_font_map_new ();
  d->pango = pango_font_map_create_context (d->font_map);
  pango_cairo_context_set_resolution (d->pango, 72.0);
  d->layout = pango_layout_new (d->pango);
  d->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
      (GDestroyNotify) pango_font_description_free);
  /* Load fontconfig's configuration and the default font now rather than on the first labelled frame. */
  PangoRectangle ink;
  pango_layout_set_font_description (d->layout, font_for (d, DSNET_OSD_DEFAULT_FONT,
          DSNET_OSD_DEFAULT_FONT_SIZE));
  pango_layout_set_text (d->layout, "0", -1);
  pango_layout_get_pixel_extents (d->layout, &ink, NULL);
  return d;
}

void
dsnet_osd_draw_free (DsnetOsdDraw * d)
{
  if (d == NULL)
    return;
  g_clear_pointer (&d->fonts, g_hash_table_unref);
  g_clear_object (&d->layout);
  g_clear_object (&d->pango);
  g_clear_object (&d->font_map);
  g_free (d);
}

gboolean
dsnet_osd_draw_set_size (DsnetOsdDraw * d, gint width, gint height)
{
  if (width <= 0 || height <= 0 || cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width) != width * 4)
    return FALSE;
  d->width = width;
  d->height = height;
  return TRUE;
}
