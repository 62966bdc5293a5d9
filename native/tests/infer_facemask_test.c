/*
 * dsnetinfer with real models on real images (not under valgrind: full data set, large models):
 *  - UltraFace RFB-640-masked_face-v2 (MIT licence; trained on WIDER FACE and MAFA, research,
 *    non-commercial datasets) over the 107 Kaggle face-mask dev images, one batch per image at the image's
 *    own size: class-agnostic face AP@0.5 (VOC all-point) and mask/no-mask accuracy on matched faces;
 *  - the same detector followed by secondary ResNet-18 models on the detected faces: raw tensor meta
 *    (network-type=100) and classifier meta (network-type=1).
 */
#include "check_ort_main.h"
#include "dsnet_infer_meta.h"
#include "infer_element_common.h"
#include "infer_eval.h"

/* Measured values minus a small margin (native/parsers/README.md). */
#define YUNET_MIN_AP 0.80
#define RETINAFACE_MIN_AP 0.77

static gchar *
detector_config (const gchar * threshold)
{
  gchar *model = shared_path ("assets/models/ultraface/RFB-640-masked_face-v2.onnx");
  gchar *text = g_strdup_printf ("[property]\n"
      "gie-unique-id=1\n"
      "onnx-file=%s\n"
      "labelfile-path=labels.txt\n"
      "net-scale-factor=0.0078125\n"
      "offsets=127;127;127\n"
      "num-detected-classes=2\n"
      "output-blob-names=scores;boxes\n"
      "custom-lib-path=libdsnet_parsers.so\nparse-bbox-func-name=NvDsInferParseUltraFaceMask\n"
      "cluster-mode=2\n"
            "[class-attrs-all]\npre-cluster-threshold=%s\nnms-iou-threshold=0.3\n", model, threshold);
  gchar *path = write_temp ("pgie.txt", text);
  gchar *dir = g_path_get_dirname (path);
  gchar *labels = g_build_filename (dir, "labels.txt", NULL);
  g_file_set_contents (labels, "mask\nno-mask\n", -1, NULL);
  g_free (labels);
  g_free (dir);
  g_free (text);
  g_free (model);
  return path;
}

/* Runs the detector of `cfg` over the dev set (one batch per image at its own size); returns detections. */
static GArray *
run_dev_set (GPtrArray * images, const gchar * cfg, gdouble * ms_per_image)
{
  GstHarness *h = new_infer_harness (cfg, NULL);
  GArray *dets = g_array_new (FALSE, FALSE, sizeof (EvalDet));
  gint last_w = -1, last_h = -1;
  gint64 t0 = g_get_monotonic_time ();
  for (guint i = 0; i < images->len; i++) {
    EvalImage *im = g_ptr_array_index (images, i);
    gint w, hh;
    GError *e = NULL;
    GstBuffer *img = eval_decode_png (im->image_path, &w, &hh, &e);
    fail_unless (img != NULL, "%s", e ? e->message : "");
    if (w != last_w || hh != last_h) {
      set_batch_caps (h, w, hh, 1);
      last_w = w;
      last_h = hh;
    }
    GstBuffer *out = gst_harness_push_and_pull (h, make_batch (&img, 1, w, hh, (gint) i));
    fail_unless (out != NULL);
    NvDsFrameMeta *f = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
    for (GList * l = f->obj_meta_list; l; l = l->next) {
      NvDsObjectMeta *o = l->data;
      EvalDet d = { i, o->class_id, o->confidence, o->rect_params.left, o->rect_params.top,
        o->rect_params.left + o->rect_params.width, o->rect_params.top + o->rect_params.height
      };
      g_array_append_val (dets, d);
    }
    gst_buffer_unref (out);
    gst_buffer_unref (img);
  }
  *ms_per_image = (g_get_monotonic_time () - t0) / 1000.0 / images->len;
  gst_harness_teardown (h);
  return dets;
}

GST_START_TEST (test_facemask_dev_set_ap)
{
  GPtrArray *images = eval_load_dataset (0);
  fail_unless (images != NULL, "kaggle-facemask-dev not found under DSNET_SHARED_DIR");
  ck_assert_uint_eq (images->len, 107);
  /* a low pre-cluster threshold gives the whole precision/recall curve to the AP */
  gchar *cfg = detector_config ("0.05");
  gdouble ms;
  GArray *dets = run_dev_set (images, cfg, &ms);
  gdouble ap, acc;
  guint matched;
  gdouble ap1, acc1;
  guint matched1;
  eval_score (images, dets, FALSE, &ap, &acc, &matched);
  eval_score (images, dets, TRUE, &ap1, &acc1, &matched1);
  g_print ("UltraFace RFB-640 masked-face on kaggle-facemask-dev (%u images): face AP@0.5 = %.4f, "
      "mask/no-mask accuracy = %.4f on %u matched faces (score >= 0.5), %u detections, %.1f ms/image\n"
      "  (VOC devkit +1-pixel IoU: AP@0.5 = %.4f, accuracy = %.4f on %u faces)\n",
      images->len, ap, acc, matched, dets->len, ms, ap1, acc1, matched1);
  fail_unless (ap >= 0.78, "face AP@0.5 %.4f < 0.78", ap);
  fail_unless (acc >= 0.90, "mask/no-mask accuracy %.4f < 0.90", acc);
  g_array_unref (dets);
  remove_temp (cfg);
  g_ptr_array_unref (images);
}
GST_END_TEST;

/* The face detectors of libdsnet_parsers.so on the dev set, through their shipped configs (class-agnostic AP;
 * both trained on WIDER FACE, non-commercial annotations). */
static void
assert_face_detector_ap (const gchar * config_name, const gchar * what, gdouble min_ap)
{
  GPtrArray *images = eval_load_dataset (0);
  fail_unless (images != NULL);
  const gchar *src = g_getenv ("DSNET_SOURCE_DIR");
  gchar *shipped = g_build_filename (src, "configs", "face-mask", "portable", config_name, NULL);
  gchar *text = NULL;
  fail_unless (g_file_get_contents (shipped, &text, NULL, NULL), "%s", shipped);
  /* the shipped config at the AP threshold; its onnx-file points into assets/, use ../shared directly */
  gchar **lines = g_strsplit (text, "\n", -1);
  GString *cfg_text = g_string_new (NULL);
  for (gchar ** l = lines; *l; l++) {
    if (g_str_has_prefix (*l, "onnx-file=")) {
      gchar *model = shared_path (strstr (*l, "assets/"));
      g_string_append_printf (cfg_text, "onnx-file=%s\n", model);
      g_free (model);
    } else if (g_str_has_prefix (*l, "pre-cluster-threshold=")) {
      g_string_append (cfg_text, "pre-cluster-threshold=0.05\n");
    } else if (!g_str_has_prefix (*l, "labelfile-path=")) {
      g_string_append_printf (cfg_text, "%s\n", *l);
    }
  }
  gchar *cfg = write_temp ("pgie.txt", cfg_text->str);
  gdouble ms, ap, acc;
  guint matched;
  GArray *dets = run_dev_set (images, cfg, &ms);
  eval_score (images, dets, FALSE, &ap, &acc, &matched);
  g_print ("%s on kaggle-facemask-dev (%u images): face AP@0.5 = %.4f, %u detections, %.1f ms/image\n", what,
      images->len, ap, dets->len, ms);
  fail_unless (ap >= min_ap, "%s: face AP@0.5 %.4f < %.2f", what, ap, min_ap);
  g_array_unref (dets);
  remove_temp (cfg);
  g_string_free (cfg_text, TRUE);
  g_strfreev (lines);
  g_free (text);
  g_free (shipped);
  g_ptr_array_unref (images);
}

GST_START_TEST (test_yunet_dev_set_ap)
{
  assert_face_detector_ap ("config_infer_primary_yunet.txt", "YuNet-n (NvDsInferParseYuNet)", YUNET_MIN_AP);
}
GST_END_TEST;

GST_START_TEST (test_retinaface_dev_set_ap)
{
  assert_face_detector_ap ("config_infer_primary_retinaface.txt", "RetinaFace MobileNet-0.25 "
      "(NvDsInferParseRetinaFace)", RETINAFACE_MIN_AP);
}
GST_END_TEST;

static gchar *
resnet_path (void)
{
  const gchar *home = g_get_home_dir ();
  const gchar *nuget = g_getenv ("NUGET_PACKAGES");
  gchar *p = nuget ? g_build_filename (nuget, "microsoft.ml.dnnimagefeaturizer.resnet18", "0.23.1",
      "tools", "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx", NULL)
      : g_build_filename (home, ".nuget", "packages", "microsoft.ml.dnnimagefeaturizer.resnet18", "0.23.1",
      "tools", "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx", NULL);
  return p;
}

/* Primary UltraFace → secondary ResNet-18 on each face. */
static void
run_secondary (gint network_type)
{
  gchar *resnet = resnet_path ();
  if (!g_file_test (resnet, G_FILE_TEST_EXISTS)) {
    g_print ("SKIP: %s not found (dotnet restore native/nuget/NativeDeps.csproj)\n", resnet);
    g_free (resnet);
    return;
  }
  gchar *pgie = detector_config ("0.5");
  gchar *text = g_strdup_printf ("[property]\ngie-unique-id=2\nprocess-mode=2\nonnx-file=%s\n"
      "network-type=%d\noutput-tensor-meta=%d\noperate-on-gie-id=1\noperate-on-class-ids=0;1\n"
      "net-scale-factor=0.0039215686\nbatch-size=4\nclassifier-type=embedding\n"
      "input-object-min-width=8\n", resnet, network_type, network_type == 100);
  gchar *sgie = write_temp ("sgie.txt", text);
  g_free (text);
  gchar *desc = g_strdup_printf ("dsnetinfer config-file-path=\"%s\" ! dsnetinfer config-file-path=\"%s\"",
      pgie, sgie);
  GstHarness *h = gst_harness_new_parse (desc);
  g_free (desc);
  gchar *img_path = shared_path ("datasets/kaggle-facemask-dev/images/maksssksksss0.png");
  gint w, hh;
  GstBuffer *img = eval_decode_png (img_path, &w, &hh, NULL);
  fail_unless (img != NULL);
  set_batch_caps (h, w, hh, 1);
  GstBuffer *out = gst_harness_push_and_pull (h, make_batch (&img, 1, w, hh, 0));
  NvDsFrameMeta *f = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
  guint n = 0;
  for (GList * l = f->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *o = l->data;
    ck_assert_int_eq (o->unique_component_id, 1);
    n++;
    if (network_type == 100) {
      fail_unless (o->classifier_meta_list == NULL);
      ck_assert_uint_eq (g_list_length (o->obj_user_meta_list), 1);
      NvDsUserMeta *um = o->obj_user_meta_list->data;
      ck_assert_int_eq (um->base_meta.meta_type, NVDSINFER_TENSOR_OUTPUT_META);
      NvDsInferTensorMeta *tm = um->user_meta_data;
      ck_assert_uint_eq (tm->unique_id, 2);
      ck_assert_uint_eq (tm->num_output_layers, 1);
      NvDsInferLayerInfo *li = &tm->output_layers_info[0];
      ck_assert_uint_eq (li->inferDims.numDims, 3);
      ck_assert_uint_eq (li->inferDims.d[0], 512);
      ck_assert_uint_eq (li->inferDims.d[1], 1);
      ck_assert_uint_eq (li->inferDims.numElements, 512);
      ck_assert_uint_eq (tm->network_info.width, 224);
      fail_unless (li->buffer == tm->out_buf_ptrs_host[0]);
      /* a real embedding: finite, not all zero */
      const gfloat *v = tm->out_buf_ptrs_host[0];
      gdouble norm = 0;
      for (int k = 0; k < 512; k++)
        norm += (gdouble) v[k] * v[k];
      fail_unless (norm > 1e-6 && norm < 1e12, "embedding norm %g", norm);
    } else {
      fail_unless (o->obj_user_meta_list == NULL);
      ck_assert_uint_eq (g_list_length (o->classifier_meta_list), 1);
      NvDsClassifierMeta *cm = o->classifier_meta_list->data;
      ck_assert_int_eq (cm->unique_component_id, 2);
      ck_assert_str_eq (cm->classifier_type, "embedding");
      ck_assert_uint_eq (cm->num_labels, 1);
      NvDsLabelInfo *li = cm->label_info_list->data;
      ck_assert_uint_eq (li->num_classes, 512);
      ck_assert_uint_eq (li->label_id, 0);
      fail_unless (li->result_class_id < 512);
      fail_unless (li->result_prob > 0);
    }
  }
  fail_unless (n >= 2, "only %u faces", n);
  gst_buffer_unref (out);
  gst_buffer_unref (img);
  gst_harness_teardown (h);
  remove_temp (pgie);
  remove_temp (sgie);
  g_free (img_path);
  g_free (resnet);
}

GST_START_TEST (test_secondary_tensor_meta)
{
  run_secondary (100);
}
GST_END_TEST;

GST_START_TEST (test_secondary_classifier)
{
  run_secondary (1);
}
GST_END_TEST;

/* A batch of one frame carrying one tracked object from gie 1. */
static GstBuffer *
batch_with_object (GstBuffer * img, gint w, gint hh, gint frame_num, gfloat side)
{
  GstBuffer *b = make_batch (&img, 1, w, hh, frame_num);
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (b);
  NvDsFrameMeta *f = batch->frame_meta_list->data;
  NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (batch);
  o->unique_component_id = 1;
  o->class_id = 0;
  o->object_id = 42;
  o->rect_params.left = 185;
  o->rect_params.top = 100;
  o->rect_params.width = side;
  o->rect_params.height = side;
  nvds_add_obj_meta_to_frame (f, o, NULL);
  return b;
}

static gfloat
classified_prob (GstBuffer * out)
{
  NvDsFrameMeta *f = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
  NvDsObjectMeta *o = f->obj_meta_list->data;
  fail_unless (o->classifier_meta_list != NULL, "no classifier meta on the tracked object");
  NvDsClassifierMeta *cm = o->classifier_meta_list->data;
  NvDsLabelInfo *li = cm->label_info_list->data;
  gfloat p = li->result_prob;
  gst_buffer_unref (out);
  return p;
}

/* Tracked objects: a secondary classifier re-attaches its cached result until the box grows by > 20 % or
 * secondary-reinfer-interval frames passed. A black frame shows whether inference ran again. */
GST_START_TEST (test_secondary_classifier_cache)
{
  gchar *resnet = resnet_path ();
  if (!g_file_test (resnet, G_FILE_TEST_EXISTS)) {
    g_free (resnet);
    return;
  }
  gchar *text = g_strdup_printf ("[property]\ngie-unique-id=2\nprocess-mode=2\nonnx-file=%s\n"
      "network-type=1\noperate-on-gie-id=1\nnet-scale-factor=0.0039215686\nsecondary-reinfer-interval=5\n",
      resnet);
  gchar *sgie = write_temp ("sgie.txt", text);
  g_free (text);
  GstHarness *h = new_infer_harness (sgie, NULL);
  gint w, hh;
  GstBuffer *img = load_image ("maksssksksss0.png", &w, &hh);
  GstBuffer *black = gst_buffer_new_allocate (NULL, (gsize) w * hh * 4, NULL);
  gst_buffer_memset (black, 0, 0, (gsize) w * hh * 4);
  set_batch_caps (h, w, hh, 1);
  gfloat face = classified_prob (gst_harness_push_and_pull (h, batch_with_object (img, w, hh, 0, 40)));
  /* same box, black pixels, next frame: cached */
  gfloat cached = classified_prob (gst_harness_push_and_pull (h, batch_with_object (black, w, hh, 1, 40)));
  fail_unless (cached == face, "%g != %g", cached, face);
  /* box area grew by 56 %: inferred again on black pixels */
  gfloat grown = classified_prob (gst_harness_push_and_pull (h, batch_with_object (black, w, hh, 2, 50)));
  fail_unless (grown != face);
  /* same size, face pixels, within 5 frames: cached black result */
  gfloat again = classified_prob (gst_harness_push_and_pull (h, batch_with_object (img, w, hh, 3, 50)));
  fail_unless (again == grown);
  /* more than secondary-reinfer-interval frames later: inferred again */
  gfloat late = classified_prob (gst_harness_push_and_pull (h, batch_with_object (img, w, hh, 9, 50)));
  fail_unless (late != grown);
  gst_buffer_unref (img);
  gst_buffer_unref (black);
  gst_harness_teardown (h);
  remove_temp (sgie);
  g_free (resnet);
}
GST_END_TEST;

static Suite *
infer_facemask_suite (void)
{
  Suite *s = suite_create ("infer_facemask");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 900);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_facemask_dev_set_ap);
  tcase_add_test (tc, test_yunet_dev_set_ap);
  tcase_add_test (tc, test_retinaface_dev_set_ap);
  tcase_add_test (tc, test_secondary_tensor_meta);
  tcase_add_test (tc, test_secondary_classifier);
  tcase_add_test (tc, test_secondary_classifier_cache);
  return s;
}

DSNET_CHECK_ORT_MAIN (infer_facemask);
