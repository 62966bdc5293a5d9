using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner.Faults;

/// <summary>
/// Issue 18, "lost output": a run that fails at start over an older MP4, an output folder that cannot exist, and a GIF
/// source refused by <c>validate</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ShutdownAndOutputTests
{
    /// <summary>A run whose model is corrupt fails at start: the MP4 of an earlier run under the same name is untouched.</summary>
    [Test]
    public void FailedStart_LeavesThePreviousOutputUntouched()
    {
        var dir = RunnerHarness.TempDir("fault-failed-start");
        var output = Path.Combine(dir, "out.mp4");
        File.Copy(SourceIsolationTests.Clip, output);
        var before = File.ReadAllBytes(output);
        var model = Path.Combine(dir, "corrupt.onnx");
        File.WriteAllBytes(model, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        var infer = Path.Combine(dir, "infer.txt");
        File.WriteAllText(infer, File.ReadAllText(RunnerHarness.InferConfig)
            .Replace("onnx-file=../../../assets/models/ultraface/RFB-640-masked_face-v2.onnx", "onnx-file=" + model, StringComparison.Ordinal)
            .Replace("labelfile-path=labels_masknet.txt", "labelfile-path=" + Path.Combine(Path.GetDirectoryName(RunnerHarness.InferConfig)!, "labels_masknet.txt"), StringComparison.Ordinal));
        var text = RunnerHarness.Config([TestMedia.Uri(SourceIsolationTests.Clip)], $"type=3\nsync=0\ncontainer=1\ncodec=1\noutput-file={output}", tracker: false);
        var (graph, _) = RunnerHarness.Graph(dir, text, $"primary-gie.config-file={infer}");
        using var runner = new PipelineRunner(graph, new TestLogger());
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(60));

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Error));
        Assert.That(result.ExitCode, Is.EqualTo(RunExitCodes.PipelineError));
        Assert.That(File.ReadAllBytes(output), Is.EqualTo(before), "the older MP4 is unchanged");
        Assert.That(Directory.GetFiles(dir, "*dsnet-partial*", new EnumerationOptions { AttributesToSkip = 0 }), Is.Empty);
    }

    [Test]
    public void OutputFileUnderARegularFile_IsAClearBuildError()
    {
        var dir = RunnerHarness.TempDir("fault-output-under-file");
        var blocker = Path.Combine(dir, "plain-file");
        File.WriteAllText(blocker, "x");
        var (graph, _) = RunnerHarness.Graph(dir, SourceIsolationTests.Config([TestMedia.Uri(SourceIsolationTests.Clip)], Path.Combine(blocker, "out.mp4")));
        using var runner = new PipelineRunner(graph, new TestLogger());
        var ex = Assert.Throws<PipelineException>(runner.Build);
        Assert.That(ex!.Message, Does.Contain("plain-file").And.Contain("cannot be created"));
    }

    [Test]
    public void Validate_RefusesAGifSource_NamingFileAndLine()
    {
        var dir = RunnerHarness.TempDir("fault-gif-validate");
        var gif = Path.Combine(TestPaths.SharedAssets, "media", "face-demographics-walking.gif");
        File.WriteAllText(Path.Combine(dir, "app.txt"), SourceIsolationTests.Config([TestMedia.Uri(SourceIsolationTests.Clip), TestMedia.Uri(gif)], Path.Combine(dir, "out.mp4")));
        var (code, stdout, stderr) = CliProcessTests.Dsnet(dir, TimeSpan.FromSeconds(60), "validate", "app.txt", "--backend", "portable");

        Assert.That(code, Is.EqualTo(RunExitCodes.InvalidConfig), stdout + stderr);
        Assert.That(stdout + stderr, Does.Match(@"app\.txt:\d+: \[source1\] uri: .*face-demographics-walking\.gif is a GIF"));
    }
}
