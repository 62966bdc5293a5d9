/* libdsnet_parsers.so called the way nvinfer calls it, with hand-made layers and hand-computed boxes. */
#include <gst/check/gstcheck.h>

#include <cmath>
#include <vector>

#include "nvdsinfer_custom_impl.h"

extern "C" bool NvDsInferParseCustomSSDNormalized (std::vector<NvDsInferLayerInfo> const &,
    NvDsInferNetworkInfo const &, NvDsInferParseDetectionParams const &,
    std::vector<NvDsInferObjectDetectionInfo> &);
extern "C" bool NvDsInferParseUltraFaceMask (std::vector<NvDsInferLayerInfo> const &,
    NvDsInferNetworkInfo const &, NvDsInferParseDetectionParams const &,
    std::vector<NvDsInferObjectDetectionInfo> &);
extern "C" bool NvDsInferParseUltraFaceFace (std::vector<NvDsInferLayerInfo> const &,
    NvDsInferNetworkInfo const &, NvDsInferParseDetectionParams const &,
    std::vector<NvDsInferObjectDetectionInfo> &);
extern "C" bool NvDsInferParseYuNet (std::vector<NvDsInferLayerInfo> const &, NvDsInferNetworkInfo const &,
    NvDsInferParseDetectionParams const &, std::vector<NvDsInferObjectDetectionInfo> &);
extern "C" bool NvDsInferParseRetinaFace (std::vector<NvDsInferLayerInfo> const &,
    NvDsInferNetworkInfo const &, NvDsInferParseDetectionParams const &,
    std::vector<NvDsInferObjectDetectionInfo> &);

static NvDsInferLayerInfo
layer (const char *name, std::vector<float> &data, unsigned rows, unsigned cols)
{
  NvDsInferLayerInfo l;
  memset (&l, 0, sizeof (l));
  l.dataType = FLOAT;
  l.inferDims.numDims = 2;
  l.inferDims.d[0] = rows;
  l.inferDims.d[1] = cols;
  l.inferDims.numElements = rows * cols;
  l.layerName = name;
  l.buffer = data.data ();
  return l;
}

static NvDsInferParseDetectionParams
params (unsigned classes, float threshold)
{
  NvDsInferParseDetectionParams p;
  p.numClassesConfigured = classes;
  p.perClassPreclusterThreshold.assign (classes, threshold);
  p.perClassPostclusterThreshold.assign (classes, 0.f);
  return p;
}

static void
assert_box (const NvDsInferObjectDetectionInfo &o, unsigned cls, float l, float t, float w, float h, float c)
{
  ck_assert_uint_eq (o.classId, cls);
  fail_unless (std::fabs (o.left - l) < 1e-4 && std::fabs (o.top - t) < 1e-4 && std::fabs (o.width - w) < 1e-4
      && std::fabs (o.height - h) < 1e-4 && std::fabs (o.detectionConfidence - c) < 1e-5,
      "box %u %f,%f %fx%f %f", o.classId, o.left, o.top, o.width, o.height, o.detectionConfidence);
}

/* YuNet's 12 zeroed outputs cls/obj/bbox/kps for strides 8, 16, 32 with cells[s] grid cells each; store[s * 4 + k]. */
static void
yunet_layers (std::vector<std::vector<float>> &store, std::vector<NvDsInferLayerInfo> &layers, const unsigned cells[3])
{
  static const char *names[12] = { "cls_8", "obj_8", "bbox_8", "kps_8", "cls_16", "obj_16", "bbox_16",
    "kps_16", "cls_32", "obj_32", "bbox_32", "kps_32"
  };
  const unsigned widths[4] = { 1, 1, 4, 10 };
  store.reserve (12);
  for (unsigned s = 0; s < 3; s++)
    for (unsigned k = 0; k < 4; k++) {
      store.emplace_back (cells[s] * widths[k], 0.f);
      layers.push_back (layer (names[s * 4 + k], store.back (), cells[s], widths[k]));
    }
}

GST_START_TEST (test_ultraface_and_ssd)
{
  std::vector<float> scores = { 0.1f, 0.2f, 0.7f, 0.1f, 0.8f, 0.1f, 0.6f, 0.3f, 0.1f };
  std::vector<float> boxes = { 0.1f, 0.2f, 0.5f, 0.6f, -0.1f, 0.5f, 0.3f, 1.2f, 0, 0, 1, 1 };
  std::vector<NvDsInferLayerInfo> layers = { layer ("scores", scores, 3, 3), layer ("boxes", boxes, 3, 4) };
  NvDsInferNetworkInfo net = { 100, 50, 3 };
  auto p = params (2, 0.5f);
  std::vector<NvDsInferObjectDetectionInfo> out;
  /* mask = masked_face (column 2), no-mask = face (column 1) */
  fail_unless (NvDsInferParseUltraFaceMask (layers, net, p, out));
  ck_assert_uint_eq (out.size (), 2);
  assert_box (out[0], 0, 10, 10, 40, 20, 0.7f);
  assert_box (out[1], 1, 0, 25, 30, 25, 0.8f);  /* clamped to the network size */
  /* generic SSD: column 0 is background when there are more columns than classes */
  out.clear ();
  fail_unless (NvDsInferParseCustomSSDNormalized (layers, net, p, out));
  ck_assert_uint_eq (out.size (), 2);
  ck_assert_uint_eq (out[0].classId, 1);
  ck_assert_uint_eq (out[1].classId, 0);
  /* one class "face" = face + masked_face: rows 0 (0.9), 1 (0.9), 2 (0.4 < 0.5) */
  out.clear ();
  auto one = params (1, 0.5f);
  fail_unless (NvDsInferParseUltraFaceFace (layers, net, one, out));
  ck_assert_uint_eq (out.size (), 2);
  assert_box (out[0], 0, 10, 10, 40, 20, 0.9f);
  /* wrong shapes: false */
  std::vector<NvDsInferLayerInfo> bad = { layer ("scores", scores, 3, 3), layer ("boxes", boxes, 4, 3) };
  fail_if (NvDsInferParseUltraFaceMask (bad, net, p, out));
  std::vector<float> two (6, 0.5f);
  std::vector<NvDsInferLayerInfo> narrow = { layer ("scores", two, 3, 2), layer ("boxes", boxes, 3, 4) };
  fail_if (NvDsInferParseUltraFaceMask (narrow, net, p, out));  /* needs column 2 */
}
GST_END_TEST;

GST_START_TEST (test_yunet)
{
  /* 32x32 network: strides 8 (16 cells), 16 (4 cells), 32 (1 cell) */
  std::vector<std::vector<float>> store;
  std::vector<NvDsInferLayerInfo> layers;
  const unsigned cells[3] = { 16, 4, 1 };
  yunet_layers (store, layers, cells);
  /* stride 16, row 1, column 0 (cell 2): cls 0.9 × obj 0.8; centre (0.5, 0.5) cells, size e^0 × 16 */
  store[4][2] = 0.9f;
  store[5][2] = 0.8f;
  float *b = &store[6][2 * 4];
  b[0] = 0.5f;
  b[1] = 0.5f;
  std::vector<NvDsInferObjectDetectionInfo> out;
  NvDsInferNetworkInfo net = { 32, 32, 3 };
  fail_unless (NvDsInferParseYuNet (layers, net, params (1, 0.5f), out));
  ck_assert_uint_eq (out.size (), 1);
  assert_box (out[0], 0, 0, 16, 16, 16, 0.72f);
  layers.pop_back ();
  layers.erase (layers.begin () + 8);           /* cls_32 missing */
  fail_if (NvDsInferParseYuNet (layers, net, params (1, 0.5f), out));
}
GST_END_TEST;

/* A non-square network (64x32, like a 640x384 YuNet): the grid is W/s columns by H/s rows, row-major. */
GST_START_TEST (test_yunet_wide)
{
  std::vector<std::vector<float>> store;
  std::vector<NvDsInferLayerInfo> layers;
  const unsigned cells[3] = { 8 * 4, 4 * 2, 2 * 1 };
  yunet_layers (store, layers, cells);
  /* stride 16, cell 5 = row 1, column 1 of the 4x2 grid; centre (1.5, 1.5) cells, size e^0 × 16 */
  store[4][5] = 1.f;
  store[5][5] = 1.f;
  float *b = &store[6][5 * 4];
  b[0] = 0.5f;
  b[1] = 0.5f;
  /* stride 32, cell 1 = row 0, column 1; centre (1.5, 0.5) cells, size e^0 × 32 (clipped to the 64x32 network) */
  store[8][1] = 1.f;
  store[9][1] = 1.f;
  b = &store[10][1 * 4];
  b[0] = 0.5f;
  b[1] = 0.5f;
  std::vector<NvDsInferObjectDetectionInfo> out;
  NvDsInferNetworkInfo net = { 64, 32, 3 };
  fail_unless (NvDsInferParseYuNet (layers, net, params (1, 0.5f), out));
  ck_assert_uint_eq (out.size (), 2);
  assert_box (out[0], 0, 16, 16, 16, 16, 1.f);
  assert_box (out[1], 0, 32, 0, 32, 32, 1.f);
  /* layers of a 64x32 network given as 64x64: the sizes do not match its grid, refused */
  NvDsInferNetworkInfo square = { 64, 64, 3 };
  fail_if (NvDsInferParseYuNet (layers, square, params (1, 0.5f), out));
}
GST_END_TEST;

GST_START_TEST (test_retinaface)
{
  /* 32x32 network: 4·4·2 + 2·2·2 + 1·1·2 = 42 priors of 16 values */
  std::vector<float> data (42 * 16, 0.f);
  for (unsigned k = 0; k < 42; k++)
    data[k * 16 + 4] = 5.f;     /* background */
  /* stride 8, row 1, column 2, min size 16: prior (20, 12) 16×16 */
  float *o = &data[((1 * 4 + 2) * 2 + 0) * 16];
  o[0] = 0.5f;                  /* cx = 20 + 0.5·0.1·16 = 20.8 */
  o[1] = -1.f;                  /* cy = 12 − 1.6 = 10.4 */
  o[3] = std::log (2.f) / 0.2f; /* h = 32 */
  o[4] = 0.f;
  o[5] = std::log (3.f);        /* softmax: 0.75 */
  std::vector<NvDsInferLayerInfo> layers = { layer ("output0", data, 42, 16) };
  std::vector<NvDsInferObjectDetectionInfo> out;
  NvDsInferNetworkInfo net = { 32, 32, 3 };
  fail_unless (NvDsInferParseRetinaFace (layers, net, params (1, 0.5f), out));
  ck_assert_uint_eq (out.size (), 1);
  assert_box (out[0], 0, 12.8f, 0, 16, 26.4f, 0.75f);
  NvDsInferNetworkInfo other = { 64, 32, 3 };   /* wrong prior count for this size */
  fail_if (NvDsInferParseRetinaFace (layers, other, params (1, 0.5f), out));
}
GST_END_TEST;

/* NaN in a model's output gives no object instead of a NaN box or confidence (found by fuzz_parsers). */
GST_START_TEST (test_nan_outputs_give_no_object)
{
  const float nan = std::nanf ("");
  NvDsInferNetworkInfo net = { 32, 32, 3 };
  std::vector<NvDsInferObjectDetectionInfo> out;
  /* SSD / UltraFace: a NaN box coordinate, then a NaN score */
  std::vector<float> scores = { 0.f, 0.9f, 0.9f };
  std::vector<float> boxes = { 0.1f, nan, 0.5f, 0.6f };
  std::vector<NvDsInferLayerInfo> layers = { layer ("scores", scores, 1, 3), layer ("boxes", boxes, 1, 4) };
  fail_unless (NvDsInferParseUltraFaceMask (layers, net, params (2, 0.5f), out));
  fail_unless (NvDsInferParseCustomSSDNormalized (layers, net, params (2, 0.5f), out));
  fail_unless (NvDsInferParseUltraFaceFace (layers, net, params (1, 0.5f), out));
  boxes[1] = 0.2f;
  scores = { 0.f, nan, nan };
  layers = { layer ("scores", scores, 1, 3), layer ("boxes", boxes, 1, 4) };
  fail_unless (NvDsInferParseUltraFaceMask (layers, net, params (2, 0.5f), out));
  fail_unless (NvDsInferParseUltraFaceFace (layers, net, params (1, 0.f), out));
  ck_assert_uint_eq (out.size (), 0);

  /* RetinaFace: NaN logits of one prior, a NaN box delta of another */
  std::vector<float> data (42 * 16, 0.f);
  for (unsigned k = 0; k < 42; k++)
    data[k * 16 + 4] = 5.f;
  data[0 * 16 + 5] = nan;
  data[1 * 16 + 4] = 0.f;
  data[1 * 16 + 5] = 5.f;
  data[1 * 16 + 2] = nan;
  layers = { layer ("output0", data, 42, 16) };
  fail_unless (NvDsInferParseRetinaFace (layers, net, params (1, 0.5f), out));
  ck_assert_uint_eq (out.size (), 0);

  /* YuNet: NaN class score in one cell, NaN box size in another */
  static const char *names[9] = { "cls_8", "obj_8", "bbox_8", "cls_16", "obj_16", "bbox_16", "cls_32", "obj_32",
    "bbox_32" };
  const unsigned cells[3] = { 16, 4, 1 }, widths[3] = { 1, 1, 4 };
  std::vector<std::vector<float>> store;
  store.reserve (9);
  layers.clear ();
  for (unsigned k = 0; k < 3; k++)
    for (unsigned h = 0; h < 3; h++) {
      store.emplace_back (cells[k] * widths[h], 0.f);
      layers.push_back (layer (names[k * 3 + h], store.back (), cells[k], widths[h]));
    }
  store[0][0] = nan;
  store[1][0] = 1.f;
  store[3][1] = 1.f;
  store[4][1] = 1.f;
  store[5][1 * 4 + 2] = nan;
  fail_unless (NvDsInferParseYuNet (layers, net, params (1, 0.5f), out));
  ck_assert_uint_eq (out.size (), 0);
}
GST_END_TEST;

static Suite *
parsers_unit_suite (void)
{
  Suite *s = suite_create ("parsers_unit");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_ultraface_and_ssd);
  tcase_add_test (tc, test_yunet);
  tcase_add_test (tc, test_yunet_wide);
  tcase_add_test (tc, test_retinaface);
  tcase_add_test (tc, test_nan_outputs_give_no_object);
  return s;
}

GST_CHECK_MAIN (parsers_unit);
