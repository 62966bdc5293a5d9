using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// <c>[tests] pipeline-recreate-sec</c> (deepstream-app 6.1+): every N seconds the pipeline is stopped (EOS first, so
/// files are finalised), torn down and built again from the same graph, until a run ends on its own (EOS, error) or the
/// caller stops it. With N = 0 this is one plain run.
/// </summary>
public static class PipelineCycles
{
    /// <summary>Runs pipelines made by <paramref name="create"/> (a built runner, probes attached) one after another.</summary>
    /// <param name="create">Makes the next runner; it is disposed here when its run ended.</param>
    /// <param name="recreateSec">Seconds each pipeline runs before it is recreated; 0 = never.</param>
    /// <param name="started">Told about each runner as it starts (e.g. to route a second Ctrl-C to it).</param>
    /// <returns>The result of the last run: the one that ended on its own or by a stop that was not the recreation timer.</returns>
    public static async Task<RunResult> RunAsync(Func<PipelineRunner> create, int recreateSec, ILogger log, Action<PipelineRunner>? started = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(log);
        for (var cycle = 1; ; cycle++)
        {
            using var runner = create();
            started?.Invoke(runner);
            if (recreateSec <= 0)
            {
                return await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            }

            var timerFired = 0;
            using var timer = new Timer(_ =>
            {
                Interlocked.Exchange(ref timerFired, 1);
                runner.RequestStop();
            }, null, TimeSpan.FromSeconds(recreateSec), Timeout.InfiniteTimeSpan);
            var result = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            await timer.DisposeAsync().ConfigureAwait(false);

            // Only the recreation timer's own stop leads to the next pipeline; EOS, errors and any other stop end here.
            if (Volatile.Read(ref timerFired) == 0 || cancellationToken.IsCancellationRequested || result.Outcome != RunOutcome.Stopped)
            {
                return result;
            }

            log.LogInformation("pipeline-recreate-sec={Seconds}: pipeline {Cycle} stopped, building pipeline {Next}", recreateSec, cycle, cycle + 1);
        }
    }
}
