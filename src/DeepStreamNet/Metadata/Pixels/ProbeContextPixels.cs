using DeepStreamNet.Probes;

namespace DeepStreamNet.Metadata;

/// <summary>Pixel access from a probe: <c>using var px = context.MapPixels(frame);</c> on either backend.</summary>
public static unsafe class ProbeContextPixels
{
    /// <summary>The buffer's <c>NvBufSurface</c> (dispose before the probe returns).</summary>
    /// <exception cref="PixelAccessException">The buffer carries no surface here.</exception>
    public static BufferSurface MapSurface(this in ProbeContext context) => BufferSurface.Map(context.Buffer);

    /// <summary>
    /// <paramref name="frame"/>'s pixels, mapped for reading (pyds: <c>get_nvds_buf_surface(hash(buf), frame_meta.batch_id)</c>).
    /// Dispose before the probe returns; to read several frames of a batch, map the surface once with
    /// <see cref="MapSurface"/> and call <see cref="BufferSurface.MapFrame(FrameMeta)"/> per frame.
    /// </summary>
    /// <exception cref="PixelAccessException">The buffer or the frame's memory is not readable by the CPU (the message says what to change).</exception>
    public static FramePixels MapPixels(this in ProbeContext context, FrameMeta frame)
    {
        var surface = BufferSurface.Map(context.Buffer);
        try
        {
            var pixels = surface.MapFrame(frame);
            pixels.Own(surface);
            return pixels;
        }
        catch
        {
            surface.Dispose();
            throw;
        }
    }
}
