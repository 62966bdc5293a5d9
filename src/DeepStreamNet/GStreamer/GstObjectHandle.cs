using System.Runtime.InteropServices;
using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>
/// An owned reference to a GstObject (element, pad, bus, pipeline): <c>gst_object_unref</c> on release. A pipeline
/// handle (<see cref="ForPipeline"/>) first takes its pipeline to NULL, so its threads stop before the unref.
/// </summary>
public sealed unsafe class GstObjectHandle : SafeHandle
{
    private readonly bool _stopFirst;

    /// <summary>Takes ownership of one reference held by the caller.</summary>
    public GstObjectHandle(void* owned)
        : this(owned, stopFirst: false)
    {
    }

    private GstObjectHandle(void* owned, bool stopFirst)
        : base(0, ownsHandle: true)
    {
        _stopFirst = stopFirst;
        SetHandle((nint)owned);
    }

    /// <summary>Owns a pipeline (or any element): released by going to NULL, then unref.</summary>
    public static GstObjectHandle ForPipeline(GstElement* owned) => new(owned, stopFirst: true);

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer (valid while this handle lives).</summary>
    public void* Raw => (void*)handle;

    /// <summary>The object as an element.</summary>
    public GstElement* Element => (GstElement*)handle;

    protected override bool ReleaseHandle()
    {
        if (_stopFirst)
        {
            Gst.gst_element_set_state((GstElement*)handle, GstState.GST_STATE_NULL);
        }

        Gst.gst_object_unref((void*)handle);
        return true;
    }
}
