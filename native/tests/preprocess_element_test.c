/*
 * dsnetpreprocess end to end: the batch meta it attaches (NVDS_PREPROCESS_BATCH_META with GstNvDsPreProcessBatchMeta
 * and one NvDsRoiMeta per unit), and dsnetpreprocess ! dsnetinfer input-tensor-meta=1 on the tiny DetectNet_v2
 * graph of infer_test_model.c: objects of ROIs mapped back to frame coordinates (hand-computed), and a whole-frame
 * group giving exactly the objects of dsnetinfer on its own.
 */
#include <math.h>

#include "check_ort_main.h"
#include "infer_element_common.h"
#include "infer_test_model.h"
#include "preprocess_batch_meta.h"

#define W 128
#define H 64

/* Red in x 64..95 (the left half of the ROI 64;16;64;32 below), green everywhere. */
static GstBuffer *
roi_frame (void)
{
  GstBuffer *b = gst_buffer_new_allocate (NULL, W * H * 4, NULL);
  GstMapInfo map;
  gst_buffer_map (b, &map, GST_MAP_WRITE);
  for (gint y = 0; y < H; y++)
    for (gint x = 0; x < W; x++) {
      guint8 *p = map.data + ((gsize) y * W + x) * 4;
      p[0] = x >= 64 && x < 96 ? 255 : 0;
      p[1] = 255;
      p[2] = 0;
      p[3] = 255;
    }
  gst_buffer_unmap (b, &map);
  return b;
}

static gchar *
write_configs (const gchar * groups, gchar ** infer_cfg)
{
  gchar *pre = write_temp ("pre.txt", "");
  gchar *text = g_strdup_printf ("[property]\nenable=1\ntarget-unique-ids=3\nprocessing-width=32\n"
      "processing-height=16\nnetwork-input-order=0\nnetwork-input-shape=2;3;16;32\nnetwork-color-format=0\n"
      "tensor-data-type=0\ntensor-name=input\nscaling-pool-memory-type=0\nscaling-filter=1\n"
      "custom-lib-path=libcustom2d_preprocess.so\ncustom-tensor-preparation-function=CustomTensorPreparation\n"
      "[user-configs]\npixel-normalization-factor=0.0039215686274509803\n%s", groups);
  g_file_set_contents (pre, text, -1, NULL);
  g_free (text);
  gchar *dir = g_path_get_dirname (pre);
  *infer_cfg = g_build_filename (dir, "pgie.txt", NULL);
  g_file_set_contents (*infer_cfg, "[property]\ngie-unique-id=3\nonnx-file=detectnet.onnx\n"
      "net-scale-factor=0.0039215686274509803\nnum-detected-classes=1\nbatch-size=2\ncluster-mode=4\n"
      "input-tensor-from-meta=1\n[class-attrs-all]\npre-cluster-threshold=0.3\n", -1, NULL);
  g_free (write_detectnet_model (pre));
  g_free (dir);
  return pre;
}

static GstHarness *
new_chain (const gchar * pre, const gchar * infer)
{
  gchar *desc = infer ? g_strdup_printf ("dsnetpreprocess config-file=\"%s\" ! dsnetinfer config-file-path=\"%s\"",
      pre, infer) : g_strdup_printf ("dsnetpreprocess config-file=\"%s\"", pre);
  GstHarness *h = gst_harness_new_parse (desc);
  g_free (desc);
  return h;
}

static void
assert_rect (const NvOSD_RectParams * r, gdouble l, gdouble t, gdouble w, gdouble h)
{
  fail_unless (fabs (r->left - l) < 1e-3 && fabs (r->top - t) < 1e-3 && fabs (r->width - w) < 1e-3
      && fabs (r->height - h) < 1e-3, "rect %.3f,%.3f,%.3f,%.3f expected %.3f,%.3f,%.3f,%.3f", r->left, r->top,
      r->width, r->height, l, t, w, h);
}

GST_START_TEST (test_batch_meta)
{
  gchar *infer = NULL;
  gchar *pre = write_configs ("[group-0]\nsrc-ids=0\nprocess-on-roi=1\n"
      "roi-params-src-0=64;16;64;32;0;0;32;64;100;50;60;60\n", &infer);
  GstHarness *h = new_chain (pre, NULL);
  GstBuffer *frame = roi_frame ();
  set_batch_caps (h, W, H, 1);
  GstBuffer *out = gst_harness_push_and_pull (h, make_batch (&frame, 1, W, H, 0));
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (out);
  /* 3 units, 2 per tensor: two batch metas */
  ck_assert_uint_eq (g_list_length (batch->batch_user_meta_list), 2);
  NvDsUserMeta *um = batch->batch_user_meta_list->data;
  ck_assert_int_eq (um->base_meta.meta_type, NVDS_PREPROCESS_BATCH_META);
  ck_assert_int_eq (NVDS_PREPROCESS_BATCH_META, 21);
  fail_unless (dsnet_preprocess_batch_meta_targets (um->user_meta_data, 3));
  fail_if (dsnet_preprocess_batch_meta_targets (um->user_meta_data, 1));
  ck_assert_uint_eq (dsnet_preprocess_batch_meta_n_rois (um->user_meta_data), 2);
  NvDsRoiMeta *r0 = dsnet_preprocess_batch_meta_roi (um->user_meta_data, 0);
  NvDsFrameMeta *f = batch->frame_meta_list->data;
  fail_unless (r0->frame_meta == f && r0->object_meta == NULL);
  assert_rect (&r0->roi, 64, 16, 64, 32);
  fail_unless (r0->scale_ratio_x == 0.5 && r0->scale_ratio_y == 0.5 && r0->offset_left == 0);
  NvDsRoiMeta *r1 = dsnet_preprocess_batch_meta_roi (um->user_meta_data, 1);
  fail_unless (r1->scale_ratio_x == 1.0 && r1->scale_ratio_y == 0.25);  /* 32x64 stretched to 32x16 */
  const gchar *name;
  gint type;
  const gint *shape;
  guint n_shape, gpu;
  const gfloat *t = dsnet_preprocess_batch_meta_tensor (um->user_meta_data, &name, &type, &shape, &n_shape,
      &gpu);
  ck_assert_str_eq (name, "input");
  fail_unless (type == 0 && n_shape == 4 && shape[0] == 2 && shape[1] == 3 && shape[3] == 32);
  /* slice 0 = the ROI: left half red (1.0), right half not; green plane 1.0 everywhere */
  fail_unless (fabs (t[0] - 1.0f) < 1e-6 && fabs (t[31]) < 1e-6 && fabs (t[16 * 32 + 5] - 1.0f) < 1e-6,
      "%f %f %f", t[0], t[31], t[16 * 32 + 5]);
  /* the second meta holds the partial batch: the ROI clipped to the frame (100;50 → 28x14) */
  NvDsUserMeta *um2 = batch->batch_user_meta_list->next->data;
  ck_assert_uint_eq (dsnet_preprocess_batch_meta_n_rois (um2->user_meta_data), 1);
  assert_rect (&dsnet_preprocess_batch_meta_roi (um2->user_meta_data, 0)->roi, 100, 50, 28, 14);
  /* draw-roi (default on): one green rectangle per unit */
  ck_assert_uint_eq (g_list_length (f->display_meta_list), 1);
  NvDsDisplayMeta *dm = f->display_meta_list->data;
  ck_assert_uint_eq (dm->num_rects, 3);
  fail_unless (dm->rect_params[0].border_width == 2 && dm->rect_params[0].border_color.green == 1.0);
  gst_buffer_unref (out);
  gst_buffer_unref (frame);
  gst_harness_teardown (h);
  g_free (infer);
  remove_temp (pre);
}
GST_END_TEST;

GST_START_TEST (test_roi_objects_in_frame_coordinates)
{
  gchar *infer = NULL;
  gchar *pre = write_configs ("[group-0]\nsrc-ids=0\nprocess-on-roi=1\nroi-params-src-0=64;16;64;32\n", &infer);
  GstHarness *h = new_chain (pre, infer);
  GstBuffer *frame = roi_frame ();
  set_batch_caps (h, W, H, 1);
  GstBuffer *out = gst_harness_push_and_pull (h, make_batch (&frame, 1, W, H, 0));
  NvDsFrameMeta *f = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
  ck_assert_uint_eq (g_list_length (f->obj_meta_list), 1);
  NvDsObjectMeta *o = f->obj_meta_list->data;
  /* network box (4,4) 7x10.5 (infer_detectnet_test) → ROI ratio 0.5: (8,8) 14x21 → + ROI origin (64,16) */
  assert_rect (&o->rect_params, 72, 24, 14, 21);
  ck_assert_int_eq (o->unique_component_id, 3);
  fail_unless (f->bInferDone);
  gst_buffer_unref (out);
  gst_buffer_unref (frame);
  gst_harness_teardown (h);
  g_free (infer);
  remove_temp (pre);
}
GST_END_TEST;

/* A whole-frame group prepares exactly what dsnetinfer prepares itself: same objects. */
GST_START_TEST (test_whole_frame_equals_plain_inference)
{
  gchar *infer = NULL;
  gchar *pre = write_configs ("[group-0]\nsrc-ids=-1\nprocess-on-roi=0\ndraw-roi=0\n", &infer);
  GstBuffer *frames[2] = { roi_frame (), half_red (W, H, TRUE) };
  GstHarness *h = new_chain (pre, infer);
  set_batch_caps (h, W, H, 2);
  GstBuffer *a = gst_harness_push_and_pull (h, make_batch (frames, 2, W, H, 0));
  gst_harness_teardown (h);
  /* the same nvinfer config without input-tensor-from-meta */
  gchar *text = NULL;
  g_file_get_contents (infer, &text, NULL, NULL);
  gchar **parts = g_strsplit (text, "input-tensor-from-meta=1\n", 2);
  gchar *plain = g_strjoinv ("", parts);
  g_file_set_contents (infer, plain, -1, NULL);
  h = new_infer_harness (infer, NULL);
  set_batch_caps (h, W, H, 2);
  GstBuffer *b = gst_harness_push_and_pull (h, make_batch (frames, 2, W, H, 0));
  gst_harness_teardown (h);
  guint total = 0;
  for (GList * fa = gst_buffer_get_nvds_batch_meta (a)->frame_meta_list, *fb =
      gst_buffer_get_nvds_batch_meta (b)->frame_meta_list; fa && fb; fa = fa->next, fb = fb->next) {
    NvDsFrameMeta *x = fa->data, *y = fb->data;
    ck_assert_uint_eq (g_list_length (x->obj_meta_list), g_list_length (y->obj_meta_list));
    for (GList * oa = x->obj_meta_list, *ob = y->obj_meta_list; oa; oa = oa->next, ob = ob->next, total++) {
      NvDsObjectMeta *p = oa->data, *q = ob->data;
      assert_rect (&p->rect_params, q->rect_params.left, q->rect_params.top, q->rect_params.width,
          q->rect_params.height);
      fail_unless (p->confidence == q->confidence);
    }
  }
  ck_assert_uint_ge (total, 2);
  gst_buffer_unref (a);
  gst_buffer_unref (b);
  gst_buffer_unref (frames[0]);
  gst_buffer_unref (frames[1]);
  g_strfreev (parts);
  g_free (plain);
  g_free (text);
  g_free (infer);
  remove_temp (pre);
}
GST_END_TEST;

GST_START_TEST (test_start_errors)
{
  gchar *infer = NULL;
  gchar *pre = write_configs ("[group-0]\nsrc-ids=0\nprocess-on-roi=1\nroi-params-src-0=1;2;3\n", &infer);
  GstElement *el = gst_element_factory_make ("dsnetpreprocess", NULL);
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (el, bus);
  g_object_set (el, "config-file", pre, NULL);
  fail_unless (gst_element_set_state (el, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE);
  GstMessage *m = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  GError *e = NULL;
  gst_message_parse_error (m, &e, NULL);
  fail_unless (strstr (e->message, "pre.txt:20: [group-0] roi-params-src-0: 3 values") != NULL, "%s",
      e->message);
  g_error_free (e);
  gst_message_unref (m);
  gst_element_set_state (el, GST_STATE_NULL);
  gst_element_set_bus (el, NULL);
  gst_object_unref (bus);
  gst_object_unref (el);
  g_free (infer);
  remove_temp (pre);
}
GST_END_TEST;

static Suite *
preprocess_element_suite (void)
{
  Suite *s = suite_create ("preprocess_element");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 300);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_batch_meta);
  tcase_add_test (tc, test_roi_objects_in_frame_coordinates);
  tcase_add_test (tc, test_whole_frame_equals_plain_inference);
  tcase_add_test (tc, test_start_errors);
  return s;
}

DSNET_CHECK_ORT_MAIN (preprocess_element);
