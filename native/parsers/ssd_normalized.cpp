/*
 * SSD-style outputs with decoded priors: scores [P, K] (class probabilities) and boxes [P, 4] (normalised
 * x1, y1, x2, y2), e.g. UltraFace (Linzaer/Ultra-Light-Fast-Generic-Face-Detector-1MB, MIT licence; trained
 * on WIDER FACE and MAFA, research, non-commercial datasets — check before commercial use). Boxes are scaled
 * to the network size and clamped to it.
 */
#include <algorithm>
#include <cmath>

#include "parser_layers.h"

using namespace dsnet_parsers;

namespace
{

/* Score of output class c at prior p: the sum of the model columns listed for c. */
typedef std::vector<std::vector<unsigned>> ClassColumns;

bool
parse_ssd (const char *who, std::vector<NvDsInferLayerInfo> const &layers, NvDsInferNetworkInfo const &net,
    NvDsInferParseDetectionParams const &params, const ClassColumns &columns,
    std::vector<NvDsInferObjectDetectionInfo> &objects)
{
  const NvDsInferLayerInfo *sl = find_layer (layers, {"score", "conf"});
  const NvDsInferLayerInfo *bl = find_layer (layers, {"box", "loc"});
  unsigned P = 0, K = 0, Pb = 0, four = 0;
  if (sl == nullptr || bl == nullptr || sl == bl)
    return fail (who, "needs an output whose name contains 'score' (or 'conf') and one whose name contains "
        "'box' (or 'loc')");
  if (!matrix_shape (*sl, P, K) || !matrix_shape (*bl, Pb, four) || four != 4 || Pb != P)
    return fail (who, std::string ("outputs '") + sl->layerName + "' [P,K] and '" + bl->layerName
        + "' [P,4] (float, batch excluded) expected");
  for (const auto & cols : columns)
    for (unsigned col : cols)
      if (col >= K)
        return fail (who, "the scores output has " + std::to_string (K) + " columns; column "
            + std::to_string (col) + " is needed");
  const float *scores = static_cast<const float *> (sl->buffer);
  const float *boxes = static_cast<const float *> (bl->buffer);
  const float W = (float) net.width, H = (float) net.height;
  const unsigned classes = std::min<unsigned> ((unsigned) columns.size (), params.numClassesConfigured);
  for (unsigned p = 0; p < P; p++) {
    const float *s = scores + (size_t) p * K;
    const float *b = boxes + (size_t) p * 4;
    for (unsigned c = 0; c < classes; c++) {
      float conf = 0.f;
      for (unsigned col : columns[c])
        conf += s[col];
      /* written so that NaN fails: a model that outputs NaN gives no object, not a NaN box */
      if (!(conf >= threshold_of (params, c)) || !std::isfinite (conf))
        continue;
      float x1 = std::clamp (b[0] * W, 0.f, W), y1 = std::clamp (b[1] * H, 0.f, H);
      float x2 = std::clamp (b[2] * W, 0.f, W), y2 = std::clamp (b[3] * H, 0.f, H);
      if (!(x2 - x1 >= 0 && y2 - y1 >= 0))
        continue;
      objects.push_back ({c, x1, y1, x2 - x1, y2 - y1, conf});
    }
  }
  return true;
}

}  // namespace

/* Generic: output class c reads column c + 1 when the scores have more columns than configured classes
 * (column 0 = background), else column c. */
extern "C" bool
NvDsInferParseCustomSSDNormalized (std::vector<NvDsInferLayerInfo> const &layers,
    NvDsInferNetworkInfo const &net, NvDsInferParseDetectionParams const &params,
    std::vector<NvDsInferObjectDetectionInfo> &objects)
{
  const NvDsInferLayerInfo *sl = find_layer (layers, {"score", "conf"});
  unsigned P = 0, K = 0;
  if (sl == nullptr || !matrix_shape (*sl, P, K))
    return fail ("NvDsInferParseCustomSSDNormalized", "no [P,K] output whose name contains 'score' or 'conf'");
  ClassColumns columns (params.numClassesConfigured);
  for (unsigned c = 0; c < params.numClassesConfigured; c++)
    columns[c] = { K > params.numClassesConfigured ? c + 1 : c };
  return parse_ssd ("NvDsInferParseCustomSSDNormalized", layers, net, params, columns, objects);
}

/* UltraFace masked-face models (columns BACKGROUND, face, masked_face): class 0 = mask (masked_face),
 * class 1 = no-mask (face), the face-mask recipe's classes. */
extern "C" bool
NvDsInferParseUltraFaceMask (std::vector<NvDsInferLayerInfo> const &layers, NvDsInferNetworkInfo const &net,
    NvDsInferParseDetectionParams const &params, std::vector<NvDsInferObjectDetectionInfo> &objects)
{
  return parse_ssd ("NvDsInferParseUltraFaceMask", layers, net, params, {{2}, {1}}, objects);
}

/* UltraFace as a plain face detector: one class, face = face + masked_face (or face alone for the 2-column
 * version-RFB models). For cascades where a second stage decides mask / no-mask. */
extern "C" bool
NvDsInferParseUltraFaceFace (std::vector<NvDsInferLayerInfo> const &layers, NvDsInferNetworkInfo const &net,
    NvDsInferParseDetectionParams const &params, std::vector<NvDsInferObjectDetectionInfo> &objects)
{
  const NvDsInferLayerInfo *sl = find_layer (layers, {"score", "conf"});
  unsigned P = 0, K = 0;
  if (sl == nullptr || !matrix_shape (*sl, P, K) || K < 2)
    return fail ("NvDsInferParseUltraFaceFace", "no [P,2] or [P,3] output whose name contains 'score'");
  ClassColumns columns = { K >= 3 ? std::vector<unsigned> {1, 2} : std::vector<unsigned> {1} };
  return parse_ssd ("NvDsInferParseUltraFaceFace", layers, net, params, columns, objects);
}

CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (NvDsInferParseCustomSSDNormalized);
CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (NvDsInferParseUltraFaceMask);
CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (NvDsInferParseUltraFaceFace);
