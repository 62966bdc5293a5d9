/*
 * dsnetosd: exact border pixels and colour byte order, alpha-blended fill, text, display-meta shapes,
 * display-* switches, masks, batches, clock, process-mode note.
 */
#include <gst/video/video.h>

#include "tiler_osd_common.h"

#define W 96
#define H 64

static GstHarness *
osd_harness (guint batch)
{
  GstHarness *h = gst_harness_new ("dsnetosd");
  gchar *caps = g_strdup_printf (BATCH_CAPS_FMT, W, H, batch);
  gst_harness_set_src_caps_str (h, caps);
  g_free (caps);
  return h;
}

/* One grey (100,100,100) frame of source 0. */
static GstBuffer *
grey_frame (NvDsBatchMeta ** b, NvDsFrameMeta ** fm)
{
  const guint src[1] = { 0 };
  GstBuffer *buf = batch_new (W, H, 1, 1, src, TRUE);
  *b = gst_buffer_get_nvds_batch_meta (buf);
  *fm = (*b)->frame_meta_list->data;
  return buf;
}

static gboolean
is_grey (const guint8 * p)
{
  return p[0] == 100 && p[1] == 100 && p[2] == 100 && p[3] == 255;
}

static gboolean
is_rgba (const guint8 * p, guint8 r, guint8 g, guint8 b)
{
  return p[0] == r && p[1] == g && p[2] == b && p[3] == 255;
}

static gint
count_changed (const GstMapInfo * map, gint x0, gint y0, gint x1, gint y1)
{
  gint n = 0;
  for (gint y = y0; y < y1; y++)
    for (gint x = x0; x < x1; x++)
      n += !is_grey (px_at (map, W, x, y));
  return n;
}

static GstBuffer *
run_one (GstHarness * h, GstBuffer * in, GstMapInfo * map)
{
  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  fail_unless (out != NULL);
  fail_unless (gst_buffer_map (out, map, GST_MAP_READ));
  return out;
}

static void
done (GstBuffer * out, GstMapInfo * map)
{
  gst_buffer_unmap (out, map);
  gst_buffer_unref (out);
}

/* A 3 px red border on box (10.4, 12, 30, 20) -> pixels x 10..39, y 12..31: exactly the 3 px ring is
 * pure red in RGBA memory (byte 0 = 255), everything else keeps its grey. */
GST_START_TEST (test_osd_border_exact_and_red)
{
  GstHarness *h = osd_harness (1);
  NvDsBatchMeta *b;
  NvDsFrameMeta *fm;
  GstBuffer *in = grey_frame (&b, &fm);
  add_box (b, fm, 10.4f, 12, 30, 20, 3, 1, 0, 0, 1);
  GstMapInfo map;
  GstBuffer *out = run_one (h, in, &map);
  for (gint y = 0; y < H; y++)
    for (gint x = 0; x < W; x++) {
      gboolean inside = x >= 10 && x < 40 && y >= 12 && y < 32;
      gboolean ring = inside && (x < 13 || x >= 37 || y < 15 || y >= 29);
      const guint8 *p = px_at (&map, W, x, y);
      if (ring)
        fail_unless (is_rgba (p, 255, 0, 0), "border pixel (%d,%d) = %u,%u,%u,%u, want red", x, y,
            p[0], p[1], p[2], p[3]);
      else
        fail_unless (is_grey (p), "pixel (%d,%d) = %u,%u,%u changed", x, y, p[0], p[1], p[2]);
    }
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Green and blue borders land in bytes 1 and 2: the channel swap is right for every channel. */
GST_START_TEST (test_osd_colour_channels)
{
  GstHarness *h = osd_harness (1);
  NvDsBatchMeta *b;
  NvDsFrameMeta *fm;
  GstBuffer *in = grey_frame (&b, &fm);
  add_box (b, fm, 0, 0, 10, 10, 1, 0, 1, 0, 1);
  add_box (b, fm, 20, 0, 10, 10, 1, 0, 0, 1, 1);
  GstMapInfo map;
  GstBuffer *out = run_one (h, in, &map);
  fail_unless (is_rgba (px_at (&map, W, 0, 5), 0, 255, 0));
  fail_unless (is_rgba (px_at (&map, W, 20, 5), 0, 0, 255));
  fail_unless (is_grey (px_at (&map, W, 5, 5)));
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Background fill (0,0,1,0.5) over grey 100: 50/50 blend inside the box (±1 for rounding), untouched
 * outside; no border when border_width = 0. */
GST_START_TEST (test_osd_bg_alpha_blend)
{
  GstHarness *h = osd_harness (1);
  NvDsBatchMeta *b;
  NvDsFrameMeta *fm;
  GstBuffer *in = grey_frame (&b, &fm);
  NvDsObjectMeta *o = add_box (b, fm, 20, 10, 16, 8, 0, 1, 0, 0, 1);
  o->rect_params.has_bg_color = 1;
  o->rect_params.bg_color = (NvOSD_ColorParams) { 0, 0, 1, 0.5 };
  GstMapInfo map;
  GstBuffer *out = run_one (h, in, &map);
  for (gint y = 0; y < H; y++)
    for (gint x = 0; x < W; x++) {
      const guint8 *p = px_at (&map, W, x, y);
      if (x >= 20 && x < 36 && y >= 10 && y < 18) {
        fail_unless (ABS (p[0] - 50) <= 1 && ABS (p[1] - 50) <= 1 && ABS (p[2] - 177) <= 1
            && p[3] == 255, "fill (%d,%d) = %u,%u,%u,%u", x, y, p[0], p[1], p[2], p[3]);
      } else {
        fail_unless (is_grey (p), "pixel (%d,%d) changed", x, y);
      }
    }
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

static GstBuffer *
labelled_frame (void)
{
  NvDsBatchMeta *b;
  NvDsFrameMeta *fm;
  GstBuffer *in = grey_frame (&b, &fm);
  NvDsObjectMeta *o = add_box (b, fm, 4, 30, 40, 20, 2, 1, 0, 0, 1);
  o->text_params.display_text = g_strdup ("no-mask");
  o->text_params.x_offset = 4;
  o->text_params.y_offset = 4;
  o->text_params.font_params.font_name = (char *) "Sans";
  o->text_params.font_params.font_size = 16;
  o->text_params.font_params.font_color = (NvOSD_ColorParams) { 0, 1, 0, 1 };
  o->text_params.set_bg_clr = 0;
  return in;
}

/* Green text renders: saturated green pixels in the text area, nothing outside text and box. */
GST_START_TEST (test_osd_text)
{
  GstHarness *h = osd_harness (1);
  GstMapInfo map;
  GstBuffer *out = run_one (h, labelled_frame (), &map);
  gint green = 0;
  for (gint y = 0; y < 28; y++)
    for (gint x = 0; x < W; x++) {
      const guint8 *p = px_at (&map, W, x, y);
      green += p[1] > 200 && p[0] < 60 && p[2] < 60;
    }
  fail_unless (green >= 20, "only %d green text pixels", green);
  fail_unless_equals_int (count_changed (&map, 0, 0, 4, 28), 0);        /* left of the text */
  fail_unless_equals_int (count_changed (&map, 0, 52, W, H), 0);        /* below box and text */
  fail_unless (is_rgba (px_at (&map, W, 4, 40), 255, 0, 0));   /* the box is drawn as well */
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* set_bg_clr: the text box gets the background colour (black), the glyphs stay on top. */
GST_START_TEST (test_osd_text_background)
{
  GstHarness *h = osd_harness (1);
  NvDsBatchMeta *b;
  GstBuffer *in = labelled_frame ();
  b = gst_buffer_get_nvds_batch_meta (in);
  NvDsObjectMeta *o = ((NvDsFrameMeta *) b->frame_meta_list->data)->obj_meta_list->data;
  o->text_params.set_bg_clr = 1;
  o->text_params.text_bg_clr = (NvOSD_ColorParams) { 0, 0, 0, 1 };
  GstMapInfo map;
  GstBuffer *out = run_one (h, in, &map);
  gint black = 0, green = 0;
  for (gint y = 4; y < 28; y++)
    for (gint x = 4; x < W; x++) {
      const guint8 *p = px_at (&map, W, x, y);
      black += is_rgba (p, 0, 0, 0);
      green += p[1] > 200 && p[0] < 60 && p[2] < 60;
    }
  fail_unless (black >= 100, "only %d black background pixels", black);
  fail_unless (green >= 20, "only %d green text pixels", green);
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* display-text=0: not a single text pixel; the box still is drawn. */
GST_START_TEST (test_osd_display_text_off)
{
  GstHarness *h = osd_harness (1);
  g_object_set (h->element, "display-text", FALSE, NULL);
  GstMapInfo map;
  GstBuffer *out = run_one (h, labelled_frame (), &map);
  fail_unless_equals_int (count_changed (&map, 0, 0, W, 30), 0);
  fail_unless (is_rgba (px_at (&map, W, 4, 40), 255, 0, 0));
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* display-bbox=0: no box pixel; the label still renders. */
GST_START_TEST (test_osd_display_bbox_off)
{
  GstHarness *h = osd_harness (1);
  g_object_set (h->element, "display-bbox", FALSE, NULL);
  GstMapInfo map;
  GstBuffer *out = run_one (h, labelled_frame (), &map);
  fail_unless_equals_int (count_changed (&map, 0, 29, W, H), 0);
  fail_unless (count_changed (&map, 0, 0, W, 29) >= 20);
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Display meta: rect, line, arrows (end/start heads), circle outline and fill, text. */
GST_START_TEST (test_osd_display_meta_shapes)
{
  GstHarness *h = osd_harness (1);
  NvDsBatchMeta *b;
  NvDsFrameMeta *fm;
  GstBuffer *in = grey_frame (&b, &fm);
  NvDsDisplayMeta *d = nvds_acquire_display_meta_from_pool (b);
  const NvOSD_ColorParams red = { 1, 0, 0, 1 }, blue = { 0, 0, 1, 1 }, green = { 0, 1, 0, 1 };

  d->num_rects = 1;
  d->rect_params[0] = (NvOSD_RectParams) {.left = 2,.top = 2,.width = 6,.height = 6,
    .border_width = 1,.border_color = blue };
  d->num_lines = 1;                     /* horizontal, 2 px: rows 9 and 10 */
  d->line_params[0] = (NvOSD_LineParams) {.x1 = 10,.y1 = 10,.x2 = 60,.y2 = 10,.line_width = 2,
    .line_color = red };
  d->num_arrows = 2;
  d->arrow_params[0] = (NvOSD_ArrowParams) {.x1 = 10,.y1 = 30,.x2 = 60,.y2 = 30,.arrow_width = 2,
    .arrow_head = END_HEAD,.arrow_color = green };
  d->arrow_params[1] = (NvOSD_ArrowParams) {.x1 = 10,.y1 = 50,.x2 = 60,.y2 = 50,.arrow_width = 2,
    .arrow_head = START_HEAD,.arrow_color = green };
  d->num_circles = 2;
  d->circle_params[0] = (NvOSD_CircleParams) {.xc = 80,.yc = 15,.radius = 8,.circle_color = blue };
  d->circle_params[1] = (NvOSD_CircleParams) {.xc = 80,.yc = 45,.radius = 8,.circle_color = blue,
    .has_bg_color = 1,.bg_color = red };
  nvds_add_display_meta_to_frame (fm, d);

  GstMapInfo map;
  GstBuffer *out = run_one (h, in, &map);
  /* rect */
  fail_unless (is_rgba (px_at (&map, W, 2, 5), 0, 0, 255));
  fail_unless (is_grey (px_at (&map, W, 4, 4)));
  /* line: exactly rows 9-10 between x 10 and 60 */
  for (gint x = 10; x < 60; x++) {
    fail_unless (is_rgba (px_at (&map, W, x, 9), 255, 0, 0), "line (%d,9)", x);
    fail_unless (is_rgba (px_at (&map, W, x, 10), 255, 0, 0), "line (%d,10)", x);
    fail_unless (is_grey (px_at (&map, W, x, 8)));
    fail_unless (is_grey (px_at (&map, W, x, 11)));
  }
  /* end-head arrow: shaft near the start is 2 px, the head near the end is wide */
  fail_unless (is_rgba (px_at (&map, W, 15, 30), 0, 255, 0));
  fail_unless (is_grey (px_at (&map, W, 15, 27)));
  fail_unless (is_rgba (px_at (&map, W, 53, 27), 0, 255, 0), "no arrow head at the end");
  /* start-head arrow: the other way round */
  fail_unless (is_rgba (px_at (&map, W, 16, 47), 0, 255, 0), "no arrow head at the start");
  fail_unless (is_grey (px_at (&map, W, 55, 47)));
  /* circles: outline on the radius, centre untouched without fill, red with fill */
  fail_unless (px_at (&map, W, 88, 15)[2] > 150 && px_at (&map, W, 88, 15)[0] < 100);
  fail_unless (is_grey (px_at (&map, W, 80, 15)));
  fail_unless (is_rgba (px_at (&map, W, 80, 45), 255, 0, 0));
  fail_unless (is_grey (px_at (&map, W, 80, 30)));
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Batch of 2: the box of the frame in slot 1 is drawn in slot 1 only. */
GST_START_TEST (test_osd_batch_slots)
{
  GstHarness *h = osd_harness (2);
  const guint src[2] = { 0, 1 };
  GstBuffer *in = batch_new (W, H, 2, 2, src, TRUE);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (in);
  add_box (b, frame_of_source (b, 1), 10, 10, 20, 20, 2, 1, 0, 0, 1);
  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  GstMapInfo map;
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  gint changed0 = 0, changed1 = 0;
  for (gint i = 0; i < W * H; i++) {
    changed0 += !is_grey (map.data + i * 4);
    changed1 += !is_grey (map.data + (W * H + i) * 4);
  }
  fail_unless_equals_int (changed0, 0);
  fail_unless_equals_int (changed1, 20 * 20 - 16 * 16);
  fail_unless (is_rgba (map.data + ((gsize) W * H + 10 * W + 10) * 4, 255, 0, 0));
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* display-mask: a 2x2 mask [1 0; 0 1] over a 20x20 box tints exactly the two diagonal quadrants. */
GST_START_TEST (test_osd_mask)
{
  GstHarness *h = osd_harness (1);
  g_object_set (h->element, "display-mask", TRUE, NULL);
  NvDsBatchMeta *b;
  NvDsFrameMeta *fm;
  GstBuffer *in = grey_frame (&b, &fm);
  NvDsObjectMeta *o = add_box (b, fm, 10, 10, 20, 20, 0, 1, 0, 0, 1);
  o->mask_params.data = g_new (gfloat, 4);
  o->mask_params.data[0] = 0.9f;
  o->mask_params.data[1] = 0.1f;
  o->mask_params.data[2] = 0.2f;
  o->mask_params.data[3] = 0.8f;
  o->mask_params.width = 2;
  o->mask_params.height = 2;
  o->mask_params.size = 4 * sizeof (gfloat);
  o->mask_params.threshold = 0.5f;
  GstMapInfo map;
  GstBuffer *out = run_one (h, in, &map);
  const guint8 *tl = px_at (&map, W, 12, 12), *tr = px_at (&map, W, 27, 12);
  const guint8 *br = px_at (&map, W, 27, 27);
  fail_unless (ABS (tl[0] - 177) <= 1 && ABS (tl[1] - 50) <= 1, "tl %u,%u,%u", tl[0], tl[1], tl[2]);
  fail_unless (ABS (br[0] - 177) <= 1);
  fail_unless (is_grey (tr));
  fail_unless_equals_int (count_changed (&map, 0, 0, W, 10), 0);
  fail_unless_equals_int (count_changed (&map, 10, 10, 30, 30), 200);
  done (out, &map);
  /* Off by default. */
  g_object_set (h->element, "display-mask", FALSE, NULL);
  in = grey_frame (&b, &fm);
  o = add_box (b, fm, 10, 10, 20, 20, 0, 1, 0, 0, 1);
  o->mask_params.data = g_new0 (gfloat, 4);
  o->mask_params.data[0] = 1;
  o->mask_params.width = 2;
  o->mask_params.height = 2;
  o->mask_params.threshold = 0.5f;
  out = run_one (h, in, &map);
  fail_unless_equals_int (count_changed (&map, 0, 0, W, H), 0);
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Clock on plain RGBA video (no batch meta): red pixels near its offset, nothing far away. */
GST_START_TEST (test_osd_clock_plain_video)
{
  GstHarness *h = gst_harness_new ("dsnetosd");
  gst_harness_set_src_caps_str (h, "video/x-raw,format=RGBA,width=96,height=64,framerate=25/1");
  g_object_set (h->element, "display-clock", TRUE, "clock-font", "Sans", "clock-font-size", 12,
      "x-clock-offset", 2, "y-clock-offset", 40, NULL);
  GstBuffer *in = gst_buffer_new_allocate (NULL, W * H * 4, NULL);
  GstMapInfo map;
  fail_unless (gst_buffer_map (in, &map, GST_MAP_WRITE));
  paint_solid (map.data, W, H, 100, 100, 100);
  gst_buffer_unmap (in, &map);
  GstBuffer *out = run_one (h, in, &map);
  gint red = 0;
  for (gint y = 40; y < H; y++)
    for (gint x = 0; x < W; x++) {
      const guint8 *p = px_at (&map, W, x, y);
      red += p[0] > 200 && p[1] < 60 && p[2] < 60;
    }
  fail_unless (red >= 10, "only %d red clock pixels", red);
  fail_unless_equals_int (count_changed (&map, 0, 0, W, 36), 0);
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* A tiled picture carries several frame metas in slot 0: the clock is drawn once, not once per frame
 * (with a half-transparent colour a second pass would push red past the single 50 % blend). */
GST_START_TEST (test_osd_clock_once_per_slot)
{
  GstHarness *h = osd_harness (1);
  g_object_set (h->element, "display-clock", TRUE, "clock-font", "Sans", "clock-font-size", 16,
      "clock-color", 0xff000080u, "x-clock-offset", 2, "y-clock-offset", 2, NULL);
  const guint src[1] = { 0 };
  GstBuffer *in = batch_new (W, H, 1, 1, src, TRUE);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (in);
  for (guint s = 1; s < 4; s++) {
    NvDsFrameMeta *fm = nvds_acquire_frame_meta_from_pool (b);
    fm->batch_id = 0;
    fm->source_id = s;
    nvds_add_frame_meta_to_batch (b, fm);
  }
  GstMapInfo map;
  GstBuffer *out = run_one (h, in, &map);
  gint max_red = 0, reddish = 0;
  for (gint i = 0; i < W * H; i++) {
    max_red = MAX (max_red, map.data[i * 4]);
    reddish += map.data[i * 4] > 150;
  }
  fail_unless (reddish >= 10, "clock not drawn");
  fail_unless (max_red <= 179, "clock drawn more than once: red reaches %d", max_red);
  done (out, &map);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Plain RGBA with a padded stride announced by GstVideoMeta: the box lands on the right rows. */
GST_START_TEST (test_osd_plain_video_stride)
{
  const gint stride = W * 4 + 64;
  GstHarness *h = gst_harness_new ("dsnetosd");
  gst_harness_set_src_caps_str (h, "video/x-raw,format=RGBA,width=96,height=64,framerate=25/1");
  GstBuffer *in = gst_buffer_new_allocate (NULL, (gsize) stride * H, NULL);
  GstMapInfo map;
  fail_unless (gst_buffer_map (in, &map, GST_MAP_WRITE));
  memset (map.data, 100, map.size);
  for (gint y = 0; y < H; y++)
    for (gint x = 0; x < W; x++)
      map.data[y * stride + x * 4 + 3] = 255;
  gst_buffer_unmap (in, &map);
  gsize offset[GST_VIDEO_MAX_PLANES] = { 0 };
  gint strides[GST_VIDEO_MAX_PLANES] = { stride };
  gst_buffer_add_video_meta_full (in, GST_VIDEO_FRAME_FLAG_NONE, GST_VIDEO_FORMAT_RGBA, W, H, 1,
      offset, strides);
  const guint src[1] = { 0 };
  GstBuffer *meta_carrier = batch_new (W, H, 1, 1, src, TRUE);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (meta_carrier);
  add_box (b, b->frame_meta_list->data, 10, 20, 30, 10, 2, 1, 0, 0, 1);
  gst_buffer_copy_into (in, meta_carrier, GST_BUFFER_COPY_META, 0, -1);
  gst_buffer_unref (meta_carrier);

  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  const guint8 *p = map.data + 20 * stride + 15 * 4;    /* top border, row 20 */
  fail_unless (p[0] == 255 && p[1] == 0 && p[2] == 0, "row 20: %u,%u,%u", p[0], p[1], p[2]);
  p = map.data + 19 * stride + 15 * 4;
  fail_unless (p[0] == 100 && p[1] == 100, "row 19 touched");
  p = map.data + 25 * stride + W * 4 + 8;       /* padding bytes stay untouched */
  fail_unless (p[0] == 100 && p[1] == 100 && p[2] == 100 && p[3] == 100);
  gst_buffer_unmap (out, &map);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* process-mode 1 is accepted, runs on the CPU and says so once on the bus. */
GST_START_TEST (test_osd_process_mode_note)
{
  GstHarness *h = osd_harness (1);
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (h->element, bus);
  g_object_set (h->element, "process-mode", 1, "gpu-id", 0, NULL);
  for (int i = 0; i < 2; i++) {
    GstMapInfo map;
    GstBuffer *out = run_one (h, labelled_frame (), &map);
    fail_unless (is_rgba (px_at (&map, W, 4, 40), 255, 0, 0));
    done (out, &map);
  }
  gint infos = 0;
  GstMessage *msg;
  while ((msg = gst_bus_pop_filtered (bus, GST_MESSAGE_INFO)) != NULL) {
    infos++;
    gst_message_unref (msg);
  }
  fail_unless_equals_int (infos, 1);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Bad input never crashes: a frame meta naming a slot the buffer lacks is skipped with one warning on
 * the bus; invalid UTF-8 labels are drawn after repair; absurd boxes are clipped. */
GST_START_TEST (test_osd_bad_input)
{
  GstHarness *h = osd_harness (1);
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (h->element, bus);
  NvDsBatchMeta *b;
  NvDsFrameMeta *fm;
  GstBuffer *in = grey_frame (&b, &fm);
  fm->batch_id = 3;
  add_box (b, fm, 1, 1, 10, 10, 2, 1, 0, 0, 1);
  GstMapInfo map;
  GstBuffer *out = run_one (h, in, &map);
  fail_unless_equals_int (count_changed (&map, 0, 0, W, H), 0);
  done (out, &map);
  GstMessage *msg = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING);
  fail_unless (msg != NULL, "no warning about the slot");
  gst_message_unref (msg);

  in = grey_frame (&b, &fm);
  NvDsObjectMeta *o = add_box (b, fm, -1e9f, -5, 3e9f, 1e30f, 2, 1, 0, 0, 1);
  o->text_params.display_text = g_strdup ("bad \xff\xfe utf8");
  o->text_params.x_offset = 2;
  o->text_params.y_offset = 2;
  o->text_params.font_params.font_color = (NvOSD_ColorParams) { 0, 1, 0, 1 };
  add_box (b, fm, 10, 10, -5, 20, 2, 1, 0, 0, 1);        /* negative width: nothing */
  out = run_one (h, in, &map);
  fail_unless (count_changed (&map, 0, 0, W, H) > 0);
  done (out, &map);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Defaults are nvdsosd's. */
GST_START_TEST (test_osd_properties)
{
  GstElement *e = gst_element_factory_make ("dsnetosd", NULL);
  fail_unless (e != NULL);
  gboolean text, bbox, mask, clock;
  guint colour;
  g_object_get (e, "display-text", &text, "display-bbox", &bbox, "display-mask", &mask,
      "display-clock", &clock, "clock-color", &colour, NULL);
  fail_unless (text && bbox && !mask && !clock);
  fail_unless_equals_int (colour, 0xff0000ff);
  gst_object_unref (e);
}

GST_END_TEST;

static Suite *
osd_suite (void)
{
  Suite *s = suite_create ("dsnetosd");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_osd_border_exact_and_red);
  tcase_add_test (tc, test_osd_colour_channels);
  tcase_add_test (tc, test_osd_bg_alpha_blend);
  tcase_add_test (tc, test_osd_text);
  tcase_add_test (tc, test_osd_text_background);
  tcase_add_test (tc, test_osd_display_text_off);
  tcase_add_test (tc, test_osd_display_bbox_off);
  tcase_add_test (tc, test_osd_display_meta_shapes);
  tcase_add_test (tc, test_osd_batch_slots);
  tcase_add_test (tc, test_osd_mask);
  tcase_add_test (tc, test_osd_clock_plain_video);
  tcase_add_test (tc, test_osd_clock_once_per_slot);
  tcase_add_test (tc, test_osd_plain_video_stride);
  tcase_add_test (tc, test_osd_process_mode_note);
  tcase_add_test (tc, test_osd_bad_input);
  tcase_add_test (tc, test_osd_properties);
  return s;
}

GST_CHECK_MAIN (osd);
