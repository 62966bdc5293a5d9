/*
 * Compile-time ABI check of native/include/nvbufsurface.h against DeepStream 6.3
 * (shared/spec/nvbufsurface-and-extra-meta.md §1): constants, every enum value the spec lists, sizeof/alignof
 * of every struct of §1.3, offset/size/type of every field of §1.4 and the signature of every function of §1.8.
 * Any mismatch fails the build.
 */
#include <stddef.h>
#include <stdalign.h>

#include "nvbufsurface.h"

#include "abi_check.h"

/* §1.1 constants */
ENUM (NVBUF_MAX_PLANES, 4);
ENUM (STRUCTURE_PADDING, 4);
ENUM (NVBUFSURFACE_CHROMA_SUBSAMPLING_HORIZ_DEFAULT, 0);
ENUM (NVBUFSURFACE_CHROMA_SUBSAMPLING_VERT_DEFAULT, 1);

/* §1.2 enums */
ENUM (NVBUF_MAP_READ, 0);
ENUM (NVBUF_MAP_WRITE, 1);
ENUM (NVBUF_MAP_READ_WRITE, 2);
ENUM (NVBUF_LAYOUT_PITCH, 0);
ENUM (NVBUF_LAYOUT_BLOCK_LINEAR, 1);
ENUM (NVBUF_DISPLAYSCANFORMAT_PROGRESSIVE, 0);
ENUM (NVBUF_DISPLAYSCANFORMAT_INTERLACED, 1);
ENUM (NVBUF_MEM_DEFAULT, 0);
ENUM (NVBUF_MEM_CUDA_PINNED, 1);
ENUM (NVBUF_MEM_CUDA_DEVICE, 2);
ENUM (NVBUF_MEM_CUDA_UNIFIED, 3);
ENUM (NVBUF_MEM_SURFACE_ARRAY, 4);
ENUM (NVBUF_MEM_HANDLE, 5);
ENUM (NVBUF_MEM_SYSTEM, 6);
ENUM (NvBufSurfaceTag_NONE, 0x0);
ENUM (NvBufSurfaceTag_CAMERA, 0x200);
ENUM (NvBufSurfaceTag_VIDEO_CONVERT, 0xF01);
ENUM (NvBufSurfaceTag_VIDEO_ENC, 0x1200);
ENUM (NvBufSurfaceTag_VIDEO_DEC, 0x1400);
ENUM (NvBufSurfaceTag_JPEG, 0x1500);
ENUM (NvBufSurfaceTag_PROTECTED, 0x1504);
_Static_assert (sizeof (NvBufSurfaceMemType) == 4 && sizeof (NvBufSurfaceColorFormat) == 4, "enum size");

/* §1.2.1 colour formats: spot checks across the append-only numbering, and the 6.3 sentinel */
ENUM (NVBUF_COLOR_FORMAT_INVALID, 0);
ENUM (NVBUF_COLOR_FORMAT_GRAY8, 1);
ENUM (NVBUF_COLOR_FORMAT_YUV420, 2);
ENUM (NVBUF_COLOR_FORMAT_NV12, 6);
ENUM (NVBUF_COLOR_FORMAT_NV12_ER, 7);
ENUM (NVBUF_COLOR_FORMAT_NV21, 8);
ENUM (NVBUF_COLOR_FORMAT_UYVY, 10);
ENUM (NVBUF_COLOR_FORMAT_YUYV, 14);
ENUM (NVBUF_COLOR_FORMAT_YUV444, 18);
ENUM (NVBUF_COLOR_FORMAT_RGBA, 19);
ENUM (NVBUF_COLOR_FORMAT_BGRA, 20);
ENUM (NVBUF_COLOR_FORMAT_ARGB, 21);
ENUM (NVBUF_COLOR_FORMAT_ABGR, 22);
ENUM (NVBUF_COLOR_FORMAT_RGBx, 23);
ENUM (NVBUF_COLOR_FORMAT_BGRx, 24);
ENUM (NVBUF_COLOR_FORMAT_xRGB, 25);
ENUM (NVBUF_COLOR_FORMAT_xBGR, 26);
ENUM (NVBUF_COLOR_FORMAT_RGB, 27);
ENUM (NVBUF_COLOR_FORMAT_BGR, 28);
ENUM (NVBUF_COLOR_FORMAT_NV12_10LE, 29);
ENUM (NVBUF_COLOR_FORMAT_NV12_709, 33);
ENUM (NVBUF_COLOR_FORMAT_NV12_10LE_2020, 40);
ENUM (NVBUF_COLOR_FORMAT_SIGNED_R16G16, 41);
ENUM (NVBUF_COLOR_FORMAT_R8_G8_B8, 42);
ENUM (NVBUF_COLOR_FORMAT_YUV422, 46);
ENUM (NVBUF_COLOR_FORMAT_NV21_10LE, 47);
ENUM (NVBUF_COLOR_FORMAT_NV16, 50);
ENUM (NVBUF_COLOR_FORMAT_NV24, 52);
ENUM (NVBUF_COLOR_FORMAT_NV24_709_ER, 59);
ENUM (NVBUF_COLOR_FORMAT_NV24_12LE_2020, 63);
ENUM (NVBUF_COLOR_FORMAT_RGBA_10_10_10_2_709, 64);
ENUM (NVBUF_COLOR_FORMAT_A32, 68);
ENUM (NVBUF_COLOR_FORMAT_UYVP_ER, 70);
ENUM (NVBUF_COLOR_FORMAT_YUV444_ER, 71);
ENUM (NVBUF_COLOR_FORMAT_YUV444_10LE, 75);
ENUM (NVBUF_COLOR_FORMAT_YUV444_12LE, 80);
ENUM (NVBUF_COLOR_FORMAT_YUV444_12LE_2020, 84);
ENUM (NVBUF_COLOR_FORMAT_NV12_12LE_ER, 85);
ENUM (NVBUF_COLOR_FORMAT_NV12_12LE_709_ER, 87);
ENUM (NVBUF_COLOR_FORMAT_LAST, 88);

/* §1.3 struct index */
STRUCT (NvBufSurface, 64, 8);
STRUCT (NvBufSurfaceParams, 384, 8);
STRUCT (NvBufSurfacePlaneParams, 232, 8);
STRUCT (NvBufSurfaceMappedAddr, 72, 8);
STRUCT (NvBufSurfaceParamsEx, 272, 8);
STRUCT (NvBufSurfacePlaneParamsEx, 224, 8);
STRUCT (NvBufSurfaceChromaSubsamplingParams, 2, 1);
STRUCT (NvBufSurfaceCreateParams, 32, 4);
STRUCT (NvBufSurfaceAllocateParams, 80, 8);
STRUCT (NvBufSurfaceMapPlaneParams, 104, 8);
STRUCT (NvBufSurfaceMapParams, 520, 8);
_Static_assert (SAME_TYPE (struct NvBufSurface, NvBufSurface), "struct tag NvBufSurface");
_Static_assert (SAME_TYPE (struct NvBufSurfaceParams, NvBufSurfaceParams), "struct tag NvBufSurfaceParams");

/* §1.4 layouts */
FIELD (NvBufSurface, gpuId, 0, 4, uint32_t);
FIELD (NvBufSurface, batchSize, 4, 4, uint32_t);
FIELD (NvBufSurface, numFilled, 8, 4, uint32_t);
FIELD (NvBufSurface, isContiguous, 12, 1, bool);
FIELD (NvBufSurface, memType, 16, 4, NvBufSurfaceMemType);
FIELD (NvBufSurface, surfaceList, 24, 8, NvBufSurfaceParams *);
FIELD (NvBufSurface, _reserved, 32, 32, void *[4]);

FIELD (NvBufSurfaceParams, width, 0, 4, uint32_t);
FIELD (NvBufSurfaceParams, height, 4, 4, uint32_t);
FIELD (NvBufSurfaceParams, pitch, 8, 4, uint32_t);
FIELD (NvBufSurfaceParams, colorFormat, 12, 4, NvBufSurfaceColorFormat);
FIELD (NvBufSurfaceParams, layout, 16, 4, NvBufSurfaceLayout);
FIELD (NvBufSurfaceParams, bufferDesc, 24, 8, uint64_t);
FIELD (NvBufSurfaceParams, dataSize, 32, 4, uint32_t);
FIELD (NvBufSurfaceParams, dataPtr, 40, 8, void *);
FIELD (NvBufSurfaceParams, planeParams, 48, 232, NvBufSurfacePlaneParams);
FIELD (NvBufSurfaceParams, mappedAddr, 280, 72, NvBufSurfaceMappedAddr);
FIELD (NvBufSurfaceParams, paramex, 352, 8, NvBufSurfaceParamsEx *);
FIELD (NvBufSurfaceParams, _reserved, 360, 24, void *[3]);

FIELD (NvBufSurfacePlaneParams, num_planes, 0, 4, uint32_t);
FIELD (NvBufSurfacePlaneParams, width, 4, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParams, height, 20, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParams, pitch, 36, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParams, offset, 52, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParams, psize, 68, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParams, bytesPerPix, 84, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParams, _reserved, 104, 128, void *[16]);

FIELD (NvBufSurfaceMappedAddr, addr, 0, 32, void *[4]);
FIELD (NvBufSurfaceMappedAddr, eglImage, 32, 8, void *);
FIELD (NvBufSurfaceMappedAddr, _reserved, 40, 32, void *[4]);

FIELD (NvBufSurfacePlaneParamsEx, scanformat, 0, 16, NvBufSurfaceDisplayScanFormat[4]);
FIELD (NvBufSurfacePlaneParamsEx, secondfieldoffset, 16, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParamsEx, blockheightlog2, 32, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParamsEx, physicaladdress, 48, 16, uint32_t[4]);
FIELD (NvBufSurfacePlaneParamsEx, flags, 64, 32, uint64_t[4]);
FIELD (NvBufSurfacePlaneParamsEx, _reserved, 96, 128, void *[16]);

FIELD (NvBufSurfaceParamsEx, startofvaliddata, 0, 4, int32_t);
FIELD (NvBufSurfaceParamsEx, sizeofvaliddatainbytes, 4, 4, int32_t);
FIELD (NvBufSurfaceParamsEx, chromaSubsampling, 8, 2, NvBufSurfaceChromaSubsamplingParams);
FIELD (NvBufSurfaceParamsEx, is_protected, 10, 1, bool);
FIELD (NvBufSurfaceParamsEx, planeParamsex, 16, 224, NvBufSurfacePlaneParamsEx);
FIELD (NvBufSurfaceParamsEx, _reserved, 240, 32, void *[4]);

FIELD (NvBufSurfaceChromaSubsamplingParams, chromaLocHoriz, 0, 1, uint8_t);
FIELD (NvBufSurfaceChromaSubsamplingParams, chromaLocVert, 1, 1, uint8_t);

FIELD (NvBufSurfaceCreateParams, gpuId, 0, 4, uint32_t);
FIELD (NvBufSurfaceCreateParams, width, 4, 4, uint32_t);
FIELD (NvBufSurfaceCreateParams, height, 8, 4, uint32_t);
FIELD (NvBufSurfaceCreateParams, size, 12, 4, uint32_t);
FIELD (NvBufSurfaceCreateParams, isContiguous, 16, 1, bool);
FIELD (NvBufSurfaceCreateParams, colorFormat, 20, 4, NvBufSurfaceColorFormat);
FIELD (NvBufSurfaceCreateParams, layout, 24, 4, NvBufSurfaceLayout);
FIELD (NvBufSurfaceCreateParams, memType, 28, 4, NvBufSurfaceMemType);

FIELD (NvBufSurfaceAllocateParams, params, 0, 32, NvBufSurfaceCreateParams);
FIELD (NvBufSurfaceAllocateParams, displayscanformat, 32, 4, NvBufSurfaceDisplayScanFormat);
FIELD (NvBufSurfaceAllocateParams, chromaSubsampling, 36, 2, NvBufSurfaceChromaSubsamplingParams);
FIELD (NvBufSurfaceAllocateParams, memtag, 40, 4, NvBufSurfaceTag);
FIELD (NvBufSurfaceAllocateParams, disablePitchPadding, 44, 1, bool);
FIELD (NvBufSurfaceAllocateParams, _reservedParam, 48, 4, uint32_t);
FIELD (NvBufSurfaceAllocateParams, _reserved, 56, 24, void *[3]);

FIELD (NvBufSurfaceMapPlaneParams, width, 0, 4, uint32_t);
FIELD (NvBufSurfaceMapPlaneParams, height, 4, 4, uint32_t);
FIELD (NvBufSurfaceMapPlaneParams, pitch, 8, 4, uint32_t);
FIELD (NvBufSurfaceMapPlaneParams, offset, 12, 4, uint32_t);
FIELD (NvBufSurfaceMapPlaneParams, psize, 16, 4, uint32_t);
FIELD (NvBufSurfaceMapPlaneParams, secondfieldoffset, 20, 4, uint32_t);
FIELD (NvBufSurfaceMapPlaneParams, blockheightlog2, 24, 4, uint32_t);
FIELD (NvBufSurfaceMapPlaneParams, flags, 32, 8, uint64_t);
FIELD (NvBufSurfaceMapPlaneParams, reserved, 40, 64, uint8_t[64]);

FIELD (NvBufSurfaceMapParams, num_planes, 0, 4, uint32_t);
FIELD (NvBufSurfaceMapParams, gpuId, 4, 4, uint32_t);
FIELD (NvBufSurfaceMapParams, fd, 8, 8, uint64_t);
FIELD (NvBufSurfaceMapParams, totalSize, 16, 4, uint32_t);
FIELD (NvBufSurfaceMapParams, memType, 20, 4, NvBufSurfaceMemType);
FIELD (NvBufSurfaceMapParams, layout, 24, 4, NvBufSurfaceLayout);
FIELD (NvBufSurfaceMapParams, scanformat, 28, 4, NvBufSurfaceDisplayScanFormat);
FIELD (NvBufSurfaceMapParams, colorFormat, 32, 4, NvBufSurfaceColorFormat);
FIELD (NvBufSurfaceMapParams, chromaSubsampling, 36, 2, NvBufSurfaceChromaSubsamplingParams);
FIELD (NvBufSurfaceMapParams, planes, 40, 416, NvBufSurfaceMapPlaneParams[4]);
FIELD (NvBufSurfaceMapParams, reserved, 456, 64, uint8_t[64]);

/* §1.8 functions */
FUNC (NvBufSurfaceCreate, int (NvBufSurface **, uint32_t, NvBufSurfaceCreateParams *));
FUNC (NvBufSurfaceAllocate, int (NvBufSurface **, uint32_t, NvBufSurfaceAllocateParams *));
FUNC (NvBufSurfaceDestroy, int (NvBufSurface *));
FUNC (NvBufSurfaceMap, int (NvBufSurface *, int, int, NvBufSurfaceMemMapFlags));
FUNC (NvBufSurfaceUnMap, int (NvBufSurface *, int, int));
FUNC (NvBufSurfaceSyncForCpu, int (NvBufSurface *, int, int));
FUNC (NvBufSurfaceSyncForDevice, int (NvBufSurface *, int, int));
FUNC (NvBufSurfaceCopy, int (NvBufSurface *, NvBufSurface *));
FUNC (NvBufSurface2Raw, int (NvBufSurface *, unsigned int, unsigned int, unsigned int, unsigned int, unsigned char *));
FUNC (Raw2NvBufSurface, int (unsigned char *, unsigned int, unsigned int, unsigned int, unsigned int, NvBufSurface *));
FUNC (NvBufSurfaceFromFd, int (int, void **));
FUNC (NvBufSurfaceMemSet, int (NvBufSurface *, int, int, uint8_t));
FUNC (NvBufSurfaceMapEglImage, int (NvBufSurface *, int));
FUNC (NvBufSurfaceUnMapEglImage, int (NvBufSurface *, int));
FUNC (NvBufSurfaceImport, int (NvBufSurface **, const NvBufSurfaceMapParams *));
FUNC (NvBufSurfaceGetMapParams, int (const NvBufSurface *, int, NvBufSurfaceMapParams *));

int
main (void)
{
  return 0;
}
