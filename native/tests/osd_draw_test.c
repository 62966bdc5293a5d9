/*
 * Unit tests of dsnetosd's drawing unit (native/plugin/osd/osd_draw.c) on plain RGBA memory.
 * No GStreamer: frame and object metas are built by hand, GLib's test framework only.
 */
#include <string.h>

#include <glib.h>

#include "osd_draw.h"

#define W 64
#define H 48

typedef struct
{
  guint8 pixels[W * H * 4];
  NvDsFrameMeta frame;
  NvDsObjectMeta obj;
  DsnetOsdDraw *draw;
} Fixture;

static void
fixture_set_up (Fixture * f, gconstpointer data)
{
  (void) data;
  memset (f, 0, sizeof *f);
  for (gsize i = 0; i < sizeof f->pixels; i += 4)
    f->pixels[i + 3] = 255;     /* opaque black RGBA, as the muxer delivers */
  f->obj.rect_params = (NvOSD_RectParams) {.left = 10,.top = 10,.width = 20,.height = 12,.border_width = 2,
    .border_color = {.red = 1.0,.green = 0.0,.blue = 0.0,.alpha = 1.0}
  };
  f->frame.obj_meta_list = g_list_append (NULL, &f->obj);
  f->draw = dsnet_osd_draw_new ();
  g_assert_true (dsnet_osd_draw_set_size (f->draw, W, H));
}

static void
fixture_tear_down (Fixture * f, gconstpointer data)
{
  (void) data;
  g_list_free (f->frame.obj_meta_list);
  dsnet_osd_draw_free (f->draw);
}

static const guint8 *
px (const Fixture * f, gint x, gint y)
{
  return &f->pixels[(y * W + x) * 4];
}

static void
draw (Fixture * f, gboolean text, gboolean bbox)
{
  DsnetOsdCanvas c = {.pixels = f->pixels,.stride = W * 4 };
  const DsnetOsdLayers layers = {.text = text,.bbox = bbox,.mask = FALSE };
  dsnet_osd_draw_frame (f->draw, &c, &f->frame, &layers);
  dsnet_osd_canvas_finish (&c);
}

/* The border is border_width pixels inside the box, in RGBA byte order (red in byte 0); inside stays untouched. */
static void
test_box_border (Fixture * f, gconstpointer data)
{
  (void) data;
  draw (f, FALSE, TRUE);
  g_assert_cmpuint (px (f, 10, 10)[0], ==, 255);
  g_assert_cmpuint (px (f, 10, 10)[2], ==, 0);
  g_assert_cmpuint (px (f, 11, 15)[0], ==, 255);       /* second border column */
  g_assert_cmpuint (px (f, 29, 21)[0], ==, 255);       /* last pixel of the box: [10,30) × [10,22) */
  g_assert_cmpuint (px (f, 12, 15)[0], ==, 0);         /* inside the border */
  g_assert_cmpuint (px (f, 30, 15)[0], ==, 0);         /* right of the box */
  g_assert_cmpuint (px (f, 5, 5)[3], ==, 255);
}

/* A background colour is alpha-blended over the whole box; display-bbox off draws nothing at all. */
static void
test_background_and_layers (Fixture * f, gconstpointer data)
{
  (void) data;
  draw (f, FALSE, FALSE);
  for (gsize i = 0; i < sizeof f->pixels; i += 4)
    g_assert_cmpuint (f->pixels[i], ==, 0);
  f->obj.rect_params.has_bg_color = 1;
  f->obj.rect_params.bg_color = (NvOSD_ColorParams) {.red = 0.0,.green = 0.0,.blue = 1.0,.alpha = 0.5 };
  draw (f, FALSE, TRUE);
  g_assert_cmpuint (px (f, 20, 15)[2], >=, 126);
  g_assert_cmpuint (px (f, 20, 15)[2], <=, 129);
  g_assert_cmpuint (px (f, 20, 15)[0], ==, 0);
}

/* A label draws pixels of its colour at its offset only when display-text is on; invalid UTF-8 is drawn, not refused. */
static void
test_label (Fixture * f, gconstpointer data)
{
  (void) data;
  f->obj.rect_params.border_width = 0;
  gchar text[] = "Ab\xff";
  f->obj.text_params = (NvOSD_TextParams) {.display_text = text,.x_offset = 2,.y_offset = 2,
    .font_params = {.font_name = (gchar *) "Sans",.font_size = 14,
        .font_color = {.red = 0.0,.green = 1.0,.blue = 0.0,.alpha = 1.0}}
  };
  draw (f, FALSE, TRUE);
  guint green = 0;
  for (gsize i = 0; i < sizeof f->pixels; i += 4)
    green += f->pixels[i + 1] > 128;
  g_assert_cmpuint (green, ==, 0);
  draw (f, TRUE, TRUE);
  for (gint y = 0; y < 24; y++)
    for (gint x = 0; x < 40; x++)
      green += px (f, x, y)[1] > 128;
  g_assert_cmpuint (green, >, 10);
  f->obj.text_params.display_text = NULL;
}

/* Boxes far outside the frame or with NaN coordinates are clipped or skipped, never written out of bounds. */
static void
test_degenerate_boxes (Fixture * f, gconstpointer data)
{
  (void) data;
  f->obj.rect_params.left = -1e9f;
  f->obj.rect_params.width = 3e9f;
  f->obj.rect_params.border_width = 100000;
  draw (f, TRUE, TRUE);
  f->obj.rect_params.left = 0.0f / 0.0f;
  draw (f, TRUE, TRUE);
  g_assert_false (dsnet_osd_draw_set_size (f->draw, 0, 10));
}

/* The clock is the given text in the given 0xRRGGBBAA colour. */
static void
test_clock (Fixture * f, gconstpointer data)
{
  (void) data;
  DsnetOsdCanvas c = {.pixels = f->pixels,.stride = W * 4 };
  dsnet_osd_draw_clock (f->draw, &c, "12:00", 0, 0, "Serif", 16, 0x0000ffffu);
  dsnet_osd_canvas_finish (&c);
  guint blue = 0;
  for (gsize i = 0; i < sizeof f->pixels; i += 4)
    blue += f->pixels[i + 2] > 128 && f->pixels[i] == 0;
  g_assert_cmpuint (blue, >, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/osd-draw/box-border", Fixture, NULL, fixture_set_up, test_box_border, fixture_tear_down);
  g_test_add ("/osd-draw/background-and-layers", Fixture, NULL, fixture_set_up, test_background_and_layers,
      fixture_tear_down);
  g_test_add ("/osd-draw/label", Fixture, NULL, fixture_set_up, test_label, fixture_tear_down);
  g_test_add ("/osd-draw/degenerate-boxes", Fixture, NULL, fixture_set_up, test_degenerate_boxes, fixture_tear_down);
  g_test_add ("/osd-draw/clock", Fixture, NULL, fixture_set_up, test_clock, fixture_tear_down);
  return g_test_run ();
}
