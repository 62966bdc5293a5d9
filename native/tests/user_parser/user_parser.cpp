/*
 * A custom parser library written the way a DeepStream user writes one (against nvdsinfer_custom_impl.h,
 * extern "C", checked with CHECK_CUSTOM_*_PROTOTYPE), loaded by dsnetinfer in infer_custom_parser_test:
 *  - NvDsInferParseUserDetectNet: DetectNet_v2 grid decoding re-implemented from nvinfer-config.md §9, so
 *    its objects can be compared with dsnetinfer's built-in parser;
 *  - NvDsInferClassiferParseUserArgmax: arg-max per output layer with a label per attribute;
 *  - NvDsInferParseUserFalse / NvDsInferParseUserCrash: a parser that fails, one that crashes.
 */
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "nvdsinfer_custom_impl.h"

static const NvDsInferLayerInfo *
find (std::vector<NvDsInferLayerInfo> const &layers, const char *needle)
{
  const NvDsInferLayerInfo *found = nullptr;
  for (auto const &l : layers)
    if (std::strstr (l.layerName, needle))
      found = &l;
  return found;
}

extern "C" bool
NvDsInferParseUserDetectNet (std::vector<NvDsInferLayerInfo> const &outputLayersInfo,
    NvDsInferNetworkInfo const &networkInfo, NvDsInferParseDetectionParams const &detectionParams,
    std::vector<NvDsInferObjectDetectionInfo> &objectList)
{
  const NvDsInferLayerInfo *cov = find (outputLayersInfo, "cov");
  const NvDsInferLayerInfo *bbox = find (outputLayersInfo, "bbox");
  if (!cov || !bbox)
    return false;
  NvDsInferDimsCHW c, b;
  getDimsCHWFromDims (c, cov->inferDims);
  getDimsCHWFromDims (b, bbox->inferDims);
  const int strideX = (int) ((networkInfo.width + b.w - 1) / b.w);
  const int strideY = (int) ((networkInfo.height + b.h - 1) / b.h);
  const float N = 35.0f, W = (float) networkInfo.width, H = (float) networkInfo.height;
  const unsigned classes = std::min (c.c, detectionParams.numClassesConfigured);
  const float *covData = (const float *) cov->buffer, *boxData = (const float *) bbox->buffer;
  const unsigned grid = c.h * c.w;
  for (unsigned k = 0; k < classes; k++)
    for (unsigned h = 0; h < c.h; h++)
      for (unsigned w = 0; w < c.w; w++) {
        const unsigned i = h * c.w + w;
        const float conf = covData[k * grid + i];
        if (conf < detectionParams.perClassThreshold[k])
          continue;
        const float cx = (w * strideX + 0.5f) / N, cy = (h * strideY + 0.5f) / N;
        float x1 = (boxData[(4 * k + 0) * grid + i] - cx) * -N;
        float y1 = (boxData[(4 * k + 1) * grid + i] - cy) * -N;
        float x2 = (boxData[(4 * k + 2) * grid + i] + cx) * N;
        float y2 = (boxData[(4 * k + 3) * grid + i] + cy) * N;
        x1 = x1 >= W ? W - 1 : (x1 < 0 ? 0 : x1);
        x2 = x2 >= W ? W - 1 : (x2 < 0 ? 0 : x2);
        y1 = y1 >= H ? H - 1 : (y1 < 0 ? 0 : y1);
        y2 = y2 >= H ? H - 1 : (y2 < 0 ? 0 : y2);
        if (x2 - x1 < 0 || y2 - y1 < 0)
          continue;
        NvDsInferObjectDetectionInfo o;
        o.classId = k;
        o.left = x1;
        o.top = y1;
        o.width = x2 - x1;
        o.height = y2 - y1;
        o.detectionConfidence = conf;
        objectList.push_back (o);
      }
  /* one object the runtime must drop: a class beyond num-detected-classes */
  objectList.push_back ({detectionParams.numClassesConfigured, 1, 1, 2, 2, 1.0f});
  return true;
}
CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (NvDsInferParseUserDetectNet);

extern "C" bool
NvDsInferClassiferParseUserArgmax (std::vector<NvDsInferLayerInfo> const &outputLayersInfo,
    NvDsInferNetworkInfo const &networkInfo, float classifierThreshold,
    std::vector<NvDsInferAttribute> &attrList, std::string &descString)
{
  (void) networkInfo;
  for (unsigned l = 0; l < outputLayersInfo.size (); l++) {
    const NvDsInferLayerInfo &layer = outputLayersInfo[l];
    const float *p = (const float *) layer.buffer;
    unsigned best = 0;
    for (unsigned k = 1; k < layer.inferDims.numElements; k++)
      if (p[k] > p[best])
        best = k;
    if (!(p[best] > classifierThreshold))
      continue;
    NvDsInferAttribute a;
    a.attributeIndex = l;
    a.attributeValue = best;
    a.attributeConfidence = p[best];
    std::string label = "user-" + std::to_string (l) + "-" + std::to_string (best);
    a.attributeLabel = strdup (label.c_str ());
    attrList.push_back (a);
    descString.append (label).append (" ");
  }
  return true;
}
CHECK_CUSTOM_CLASSIFIER_PARSE_FUNC_PROTOTYPE (NvDsInferClassiferParseUserArgmax);

extern "C" bool
NvDsInferParseUserFalse (std::vector<NvDsInferLayerInfo> const &, NvDsInferNetworkInfo const &,
    NvDsInferParseDetectionParams const &, std::vector<NvDsInferObjectDetectionInfo> &objectList)
{
  objectList.push_back ({0, 1, 1, 5, 5, 1.0f});   /* must not reach the metadata */
  return false;
}
CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (NvDsInferParseUserFalse);

extern "C" bool
NvDsInferParseUserCrash (std::vector<NvDsInferLayerInfo> const &, NvDsInferNetworkInfo const &,
    NvDsInferParseDetectionParams const &, std::vector<NvDsInferObjectDetectionInfo> &)
{
  volatile int *nowhere = nullptr;
  return *nowhere == 1;
}
CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (NvDsInferParseUserCrash);
