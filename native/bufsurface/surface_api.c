/*
 * The nvbufsurface.h API for host memory (DeepStream's libnvbufsurface.so stand-in, spec §1.10 item 5).
 * Map fills mappedAddr from dataPtr (which, for a portable batched buffer, dsnet_buffer_map_surface sets);
 * UnMap clears it and never frees. Create/Allocate make host surfaces that only Destroy frees. Everything
 * that needs dmabuf, EGL or another process (FromFd, EGL images, Import, GetMapParams) returns -1.
 */
#include <string.h>

#include <glib.h>

/* Built with -fvisibility=hidden: only the public headers' API is exported (see the .map). */
#pragma GCC visibility push(default)
#include "nvbufsurface.h"
#pragma GCC visibility pop

/* Marks surfaces made by NvBufSurfaceCreate/Allocate in _reserved[0] so Destroy frees only those. */
static const char owned_marker[] = "dsnet-bufsurface";

#define PITCH_ALIGN 32

typedef struct
{
  guint planes;
  guint bpp[NVBUF_MAX_PLANES];      /* bytes per element */
  guint wdiv[NVBUF_MAX_PLANES];     /* plane width = ceil(width / wdiv) */
  guint hdiv[NVBUF_MAX_PLANES];
} FormatInfo;

static gboolean
format_info (NvBufSurfaceColorFormat f, FormatInfo * fi)
{
  memset (fi, 0, sizeof (*fi));
  switch (f) {
    case NVBUF_COLOR_FORMAT_GRAY8:
      *fi = (FormatInfo) { 1, {1}, {1}, {1} };
      return TRUE;
    case NVBUF_COLOR_FORMAT_RGBA: case NVBUF_COLOR_FORMAT_BGRA: case NVBUF_COLOR_FORMAT_ARGB:
    case NVBUF_COLOR_FORMAT_ABGR: case NVBUF_COLOR_FORMAT_RGBx: case NVBUF_COLOR_FORMAT_BGRx:
    case NVBUF_COLOR_FORMAT_xRGB: case NVBUF_COLOR_FORMAT_xBGR:
      *fi = (FormatInfo) { 1, {4}, {1}, {1} };
      return TRUE;
    case NVBUF_COLOR_FORMAT_RGB: case NVBUF_COLOR_FORMAT_BGR:
      *fi = (FormatInfo) { 1, {3}, {1}, {1} };
      return TRUE;
    case NVBUF_COLOR_FORMAT_NV12: case NVBUF_COLOR_FORMAT_NV12_ER: case NVBUF_COLOR_FORMAT_NV21:
    case NVBUF_COLOR_FORMAT_NV21_ER: case NVBUF_COLOR_FORMAT_NV12_709: case NVBUF_COLOR_FORMAT_NV12_709_ER:
      *fi = (FormatInfo) { 2, {1, 2}, {1, 2}, {1, 2} };
      return TRUE;
    case NVBUF_COLOR_FORMAT_YUV420: case NVBUF_COLOR_FORMAT_YVU420: case NVBUF_COLOR_FORMAT_YUV420_ER:
    case NVBUF_COLOR_FORMAT_YVU420_ER: case NVBUF_COLOR_FORMAT_YUV420_709:
    case NVBUF_COLOR_FORMAT_YUV420_709_ER:
      *fi = (FormatInfo) { 3, {1, 1, 1}, {1, 2, 2}, {1, 2, 2} };
      return TRUE;
    default:
      return FALSE;
  }
}

static gboolean
host_mem_type (NvBufSurfaceMemType t)
{
  return t == NVBUF_MEM_DEFAULT || t == NVBUF_MEM_SYSTEM || t == NVBUF_MEM_CUDA_PINNED
      || t == NVBUF_MEM_CUDA_UNIFIED;
}

static gboolean
describe_surface (NvBufSurfaceParams * e, const NvBufSurfaceCreateParams * p, gboolean tight)
{
  FormatInfo fi;
  guint32 offset = 0;

  e->colorFormat = p->colorFormat;
  e->layout = NVBUF_LAYOUT_PITCH;
  if (p->size > 0) {              /* raw block: one plane of `size` bytes */
    e->dataSize = p->size;
    e->planeParams.num_planes = 1;
    e->planeParams.width[0] = e->planeParams.pitch[0] = e->planeParams.psize[0] = p->size;
    e->planeParams.height[0] = 1;
    e->planeParams.bytesPerPix[0] = 1;
    return TRUE;
  }
  if (p->width == 0 || p->height == 0 || !format_info (p->colorFormat, &fi))
    return FALSE;
  e->planeParams.num_planes = fi.planes;
  for (guint k = 0; k < fi.planes; k++) {
    guint w = (p->width + fi.wdiv[k] - 1) / fi.wdiv[k];
    guint h = (p->height + fi.hdiv[k] - 1) / fi.hdiv[k];
    guint row = w * fi.bpp[k];
    guint pitch = tight ? row + (row & 1) : (row + PITCH_ALIGN - 1) / PITCH_ALIGN * PITCH_ALIGN;
    e->planeParams.width[k] = w;
    e->planeParams.height[k] = h;
    e->planeParams.pitch[k] = pitch;
    e->planeParams.offset[k] = offset;
    e->planeParams.psize[k] = pitch * h;
    e->planeParams.bytesPerPix[k] = fi.bpp[k];
    offset += pitch * h;
  }
  e->width = p->width;
  e->height = p->height;
  e->pitch = e->planeParams.pitch[0];
  e->dataSize = offset;
  return TRUE;
}

static int
allocate (NvBufSurface ** surf, uint32_t batch, const NvBufSurfaceCreateParams * p, gboolean tight)
{
  NvBufSurface *s;

  if (!surf || !p || batch == 0 || p->layout != NVBUF_LAYOUT_PITCH || !host_mem_type (p->memType))
    return -1;
  s = g_new0 (NvBufSurface, 1);
  s->surfaceList = g_new0 (NvBufSurfaceParams, batch);
  s->batchSize = batch;
  s->gpuId = p->gpuId;
  s->memType = p->memType == NVBUF_MEM_DEFAULT ? NVBUF_MEM_SYSTEM : p->memType;
  s->isContiguous = false;
  s->_reserved[0] = (void *) owned_marker;
  for (uint32_t i = 0; i < batch; i++) {
    NvBufSurfaceParams *e = &s->surfaceList[i];
    if (!describe_surface (e, p, tight)) {
      NvBufSurfaceDestroy (s);
      return -1;
    }
    e->dataPtr = g_malloc0 (e->dataSize);
  }
  *surf = s;
  return 0;
}

int
NvBufSurfaceCreate (NvBufSurface ** surf, uint32_t batchSize, NvBufSurfaceCreateParams * params)
{
  return allocate (surf, batchSize, params, FALSE);
}

int
NvBufSurfaceAllocate (NvBufSurface ** surf, uint32_t batchSize, NvBufSurfaceAllocateParams * paramsext)
{
  if (!paramsext)
    return -1;
  return allocate (surf, batchSize, &paramsext->params, paramsext->disablePitchPadding);
}

int
NvBufSurfaceDestroy (NvBufSurface * surf)
{
  if (!surf || surf->_reserved[0] != (void *) owned_marker)
    return -1;                  /* not ours to free (e.g. a buffer's descriptor) */
  for (uint32_t i = 0; surf->surfaceList && i < surf->batchSize; i++)
    g_free (surf->surfaceList[i].dataPtr);
  g_free (surf->surfaceList);
  g_free (surf);
  return 0;
}

/* Resolves index/plane (-1 = all) into ranges; FALSE when out of range. */
static gboolean
select_range (const NvBufSurface * surf, int index, int plane, guint * i0, guint * i1, int *p0, int *p1)
{
  if (!surf || !surf->surfaceList || index < -1 || plane < -1 || plane >= NVBUF_MAX_PLANES)
    return FALSE;
  if (index >= 0 && (guint) index >= surf->batchSize)
    return FALSE;
  *i0 = index < 0 ? 0 : (guint) index;
  *i1 = index < 0 ? surf->batchSize : (guint) index + 1;
  *p0 = plane;
  *p1 = plane;
  return TRUE;
}

static gboolean
plane_in_entry (const NvBufSurfaceParams * e, int plane, int *from, int *to)
{
  guint n = e->planeParams.num_planes;
  if (plane >= 0 && (guint) plane >= n)
    return FALSE;
  *from = plane < 0 ? 0 : plane;
  *to = plane < 0 ? (int) n : plane + 1;
  return TRUE;
}

int
NvBufSurfaceMap (NvBufSurface * surf, int index, int plane, NvBufSurfaceMemMapFlags type)
{
  guint i0, i1;
  int p0, p1, from, to;

  if (type > NVBUF_MAP_READ_WRITE || !select_range (surf, index, plane, &i0, &i1, &p0, &p1))
    return -1;
  for (guint i = i0; i < i1; i++) {
    NvBufSurfaceParams *e = &surf->surfaceList[i];
    if (!e->dataPtr || !plane_in_entry (e, p0, &from, &to))
      return -1;
    for (int k = from; k < to; k++)
      e->mappedAddr.addr[k] = (guint8 *) e->dataPtr + e->planeParams.offset[k];
  }
  return 0;
}

int
NvBufSurfaceUnMap (NvBufSurface * surf, int index, int plane)
{
  guint i0, i1;
  int p0, p1, from, to;

  if (!select_range (surf, index, plane, &i0, &i1, &p0, &p1))
    return -1;
  for (guint i = i0; i < i1; i++) {
    NvBufSurfaceParams *e = &surf->surfaceList[i];
    if (!plane_in_entry (e, p0, &from, &to))
      return -1;
    for (int k = from; k < to; k++)
      e->mappedAddr.addr[k] = NULL;
  }
  return 0;
}

/* Host memory: nothing to flush, only the arguments to check. */
int
NvBufSurfaceSyncForCpu (NvBufSurface * surf, int index, int plane)
{
  guint i0, i1;
  int p0, p1;
  return select_range (surf, index, plane, &i0, &i1, &p0, &p1) ? 0 : -1;
}

int
NvBufSurfaceSyncForDevice (NvBufSurface * surf, int index, int plane)
{
  return NvBufSurfaceSyncForCpu (surf, index, plane);
}

int
NvBufSurfaceMemSet (NvBufSurface * surf, int index, int plane, uint8_t value)
{
  guint i0, i1;
  int p0, p1, from, to;

  if (!select_range (surf, index, plane, &i0, &i1, &p0, &p1))
    return -1;
  for (guint i = i0; i < i1; i++) {
    NvBufSurfaceParams *e = &surf->surfaceList[i];
    if (!e->dataPtr || !plane_in_entry (e, p0, &from, &to))
      return -1;
    for (int k = from; k < to; k++)
      memset ((guint8 *) e->dataPtr + e->planeParams.offset[k], value,
          (gsize) e->planeParams.pitch[k] * e->planeParams.height[k]);
  }
  return 0;
}

static gboolean
same_geometry (const NvBufSurfaceParams * a, const NvBufSurfaceParams * b)
{
  if (a->width != b->width || a->height != b->height || a->colorFormat != b->colorFormat
      || a->planeParams.num_planes != b->planeParams.num_planes)
    return FALSE;
  for (guint k = 0; k < a->planeParams.num_planes; k++)
    if (a->planeParams.width[k] != b->planeParams.width[k]
        || a->planeParams.height[k] != b->planeParams.height[k]
        || a->planeParams.bytesPerPix[k] != b->planeParams.bytesPerPix[k])
      return FALSE;
  return TRUE;
}

int
NvBufSurfaceCopy (NvBufSurface * srcSurf, NvBufSurface * dstSurf)
{
  if (!srcSurf || !dstSurf || !srcSurf->surfaceList || !dstSurf->surfaceList
      || srcSurf->batchSize != dstSurf->batchSize)
    return -1;
  for (guint i = 0; i < srcSurf->batchSize; i++)
    if (!same_geometry (&srcSurf->surfaceList[i], &dstSurf->surfaceList[i])
        || !srcSurf->surfaceList[i].dataPtr || !dstSurf->surfaceList[i].dataPtr)
      return -1;
  for (guint i = 0; i < srcSurf->batchSize; i++) {
    const NvBufSurfaceParams *s = &srcSurf->surfaceList[i];
    NvBufSurfaceParams *d = &dstSurf->surfaceList[i];
    for (guint k = 0; k < s->planeParams.num_planes; k++) {
      gsize row = (gsize) s->planeParams.width[k] * s->planeParams.bytesPerPix[k];
      for (guint y = 0; y < s->planeParams.height[k]; y++)
        memcpy ((guint8 *) d->dataPtr + d->planeParams.offset[k] + (gsize) y * d->planeParams.pitch[k],
            (const guint8 *) s->dataPtr + s->planeParams.offset[k] + (gsize) y * s->planeParams.pitch[k],
            row);
    }
  }
  dstSurf->numFilled = srcSurf->numFilled;
  return 0;
}

/* One plane between a surface and a tightly packed caller buffer of width × height elements. */
static int
copy_raw (NvBufSurface * surf, unsigned int index, unsigned int plane, unsigned int width,
    unsigned int height, unsigned char *ptr, gboolean to_raw)
{
  NvBufSurfaceParams *e;
  gsize row, stride;
  guint rows;

  if (!surf || !surf->surfaceList || !ptr || index >= surf->batchSize)
    return -1;
  e = &surf->surfaceList[index];
  if (!e->dataPtr || plane >= e->planeParams.num_planes)
    return -1;
  stride = (gsize) width * e->planeParams.bytesPerPix[plane];
  row = MIN (stride, (gsize) e->planeParams.width[plane] * e->planeParams.bytesPerPix[plane]);
  rows = MIN (height, e->planeParams.height[plane]);
  for (guint y = 0; y < rows; y++) {
    guint8 *s = (guint8 *) e->dataPtr + e->planeParams.offset[plane] + (gsize) y * e->planeParams.pitch[plane];
    if (to_raw)
      memcpy (ptr + y * stride, s, row);
    else
      memcpy (s, ptr + y * stride, row);
  }
  return 0;
}

int
NvBufSurface2Raw (NvBufSurface * Surf, unsigned int index, unsigned int plane, unsigned int outwidth,
    unsigned int outheight, unsigned char *ptr)
{
  return copy_raw (Surf, index, plane, outwidth, outheight, ptr, TRUE);
}

int
Raw2NvBufSurface (unsigned char *ptr, unsigned int index, unsigned int plane, unsigned int inwidth,
    unsigned int inheight, NvBufSurface * Surf)
{
  return copy_raw (Surf, index, plane, inwidth, inheight, ptr, FALSE);
}

/* No dmabuf, EGL or cross-process surfaces on a CPU-only runtime. */
int
NvBufSurfaceFromFd (int dmabuf_fd, void **buffer)
{
  (void) dmabuf_fd;
  if (buffer)
    *buffer = NULL;
  return -1;
}

int
NvBufSurfaceMapEglImage (NvBufSurface * surf, int index)
{
  (void) surf;
  (void) index;
  return -1;
}

int
NvBufSurfaceUnMapEglImage (NvBufSurface * surf, int index)
{
  (void) surf;
  (void) index;
  return -1;
}

int
NvBufSurfaceImport (NvBufSurface ** out_nvbuf_surf, const NvBufSurfaceMapParams * in_params)
{
  (void) in_params;
  if (out_nvbuf_surf)
    *out_nvbuf_surf = NULL;
  return -1;
}

int
NvBufSurfaceGetMapParams (const NvBufSurface * surf, int index, NvBufSurfaceMapParams * params)
{
  (void) surf;
  (void) index;
  (void) params;
  return -1;
}
