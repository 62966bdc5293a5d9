using DeepStreamNet.Pipeline;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>V4L2 camera sources (type=1) on a machine without the camera: a clear error with what to do, the other
/// sources go on, and a camera that fails while the pipeline starts ends the run instead of hanging it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CameraSourceTests
{
    private static string CameraConfig(string? fileUri, int devNode) =>
        "[application]\n" +
        "[source0]\nenable=1\ntype=1\ncamera-width=640\ncamera-height=480\ncamera-fps-n=30\ncamera-fps-d=1\n" +
        $"camera-v4l2-dev-node={devNode}\n" +
        (fileUri is null ? string.Empty : $"[source1]\nenable=1\ntype=2\nuri={fileUri}\n") +
        $"[streammux]\nlive-source=1\nbatch-size={(fileUri is null ? 1 : 2)}\nbatched-push-timeout=40000\nwidth=640\nheight=360\n" +
        "[sink0]\nenable=1\ntype=1\nsync=0\n";

    [Test]
    public void MissingCameraNode_IsLeftOutWithWhatToDo_TheFileSourceRuns()
    {
        Assume.That(File.Exists("/dev/video57"), Is.False);
        var dir = RunnerHarness.TempDir("camera-missing");
        var (graph, config) = RunnerHarness.Graph(dir, CameraConfig(TestMedia.Uri(TestMedia.ShortClip), 57));
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(60));
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), string.Join("\n", log.Lines));
        Assert.That(result.Errors, Has.Some.Contains("source 0 (/dev/video57): camera device /dev/video57 not found")
            .And.Contains("set [source0] camera-v4l2-dev-node"));
        Assert.That(runner.FailedSources, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void CameraThatFailsToOpen_EndsTheRunWithTheSourceNamed()
    {
        // /dev/null exists but is no V4L2 device: v4l2src fails while the pipeline starts (NULL→READY).
        var dir = RunnerHarness.TempDir("camera-fails");
        var (graph, config) = RunnerHarness.Graph(dir, CameraConfig(null, 0));
        graph["src_bin_0_src"].Set("device", "/dev/null");
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(30));
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Error), string.Join("\n", log.Lines));
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Errors, Has.Some.StartsWith("source 0 (/dev/null): "));
    }
}
