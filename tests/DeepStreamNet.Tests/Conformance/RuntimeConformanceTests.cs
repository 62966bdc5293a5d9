using DeepStreamNet.GStreamer;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Runner;
using DeepStreamNet.Tests.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Conformance;

/// <summary>
/// Run-time choices deepstream-app makes from caps and callbacks, made by the runner on real pipelines (portable
/// elements, real gst-rtsp-server), and g_object_set's leniency on the DeepStream backend.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RuntimeConformanceTests
{
    [OneTimeSetUp]
    public void Init() => new GstSetUp().Init();

    [TestCase(TestRtspServer.H265, "H265", "rtph265depay")]
    [TestCase(TestRtspServer.H264, "H264", "rtph264depay")]
    public void S8_rtsp_camera_is_depayloaded_by_encoding_name_like_cb_rtspsrc_select_stream_source_bin_c_486_541(string launch, string encoding, string depay)
    {
        var port = 20000 + Random.Shared.Next(20000);
        using var server = new TestRtspServer(port, launch);
        var text = RunnerHarness.Config([$"rtsp://127.0.0.1:{port}/test"], "type=1\nsync=0", infer: false, tracker: false)
            .Replace("type=2", "type=4\nlatency=100", StringComparison.Ordinal)
            .Replace("[streammux]", "[streammux]\nlive-source=1", StringComparison.Ordinal);
        var (graph, _) = RunnerHarness.Graph(RunnerHarness.TempDir("rtsp-" + encoding), text);
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        runner.Build();
        var batches = 0;
        var watch = new FrameWatch(runner, () => Interlocked.Increment(ref batches));
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);
        var flowed = SpinWait.SpinUntil(() => Volatile.Read(ref batches) > 10, TimeSpan.FromSeconds(40));
        cts.Cancel();
        Assert.That(run.Wait(TimeSpan.FromSeconds(30), CancellationToken.None), Is.True);
        GC.KeepAlive(watch);
        Assert.Multiple(() =>
        {
            Assert.That(flowed, Is.True, "frames from the RTSP server:\n" + string.Join("\n", log.Lines.TakeLast(20)));
            Assert.That(log.Lines, Has.Some.Contains($"{encoding} stream -> {depay}"));
        });
    }

    [Test]
    public void S2_parser_plugged_by_uridecodebin_gets_config_interval_in_child_added_source_bin_c_372_435()
    {
        var dir = RunnerHarness.TempDir("child-added");
        var (graph, _) = RunnerHarness.Graph(dir, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)], "type=1\nsync=0", infer: false, tracker: false));
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(60));
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), string.Join("\n", result.Errors));
            Assert.That(log.Lines, Has.Some.Contains("src_bin_0_src: ").And.Some.Contains(".config-interval = -1"));
        });
    }

    [Test]
    public void Missing_property_on_the_deepstream_backend_is_a_warning_like_g_object_set_unless_the_config_named_it()
    {
        var log = new TestLogger();
        var graph = new PipelineGraph(PipelineBackend.DeepStream, TargetPlatform.Jetson);
        graph.Add("src_bin_0_src", "videotestsrc").Set("num-buffers", 1).Set("bufapi-version", true);
        graph.Add("sink", "fakesink");
        graph.Link("src_bin_0_src", "sink");
        using (new GraphInstance(graph, new HashSet<string>(), log))
        {
            Assert.That(log.Lines, Has.Some.Contains("'src_bin_0_src' (videotestsrc) has no property 'bufapi-version'").And.Some.Contains("plugin version"));
        }

        graph["sink"].SetExplicit("no-such-key", GraphValue.Of(1));
        var ex = Assert.Throws<PipelineException>(() => new GraphInstance(graph, new HashSet<string>(), log).Dispose());
        Assert.That(ex!.Message, Does.Contain("'no-such-key' does not exist"));
    }

    [Test]
    public void Portable_backend_stays_strict_about_missing_properties()
    {
        var graph = new PipelineGraph(PipelineBackend.Portable, TargetPlatform.DGpu);
        graph.Add("src", "videotestsrc").Set("bufapi-version", true);
        Assert.Throws<PipelineException>(() => new GraphInstance(graph, new HashSet<string>(), new TestLogger()).Dispose());
    }

    [Test]
    public void Platform_defaults_to_jetson_on_aarch64_like_deepstream_apps_builds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PipelinePlan.PlatformFor(System.Runtime.InteropServices.Architecture.Arm64), Is.EqualTo(TargetPlatform.Jetson));
            Assert.That(PipelinePlan.PlatformFor(System.Runtime.InteropServices.Architecture.X64), Is.EqualTo(TargetPlatform.DGpu));
        });
    }
}
