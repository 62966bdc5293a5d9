using System.Diagnostics;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner.Faults;

/// <summary>
/// Issue 18, "a stalled pipeline starves healthy sources and cannot be stopped": real pipelines on the portable backend
/// with one source that stops producing. The healthy source's frames are counted after the muxer; the run must end on
/// its own or within a bounded time after a stop, with the outputs finalised.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SourceIsolationTests
{
    private const int HealthyFrames = 90;

    private static string Gif => Path.Combine(TestPaths.SharedAssets, "media", "face-demographics-walking.gif");

    /// <summary>The shipped GIF is a real stuck decoder (avdec_gif stops after a few dozen frames without EOS): the
    /// watchdog ends it, the MP4 source plays all its frames, the run ends by itself with exit code 4 and the MP4 is
    /// finalised.</summary>
    [Test]
    public void StuckDecoder_IsEndedByTheWatchdog_HealthySourcePlaysToTheEnd()
    {
        var dir = RunnerHarness.TempDir("fault-gif");
        var output = Path.Combine(dir, "out.mp4");
        var (graph, _) = RunnerHarness.Graph(dir, Config([TestMedia.Uri(Clip), TestMedia.Uri(Gif)], output));
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log) { SourceStallTimeout = TimeSpan.FromSeconds(4) };
        runner.Build();
        var frames = CountFrames(runner);
        var clock = Stopwatch.StartNew();
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(180));
        clock.Stop();

        var detail = string.Join("\n", log.Lines.TakeLast(30));
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), detail);
        Assert.That(runner.FailedSources, Is.EqualTo(new[] { 1 }), detail);
        Assert.That(result.Errors, Has.Some.Contains("face-demographics-walking.gif").And.Contains("no frame for"));
        Assert.That(frames.Of(0), Is.EqualTo(HealthyFrames), "every frame of the healthy source went through the muxer");
        Assert.That(frames.Of(1), Is.GreaterThan(0).And.LessThan(73), "the GIF delivered some frames, then stalled");
        Assert.That(result.ExitCode, Is.EqualTo(RunExitCodes.SourcesFailed));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(150)));
        AssertFinalised(output, dir);
    }

    /// <summary>A file source plus an RTSP source nobody serves, with a bounded number of reconnections: the file source plays
    /// all its frames while the RTSP source is down; the RTSP source is given up, the run ends by itself
    /// when the file ends, the exit code says a source failed.</summary>
    [Test]
    public void UnreachableRtspSource_GivenUp_RunEndsWithExitCode4()
    {
        var dir = RunnerHarness.TempDir("fault-rtsp-give-up");
        var output = Path.Combine(dir, "out.mp4");
        var (graph, _) = RunnerHarness.Graph(dir, RtspConfig(ClosedPort(), output, attempts: 2));
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        runner.Build();
        var frames = CountFrames(runner);
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(120));

        var detail = string.Join("\n", log.Lines.TakeLast(30));
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), detail);
        Assert.That(frames.Of(0), Is.EqualTo(HealthyFrames));
        Assert.That(result.Errors, Has.Some.Contains("gave up after 2 reconnection attempt(s)"));
        Assert.That(result.ExitCode, Is.EqualTo(RunExitCodes.SourcesFailed));
        AssertFinalised(output, dir);
    }

    internal static string Clip => TestMedia.Clip(HealthyFrames, 320, 180);

    internal static string Config(IReadOnlyList<string> uris, string output) =>
        RunnerHarness.Config(uris, $"type=3\nsync=0\ncontainer=1\ncodec=1\noutput-file={output}", infer: false, tracker: false,
            muxWidth: 320, muxHeight: 180, tileWidth: 320, tileHeight: 180);

    internal static string RtspConfig(int port, string output, int attempts)
    {
        var text = Config([TestMedia.Uri(Clip), $"rtsp://127.0.0.1:{port}/none"], output);
        var second = text.IndexOf("[source1]", StringComparison.Ordinal);
        return text[..second] + text[second..].Replace("type=2", $"type=4\nrtsp-reconnect-interval-sec=1\nrtsp-reconnect-attempts={attempts}", StringComparison.Ordinal);
    }

    /// <summary>A local TCP port nobody listens on (bound, then released).</summary>
    internal static int ClosedPort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>The MP4 is complete (decodes to the end) and no temporary file is left beside it.</summary>
    internal static void AssertFinalised(string output, string dir)
    {
        Assert.That(File.Exists(output), Is.True, $"{output} written");
        var (decoded, _, _, _) = TestMedia.Inspect(output);
        Assert.That(decoded, Is.GreaterThan(0), "the MP4 decodes");
        Assert.That(Directory.GetFiles(dir, "*dsnet-partial*", new EnumerationOptions { AttributesToSkip = 0 }), Is.Empty, "no temporary output left");
    }

    private static FrameCounter CountFrames(PipelineRunner runner)
    {
        var counter = new FrameCounter();
        counter.Registration = runner.AddProbe(ProbeAttachPoint.AfterMuxer, (ref BatchMeta batch, in ProbeContext _) =>
        {
            foreach (var f in batch.Frames)
            {
                counter.Add(f.SourceId);
            }
        });
        return counter;
    }

    /// <summary>Frames per source id seen after the muxer.</summary>
    private sealed class FrameCounter
    {
        private readonly int[] _counts = new int[8];

        public ProbeRegistration? Registration { get; set; }

        public void Add(uint source) => Interlocked.Increment(ref _counts[source]);

        public int Of(int source) => Volatile.Read(ref _counts[source]);
    }
}
