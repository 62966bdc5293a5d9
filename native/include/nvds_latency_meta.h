/*
 * Latency measurement metadata of DeepStream 6.3 (nvds_latency_meta.h): batch user meta of type
 * NVDS_LATENCY_MEASUREMENT_META, one NvDsMetaCompLatency per component and frame (timestamps in milliseconds
 * since the Unix epoch). Same names and layout as NVIDIA's header, written from
 * shared/spec/nvbufsurface-and-extra-meta.md §7 (checked by native/tests/extra_meta_abi_test.c).
 * Only the types: the managed side (DeepStreamNet.Metadata.LatencyMeasurement) implements the measurement.
 */
#ifndef NVDS_LATENCY_META_H
#define NVDS_LATENCY_META_H

#include <glib.h>

#ifdef __cplusplus
extern "C"
{
#endif

#define MAX_COMPONENT_LEN 64

typedef struct _NvDsMetaSubCompLatency
{
  gchar sub_comp_name[MAX_COMPONENT_LEN];
  gdouble in_system_timestamp;
  gdouble out_system_timestamp;
} NvDsMetaSubCompLatency;

typedef struct _NvDsMetaCompLatency
{
  gchar component_name[MAX_COMPONENT_LEN];
  gdouble in_system_timestamp;
  gdouble out_system_timestamp;
  guint source_id;
  guint frame_num;
  guint pad_index;
  NvDsMetaSubCompLatency sub_comp_latencies[16];
  guint num_sub_comps;
} NvDsMetaCompLatency;

typedef struct
{
  guint source_id;
  guint frame_num;
  gdouble comp_in_timestamp;
  gdouble latency;
} NvDsFrameLatencyInfo;

#ifdef __cplusplus
}
#endif

#endif /* NVDS_LATENCY_META_H */
