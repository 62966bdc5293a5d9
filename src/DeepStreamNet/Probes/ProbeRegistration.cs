using System.Text;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepStreamNet.Probes;

/// <summary>
/// One batch probe on one pad, called through the GStreamer boundary's <see cref="PadProbe"/> (its trampolines and its
/// one fault policy: counted, the first 10 logged with the frames they hit, the buffer passes on).
/// <see cref="Dispose"/> removes it (<c>gst_pad_remove_probe</c>) — allowed while PLAYING.
/// </summary>
public sealed unsafe class ProbeRegistration : IDisposable
{
    private readonly IBatchProbe _probe;
    private readonly Boundary _boundary;
    private GstPad* _pad;
    private ulong _id;

    private ProbeRegistration(IBatchProbe probe, string location, ILogger logger)
    {
        _probe = probe;
        Location = location;
        Logger = logger;
        _boundary = new Boundary(this);
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

        var reg = new ProbeRegistration(probe, GstPads.Describe(pad), logger ?? NullLogger.Instance);
        Gst.gst_object_ref(pad);
        reg._pad = pad;
        var id = reg._boundary.Attach(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER);
        if (id == 0)
        {
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
        var pad = GstPads.Find(bin, elementName, padName);
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

    /// <summary>The batch probe at the boundary: batch meta views, stats, and the frames a fault hit.</summary>
    private sealed class Boundary(ProbeRegistration registration) : PadProbe(registration.Logger)
    {
        public override string Name => registration._probe.ToString() ?? registration._probe.GetType().Name;

        protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
        {
            if (((uint)info->type & (uint)GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER) == 0)
            {
                return GstPadProbeReturn.GST_PAD_PROBE_OK;
            }

            var buffer = (GstBuffer*)info->data;
            var batch = BatchMeta.FromBuffer(buffer);
            if (batch.IsNull)
            {
                registration.Stats.CountWithoutMeta();
                return GstPadProbeReturn.GST_PAD_PROBE_OK;
            }

            registration.Stats.CountBuffer();
            var ctx = new ProbeContext(pad, info, buffer, registration);
            registration._probe.OnBatch(ref batch, in ctx);
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        protected override string Where(GstPadProbeInfo* info)
        {
            var where = new StringBuilder();
            var batch = BatchMeta.FromBuffer((GstBuffer*)info->data);
            if (!batch.IsNull)
            {
                foreach (var frame in batch.Frames)
                {
                    where.Append(where.Length == 0 ? string.Empty : ", ")
                        .Append("source ").Append(frame.SourceId).Append(" frame ").Append(frame.FrameNumber);
                }
            }

            return where.ToString();
        }

        protected override void OnFault(string message) => registration.Stats.CountFault(message);
    }
}
