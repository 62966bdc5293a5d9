using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>[tests] pipeline-recreate-sec: the pipeline is stopped, torn down and built again every N seconds until a
/// run ends on its own or the caller stops.</summary>
[TestFixture]
[NonParallelizable]
public sealed class PipelineCyclesTests
{
    [Test]
    public void RecreateSec_BuildsAFreshPipelineEachCycle_AndEachOneRuns()
    {
        var dir = RunnerHarness.TempDir("recreate");
        var output = Path.Combine(dir, "out.mp4");
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)],
            $"type=3\ncontainer=1\ncodec=1\nenc-type=1\nsync=1\noutput-file={output}", infer: false, tracker: false,
            extra: "[tests]\nfile-loop=1\npipeline-recreate-sec=2"));
        Assert.That(graph.RunOptions.PipelineRecreateSec, Is.EqualTo(2));
        var log = new TestLogger();
        var frames = new int[8];
        var built = 0;
        using var cts = new CancellationTokenSource();
        var watches = new List<FrameWatch>();

        PipelineRunner Create()
        {
            var runner = new PipelineRunner(graph, log);
            runner.Build();
            var cycle = built++;
            // The third pipeline is stopped by the caller once it has played a second of video.
            watches.Add(new FrameWatch(runner, () =>
            {
                if (Interlocked.Increment(ref frames[cycle]) == 25 && cycle == 2)
                {
                    cts.Cancel();
                }
            }));
            return runner;
        }

        var run = PipelineCycles.RunAsync(Create, graph.RunOptions.PipelineRecreateSec, log, cancellationToken: cts.Token);
        Assert.That(run.Wait(TimeSpan.FromSeconds(90), CancellationToken.None), Is.True, "the cycles did not end");
        var text = string.Join("\n", log.Lines);

        Assert.That(run.Result.Outcome, Is.EqualTo(RunOutcome.Stopped), text);
        Assert.That(built, Is.EqualTo(3), "two recreations, then the caller's stop");
        // Counted where the muxer batches: ahead of the real-time sink by what the queues and x264enc's look-ahead hold.
        Assert.That(frames.Take(2), Has.All.InRange(30, 400), "each pipeline ran its 2 s (and was then stopped)");
        Assert.That(frames[2], Is.GreaterThanOrEqualTo(25));
        Assert.That(text, Does.Contain("pipeline-recreate-sec=2: pipeline 1 stopped, building pipeline 2")
            .And.Contain("pipeline 2 stopped, building pipeline 3"));
        var (written, _, _, _) = TestMedia.Inspect(output);
        Assert.That(written, Is.InRange(25, frames[2]), "the last pipeline's MP4 is finalised and playable");
        GC.KeepAlive(watches);
    }

    [Test]
    public void RecreateSec_ARunThatEndsOnItsOwn_IsNotRecreated()
    {
        var dir = RunnerHarness.TempDir("recreate-eos");
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)], "type=1\nsync=0", infer: false, tracker: false,
            extra: "[tests]\npipeline-recreate-sec=30"));
        var log = new TestLogger();
        var built = 0;
        var run = PipelineCycles.RunAsync(() =>
        {
            built++;
            var r = new PipelineRunner(graph, log);
            r.Build();
            return r;
        }, graph.RunOptions.PipelineRecreateSec, log);
        Assert.That(run.Wait(TimeSpan.FromSeconds(60), CancellationToken.None), Is.True);
        Assert.That(run.Result.Outcome, Is.EqualTo(RunOutcome.EndOfStream));
        Assert.That(built, Is.EqualTo(1));
    }
}
