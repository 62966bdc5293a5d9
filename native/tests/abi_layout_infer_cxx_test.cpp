/*
 * C++ half of the nvinfer custom-library ABI check (shared/spec/nvdsinfer-custom-parser-abi.md §0, §2.8, §3):
 * libstdc++ container sizes, NvDsInferParseDetectionParams field by field, and the exact parser function
 * types. main() checks what only a running program can: perClassThreshold aliases the pre-cluster vector.
 */
#include <cstddef>
#include <type_traits>

#include "nvdsinfer_custom_impl.h"
#include "nvdspreprocess_meta.h"

#define STRUCT(T, size, align) \
  static_assert (sizeof (T) == (size), "sizeof " #T); \
  static_assert (alignof (T) == (align), "alignof " #T)

STRUCT (std::vector<float>, 24, 8);
STRUCT (std::string, 32, 8);
STRUCT (NvDsInferParseDetectionParams, 64, 8);
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
static_assert (offsetof (NvDsInferParseDetectionParams, numClassesConfigured) == 0, "numClassesConfigured");
static_assert (offsetof (NvDsInferParseDetectionParams, perClassPreclusterThreshold) == 8, "pre");
static_assert (offsetof (NvDsInferParseDetectionParams, perClassPostclusterThreshold) == 32, "post");

/* §8.4 nvdspreprocess batch meta */
STRUCT (NvDsPreProcessTensorMeta, 104, 8);
static_assert (offsetof (NvDsPreProcessTensorMeta, raw_tensor_buffer) == 0, "raw_tensor_buffer");
static_assert (offsetof (NvDsPreProcessTensorMeta, buffer_size) == 8, "buffer_size");
static_assert (offsetof (NvDsPreProcessTensorMeta, tensor_shape) == 16, "tensor_shape");
static_assert (offsetof (NvDsPreProcessTensorMeta, data_type) == 40, "data_type");
static_assert (offsetof (NvDsPreProcessTensorMeta, tensor_name) == 48, "tensor_name");
static_assert (offsetof (NvDsPreProcessTensorMeta, gpu_id) == 80, "gpu_id");
static_assert (offsetof (NvDsPreProcessTensorMeta, private_data) == 88, "private_data");
static_assert (offsetof (NvDsPreProcessTensorMeta, meta_id) == 96, "meta_id");
STRUCT (GstNvDsPreProcessBatchMeta, 64, 8);
static_assert (offsetof (GstNvDsPreProcessBatchMeta, target_unique_ids) == 0, "target_unique_ids");
static_assert (offsetof (GstNvDsPreProcessBatchMeta, tensor_meta) == 24, "tensor_meta");
static_assert (offsetof (GstNvDsPreProcessBatchMeta, roi_vector) == 32, "roi_vector");
static_assert (offsetof (GstNvDsPreProcessBatchMeta, private_data) == 56, "private_data");
static_assert (std::is_same<decltype (GstNvDsPreProcessBatchMeta::roi_vector), std::vector<NvDsRoiMeta>>::value,
    "roi_vector type");
static_assert (std::is_same<decltype (GstNvDsPreProcessBatchMeta::target_unique_ids), std::vector<guint64>>::value,
    "target_unique_ids type");

static_assert (std::is_same<NvDsInferParseCustomFunc, bool (*) (std::vector<NvDsInferLayerInfo> const &,
        NvDsInferNetworkInfo const &, NvDsInferParseDetectionParams const &,
        std::vector<NvDsInferObjectDetectionInfo> &)>::value, "NvDsInferParseCustomFunc");
static_assert (std::is_same<NvDsInferInstanceMaskParseCustomFunc, bool (*) (std::vector<NvDsInferLayerInfo> const &,
        NvDsInferNetworkInfo const &, NvDsInferParseDetectionParams const &,
        std::vector<NvDsInferInstanceMaskInfo> &)>::value, "NvDsInferInstanceMaskParseCustomFunc");
static_assert (std::is_same<NvDsInferClassiferParseCustomFunc, bool (*) (std::vector<NvDsInferLayerInfo> const &,
        NvDsInferNetworkInfo const &, float, std::vector<NvDsInferAttribute> &, std::string &)>::value,
    "NvDsInferClassiferParseCustomFunc");
static_assert (std::is_same<NvDsInferSemSegmentationParseCustomFunc, bool (*) (std::vector<NvDsInferLayerInfo> const &,
        NvDsInferNetworkInfo const &, float, unsigned int, int *, float *&)>::value,
    "NvDsInferSemSegmentationParseCustomFunc");

int
main ()
{
  NvDsInferParseDetectionParams p;
  /* the deprecated reference member is stored at offset 56 as a pointer to the vector at offset 8 */
  const char *base = reinterpret_cast<const char *> (&p);
  const void *stored = *reinterpret_cast<const void *const *> (base + 56);
  if (stored != base + 8 || &p.perClassThreshold != &p.perClassPreclusterThreshold)
    return 1;
  return 0;
}
