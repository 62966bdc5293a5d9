/*
 * NvBufSurface — the batched-surface descriptor of DeepStream 6.3 (nvbufsurface.h, libnvbufsurface.so):
 * the same type, field, enum and function names and the same layout (x86-64 / aarch64 LP64), written from
 * shared/spec/nvbufsurface-and-extra-meta.md §1 (checked by native/tests/bufsurface_abi_test.c).
 *
 * On DeepStream an NVMM GstBuffer's one memory block IS the 64-byte NvBufSurface. On the portable runtime
 * the pixels stay in the buffer's own memory and the descriptor travels as a GstMeta (dsnet_bufsurface.h);
 * the functions below are implemented for host memory by libdsnet_bufsurface.so.
 */
#ifndef NVBUFSURFACE_H_
#define NVBUFSURFACE_H_

#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C"
{
#endif

#define NVBUF_MAX_PLANES 4
#define STRUCTURE_PADDING 4
#define NVBUFSURFACE_CHROMA_SUBSAMPLING_HORIZ_DEFAULT 0
#define NVBUFSURFACE_CHROMA_SUBSAMPLING_VERT_DEFAULT 1
#define NVBUFSURFACE_CHROMA_SUBSAMPLING_PARAMS_DEFAULT \
  { NVBUFSURFACE_CHROMA_SUBSAMPLING_HORIZ_DEFAULT, NVBUFSURFACE_CHROMA_SUBSAMPLING_VERT_DEFAULT }

typedef enum
{
  NVBUF_MAP_READ,
  NVBUF_MAP_WRITE,
  NVBUF_MAP_READ_WRITE,
} NvBufSurfaceMemMapFlags;

typedef enum
{
  NvBufSurfaceTag_NONE = 0x0,
  NvBufSurfaceTag_CAMERA = 0x200,
  NvBufSurfaceTag_JPEG = 0x1500,
  NvBufSurfaceTag_PROTECTED = 0x1504,
  NvBufSurfaceTag_VIDEO_ENC = 0x1200,
  NvBufSurfaceTag_VIDEO_DEC = 0x1400,
  NvBufSurfaceTag_VIDEO_CONVERT = 0xf01,
} NvBufSurfaceTag;

/* The numbering is append-only across releases; 6.3 ends at 88. */
typedef enum
{
  NVBUF_COLOR_FORMAT_INVALID,
  NVBUF_COLOR_FORMAT_GRAY8,
  NVBUF_COLOR_FORMAT_YUV420,
  NVBUF_COLOR_FORMAT_YVU420,
  NVBUF_COLOR_FORMAT_YUV420_ER,
  NVBUF_COLOR_FORMAT_YVU420_ER,
  NVBUF_COLOR_FORMAT_NV12,
  NVBUF_COLOR_FORMAT_NV12_ER,
  NVBUF_COLOR_FORMAT_NV21,
  NVBUF_COLOR_FORMAT_NV21_ER,
  NVBUF_COLOR_FORMAT_UYVY,
  NVBUF_COLOR_FORMAT_UYVY_ER,
  NVBUF_COLOR_FORMAT_VYUY,
  NVBUF_COLOR_FORMAT_VYUY_ER,
  NVBUF_COLOR_FORMAT_YUYV,
  NVBUF_COLOR_FORMAT_YUYV_ER,
  NVBUF_COLOR_FORMAT_YVYU,
  NVBUF_COLOR_FORMAT_YVYU_ER,
  NVBUF_COLOR_FORMAT_YUV444,
  NVBUF_COLOR_FORMAT_RGBA,
  NVBUF_COLOR_FORMAT_BGRA,
  NVBUF_COLOR_FORMAT_ARGB,
  NVBUF_COLOR_FORMAT_ABGR,
  NVBUF_COLOR_FORMAT_RGBx,
  NVBUF_COLOR_FORMAT_BGRx,
  NVBUF_COLOR_FORMAT_xRGB,
  NVBUF_COLOR_FORMAT_xBGR,
  NVBUF_COLOR_FORMAT_RGB,
  NVBUF_COLOR_FORMAT_BGR,
  NVBUF_COLOR_FORMAT_NV12_10LE,
  NVBUF_COLOR_FORMAT_NV12_12LE,
  NVBUF_COLOR_FORMAT_YUV420_709,
  NVBUF_COLOR_FORMAT_YUV420_709_ER,
  NVBUF_COLOR_FORMAT_NV12_709,
  NVBUF_COLOR_FORMAT_NV12_709_ER,
  NVBUF_COLOR_FORMAT_YUV420_2020,
  NVBUF_COLOR_FORMAT_NV12_2020,
  NVBUF_COLOR_FORMAT_NV12_10LE_ER,
  NVBUF_COLOR_FORMAT_NV12_10LE_709,
  NVBUF_COLOR_FORMAT_NV12_10LE_709_ER,
  NVBUF_COLOR_FORMAT_NV12_10LE_2020,
  NVBUF_COLOR_FORMAT_SIGNED_R16G16,
  NVBUF_COLOR_FORMAT_R8_G8_B8,
  NVBUF_COLOR_FORMAT_B8_G8_R8,
  NVBUF_COLOR_FORMAT_R32F_G32F_B32F,
  NVBUF_COLOR_FORMAT_B32F_G32F_R32F,
  NVBUF_COLOR_FORMAT_YUV422,
  NVBUF_COLOR_FORMAT_NV21_10LE,
  NVBUF_COLOR_FORMAT_NV21_12LE,
  NVBUF_COLOR_FORMAT_NV12_12LE_2020,
  NVBUF_COLOR_FORMAT_NV16,
  NVBUF_COLOR_FORMAT_NV16_10LE,
  NVBUF_COLOR_FORMAT_NV24,
  NVBUF_COLOR_FORMAT_NV24_10LE,
  NVBUF_COLOR_FORMAT_NV16_ER,
  NVBUF_COLOR_FORMAT_NV24_ER,
  NVBUF_COLOR_FORMAT_NV16_709,
  NVBUF_COLOR_FORMAT_NV24_709,
  NVBUF_COLOR_FORMAT_NV16_709_ER,
  NVBUF_COLOR_FORMAT_NV24_709_ER,
  NVBUF_COLOR_FORMAT_NV24_10LE_709,
  NVBUF_COLOR_FORMAT_NV24_10LE_709_ER,
  NVBUF_COLOR_FORMAT_NV24_10LE_2020,
  NVBUF_COLOR_FORMAT_NV24_12LE_2020,
  NVBUF_COLOR_FORMAT_RGBA_10_10_10_2_709,
  NVBUF_COLOR_FORMAT_RGBA_10_10_10_2_2020,
  NVBUF_COLOR_FORMAT_BGRA_10_10_10_2_709,
  NVBUF_COLOR_FORMAT_BGRA_10_10_10_2_2020,
  NVBUF_COLOR_FORMAT_A32,
  NVBUF_COLOR_FORMAT_UYVP,
  NVBUF_COLOR_FORMAT_UYVP_ER,
  NVBUF_COLOR_FORMAT_YUV444_ER,
  NVBUF_COLOR_FORMAT_YUV444_709,
  NVBUF_COLOR_FORMAT_YUV444_709_ER,
  NVBUF_COLOR_FORMAT_YUV444_2020,
  NVBUF_COLOR_FORMAT_YUV444_10LE,
  NVBUF_COLOR_FORMAT_YUV444_10LE_ER,
  NVBUF_COLOR_FORMAT_YUV444_10LE_709,
  NVBUF_COLOR_FORMAT_YUV444_10LE_709_ER,
  NVBUF_COLOR_FORMAT_YUV444_10LE_2020,
  NVBUF_COLOR_FORMAT_YUV444_12LE,
  NVBUF_COLOR_FORMAT_YUV444_12LE_ER,
  NVBUF_COLOR_FORMAT_YUV444_12LE_709,
  NVBUF_COLOR_FORMAT_YUV444_12LE_709_ER,
  NVBUF_COLOR_FORMAT_YUV444_12LE_2020,
  NVBUF_COLOR_FORMAT_NV12_12LE_ER,
  NVBUF_COLOR_FORMAT_NV12_12LE_709,
  NVBUF_COLOR_FORMAT_NV12_12LE_709_ER,
  NVBUF_COLOR_FORMAT_LAST
} NvBufSurfaceColorFormat;

typedef enum
{
  NVBUF_LAYOUT_PITCH,
  NVBUF_LAYOUT_BLOCK_LINEAR,
} NvBufSurfaceLayout;

typedef enum
{
  NVBUF_MEM_DEFAULT,
  NVBUF_MEM_CUDA_PINNED,
  NVBUF_MEM_CUDA_DEVICE,
  NVBUF_MEM_CUDA_UNIFIED,
  NVBUF_MEM_SURFACE_ARRAY,
  NVBUF_MEM_HANDLE,
  NVBUF_MEM_SYSTEM,
} NvBufSurfaceMemType;

typedef enum
{
  NVBUF_DISPLAYSCANFORMAT_PROGRESSIVE,
  NVBUF_DISPLAYSCANFORMAT_INTERLACED,
} NvBufSurfaceDisplayScanFormat;

/* Per-plane geometry: widths in elements, pitches/offsets/sizes in bytes. */
typedef struct NvBufSurfacePlaneParamsEx
{
  NvBufSurfaceDisplayScanFormat scanformat[NVBUF_MAX_PLANES];
  uint32_t secondfieldoffset[NVBUF_MAX_PLANES];
  uint32_t blockheightlog2[NVBUF_MAX_PLANES];
  uint32_t physicaladdress[NVBUF_MAX_PLANES];
  uint64_t flags[NVBUF_MAX_PLANES];
  void *_reserved[STRUCTURE_PADDING * NVBUF_MAX_PLANES];
} NvBufSurfacePlaneParamsEx;

typedef struct NvBufSurfacePlaneParams
{
  uint32_t num_planes;
  uint32_t width[NVBUF_MAX_PLANES];
  uint32_t height[NVBUF_MAX_PLANES];
  uint32_t pitch[NVBUF_MAX_PLANES];
  uint32_t offset[NVBUF_MAX_PLANES];
  uint32_t psize[NVBUF_MAX_PLANES];
  uint32_t bytesPerPix[NVBUF_MAX_PLANES];
  void *_reserved[STRUCTURE_PADDING * NVBUF_MAX_PLANES];
} NvBufSurfacePlaneParams;

typedef struct NvBufSurfaceChromaSubsamplingParams
{
  uint8_t chromaLocHoriz;
  uint8_t chromaLocVert;
} NvBufSurfaceChromaSubsamplingParams;

typedef struct NvBufSurfaceCreateParams
{
  uint32_t gpuId;
  uint32_t width;
  uint32_t height;
  uint32_t size;
  bool isContiguous;
  NvBufSurfaceColorFormat colorFormat;
  NvBufSurfaceLayout layout;
  NvBufSurfaceMemType memType;
} NvBufSurfaceCreateParams;

typedef struct NvBufSurfaceAllocateParams
{
  NvBufSurfaceCreateParams params;
  NvBufSurfaceDisplayScanFormat displayscanformat;
  NvBufSurfaceChromaSubsamplingParams chromaSubsampling;
  NvBufSurfaceTag memtag;
  bool disablePitchPadding;
  uint32_t _reservedParam;
  void *_reserved[STRUCTURE_PADDING - 1];
} NvBufSurfaceAllocateParams;

/* CPU addresses of each plane, filled by NvBufSurfaceMap (NULL while unmapped). */
typedef struct NvBufSurfaceMappedAddr
{
  void *addr[NVBUF_MAX_PLANES];
  void *eglImage;
  void *_reserved[STRUCTURE_PADDING];
} NvBufSurfaceMappedAddr;

typedef struct NvBufSurfaceParamsEx
{
  int32_t startofvaliddata;
  int32_t sizeofvaliddatainbytes;
  NvBufSurfaceChromaSubsamplingParams chromaSubsampling;
  bool is_protected;
  NvBufSurfacePlaneParamsEx planeParamsex;
  void *_reserved[STRUCTURE_PADDING];
} NvBufSurfaceParamsEx;

/* One frame (surface) of a batch. */
typedef struct NvBufSurfaceParams
{
  uint32_t width;
  uint32_t height;
  uint32_t pitch;
  NvBufSurfaceColorFormat colorFormat;
  NvBufSurfaceLayout layout;
  uint64_t bufferDesc;
  uint32_t dataSize;
  void *dataPtr;
  NvBufSurfacePlaneParams planeParams;
  NvBufSurfaceMappedAddr mappedAddr;
  NvBufSurfaceParamsEx *paramex;
  void *_reserved[STRUCTURE_PADDING - 1];
} NvBufSurfaceParams;

/* The batch descriptor: batchSize entries of surfaceList, numFilled of them valid. */
typedef struct NvBufSurface
{
  uint32_t gpuId;
  uint32_t batchSize;
  uint32_t numFilled;
  bool isContiguous;
  NvBufSurfaceMemType memType;
  NvBufSurfaceParams *surfaceList;
  void *_reserved[STRUCTURE_PADDING];
} NvBufSurface;

typedef struct NvBufSurfaceMapPlaneParams
{
  uint32_t width;
  uint32_t height;
  uint32_t pitch;
  uint32_t offset;
  uint32_t psize;
  uint32_t secondfieldoffset;
  uint32_t blockheightlog2;
  uint64_t flags;
  uint8_t reserved[64];
} NvBufSurfaceMapPlaneParams;

typedef struct NvBufSurfaceMapParams
{
  uint32_t num_planes;
  uint32_t gpuId;
  uint64_t fd;
  uint32_t totalSize;
  NvBufSurfaceMemType memType;
  NvBufSurfaceLayout layout;
  NvBufSurfaceDisplayScanFormat scanformat;
  NvBufSurfaceColorFormat colorFormat;
  NvBufSurfaceChromaSubsamplingParams chromaSubsampling;
  NvBufSurfaceMapPlaneParams planes[NVBUF_MAX_PLANES];
  uint8_t reserved[64];
} NvBufSurfaceMapParams;

/* Every function returns 0 on success and -1 on failure; index/plane -1 selects all. */
int NvBufSurfaceCreate (NvBufSurface **surf, uint32_t batchSize, NvBufSurfaceCreateParams *params);
int NvBufSurfaceAllocate (NvBufSurface **surf, uint32_t batchSize, NvBufSurfaceAllocateParams *paramsext);
int NvBufSurfaceDestroy (NvBufSurface *surf);
int NvBufSurfaceMap (NvBufSurface *surf, int index, int plane, NvBufSurfaceMemMapFlags type);
int NvBufSurfaceUnMap (NvBufSurface *surf, int index, int plane);
int NvBufSurfaceCopy (NvBufSurface *srcSurf, NvBufSurface *dstSurf);
int NvBufSurface2Raw (NvBufSurface *Surf, unsigned int index, unsigned int plane, unsigned int outwidth,
    unsigned int outheight, unsigned char *ptr);
int Raw2NvBufSurface (unsigned char *ptr, unsigned int index, unsigned int plane, unsigned int inwidth,
    unsigned int inheight, NvBufSurface *Surf);
int NvBufSurfaceSyncForCpu (NvBufSurface *surf, int index, int plane);
int NvBufSurfaceSyncForDevice (NvBufSurface *surf, int index, int plane);
int NvBufSurfaceFromFd (int dmabuf_fd, void **buffer);
int NvBufSurfaceMemSet (NvBufSurface *surf, int index, int plane, uint8_t value);
int NvBufSurfaceMapEglImage (NvBufSurface *surf, int index);
int NvBufSurfaceUnMapEglImage (NvBufSurface *surf, int index);
int NvBufSurfaceImport (NvBufSurface **out_nvbuf_surf, const NvBufSurfaceMapParams *in_params);
int NvBufSurfaceGetMapParams (const NvBufSurface *surf, int index, NvBufSurfaceMapParams *params);

#ifdef __cplusplus
}
#endif

#endif /* NVBUFSURFACE_H_ */
