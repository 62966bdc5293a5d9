using System.Runtime.InteropServices;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Inference;

/// <summary>Owns one reference to a GStreamer pipeline; releasing sets it to NULL and unrefs it.</summary>
internal sealed unsafe class GstPipelineHandle : SafeHandle
{
    public GstPipelineHandle(GstElement* pipeline)
        : base(0, ownsHandle: true) => SetHandle((nint)pipeline);

    public override bool IsInvalid => handle == 0;

    public GstElement* Element => (GstElement*)handle;

    protected override bool ReleaseHandle()
    {
        Gst.gst_element_set_state((GstElement*)handle, GstState.GST_STATE_NULL);
        Gst.gst_object_unref((void*)handle);
        return true;
    }
}
