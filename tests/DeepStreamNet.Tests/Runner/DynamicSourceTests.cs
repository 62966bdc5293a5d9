using DeepStreamNet.Metadata;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>Sources added and removed through the runner's C# methods while a real portable pipeline plays in real time.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DynamicSourceTests
{
    [Test]
    public async Task Sources_added_and_removed_while_playing_leave_the_others_untouched()
    {
        var clip = TestMedia.PlayingClip;
        var clipFrames = TestMedia.Inspect(clip).Frames;
        var uri = TestMedia.Uri(clip);
        var dir = RunnerHarness.TempDir("dynamic");
        var (graph, _) = RunnerHarness.Graph(dir, SourceListConfig.Text(uri, maxBatchSize: 4));
        using var runner = new PipelineRunner(graph, new TestLogger());
        runner.Build();
        using var counter = new SourceFrameCounter();
        counter.Attach(runner);

        var run = runner.RunAsync();
        await Eventually.True(() => counter.Frames(0) > 3, "source 0 plays");
        Assert.That(runner.Sources.Select(s => (s.SourceId, s.SensorId)), Is.EqualTo(new[] { (0, "cam-0") }));

        var added = new List<SourceChange>();
        foreach (var cam in new[] { "cam-a", "cam-b", "cam-c" })
        {
            added.Add(await runner.AddSourceAsync(uri, cam, $"camera {cam}"));
        }

        Assert.That(added.Select(a => (a.Error, a.SourceId)), Is.EqualTo(new[] { (SourceChangeError.None, 1), (SourceChangeError.None, 2), (SourceChangeError.None, 3) }),
            string.Join("; ", added.Select(a => a.Reason)));

        // Refusals while four sources play (max-batch-size=4).
        var full = await runner.AddSourceAsync(uri, "cam-d");
        var duplicate = await runner.AddSourceAsync(uri, "cam-a");
        var missing = await runner.AddSourceAsync(TestMedia.Uri(Path.Combine(dir, "no-such.mp4")), "cam-e");
        var unknown = await runner.RemoveSourceAsync(42);
        Assert.Multiple(() =>
        {
            Assert.That(full.Error, Is.EqualTo(SourceChangeError.CapacityReached), full.Reason);
            Assert.That(full.Reason, Does.Contain("max-batch-size is 4"));
            Assert.That(duplicate.Error, Is.EqualTo(SourceChangeError.DuplicateSensorId), duplicate.Reason);
            Assert.That(unknown.Error, Is.EqualTo(SourceChangeError.UnknownSource), unknown.Reason);
        });

        await Eventually.True(() => counter.Frames(2) > 5, "source 2 plays");
        Assert.That((await runner.MuxerPadNamesAsync()).Order(), Is.EqualTo(new[] { "sink_0", "sink_1", "sink_2", "sink_3" }));
        var removed = await runner.RemoveSourceAsync(2);
        Assert.That(removed.Succeeded, Is.True, removed.Reason);
        await Eventually.True(() => counter.Events.Any(e => e is { Kind: SourceEventKind.Removed, Source.SourceId: 2 }), "source 2's pad released");
        var pads = await runner.MuxerPadNamesAsync();
        var framesOfRemoved = counter.Frames(2);
        var missingAfterRemoval = await runner.AddSourceAsync(TestMedia.Uri(Path.Combine(dir, "no-such.mp4")), "cam-e");

        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), string.Join("\n", result.Errors));
            Assert.That(pads.Order(), Is.EqualTo(new[] { "sink_0", "sink_1", "sink_3" }), "the removed source's muxer pad is released");
            Assert.That(missingAfterRemoval.Error, Is.EqualTo(SourceChangeError.UnreadableUri), missingAfterRemoval.Reason);
            Assert.That(missingAfterRemoval.Reason, Does.Contain("file not found"));
            foreach (var id in new uint[] { 0, 1, 3 })
            {
                Assert.That(counter.Frames(id), Is.EqualTo(clipFrames), $"source {id} lost no frame");
            }

            Assert.That(framesOfRemoved, Is.InRange(6, clipFrames - 1), "source 2 stopped when removed");
            Assert.That(counter.Frames(2), Is.EqualTo(framesOfRemoved), "nothing of source 2 after its removal");
            Assert.That(counter.Events.Where(e => e.Kind == SourceEventKind.Ended).Select(e => (e.Source.SourceId, e.Reason)).Order(),
                Is.EqualTo(new[] { (0, "end of stream"), (1, "end of stream"), (2, "removed"), (3, "end of stream") }), "every source's end is reported");
            Assert.That(counter.Events.Where(e => e.Kind == SourceEventKind.Added).Select(e => e.Source.SensorName), Is.EqualTo(new[] { "camera cam-a", "camera cam-b", "camera cam-c" }));
        });

        var late = await runner.AddSourceAsync(uri, "cam-late");
        Assert.That(late.Error, Is.EqualTo(SourceChangeError.NotRunning), "after the run");
    }

    [Test]
    public async Task A_bad_source_added_at_run_time_fails_alone()
    {
        var clip = TestMedia.PlayingClip;
        var clipFrames = TestMedia.Inspect(clip).Frames;
        var dir = RunnerHarness.TempDir("dynamic-bad");
        var notVideo = Path.Combine(dir, "notes.mp4");
        await File.WriteAllTextAsync(notVideo, "this is not a video");
        var (graph, _) = RunnerHarness.Graph(dir, SourceListConfig.Text(TestMedia.Uri(clip), maxBatchSize: 4));
        using var runner = new PipelineRunner(graph, new TestLogger());
        runner.Build();
        using var counter = new SourceFrameCounter();
        counter.Attach(runner);
        var run = runner.RunAsync();
        await Eventually.True(() => counter.Frames(0) > 3, "source 0 plays");
        var bad = await runner.AddSourceAsync(TestMedia.Uri(notVideo), "cam-bad");
        Assert.That(bad.Succeeded, Is.True, "the file exists: it fails once it is read");
        await Eventually.True(() => counter.Events.Any(e => e is { Kind: SourceEventKind.Removed, Source.SensorId: "cam-bad" }), "the bad source leaves");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), string.Join("\n", result.Errors));
            Assert.That(counter.Frames(0), Is.EqualTo(clipFrames), "source 0 lost no frame");
            Assert.That(counter.Events.Single(e => e.Kind == SourceEventKind.Ended && e.Source.SensorId == "cam-bad").Reason, Is.EqualTo("failed"));
            Assert.That(result.Errors, Has.Some.Contains("notes.mp4"));
        });
    }
}
