namespace DeepStreamNet.Metadata;

/// <summary>
/// One plane of a mapped frame (pyds: the NumPy array of <c>get_nvds_buf_surface</c>): read-only, zero-copy, valid
/// until the <see cref="FramePixels"/> it came from is disposed. Pixel (x, y) starts at byte
/// <c>y × Pitch + x × BytesPerPixel</c> of <see cref="Data"/>; always use <see cref="Pitch"/>, rows may be padded.
/// </summary>
public readonly ref struct PixelPlane
{
    internal PixelPlane(ReadOnlySpan<byte> data, int width, int height, int pitch, int bytesPerPixel)
    {
        Data = data;
        Width = width;
        Height = height;
        Pitch = pitch;
        BytesPerPixel = bytesPerPixel;
    }

    /// <summary>The plane's bytes: <see cref="Height"/> rows of <see cref="Pitch"/> bytes (the last row may end after its pixels).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Width in elements (NV12 chroma: Cb/Cr pairs).</summary>
    public int Width { get; }

    /// <summary>Height in rows.</summary>
    public int Height { get; }

    /// <summary>Bytes from one row to the next.</summary>
    public int Pitch { get; }

    /// <summary>Bytes per element (RGBA 4; NV12 luma 1, chroma 2).</summary>
    public int BytesPerPixel { get; }

    /// <summary>The pixels of row <paramref name="y"/> (Width × BytesPerPixel bytes).</summary>
    public ReadOnlySpan<byte> Row(int y) => Data.Slice(y * Pitch, Width * BytesPerPixel);

    /// <summary>The bytes of element (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public ReadOnlySpan<byte> Pixel(int x, int y) => Data.Slice((y * Pitch) + (x * BytesPerPixel), BytesPerPixel);
}
