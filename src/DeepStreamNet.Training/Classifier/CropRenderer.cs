using DeepStreamNet.Datasets.Kitti;
using SkiaSharp;

namespace DeepStreamNet.Training.Classifier;

/// <summary>
/// Cuts a face out of an image and resizes it to the network input as the inference elements do in secondary mode
/// (the box stretched to the input, bilinear with pixel-centre sampling), giving float32 NCHW <b>BGR</b> 0–255 —
/// the classifier's input format (<c>model-color-format=1</c>, <c>net-scale-factor=1</c>, no offsets).
/// </summary>
public static class CropRenderer
{
    /// <summary>The face box grown by <paramref name="margin"/> of its size on each side, then clipped to the image.</summary>
    public static Box WithMargin(Box box, double margin, int width, int height) =>
        new Box(box.Left - (margin * box.Width), box.Top - (margin * box.Height), box.Right + (margin * box.Width), box.Bottom + (margin * box.Height))
            .Clip(width, height);

    /// <summary>
    /// Renders <paramref name="box"/> of the opaque RGBA <paramref name="image"/> into <paramref name="destination"/>
    /// (3 × <paramref name="size"/>² floats), applying <paramref name="augmentation"/> with <paramref name="random"/>.
    /// </summary>
    public static unsafe void Render(SKBitmap image, Box box, int size, CropAugmentation augmentation, Random random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(augmentation);
        ArgumentNullException.ThrowIfNull(random);
        if (image.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException("expected an RGBA 8888 bitmap", nameof(image));
        }

        if (destination.Length < 3 * size * size)
        {
            throw new ArgumentException("destination too small", nameof(destination));
        }

        // Draw the random numbers in a fixed order whatever the options, so one seed gives one sequence.
        double j0 = (random.NextDouble() * 2) - 1, j1 = (random.NextDouble() * 2) - 1, j2 = (random.NextDouble() * 2) - 1, j3 = (random.NextDouble() * 2) - 1;
        var flip = augmentation.Flip && random.NextDouble() < 0.5;
        var gain = 1 + (augmentation.Brightness * ((random.NextDouble() * 2) - 1));
        var b = augmentation.Jitter > 0
            ? new Box(box.Left + (j0 * augmentation.Jitter * box.Width), box.Top + (j1 * augmentation.Jitter * box.Height),
                box.Right + (j2 * augmentation.Jitter * box.Width), box.Bottom + (j3 * augmentation.Jitter * box.Height)).Clip(image.Width, image.Height)
            : box.Clip(image.Width, image.Height);
        if (b.Width < 1 || b.Height < 1)
        {
            b = box.Clip(image.Width, image.Height);
        }

        var pixels = (byte*)image.GetPixels();
        var stride = image.RowBytes;
        var plane = size * size;
        double sx = b.Width / size, sy = b.Height / size;
        for (var y = 0; y < size; y++)
        {
            var fy = Math.Clamp(b.Top + ((y + 0.5) * sy) - 0.5, 0, image.Height - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, image.Height - 1);
            var wy = (float)(fy - y0);
            for (var x = 0; x < size; x++)
            {
                var fx = Math.Clamp(b.Left + ((x + 0.5) * sx) - 0.5, 0, image.Width - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, image.Width - 1);
                var wx = (float)(fx - x0);
                var p00 = pixels + (y0 * stride) + (x0 * 4);
                var p01 = pixels + (y0 * stride) + (x1 * 4);
                var p10 = pixels + (y1 * stride) + (x0 * 4);
                var p11 = pixels + (y1 * stride) + (x1 * 4);
                var ox = flip ? size - 1 - x : x;
                for (var c = 0; c < 3; c++)
                {
                    var top = p00[c] + (wx * (p01[c] - p00[c]));
                    var bottom = p10[c] + (wx * (p11[c] - p10[c]));
                    var v = (top + (wy * (bottom - top))) * gain;
                    // RGBA in, BGR planes out.
                    destination[((2 - c) * plane) + (y * size) + ox] = (float)Math.Clamp(v, 0, 255);
                }
            }
        }
    }
}
