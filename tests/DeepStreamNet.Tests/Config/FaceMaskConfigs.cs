using DeepStreamNet.Assets;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>The shipped configs/face-mask/{deepstream,portable}/deepstream_app_*.txt, with their assets fetched.</summary>
internal static class FaceMaskConfigs
{
    private static readonly Lazy<bool> Fetched = new(() =>
    {
        // The configs name assets/… under the repo: fetch them from the shared mirror (idempotent, offline).
        var assets = Path.Combine(TestPaths.RepositoryRoot, "assets");
        var manifest = AssetManifest.Load(Path.Combine(assets, "manifest.tsv"));
        var results = new AssetFetcher(http: null).FetchAllAsync(manifest, assets, TestPaths.SharedAssets).GetAwaiter().GetResult();
        var failed = results.Where(r => r.Outcome is not (AssetFetchOutcome.UpToDate or AssetFetchOutcome.FromMirror)).ToList();
        Assert.That(failed, Is.Empty, "assets not fetched: " + string.Join(", ", failed.Select(f => f.Entry.RelativePath)));
        return true;
    });

    public static IEnumerable<string> DeepStream => Files("deepstream");

    public static IEnumerable<string> Portable => Files("portable");

    public static string PathOf(string backend, string file) => Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", backend, file);

    public static void EnsureAssets() => _ = Fetched.Value;

    private static IEnumerable<string> Files(string backend) =>
        Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", backend), "deepstream_app_*.txt")
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
