/*
 * dsnetinfer end to end with the built-in DetectNet_v2 parser and a dynamic batch axis. The model is a
 * real ONNX graph written by the test (protobuf encoded by hand): input [N,3,16,32], two strided 16x16
 * convolutions give output_cov/Sigmoid [N,1,1,2] = mean red of each 16x16 cell and output_bbox/BiasAdd
 * [N,4,1,2] = mean green × (−0.1, −0.1, 0.3, 0.4). Pictures with a red half then have hand-computable
 * DetectNet_v2 boxes (spec §9) that the element must map back to frame coordinates.
 */
#include <math.h>

#include "check_ort_main.h"
#include "dsnet_infer_meta.h"
#include "infer_element_common.h"
#include "infer_test_model.h"

static void
assert_rect (NvDsObjectMeta * o, gdouble l, gdouble t, gdouble w, gdouble h)
{
  const NvOSD_RectParams *r = &o->rect_params;
  fail_unless (fabs (r->left - l) < 1e-3 && fabs (r->top - t) < 1e-3 && fabs (r->width - w) < 1e-3
      && fabs (r->height - h) < 1e-3, "rect %.3f,%.3f,%.3f,%.3f expected %.3f,%.3f,%.3f,%.3f", r->left,
      r->top, r->width, r->height, l, t, w, h);
}

GST_START_TEST (test_detectnet_v2_dynamic_batch)
{
  gchar *cfg = write_temp ("pgie.txt", "");
  gchar *model = write_detectnet_model (cfg);
  gchar *text = g_strdup_printf ("[property]\ngie-unique-id=3\nonnx-file=detectnet.onnx\n"
      "net-scale-factor=0.0039215686274509803\nnum-detected-classes=1\nbatch-size=2\n"
      "labelfile-path=labels.txt\ncluster-mode=2\n[dsnet]\nintra-op-threads=1\n"
      "[class-attrs-all]\npre-cluster-threshold=0.5\n");
  g_file_set_contents (cfg, text, -1, NULL);
  gchar *dir = g_path_get_dirname (cfg);
  gchar *labels = g_build_filename (dir, "labels.txt", NULL);
  g_file_set_contents (labels, "face\n", -1, NULL);

  GstHarness *h = new_infer_harness (cfg, NULL);
  /* 64x32 frames stretched to the 32x16 network: ratio 0.5 on both axes */
  GstBuffer *frames[2] = { half_red (64, 32, TRUE), half_red (64, 32, FALSE) };
  set_batch_caps (h, 64, 32, 2);
  GstBuffer *out = gst_harness_push_and_pull (h, make_batch (frames, 2, 64, 32, 0));
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (out);
  NvDsFrameMeta *f0 = batch->frame_meta_list->data, *f1 = batch->frame_meta_list->next->data;
  ck_assert_uint_eq (g_list_length (f0->obj_meta_list), 1);
  ck_assert_uint_eq (g_list_length (f1->obj_meta_list), 1);
  /* cell 0 (network): X1 = 0.5 + 35·0.1 = 4, Y1 = 4, X2 = 0.5 + 35·0.3 = 11, Y2 = 0.5 + 35·0.4 = 14.5;
   * frame: ×2 → (8, 8) size 14×21 */
  NvDsObjectMeta *o = f0->obj_meta_list->data;
  assert_rect (o, 8, 8, 14, 21);
  fail_unless (fabs (o->confidence - 1.0f) < 1e-4, "confidence %f", o->confidence);
  ck_assert_int_eq (o->unique_component_id, 3);
  ck_assert_str_eq (o->obj_label, "face");
  /* cell 1: X1 = 16.5 + 3.5 = 20, X2 = 16.5 + 10.5 = 27 → frame (40, 8) size 14×21 */
  assert_rect (f1->obj_meta_list->data, 40, 8, 14, 21);
  gst_buffer_unref (out);
  gst_harness_teardown (h);

  /* letterbox with symmetric padding: a 32x32 frame lands as 16x16 at network x 8..23 (ratio 0.5,
   * padding black). Cell 0 (network x 0..15) is half padding, half red: mean red 0.5, mean green 0.5, so
   * the offsets are halved: X1 = 0.5 + 1.75 = 2.25, Y1 = 2.25, X2 = 0.5 + 5.25 = 5.75, Y2 = 0.5 + 7 = 7.5.
   * Frame: left = (2.25 − 8)/0.5 < 0 → 0, top = 4.5, size 7 × 10.5. Cell 1 has no red. */
  g_free (text);
  text = g_strdup ("[property]\nonnx-file=detectnet.onnx\nnet-scale-factor=0.0039215686274509803\n"
      "num-detected-classes=1\nmaintain-aspect-ratio=1\nsymmetric-padding=1\ncluster-mode=4\n"
      "[class-attrs-0]\npre-cluster-threshold=0.4\n");
  g_file_set_contents (cfg, text, -1, NULL);
  h = new_infer_harness (cfg, NULL);
  GstBuffer *sq = half_red (32, 32, TRUE);
  set_batch_caps (h, 32, 32, 1);
  out = gst_harness_push_and_pull (h, make_batch (&sq, 1, 32, 32, 0));
  f0 = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
  ck_assert_uint_eq (g_list_length (f0->obj_meta_list), 1);
  o = f0->obj_meta_list->data;
  assert_rect (o, 0, 4.5, 7, 10.5);
  fail_unless (fabs (o->confidence - 0.5f) < 1e-4, "confidence %f", o->confidence);
  ck_assert_str_eq (o->obj_label, "");  /* no label file */
  fail_unless (o->text_params.display_text == NULL);
  gst_buffer_unref (out);
  gst_harness_teardown (h);

  gst_buffer_unref (sq);
  gst_buffer_unref (frames[0]);
  gst_buffer_unref (frames[1]);
  g_free (text);
  g_free (labels);
  g_free (dir);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

/* network-type=100 + output-tensor-meta: raw outputs on the frame, deep-copied with the buffer's meta. */
GST_START_TEST (test_tensor_meta_primary_and_copy)
{
  gchar *cfg = write_temp ("pgie.txt", "");
  gchar *model = write_detectnet_model (cfg);
  g_file_set_contents (cfg, "[property]\ngie-unique-id=5\nonnx-file=detectnet.onnx\nnetwork-type=100\n"
      "output-tensor-meta=1\nnet-scale-factor=0.0039215686274509803\n", -1, NULL);
  GstHarness *h = new_infer_harness (cfg, NULL);
  GstBuffer *frame = half_red (64, 32, TRUE);
  set_batch_caps (h, 64, 32, 1);
  GstBuffer *out = gst_harness_push_and_pull (h, make_batch (&frame, 1, 64, 32, 0));
  NvDsFrameMeta *f = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
  ck_assert_uint_eq (g_list_length (f->obj_meta_list), 0);
  ck_assert_uint_eq (g_list_length (f->frame_user_meta_list), 1);
  NvDsUserMeta *um = f->frame_user_meta_list->data;
  ck_assert_int_eq (um->base_meta.meta_type, NVDSINFER_TENSOR_OUTPUT_META);
  NvDsInferTensorMeta *tm = um->user_meta_data;
  ck_assert_uint_eq (tm->unique_id, 5);
  ck_assert_uint_eq (tm->num_output_layers, 2);
  ck_assert_uint_eq (tm->network_info.width, 32);
  ck_assert_uint_eq (tm->network_info.height, 16);
  for (guint i = 0; i < 2; i++) {
    NvDsInferLayerInfo *li = &tm->output_layers_info[i];
    gboolean cov = g_str_equal (li->layerName, "output_cov/Sigmoid");
    fail_unless (cov || g_str_equal (li->layerName, "output_bbox/BiasAdd"), "%s", li->layerName);
    ck_assert_uint_eq (li->inferDims.numDims, 3);
    ck_assert_uint_eq (li->inferDims.d[0], cov ? 1 : 4);
    ck_assert_uint_eq (li->inferDims.d[2], 2);
    ck_assert_uint_eq (li->inferDims.numElements, cov ? 2 : 8);
    ck_assert_int_eq (li->dataType, FLOAT);
    const gfloat *v = li->buffer;
    if (cov) {
      fail_unless (fabs (v[0] - 1.0f) < 1e-4 && fabs (v[1]) < 1e-4, "cov %f %f", v[0], v[1]);
    } else {
      for (int k = 0; k < 4; k++)
        fail_unless (fabs (v[k * 2] - BBOX_FACTORS[k]) < 1e-4, "bbox plane %d: %f", k, v[k * 2]);
    }
  }
  /* copying the buffer deep-copies the batch meta and, through our copy_func, the tensors */
  GstBuffer *copy = gst_buffer_copy (out);
  NvDsFrameMeta *fc = gst_buffer_get_nvds_batch_meta (copy)->frame_meta_list->data;
  ck_assert_uint_eq (g_list_length (fc->frame_user_meta_list), 1);
  NvDsInferTensorMeta *tc = ((NvDsUserMeta *) fc->frame_user_meta_list->data)->user_meta_data;
  fail_unless (tc != tm && tc->out_buf_ptrs_host[0] != tm->out_buf_ptrs_host[0]);
  fail_unless (tc->output_layers_info[1].buffer == tc->out_buf_ptrs_host[1]);
  fail_unless (memcmp (tc->out_buf_ptrs_host[1], tm->out_buf_ptrs_host[1],
          tm->output_layers_info[1].inferDims.numElements * sizeof (gfloat)) == 0);
  gst_buffer_unref (out);
  gst_buffer_unref (copy);
  gst_buffer_unref (frame);
  gst_harness_teardown (h);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

/* Secondary detector: runs on the crop of an upstream object; boxes get the parent's offset and parent. */
GST_START_TEST (test_secondary_detector_on_objects)
{
  gchar *cfg = write_temp ("sgie.txt", "");
  gchar *model = write_detectnet_model (cfg);
  g_file_set_contents (cfg, "[property]\ngie-unique-id=4\nprocess-mode=2\noperate-on-gie-id=1\n"
      "operate-on-class-ids=0\nonnx-file=detectnet.onnx\nnet-scale-factor=0.0039215686274509803\n"
      "num-detected-classes=1\ncluster-mode=2\n", -1, NULL);
  GstHarness *h = new_infer_harness (cfg, NULL);
  /* 100x50 frame, green everywhere, red in x 10..41 (the left half of the object at x 10..73) */
  const gint W = 100, H = 50;
  GstBuffer *frame = gst_buffer_new_allocate (NULL, (gsize) W * H * 4, NULL);
  GstMapInfo map;
  gst_buffer_map (frame, &map, GST_MAP_WRITE);
  for (gint y = 0; y < H; y++)
    for (gint x = 0; x < W; x++) {
      guint8 *p = map.data + ((gsize) y * W + x) * 4;
      p[0] = x >= 10 && x < 42 ? 255 : 0;
      p[1] = 255;
      p[2] = 0;
      p[3] = 255;
    }
  gst_buffer_unmap (frame, &map);
  set_batch_caps (h, W, H, 1);
  GstBuffer *in = make_batch (&frame, 1, W, H, 0);
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (in);
  NvDsFrameMeta *f = batch->frame_meta_list->data;
  /* the object to infer on, one from another detector id, one of another class */
  const struct { gint gie, cls; } objs[3] = { {1, 0}, {9, 0}, {1, 1} };
  for (int i = 0; i < 3; i++) {
    NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (batch);
    o->unique_component_id = objs[i].gie;
    o->class_id = objs[i].cls;
    o->object_id = UNTRACKED_OBJECT_ID;
    o->rect_params.left = 10;
    o->rect_params.top = 4;
    o->rect_params.width = 64;
    o->rect_params.height = 32;
    nvds_add_obj_meta_to_frame (f, o, NULL);
  }
  GstBuffer *out = gst_harness_push_and_pull (h, in);
  f = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
  ck_assert_uint_eq (g_list_length (f->obj_meta_list), 4);
  guint found = 0;
  for (GList * l = f->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *o = l->data;
    if (o->unique_component_id != 4)
      continue;
    found++;
    /* crop 64x32 → 32x16 (ratio 0.5); network box (4,4) 7×10.5 → crop (8,8) 14×21 → frame + (10,4) */
    assert_rect (o, 18, 12, 14, 21);
    fail_unless (o->parent != NULL && o->parent->unique_component_id == 1 && o->parent->class_id == 0);
  }
  ck_assert_uint_eq (found, 1);
  gst_buffer_unref (out);
  gst_buffer_unref (frame);
  gst_harness_teardown (h);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

static Suite *
infer_detectnet_suite (void)
{
  Suite *s = suite_create ("infer_detectnet");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 300);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_detectnet_v2_dynamic_batch);
  tcase_add_test (tc, test_tensor_meta_primary_and_copy);
  tcase_add_test (tc, test_secondary_detector_on_objects);
  return s;
}

DSNET_CHECK_ORT_MAIN (infer_detectnet);
