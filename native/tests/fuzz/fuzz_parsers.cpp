/*
 * libFuzzer target: the detector parsers of libdsnet_parsers.so (native/parsers) with output layers built from
 * the input bytes: names from the ones the parsers look for, shapes, network size, thresholds and float values.
 * The layer buffers always hold as many floats as their dims say (nvinfer's contract); everything else — wrong
 * shapes, missing layers, NaN/Inf/huge values, tiny or odd network sizes — is fuzzed.
 */
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "nvdsinfer_custom_impl.h"

extern "C" int LLVMFuzzerTestOneInput (const uint8_t * data, size_t size);

/* The library's exported parsers (native/parsers/README.md); it has no header of its own, as nvinfer expects. */
#define DSNET_PARSER(name) extern "C" bool name (std::vector<NvDsInferLayerInfo> const &, \
    NvDsInferNetworkInfo const &, NvDsInferParseDetectionParams const &, std::vector<NvDsInferObjectDetectionInfo> &)
DSNET_PARSER (NvDsInferParseCustomSSDNormalized);
DSNET_PARSER (NvDsInferParseUltraFaceMask);
DSNET_PARSER (NvDsInferParseUltraFaceFace);
DSNET_PARSER (NvDsInferParseYuNet);
DSNET_PARSER (NvDsInferParseRetinaFace);

namespace
{

/* Reads the input front to back; zeros once it runs out. */
struct Bytes
{
  const uint8_t *p;
  size_t n;
  uint8_t u8 () { if (n == 0) return 0; n--; return *p++; }
  uint16_t u16 () { return (uint16_t) (u8 () | (u8 () << 8)); }
  float f32 ()
  {
    uint32_t bits = (uint32_t) u16 () | ((uint32_t) u16 () << 16);
    float f;
    std::memcpy (&f, &bits, sizeof f);
    return f;
  }
};

const char *const NAMES[] = {
  "scores", "boxes", "conf", "loc", "cls_8", "obj_8", "bbox_8", "cls_16", "obj_16", "bbox_16", "cls_32",
  "obj_32", "bbox_32", "output0",
};

typedef bool (*Parser) (std::vector<NvDsInferLayerInfo> const &, NvDsInferNetworkInfo const &,
    NvDsInferParseDetectionParams const &, std::vector<NvDsInferObjectDetectionInfo> &);

const Parser PARSERS[] = {
  NvDsInferParseCustomSSDNormalized, NvDsInferParseUltraFaceMask, NvDsInferParseUltraFaceFace,
  NvDsInferParseYuNet, NvDsInferParseRetinaFace,
};

/* Largest layer the target builds (floats); keeps each run fast and memory-bounded. */
const size_t MAX_ELEMENTS = 1 << 16;

}  // namespace

extern "C" int
LLVMFuzzerTestOneInput (const uint8_t * data, size_t size)
{
  Bytes in { data, size };
  const Parser parse = PARSERS[in.u8 () % (sizeof PARSERS / sizeof PARSERS[0])];
  NvDsInferNetworkInfo net {};
  net.width = in.u16 () % 2049;
  net.height = in.u16 () % 2049;
  net.channels = 3;
  NvDsInferParseDetectionParams params;
  params.numClassesConfigured = in.u8 () % 8;
  for (unsigned c = 0, n = in.u8 () % 8; c < n; c++)
    params.perClassPreclusterThreshold.push_back (in.f32 ());

  const unsigned n_layers = 1 + in.u8 () % 9;
  std::vector<std::vector<float>> buffers (n_layers);
  std::vector<NvDsInferLayerInfo> layers (n_layers);
  for (unsigned i = 0; i < n_layers; i++) {
    NvDsInferLayerInfo &l = layers[i];
    std::memset (&l, 0, sizeof l);
    l.dataType = in.u8 () % 8 == 0 ? INT32 : FLOAT;
    l.layerName = NAMES[in.u8 () % (sizeof NAMES / sizeof NAMES[0])];
    l.inferDims.numDims = 1 + in.u8 () % 3;
    size_t elements = 1;
    for (unsigned d = 0; d < l.inferDims.numDims; d++) {
      l.inferDims.d[d] = in.u16 () % 4097;
      elements *= l.inferDims.d[d];
      if (elements > MAX_ELEMENTS)
        return 0;
    }
    l.inferDims.numElements = (unsigned) elements;
    buffers[i].resize (elements);
    for (float &v : buffers[i])
      v = in.f32 ();
    l.buffer = buffers[i].data ();
  }
  std::vector<NvDsInferObjectDetectionInfo> objects;
  if (parse (layers, net, params, objects))
    for (const auto &o : objects)
      if (!(o.left >= 0 && o.top >= 0 && o.width > 0 && o.height > 0 && o.left + o.width <= net.width + 0.5f
              && o.top + o.height <= net.height + 0.5f))
        __builtin_trap ();      /* every parser promises boxes clamped to the network input */
  return 0;
}
