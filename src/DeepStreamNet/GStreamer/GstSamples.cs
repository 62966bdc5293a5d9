using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>Reading pulled <c>GstSample</c>s (appsink).</summary>
internal static unsafe class GstSamples
{
    /// <summary>
    /// The sample's buffer (borrowed) and the width and height from its video caps; null when the caps lack a positive
    /// size or the sample has no buffer.
    /// </summary>
    public static GstBuffer* VideoFrame(GstSample* sample, out int width, out int height)
    {
        var s = Gst.gst_caps_get_structure(Gst.gst_sample_get_caps(sample), 0);
        int w = 0, h = 0;
        fixed (byte* wn = "width\0"u8)
        fixed (byte* hn = "height\0"u8)
        {
            Gst.gst_structure_get_int(s, wn, &w);
            Gst.gst_structure_get_int(s, hn, &h);
        }

        var buffer = Gst.gst_sample_get_buffer(sample);
        (width, height) = (w, h);
        return w <= 0 || h <= 0 ? null : buffer;
    }
}
