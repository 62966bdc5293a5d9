using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.GStreamer;

/// <summary>
/// Base of every managed pad probe (the runner's own and the public batch probes). Native code reaches it only through
/// the static <c>[UnmanagedCallersOnly]</c> trampolines below, with a GCHandle in user_data freed by the GDestroyNotify.
/// The one fault policy: an exception never crosses into GStreamer; it is counted, the first
/// <see cref="LoggedFaults"/> are logged with where they hit, then every 1000th as a count, and the data passes on.
/// </summary>
internal abstract unsafe class PadProbe
{
    /// <summary>Faults logged in full before only counts are logged.</summary>
    public const int LoggedFaults = 10;

    private long _faults;
    private string? _lastFault;

    protected PadProbe(ILogger logger) => Logger = logger;

    public ILogger Logger { get; }

    /// <summary>Probe faults so far (exceptions caught at the boundary).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>The last fault's message with where it hit, or null.</summary>
    public string? LastFault => Volatile.Read(ref _lastFault);

    /// <summary>What the logs call this probe.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Where it sits (e.g. <c>primary_gie.src</c>), once attached.</summary>
    public string Location { get; private set; } = "?";

    /// <summary>Adds the probe to <paramref name="pad"/> for <paramref name="mask"/>; returns the probe id (0: failed).</summary>
    public ulong Attach(GstPad* pad, GstPadProbeType mask)
    {
        Location = GstPads.Describe(pad);
        var handle = GCHandle.Alloc(this);

        // gst_pad_add_probe calls the destroy notify itself when it fails, so the handle is freed either way.
        return Gst.gst_pad_add_probe(pad, mask, &Trampoline, (void*)GCHandle.ToIntPtr(handle), &Release);
    }

    /// <summary>Handles one buffer or event; returns what GStreamer should do with it.</summary>
    protected abstract GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info);

    /// <summary>Where in the data a fault hit (e.g. the frames of the batch), for the log line.</summary>
    protected virtual string Where(GstPadProbeInfo* info) => "a buffer";

    /// <summary>Told about every fault (after it was counted), e.g. to keep public stats.</summary>
    protected virtual void OnFault(string message)
    {
    }

    private void Fault(Exception ex, GstPadProbeInfo* info)
    {
        string where;
        try
        {
            where = Where(info);
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or ArgumentException)
        {
            where = "a buffer";
        }

        var message = $"{ex.GetType().Name}: {ex.Message} ({where})";
        Volatile.Write(ref _lastFault, message);
        var n = Interlocked.Increment(ref _faults);
        OnFault(message);
        if (n <= LoggedFaults)
        {
            Log.ProbeFault(Logger, ex, Name, Location, where, n);
        }
        else if (n % 1000 == 0)
        {
            Log.ProbeFaultsSoFar(Logger, Name, Location, n);
        }
    }

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
            probe.Fault(ex, info);
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Release(void* data) => GCHandle.FromIntPtr((nint)data).Free();
}
