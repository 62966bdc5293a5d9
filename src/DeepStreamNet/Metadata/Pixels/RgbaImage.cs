namespace DeepStreamNet.Metadata;

/// <summary>A managed copy of frame pixels as tightly packed RGBA (what <see cref="FramePixels.Crop(RectF)"/> returns).</summary>
public sealed class RgbaImage
{
    /// <summary>Wraps <paramref name="pixels"/> (Width × Height × 4 bytes, row after row).</summary>
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != width * height * 4)
        {
            throw new ArgumentException($"{width}x{height} RGBA needs {width * height * 4} bytes, got {pixels.Length}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>R, G, B, A bytes, Width × 4 per row.</summary>
    public byte[] Pixels { get; }

    /// <summary>The R, G, B, A bytes of pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public ReadOnlySpan<byte> Pixel(int x, int y) => Pixels.AsSpan(((y * Width) + x) * 4, 4);

    /// <summary>JPEG bytes of this image (GStreamer's <c>jpegenc</c>, see <see cref="JpegEncoder"/>).</summary>
    public byte[] EncodeJpeg(int quality = JpegEncoder.DefaultQuality) => JpegEncoder.Shared.Encode(Pixels, Width, Height, Width * 4, quality);

    /// <summary>Writes this image as a JPEG file (creating its folder).</summary>
    public void SaveJpeg(string path, int quality = JpegEncoder.DefaultQuality)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = EncodeJpeg(quality);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, bytes);
    }
}
