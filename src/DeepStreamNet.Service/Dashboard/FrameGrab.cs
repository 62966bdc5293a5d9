using DeepStreamNet.Interop;
using SkiaSharp;

namespace DeepStreamNet.Service.Dashboard;

/// <summary>An RGBA picture copied out of a pipeline buffer (slot 0 of a batch), and JPEG encoding of it or part of it.</summary>
internal sealed unsafe class FrameGrab(int width, int height, byte[] rgba)
{
    public int Width => width;

    public int Height => height;

    /// <summary>Copies slot 0 of <paramref name="buffer"/> (RGBA, <paramref name="width"/> × <paramref name="height"/>), or null when it is smaller.</summary>
    public static FrameGrab? Copy(GstBuffer* buffer, int width, int height)
    {
        var bytes = width * height * 4;
        GstMapInfo map;
        if (!Gst.gst_buffer_map(buffer, &map, GstMapFlags.GST_MAP_READ))
        {
            return null;
        }

        try
        {
            if ((long)map.size < bytes)
            {
                return null;
            }

            var copy = new byte[bytes];
            new ReadOnlySpan<byte>(map.data, bytes).CopyTo(copy);
            return new FrameGrab(width, height, copy);
        }
        finally
        {
            Gst.gst_buffer_unmap(buffer, &map);
        }
    }

    /// <summary>The whole picture, or the part inside (<paramref name="left"/>, <paramref name="top"/>, w, h) clipped to it, as JPEG.</summary>
    public byte[]? Jpeg(int quality, float left = 0, float top = 0, float w = float.MaxValue, float h = float.MaxValue)
    {
        var x0 = Math.Clamp((int)left, 0, width);
        var y0 = Math.Clamp((int)top, 0, height);
        var x1 = Math.Clamp((int)MathF.Ceiling(Math.Min(left + w, width)), 0, width);
        var y1 = Math.Clamp((int)MathF.Ceiling(Math.Min(top + h, height)), 0, height);
        if (x1 - x0 < 2 || y1 - y0 < 2)
        {
            return null;
        }

        fixed (byte* p = rgba)
        {
            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            using var full = SKImage.FromPixels(info, (nint)p, width * 4);
            using var part = x0 == 0 && y0 == 0 && x1 == width && y1 == height ? null : full.Subset(SKRectI.Create(x0, y0, x1 - x0, y1 - y0));
            using var data = (part ?? full).Encode(SKEncodedImageFormat.Jpeg, quality);
            return data?.ToArray();
        }
    }
}
