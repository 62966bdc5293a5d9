using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;

namespace DeepStreamNet.Tests.Runner;

/// <summary>Test probe on the runner's AfterMuxer pad (through the attach-point seam): calls back once per batch.</summary>
internal sealed unsafe class FrameWatch
{
    private readonly Action _onBatch;

    public FrameWatch(PipelineRunner runner, Action onBatch)
    {
        _onBatch = onBatch;
        var pad = runner.FindPad(ProbeAttachPoint.AfterMuxer);
        if (pad is null)
        {
            throw new InvalidOperationException("no muxer pad");
        }

        var handle = GCHandle.Alloc(this);
        Gst.gst_pad_add_probe(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER, &OnBuffer, (void*)GCHandle.ToIntPtr(handle), &Free);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GstPadProbeReturn OnBuffer(GstPad* pad, GstPadProbeInfo* info, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is FrameWatch w)
        {
            w._onBatch();
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Free(void* data) => GCHandle.FromIntPtr((nint)data).Free();
}
