using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepStreamNet.Probes;

/// <summary>
/// One batch probe on one pad. GStreamer calls the static <c>[UnmanagedCallersOnly]</c> trampoline with a
/// <see cref="GCHandle"/> to this object as user_data; the GDestroyNotify trampoline frees the handle when GStreamer
/// drops the probe. <see cref="Dispose"/> removes it (<c>gst_pad_remove_probe</c>) — allowed while PLAYING.
/// </summary>
public sealed unsafe class ProbeRegistration : IDisposable
{
    private const int LoggedFaults = 10;
    private readonly IBatchProbe _probe;
    private GstPad* _pad;
    private ulong _id;

    private ProbeRegistration(IBatchProbe probe, string location, ILogger logger)
    {
        _probe = probe;
        Location = location;
        Logger = logger;
    }

    /// <summary>Where the probe sits, e.g. <c>primary_gie.src</c>.</summary>
    public string Location { get; }

    /// <summary>Its counters.</summary>
    public ProbeStats Stats { get; } = new();

    /// <summary>The probe's logger.</summary>
    public ILogger Logger { get; }

    /// <summary>The probe object.</summary>
    public IBatchProbe Probe => _probe;

    /// <summary>Whether the probe is still on its pad.</summary>
    public bool IsAttached => Volatile.Read(ref _id) != 0;

    /// <summary>Adds <paramref name="probe"/> as a buffer probe on <paramref name="pad"/> (the pad is ref'd while attached).</summary>
    /// <param name="pad">The pad (e.g. the src pad of the primary inference element).</param>
    /// <param name="probe">The probe.</param>
    /// <param name="logger">Where faults are logged (none when null).</param>
    public static ProbeRegistration Attach(GstPad* pad, IBatchProbe probe, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (pad is null)
        {
            throw new ArgumentNullException(nameof(pad), "no pad to attach the probe to");
        }

        var reg = new ProbeRegistration(probe, DescribePad(pad), logger ?? NullLogger.Instance);
        Gst.gst_object_ref(pad);
        reg._pad = pad;
        var handle = GCHandle.Alloc(reg);
        var id = Gst.gst_pad_add_probe(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER, &OnProbe, (void*)GCHandle.ToIntPtr(handle), &OnDestroy);
        if (id == 0)
        {
            // gst_pad_add_probe calls the destroy notify itself when it fails.
            Gst.gst_object_unref(pad);
            reg._pad = null;
            throw new InvalidOperationException($"gst_pad_add_probe failed on {reg.Location}");
        }

        reg._id = id;
        return reg;
    }

    /// <summary>Attaches a delegate probe.</summary>
    public static ProbeRegistration Attach(GstPad* pad, BatchProbe probe, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return Attach(pad, new DelegateBatchProbe(probe), logger);
    }

    /// <summary>Attaches to pad <paramref name="padName"/> of the element named <paramref name="elementName"/> in <paramref name="bin"/>.</summary>
    public static ProbeRegistration Attach(GstBin* bin, string elementName, string padName, IBatchProbe probe, ILogger? logger = null)
    {
        var pad = PadLookup.Find(bin, elementName, padName);
        try
        {
            return Attach(pad, probe, logger);
        }
        finally
        {
            Gst.gst_object_unref(pad);
        }
    }

    /// <summary>Removes the probe from its pad (idempotent; safe while the pipeline plays).</summary>
    public void Dispose()
    {
        var id = Interlocked.Exchange(ref _id, 0);
        if (id == 0)
        {
            return;
        }

        Gst.gst_pad_remove_probe(_pad, id);
        Gst.gst_object_unref(_pad);
        _pad = null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{_probe} at {Location} ({Stats})";

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GstPadProbeReturn OnProbe(GstPad* pad, GstPadProbeInfo* info, void* userData)
    {
        if (GCHandle.FromIntPtr((nint)userData).Target is not ProbeRegistration reg ||
            ((uint)info->type & (uint)GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER) == 0)
        {
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        var buffer = (GstBuffer*)info->data;
        var batch = BatchMeta.FromBuffer(buffer);
        if (batch.IsNull)
        {
            reg.Stats.CountWithoutMeta();
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        reg.Stats.CountBuffer();
        try
        {
            var ctx = new ProbeContext(pad, info, buffer, reg);
            reg._probe.OnBatch(ref batch, in ctx);
        }
#pragma warning disable CA1031 // nothing may unwind into native code: log, count, pass the buffer on
        catch (Exception ex)
#pragma warning restore CA1031
        {
            reg.Fault(ex, batch);
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDestroy(void* userData) => GCHandle.FromIntPtr((nint)userData).Free();

    private void Fault(Exception ex, BatchMeta batch)
    {
        var where = new StringBuilder();
        foreach (var frame in batch.Frames)
        {
            where.Append(where.Length == 0 ? string.Empty : ", ")
                .Append("source ").Append(frame.SourceId).Append(" frame ").Append(frame.FrameNumber);
        }

        var n = Stats.CountFault($"{ex.GetType().Name}: {ex.Message} ({where})");
        if (n <= LoggedFaults)
        {
            Log.ProbeFault(Logger, ex, _probe.ToString() ?? _probe.GetType().Name, Location, where.ToString(), n);
        }
        else if (n % 1000 == 0)
        {
            Log.ProbeFaultsSoFar(Logger, _probe.ToString() ?? _probe.GetType().Name, Location, n);
        }
    }

    private static string DescribePad(GstPad* pad)
    {
        var padName = NativeUtf8.ToStringOrNull(Gst.gst_object_get_name((GstObject*)pad), free: true) ?? "?";
        var parent = Gst.gst_pad_get_parent_element(pad);
        if (parent is null)
        {
            return padName;
        }

        var elementName = NativeUtf8.ToStringOrNull(Gst.gst_object_get_name((GstObject*)parent), free: true) ?? "?";
        Gst.gst_object_unref(parent);
        return elementName + "." + padName;
    }
}
