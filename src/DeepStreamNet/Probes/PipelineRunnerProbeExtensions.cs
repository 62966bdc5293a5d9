using DeepStreamNet.Runner;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Probes;

/// <summary>Attaching batch probes to a <see cref="PipelineRunner"/>'s pipeline by attach point or element + pad.</summary>
public static unsafe class PipelineRunnerProbeExtensions
{
    /// <summary>Adds <paramref name="probe"/> at <paramref name="point"/> (after Build, before or while playing); dispose to remove.</summary>
    /// <exception cref="InvalidOperationException">The pipeline has no element for that attach point (e.g. no tracker).</exception>
    public static ProbeRegistration AddProbe(this PipelineRunner runner, ProbeAttachPoint point, IBatchProbe probe, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var pad = runner.FindPad(point);
        return pad is not null
            ? ProbeRegistration.Attach(pad, probe, logger)
            : throw new InvalidOperationException($"the pipeline has no pad for attach point {point} (is that element enabled in the config?)");
    }

    /// <summary>Adds a delegate probe at <paramref name="point"/>.</summary>
    public static ProbeRegistration AddProbe(this PipelineRunner runner, ProbeAttachPoint point, BatchProbe probe, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return runner.AddProbe(point, new DelegateBatchProbe(probe), logger);
    }

    /// <summary>Adds <paramref name="probe"/> on pad <paramref name="padName"/> of the element named <paramref name="elementName"/>.</summary>
    /// <exception cref="InvalidOperationException">No such element or pad.</exception>
    public static ProbeRegistration AddProbe(this PipelineRunner runner, string elementName, string padName, IBatchProbe probe, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var pad = runner.FindPad(elementName, padName);
        return pad is not null
            ? ProbeRegistration.Attach(pad, probe, logger)
            : throw new InvalidOperationException($"the pipeline has no pad '{padName}' on an element named '{elementName}'");
    }

    /// <summary>Adds a delegate probe on pad <paramref name="padName"/> of element <paramref name="elementName"/>.</summary>
    public static ProbeRegistration AddProbe(this PipelineRunner runner, string elementName, string padName, BatchProbe probe, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return runner.AddProbe(elementName, padName, new DelegateBatchProbe(probe), logger);
    }
}
