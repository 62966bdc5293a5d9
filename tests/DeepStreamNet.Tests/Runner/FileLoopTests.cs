using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>[tests] file-loop with a file (MP4) sink: every pass of the looping source must reach the written file.</summary>
[TestFixture]
[NonParallelizable]
public sealed class FileLoopTests
{
    [Test]
    public void FileLoop_WritesEveryPassIntoTheMp4()
    {
        var dir = RunnerHarness.TempDir("loop");
        var output = Path.Combine(dir, "looped.mp4");

        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)],
            $"type=3\ncontainer=1\ncodec=1\nenc-type=1\nbitrate=1000000\nsync=0\noutput-file={output}", infer: false, tracker: false,
            extra: "[tests]\nfile-loop=1"));
        using var runner = new PipelineRunner(graph, new TestLogger());
        using var cts = new CancellationTokenSource();
        runner.Build();

        // Stop halfway through the third pass of the 30-frame clip (frames counted where the muxer batches them).
        var muxed = 0;
        var probe = new FrameWatch(runner, () =>
        {
            if (Interlocked.Increment(ref muxed) == 75)
            {
                cts.Cancel();
            }
        });
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(60), cts.Token);
        GC.KeepAlive(probe);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Stopped), string.Join("\n", result.Errors));
        Assert.That(muxed, Is.GreaterThanOrEqualTo(75), "the source looped");
        var (frames, _, _, duration) = TestMedia.Inspect(output);
        Assert.That(frames, Is.InRange(60, muxed), "at least two full passes of the 30-frame clip, none doubled");
        Assert.That(duration.TotalSeconds, Is.GreaterThanOrEqualTo(2.4), "timestamps go on across passes");
    }
}
