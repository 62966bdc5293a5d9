using System.Globalization;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>End-to-end runs of deepstream-app configs on the portable backend with real media and real inference.</summary>
[TestFixture]
[NonParallelizable]
public sealed class PipelineRunnerTests
{
    [Test]
    public void FourSources_InferTrackTileOsd_WritesA2x2Mp4_KittiFiles_AndPerfLines()
    {
        var dir = RunnerHarness.TempDir("four");
        var clip = TestMedia.Uri(TestMedia.ShortClip);
        var output = Path.Combine(dir, "out", "tiled.mp4"); // folder does not exist yet: the runner creates it
        var kitti = Path.Combine(dir, "kitti-gie");
        var track = Path.Combine(dir, "kitti-track");
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config(
            [clip, clip, clip, clip],
            $"type=3\ncontainer=1\ncodec=1\nenc-type=1\nbitrate=1000000\nsync=0\noutput-file={output}",
            muxWidth: 320, muxHeight: 180, tileWidth: 640, tileHeight: 360,
            application: $"enable-perf-measurement=1\nperf-measurement-interval-sec=1\ngie-kitti-output-dir={kitti}\nkitti-track-output-dir={track}"));
        var perf = new List<string>();
        using var runner = new PipelineRunner(graph) { PerfOutput = s => { lock (perf) { perf.Add(s); } } };
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(240));

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), string.Join("\n", result.Errors));
        Assert.That(result.ExitCode, Is.Zero);
        var (frames, width, height, duration) = TestMedia.Inspect(output);
        Assert.That((width, height), Is.EqualTo((640, 360)), "tiled 2x2 output size");
        Assert.That(frames, Is.InRange(28, 31), "one tiled frame per batch of the 30-frame clips");
        Assert.That(duration.TotalSeconds, Is.EqualTo(1.2).Within(0.15));

        // One KITTI file per frame and source: 00_<stream>_<frame>.txt, 16 fields (detector) / 17 (tracker), confidence last.
        foreach (var stream in new[] { 0u, 1u, 2u, 3u })
        {
            Assert.That(File.Exists(Path.Combine(kitti, KittiWriterName(stream, 0))), Is.True, $"stream {stream} frame 0");
            Assert.That(File.Exists(Path.Combine(track, KittiWriterName(stream, 29))), Is.True, $"stream {stream} frame 29");
        }

        Assert.That(Directory.GetFiles(kitti, "*.txt"), Has.Length.EqualTo(4 * 30));
        var lines = Directory.GetFiles(kitti, "*.txt").SelectMany(File.ReadAllLines).ToList();
        Assert.That(lines, Is.Not.Empty, "the clip shows faces: some detections expected");
        foreach (var line in lines)
        {
            var f = line.Split(' ');
            Assert.That(f, Has.Length.EqualTo(16), line);
            Assert.That(f[0], Is.AnyOf("mask", "no-mask"), line);
            var box = f[4..8].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.That(box[2], Is.GreaterThan(box[0]), line);
            Assert.That(box[3], Is.GreaterThan(box[1]), line);
            Assert.That(box[2], Is.LessThanOrEqualTo(321), "muxer coordinates (320x180)");
            Assert.That(double.Parse(f[15], CultureInfo.InvariantCulture), Is.InRange(0.0, 1.0), line);
        }

        var trackLines = Directory.GetFiles(track, "*.txt").SelectMany(File.ReadAllLines).ToList();
        Assert.That(trackLines.Select(l => l.Split(' ')), Has.All.Length.EqualTo(17));
        Assert.That(trackLines.Select(l => ulong.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)), Is.Not.Empty);

        lock (perf)
        {
            Assert.That(perf, Has.Some.EqualTo("**PERF:  FPS 0 (Avg)\tFPS 1 (Avg)\tFPS 2 (Avg)\tFPS 3 (Avg)\t"), string.Join("\n", perf));
            Assert.That(perf, Has.Some.Matches(@"^\*\*PERF:  (\d+\.\d\d \(\d+\.\d\d\)\t){4}$"));
        }
    }

    private static string KittiWriterName(uint stream, int frame) => string.Create(CultureInfo.InvariantCulture, $"00_{stream:D3}_{frame:D6}.txt");

    [Test]
    public void BrokenFileSource_EndsOnlyThatSource()
    {
        var dir = RunnerHarness.TempDir("broken");
        var garbage = Path.Combine(dir, "garbage.mp4");
        var rng = new Random(7);
        var bytes = new byte[64 * 1024];
        rng.NextBytes(bytes);
        File.WriteAllBytes(garbage, bytes);
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config(
            [TestMedia.Uri(TestMedia.ShortClip), TestMedia.Uri(garbage)], "type=1\nsync=0\ncontainer=1\ncodec=1", infer: false, tracker: false));
        using var runner = new PipelineRunner(graph, new TestLogger());
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(60));

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), string.Join("\n", result.Errors));
        Assert.That(runner.FailedSources, Is.EqualTo(new[] { 1 }));
        Assert.That(result.Errors, Has.Some.StartsWith("source 1 (file://").And.Contains("garbage.mp4"));
        Assert.That(result.ExitCode, Is.EqualTo(RunExitCodes.SourcesFailed), "the exit code says a source failed");
    }

    [Test]
    public void MissingFileSource_IsLeftOut_OthersRun()
    {
        var dir = RunnerHarness.TempDir("missing");
        var missing = TestMedia.Uri(Path.Combine(dir, "nope.mp4"));
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config([missing, TestMedia.Uri(TestMedia.ShortClip)], "type=1\nsync=0\ncontainer=1\ncodec=1", infer: false, tracker: false));
        using var runner = new PipelineRunner(graph, new TestLogger());
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(60));
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream));
        Assert.That(result.Errors, Has.Some.Contains("source 0 (file://").And.Contains("file not found"));
    }

    [Test]
    public void MissingPlugin_ClearErrorNamingFactoryAndHint()
    {
        var dir = RunnerHarness.TempDir("plugin");
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)], "type=1\ncontainer=1\ncodec=1", infer: false, tracker: false));
        graph.Add("extra", "dsnetnosuchelement");
        using var runner = new PipelineRunner(graph, new TestLogger());
        var ex = Assert.Throws<PipelineException>(runner.Build);
        Assert.That(ex!.Message, Does.Contain("'dsnetnosuchelement'").And.Contain("needed by extra").And.Contain("libgstdsnet.so"));
    }

    [Test]
    public void BadModelPath_FailsWithErrorNamingTheModel()
    {
        var dir = RunnerHarness.TempDir("model");
        var infer = Path.Combine(dir, "infer.txt");
        File.WriteAllText(infer, File.ReadAllText(RunnerHarness.InferConfig).Replace("onnx-file=../../../assets/models/ultraface/RFB-640-masked_face-v2.onnx", "onnx-file=/nonexistent/model.onnx", StringComparison.Ordinal)
            .Replace("labelfile-path=labels_masknet.txt", "labelfile-path=" + Path.Combine(Path.GetDirectoryName(RunnerHarness.InferConfig)!, "labels_masknet.txt"), StringComparison.Ordinal));
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)], "type=1\nsync=0\ncontainer=1\ncodec=1", tracker: false), $"primary-gie.config-file={infer}");
        using var runner = new PipelineRunner(graph, new TestLogger());
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(60));
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Error));
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(string.Join("\n", result.Errors), Does.Contain("primary_gie").And.Contain("/nonexistent/model.onnx"));
    }

    [Test]
    public void Cancellation_MidRun_SendsEos_AndLeavesAPlayableMp4()
    {
        var dir = RunnerHarness.TempDir("cancel");
        var output = Path.Combine(dir, "stopped.mp4");

        // sync=1: the file sink plays in real time (1.2 s), so the cancellation lands mid-run.
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)],
            $"type=3\ncontainer=1\ncodec=1\nenc-type=1\nsync=1\noutput-file={output}", infer: false, tracker: false));
        using var runner = new PipelineRunner(graph, new TestLogger());
        using var cts = new CancellationTokenSource();
        runner.Build();
        var frames = 0;
        var probe = new FrameWatch(runner, () =>
        {
            if (Interlocked.Increment(ref frames) == 8)
            {
                cts.Cancel();
            }
        });
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(60), cts.Token);
        GC.KeepAlive(probe);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Stopped));
        Assert.That(result.ExitCode, Is.Zero);
        var (decoded, width, _, _) = TestMedia.Inspect(output);
        Assert.That(width, Is.EqualTo(640));
        Assert.That(decoded, Is.InRange(1, 29), "stopped before the end of the 30-frame clip, and the MP4 was finalised (it decodes)");
    }
}
