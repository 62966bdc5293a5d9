using System.Collections.Concurrent;
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
    /// <summary>[source-list] use-nvmultiurisrcbin=1 with one listed file, a synced fake sink (the clip plays in real time).</summary>
    internal static string Config(string uri, int maxBatchSize, string httpPort = "0") => $"""
        [application]
        [source-list]
        list={uri}
        sensor-id-list=cam-0
        use-nvmultiurisrcbin=1
        max-batch-size={maxBatchSize}
        http-ip=127.0.0.1
        http-port={httpPort}
        [source-attr-all]
        enable=1
        type=2
        [streammux]
        batch-size=1
        batched-push-timeout=40000
        width=320
        height=180
        [tiled-display]
        enable=1
        rows=2
        columns=2
        width=640
        height=360
        [osd]
        enable=1
        [sink0]
        enable=1
        type=1
        sync=1
        """;

    [Test]
    public async Task Sources_added_and_removed_while_playing_leave_the_others_untouched()
    {
        var clip = TestMedia.PlayingClip;
        var clipFrames = TestMedia.Inspect(clip).Frames;
        var uri = TestMedia.Uri(clip);
        var dir = RunnerHarness.TempDir("dynamic");
        var (graph, _) = RunnerHarness.Graph(dir, Config(uri, maxBatchSize: 4));
        using var runner = new PipelineRunner(graph, new TestLogger());
        runner.Build();
        var frames = new ConcurrentDictionary<uint, int>();
        using var probe = runner.AddProbe(ProbeAttachPoint.AfterMuxer, (ref BatchMeta batch, in ProbeContext _) =>
        {
            foreach (var f in batch.Frames)
            {
                frames.AddOrUpdate(f.SourceId, 1, (_, n) => n + 1);
            }
        });
        var events = new ConcurrentQueue<SourceEvent>();
        runner.SourceChanged += (_, e) => events.Enqueue(e);

        var run = runner.RunAsync();
        await WaitFor(() => frames.GetValueOrDefault(0u) > 3, "source 0 plays");
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

        await WaitFor(() => frames.GetValueOrDefault(2u) > 5, "source 2 plays");
        Assert.That((await runner.MuxerPadNamesAsync()).Order(), Is.EqualTo(new[] { "sink_0", "sink_1", "sink_2", "sink_3" }));
        var removed = await runner.RemoveSourceAsync(2);
        Assert.That(removed.Succeeded, Is.True, removed.Reason);
        await WaitFor(() => events.Any(e => e is { Kind: SourceEventKind.Removed, Source.SourceId: 2 }), "source 2's pad released");
        var pads = await runner.MuxerPadNamesAsync();
        var framesOfRemoved = frames.GetValueOrDefault(2u);
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
                Assert.That(frames.GetValueOrDefault(id), Is.EqualTo(clipFrames), $"source {id} lost no frame");
            }

            Assert.That(framesOfRemoved, Is.InRange(6, clipFrames - 1), "source 2 stopped when removed");
            Assert.That(frames.GetValueOrDefault(2u), Is.EqualTo(framesOfRemoved), "nothing of source 2 after its removal");
            Assert.That(events.Where(e => e.Kind == SourceEventKind.Ended).Select(e => (e.Source.SourceId, e.Reason)).Order(),
                Is.EqualTo(new[] { (0, "end of stream"), (1, "end of stream"), (2, "removed"), (3, "end of stream") }), "every source's end is reported");
            Assert.That(events.Where(e => e.Kind == SourceEventKind.Added).Select(e => e.Source.SensorName), Is.EqualTo(new[] { "camera cam-a", "camera cam-b", "camera cam-c" }));
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
        var (graph, _) = RunnerHarness.Graph(dir, Config(TestMedia.Uri(clip), maxBatchSize: 4));
        using var runner = new PipelineRunner(graph, new TestLogger());
        runner.Build();
        var frames = new ConcurrentDictionary<uint, int>();
        using var probe = runner.AddProbe(ProbeAttachPoint.AfterMuxer, (ref BatchMeta batch, in ProbeContext _) =>
        {
            foreach (var f in batch.Frames)
            {
                frames.AddOrUpdate(f.SourceId, 1, (_, n) => n + 1);
            }
        });
        var events = new ConcurrentQueue<SourceEvent>();
        runner.SourceChanged += (_, e) => events.Enqueue(e);
        var run = runner.RunAsync();
        await WaitFor(() => frames.GetValueOrDefault(0u) > 3, "source 0 plays");
        var bad = await runner.AddSourceAsync(TestMedia.Uri(notVideo), "cam-bad");
        Assert.That(bad.Succeeded, Is.True, "the file exists: it fails once it is read");
        await WaitFor(() => events.Any(e => e is { Kind: SourceEventKind.Removed, Source.SensorId: "cam-bad" }), "the bad source leaves");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), string.Join("\n", result.Errors));
            Assert.That(frames.GetValueOrDefault(0u), Is.EqualTo(clipFrames), "source 0 lost no frame");
            Assert.That(events.Single(e => e.Kind == SourceEventKind.Ended && e.Source.SensorId == "cam-bad").Reason, Is.EqualTo("failed"));
            Assert.That(result.Errors, Has.Some.Contains("notes.mp4"));
        });
    }

    internal static async Task WaitFor(Func<bool> condition, string what, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"timed out waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }
}
