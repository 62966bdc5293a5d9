using System.Diagnostics;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runtime;

/// <summary><c>dsnet run</c> / <c>dsnet demo</c> as real processes with the environment of scripts/env.sh.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CliProcessTests
{
    /// <summary>Runs <c>dsnet</c> as a process in <paramref name="workDir"/> with the environment of scripts/env.sh.</summary>
    internal static (int Code, string Out, string Err) Dsnet(string workDir, TimeSpan timeout, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dsnet.dll");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var root = TestPaths.RepositoryRoot;
        psi.Environment["DSNET_ROOT"] = root;
        psi.Environment["DSNET_NATIVE_DIR"] = GstSetUp.NativeLib;
        psi.Environment["GST_PLUGIN_PATH_1_0"] = GstSetUp.NativeLib;
        psi.Environment["GST_REGISTRY_1_0"] = Path.Combine(root, "build", "native", "gst-registry-dotnet-tests.bin");
        psi.Environment["LD_LIBRARY_PATH"] = GstSetUp.NativeLib;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dsnet {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Test]
    public void Run_ValidConfig_ExitsZero_PrintsPerf()
    {
        var dir = RunnerHarness.TempDir("cli-run");
        var path = Path.Combine(dir, "app.txt");
        File.WriteAllText(path, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)], "type=1\nsync=1\ncontainer=1\ncodec=1", infer: false, tracker: false,
            application: "enable-perf-measurement=1\nperf-measurement-interval-sec=1"));
        var (code, stdout, stderr) = Dsnet(dir, TimeSpan.FromSeconds(90), "run", path, "--backend", "portable");
        Assert.That(code, Is.Zero, stdout + stderr);
        Assert.That(stdout, Does.Contain("**PERF:  FPS 0 (Avg)"));
        Assert.That(stdout + stderr, Does.Contain("run ended: EndOfStream"));
    }

    [Test]
    public void Run_InvalidConfig_ExitsOne_WithTheReport()
    {
        var dir = RunnerHarness.TempDir("cli-invalid");
        var path = Path.Combine(dir, "app.txt");
        File.WriteAllText(path, "[source0]\nenable=1\ntype=2\n[sink0]\nenable=1\ntype=1\n");
        var (code, stdout, _) = Dsnet(dir, TimeSpan.FromSeconds(60), "run", path, "--backend", "portable");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("app.txt").And.Contain("[source0]"));
    }

    [Test]
    public void Run_MissingSourceFile_ExitsOne_NamingTheFile()
    {
        var dir = RunnerHarness.TempDir("cli-missing");
        var path = Path.Combine(dir, "app.txt");
        File.WriteAllText(path, RunnerHarness.Config([TestMedia.Uri(Path.Combine(dir, "none.mp4"))], "type=1\nsync=0\ncontainer=1\ncodec=1", infer: false, tracker: false));
        var (code, stdout, stderr) = Dsnet(dir, TimeSpan.FromSeconds(60), "run", path, "--backend", "portable");
        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stdout, Does.Contain("[source0] uri").And.Contain("none.mp4"));
    }

    [Test]
    public void Demo_OneSecond_WritesAnnotatedMp4_AndPrintsMaskCounts()
    {
        Assume.That(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "assets", "media", "facemask-demo-720p.mp4")), Is.True,
            "demo assets not fetched (./dsnet assets fetch): setup.sh fetches them");
        var dir = RunnerHarness.TempDir("cli-demo");
        var output = Path.Combine(dir, "demo.mp4");
        var (code, stdout, stderr) = Dsnet(dir, TimeSpan.FromSeconds(240), "demo", "--out", output, "--duration", "1", "--backend", "portable");
        Assert.That(code, Is.Zero, stdout + stderr);
        Assert.That(stdout, Does.Match(@"t=\s+0s\s+mask=\s*\d+\s+no-mask=\s*\d+\s+frames=\s*25\s+fps="));
        Assert.That(stdout, Does.Contain("non-commercial"));
        var (frames, width, height, _) = TestMedia.Inspect(output);
        Assert.That((width, height), Is.EqualTo((1280, 720)));
        Assert.That(frames, Is.InRange(25, 80), "stopped after about one second of video (plus the frames in flight)");
    }
}
