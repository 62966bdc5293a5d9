using DeepStreamNet.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary><see cref="DeepStreamOptions"/> bind from the host's configuration (here a real INI settings file).</summary>
public sealed class HostOptionsTests
{
    [Test]
    public void AddDeepStream_BindsOptionsFromAnIniSettingsFile_AndCodeHasTheLastWord()
    {
        var dir = RunnerHarness.TempDir("host-options");
        var ini = Path.Combine(dir, "host.ini");
        File.WriteAllText(ini, """
            [DeepStream]
            ConfigPath=configs/app.txt
            Backend=Portable
            HeapTrimInterval=00:00:05
            StopTimeout=00:00:20
            BridgeGStreamerLog=false
            Overrides:0=sink0.sync=0
            """);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddIniFile(ini);
        builder.Services.AddDeepStream(o => o.StopTimeout = TimeSpan.FromSeconds(3));
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<DeepStreamOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(options.ConfigPath, Is.EqualTo("configs/app.txt"));
            Assert.That(options.Backend, Is.EqualTo(PipelineBackend.Portable));
            Assert.That(options.HeapTrimInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(options.BridgeGStreamerLog, Is.False);
            Assert.That(options.Overrides, Is.EqualTo(new[] { "sink0.sync=0" }));
            Assert.That(options.StopTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)), "the code's configure runs after the file");
        });
    }

    [Test]
    public void TheLibraryLogsThroughMicrosoftExtensionsLoggingOnly()
    {
        var references = typeof(DeepStreamService).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(references, Has.Some.EqualTo("Microsoft.Extensions.Logging.Abstractions"));
            Assert.That(references.Where(n => n.StartsWith("Serilog", StringComparison.Ordinal)), Is.Empty, "Serilog belongs to the CLI and the samples");
        });
    }

    [Test]
    public void AddDeepStream_WithoutConfiguration_KeepsTheDefaults()
    {
        using var provider = new ServiceCollection().AddDeepStream(o => o.ConfigPath = "a.txt").BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<DeepStreamOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(options.ConfigPath, Is.EqualTo("a.txt"));
            Assert.That(options.HeapTrimInterval, Is.EqualTo(TimeSpan.FromSeconds(30)));
        });
    }
}
