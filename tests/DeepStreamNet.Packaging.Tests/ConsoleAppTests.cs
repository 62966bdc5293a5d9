using System.Text.RegularExpressions;

namespace DeepStreamNet.Packaging.Tests;

/// <summary>
/// A user's own app outside the repository: <c>dotnet new console</c>, the packages from the feed, a probe, the first
/// seconds of the demo clip on the portable runtime — run with PATH and HOME only (no GST_PLUGIN_PATH, no env.sh).
/// </summary>
public sealed partial class ConsoleAppTests
{
    private const string ProbeProgram = """
        using DeepStreamNet.Hosting;
        using DeepStreamNet.Metadata;
        using DeepStreamNet.Probes;
        using DeepStreamNet.Runner;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var faces = 0L;
        var frames = 0L;
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddDeepStream(o =>
        {
            o.ConfigPath = args[0];
            o.Overrides.Add("sink0.type=1");
            o.Overrides.Add("source0.uri=file://" + args[1]);
        });
        IHostApplicationLifetime? lifetime = null;
        builder.Services.AddBatchProbe(ProbeTarget.At(ProbeAttachPoint.AfterTracker), (ref BatchMeta batch, in ProbeContext context) =>
        {
            foreach (var frame in batch.Frames)
            {
                if (++frames == 50) lifetime?.StopApplication();
                foreach (var obj in frame.Objects)
                {
                    if (obj.LabelEquals("mask"u8) || obj.LabelEquals("no-mask"u8)) faces++;
                }
            }
        });
        using var host = builder.Build();
        lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        await host.RunAsync();
        Console.WriteLine($"PROBE frames={frames} faces={faces}");
        """;

    [Test]
    public void Console_app_outside_the_repository_runs_a_probe_on_the_demo_clip_without_environment()
    {
        var box = PackagedFeed.Box;
        var app = Path.Combine(box.Root, "ProbeApp");
        Assert.That(app, Does.Not.StartWith(PackagedFeed.RepoRoot));
        box.RunOk("dotnet", $"new console -n ProbeApp -o {app}", box.Root, PackagedFeed.Slow);
        foreach (var id in new[] { "DeepStreamNet", "DeepStreamNet.Runtime.Portable" })
        {
            box.RunOk("dotnet", $"add package {id} --version {PackagedFeed.Version}", app, PackagedFeed.Slow);
        }

        File.WriteAllText(Path.Combine(app, "Program.cs"), ProbeProgram);
        box.RunOk("dotnet", "build -c Release", app, PackagedFeed.Slow);

        var config = Path.Combine(PackagedFeed.RepoRoot, "configs", "face-mask", "portable", "deepstream_app_file_masknet.txt");
        var clip = Path.Combine(PackagedFeed.SharedAssets, "media", "facemask-demo-720p.mp4");
        var output = box.RunOk("dotnet", $"bin/Release/net10.0/ProbeApp.dll {config} {clip}", app, TimeSpan.FromMinutes(5));
        var match = ProbeLine().Match(output);
        Assert.That(match.Success, Is.True, output);
        Assert.Multiple(() =>
        {
            Assert.That(long.Parse(match.Groups[1].Value), Is.GreaterThanOrEqualTo(50), output);
            Assert.That(long.Parse(match.Groups[2].Value), Is.GreaterThan(0), "the probe saw faces:\n" + output);
        });
        // The registry went to the sandbox user's cache, keyed by the plugin folder beside the app.
        Assert.That(Directory.GetFiles(Path.Combine(box.Home, ".cache", "deepstreamnet", "gstreamer-1.0"), "registry-linux-*.bin"), Is.Not.Empty);
    }

    [GeneratedRegex(@"PROBE frames=(\d+) faces=(\d+)")]
    private static partial Regex ProbeLine();
}
