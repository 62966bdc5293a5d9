using DeepStreamNet.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepStreamNet.Probes;

/// <summary>
/// A probe registered in DI (<see cref="ProbeServiceCollectionExtensions.AddBatchProbe{TProbe}(IServiceCollection, ProbeTarget)"/>):
/// the host resolves every binding once the pipeline is built and calls <see cref="Attach"/>.
/// </summary>
public sealed class ProbeBinding(ProbeTarget target, Func<IServiceProvider, IBatchProbe> factory)
{
    /// <summary>Where the probe goes.</summary>
    public ProbeTarget Target { get; } = target;

    /// <summary>Resolves the probe and attaches it to <paramref name="runner"/>'s pipeline; dispose the result to remove it.</summary>
    public ProbeRegistration Attach(PipelineRunner runner, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(services);
        var probe = factory(services);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(probe.GetType()) ?? NullLogger.Instance;
        return Target.Point is { } point
            ? runner.AddProbe(point, probe, logger)
            : runner.AddProbe(Target.Element!, Target.Pad!, probe, logger);
    }
}
