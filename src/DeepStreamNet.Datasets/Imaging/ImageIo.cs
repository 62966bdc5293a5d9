using SkiaSharp;

namespace DeepStreamNet.Datasets.Imaging;

/// <summary>Image decoding, resizing and encoding with SkiaSharp (8/16-bit PNG with alpha, JPEG, BMP, WebP).</summary>
public static class ImageIo
{
    /// <summary>Size from the file header without decoding the pixels.</summary>
    /// <exception cref="InvalidDataException">The file is not a decodable image.</exception>
    public static (int Width, int Height) Probe(string path)
    {
        using var stream = File.OpenRead(path);
        using var codec = SKCodec.Create(stream, out var result)
            ?? throw new InvalidDataException($"{path}: not a decodable image ({result})");
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// Decodes to opaque 8-bit RGBA. Alpha is discarded, not composited, which is what Pillow's
    /// <c>convert("RGB")</c> in the recipe does; 16-bit channels are reduced to 8 bits by the decoder.
    /// </summary>
    public static SKBitmap LoadOpaque(string path)
    {
        using var stream = File.OpenRead(path);
        using var codec = SKCodec.Create(stream, out var created)
            ?? throw new InvalidDataException($"{path}: not a decodable image ({created})");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        try
        {
            var r = codec.GetPixels(info, bitmap.GetPixels());
            if (r != SKCodecResult.Success)
            {
                throw new InvalidDataException($"{path}: image data is corrupt or truncated ({r})");
            }

            ForceOpaque(bitmap);

            var opaque = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            if (!bitmap.CopyTo(opaque))
            {
                opaque.Dispose();
                throw new InvalidDataException($"{path}: could not convert pixels");
            }

            return opaque;
        }
        finally
        {
            bitmap.Dispose();
        }
    }

    private static unsafe void ForceOpaque(SKBitmap bitmap)
    {
        var span = new Span<byte>((void*)bitmap.GetPixels(), bitmap.ByteCount);
        for (var i = 3; i < span.Length; i += 4)
        {
            span[i] = 255;
        }
    }

    /// <summary>Resizes (aspect ratio not kept, as the recipe does) with cubic (Catmull-Rom) resampling.</summary>
    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        var dst = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(dst);
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint();
        canvas.DrawImage(image, new SKRect(0, 0, source.Width, source.Height), new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.CatmullRom), paint);
        canvas.Flush();
        return dst;
    }

    public static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidOperationException("JPEG encoding failed");
        return data.ToArray();
    }

    public static byte[] EncodePng(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("PNG encoding failed");
        return data.ToArray();
    }
}
