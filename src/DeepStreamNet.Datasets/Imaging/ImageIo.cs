using DeepStreamNet.Datasets.Limits;
using SkiaSharp;

namespace DeepStreamNet.Datasets.Imaging;

/// <summary>Image decoding, resizing and encoding with SkiaSharp (8/16-bit PNG with alpha, JPEG, BMP, WebP).</summary>
public static class ImageIo
{
    /// <summary>Size from the file header without decoding the pixels.</summary>
    /// <exception cref="InvalidDataException">The file is not a decodable image, or larger than <see cref="InputLimits"/> allow.</exception>
    /// <exception cref="IOException">The file is missing, empty, not a regular file or unreadable.</exception>
    public static (int Width, int Height) Probe(string path)
    {
        using var codec = OpenCodec(path);
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>A codec for the file whose header size is within the limits (checked before any pixel is allocated).</summary>
    private static SKCodec OpenCodec(string path)
    {
        BoundedFile.CheckedLength(path, InputLimits.MaxImageFileBytes);
        var codec = SKCodec.Create(path, out var result); // owns the file it opens
        if (codec is null)
        {
            throw new InvalidDataException($"{path}: not a decodable image ({result})");
        }

        if (InputLimits.CheckImageSize(codec.Info.Width, codec.Info.Height) is { } tooLarge)
        {
            codec.Dispose();
            throw new InvalidDataException($"{path}: {tooLarge}");
        }

        return codec;
    }

    /// <summary>
    /// Decodes to opaque 8-bit RGBA. Alpha is discarded, not composited, which is what Pillow's
    /// <c>convert("RGB")</c> in the recipe does; 16-bit channels are reduced to 8 bits by the decoder.
    /// </summary>
    public static SKBitmap LoadOpaque(string path)
    {
        using var codec = OpenCodec(path);
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
