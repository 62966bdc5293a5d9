/*
 * dsnetinfer element on a real model (UltraFace RFB-640 masked-face; MIT licence, trained on WIDER FACE and
 * MAFA — research, non-commercial datasets) and one real image, kept small enough for valgrind: metadata as
 * nvinfer writes it, property precedence, start-up errors before the model loads, warnings posted once.
 * (infer_element_full_test covers batching, interval and model-dependent errors outside valgrind.)
 */
#include "check_ort_main.h"
#include "infer_element_common.h"



static gdouble
box_iou (const NvOSD_RectParams * r, gdouble x1, gdouble y1, gdouble x2, gdouble y2)
{
  gdouble l = MAX (r->left, x1), t = MAX (r->top, y1);
  gdouble rr = MIN (r->left + r->width, x2), b = MIN (r->top + r->height, y2);
  gdouble inter = MAX (0.0, rr - l) * MAX (0.0, b - t);
  gdouble uni = r->width * r->height + (x2 - x1) * (y2 - y1) - inter;
  return uni > 0 ? inter / uni : 0;
}

/* maksssksksss0.png: 512x366, faces without_mask (79,105)-(109,142), with_mask (185,100)-(226,144),
 * without_mask (325,90)-(360,141). */
GST_START_TEST (test_detect_metadata)
{
  gchar *cfg = ultraface_config ("gie-unique-id=1", "");
  GstHarness *h = new_infer_harness (cfg, "unique-id=7");
  gint w, hh;
  GstBuffer *img = load_image ("maksssksksss0.png", &w, &hh);
  ck_assert_int_eq (w, 512);
  ck_assert_int_eq (hh, 366);
  set_batch_caps (h, w, hh, 1);
  GstBuffer *out = infer_push_and_pull (h, make_batch (&img, 1, w, hh, 0));
  fail_unless (out != NULL);
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (out);
  fail_unless (batch != NULL);
  NvDsFrameMeta *f = batch->frame_meta_list->data;
  fail_unless (f->bInferDone);
  const gdouble gt[3][5] = { {1, 79, 105, 109, 142}, {0, 185, 100, 226, 144}, {1, 325, 90, 360, 141} };
  guint matched = 0, n = 0;
  for (GList * l = f->obj_meta_list; l; l = l->next, n++) {
    NvDsObjectMeta *o = l->data;
    ck_assert_int_eq (o->unique_component_id, 7);       /* property beats gie-unique-id */
    fail_unless (o->object_id == UNTRACKED_OBJECT_ID);
    fail_unless (o->parent == NULL);
    fail_unless (o->class_id == 0 || o->class_id == 1);
    fail_unless (o->confidence >= 0.5f && o->confidence <= 1.0f);
    ck_assert_str_eq (o->obj_label, o->class_id == 0 ? "mask" : "no-mask");
    ck_assert_str_eq (o->text_params.display_text, o->obj_label);
    ck_assert_str_eq (o->text_params.font_params.font_name, "Serif");
    ck_assert_uint_eq (o->text_params.font_params.font_size, 11);
    fail_unless (o->text_params.font_params.font_color.red == 1.0
        && o->text_params.font_params.font_color.alpha == 1.0);
    ck_assert_int_eq (o->text_params.set_bg_clr, 1);
    fail_unless (o->text_params.text_bg_clr.red == 0.0 && o->text_params.text_bg_clr.alpha == 1.0);
    ck_assert_uint_eq (o->text_params.x_offset, (guint) o->rect_params.left);
    ck_assert_uint_eq (o->text_params.y_offset, (guint) MAX (o->rect_params.top - 10, 0));
    ck_assert_uint_eq (o->rect_params.border_width, 3);
    if (o->class_id == 0)
      fail_unless (o->rect_params.border_color.green == 1.0 && o->rect_params.border_color.red == 0.0);
    else
      fail_unless (o->rect_params.border_color.red == 1.0 && o->rect_params.border_color.green == 0.0);
    fail_unless (o->detector_bbox_info.org_bbox_coords.left == o->rect_params.left
        && o->detector_bbox_info.org_bbox_coords.height == o->rect_params.height);
    fail_unless (o->rect_params.left >= 0 && o->rect_params.top >= 0
        && o->rect_params.left + o->rect_params.width <= w + 0.01
        && o->rect_params.top + o->rect_params.height <= hh + 0.01);
    for (int g = 0; g < 3; g++)
      if (box_iou (&o->rect_params, gt[g][1], gt[g][2], gt[g][3], gt[g][4]) >= 0.5 && o->class_id == gt[g][0])
        matched++;
  }
  GST_INFO ("%u objects, %u matched", n, matched);
  fail_unless (matched >= 2, "only %u of 3 faces found with the right class (%u objects)", matched, n);
  gst_buffer_unref (out);
  gst_buffer_unref (img);
  gst_harness_teardown (h);
  remove_temp (cfg);
}
GST_END_TEST;



GST_START_TEST (test_start_errors)
{
  /* no config */
  GstElement *el = gst_element_factory_make ("dsnetinfer", NULL);
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (el, bus);
  fail_unless (gst_element_set_state (el, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE);
  gst_element_set_state (el, GST_STATE_NULL);
  gst_element_set_bus (el, NULL);
  gst_object_unref (bus);
  gst_object_unref (el);

  /* config errors carry file:line */
  assert_start_error ("[property]\n\nbatch-size=0\n", "bad.txt:3: [property] batch-size: value 0 is out of range",
      NULL);
  /* TensorRT-only model → explain */
  assert_start_error ("[property]\ntlt-encoded-model=resnet18_detector.etlt\ntlt-model-key=k\n",
      "no onnx-file: this runtime runs ONNX models; export the model given by tlt-encoded-model, "
      "tlt-model-key to ONNX and set onnx-file", "bad.txt:2: [property] tlt-encoded-model");
  /* missing model: names the path and the config line */
  assert_start_error ("[property]\nnum-detected-classes=1\n\nonnx-file=/no/such/model.onnx\n",
      "cannot load model /no/such/model.onnx (", "bad.txt:4: [property] onnx-file): model file "
      "/no/such/model.onnx does not exist");
  /* label file that cannot be read */
  assert_start_error ("[property]\nonnx-file=/no/model.onnx\nlabelfile-path=nolabels.txt\n",
      "bad.txt:3: [property] labelfile-path: ", "nolabels.txt: cannot read label file: No such file");
  /* segmentation is not supported */
  assert_start_error ("[property]\nonnx-file=/no/model.onnx\nnetwork-type=2\n",
      "bad.txt:3: [property] network-type: network-type=2 (segmentation) is not supported", NULL);
}
GST_END_TEST;


/* Unknown keys and ignored TensorRT keys are reported once as an element warning. */
GST_START_TEST (test_warnings_posted_once)
{
  gchar *cfg = ultraface_config ("model-engine-file=x.engine\nno-such-key=3", "");
  GstElement *el = gst_element_factory_make ("dsnetinfer", NULL);
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (el, bus);
  g_object_set (el, "config-file-path", cfg, NULL);
  fail_unless (gst_element_set_state (el, GST_STATE_PAUSED) != GST_STATE_CHANGE_FAILURE);
  GstMessage *msg = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING);
  fail_unless (msg != NULL);
  GError *e = NULL;
  gchar *dbg = NULL;
  gst_message_parse_warning (msg, &e, &dbg);
  fail_unless (strstr (dbg, "pgie.txt:13: [property] no-such-key: unknown or legacy key, ignored") != NULL,
      "%s", dbg);
  fail_unless (strstr (dbg, "TensorRT-only keys ignored (model-engine-file)") != NULL, "%s", dbg);
  g_error_free (e);
  g_free (dbg);
  gst_message_unref (msg);
  fail_unless (gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING) == NULL);
  gst_element_set_state (el, GST_STATE_NULL);
  gst_element_set_bus (el, NULL);
  gst_object_unref (bus);
  gst_object_unref (el);
  remove_temp (cfg);
}
GST_END_TEST;

static Suite *
infer_element_suite (void)
{
  Suite *s = suite_create ("infer_element");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 600);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_detect_metadata);
  tcase_add_test (tc, test_start_errors);
  tcase_add_test (tc, test_warnings_posted_once);
  return s;
}

DSNET_CHECK_ORT_MAIN (infer_element);
