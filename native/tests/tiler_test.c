/*
 * dsnetmultistreamtiler: geometry of pixels and metadata, show-source, empty tiles, caps.
 */
#include "tiler_osd_common.h"

static GstHarness *
tiler_harness (guint rows, guint cols, gint out_w, gint out_h, gint in_w, gint in_h, guint batch)
{
  GstHarness *h = gst_harness_new ("dsnetmultistreamtiler");
  g_object_set (h->element, "rows", rows, "columns", cols, "width", out_w, "height", out_h, NULL);
  gchar *caps = g_strdup_printf (BATCH_CAPS_FMT, in_w, in_h, batch);
  gst_harness_set_src_caps_str (h, caps);
  g_free (caps);
  return h;
}

/* Checks that tile (tx, ty, tw, th) of the output shows the pattern of `source` sampled at
 * src = floor((dst + 0.5) * in / tile). */
static void
check_tile (const GstMapInfo * map, gint out_w, gint tx, gint ty, gint tw, gint th, gint in_w,
    gint in_h, guint source)
{
  for (gint y = 0; y < th; y++)
    for (gint x = 0; x < tw; x++) {
      gint sx = (2 * x + 1) * in_w / (2 * tw), sy = (2 * y + 1) * in_h / (2 * th);
      guint8 want[4];
      pattern_pixel (source, sx, sy, want);
      const guint8 *got = px_at (map, out_w, tx + x, ty + y);
      fail_unless (memcmp (got, want, 4) == 0,
          "tile at (%d,%d) pixel (%d,%d): got %u,%u,%u,%u want %u,%u,%u,%u (source %u)", tx, ty, x,
          y, got[0], got[1], got[2], got[3], want[0], want[1], want[2], want[3], source);
    }
}

static void
check_black (const GstMapInfo * map, gint out_w, gint tx, gint ty, gint tw, gint th)
{
  static const guint8 black[4] = { 0, 0, 0, 255 };
  for (gint y = ty; y < ty + th; y++)
    for (gint x = tx; x < tx + tw; x++)
      fail_unless (memcmp (px_at (map, out_w, x, y), black, 4) == 0,
          "pixel (%d,%d) should be opaque black", x, y);
}

/* 2x2, four 64x48 frames into 128x96: tiles are 1:1 copies; frame order in the batch differs from the
 * source order, so placement must follow source_id. Boxes move by the tile offset. */
GST_START_TEST (test_tiler_2x2_identity_scale)
{
  const guint sources[4] = { 2, 0, 3, 1 };
  GstHarness *h = tiler_harness (2, 2, 128, 96, 64, 48, 4);
  GstBuffer *in = batch_new (64, 48, 4, 4, sources, FALSE);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (in);
  for (guint s = 0; s < 4; s++) {
    NvDsObjectMeta *o = add_box (b, frame_of_source (b, s), 8 + s, 6, 16, 12, 3, 1, 0, 0, 1);
    o->text_params.display_text = g_strdup ("no-mask");
    o->text_params.x_offset = 8 + s;
    o->text_params.y_offset = 0;
  }
  GST_BUFFER_PTS (in) = 40 * GST_MSECOND;

  gst_buffer_ref (in);          /* keep the input to check it is left alone */
  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  fail_unless (out != NULL);
  fail_unless_equals_uint64 (GST_BUFFER_PTS (out), 40 * GST_MSECOND);

  GstMapInfo map;
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  fail_unless_equals_int ((gint) map.size, 128 * 96 * 4);
  for (guint s = 0; s < 4; s++)
    check_tile (&map, 128, (gint) (s % 2) * 64, (gint) (s / 2) * 48, 64, 48, 64, 48, s);
  gst_buffer_unmap (out, &map);

  NvDsBatchMeta *ob = gst_buffer_get_nvds_batch_meta (out);
  fail_unless (ob != NULL);
  fail_unless (ob != b);
  fail_unless_equals_int (g_list_length (ob->frame_meta_list), 4);
  fail_unless_equals_int (ob->num_frames_in_batch, 4);
  for (guint s = 0; s < 4; s++) {
    NvDsFrameMeta *fm = frame_of_source (ob, s);
    fail_unless (fm != NULL);
    fail_unless_equals_int (fm->batch_id, 0);
    fail_unless_equals_int (g_list_length (fm->obj_meta_list), 1);
    NvDsObjectMeta *o = fm->obj_meta_list->data;
    fail_unless_equals_float (o->rect_params.left, 8.0f + s + (s % 2) * 64);
    fail_unless_equals_float (o->rect_params.top, 6.0f + (s / 2) * 48);
    fail_unless_equals_float (o->rect_params.width, 16.0f);
    fail_unless_equals_float (o->rect_params.height, 12.0f);
    fail_unless_equals_int (o->text_params.x_offset, 8 + s + (s % 2) * 64);
    fail_unless_equals_int (o->text_params.y_offset, (s / 2) * 48);
    fail_unless_equals_string (o->text_params.display_text, "no-mask");
  }
  /* The input meta is untouched. */
  NvDsObjectMeta *io = frame_of_source (b, 3)->obj_meta_list->data;
  fail_unless_equals_float (io->rect_params.left, 11.0f);
  fail_unless_equals_int (frame_of_source (b, 3)->batch_id, 2);
  gst_buffer_unref (in);

  GstCaps *caps = gst_pad_get_current_caps (h->sinkpad);
  GstCaps *want = gst_caps_from_string ("video/x-raw(memory:DsNetBatch),format=RGBA,width=128,"
      "height=96,framerate=25/1,batch-size=1");
  fail_unless (gst_caps_is_equal (caps, want), "output caps %" GST_PTR_FORMAT, caps);
  gst_caps_unref (want);
  gst_caps_unref (caps);

  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* 2x2 into 64x48: every tile is 32x24, frames are halved (nearest sample at odd source pixels), and
 * boxes scale by 0.5. */
GST_START_TEST (test_tiler_2x2_downscale)
{
  const guint sources[4] = { 0, 1, 2, 3 };
  GstHarness *h = tiler_harness (2, 2, 64, 48, 64, 48, 4);
  GstBuffer *in = batch_new (64, 48, 4, 4, sources, FALSE);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (in);
  add_box (b, frame_of_source (b, 3), 10, 20, 30, 16, 2, 0, 1, 0, 1);

  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  GstMapInfo map;
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  for (guint s = 0; s < 4; s++)
    check_tile (&map, 64, (gint) (s % 2) * 32, (gint) (s / 2) * 24, 32, 24, 64, 48, s);
  /* Spot check of the mapping itself: output (33, 25) is source 3 pixel (3, 3). */
  guint8 want[4];
  pattern_pixel (3, 3, 3, want);
  fail_unless (memcmp (px_at (&map, 64, 33, 25), want, 4) == 0);
  gst_buffer_unmap (out, &map);

  NvDsObjectMeta *o = frame_of_source (gst_buffer_get_nvds_batch_meta (out), 3)->obj_meta_list->data;
  fail_unless_equals_float (o->rect_params.left, 32.0f + 5.0f);
  fail_unless_equals_float (o->rect_params.top, 24.0f + 10.0f);
  fail_unless_equals_float (o->rect_params.width, 15.0f);
  fail_unless_equals_float (o->rect_params.height, 8.0f);
  fail_unless_equals_int (o->rect_params.border_width, 2);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Three sources in a 2x2 grid: tile 3 is opaque black, and a batch-size-4 buffer carrying only 3 frames
 * is fine. Width/height that do not divide evenly leave black strips. */
GST_START_TEST (test_tiler_three_sources_empty_tile_black)
{
  const guint sources[3] = { 0, 1, 2 };
  GstHarness *h = tiler_harness (2, 2, 130, 97, 64, 48, 4);
  GstBuffer *in = batch_new (64, 48, 4, 3, sources, FALSE);

  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  GstMapInfo map;
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  fail_unless_equals_int ((gint) map.size, 130 * 97 * 4);
  for (guint s = 0; s < 3; s++)
    check_tile (&map, 130, (gint) (s % 2) * 65, (gint) (s / 2) * 48, 65, 48, 64, 48, s);
  check_black (&map, 130, 65, 48, 65, 48);      /* empty tile 3 */
  check_black (&map, 130, 0, 96, 130, 1);       /* leftover bottom row */
  gst_buffer_unmap (out, &map);
  fail_unless_equals_int (g_list_length (gst_buffer_get_nvds_batch_meta (out)->frame_meta_list), 3);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* show-source=2: only source 2, scaled 2x over the whole picture; only its frame meta is kept. Sources
 * outside the grid are dropped from pixels and metadata alike. */
GST_START_TEST (test_tiler_show_source)
{
  const guint sources[4] = { 0, 1, 2, 3 };
  GstHarness *h = tiler_harness (2, 2, 128, 96, 64, 48, 4);
  g_object_set (h->element, "show-source", 2, NULL);
  GstBuffer *in = batch_new (64, 48, 4, 4, sources, FALSE);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (in);
  add_box (b, frame_of_source (b, 2), 4, 4, 10, 10, 1, 1, 0, 0, 1);
  add_box (b, frame_of_source (b, 0), 4, 4, 10, 10, 1, 1, 0, 0, 1);

  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  GstMapInfo map;
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  check_tile (&map, 128, 0, 0, 128, 96, 64, 48, 2);
  gst_buffer_unmap (out, &map);
  NvDsBatchMeta *ob = gst_buffer_get_nvds_batch_meta (out);
  fail_unless_equals_int (g_list_length (ob->frame_meta_list), 1);
  NvDsFrameMeta *fm = ob->frame_meta_list->data;
  fail_unless_equals_int (fm->source_id, 2);
  fail_unless_equals_int (fm->batch_id, 0);
  NvDsObjectMeta *o = fm->obj_meta_list->data;
  fail_unless_equals_float (o->rect_params.left, 8.0f);
  fail_unless_equals_float (o->rect_params.width, 20.0f);
  gst_buffer_unref (out);

  /* Source 5 is not in the batch: the picture is black. */
  g_object_set (h->element, "show-source", 5, NULL);
  fail_unless_equals_int (gst_harness_push (h, batch_new (64, 48, 4, 4, sources, FALSE)),
      GST_FLOW_OK);
  out = gst_harness_pull (h);
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  check_black (&map, 128, 0, 0, 128, 96);
  gst_buffer_unmap (out, &map);
  fail_unless_equals_int (g_list_length (gst_buffer_get_nvds_batch_meta (out)->frame_meta_list), 0);
  gst_buffer_unref (out);

  /* Back to tiling, with a 1x2 grid: sources 2 and 3 fall outside and disappear. */
  g_object_set (h->element, "show-source", -1, "rows", 1, NULL);
  fail_unless_equals_int (gst_harness_push (h, batch_new (64, 48, 4, 4, sources, FALSE)),
      GST_FLOW_OK);
  out = gst_harness_pull (h);
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  check_tile (&map, 128, 0, 0, 64, 96, 64, 48, 0);
  check_tile (&map, 128, 64, 0, 64, 96, 64, 48, 1);
  gst_buffer_unmap (out, &map);
  ob = gst_buffer_get_nvds_batch_meta (out);
  fail_unless_equals_int (g_list_length (ob->frame_meta_list), 2);
  fail_unless (frame_of_source (ob, 2) == NULL);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Display meta elements move with their frame too. */
GST_START_TEST (test_tiler_display_meta_moves)
{
  const guint sources[2] = { 0, 1 };
  GstHarness *h = tiler_harness (1, 2, 128, 48, 64, 48, 2);
  GstBuffer *in = batch_new (64, 48, 2, 2, sources, FALSE);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (in);
  NvDsDisplayMeta *d = nvds_acquire_display_meta_from_pool (b);
  d->num_lines = 1;
  d->line_params[0] = (NvOSD_LineParams) {.x1 = 1,.y1 = 2,.x2 = 30,.y2 = 40,.line_width = 2 };
  d->num_circles = 1;
  d->circle_params[0].xc = 10;
  d->circle_params[0].yc = 11;
  d->circle_params[0].radius = 5;
  d->num_rects = 1;
  d->rect_params[0].left = 3;
  d->rect_params[0].top = 4;
  d->rect_params[0].width = 5;
  d->rect_params[0].height = 6;
  nvds_add_display_meta_to_frame (frame_of_source (b, 1), d);

  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  NvDsFrameMeta *fm = frame_of_source (gst_buffer_get_nvds_batch_meta (out), 1);
  fail_unless_equals_int (g_list_length (fm->display_meta_list), 1);
  NvDsDisplayMeta *od = fm->display_meta_list->data;
  fail_unless_equals_int (od->line_params[0].x1, 65);
  fail_unless_equals_int (od->line_params[0].y1, 2);
  fail_unless_equals_int (od->line_params[0].x2, 94);
  fail_unless_equals_int (od->line_params[0].y2, 40);
  fail_unless_equals_int (od->circle_params[0].xc, 74);
  fail_unless_equals_int (od->circle_params[0].radius, 5);
  fail_unless_equals_float (od->rect_params[0].left, 67.0f);
  fail_unless_equals_float (od->rect_params[0].top, 4.0f);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Bad or missing metadata never crashes: a frame naming a slot the buffer lacks leaves its tile black;
 * a batch without NvDsBatchMeta shows slot i as source i and carries no meta out. */
GST_START_TEST (test_tiler_bad_input)
{
  const guint sources[2] = { 0, 1 };
  GstHarness *h = tiler_harness (1, 2, 128, 48, 64, 48, 2);
  GstBuffer *in = batch_new (64, 48, 2, 2, sources, FALSE);
  frame_of_source (gst_buffer_get_nvds_batch_meta (in), 1)->batch_id = 7;
  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  GstBuffer *out = gst_harness_pull (h);
  GstMapInfo map;
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  check_tile (&map, 128, 0, 0, 64, 48, 64, 48, 0);
  check_black (&map, 128, 64, 0, 64, 48);
  gst_buffer_unmap (out, &map);
  gst_buffer_unref (out);

  /* Same pixels, no metadata at all. */
  in = gst_buffer_new_allocate (NULL, dsnet_batch_frame_size (64, 48) * 2, NULL);
  fail_unless (gst_buffer_map (in, &map, GST_MAP_WRITE));
  paint_pattern (map.data, 64, 48, 0);
  paint_pattern (map.data + dsnet_batch_frame_size (64, 48), 64, 48, 1);
  gst_buffer_unmap (in, &map);
  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  out = gst_harness_pull (h);
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  check_tile (&map, 128, 0, 0, 64, 48, 64, 48, 0);
  check_tile (&map, 128, 64, 0, 64, 48, 64, 48, 1);
  gst_buffer_unmap (out, &map);
  fail_unless (gst_buffer_get_nvds_batch_meta (out) == NULL);
  gst_buffer_unref (out);

  /* A short buffer (one slot of two): the missing frame's tile is black. */
  in = batch_new (64, 48, 2, 2, sources, FALSE);
  gst_buffer_resize (in, 0, (gssize) dsnet_batch_frame_size (64, 48));
  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_OK);
  out = gst_harness_pull (h);
  fail_unless (gst_buffer_map (out, &map, GST_MAP_READ));
  check_tile (&map, 128, 0, 0, 64, 48, 64, 48, 0);
  check_black (&map, 128, 64, 0, 64, 48);
  gst_buffer_unmap (out, &map);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* Properties: nvmultistreamtiler names and defaults; GPU-only ones are accepted. */
GST_START_TEST (test_tiler_properties)
{
  GstElement *e = gst_element_factory_make ("dsnetmultistreamtiler", NULL);
  fail_unless (e != NULL);
  guint rows, cols, w, hgt;
  gint show;
  g_object_get (e, "rows", &rows, "columns", &cols, "width", &w, "height", &hgt, "show-source",
      &show, NULL);
  fail_unless_equals_int (rows, 1);
  fail_unless_equals_int (cols, 1);
  fail_unless_equals_int (w, 1920);
  fail_unless_equals_int (hgt, 1080);
  fail_unless_equals_int (show, -1);
  g_object_set (e, "gpu-id", 0, "nvbuf-memory-type", 3, "compute-hw", 1, NULL);
  gst_object_unref (e);
}

GST_END_TEST;

static Suite *
tiler_suite (void)
{
  Suite *s = suite_create ("dsnetmultistreamtiler");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_tiler_2x2_identity_scale);
  tcase_add_test (tc, test_tiler_2x2_downscale);
  tcase_add_test (tc, test_tiler_three_sources_empty_tile_black);
  tcase_add_test (tc, test_tiler_show_source);
  tcase_add_test (tc, test_tiler_display_meta_moves);
  tcase_add_test (tc, test_tiler_bad_input);
  tcase_add_test (tc, test_tiler_properties);
  return s;
}

GST_CHECK_MAIN (tiler);
