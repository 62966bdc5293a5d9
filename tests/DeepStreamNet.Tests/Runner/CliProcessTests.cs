using System.Diagnostics;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary><c>dsnet run</c> / <c>dsnet demo</c> as real processes with the environment of scripts/env.sh.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CliProcessTests
{
    /// <summary>Runs <c>dsnet</c> as a process in <paramref name="workDir"/> with the environment of scripts/env.sh.</summary>
    internal static (int Code, string Out, string Err) Dsnet(string workDir, TimeSpan timeout, params string[] args)
    {
        using var p = StartDsnet(workDir, null, args);
        return p.WaitForExit(timeout, $"dsnet {string.Join(' ', args)}");
    }

    /// <summary>Starts <c>dsnet</c> with the environment of scripts/env.sh plus <paramref name="environment"/>
    /// (a null value removes the variable); output is collected while it runs.</summary>
    internal static DsnetProcess StartDsnet(string workDir, IReadOnlyDictionary<string, string?>? environment, params string[] args)
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
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        return new DsnetProcess(Process.Start(psi)!);
    }

    /// <summary>
    /// Fails with the reason when SIGINT is ignored in this test process: dsnet, started from it, inherits that and
    /// would never see the signal. A background job of a non-interactive shell (<c>cmd &amp;</c> in a script, without
    /// job control) starts with SIGINT ignored.
    /// </summary>
    public static void RequireSigIntDeliverable()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var ignored = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        if ((ignored & (1UL << 1)) != 0)
        {
            Assert.Fail($"SIGINT is ignored in this test process ({line.Trim()}), so the dsnet it starts ignores it too: " +
                "run the tests in the foreground, or from a shell with job control (set -m), not as `cmd &` in a script");
        }
    }

    /// <summary>A running <c>dsnet</c>: output collected line by line, SIGINT like Ctrl-C, bounded wait.</summary>
    internal sealed class DsnetProcess : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _out = new();
        private readonly System.Text.StringBuilder _err = new();

        public DsnetProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Append(_out, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(_err, e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public int Id => _process.Id;

        /// <summary>Standard output and error so far.</summary>
        public string Output
        {
            get
            {
                lock (_out)
                {
                    lock (_err)
                    {
                        return _out + "\n" + _err;
                    }
                }
            }
        }

        /// <summary>Sends SIGINT, as Ctrl-C in a terminal does.</summary>
        public void Interrupt()
        {
            RequireSigIntDeliverable();
            using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        public (int Code, string Out, string Err) WaitForExit(TimeSpan timeout, string what)
        {
            if (!_process.WaitForExit(timeout))
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail($"{what} did not finish within {timeout.TotalSeconds} s\n{Output}");
            }

            _process.WaitForExit(); // drains the asynchronous output readers
            lock (_out)
            {
                lock (_err)
                {
                    return (_process.ExitCode, _out.ToString(), _err.ToString());
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static void Append(System.Text.StringBuilder sb, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (sb)
            {
                sb.AppendLine(line);
            }
        }
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
    public void Run_SigintMidRun_FinalisesTheMp4_ExitsZero()
    {
        var dir = RunnerHarness.TempDir("cli-sigint");
        var output = Path.Combine(dir, "out.mp4");
        var path = Path.Combine(dir, "app.txt");
        // sync=1 plays the 28 s demo clip in real time, so SIGINT lands mid-run.
        File.WriteAllText(path, RunnerHarness.Config([TestMedia.Uri(TestMedia.DemoMp4)], $"type=3\ncontainer=1\ncodec=1\nenc-type=1\nsync=1\noutput-file={output}",
            infer: false, tracker: false, application: "enable-perf-measurement=1\nperf-measurement-interval-sec=1"));
        using var p = StartDsnet(dir, null, "run", path, "--backend", "portable");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!p.HasExited && DateTime.UtcNow < deadline && Regex.Count(p.Output, @"\*\*PERF:  \d") < 3)
        {
            Thread.Sleep(100);
        }

        Assert.That(p.HasExited, Is.False, "dsnet ended before the signal\n" + p.Output);
        p.Interrupt();
        var (code, stdout, stderr) = p.WaitForExit(TimeSpan.FromSeconds(30), "dsnet run after SIGINT");
        Assert.That(code, Is.Zero, stdout + stderr);
        Assert.That(stdout + stderr, Does.Contain("SIGINT received").And.Contain("run ended: Stopped"));
        var (frames, width, height, duration) = TestMedia.Inspect(output);
        Assert.That((width, height), Is.EqualTo((640, 360)));
        Assert.That(frames, Is.InRange(40, 600), "about the seconds played before the signal, far fewer than the clip's 700 frames");
        Assert.That(duration.TotalSeconds, Is.InRange(frames / 25.0 - 0.2, frames / 25.0 + 0.2), "a finalised MP4 with a duration that matches its frames");
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
        // Distinct tracked faces and per-frame detections are two labelled counts, explained once.
        Assert.That(stdout, Does.Match(@"t=\s+0s\s+tracked: mask=\s*\d+ no-mask=\s*\d+\s+\|\s+per frame: mask=\s*\d+\.\d\d no-mask=\s*\d+\.\d\d\s+\|\s+frames=\s*25\s+fps="));
        Assert.That(stdout, Does.Contain("distinct tracked faces per class").And.Contain("mean detections per frame"));
        Assert.That(stdout, Does.Contain("non-commercial"));
        Assert.That(stdout, Does.Contain($"writing the annotated video to {output}").And.Contain($"wrote {output} ("), "absolute output path, before and after");
        Assert.That(stderr, Does.Match(@"demo: video 1/1 s of video in \d+\.\d s"), "one progress summary line when not on a terminal");
        var (frames, width, height, _) = TestMedia.Inspect(output);
        Assert.That((width, height), Is.EqualTo((1280, 720)));
        Assert.That(frames, Is.InRange(25, 80), "stopped after about one second of video (plus the frames in flight)");
    }
}
