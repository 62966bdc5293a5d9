using System.Diagnostics;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>The real <c>dsnet validate</c> / <c>dsnet describe</c> commands, run as a process: output and exit codes.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class CliCommandTests
{
    private static (int Code, string Out, string Err) Dsnet(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dsnet.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("DSNET_SET_0");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.That(p.WaitForExit(60_000), Is.True, "dsnet did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Test]
    public void Validate_valid_config_exits_0()
    {
        var (code, stdout, _) = Dsnet("validate", ConfigTestPaths.Data("app_camera.txt"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout.Trim(), Is.EqualTo("app_camera.txt: valid (0 warning(s))"));
        });
    }

    [Test]
    public void Validate_prints_warnings_and_errors_and_exits_1_when_invalid()
    {
        var path = ConfigTestPaths.Data("facemask-recipe/deepstream_app_source1_video_masknet_gpu.txt");
        var (code, stdout, _) = Dsnet("validate", path);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stdout, Does.Contain($"{path}:68: [tracker] enable-batch-process: warning: Unknown key 'enable-batch-process' for group [tracker]"));
            Assert.That(stdout, Does.Contain("    hint: if the model is 960 wide and 544 tall use infer-dims=3;544;960"));
            // Default backend auto: the .etlt-only nvinfer file makes this a DeepStream config, checked for a DeepStream
            // target even without nvinfer here (PipelinePlan): no portable-only error, the missing clip stays one.
            Assert.That(stdout, Does.Not.Contain("onnx-file: error"));
            Assert.That(stdout, Does.Contain("[source0] uri: error: media file not found: /home/nvidia/face-mask-detection/C0074.MP4"));
            Assert.That(stdout, Does.Contain("deepstream_app_source1_video_masknet_gpu.txt: invalid (1 error(s), 12 warning(s))"));
        });
    }

    [Test]
    public void Validate_set_override_fixes_and_breaks()
    {
        var fixedRun = Dsnet("validate", ConfigTestPaths.Data("app_camera.txt"), "--set", "osd.border-width=5", "--set", "sink1.sync=1");
        var broken = Dsnet("validate", ConfigTestPaths.Data("app_camera.txt"), "--set", "osd.border-width=5px");
        Assert.Multiple(() =>
        {
            Assert.That(fixedRun.Code, Is.EqualTo(0));
            Assert.That(broken.Code, Is.EqualTo(1));
            Assert.That(broken.Out, Does.Contain("command line --set:1: [osd] border-width: error: value '5px' cannot be interpreted as a number"));
        });
    }

    [Test]
    public void Validate_with_backend_adds_backend_checks()
    {
        var (code, stdout, _) = Dsnet("validate", ConfigTestPaths.Data("app_csi.txt"), "--backend", "portable");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stdout, Does.Contain("[source0] type: error: type=5 (CSI camera) needs a Jetson"));
        });
    }

    [Test]
    public void Usage_and_io_errors_exit_2()
    {
        var missing = Dsnet("validate", "/nonexistent/app.txt");
        var folder = Dsnet("describe", Path.GetDirectoryName(ConfigTestPaths.Data("app_camera.txt"))!);
        var badBackend = Dsnet("describe", ConfigTestPaths.Data("app_camera.txt"), "--backend", "gpu");
        Assert.Multiple(() =>
        {
            Assert.That(missing.Code, Is.EqualTo(2));
            Assert.That(missing.Err, Does.Contain("/nonexistent/app.txt: config file not found"));
            // Issue 18 (minor): a folder was reported as "file not found".
            Assert.That(folder.Code, Is.EqualTo(2));
            Assert.That(folder.Err, Does.Contain("TestData: is a folder, not a config file"));
            Assert.That(badBackend.Code, Is.Not.EqualTo(0));
            Assert.That(badBackend.Err + badBackend.Out, Does.Contain("unknown backend 'gpu'"));
        });
    }

    [Test]
    public void Describe_lists_the_keys_the_backend_does_not_read()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"dsnet-ignored-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var app = Path.Combine(dir, "app.txt");
            File.WriteAllText(app, "[source0]\nenable=1\ntype=1\ncamera-v4l2-dev-node=0\ngpu-id=1\n\n[streammux]\nbatch-size=1\nwidth=640\nheight=480\n\n[sink0]\nenable=1\ntype=1\n");
            var portable = Dsnet("describe", app, "--backend", "portable");
            var deepStream = Dsnet("describe", app, "--backend", "deepstream");
            Assert.Multiple(() =>
            {
                Assert.That(portable.Out, Does.Contain("keys without effect on this backend (1):"));
                Assert.That(portable.Out, Does.Contain($"{app}:5: [source0] gpu-id"));
                Assert.That(portable.Out, Does.Contain("gpu-id has no effect on the portable runtime"));
                Assert.That(deepStream.Out, Does.Not.Contain("keys without effect"));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Describe_prints_the_graph_and_writes_dot()
    {
        var dot = Path.Combine(Path.GetTempPath(), $"dsnet-describe-{Guid.NewGuid():N}.dot");
        try
        {
            var (code, stdout, _) = Dsnet("describe", ConfigTestPaths.Data("app_rtsp.txt"), "--backend", "deepstream", "--platform", "jetson", "--dot", dot);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(0));
                Assert.That(stdout, Does.StartWith("backend: deepstream (jetson)"));
                Assert.That(stdout, Does.Contain("  primary_gie (nvinfer)\n"));
                Assert.That(stdout, Does.Contain("rtsp://localhost:8554/ds-test"));
                Assert.That(File.ReadAllText(dot), Does.StartWith("digraph pipeline {"));
            });
        }
        finally
        {
            File.Delete(dot);
        }
    }

    [Test]
    public void Describe_dot_to_stdout_and_portable_backend()
    {
        var (code, stdout, _) = Dsnet("describe", ConfigTestPaths.Data("app_multistream4.txt"), "--backend", "portable", "--dot", "-");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout, Does.StartWith("digraph pipeline {"));
            Assert.That(stdout, Does.Contain("(dsnetstreammux)"));
        });
    }

    [Test]
    public void Help_is_available_for_both_commands()
    {
        var v = Dsnet("validate", "--help");
        var d = Dsnet("describe", "--help");
        Assert.Multiple(() =>
        {
            Assert.That(v.Code, Is.EqualTo(0));
            Assert.That(v.Out, Does.Contain("--set"));
            Assert.That(d.Out, Does.Contain("--backend").And.Contain("--dot").And.Contain("--platform"));
        });
    }
}
