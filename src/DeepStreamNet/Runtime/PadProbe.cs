using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runtime;

/// <summary>
/// Base of the runner's own pad probes (perf, KITTI, GIE styling, file loop, RTSP watchdog). Native code reaches
/// them only through the static trampolines below, with a GCHandle in user_data freed by the GDestroyNotify; an
/// exception never crosses into GStreamer: it is logged once per probe and the data passes on.
/// </summary>
internal abstract unsafe class PadProbe
{
    private int _faults;

    protected PadProbe(ILogger logger) => Logger = logger;

    protected ILogger Logger { get; }

    /// <summary>Probe faults so far (exceptions caught at the boundary).</summary>
    public int Faults => _faults;

    /// <summary>Adds the probe to <paramref name="pad"/> for <paramref name="mask"/>; returns the probe id.</summary>
    public ulong Attach(GstPad* pad, GstPadProbeType mask)
    {
        var handle = GCHandle.Alloc(this);
        return Gst.gst_pad_add_probe(pad, mask, &Trampoline, (void*)GCHandle.ToIntPtr(handle), &Release);
    }

    /// <summary>Handles one buffer or event; returns what GStreamer should do with it.</summary>
    protected abstract GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GstPadProbeReturn Trampoline(GstPad* pad, GstPadProbeInfo* info, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is not PadProbe probe)
        {
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        try
        {
            return probe.Handle(pad, info);
        }
#pragma warning disable CA1031 // nothing may unwind into native code
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (Interlocked.Increment(ref probe._faults) == 1)
            {
                probe.Logger.LogError(ex, "probe {Probe} failed (further failures are counted, not logged)", probe.GetType().Name);
            }

            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Release(void* data) => GCHandle.FromIntPtr((nint)data).Free();
}
