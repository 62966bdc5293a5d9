/*
 * Helpers shared by the parsers of libdsnet_parsers.so: finding output layers by name. Only
 * nvdsinfer_custom_impl.h is used, so the library builds against DeepStream's own headers too.
 */
#ifndef DSNET_PARSER_LAYERS_H
#define DSNET_PARSER_LAYERS_H

#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "nvdsinfer_custom_impl.h"

namespace dsnet_parsers
{

inline std::string
lower (const char *s)
{
  std::string r = s ? s : "";
  for (auto & ch : r)
    ch = (char) std::tolower ((unsigned char) ch);
  return r;
}

/* The last float output whose lower-cased name contains one of `needles` (nvinfer's "last match wins"). */
inline const NvDsInferLayerInfo *
find_layer (const std::vector<NvDsInferLayerInfo> &layers, std::initializer_list<const char *> needles)
{
  const NvDsInferLayerInfo *found = nullptr;
  for (const auto & l : layers) {
    std::string name = lower (l.layerName);
    for (const char *n : needles)
      if (name.find (n) != std::string::npos) {
        found = &l;
        break;
      }
  }
  return found;
}

/* The output whose name is exactly `name`. */
inline const NvDsInferLayerInfo *
layer_named (const std::vector<NvDsInferLayerInfo> &layers, const char *name)
{
  for (const auto & l : layers)
    if (l.layerName && std::string (l.layerName) == name)
      return &l;
  return nullptr;
}

/* Prints why a parser gives up (nvinfer logs the false return; this says what was wrong). */
inline bool
fail (const char *parser, const std::string &why)
{
  std::fprintf (stderr, "%s: %s\n", parser, why.c_str ());
  return false;
}

/* Rows × columns of a [rows, cols] layer (batch excluded); false when it is not 2-dimensional. */
inline bool
matrix_shape (const NvDsInferLayerInfo &l, unsigned &rows, unsigned &cols)
{
  if (l.dataType != FLOAT || l.inferDims.numDims != 2)
    return false;
  rows = l.inferDims.d[0];
  cols = l.inferDims.d[1];
  return true;
}

inline float
threshold_of (const NvDsInferParseDetectionParams &p, unsigned c)
{
  return c < p.perClassPreclusterThreshold.size () ? p.perClassPreclusterThreshold[c] : 0.f;
}

}  // namespace dsnet_parsers

#endif
