/*
 * nvdsanalytics output metadata of DeepStream 6.3 (nvds_analytics_meta.h) — C++ only: the payloads hold libstdc++
 * containers. Same names and layout as NVIDIA's header (x86-64/aarch64, C++11 string ABI), written from
 * shared/spec/nvbufsurface-and-extra-meta.md §4. Frame payloads are user meta of type
 * NVDS_USER_FRAME_META_NVDSANALYTICS on frame_user_meta_list, object payloads NVDS_USER_OBJ_META_NVDSANALYTICS on
 * obj_user_meta_list. DeepStreamNet.Metadata.AnalyticsFrameMeta / AnalyticsObjectMeta read them from C#.
 */
#ifndef NVDS_ANALYTICS_META_H
#define NVDS_ANALYTICS_META_H

#ifndef __cplusplus
#error "nvds_analytics_meta.h is C++ only (its payloads are libstdc++ containers)"
#endif

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "nvdsmeta.h"

#define NVDS_USER_FRAME_META_NVDSANALYTICS (nvds_get_user_meta_type ((gchar *) "NVIDIA.DSANALYTICSFRAME.USER_META"))
#define NVDS_USER_OBJ_META_NVDSANALYTICS (nvds_get_user_meta_type ((gchar *) "NVIDIA.DSANALYTICSOBJ.USER_META"))

/* Per object: the regions it is in, the lines it crossed, its direction and a combined status text. */
typedef struct
{
  std::vector < std::string > roiStatus;
  std::vector < std::string > ocStatus;
  std::vector < std::string > lcStatus;
  std::string dirStatus;
  guint unique_id;
  std::string objStatus;
} NvDsAnalyticsObjInfo;

/* Per frame: overcrowding, objects in each ROI, line-crossing counts (this frame / cumulative), objects per class. */
typedef struct
{
  std::unordered_map < std::string, bool > ocStatus;
  std::unordered_map < std::string, uint32_t > objInROIcnt;
  std::unordered_map < std::string, uint64_t > objLCCurrCnt;
  std::unordered_map < std::string, uint64_t > objLCCumCnt;
  guint unique_id;
  std::unordered_map < int, uint32_t > objCnt;
} NvDsAnalyticsFrameMeta;

static_assert (sizeof (NvDsAnalyticsFrameMeta) == 288, "NvDsAnalyticsFrameMeta: 288 bytes in DeepStream 6.3");
static_assert (sizeof (NvDsAnalyticsObjInfo) == 144, "NvDsAnalyticsObjInfo: 144 bytes in DeepStream 6.3");

#endif /* NVDS_ANALYTICS_META_H */
