using System.Diagnostics;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>Issue requirement: every shipped face-mask config passes the real <c>dsnet validate</c>.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class FaceMaskValidateTests
{
    private static IEnumerable<string> DeepStreamFiles => FaceMaskConfigs.DeepStream;

    private static IEnumerable<string> PortableFiles => FaceMaskConfigs.Portable;

    [OneTimeSetUp]
    public void Assets() => FaceMaskConfigs.EnsureAssets();

    [TestCaseSource(nameof(DeepStreamFiles))]
    public void DeepStream_config_is_valid_for_the_deepstream_backend(string file)
    {
        var (code, stdout) = Validate(FaceMaskConfigs.PathOf("deepstream", file), "--backend", "deepstream");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stdout);
            Assert.That(stdout, Does.Contain($"{file}: valid"));
            Assert.That(stdout, Does.Not.Contain(": error:"));
        });
    }

    [TestCaseSource(nameof(PortableFiles))]
    public void Portable_config_is_valid_with_the_default_backend(string file)
    {
        var (code, stdout) = Validate(FaceMaskConfigs.PathOf("portable", file));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stdout);
            Assert.That(stdout, Does.Contain($"{file}: valid"));
            // Built-in parser names and the built-in tracker need no DeepStream library on the portable backend.
            Assert.That(stdout, Does.Not.Contain("parse-bbox-func-name"));
            Assert.That(stdout, Does.Not.Contain("ll-lib-file"));
        });
    }

    [Test]
    public void DeepStream_install_and_model_files_are_warnings_off_target_but_other_missing_files_stay_errors()
    {
        var config = FaceMaskConfigs.PathOf("deepstream", "deepstream_app_file_masknet.txt");
        var (ok, stdout) = Validate(config, "--backend", "deepstream");
        var (bad, broken) = Validate(config, "--backend", "deepstream", "--set", "primary-gie.config-file=missing_infer.txt");
        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.Zero);
            Assert.That(stdout, Does.Contain("[property] tlt-encoded-model: warning: file not found"));
            Assert.That(stdout, Does.Contain("[tracker] ll-lib-file: warning: file not found: /opt/nvidia/deepstream/"));
            Assert.That(stdout, Does.Contain("must exist on the DeepStream target"));
            Assert.That(bad, Is.EqualTo(1));
            Assert.That(broken, Does.Contain("[primary-gie] config-file: error: file not found"));
        });
    }

    private static (int Code, string Out) Validate(params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dsnet.dll"));
        psi.ArgumentList.Add("validate");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("DSNET_SET_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(name);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.That(p.WaitForExit(120_000), Is.True, "dsnet validate did not finish");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
