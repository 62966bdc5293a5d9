/* dsnetpreprocess core (GStreamer-free): nvdspreprocess config reader and unit planning, hand-checked. */
#include <gst/check/gstcheck.h>
#include <string.h>

#include "infer_config.h"
#include "preprocess_config.h"
#include "preprocess_units.h"

#define PROPERTY "[property]\nenable=1\ntarget-unique-ids=1;3\nprocessing-width=32\nprocessing-height=16\n" \
  "network-input-order=0\nnetwork-input-shape=4;3;16;32\nnetwork-color-format=1\ntensor-data-type=0\n" \
  "tensor-name=input\nscaling-pool-memory-type=0\nscaling-filter=1\n" \
  "custom-lib-path=/opt/nvidia/deepstream/deepstream/lib/gst-plugins/libcustom2d_preprocess.so\n" \
  "custom-tensor-preparation-function=CustomTensorPreparation\nmaintain-aspect-ratio=1\nsymmetric-padding=1\n"
#define USER "[user-configs]\npixel-normalization-factor=0.5\noffsets=1;2;3\n"

static DsnetPreprocessConfig *
load (const gchar * text, GError ** e)
{
  return dsnet_preprocess_config_load_from_data ("/cfg/pre.txt", text, strlen (text), e);
}

static void
assert_error (const gchar * text, const gchar * expected)
{
  GError *e = NULL;
  DsnetPreprocessConfig *c = load (text, &e);
  fail_unless (c == NULL, "loaded: %s", text);
  fail_unless (strstr (e->message, expected) != NULL, "'%s' not in '%s'", expected, e->message);
  g_error_free (e);
}

GST_START_TEST (test_config)
{
  GError *e = NULL;
  DsnetPreprocessConfig *c = load (PROPERTY USER "[group-0]\nsrc-ids=0;2\nprocess-on-roi=1\n"
      "roi-params-src-0=0;0;100;50;50;20;60;40\nroi-params-src-2=10;10;30;30\nroi-color=1;0;0;1\n"
      "[group-1]\nsrc-ids=-1\nprocess-on-roi=0\ndraw-roi=0\n[other]\nx=1\n", &e);
  fail_unless (c != NULL, "%s", e ? e->message : "");
  ck_assert_uint_eq (c->n_target_ids, 2);
  ck_assert_uint_eq (c->target_ids[1], 3);
  ck_assert_int_eq (c->shape[0], 4);
  ck_assert_int_eq (c->channels, 3);
  ck_assert_int_eq (c->color_format, 1);
  ck_assert_str_eq (c->tensor_name, "input");
  fail_unless (c->pixel_normalization_factor == 0.5 && c->n_offsets == 3 && c->offsets[2] == 3);
  ck_assert_uint_eq (c->groups->len, 2);
  const DsnetPreprocessGroup *g0 = g_ptr_array_index (c->groups, 0), *g1 = g_ptr_array_index (c->groups, 1);
  fail_unless (dsnet_preprocess_config_group_for (c, 2) == g0);
  fail_unless (dsnet_preprocess_config_group_for (c, 1) == g1);  /* -1: every other source */
  ck_assert_uint_eq (dsnet_preprocess_group_rois (g0, 0)->len, 2);
  fail_unless (dsnet_preprocess_group_rois (g0, 1) == NULL);
  fail_unless (g0->roi_color[0] == 1 && g0->roi_color[1] == 0 && g0->draw_roi && !g1->draw_roi);
  /* the default library is not loaded, and the unknown group is reported */
  ck_assert_uint_eq (c->warnings->len, 2);
  fail_unless (strstr (g_ptr_array_index (c->warnings, 0), "pre.txt:13: [property] custom-lib-path") != NULL);

  /* units: group order, first group wins, ROIs clipped to the 80x60 frame, crops rounded to even */
  const guint sources[3] = { 1, 0, 2 };
  GArray *u = g_array_new (FALSE, FALSE, sizeof (DsnetPreprocessUnit));
  dsnet_preprocess_plan_units (c, sources, 3, 80, 60, u);
  ck_assert_uint_eq (u->len, 4);
  DsnetPreprocessUnit *a = &g_array_index (u, DsnetPreprocessUnit, 0);
  ck_assert_uint_eq (a->frame, 1);      /* group 0 first: source 0 (frame 1), ROI 0 */
  fail_unless (a->roi.width == 80 && a->roi.height == 50, "%dx%d", a->roi.width, a->roi.height);
  DsnetPreprocessUnit *b = &g_array_index (u, DsnetPreprocessUnit, 1);
  fail_unless (b->roi.left == 50 && b->roi.width == 30 && b->roi.height == 40);
  DsnetPreprocessUnit *d = &g_array_index (u, DsnetPreprocessUnit, 2);
  ck_assert_uint_eq (d->frame, 2);
  DsnetPreprocessUnit *w = &g_array_index (u, DsnetPreprocessUnit, 3);
  ck_assert_uint_eq (w->frame, 0);      /* group 1: the whole frame of source 1 */
  fail_unless (w->roi.width == 80 && w->roi.height == 60 && w->group == g1);
  g_array_unref (u);

  /* an odd ROI: crop left/top up to even, width/height down to even */
  dsnet_preprocess_config_free (c);
  c = load (PROPERTY USER "[group-0]\nsrc-ids=0\nprocess-on-roi=1\nroi-params-src-0=3;5;21;11\n", &e);
  fail_unless (c != NULL);
  u = g_array_new (FALSE, FALSE, sizeof (DsnetPreprocessUnit));
  const guint zero = 0;
  dsnet_preprocess_plan_units (c, &zero, 1, 80, 60, u);
  a = &g_array_index (u, DsnetPreprocessUnit, 0);
  fail_unless (a->roi.left == 3 && a->roi.top == 5 && a->roi.width == 21 && a->roi.height == 11);
  fail_unless (a->crop_left == 4 && a->crop_top == 6 && a->crop_w == 20 && a->crop_h == 10, "%d,%d %dx%d",
      a->crop_left, a->crop_top, a->crop_w, a->crop_h);
  DsnetPreprocess pp;
  dsnet_preprocess_config_network (c, &pp);
  fail_unless (pp.net_w == 32 && pp.net_h == 16 && pp.maintain_aspect_ratio && pp.symmetric_padding
      && pp.scale == 0.5f && pp.mean[1] == 2.0f && pp.color_format == 1 && !pp.nhwc);
  ck_assert_uint_eq (dsnet_preprocess_slice_floats (c), 3 * 32 * 16);
  g_array_unref (u);
  dsnet_preprocess_config_free (c);
}
GST_END_TEST;

GST_START_TEST (test_config_errors)
{
  assert_error (USER "[group-0]\nsrc-ids=0\nprocess-on-roi=0\n", "mandatory group [property] is missing");
  assert_error ("[property]\nprocessing-width=32\n" USER, "[property] processing-height is missing");
  assert_error (PROPERTY "[group-0]\nsrc-ids=0\nprocess-on-roi=0\n",
      "[user-configs] pixel-normalization-factor is missing");
  assert_error (PROPERTY USER, "no [group-<N>] group");
  assert_error (PROPERTY USER "[group-0]\nsrc-ids=0\nprocess-on-roi=1\nroi-params-src-0=1;2;3\n",
      "pre.txt:23: [group-0] roi-params-src-0: 3 values: ROIs are left;top;width;height quadruples");
  assert_error (PROPERTY USER "[group-0]\nsrc-ids=0\nprocess-on-roi=1\n",
      "pre.txt:22: [group-0] process-on-roi: is 1 but the group has no roi-params-src-<source id> key");
  assert_error (PROPERTY USER "[group-0]\nprocess-on-roi=0\n", "[group-0] src-ids is missing");
  assert_error (PROPERTY "tensor-data-type=5\n" USER "[group-0]\nsrc-ids=0\nprocess-on-roi=0\n",
      "[property] tensor-data-type: 5: the portable runtime prepares FP32 tensors only");
  assert_error (PROPERTY "network-input-shape=4;3;32;32\n" USER "[group-0]\nsrc-ids=0\nprocess-on-roi=0\n",
      "network-input-shape: C=3 H=32 W=32 does not match");
  assert_error (PROPERTY "process-on-frame=0\n" USER "[group-0]\nsrc-ids=0\nprocess-on-roi=0\n",
      "process-on-frame: 0 (object mode) is not supported");
  assert_error (PROPERTY "[user-configs]\npixel-normalization-factor=1\noffsets=1;2\n"
      "[group-0]\nsrc-ids=0\nprocess-on-roi=0\n", "[user-configs] offsets: 2 values for 3 channel(s)");
  assert_error (PROPERTY USER "[group-0]\nsrc-ids=0\nprocess-on-roi=1\nroi-params-src-0=0;0;-5;10\n",
      "left/top must be >= 0 and width/height > 0");
}
GST_END_TEST;

/* Values GKeyFile refuses (found by fuzz_preprocess_config: they crashed the reader with a NULL string, a list
 * that is not UTF-8 was read as an empty list, an invalid escape was accepted and its GError leaked). */
static void
assert_bad_value (const gchar * good, const gchar * bad, const gchar * expected)
{
  gchar **parts = g_strsplit (PROPERTY USER "[group-0]\nsrc-ids=0\nprocess-on-roi=0\n", good, 2);
  fail_unless (parts[1] != NULL, "'%s' not in the test config", good);
  gchar *text = g_strconcat (parts[0], bad, parts[1], NULL);
  assert_error (text, expected);
  g_free (text);
  g_strfreev (parts);
}

GST_START_TEST (test_config_values_gkeyfile_refuses)
{
  assert_bad_value ("maintain-aspect-ratio=1", "maintain-aspect-ratio=\xff" "1",
      "pre.txt:15: [property] maintain-aspect-ratio: ");
  assert_bad_value ("tensor-name=input", "tensor-name=in\xffput", "pre.txt:10: [property] tensor-name: ");
  /* an invalid escape: GKeyFile returns a string and an error; the error counts (it leaked before) */
  assert_bad_value ("tensor-name=input", "tensor-name=in\\qput", "pre.txt:10: [property] tensor-name: ");
  assert_bad_value ("custom-lib-path=/opt", "custom-lib-path=\xfe/opt", "pre.txt:13: [property] custom-lib-path: ");
  assert_bad_value ("custom-tensor-preparation-function=Custom", "custom-tensor-preparation-function=\xfe" "Custom",
      "pre.txt:14: [property] custom-tensor-preparation-function: ");
  assert_bad_value ("src-ids=0", "src-ids=0;\xff", "pre.txt:21: [group-0] src-ids: ");
}
GST_END_TEST;

static Suite *
preprocess_core_suite (void)
{
  Suite *s = suite_create ("preprocess_core");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_config);
  tcase_add_test (tc, test_config_errors);
  tcase_add_test (tc, test_config_values_gkeyfile_refuses);
  return s;
}

GST_CHECK_MAIN (preprocess_core);
