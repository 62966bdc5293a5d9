using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Tests.Fuzz;

/// <summary>What <c>dsnet validate</c> and <c>dsnet describe</c> did with one config on one backend, run in-process
/// through the same entry points (<see cref="PipelinePlan"/>, the graph renderers, <see cref="KeySupport"/>).</summary>
internal sealed record ConfigVerdict(bool Valid, IReadOnlyList<ValidationIssue> Issues, Exception? Crash, bool Hung)
{
    public bool Clean => Crash is null && !Hung;

    public string Summary => Hung ? "hung" : Crash is not null ? $"threw {Crash.GetType().Name}: {Crash.Message}" : Valid ? "valid" : "invalid";

    /// <summary>Runs validate + describe for <paramref name="backend"/> on a thread of its own, at most <paramref name="limit"/>.</summary>
    public static ConfigVerdict Of(string app, PipelineBackend backend, TimeSpan limit, Action? unblock = null)
    {
        var run = Task.Factory.StartNew(() => Evaluate(app, backend), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!run.Wait(limit))
        {
            // A reader blocked on a FIFO: give it an end so the thread can finish.
            unblock?.Invoke();
            return new ConfigVerdict(false, [], null, Hung: true);
        }

        return run.Result;
    }

    private static ConfigVerdict Evaluate(string app, PipelineBackend backend)
    {
        try
        {
            var plan = PipelinePlan.Create(app, [], backend);

            // validate: every issue printed, then the verdict.
            _ = string.Join('\n', plan.Report.Issues.Select(i => i.ToDisplayString()));
            _ = plan.Verdict;

            // describe: the graph as text and dot, and the keys the backend ignores.
            if (plan.Graph is { } graph)
            {
                _ = GraphTextRenderer.Render(graph);
                _ = GraphDotRenderer.Render(graph);
                if (plan.Config is { } config)
                {
                    _ = KeySupport.IgnoredBy(config, plan.Backend == PipelineBackend.DeepStream ? KeyBackends.DeepStream : KeyBackends.Portable);
                }
            }

            return new ConfigVerdict(plan.IsValid, plan.Report.Issues, null, Hung: false);
        }
#pragma warning disable CA1031 // every exception is a finding
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ConfigVerdict(false, [], ex, Hung: false);
        }
    }
}
