using System.Text.RegularExpressions;

namespace DeepStreamNet.Packaging.Tests;

/// <summary><c>dotnet new dsnet-probe</c> from the feed: builds, runs on the sandbox user's fetched assets, prints counts.</summary>
public sealed partial class TemplateTests
{
    [Test]
    public void Template_app_builds_and_runs_on_the_fetched_assets()
    {
        var box = PackagedFeed.Box;
        PackagedFeed.Tool(); // dsnet assets fetch --mirror ../shared/assets into the sandbox user's data folder
        var hive = Path.Combine(box.Root, "template-hive");
        box.RunOk("dotnet", $"new install DeepStreamNet.Templates::{PackagedFeed.Version} --add-source {box.Feed} --debug:custom-hive {hive}", box.Root, PackagedFeed.Slow);
        var app = Path.Combine(box.Root, "MyProbe");
        box.RunOk("dotnet", $"new dsnet-probe -n MyProbe -o {app} --debug:custom-hive {hive}", box.Root, PackagedFeed.Slow);
        box.RunOk("dotnet", "build -c Release", app, PackagedFeed.Slow);

        var config = File.ReadAllText(Path.Combine(app, "bin", "Release", "net10.0", "config", "deepstream_app.txt"));
        Assert.That(config, Does.Contain($"uri=file://{box.DataRoot}/assets/media/facemask-demo-720p.mp4"));

        var output = box.RunOk("dotnet", "bin/Release/net10.0/MyProbe.dll --seconds 2", app, TimeSpan.FromMinutes(5));
        var match = Counts().Match(output);
        Assert.That(match.Success, Is.True, output);
        Assert.That(long.Parse(match.Groups[2].Value) + long.Parse(match.Groups[3].Value), Is.GreaterThan(0), output);
    }

    [GeneratedRegex(@"source 0: frames=(\d+) mask=(\d+) no-mask=(\d+)")]
    private static partial Regex Counts();
}
