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
        command.SetAction(async (parse, cancellationToken) =>
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
            var kaggleFolder = parse.GetValue(kaggle)?.FullName;
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

            var gifFolder = parse.GetValue(gifs)?.FullName ?? Path.Combine(assets, "media");
            var outFolder = parse.GetValue(output)?.FullName ?? Path.Combine(assets, "media");
            try
            {
                var segments = DemoClipRecipe.Build(kaggleFolder, gifFolder, outFolder, Console.WriteLine);
                var clip = Path.Combine(outFolder, DemoClipRecipe.ClipName);
                var frames = DemoClipRecipe.CountFrames(clip);
                Console.WriteLine($"{segments.Count} segments, {frames} frames (expected {DemoClipRecipe.ExpectedFrames})");
                Console.WriteLine("output files:");
                foreach (var name in new[] { DemoClipRecipe.ClipName, DemoClipRecipe.SegmentsName, DemoClipRecipe.AnnotationsName })
                {
                    Console.WriteLine("  " + Path.Combine(outFolder, name));
                }

                Console.WriteLine("Credit: contains video from intel-iot-devkit/sample-videos by Intel Corporation, CC BY 4.0, scaled and re-encoded; Kaggle images CC0 1.0.");
                return frames == DemoClipRecipe.ExpectedFrames ? 0 : 1;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or TimeoutException)
            {
                Console.Error.WriteLine($"dsnet assets build-demo: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
