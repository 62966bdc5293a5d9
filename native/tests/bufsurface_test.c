/*
 * libdsnet_bufsurface: the NvBufSurface description dsnetstreammux / dsnetstreamdemux /
 * dsnetmultistreamtiler attach to their buffers (read the DeepStream way: descriptor, NvBufSurfaceMap,
 * pitch-addressed pixels), the GstMeta's copy/map rules, and the host-memory nvbufsurface.h API.
 */
#include <gst/check/gstcheck.h>
#include <string.h>

#include "dsnet_bufsurface.h"
#include "gstnvdsmeta.h"
#include "nvbufsurface.h"
#include "nvdsmeta.h"

#define RUN_TIMEOUT (60 * GST_SECOND)

static void
on_handoff (GstElement * sink, GstBuffer * buf, GstPad * pad, gpointer user_data)
{
  (void) sink;
  (void) pad;
  GPtrArray *out = user_data;
  g_ptr_array_add (out, gst_buffer_ref (buf));
}

/* Runs `desc` to EOS and returns the buffers its fakesink "out" received. */
static GPtrArray *
run_and_collect (const gchar * desc)
{
  GError *err = NULL;
  GstElement *pipeline = gst_parse_launch (desc, &err);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gst_buffer_unref);
  GstElement *sink;
  GstMessage *msg;

  fail_unless (pipeline != NULL, "parse: %s", err ? err->message : "?");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "out");
  g_object_set (sink, "signal-handoffs", TRUE, "sync", FALSE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), out);
  gst_object_unref (sink);
  fail_unless (gst_element_set_state (pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline), RUN_TIMEOUT,
      GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg != NULL && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS, "pipeline did not reach EOS");
  gst_message_unref (msg);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (pipeline);
  return out;
}

static void
assert_rgba_pixel (const guint8 * px, guint8 r, guint8 g, guint8 b)
{
  fail_unless (px[0] == r && px[1] == g && px[2] == b && px[3] == 255,
      "pixel %u,%u,%u,%u, expected %u,%u,%u,255", px[0], px[1], px[2], px[3], r, g, b);
}

/* Two solid sources batched: each frame's surfaceList[batch_id] shows that source's colour. */
GST_START_TEST (test_mux_batch_reads_like_deepstream)
{
  GPtrArray *bufs = run_and_collect (
      "videotestsrc num-buffers=3 pattern=red ! video/x-raw,format=RGBA,width=80,height=60 ! m.sink_0 "
      "videotestsrc num-buffers=3 pattern=blue ! video/x-raw,format=RGBA,width=80,height=60 ! m.sink_1 "
      "dsnetstreammux name=m batch-size=2 width=40 height=30 batched-push-timeout=2000000 ! fakesink name=out");
  guint frames = 0;

  fail_unless (bufs->len >= 3);
  for (guint b = 0; b < bufs->len; b++) {
    GstBuffer *buf = g_ptr_array_index (bufs, b);
    NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
    NvBufSurface *surf = dsnet_buffer_map_surface (buf, GST_MAP_READ);

    fail_unless (surf != NULL && batch != NULL);
    fail_unless_equals_int (surf->batchSize, 2);
    fail_unless_equals_int (surf->numFilled, batch->num_frames_in_batch);
    fail_unless_equals_int (surf->memType, NVBUF_MEM_SYSTEM);
    for (GList * l = batch->frame_meta_list; l; l = l->next) {
      NvDsFrameMeta *fm = l->data;
      NvBufSurfaceParams *e = &surf->surfaceList[fm->batch_id];
      fail_unless_equals_int (e->width, 40);
      fail_unless_equals_int (e->height, 30);
      fail_unless_equals_int (e->pitch, 160);
      fail_unless_equals_int (e->colorFormat, NVBUF_COLOR_FORMAT_RGBA);
      fail_unless_equals_int (e->planeParams.num_planes, 1);
      fail_unless_equals_int (e->planeParams.bytesPerPix[0], 4);
      /* as DeepStream probe code does: map the entry, address rows with the pitch */
      fail_unless_equals_int (NvBufSurfaceMap (surf, (int) fm->batch_id, -1, NVBUF_MAP_READ), 0);
      fail_unless_equals_int (NvBufSurfaceSyncForCpu (surf, (int) fm->batch_id, -1), 0);
      const guint8 *px = (const guint8 *) e->mappedAddr.addr[0] + 17 * e->planeParams.pitch[0] + 23 * 4;
      if (fm->source_id == 0)
        assert_rgba_pixel (px, 255, 0, 0);
      else
        assert_rgba_pixel (px, 0, 0, 255);
      fail_unless_equals_int (NvBufSurfaceUnMap (surf, (int) fm->batch_id, -1), 0);
      fail_unless (e->mappedAddr.addr[0] == NULL);
      frames++;
    }
    dsnet_buffer_unmap_surface (buf);
    fail_unless (surf->surfaceList[0].dataPtr == NULL, "unmapped descriptor keeps no address");
  }
  fail_unless_equals_int (frames, 6);
  g_ptr_array_unref (bufs);
}
GST_END_TEST;

/* After the demuxer and the tiler the buffers describe their one (new) surface. */
GST_START_TEST (test_demux_and_tiler_describe_their_output)
{
  GPtrArray *bufs = run_and_collect (
      "videotestsrc num-buffers=2 pattern=green ! video/x-raw,format=RGBA,width=64,height=48 ! m.sink_0 "
      "dsnetstreammux name=m batch-size=1 width=64 height=48 ! dsnetmultistreamtiler width=32 height=24 "
      "! fakesink name=out");
  for (guint b = 0; b < bufs->len; b++) {
    GstBuffer *buf = g_ptr_array_index (bufs, b);
    NvBufSurface *surf = dsnet_buffer_map_surface (buf, GST_MAP_READ);
    fail_unless (surf != NULL);
    fail_unless_equals_int (surf->batchSize, 1);
    fail_unless_equals_int (surf->numFilled, 1);
    fail_unless_equals_int (surf->surfaceList[0].width, 32);
    assert_rgba_pixel ((const guint8 *) surf->surfaceList[0].dataPtr + 10 * 128 + 10 * 4, 0, 255, 0);
    dsnet_buffer_unmap_surface (buf);
  }
  g_ptr_array_unref (bufs);

  bufs = run_and_collect (
      "videotestsrc num-buffers=2 pattern=blue ! video/x-raw,format=RGBA,width=64,height=48 ! m.sink_0 "
      "dsnetstreammux name=m batch-size=1 width=48 height=36 ! dsnetstreamdemux name=d d.src_0 ! fakesink name=out");
  fail_unless_equals_int (bufs->len, 2);
  for (guint b = 0; b < bufs->len; b++) {
    GstBuffer *buf = g_ptr_array_index (bufs, b);
    NvBufSurface *surf = dsnet_buffer_map_surface (buf, GST_MAP_READ);
    fail_unless (surf != NULL);
    fail_unless_equals_int (surf->numFilled, 1);
    fail_unless_equals_int (surf->surfaceList[0].width, 48);
    assert_rgba_pixel ((const guint8 *) surf->surfaceList[0].dataPtr + 5 * 192 + 7 * 4, 0, 0, 255);
    dsnet_buffer_unmap_surface (buf);
  }
  g_ptr_array_unref (bufs);
}
GST_END_TEST;

GST_START_TEST (test_meta_map_rules)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, 4 * 3 * 4 * 2, NULL);
  GstBuffer *copy, *small;
  DsNetSurfaceMeta *m = dsnet_buffer_add_surface_meta (buf, 4, 3, 2);
  GstMapInfo raw;
  NvBufSurface *s, *s2;

  m->surface.numFilled = 2;
  fail_unless (m->entries[1].dataPtr == NULL);
  s = dsnet_buffer_map_surface (buf, GST_MAP_READ);
  gst_buffer_map (buf, &raw, GST_MAP_READ);
  fail_unless (s->surfaceList[1].dataPtr == raw.data + 48, "slot 1 starts one frame in");
  gst_buffer_unmap (buf, &raw);
  /* nested maps share the mapping; a write map over a read mapping is refused */
  s2 = dsnet_buffer_map_surface (buf, GST_MAP_READ);
  fail_unless (s2 == s);
  fail_unless (dsnet_buffer_map_surface (buf, GST_MAP_WRITE) == NULL);
  dsnet_buffer_unmap_surface (buf);
  fail_unless (s->surfaceList[0].dataPtr != NULL);
  dsnet_buffer_unmap_surface (buf);
  fail_unless (s->surfaceList[0].dataPtr == NULL);
  dsnet_buffer_unmap_surface (buf);     /* unbalanced: ignored */

  /* out-of-range arguments and foreign descriptors */
  fail_unless_equals_int (NvBufSurfaceMap (s, 0, 0, NVBUF_MAP_READ), -1);     /* not mapped: no dataPtr */
  fail_unless_equals_int (NvBufSurfaceMap (s, 2, -1, NVBUF_MAP_READ), -1);
  fail_unless_equals_int (NvBufSurfaceSyncForCpu (s, 5, 0), -1);
  fail_unless_equals_int (NvBufSurfaceDestroy (s), -1);

  /* copies carry the description, unmapped; a buffer smaller than its slots does not map */
  copy = gst_buffer_copy (buf);
  fail_unless (dsnet_buffer_get_surface_meta (copy) != NULL);
  fail_unless_equals_int (dsnet_buffer_get_surface_meta (copy)->surface.numFilled, 2);
  small = gst_buffer_new_allocate (NULL, 10, NULL);
  dsnet_buffer_add_surface_meta (small, 4, 3, 1);
  fail_unless (dsnet_buffer_map_surface (small, GST_MAP_READ) == NULL);
  /* left mapped on purpose: freeing the buffer releases the mapping (valgrind checks) */
  fail_unless (dsnet_buffer_map_surface (copy, GST_MAP_READ) != NULL);
  gst_buffer_unref (small);
  gst_buffer_unref (copy);
  gst_buffer_unref (buf);
}
GST_END_TEST;

GST_START_TEST (test_host_surface_api)
{
  NvBufSurfaceCreateParams p = { 0, 6, 4, 0, false, NVBUF_COLOR_FORMAT_NV12, NVBUF_LAYOUT_PITCH, NVBUF_MEM_DEFAULT };
  NvBufSurfaceAllocateParams ap;
  NvBufSurface *a = NULL, *b = NULL, *bad = NULL;
  guint8 raw[6 * 4];

  fail_unless_equals_int (NvBufSurfaceCreate (&a, 2, &p), 0);
  fail_unless_equals_int (a->numFilled, 0);
  fail_unless_equals_int (a->memType, NVBUF_MEM_SYSTEM);
  fail_unless_equals_int (a->surfaceList[0].planeParams.num_planes, 2);
  fail_unless_equals_int (a->surfaceList[0].planeParams.width[1], 3);
  fail_unless_equals_int (a->surfaceList[0].planeParams.height[1], 2);
  fail_unless_equals_int (a->surfaceList[0].planeParams.bytesPerPix[1], 2);
  fail_unless (a->surfaceList[0].pitch >= 6 && a->surfaceList[0].pitch % 32 == 0);
  fail_unless_equals_int (a->surfaceList[0].planeParams.offset[1], a->surfaceList[0].pitch * 4);

  memset (&ap, 0, sizeof (ap));
  ap.params = p;
  ap.disablePitchPadding = true;
  fail_unless_equals_int (NvBufSurfaceAllocate (&b, 2, &ap), 0);
  fail_unless_equals_int (b->surfaceList[1].pitch, 6);

  fail_unless_equals_int (NvBufSurfaceMemSet (a, -1, 0, 7), 0);
  fail_unless_equals_int (NvBufSurfaceMemSet (a, 1, 1, 9), 0);
  fail_unless_equals_int (NvBufSurfaceCopy (a, b), 0);
  fail_unless_equals_int (NvBufSurface2Raw (b, 1, 0, 6, 4, raw), 0);
  for (guint i = 0; i < sizeof (raw); i++)
    fail_unless_equals_int (raw[i], 7);
  fail_unless_equals_int (NvBufSurfaceMap (b, 1, -1, NVBUF_MAP_READ), 0);
  fail_unless_equals_int (((guint8 *) b->surfaceList[1].mappedAddr.addr[1])[5], 9);
  fail_unless_equals_int (NvBufSurfaceMap (b, 1, 2, NVBUF_MAP_READ), -1);     /* NV12 has 2 planes */
  fail_unless_equals_int (NvBufSurfaceUnMap (b, -1, -1), 0);
  raw[0] = 42;
  fail_unless_equals_int (Raw2NvBufSurface (raw, 0, 0, 6, 4, b), 0);
  fail_unless_equals_int (((guint8 *) b->surfaceList[0].dataPtr)[0], 42);

  /* unsupported requests are refused, never crash */
  p.memType = NVBUF_MEM_SURFACE_ARRAY;
  fail_unless_equals_int (NvBufSurfaceCreate (&bad, 1, &p), -1);
  p.memType = NVBUF_MEM_SYSTEM;
  p.colorFormat = NVBUF_COLOR_FORMAT_NV24_10LE_2020;
  fail_unless_equals_int (NvBufSurfaceCreate (&bad, 1, &p), -1);
  fail_unless (bad == NULL);
  fail_unless_equals_int (NvBufSurfaceFromFd (3, (void **) &bad), -1);
  fail_unless_equals_int (NvBufSurfaceMapEglImage (a, 0), -1);
  fail_unless_equals_int (NvBufSurfaceImport (&bad, NULL), -1);
  b->surfaceList[0].width = 5;
  fail_unless_equals_int (NvBufSurfaceCopy (a, b), -1);     /* geometry differs */

  fail_unless_equals_int (NvBufSurfaceDestroy (a), 0);
  fail_unless_equals_int (NvBufSurfaceDestroy (b), 0);
}
GST_END_TEST;

static Suite *
bufsurface_suite (void)
{
  Suite *s = suite_create ("bufsurface");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_mux_batch_reads_like_deepstream);
  tcase_add_test (tc, test_demux_and_tiler_describe_their_output);
  tcase_add_test (tc, test_meta_map_rules);
  tcase_add_test (tc, test_host_surface_api);
  suite_add_tcase (s, tc);
  return s;
}

GST_CHECK_MAIN (bufsurface);
