using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Tests.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Fuzz;

/// <summary>
/// What the config mutation fuzzer (<see cref="ConfigFuzzTests"/>) found, one regression test each: a file key that
/// names a FIFO, a device or a directory is a located error, never a hang, an unbounded read or "valid".
/// Each check runs on a thread of its own with a time limit, so a regression fails instead of hanging the suite.
/// </summary>
[CancelAfter(120_000)]
public sealed class ConfigFuzzFindingTests
{
    private static string MakeFifo(TempConfigDir dir) => FileLimitTests.MakeFifo(dir, "fifo.so");

    /// <summary>Validates on both backends within 20 s each; a hang fails the test (and the FIFO is opened so the
    /// blocked reader can go on).</summary>
    private static List<ValidationIssue> Errors(string app, PipelineBackend backend, string? fifo = null)
    {
        var verdict = ConfigVerdict.Of(app, backend, TimeSpan.FromSeconds(20), fifo is null ? null : () => ThreadPool.QueueUserWorkItem(_ =>
        {
            using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }));
        Assert.That(verdict.Hung, Is.False, $"{backend}: validate hung");
        Assert.That(verdict.Crash, Is.Null, $"{backend}: {verdict.Crash}");
        Assert.That(verdict.Valid, Is.False, $"{backend}: judged valid");
        return verdict.Issues.Where(i => i.Severity == Severity.Error).ToList();
    }

    /// <summary>Was: <c>NativeLibrary.TryLoad</c> of a FIFO blocked in dlopen holding the loader's lock, and with it every
    /// later library load of the process (the fuzz run hung for good).</summary>
    [Test]
    public void CustomLibPath_naming_a_fifo_or_a_directory_is_an_error_not_a_hang()
    {
        using var dir = new TempConfigDir();
        var fifo = MakeFifo(dir);
        Directory.CreateDirectory(Path.Combine(dir.Path, "folder.so"));
        foreach (var target in new[] { fifo, Path.Combine(dir.Path, "folder.so") })
        {
            dir.WriteInfer("infer.txt", $"custom-lib-path={target}\nparse-bbox-func-name=NvDsInferParseUltraFaceMask\n");
            var app = dir.WriteApp();
            dir.WriteInfer("infer.txt", $"custom-lib-path={target}\nparse-bbox-func-name=NvDsInferParseUltraFaceMask\n");
            var errors = Errors(app, PipelineBackend.Portable, target == fifo ? fifo : null);
            Assert.That(errors, Has.Some.Matches<ValidationIssue>(e => e.Key == "custom-lib-path" && e.Line > 0 && e.File.EndsWith("infer.txt", StringComparison.Ordinal)),
                string.Join("\n", errors));
        }
    }

    /// <summary>Was: <c>[pre-process] config-file</c> was never checked, so a directory (or a FIFO, or nothing) was
    /// judged valid and failed only when the pipeline started.</summary>
    [Test]
    public void PreProcess_config_file_naming_a_directory_a_fifo_or_nothing_is_a_located_error()
    {
        using var dir = new TempConfigDir();
        var fifo = MakeFifo(dir);
        foreach (var target in new[] { dir.Path, fifo, "/dev/zero", Path.Combine(dir.Path, "missing.txt") })
        {
            var app = dir.WriteApp(extra: $"[pre-process]\nenable=1\nconfig-file={target}\n");
            foreach (var backend in new[] { PipelineBackend.Portable, PipelineBackend.DeepStream })
            {
                var errors = Errors(app, backend);
                Assert.That(errors, Has.Some.Matches<ValidationIssue>(e => e.Group == "pre-process" && e.Key == "config-file" && e.Line > 0 && e.Message.Contains(target, StringComparison.Ordinal)),
                    $"{target} [{backend}]\n" + string.Join("\n", errors));
            }
        }

        // A disabled group's file is not read.
        var disabled = dir.WriteApp(extra: $"[pre-process]\nenable=0\nconfig-file={dir.Path}\n");
        Assert.That(PipelinePlan.Create(disabled, [], PipelineBackend.Portable).Report.Errors.Where(e => e.Group == "pre-process"), Is.Empty);
    }

    /// <summary>Was: the model check read <c>onnx-file</c> whole with <c>File.ReadAllBytes</c> after a mere existence
    /// test: a FIFO blocked and <c>/dev/zero</c> grew without bound; a source URI naming a FIFO blocked the GIF check.</summary>
    [Test]
    public void OnnxFile_and_source_uri_naming_a_fifo_or_a_device_are_errors_not_unbounded_reads()
    {
        using var dir = new TempConfigDir();
        var fifo = MakeFifo(dir);
        foreach (var target in new[] { fifo, "/dev/zero" })
        {
            var app = dir.WriteApp();
            File.WriteAllText(Path.Combine(dir.Path, "infer.txt"), File.ReadAllText(Path.Combine(dir.Path, "infer.txt"))
                .Replace($"onnx-file={ConfigTestPaths.UltraFace640}", $"onnx-file={target}", StringComparison.Ordinal));
            var errors = Errors(app, PipelineBackend.Portable, target == fifo ? fifo : null);
            Assert.That(errors, Has.Some.Matches<ValidationIssue>(e => e.Key == "onnx-file" && e.Message.Contains("not a regular file", StringComparison.Ordinal)),
                string.Join("\n", errors));

            var uriApp = dir.WriteApp(source: $"uri=file://{target}");
            var uriErrors = Errors(uriApp, PipelineBackend.Portable, target == fifo ? fifo : null);
            Assert.That(uriErrors, Has.Some.Matches<ValidationIssue>(e => e.Group == "source0" && e.Key == "uri"), string.Join("\n", uriErrors));
        }
    }

    /// <summary>Was: an empty <c>onnx-file</c> with a primary batch size above 1 threw NullReferenceException while
    /// <c>describe</c> built the graph (the dynamic-batch copy read the empty file as a model without a graph).</summary>
    [Test]
    public void Empty_onnx_file_with_batch_size_2_is_an_error_not_an_exception()
    {
        using var dir = new TempConfigDir();
        var empty = dir.Write("empty.onnx", string.Empty);
        var app = dir.WriteApp(extra: "[primary-gie]\nbatch-size=2\n");
        File.WriteAllText(Path.Combine(dir.Path, "infer.txt"), File.ReadAllText(Path.Combine(dir.Path, "infer.txt"))
            .Replace($"onnx-file={ConfigTestPaths.UltraFace640}", $"onnx-file={empty}", StringComparison.Ordinal));
        var errors = Errors(app, PipelineBackend.Portable);
        Assert.That(errors, Has.Some.Matches<ValidationIssue>(e => e.Key == "onnx-file" && e.Line > 0), string.Join("\n", errors));
    }

    /// <summary>Was (the 10,094-mutant run, seed 2026): a NUL byte inside a type=3 sink's <c>output-file</c> threw
    /// ArgumentException from <c>Path.GetFullPath</c> in the sink rules instead of a located error.</summary>
    [Test]
    public void Nul_in_output_file_is_a_located_error_not_an_exception()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp(extra: "[sink1]\nenable=1\ntype=3\ncontainer=1\ncodec=1\nenc-type=1\noutput-file=out\0x.mp4\n");
        foreach (var backend in new[] { PipelineBackend.Portable, PipelineBackend.DeepStream })
        {
            var errors = Errors(app, backend);
            Assert.That(errors, Has.Some.Matches<ValidationIssue>(e => e.Key == "output-file" && e.Line > 0 && e.Message.Contains("NUL", StringComparison.Ordinal)),
                $"{backend}: " + string.Join("\n", errors));
        }
    }
}
