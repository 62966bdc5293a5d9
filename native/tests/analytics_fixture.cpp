/*
 * Test fixture (C++): attaches nvdsanalytics frame and object meta to a batch exactly as gst-nvdsanalytics does
 * (payloads created with new, user meta types from nvds_get_user_meta_type, copy = new + copy-assign,
 * release = delete), so the managed views are checked against real libstdc++ objects.
 */
#include "nvds_analytics_meta.h"

static gpointer
copy_frame (gpointer data, gpointer)
{
  auto *um = static_cast < NvDsUserMeta * >(data);
  return new NvDsAnalyticsFrameMeta (*static_cast < NvDsAnalyticsFrameMeta * >(um->user_meta_data));
}

static void
release_frame (gpointer data, gpointer)
{
  auto *um = static_cast < NvDsUserMeta * >(data);
  delete static_cast < NvDsAnalyticsFrameMeta * >(um->user_meta_data);
  um->user_meta_data = nullptr;
}

static gpointer
copy_obj (gpointer data, gpointer)
{
  auto *um = static_cast < NvDsUserMeta * >(data);
  return new NvDsAnalyticsObjInfo (*static_cast < NvDsAnalyticsObjInfo * >(um->user_meta_data));
}

static void
release_obj (gpointer data, gpointer)
{
  auto *um = static_cast < NvDsUserMeta * >(data);
  delete static_cast < NvDsAnalyticsObjInfo * >(um->user_meta_data);
  um->user_meta_data = nullptr;
}

extern "C" __attribute__ ((visibility ("default")))
void
dsnet_fixture_attach_analytics (NvDsBatchMeta * batch, NvDsFrameMeta * frame, NvDsObjectMeta * obj)
{
  auto *fm = new NvDsAnalyticsFrameMeta ();
  fm->ocStatus["crowd-entrance"] = true;
  fm->ocStatus["crowd-exit"] = false;
  fm->objInROIcnt["RF"] = 3;
  fm->objInROIcnt["a-region-label-longer-than-sixteen-bytes"] = 12;
  fm->objLCCurrCnt["Exit"] = 1;
  fm->objLCCumCnt["Exit"] = 41;
  fm->objLCCumCnt["Entry"] = 7;
  fm->unique_id = 17;
  fm->objCnt[0] = 5;
  fm->objCnt[1] = 2;
  NvDsUserMeta *um = nvds_acquire_user_meta_from_pool (batch);
  um->user_meta_data = fm;
  um->base_meta.meta_type = NVDS_USER_FRAME_META_NVDSANALYTICS;
  um->base_meta.copy_func = copy_frame;
  um->base_meta.release_func = release_frame;
  nvds_add_user_meta_to_frame (frame, um);

  auto *oi = new NvDsAnalyticsObjInfo ();
  oi->roiStatus = { "RF" };
  oi->lcStatus = { "Exit", "a-line-label-longer-than-sixteen-bytes" };
  oi->dirStatus = "South";
  oi->unique_id = 17;
  oi->objStatus = "ROI: RF LC: Exit";
  um = nvds_acquire_user_meta_from_pool (batch);
  um->user_meta_data = oi;
  um->base_meta.meta_type = NVDS_USER_OBJ_META_NVDSANALYTICS;
  um->base_meta.copy_func = copy_obj;
  um->base_meta.release_func = release_obj;
  nvds_add_user_meta_to_obj (obj, um);
}
