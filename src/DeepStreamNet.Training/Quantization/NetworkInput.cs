using System.Globalization;
using DeepStreamNet.Config;
using SkiaSharp;

namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// A model's input as its nvinfer config describes it: size, colour order and <c>y = net-scale-factor × (x − offset)</c>.
/// Calibration renders images exactly so, or the ranges it measures would not be the ones the model sees.
/// </summary>
public sealed record NetworkInput(int Channels, int Height, int Width, float ScaleFactor, IReadOnlyList<float> Offsets, int ColorFormat)
{
    /// <summary>Floats of one image (C × H × W).</summary>
    public int Size => Channels * Height * Width;

    /// <summary>Reads the preprocessing keys of an nvinfer config (net-scale-factor, offsets, model-color-format, infer-dims).</summary>
    /// <exception cref="InvalidDataException">The config is unreadable or lacks infer-dims (the message names the file).</exception>
    public static NetworkInput FromConfig(NvInferConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.InferDims is not { Count: 3 } dims)
        {
            throw new InvalidDataException($"{config.Path}: [property] infer-dims (C;H;W) is needed to calibrate the model");
        }

        var channels = config.ModelColorFormat == 2 ? 1 : 3;
        if (dims[0] != channels)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{config.Path}: [property] infer-dims has {dims[0]} channels but model-color-format={config.ModelColorFormat} gives {channels}"));
        }

        return new NetworkInput(dims[0], dims[1], dims[2], (float)config.NetScaleFactor, [.. config.Offsets.Select(o => (float)o)], config.ModelColorFormat);
    }

    /// <summary>
    /// Renders the whole <paramref name="image"/> (opaque RGBA) stretched to the network size, bilinear with pixel-centre
    /// sampling as dsnetinfer does in primary mode, into <paramref name="destination"/> (planar, <see cref="Size"/> floats).
    /// </summary>
    public unsafe void Render(SKBitmap image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException("expected an RGBA 8888 bitmap", nameof(image));
        }

        if (destination.Length < Size)
        {
            throw new ArgumentException("destination too small", nameof(destination));
        }

        var pixels = (byte*)image.GetPixels();
        var stride = image.RowBytes;
        var plane = Height * Width;
        double sx = (double)image.Width / Width, sy = (double)image.Height / Height;
        Span<float> offset = stackalloc float[3];
        for (var c = 0; c < 3; c++)
        {
            offset[c] = c < Offsets.Count ? Offsets[c] : 0f;
        }

        Span<float> rgb = stackalloc float[3];
        for (var y = 0; y < Height; y++)
        {
            var fy = Math.Clamp(((y + 0.5) * sy) - 0.5, 0, image.Height - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, image.Height - 1);
            var wy = (float)(fy - y0);
            for (var x = 0; x < Width; x++)
            {
                var fx = Math.Clamp(((x + 0.5) * sx) - 0.5, 0, image.Width - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, image.Width - 1);
                var wx = (float)(fx - x0);
                byte* p00 = pixels + (y0 * stride) + (x0 * 4), p01 = pixels + (y0 * stride) + (x1 * 4);
                byte* p10 = pixels + (y1 * stride) + (x0 * 4), p11 = pixels + (y1 * stride) + (x1 * 4);
                for (var c = 0; c < 3; c++)
                {
                    var top = p00[c] + (wx * (p01[c] - p00[c]));
                    var bottom = p10[c] + (wx * (p11[c] - p10[c]));
                    rgb[c] = top + (wy * (bottom - top));
                }

                var at = (y * Width) + x;
                switch (ColorFormat)
                {
                    case 2: // GRAY: BT.601 luma, one plane
                        destination[at] = ScaleFactor * ((0.299f * rgb[0]) + (0.587f * rgb[1]) + (0.114f * rgb[2]) - offset[0]);
                        break;
                    case 1: // BGR
                        for (var c = 0; c < 3; c++)
                        {
                            destination[(c * plane) + at] = ScaleFactor * (rgb[2 - c] - offset[c]);
                        }

                        break;
                    default: // RGB
                        for (var c = 0; c < 3; c++)
                        {
                            destination[(c * plane) + at] = ScaleFactor * (rgb[c] - offset[c]);
                        }

                        break;
                }
            }
        }
    }
}
