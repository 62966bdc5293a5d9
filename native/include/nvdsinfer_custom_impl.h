/*
 * DeepStream 6.3-compatible nvdsinfer_custom_impl.h: what a custom parser library (nvinfer `custom-lib-path`)
 * implements — the parser function types, the detection parameters nvinfer passes, and the prototype-check
 * macros. Written from shared/spec/nvdsinfer-custom-parser-abi.md §2.8, §3; layout checked by
 * native/tests/abi_layout_test_cxx.cpp. The engine/model-building hooks (TensorRT objects) are not declared:
 * the portable runtime cannot honour them.
 *
 * C++ only (the signatures use std::vector / std::string references, libstdc++ C++11 ABI); from C this
 * header only includes nvdsinfer.h.
 */
#ifndef _NVDSINFER_CUSTOM_IMPL_H_
#define _NVDSINFER_CUSTOM_IMPL_H_

#include "nvdsinfer.h"

#ifdef __cplusplus

#include <string>
#include <vector>

/* Detection parameters nvinfer hands to a bounding-box parser (one long-lived instance per element). */
typedef struct _NvDsInferParseDetectionParams
{
  /* num-detected-classes */
  unsigned int numClassesConfigured;
  /* class c: pre-cluster-threshold of [class-attrs-c] */
  std::vector<float> perClassPreclusterThreshold;
  /* class c: post-cluster-threshold of [class-attrs-c] */
  std::vector<float> perClassPostclusterThreshold;
  /* deprecated alias of perClassPreclusterThreshold */
  std::vector<float> &perClassThreshold = perClassPreclusterThreshold;
} NvDsInferParseDetectionParams;

extern "C" {

typedef bool (*NvDsInferParseCustomFunc) (
    std::vector<NvDsInferLayerInfo> const &outputLayersInfo,
    NvDsInferNetworkInfo const &networkInfo,
    NvDsInferParseDetectionParams const &detectionParams,
    std::vector<NvDsInferObjectDetectionInfo> &objectList);

typedef bool (*NvDsInferInstanceMaskParseCustomFunc) (
    std::vector<NvDsInferLayerInfo> const &outputLayersInfo,
    NvDsInferNetworkInfo const &networkInfo,
    NvDsInferParseDetectionParams const &detectionParams,
    std::vector<NvDsInferInstanceMaskInfo> &objectList);

typedef bool (*NvDsInferClassiferParseCustomFunc) (
    std::vector<NvDsInferLayerInfo> const &outputLayersInfo,
    NvDsInferNetworkInfo const &networkInfo,
    float classifierThreshold,
    std::vector<NvDsInferAttribute> &attrList,
    std::string &descString);

typedef bool (*NvDsInferSemSegmentationParseCustomFunc) (
    std::vector<NvDsInferLayerInfo> const &outputLayersInfo,
    NvDsInferNetworkInfo const &networkInfo,
    float segmentationThreshold,
    unsigned int numClasses,
    int *classificationMap,
    float *&classProbabilityMap);

/* Fills extra input layers (all but the image input) once, for every batch slot. */
bool NvDsInferInitializeInputLayers (std::vector<NvDsInferLayerInfo> const &inputLayersInfo,
    NvDsInferNetworkInfo const &networkInfo, unsigned int maxBatchSize);

}  /* extern "C" */

/* After a parser's definition: fails to compile unless it has exactly the type nvinfer calls it through.
 * Use as a statement: CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE (MyParser); */
#define CHECK_CUSTOM_PARSE_FUNC_PROTOTYPE(customParseFunc) \
  static void checkFunc_ ## customParseFunc (NvDsInferParseCustomFunc = customParseFunc) \
    { checkFunc_ ## customParseFunc (); }; \
  extern "C" bool customParseFunc (std::vector<NvDsInferLayerInfo> const &outputLayersInfo, \
      NvDsInferNetworkInfo const &networkInfo, \
      NvDsInferParseDetectionParams const &detectionParams, \
      std::vector<NvDsInferObjectDetectionInfo> &objectList)

#define CHECK_CUSTOM_INSTANCE_MASK_PARSE_FUNC_PROTOTYPE(customParseFunc) \
  static void checkFunc_ ## customParseFunc (NvDsInferInstanceMaskParseCustomFunc = customParseFunc) \
    { checkFunc_ ## customParseFunc (); }; \
  extern "C" bool customParseFunc (std::vector<NvDsInferLayerInfo> const &outputLayersInfo, \
      NvDsInferNetworkInfo const &networkInfo, \
      NvDsInferParseDetectionParams const &detectionParams, \
      std::vector<NvDsInferInstanceMaskInfo> &objectList)

#define CHECK_CUSTOM_CLASSIFIER_PARSE_FUNC_PROTOTYPE(customParseFunc) \
  static void checkFunc_ ## customParseFunc (NvDsInferClassiferParseCustomFunc = customParseFunc) \
    { checkFunc_ ## customParseFunc (); }; \
  extern "C" bool customParseFunc (std::vector<NvDsInferLayerInfo> const &outputLayersInfo, \
      NvDsInferNetworkInfo const &networkInfo, \
      float classifierThreshold, \
      std::vector<NvDsInferAttribute> &attrList, \
      std::string &descString)

#define CHECK_CUSTOM_SEM_SEGMENTATION_PARSE_FUNC_PROTOTYPE(customParseFunc) \
  static void checkFunc_ ## customParseFunc (NvDsInferSemSegmentationParseCustomFunc = customParseFunc) \
    { checkFunc_ ## customParseFunc (); }; \
  extern "C" bool customParseFunc (std::vector<NvDsInferLayerInfo> const &outputLayersInfo, \
      NvDsInferNetworkInfo const &networkInfo, \
      float segmentationThreshold, \
      unsigned int numClasses, \
      int *classificationMap, \
      float *&classProbabilityMap)

#endif /* __cplusplus */

#endif /* _NVDSINFER_CUSTOM_IMPL_H_ */
