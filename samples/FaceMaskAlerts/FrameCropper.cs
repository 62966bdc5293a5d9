using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using SkiaSharp;

namespace FaceMaskAlerts;

/// <summary>
/// Cuts a face out of a batched buffer and saves it as JPEG. Layout per native/plugin/dsnetbatch.h: RGBA frames of
/// the muxer size one after the other, the frame's slot is its <c>batch_id</c>, stride = width × 4.
/// </summary>
public static unsafe class FrameCropper
{
    /// <summary>Saves <paramref name="box"/> of <paramref name="frame"/> to <paramref name="path"/>; false when it cannot (empty box, unmappable buffer).</summary>
    public static bool SaveJpeg(GstBuffer* buffer, FrameMeta frame, RectF box, string path, int quality = 90)
    {
        var width = (int)frame.PipelineWidth;
        var height = (int)frame.PipelineHeight;
        var x0 = Math.Clamp((int)MathF.Floor(box.Left), 0, width);
        var y0 = Math.Clamp((int)MathF.Floor(box.Top), 0, height);
        var x1 = Math.Clamp((int)MathF.Ceiling(box.Right), 0, width);
        var y1 = Math.Clamp((int)MathF.Ceiling(box.Bottom), 0, height);
        if (x1 <= x0 || y1 <= y0 || width == 0 || height == 0)
        {
            return false;
        }

        GstMapInfo map;
        if (!Gst.gst_buffer_map(buffer, &map, GstMapFlags.GST_MAP_READ))
        {
            return false;
        }

        try
        {
            var stride = (long)width * 4;
            var offset = (long)frame.BatchId * stride * height;
            if (offset + (stride * height) > (long)map.size)
            {
                return false; // not a batched RGBA buffer of this size
            }

            var info = new SKImageInfo(x1 - x0, y1 - y0, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            using var bitmap = new SKBitmap(info);
            var dst = (byte*)bitmap.GetPixels();
            var src = map.data + offset + (y0 * stride) + (x0 * 4);
            for (var y = 0; y < info.Height; y++)
            {
                Buffer.MemoryCopy(src + (y * stride), dst + (y * bitmap.RowBytes), bitmap.RowBytes, info.Width * 4);
            }

            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var file = File.Create(path);
            data.SaveTo(file);
            return true;
        }
        finally
        {
            Gst.gst_buffer_unmap(buffer, &map);
        }
    }
}
