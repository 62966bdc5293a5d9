/*
 * libFuzzer target: the detector parsers of libdsnet_parsers.so (native/parsers) with output layers built from
 * the input bytes: names from the ones the parsers look for, shapes, network size, thresholds and float values.
 * The layer buffers always hold as many floats as their dims say (nvinfer's contract); everything else — wrong
 * shapes, missing layers, NaN/Inf/huge values, tiny or odd network sizes — is fuzzed.
 */
#include <cmath>
#include <cstdint>
#include <cstdio>
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

struct Shape
{
  const char *name;
  unsigned n_dims;
  unsigned d[3];
};

/* The layers `parse` accepts for `net`, whose size is made small (multiples of 32 up to 128 for the anchor
 * decoders) so the buffers stay small. */
std::vector<Shape>
expected_shapes (Parser parse, NvDsInferNetworkInfo &net, Bytes &in)
{
  std::vector<Shape> s;
  if (parse == NvDsInferParseYuNet || parse == NvDsInferParseRetinaFace) {
    net.width = 32 * (1 + in.u8 () % 4);
    net.height = 32 * (1 + in.u8 () % 4);
  }
  if (parse == NvDsInferParseYuNet) {
    static const char *const heads[3][3] = {
      {"cls_8", "obj_8", "bbox_8"}, {"cls_16", "obj_16", "bbox_16"}, {"cls_32", "obj_32", "bbox_32"},
    };
    const unsigned strides[3] = { 8, 16, 32 };
    for (unsigned k = 0; k < 3; k++) {
      const unsigned n = (net.width / strides[k]) * (net.height / strides[k]);
      for (unsigned h = 0; h < 3; h++)
        s.push_back ({ heads[k][h], 2, {n, h == 2 ? 4u : 1u, 0} });
    }
  } else if (parse == NvDsInferParseRetinaFace) {
    unsigned priors = 0;
    for (unsigned st : {8u, 16u, 32u})
      priors += 2 * ((net.height + st - 1) / st) * ((net.width + st - 1) / st);
    s.push_back ({ "output0", 2, {priors, 16, 0} });
  } else {
    const unsigned P = 1 + in.u8 () % 64, K = 1 + in.u8 () % 4;
    s.push_back ({ "scores", 2, {P, K, 0} });
    s.push_back ({ "boxes", 2, {P, 4, 0} });
  }
  return s;
}

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

  /* Shapes: fuzzed freely, or (odd mode byte) the ones the chosen parser expects for a small network, so the
   * decoding loops run on fuzzed values instead of stopping at the shape checks. */
  std::vector<Shape> shapes;
  if (in.u8 () % 2 == 1)
    shapes = expected_shapes (parse, net, in);
  else
    for (unsigned i = 0, n = 1 + in.u8 () % 9; i < n; i++) {
      Shape sh { NAMES[in.u8 () % (sizeof NAMES / sizeof NAMES[0])], 1 + in.u8 () % 3u, {0, 0, 0} };
      for (unsigned d = 0; d < sh.n_dims; d++)
        sh.d[d] = in.u16 () % 4097;
      shapes.push_back (sh);
    }
  std::vector<std::vector<float>> buffers (shapes.size ());
  std::vector<NvDsInferLayerInfo> layers (shapes.size ());
  for (size_t i = 0; i < shapes.size (); i++) {
    NvDsInferLayerInfo &l = layers[i];
    std::memset (&l, 0, sizeof l);
    l.dataType = in.u8 () % 16 == 0 ? INT32 : FLOAT;
    l.layerName = shapes[i].name;
    l.inferDims.numDims = shapes[i].n_dims;
    size_t elements = 1;
    for (unsigned d = 0; d < shapes[i].n_dims; d++) {
      l.inferDims.d[d] = shapes[i].d[d];
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
      /* every parser promises finite boxes clamped to the network input, and a finite confidence */
      if (!(o.left >= 0 && o.top >= 0 && o.width >= 0 && o.height >= 0 && o.left + o.width <= net.width + 0.5f
              && o.top + o.height <= net.height + 0.5f && std::isfinite (o.detectionConfidence))) {
        std::fprintf (stderr, "bad object: class %u, left %g top %g width %g height %g confidence %g, network %ux%u\n",
            o.classId, o.left, o.top, o.width, o.height, o.detectionConfidence, net.width, net.height);
        __builtin_trap ();
      }
  return 0;
}
