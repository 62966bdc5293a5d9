/*
 * DsNetSurfaceMeta: the NvBufSurface description of a portable batched buffer (dsnet_bufsurface.h).
 * Copies (gst_buffer_copy, make_writable) get the same description, unmapped; other transforms
 * (scaling, region copies) drop it because its geometry would be wrong.
 */
#include <string.h>

/* Built with -fvisibility=hidden: only the public headers' API is exported (see the .map). */
#pragma GCC visibility push(default)
#include "dsnet_bufsurface.h"
#pragma GCC visibility pop

GType
dsnet_surface_meta_api_get_type (void)
{
  static GType type = 0;
  /* the "video" tag: elements that change the geometry (videoscale, videoconvert) drop it */
  static const gchar *tags[] = { "video", NULL };
  if (g_once_init_enter (&type)) {
    GType t = gst_meta_api_type_register (DSNET_SURFACE_META_API_NAME, tags);
    g_once_init_leave (&type, t);
  }
  return type;
}

static gboolean
surface_meta_init (GstMeta * meta, gpointer params, GstBuffer * buffer)
{
  (void) params;
  (void) buffer;
  DsNetSurfaceMeta *m = (DsNetSurfaceMeta *) meta;
  memset (&m->surface, 0, sizeof (m->surface));
  m->entries = NULL;
  memset (&m->map, 0, sizeof (m->map));
  m->map_count = 0;
  return TRUE;
}

static void
surface_meta_free (GstMeta * meta, GstBuffer * buffer)
{
  DsNetSurfaceMeta *m = (DsNetSurfaceMeta *) meta;
  if (m->map_count > 0)
    gst_buffer_unmap (buffer, &m->map);   /* a caller forgot to unmap: do not leak the memory ref */
  m->map_count = 0;
  g_free (m->entries);
  m->entries = NULL;
}

static void
describe_slot (NvBufSurfaceParams * e, guint width, guint height)
{
  guint pitch = width * 4;
  memset (e, 0, sizeof (*e));
  e->width = width;
  e->height = height;
  e->pitch = pitch;
  e->colorFormat = NVBUF_COLOR_FORMAT_RGBA;
  e->layout = NVBUF_LAYOUT_PITCH;
  e->dataSize = pitch * height;
  e->planeParams.num_planes = 1;
  e->planeParams.width[0] = width;
  e->planeParams.height[0] = height;
  e->planeParams.pitch[0] = pitch;
  e->planeParams.offset[0] = 0;
  e->planeParams.psize[0] = pitch * height;
  e->planeParams.bytesPerPix[0] = 4;
}

static void
surface_meta_describe (DsNetSurfaceMeta * m, guint width, guint height, guint batch_size)
{
  m->entries = g_new0 (NvBufSurfaceParams, batch_size);
  for (guint i = 0; i < batch_size; i++)
    describe_slot (&m->entries[i], width, height);
  m->surface.gpuId = 0;
  m->surface.batchSize = batch_size;
  m->surface.numFilled = 0;
  m->surface.isContiguous = true;
  m->surface.memType = NVBUF_MEM_SYSTEM;
  m->surface.surfaceList = m->entries;
}

static gboolean
surface_meta_transform (GstBuffer * dest, GstMeta * meta, GstBuffer * buffer, GQuark type,
    gpointer data)
{
  (void) buffer;
  (void) data;
  DsNetSurfaceMeta *src = (DsNetSurfaceMeta *) meta;
  DsNetSurfaceMeta *dst;

  if (!GST_META_TRANSFORM_IS_COPY (type) || src->surface.batchSize == 0)
    return FALSE;
  dst = dsnet_buffer_add_surface_meta (dest, src->entries[0].width, src->entries[0].height,
      src->surface.batchSize);
  if (!dst)
    return FALSE;
  dst->surface.numFilled = src->surface.numFilled;
  return TRUE;
}

const GstMetaInfo *
dsnet_surface_meta_get_info (void)
{
  static const GstMetaInfo *info = NULL;
  if (g_once_init_enter ((GstMetaInfo **) & info)) {
    const GstMetaInfo *i = gst_meta_register (dsnet_surface_meta_api_get_type (), "DsNetSurfaceMeta",
        sizeof (DsNetSurfaceMeta), surface_meta_init, surface_meta_free, surface_meta_transform);
    g_once_init_leave ((GstMetaInfo **) & info, (GstMetaInfo *) i);
  }
  return info;
}

DsNetSurfaceMeta *
dsnet_buffer_add_surface_meta (GstBuffer * buffer, guint width, guint height, guint batch_size)
{
  DsNetSurfaceMeta *m;

  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && batch_size > 0, NULL);
  m = (DsNetSurfaceMeta *) gst_buffer_add_meta (buffer, dsnet_surface_meta_get_info (), NULL);
  if (m)
    surface_meta_describe (m, width, height, batch_size);
  return m;
}

DsNetSurfaceMeta *
dsnet_buffer_get_surface_meta (GstBuffer * buffer)
{
  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);
  return (DsNetSurfaceMeta *) gst_buffer_get_meta (buffer, dsnet_surface_meta_api_get_type ());
}

NvBufSurface *
dsnet_buffer_map_surface (GstBuffer * buffer, GstMapFlags flags)
{
  DsNetSurfaceMeta *m = dsnet_buffer_get_surface_meta (buffer);
  gsize need;

  if (!m || m->surface.batchSize == 0)
    return NULL;
  if (m->map_count > 0) {
    if ((flags & GST_MAP_WRITE) && !(m->map.flags & GST_MAP_WRITE))
      return NULL;              /* already mapped read-only */
    m->map_count++;
    return &m->surface;
  }
  if (!gst_buffer_map (buffer, &m->map, flags))
    return NULL;
  need = (gsize) m->entries[0].dataSize * m->surface.batchSize;
  if (m->map.size < need) {
    gst_buffer_unmap (buffer, &m->map);
    memset (&m->map, 0, sizeof (m->map));
    return NULL;
  }
  for (guint i = 0; i < m->surface.batchSize; i++) {
    NvBufSurfaceParams *e = &m->entries[i];
    e->dataPtr = m->map.data + (gsize) i * e->dataSize;   /* mappedAddr stays NULL until NvBufSurfaceMap */
  }
  m->map_count = 1;
  return &m->surface;
}

void
dsnet_buffer_unmap_surface (GstBuffer * buffer)
{
  DsNetSurfaceMeta *m = dsnet_buffer_get_surface_meta (buffer);

  if (!m || m->map_count == 0)
    return;
  if (--m->map_count > 0)
    return;
  for (guint i = 0; i < m->surface.batchSize; i++) {
    m->entries[i].dataPtr = NULL;
    memset (m->entries[i].mappedAddr.addr, 0, sizeof (m->entries[i].mappedAddr.addr));
  }
  gst_buffer_unmap (buffer, &m->map);
  memset (&m->map, 0, sizeof (m->map));
}
