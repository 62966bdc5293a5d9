using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// One frame's pixels, mapped for reading (pyds: <c>get_nvds_buf_surface</c>): zero-copy planes with pitch and format,
/// and copies only where asked (<see cref="CopyRgba"/>, <see cref="Crop(RectF)"/>, <see cref="EncodeJpeg(RectF, int)"/>).
/// On DeepStream it calls <c>NvBufSurfaceMap(READ)</c> (+ <c>NvBufSurfaceSyncForCpu</c> on Jetson memory) unless the
/// surface is already mapped, and <c>NvBufSurfaceUnMap</c> on <see cref="Dispose"/>; the portable runtime runs the same
/// calls against its host-memory implementation. Dispose it inside the probe call.
/// </summary>
public unsafe ref struct FramePixels
{
    private readonly NvBufSurface* _surface;
    private readonly NvBufSurfaceParams* _entry;
    private readonly int _index;
    private bool _mappedHere;
    private BufferSurface _owned;

    internal FramePixels(NvBufSurface* surface, int batchId)
    {
        if ((uint)batchId >= surface->batchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(batchId), batchId, $"the batch has {surface->batchSize} surfaces");
        }

        _surface = surface;
        _index = batchId;
        _entry = &surface->surfaceList[batchId];
        _owned = default;
        _mappedHere = false;
        MapForRead();
    }

    /// <summary>The frame's <c>NvBufSurfaceParams</c>.</summary>
    public readonly NvBufSurfaceParams* Native => _entry;

    /// <summary>The entry index (the frame's <c>batch_id</c>).</summary>
    public readonly int BatchId => _index;

    /// <summary>Width in pixels.</summary>
    public readonly int Width => (int)_entry->width;

    /// <summary>Height in pixels.</summary>
    public readonly int Height => (int)_entry->height;

    /// <summary>Pixel format (RGBA on the portable runtime; NV12 or RGBA on DeepStream).</summary>
    public readonly NvBufSurfaceColorFormat Format => _entry->colorFormat;

    /// <summary>Number of planes (RGBA 1, NV12 2).</summary>
    public readonly int PlaneCount => (int)_entry->planeParams.num_planes;

    /// <summary>Plane <paramref name="index"/>, zero-copy.</summary>
    public readonly PixelPlane Plane(int index)
    {
        if ((uint)index >= (uint)PlaneCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the frame has {PlaneCount} planes");
        }

        var pitch = PlanePitch(index);
        var height = (int)_entry->planeParams.height[index];
        var length = height == 0 ? 0 : ((long)pitch * (height - 1)) + ((long)_entry->planeParams.width[index] * _entry->planeParams.bytesPerPix[index]);
        return new PixelPlane(new ReadOnlySpan<byte>(PlaneBase(index), checked((int)length)), (int)_entry->planeParams.width[index], height, pitch,
            (int)_entry->planeParams.bytesPerPix[index]);
    }

    /// <summary>
    /// Copies the pixels of <paramref name="rect"/> (inside the frame) into <paramref name="destination"/> as tightly
    /// packed RGBA (rect.Width × rect.Height × 4 bytes), converting from the frame's format. Allocates nothing.
    /// </summary>
    public readonly void CopyRgba(PixelRect rect, Span<byte> destination)
    {
        if (rect.IsEmpty || rect.Left < 0 || rect.Top < 0 || rect.Right > Width || rect.Bottom > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(rect), rect, $"not a non-empty rectangle inside the {Width}x{Height} frame");
        }

        if (destination.Length < rect.Width * rect.Height * 4)
        {
            throw new ArgumentException($"{rect.Width}x{rect.Height} RGBA needs {rect.Width * rect.Height * 4} bytes, got {destination.Length}", nameof(destination));
        }

        PixelConversion.CopyRgba(this, rect, destination);
    }

    /// <summary>A managed RGBA copy of <paramref name="box"/> (clipped to the frame; outwards to whole pixels).</summary>
    /// <exception cref="ArgumentException">The box lies outside the frame.</exception>
    public readonly RgbaImage Crop(RectF box) => Crop(ClipOrThrow(box));

    /// <summary>A managed RGBA copy of <paramref name="rect"/>.</summary>
    public readonly RgbaImage Crop(PixelRect rect)
    {
        var pixels = new byte[rect.Width * rect.Height * 4];
        CopyRgba(rect, pixels);
        return new RgbaImage(rect.Width, rect.Height, pixels);
    }

    /// <summary>The whole frame as a managed RGBA copy.</summary>
    public readonly RgbaImage Crop() => Crop(new PixelRect(0, 0, Width, Height));

    /// <summary>JPEG bytes of <paramref name="box"/> (pyds 1.2's <c>nvds_obj_enc_process</c> use, without a GPU).</summary>
    public readonly byte[] EncodeJpeg(RectF box, int quality = JpegEncoder.DefaultQuality) => Crop(box).EncodeJpeg(quality);

    /// <summary>JPEG bytes of the whole frame.</summary>
    public readonly byte[] EncodeJpeg(int quality = JpegEncoder.DefaultQuality) => Crop().EncodeJpeg(quality);

    /// <summary>Unmaps what this view mapped (and the buffer surface it owns, if any).</summary>
    public void Dispose()
    {
        if (_mappedHere)
        {
            _ = NvBufSurfaceApi.NvBufSurfaceUnMap(_surface, _index, -1); // nothing useful to do about a failure here
            _mappedHere = false;
        }

        _owned.Dispose();
    }

    /// <summary>Start of plane <paramref name="index"/> in CPU memory.</summary>
    internal readonly byte* PlaneBase(int index)
    {
        var mapped = _entry->mappedAddr.addr[index];
        return mapped != 0 ? (byte*)mapped : (byte*)_entry->dataPtr + _entry->planeParams.offset[index];
    }

    internal readonly int PlanePitch(int index) => (int)_entry->planeParams.pitch[index];

    /// <summary>Makes this view own <paramref name="surface"/> (disposed with it).</summary>
    internal void Own(BufferSurface surface) => _owned = surface;

    private readonly PixelRect ClipOrThrow(RectF box)
    {
        var rect = PixelRect.Clip(box, Width, Height);
        return rect.IsEmpty ? throw new ArgumentException($"box {box} lies outside the {Width}x{Height} frame", nameof(box)) : rect;
    }

    private void MapForRead()
    {
        var memType = _surface->memType;
        if (_entry->layout != NvBufSurfaceLayout.NVBUF_LAYOUT_PITCH)
        {
            throw new PixelAccessException("the frame is block-linear (Jetson tiled layout), not CPU-addressable row by row: " +
                "convert it to a pitch-linear RGBA surface (nvvideoconvert) before the probe");
        }

        if (memType == NvBufSurfaceMemType.NVBUF_MEM_CUDA_DEVICE)
        {
            throw new PixelAccessException("the frame is in CUDA device memory (nvbuf-memory-type=2), which the CPU cannot read: " +
                "set nvbuf-memory-type=3 (CUDA unified) on the stream muxer and the converters before the probe, as pyds requires");
        }

        if (_entry->mappedAddr.addr[0] != 0)
        {
            return; // mapped by someone else: read it, leave the unmapping to them
        }

        if (NvBufSurfaceApi.NvBufSurfaceMap(_surface, _index, -1, NvBufSurfaceMemMapFlags.NVBUF_MAP_READ) == 0)
        {
            _mappedHere = true;
            if (memType is NvBufSurfaceMemType.NVBUF_MEM_SURFACE_ARRAY or NvBufSurfaceMemType.NVBUF_MEM_HANDLE or NvBufSurfaceMemType.NVBUF_MEM_DEFAULT
                && NvBufSurfaceApi.NvBufSurfaceSyncForCpu(_surface, _index, -1) != 0)
            {
                Dispose();
                throw new PixelAccessException($"NvBufSurfaceSyncForCpu failed for surface {_index} (memory type {memType})");
            }

            return;
        }

        // pyds' x86 path: host-visible memory can be read through dataPtr without a map
        if (_entry->dataPtr is null || memType is not (NvBufSurfaceMemType.NVBUF_MEM_CUDA_PINNED or NvBufSurfaceMemType.NVBUF_MEM_CUDA_UNIFIED or NvBufSurfaceMemType.NVBUF_MEM_SYSTEM))
        {
            throw new PixelAccessException($"NvBufSurfaceMap failed for surface {_index} (memory type {memType})");
        }
    }
}
