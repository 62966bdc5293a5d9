using DeepStreamNet.Hosting;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service.Sink;

/// <summary>Puts the <see cref="NoMaskEventProbe"/> after the tracker (after primary inference when there is none, with a
/// warning: untracked faces give no events), upstream of every sink, so type-6 sinks on both backends see its events.</summary>
public sealed partial class NoMaskEventAttachment(NoMaskEventProbe probe, ILogger<NoMaskEventAttachment> logger) : IPipelineAttachment
{
    private ProbeRegistration? _registration;
    private long _earlierFaults;

    /// <summary>Faults of the probe (caught at the boundary), over every pipeline so far.</summary>
    public long ProbeFaults => _earlierFaults + (_registration?.Stats.Faults ?? 0);

    public NoMaskEventProbe Probe => probe;

    public unsafe void Attach(PipelineRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _earlierFaults += _registration?.Stats.Faults ?? 0;
        _registration?.Dispose();
        var point = runner.FindPad(ProbeAttachPoint.AfterTracker) is not null ? ProbeAttachPoint.AfterTracker : ProbeAttachPoint.AfterPrimaryInference;
        if (point != ProbeAttachPoint.AfterTracker)
        {
            LogNoTracker();
        }

        _registration = runner.FindPad(point) is null ? null : runner.AddProbe(point, probe, logger);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "no-mask events need a tracker ([tracker] enable=1): untracked faces give no events")]
    private partial void LogNoTracker();
}
