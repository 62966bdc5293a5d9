using System.CommandLine;
using DeepStreamNet.Assets;
using DeepStreamNet.Assets.Recipes;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet assets build-demo [--kaggle DIR] [--gifs DIR] [--out DIR]</c>: rebuilds the demo clip and its segments /
/// annotations tables from their public sources (assets/recipes/facemask-demo-720p.sources.tsv: the Kaggle PNG + VOC
/// files, CC0; the manifest's Intel GIFs, CC BY 4.0). Without --kaggle the sources are downloaded (SHA-256 checked).
/// </summary>
internal static class AssetsBuildDemoCommand
{
    public const string SourcesManifest = "facemask-demo-720p.sources.tsv";

    public static Command Create()
    {
        var kaggle = new Option<DirectoryInfo?>("--kaggle") { Description = "folder with images/maksssksksssN.png and annotations/maksssksksssN.xml (default: download them into assets/.sources)" };
        var gifs = new Option<DirectoryInfo?>("--gifs") { Description = "folder with the two Intel GIFs (default: assets/media, after `dsnet assets fetch`)" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "where the clip and the two tables go (default: assets/media)" };
        var command = new Command("build-demo", "Rebuild the demo clip (same segments, same annotations) from its public sources with GStreamer.")
        {
            kaggle, gifs, output,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(kaggle)?.FullName, parse.GetValue(gifs)?.FullName, parse.GetValue(output)?.FullName, cancellationToken));
        return command;
    }

    /// <summary>Builds the clip and its tables (downloading the Kaggle sources when no folder is given); 0 on success.</summary>
    public static async Task<int> RunAsync(string? kaggleFolder, string? gifFolder, string? outFolder, CancellationToken cancellationToken)
    {
        string root;
        try
        {
            root = ToolData.PrepareRoot();
        }
        catch (AssetException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var assets = Path.Combine(root, "assets");
        if (kaggleFolder is null)
        {
            var sources = Path.Combine(assets, "recipes", SourcesManifest);
            var manifest = AssetManifest.Load(File.Exists(sources) ? sources : Path.Combine(ToolData.BundledFolder, "assets", "recipes", SourcesManifest));
            var cache = Path.Combine(assets, ".sources");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var results = await new AssetFetcher(http).FetchAllAsync(manifest, cache, null, cancellationToken);
            var failed = results.Where(r => r.Outcome == AssetFetchOutcome.Failed).ToList();
            foreach (var f in failed)
            {
                Console.Error.WriteLine($"{f.Entry.RelativePath}: {string.Join("; ", f.Problems)}");
            }

            if (failed.Count > 0)
            {
                Console.Error.WriteLine($"dsnet assets build-demo: {failed.Count} sources could not be downloaded; pass --kaggle DIR with a local copy");
                return 1;
            }

            kaggleFolder = Path.Combine(cache, "kaggle");
        }

        gifFolder ??= Path.Combine(assets, "media");
        outFolder ??= Path.Combine(assets, "media");
        try
        {
            var segments = DemoClipRecipe.Build(kaggleFolder, gifFolder, outFolder, Console.WriteLine);
            var frames = DemoClipRecipe.CountFrames(Path.Combine(outFolder, DemoClipRecipe.ClipName));
            Console.WriteLine($"{segments.Count} segments, {frames} frames (expected {DemoClipRecipe.ExpectedFrames})");
            Console.WriteLine("output files:");
            var marker = new List<string>();
            foreach (var name in new[] { DemoClipRecipe.ClipName, DemoClipRecipe.SegmentsName, DemoClipRecipe.AnnotationsName })
            {
                var path = Path.Combine(outFolder, name);
                Console.WriteLine("  " + path);
                marker.Add(name + "\t" + Sha256Of(path));
            }

            File.WriteAllLines(Path.Combine(outFolder, RebuiltMarker), marker);
            Console.WriteLine("Credit: contains video from intel-iot-devkit/sample-videos by Intel Corporation, CC BY 4.0, scaled and re-encoded; Kaggle images CC0 1.0.");
            return frames == DemoClipRecipe.ExpectedFrames ? 0 : 1;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine($"dsnet assets build-demo: {e.Message}");
            return 1;
        }
    }

    /// <summary>Beside the rebuilt files: their names and SHA-256, so `assets fetch` accepts them instead of the published bytes.</summary>
    public const string RebuiltMarker = ".rebuilt-from-recipe.tsv";

    /// <summary>Whether <paramref name="file"/> is a file this command rebuilt (listed with its current hash in the marker).</summary>
    public static bool IsRebuilt(string file)
    {
        var marker = Path.Combine(Path.GetDirectoryName(file)!, RebuiltMarker);
        return File.Exists(file) && File.Exists(marker) &&
            File.ReadLines(marker).Contains(Path.GetFileName(file) + "\t" + Sha256Of(file), StringComparer.Ordinal);
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
