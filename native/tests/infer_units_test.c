/* dsnetinfer building blocks against hand-computed values: preprocessing, parsers, clustering, mapping. */
#include <gst/check/gstcheck.h>
#include <math.h>
#include <string.h>

#include "check_ort_main.h"
#include "infer_config.h"
#include "infer_detect.h"
#include "infer_preprocess.h"

#define assert_close(a, b) fail_unless (fabs ((double) (a) - (double) (b)) < 1e-3, \
    "%s = %f, expected %f", #a, (double) (a), (double) (b))

static DsnetInferObject
obj (gint c, gfloat l, gfloat t, gfloat w, gfloat h, gfloat conf)
{
  DsnetInferObject o = { c, l, t, w, h, conf };
  return o;
}

static GArray *
objs (guint n, const DsnetInferObject * o)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  g_array_append_vals (a, o, n);
  return a;
}

#define OBJ(a, i) (&g_array_index (a, DsnetInferObject, i))

static void
assert_box (const DsnetInferObject * o, gint c, gfloat l, gfloat t, gfloat w, gfloat h, gfloat conf)
{
  ck_assert_int_eq (o->class_id, c);
  assert_close (o->left, l);
  assert_close (o->top, t);
  assert_close (o->width, w);
  assert_close (o->height, h);
  assert_close (o->confidence, conf);
}

/* ------------------------------------------------------------------------------------ preprocessing */

GST_START_TEST (test_preprocess_identity_scale_mean_order)
{
  /* 2x1 image, RGBA: (10,20,30) (40,50,60) */
  guint8 img[8] = { 10, 20, 30, 255, 40, 50, 60, 255 };
  DsnetPreprocess pp = { 2, 1, 3, DSNET_COLOR_RGB, FALSE, FALSE, FALSE, 0.5f, {10, 20, 30, 0} };
  gfloat out[6];
  DsnetScaleInfo si;
  dsnet_preprocess_rgba (&pp, img, 8, 0, 0, 2, 1, out, &si);
  /* planar: R plane, G plane, B plane; y = 0.5 * (x - mean) */
  const gfloat planar[6] = { 0, 15, 0, 15, 0, 15 };
  for (int i = 0; i < 6; i++)
    assert_close (out[i], planar[i]);
  assert_close (si.ratio_x, 1.0);
  /* BGR, packed */
  pp.color_format = DSNET_COLOR_BGR;
  pp.nhwc = TRUE;
  pp.mean[0] = pp.mean[1] = pp.mean[2] = 0;
  pp.scale = 1.0f;
  dsnet_preprocess_rgba (&pp, img, 8, 0, 0, 2, 1, out, NULL);
  const gfloat packed[6] = { 30, 20, 10, 60, 50, 40 };
  for (int i = 0; i < 6; i++)
    assert_close (out[i], packed[i]);
  /* GRAY: BT.601 luma */
  pp.channels = 1;
  pp.color_format = DSNET_COLOR_GRAY;
  pp.nhwc = FALSE;
  dsnet_preprocess_rgba (&pp, img, 8, 0, 0, 2, 1, out, NULL);
  assert_close (out[0], 0.299 * 10 + 0.587 * 20 + 0.114 * 30);
}
GST_END_TEST;

GST_START_TEST (test_preprocess_bilinear_downscale_and_crop)
{
  /* 4x2 image, R channel = 0, 10, 20, 30 on row 0 and 40, 50, 60, 70 on row 1 */
  guint8 img[4 * 2 * 4];
  memset (img, 0, sizeof (img));
  for (int y = 0; y < 2; y++)
    for (int x = 0; x < 4; x++)
      img[(y * 4 + x) * 4] = (guint8) (40 * y + 10 * x);
  DsnetPreprocess pp = { 2, 1, 3, DSNET_COLOR_RGB, FALSE, FALSE, FALSE, 1.0f, {0} };
  gfloat out[6];
  dsnet_preprocess_rgba (&pp, img, 16, 0, 0, 4, 2, out, NULL);
  /* pixel-centre sampling: x = 0.5 and 2.5, y = 0.5 → mean of 2x2 blocks */
  assert_close (out[0], (0 + 10 + 40 + 50) / 4.0);
  assert_close (out[1], (20 + 30 + 60 + 70) / 4.0);
  /* crop (2,0,2,2) into 1x1 */
  pp.net_w = 1;
  dsnet_preprocess_rgba (&pp, img, 16, 2, 0, 2, 2, out, NULL);
  assert_close (out[0], (20 + 30 + 60 + 70) / 4.0);
}
GST_END_TEST;

GST_START_TEST (test_preprocess_letterbox)
{
  DsnetPreprocess pp = { 100, 100, 3, DSNET_COLOR_RGB, FALSE, TRUE, FALSE, 1.0f, {0} };
  DsnetScaleInfo si;
  dsnet_preprocess_compute_scale (&pp, 200, 100, &si);
  ck_assert_int_eq (si.scaled_w, 100);
  ck_assert_int_eq (si.scaled_h, 50);
  ck_assert_int_eq (si.offset_top, 0);
  assert_close (si.ratio_x, 0.5);
  pp.symmetric_padding = TRUE;
  dsnet_preprocess_compute_scale (&pp, 200, 100, &si);
  ck_assert_int_eq (si.offset_top, 25);
  ck_assert_int_eq (si.offset_left, 0);
  /* tall source: width limited, truncated to integers */
  dsnet_preprocess_compute_scale (&pp, 30, 100, &si);
  ck_assert_int_eq (si.scaled_w, 30);
  ck_assert_int_eq (si.scaled_h, 100);
  ck_assert_int_eq (si.offset_left, 35);

  /* padding is black (0) before normalisation: y = scale * (0 - mean) */
  DsnetPreprocess p2 = { 2, 2, 3, DSNET_COLOR_RGB, FALSE, TRUE, FALSE, 2.0f, {1, 2, 3, 0} };
  guint8 img[2 * 1 * 4] = { 11, 12, 13, 255, 11, 12, 13, 255 };
  gfloat out[12];
  dsnet_preprocess_rgba (&p2, img, 8, 0, 0, 2, 1, out, &si);
  ck_assert_int_eq (si.scaled_h, 1);
  assert_close (out[0], 20);    /* R row 0 */
  assert_close (out[2], -2);    /* R row 1 = padding */
  assert_close (out[4 + 3], -4);        /* G padding */
  assert_close (out[8 + 3], -6);        /* B padding */
}
GST_END_TEST;

GST_START_TEST (test_round_rect)
{
  gint l, t, w, h;
  dsnet_preprocess_round_rect (100, 100, 3.2, 5.0, 21.9, 17.5, &l, &t, &w, &h);
  ck_assert_int_eq (l, 4);
  ck_assert_int_eq (t, 6);
  ck_assert_int_eq (w, 20);
  ck_assert_int_eq (h, 16);
  dsnet_preprocess_round_rect (100, 100, 90, 95, 50, 50, &l, &t, &w, &h);
  ck_assert_int_eq (l, 90);
  ck_assert_int_eq (t, 96);
  ck_assert_int_eq (w, 10);
  ck_assert_int_eq (h, 4);
}
GST_END_TEST;

/* ------------------------------------------------------------------------------------------ parsers */

GST_START_TEST (test_detectnet_v2_decode)
{
  /* net 32x16, grid 1x2 → stride 16; one class */
  const gfloat cov[2] = { 0.9f, 0.8f };
  /* planes x1, y1, x2, y2 for cells w=0 and w=1 */
  const gfloat bbox[8] = { -0.1f, -0.1f, -0.1f, 0.2f, 0.3f, 0.5f, 0.4f, 1.0f };
  const gdouble thr[1] = { 0.5 };
  DsnetDetectParams p = { 32, 16, 1, thr };
  GArray *out = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  GError *e = NULL;
  fail_unless (dsnet_parse_detectnet_v2 (&p, cov, 1, 1, 2, bbox, 4, 1, 2, out, &e));
  ck_assert_uint_eq (out->len, 2);
  /* cell 0: X1 = 0.5 + 3.5 = 4, Y1 = 4, X2 = 0.5 + 10.5 = 11, Y2 = 0.5 + 14 = 14.5 */
  assert_box (OBJ (out, 0), 0, 4, 4, 7, 10.5, 0.9f);
  /* cell 1: X1 = 16.5 + 3.5 = 20, Y1 = 0.5 - 7 → 0, X2 = 16.5 + 17.5 = 34 → 31, Y2 = 35.5 → 15 */
  assert_box (OBJ (out, 1), 0, 20, 0, 11, 15, 0.8f);

  /* threshold per class; num-detected-classes limits the classes read */
  g_array_set_size (out, 0);
  const gdouble thr2[1] = { 0.85 };
  p.pre_threshold = thr2;
  fail_unless (dsnet_parse_detectnet_v2 (&p, cov, 1, 1, 2, bbox, 4, 1, 2, out, &e));
  ck_assert_uint_eq (out->len, 1);
  p.num_classes = 0;
  g_array_set_size (out, 0);
  fail_unless (dsnet_parse_detectnet_v2 (&p, cov, 1, 1, 2, bbox, 4, 1, 2, out, &e));
  ck_assert_uint_eq (out->len, 0);

  /* inconsistent shapes */
  p.num_classes = 1;
  fail_if (dsnet_parse_detectnet_v2 (&p, cov, 1, 1, 2, bbox, 2, 1, 2, out, &e));
  fail_unless (strstr (e->message, "does not match") != NULL, "%s", e->message);
  g_clear_error (&e);
  g_array_unref (out);
}
GST_END_TEST;

/* ---------------------------------------------------------------------------------------- clustering */

GST_START_TEST (test_iou)
{
  DsnetInferObject a = obj (0, 0, 0, 10, 10, 1), b = obj (0, 1, 1, 10, 10, 1), z = obj (0, 5, 5, 0, 0, 1);
  assert_close (dsnet_iou (&a, &b), 81.0 / 119.0);
  assert_close (dsnet_iou (&z, &z), 0.0);
}
GST_END_TEST;

GST_START_TEST (test_nms)
{
  const DsnetInferObject in[] = {
    obj (0, 20, 20, 10, 10, 0.7f), obj (0, 0, 0, 10, 10, 0.9f), obj (0, 1, 1, 10, 10, 0.8f),
    obj (0, 0, 0, 10, 10, 0.9f), obj (0, 50, 50, 10, 10, 0.75f),
  };
  GArray *a = objs (5, in);
  dsnet_cluster_nms (a, 0.5, 0.0, -1);
  ck_assert_uint_eq (a->len, 3);
  assert_box (OBJ (a, 0), 0, 0, 0, 10, 10, 0.9f);
  assert_box (OBJ (a, 1), 0, 50, 50, 10, 10, 0.75f);
  assert_box (OBJ (a, 2), 0, 20, 20, 10, 10, 0.7f);
  g_array_unref (a);
  /* post-cluster-threshold keeps only confidences strictly above it; topk after */
  a = objs (5, in);
  dsnet_cluster_nms (a, 0.5, 0.7, -1);
  ck_assert_uint_eq (a->len, 2);
  g_array_unref (a);
  a = objs (5, in);
  dsnet_cluster_nms (a, 0.5, 0.0, 1);
  ck_assert_uint_eq (a->len, 1);
  g_array_unref (a);
  /* IoU limit 0.7: the 0.68-overlap box survives */
  a = objs (5, in);
  dsnet_cluster_nms (a, 0.7, 0.0, -1);
  ck_assert_uint_eq (a->len, 4);
  g_array_unref (a);
}
GST_END_TEST;

GST_START_TEST (test_dbscan)
{
  DsnetInferClassAttrs at;
  memset (&at, 0, sizeof (at));
  at.eps = 0.3;                 /* neighbours: IoU >= 0.7 */
  at.min_boxes = 2;
  const DsnetInferObject in[] = {
    obj (0, 0, 0, 10, 10, 0.6f), obj (0, 1, 0, 10, 10, 0.2f), obj (0, 0, 1, 10, 10, 0.2f),
    obj (0, 40, 40, 10, 10, 0.9f),
  };
  GArray *a = objs (4, in);
  dsnet_cluster_dbscan (a, &at, TRUE);
  ck_assert_uint_eq (a->len, 1);        /* isolated box is noise */
  /* confidence-weighted mean: left = (0*.6 + 1*.2 + 0*.2)/1 = 0.2; top = 0.2; confidence = max */
  assert_box (OBJ (a, 0), 0, 0.2f, 0.2f, 10, 10, 0.6f);
  g_array_unref (a);

  /* dbscan-min-score: the cluster's summed confidence must reach it */
  at.dbscan_min_score = 1.5;
  a = objs (4, in);
  dsnet_cluster_dbscan (a, &at, TRUE);
  ck_assert_uint_eq (a->len, 0);
  g_array_unref (a);

  /* hybrid pass: members kept, noise dropped */
  at.dbscan_min_score = 0;
  a = objs (4, in);
  dsnet_cluster_dbscan (a, &at, FALSE);
  ck_assert_uint_eq (a->len, 3);
  g_array_unref (a);

  /* area-to-hit ratio: one 200x200 hit (√area / hits = 200 > 60) is dropped, a 50x50 one kept */
  at.min_boxes = 1;
  const DsnetInferObject big[] = { obj (0, 0, 0, 200, 200, 0.9f), obj (0, 300, 300, 50, 50, 0.9f) };
  a = objs (2, big);
  dsnet_cluster_dbscan (a, &at, TRUE);
  ck_assert_uint_eq (a->len, 1);
  assert_close (OBJ (a, 0)->width, 50);
  g_array_unref (a);
}
GST_END_TEST;

static DsnetInferConfig *
cluster_cfg (gint mode)
{
  DsnetInferConfig *c = dsnet_infer_config_new_default ();
  c->cluster_mode = mode;
  c->num_detected_classes = 2;
  dsnet_infer_config_resize_class_attrs (c, 2);
  return c;
}

GST_START_TEST (test_cluster_modes)
{
  /* two classes, interleaved; overlapping pairs */
  const DsnetInferObject in[] = {
    obj (1, 0, 0, 10, 10, 0.5f), obj (0, 0, 0, 10, 10, 0.9f), obj (0, 1, 1, 10, 10, 0.8f),
    obj (1, 0, 1, 10, 10, 0.6f), obj (0, 100, 100, 10, 10, 0.1f),
  };
  GArray *raw, *out;

  /* mode 2 NMS with the class attributes (default IoU 0.3) */
  DsnetInferConfig *c = cluster_cfg (DSNET_CLUSTER_NMS);
  raw = objs (5, in);
  out = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  dsnet_cluster (c, raw, out);
  ck_assert_uint_eq (out->len, 3);
  assert_box (OBJ (out, 0), 0, 0, 0, 10, 10, 0.9f);      /* grouped by class, ascending */
  assert_box (OBJ (out, 1), 0, 100, 100, 10, 10, 0.1f);
  assert_box (OBJ (out, 2), 1, 0, 1, 10, 10, 0.6f);
  g_array_unref (out);
  g_array_unref (raw);
  /* per-class topk */
  c->class_attrs[0].topk = 1;
  raw = objs (5, in);
  out = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  dsnet_cluster (c, raw, out);
  ck_assert_uint_eq (out->len, 2);
  g_array_unref (out);
  g_array_unref (raw);
  dsnet_infer_config_free (c);

  /* mode 4: no clustering, topk only */
  c = cluster_cfg (DSNET_CLUSTER_NONE);
  raw = objs (5, in);
  out = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  dsnet_cluster (c, raw, out);
  ck_assert_uint_eq (out->len, 5);
  assert_close (OBJ (out, 0)->confidence, 0.9f);        /* class 0 first, input order kept */
  assert_close (OBJ (out, 3)->confidence, 0.5f);
  g_array_unref (out);
  g_array_unref (raw);
  dsnet_infer_config_free (c);

  /* mode 0: NMS with IoU 0.5 and topk 20 (IoU of the class-0 pair is 0.68 → merged; class-1 pair 0.82) */
  c = cluster_cfg (DSNET_CLUSTER_GROUP_RECTANGLES);
  c->class_attrs[0].nms_iou_threshold = 0.9;    /* ignored in mode 0 */
  raw = objs (5, in);
  out = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  dsnet_cluster (c, raw, out);
  ck_assert_uint_eq (out->len, 3);
  g_array_unref (out);
  g_array_unref (raw);
  dsnet_infer_config_free (c);

  /* mode 1: DBSCAN only when minBoxes > 0, then post-cluster-threshold (>=) */
  c = cluster_cfg (DSNET_CLUSTER_DBSCAN);
  c->class_attrs[0].post_cluster_threshold = 0.1;
  raw = objs (5, in);
  out = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  dsnet_cluster (c, raw, out);
  ck_assert_uint_eq (out->len, 5);      /* minBoxes = 0: raw boxes pass (0.1 >= 0.1 kept) */
  g_array_unref (out);
  g_array_unref (raw);
  c->class_attrs[0].min_boxes = 2;
  c->class_attrs[0].eps = 0.4;
  raw = objs (5, in);
  out = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  dsnet_cluster (c, raw, out);
  ck_assert_uint_eq (out->len, 3);      /* class 0: one averaged box (isolated one is noise); class 1 raw */
  assert_close (OBJ (out, 0)->left, 0.8f / 1.7f);
  assert_close (OBJ (out, 0)->confidence, 0.9f);
  g_array_unref (out);
  g_array_unref (raw);
  dsnet_infer_config_free (c);

  /* mode 3: hybrid — DBSCAN drops the noise box, NMS then keeps the best of the cluster */
  c = cluster_cfg (DSNET_CLUSTER_DBSCAN_NMS_HYBRID);
  c->class_attrs[0].min_boxes = 2;
  c->class_attrs[0].eps = 0.4;
  raw = objs (5, in);
  out = g_array_new (FALSE, FALSE, sizeof (DsnetInferObject));
  dsnet_cluster (c, raw, out);
  ck_assert_uint_eq (out->len, 2);
  assert_box (OBJ (out, 0), 0, 0, 0, 10, 10, 0.9f);
  assert_box (OBJ (out, 1), 1, 0, 1, 10, 10, 0.6f);
  g_array_unref (out);
  g_array_unref (raw);
  dsnet_infer_config_free (c);
}
GST_END_TEST;

/* ------------------------------------------------------------------------------------ back-mapping */

GST_START_TEST (test_map_object)
{
  DsnetInferConfig *c = cluster_cfg (DSNET_CLUSTER_NMS);
  DsnetPreprocess pp = { 100, 100, 3, DSNET_COLOR_RGB, FALSE, TRUE, TRUE, 1.0f, {0} };
  DsnetScaleInfo si;
  dsnet_preprocess_compute_scale (&pp, 200, 100, &si);  /* letterbox: 100x50 at top 25, ratio 0.5 */
  DsnetInferObject o = obj (0, 10, 35, 20, 10, 0.9f);
  fail_unless (dsnet_map_object (c, &si, 0, 0, 200, 100, &o));
  assert_box (&o, 0, 20, 20, 40, 20, 0.9f);
  /* negative left/top become 0; secondary-mode parent offset added afterwards */
  o = obj (0, 0, 20, 20, 10, 0.9f);
  fail_unless (dsnet_map_object (c, &si, 5, 7, 200, 100, &o));
  assert_box (&o, 0, 5, 7, 40, 20, 0.9f);
  /* stretch mode */
  pp.maintain_aspect_ratio = FALSE;
  dsnet_preprocess_compute_scale (&pp, 200, 50, &si);
  o = obj (1, 10, 10, 10, 10, 0.9f);
  fail_unless (dsnet_map_object (c, &si, 0, 0, 200, 50, &o));
  assert_box (&o, 1, 20, 5, 20, 5, 0.9f);

  /* filters */
  c->class_attrs[1].detected_min_w = 21;
  o = obj (1, 10, 10, 10, 10, 0.9f);
  fail_if (dsnet_map_object (c, &si, 0, 0, 200, 50, &o));
  c->class_attrs[1].detected_min_w = 0;
  c->class_attrs[1].detected_max_h = 4;
  o = obj (1, 10, 10, 10, 10, 0.9f);
  fail_if (dsnet_map_object (c, &si, 0, 0, 200, 50, &o));
  c->class_attrs[1].detected_max_h = 0;
  c->class_attrs[1].roi_top_offset = 6;
  o = obj (1, 10, 10, 10, 10, 0.9f);
  fail_if (dsnet_map_object (c, &si, 0, 0, 200, 50, &o));
  c->crop_objects_to_roi_boundary = TRUE;       /* clamp instead of dropping */
  o = obj (1, 10, 10, 10, 10, 0.9f);
  fail_unless (dsnet_map_object (c, &si, 0, 0, 200, 50, &o));
  assert_box (&o, 1, 20, 6, 20, 4, 0.9f);
  c->crop_objects_to_roi_boundary = FALSE;
  c->class_attrs[1].roi_top_offset = 0;
  c->class_attrs[1].roi_bottom_offset = 41;     /* bottom limit 9 < 10 */
  o = obj (1, 10, 10, 10, 10, 0.9f);
  fail_if (dsnet_map_object (c, &si, 0, 0, 200, 50, &o));
  c->class_attrs[1].roi_bottom_offset = 0;
  c->filter_out_class_ids = g_new (gint, 1);
  c->filter_out_class_ids[0] = 1;
  c->n_filter_out_class_ids = 1;
  o = obj (1, 10, 10, 10, 10, 0.9f);
  fail_if (dsnet_map_object (c, &si, 0, 0, 200, 50, &o));
  dsnet_infer_config_free (c);
}
GST_END_TEST;

static Suite *
infer_units_suite (void)
{
  Suite *s = suite_create ("infer_units");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_preprocess_identity_scale_mean_order);
  tcase_add_test (tc, test_preprocess_bilinear_downscale_and_crop);
  tcase_add_test (tc, test_preprocess_letterbox);
  tcase_add_test (tc, test_round_rect);
  tcase_add_test (tc, test_detectnet_v2_decode);
  tcase_add_test (tc, test_iou);
  tcase_add_test (tc, test_nms);
  tcase_add_test (tc, test_dbscan);
  tcase_add_test (tc, test_cluster_modes);
  tcase_add_test (tc, test_map_object);
  return s;
}

DSNET_CHECK_ORT_MAIN (infer_units);
