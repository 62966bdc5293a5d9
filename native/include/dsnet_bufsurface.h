/*
 * How a portable batched buffer (native/plugin/dsnetbatch.h) carries an NvBufSurface description.
 *
 * DeepStream's NVMM buffers hold the 64-byte NvBufSurface as their only memory; the portable runtime keeps
 * the RGBA pixels in the buffer's memory (so plain GStreamer elements and dsnetvideoconvert still work) and
 * attaches this GstMeta instead. Its `surface` has exactly DeepStream's layout: one NvBufSurfaceParams per
 * slot (RGBA, pitch-linear, pitch = width × 4, memType NVBUF_MEM_SYSTEM), numFilled = frames present.
 * `dataPtr` is NULL until dsnet_buffer_map_surface() maps the buffer and points into its memory until the
 * matching dsnet_buffer_unmap_surface(); as on DeepStream's host-visible memory types, `mappedAddr` is filled by
 * NvBufSurfaceMap() and cleared by NvBufSurfaceUnMap(). Buffer copies carry the description (unmapped).
 */
#ifndef DSNET_BUFSURFACE_H
#define DSNET_BUFSURFACE_H

#include <gst/gst.h>

#include "nvbufsurface.h"

G_BEGIN_DECLS

#define DSNET_SURFACE_META_API_NAME "DsNetSurfaceMetaAPI"

typedef struct
{
  GstMeta meta;
  NvBufSurface surface;             /* surface.surfaceList points at the entries below */
  NvBufSurfaceParams *entries;      /* surface.batchSize entries */
  GstMapInfo map;                   /* the buffer mapping while map_count > 0 */
  guint map_count;
} DsNetSurfaceMeta;

GType dsnet_surface_meta_api_get_type (void);
const GstMetaInfo *dsnet_surface_meta_get_info (void);

/* Describes `batch_size` RGBA slots of width × height (dsnetbatch.h layout); numFilled starts at 0. */
DsNetSurfaceMeta *dsnet_buffer_add_surface_meta (GstBuffer * buffer, guint width, guint height,
    guint batch_size);
DsNetSurfaceMeta *dsnet_buffer_get_surface_meta (GstBuffer * buffer);

/* Maps the buffer (flags as gst_buffer_map) and returns its descriptor with every dataPtr set;
 * NULL when the buffer has no surface meta, cannot be mapped or is smaller than the slots it describes.
 * Calls nest; every successful call needs one dsnet_buffer_unmap_surface(). */
NvBufSurface *dsnet_buffer_map_surface (GstBuffer * buffer, GstMapFlags flags);
void dsnet_buffer_unmap_surface (GstBuffer * buffer);

G_END_DECLS

#endif /* DSNET_BUFSURFACE_H */
