using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// The <c>NvBufSurface</c> of a batched buffer, read the same way on both backends. On DeepStream the buffer's one
/// memory block is the descriptor (mapped, pointer kept, unmapped at once — as NVIDIA's own elements do); on the
/// portable runtime the descriptor travels as a <c>DsNetSurfaceMeta</c> (native/include/dsnet_bufsurface.h) and the
/// buffer stays mapped for reading until <see cref="Dispose"/>. Either way <see cref="Native"/> has DeepStream's layout.
/// Only valid inside the probe call (a ref struct for that reason); dispose it before the probe returns.
/// </summary>
public unsafe ref struct BufferSurface
{
    private static ulong _portableMetaApi;
    private GstBuffer* _buffer;
    private bool _portable;

    private BufferSurface(GstBuffer* buffer, NvBufSurface* surface, bool portable)
    {
        _buffer = buffer;
        Native = surface;
        _portable = portable;
    }

    /// <summary>The descriptor (DeepStream 6.3 layout).</summary>
    public NvBufSurface* Native { get; private set; }

    /// <summary>True when this buffer came from the portable runtime.</summary>
    public readonly bool IsPortable => _portable;

    /// <summary><c>batchSize</c>: entries of <c>surfaceList</c>.</summary>
    public readonly int BatchSize => (int)Native->batchSize;

    /// <summary><c>numFilled</c>: entries holding frames.</summary>
    public readonly int NumFilled => (int)Native->numFilled;

    /// <summary><c>memType</c> of every surface of the batch.</summary>
    public readonly NvBufSurfaceMemType MemoryType => Native->memType;

    /// <summary>Entry <paramref name="batchId"/> of <c>surfaceList</c> (the frame whose <c>batch_id</c> it is).</summary>
    public readonly NvBufSurfaceParams* Entry(int batchId)
    {
        if ((uint)batchId >= Native->batchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(batchId), batchId, $"the batch has {Native->batchSize} surfaces");
        }

        return &Native->surfaceList[batchId];
    }

    /// <summary>Maps the descriptor of <paramref name="buffer"/>.</summary>
    /// <exception cref="PixelAccessException">The buffer carries no NvBufSurface (not after a stream muxer) or does not map.</exception>
    public static BufferSurface Map(GstBuffer* buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var api = PortableMetaApi();
        if (api != 0 && Gst.gst_buffer_get_meta(buffer, api) is not null)
        {
            var s = NvBufSurfaceApi.dsnet_buffer_map_surface(buffer, GstMapFlags.GST_MAP_READ);
            if (s is null)
            {
                throw new PixelAccessException("the batched buffer does not map for reading, or is smaller than the frames its surface meta describes");
            }

            return new BufferSurface(buffer, s, portable: true);
        }

        GstMapInfo map;
        if (!Gst.gst_buffer_map(buffer, &map, GstMapFlags.GST_MAP_READ))
        {
            throw new PixelAccessException("the buffer does not map for reading");
        }

        var data = map.data;
        var size = map.size;
        Gst.gst_buffer_unmap(buffer, &map);
        if (size != (nuint)sizeof(NvBufSurface))
        {
            throw new PixelAccessException(
                $"the buffer carries no NvBufSurface ({size} bytes of memory and no DsNetSurfaceMeta): frame pixels are readable " +
                "on the batched buffers between the stream muxer and the tiler/demuxer output (e.g. a probe after primary inference or the tracker)");
        }

        return new BufferSurface(buffer, (NvBufSurface*)data, portable: false);
    }

    /// <summary>Maps frame <paramref name="frame"/>'s surface (its <c>batch_id</c> entry) for reading.</summary>
    public readonly FramePixels MapFrame(FrameMeta frame) => MapFrame((int)frame.BatchId);

    /// <summary>Maps entry <paramref name="batchId"/> for reading.</summary>
    public readonly FramePixels MapFrame(int batchId) => new(Native, batchId);

    /// <summary>Releases the portable mapping (nothing to do on DeepStream).</summary>
    public void Dispose()
    {
        if (_portable && _buffer is not null)
        {
            NvBufSurfaceApi.dsnet_buffer_unmap_surface(_buffer);
        }

        _buffer = null;
        Native = null;
        _portable = false;
    }

    // The GType of the portable surface meta, registered by libdsnet_bufsurface when the portable plugin loads;
    // looked up by name so a DeepStream install never loads the portable library.
    private static ulong PortableMetaApi()
    {
        if (_portableMetaApi == 0)
        {
            fixed (byte* name = "DsNetSurfaceMetaAPI\0"u8)
            {
                _portableMetaApi = GLib.g_type_from_name(name);
            }
        }

        return _portableMetaApi;
    }
}
