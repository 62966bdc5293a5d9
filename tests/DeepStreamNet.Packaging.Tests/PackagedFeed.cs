using System.Diagnostics;

namespace DeepStreamNet.Packaging.Tests;

/// <summary>
/// Once per run: <c>scripts/pack.sh</c> into a temporary feed outside the repository, and a fresh sandbox user (see
/// <see cref="Sandbox"/>). <c>DSNET_PACKAGING_FEED=/path</c> reuses an already-packed feed (development only).
/// </summary>
[SetUpFixture]
public sealed class PackagedFeed
{
    public static readonly TimeSpan Slow = TimeSpan.FromMinutes(15);
    private static string? _toolPath;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedAssets => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "assets"));

    internal static Sandbox Box { get; private set; } = null!;

    public static string Version => "0.1.0";

    [OneTimeSetUp]
    public void Pack()
    {
        var root = Path.Combine(Path.GetTempPath(), "dsnet-packaging-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var feed = Environment.GetEnvironmentVariable("DSNET_PACKAGING_FEED") is { Length: > 0 } given ? given : Path.Combine(root, "feed");
        Box = new Sandbox(root, feed);
        if (feed.StartsWith(root, StringComparison.Ordinal))
        {
            // pack.sh itself runs with the checkout's environment (it builds there); only the apps get the clean one.
            var psi = new ProcessStartInfo(Path.Combine(RepoRoot, "scripts", "pack.sh"), ["--output", feed])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoRoot,
            };
            using var pack = Process.Start(psi)!;
            var stdout = pack.StandardOutput.ReadToEndAsync();
            var stderr = pack.StandardError.ReadToEndAsync();
            Assert.That(pack.WaitForExit(Slow), Is.True, "scripts/pack.sh did not finish");
            Assert.That(pack.ExitCode, Is.Zero, $"scripts/pack.sh failed:\n{stdout.Result}\n{stderr.Result}");
            TestContext.Progress.WriteLine(stdout.Result[Math.Max(0, stdout.Result.IndexOf("==> feed", StringComparison.Ordinal))..]);
        }
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (Box is not null && Environment.GetEnvironmentVariable("DSNET_KEEP_SANDBOX") != "1")
        {
            Directory.Delete(Box.Root, recursive: true);
        }
    }

    /// <summary>The package file of <paramref name="id"/> in the feed.</summary>
    public static string PackageFile(string id, string extension = "nupkg") => Path.Combine(Box.Feed, $"{id}.{Version}.{extension}");

    /// <summary>The dsnet tool installed once from the feed with <c>--tool-path</c>; its data fetched from ../shared/assets.</summary>
    public static string Tool()
    {
        if (_toolPath is null)
        {
            var tools = Path.Combine(Box.Root, "tools");
            Box.RunOk("dotnet", $"tool install dsnet --version {Version} --tool-path {tools} --configfile {Box.NuGetConfig}", Box.Root, Slow);
            var dsnet = Path.Combine(tools, "dsnet");
            Box.RunOk(dsnet, $"assets fetch --mirror {SharedAssets}", Box.Root, TimeSpan.FromMinutes(5));
            _toolPath = dsnet;
        }

        return _toolPath;
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "DeepStreamNet.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("DeepStreamNet.sln not found above " + AppContext.BaseDirectory);
    }
}
