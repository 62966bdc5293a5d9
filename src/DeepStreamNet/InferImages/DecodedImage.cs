using System.Runtime.InteropServices;
using DeepStreamNet.Interop;

namespace DeepStreamNet.InferImages;

/// <summary>An image decoded by GStreamer to RGBA: owns one reference to the pixel buffer.</summary>
internal sealed unsafe class DecodedImage : SafeHandle
{
    public DecodedImage(GstBuffer* buffer, int width, int height)
        : base(0, ownsHandle: true)
    {
        SetHandle((nint)buffer);
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public GstBuffer* Buffer => (GstBuffer*)handle;

    public override bool IsInvalid => handle == 0;

    /// <summary>Hands a new writable buffer (shared memory) to the caller, e.g. for gst_app_src_push_buffer.</summary>
    public GstBuffer* TakeCopy() => (GstBuffer*)Gst.gst_mini_object_copy((GstMiniObject*)handle);

    protected override bool ReleaseHandle()
    {
        Gst.gst_mini_object_unref((GstMiniObject*)handle);
        return true;
    }
}
