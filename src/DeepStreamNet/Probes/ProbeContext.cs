using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Probes;

/// <summary>What a probe call is about: the pad, the raw buffer and probe info (pyds' <c>pad</c> and <c>info</c>), the logger and stats.</summary>
public readonly unsafe ref struct ProbeContext
{
    internal ProbeContext(GstPad* pad, GstPadProbeInfo* info, GstBuffer* buffer, ProbeRegistration registration)
    {
        Pad = pad;
        Info = info;
        Buffer = buffer;
        Registration = registration;
    }

    /// <summary>The pad the probe sits on.</summary>
    public GstPad* Pad { get; }

    /// <summary>The raw probe info.</summary>
    public GstPadProbeInfo* Info { get; }

    /// <summary>The buffer (a batched buffer per native/plugin/dsnetbatch.h on the portable runtime).</summary>
    public GstBuffer* Buffer { get; }

    /// <summary>The registration (name, stats, removal).</summary>
    public ProbeRegistration Registration { get; }

    /// <summary>Where the probe is attached, e.g. <c>primary_gie.src</c>.</summary>
    public string Location => Registration.Location;

    /// <summary>The probe's logger.</summary>
    public ILogger Logger => Registration.Logger;

    /// <summary>Counters of this registration.</summary>
    public ProbeStats Stats => Registration.Stats;
}
