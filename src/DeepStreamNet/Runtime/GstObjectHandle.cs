using System.Runtime.InteropServices;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Runtime;

/// <summary>An owned reference to a GstObject (element, pad, bus, pipeline): <c>gst_object_unref</c> on release.</summary>
public sealed unsafe class GstObjectHandle : SafeHandle
{
    /// <summary>Takes ownership of one reference held by the caller.</summary>
    public GstObjectHandle(void* owned)
        : base(0, ownsHandle: true) => SetHandle((nint)owned);

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer (valid while this handle lives).</summary>
    public void* Raw => (void*)handle;

    protected override bool ReleaseHandle()
    {
        Gst.gst_object_unref((void*)handle);
        return true;
    }
}
