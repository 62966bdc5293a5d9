/*
 * Anchor-based face detectors with raw head outputs (class 0 = face). Decoding follows each model's
 * MANIFEST in shared/assets/models. Both were trained on WIDER FACE, whose annotations are for
 * non-commercial research: check before commercial use.
 *  - YuNet-n (ShiqiYu/libfacedetection.train, Apache-2.0): BGR 0–255, keep aspect ratio, pad right/bottom.
 *  - RetinaFace MobileNet-0.25 (biubug6/Pytorch_Retinaface, MIT): BGR minus (104, 117, 123), keep aspect
 *    ratio, pad right/bottom.
 */
#include <algorithm>
#include <cmath>

#include "parser_layers.h"

using namespace dsnet_parsers;

namespace
{

const unsigned STRIDES[3] = { 8, 16, 32 };

void
push_face (std::vector<NvDsInferObjectDetectionInfo> &objects, const NvDsInferNetworkInfo &net, float cx,
    float cy, float w, float h, float conf)
{
  const float W = (float) net.width, H = (float) net.height;
  float x1 = std::clamp (cx - w / 2, 0.f, W), y1 = std::clamp (cy - h / 2, 0.f, H);
  float x2 = std::clamp (cx + w / 2, 0.f, W), y2 = std::clamp (cy + h / 2, 0.f, H);
  /* written so that NaN fails: a model that outputs NaN gives no object, not a NaN box */
  if (!(x2 - x1 > 0 && y2 - y1 > 0) || !std::isfinite (conf))
    return;
  objects.push_back ({0u, x1, y1, x2 - x1, y2 - y1, conf});
}

/* A [rows, cols] float output named `name` with rows == expected; nullptr otherwise. */
const float *
head (const char *who, std::vector<NvDsInferLayerInfo> const &layers, const std::string &name, unsigned rows,
    unsigned cols)
{
  const NvDsInferLayerInfo *l = layer_named (layers, name.c_str ());
  unsigned r = 0, c = 0;
  if (l == nullptr || !matrix_shape (*l, r, c) || r != rows || c != cols) {
    fail (who, "output '" + name + "' [" + std::to_string (rows) + "," + std::to_string (cols)
        + "] expected (network " + "input size must be a multiple of 32)");
    return nullptr;
  }
  return static_cast<const float *> (l->buffer);
}

}  // namespace

/* YuNet: per stride s in 8/16/32 outputs cls_s, obj_s [N,1], bbox_s [N,4]; N = (H/s)·(W/s), row-major. */
extern "C" bool
NvDsInferParseYuNet (std::vector<NvDsInferLayerInfo> const &layers, NvDsInferNetworkInfo const &net,
    NvDsInferParseDetectionParams const &params, std::vector<NvDsInferObjectDetectionInfo> &objects)
{
  const char *who = "NvDsInferParseYuNet";
  const float thr = threshold_of (params, 0);
  for (unsigned s : STRIDES) {
    const unsigned gw = net.width / s, gh = net.height / s, n = gw * gh;
    const std::string sfx = "_" + std::to_string (s);
    const float *cls = head (who, layers, "cls" + sfx, n, 1);
    const float *obj = head (who, layers, "obj" + sfx, n, 1);
    const float *box = head (who, layers, "bbox" + sfx, n, 4);
    if (!cls || !obj || !box)
      return false;
    for (unsigned i = 0; i < n; i++) {
      float conf = std::clamp (cls[i], 0.f, 1.f) * std::clamp (obj[i], 0.f, 1.f);
      if (!(conf >= thr))
        continue;
      const float *b = box + (size_t) i * 4;
      const float col = (float) (i % gw), row = (float) (i / gw);
      push_face (objects, net, (col + b[0]) * s, (row + b[1]) * s, std::exp (b[2]) * s, std::exp (b[3]) * s,
          conf);
    }
  }
  return true;
}

/* RetinaFace: output0 [N,16] = box deltas (4), class logits (background, face), 10 landmark values; priors
 * per stride 8/16/32 with min sizes (16,32), (64,128), (256,512), ordered row, column, size. */
extern "C" bool
NvDsInferParseRetinaFace (std::vector<NvDsInferLayerInfo> const &layers, NvDsInferNetworkInfo const &net,
    NvDsInferParseDetectionParams const &params, std::vector<NvDsInferObjectDetectionInfo> &objects)
{
  const char *who = "NvDsInferParseRetinaFace";
  static const float MIN_SIZES[3][2] = { {16, 32}, {64, 128}, {256, 512} };
  unsigned priors = 0;
  for (unsigned s : STRIDES)
    priors += 2 * (unsigned) std::ceil ((double) net.height / s) * (unsigned) std::ceil ((double) net.width / s);
  const NvDsInferLayerInfo *l = layers.size () == 1 ? &layers[0] : layer_named (layers, "output0");
  unsigned rows = 0, cols = 0;
  if (l == nullptr || !matrix_shape (*l, rows, cols) || rows != priors || cols != 16)
    return fail (who, "output 'output0' [" + std::to_string (priors) + ",16] expected for a "
        + std::to_string (net.width) + "x" + std::to_string (net.height) + " input");
  const float *out = static_cast<const float *> (l->buffer);
  const float thr = threshold_of (params, 0);
  unsigned k = 0;
  for (unsigned si = 0; si < 3; si++) {
    const unsigned s = STRIDES[si];
    const unsigned gh = (unsigned) std::ceil ((double) net.height / s);
    const unsigned gw = (unsigned) std::ceil ((double) net.width / s);
    for (unsigned r = 0; r < gh; r++)
      for (unsigned c = 0; c < gw; c++)
        for (float m : MIN_SIZES[si]) {
          const float *o = out + (size_t) k++ * 16;
          const float bg = o[4], fg = o[5], mx = std::max (bg, fg);
          const float conf = std::exp (fg - mx) / (std::exp (bg - mx) + std::exp (fg - mx));
          if (!(conf >= thr))
            continue;
          const float pcx = (c + 0.5f) * s, pcy = (r + 0.5f) * s;
          push_face (objects, net, pcx + o[0] * 0.1f * m, pcy + o[1] * 0.1f * m, m * std::exp (o[2] * 0.2f),
              m * std::exp (o[3] * 0.2f), conf);
        }
  }
  return true;
}

CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (NvDsInferParseYuNet);
CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (NvDsInferParseRetinaFace);
