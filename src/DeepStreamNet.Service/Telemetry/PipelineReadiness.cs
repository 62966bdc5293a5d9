using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeepStreamNet.Service.Telemetry;

/// <summary>
/// Readiness (<c>/health/ready</c>): the pipeline is PLAYING and flowing — a batch reached the sinks within
/// <see cref="ServiceOptions.StaleAfter"/> — and every configured source delivered a frame within that time (a source
/// that failed, ended or stalls makes the service not ready). The report names what is missing.
/// </summary>
public sealed class PipelineReadiness(PipelineMonitor monitor, ServiceOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = monitor.SinceLastBatch;
        if (since is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no frame has reached the sinks yet (pipeline starting or not PLAYING)"));
        }

        if (since > options.StaleAfter)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"no frame reached the sinks for {since.Value.TotalSeconds:F1} s (pipeline stalled, paused or ended)"));
        }

        var now = DateTimeOffset.UtcNow;
        var seen = monitor.Sources().ToDictionary(s => s.SourceId);
        var dead = monitor.ConfiguredSources.Where(id => !seen.TryGetValue(id, out var s) || now - s.LastFrameAt > options.StaleAfter).ToList();
        var data = seen.Values.ToDictionary(s => $"source{s.SourceId}.fps", s => (object)s.Fps);
        return Task.FromResult(dead.Count == 0
            ? HealthCheckResult.Healthy($"{seen.Count} source(s) alive", data)
            : HealthCheckResult.Unhealthy($"source(s) without frames for more than {options.StaleAfter.TotalSeconds:F0} s: {string.Join(", ", dead)}", data: data));
    }
}
