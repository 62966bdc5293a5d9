using DeepStreamNet.Assets;
using DeepStreamNet.Assets.Recipes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Assets;

/// <summary>
/// The demo clip rebuilt from its public sources (local copies in ../shared: the Kaggle dev images + VOC files, the
/// Intel GIFs): the same segments and annotations, byte for byte, and a 708-frame clip.
/// </summary>
public sealed class DemoClipRecipeTests
{
    private static string Media => Path.Combine(TestPaths.SharedAssets, "media");

    [Test]
    public void Gif_timing_comes_from_the_files_own_frame_delays()
    {
        var walking = GifTiming.FrameDelays(Path.Combine(Media, "face-demographics-walking.gif"));
        var pause = GifTiming.FrameDelays(Path.Combine(Media, "face-demographics-walking-and-pause.gif"));
        Assert.Multiple(() =>
        {
            Assert.That(walking, Has.Count.EqualTo(35));
            Assert.That(walking.Aggregate(TimeSpan.Zero, (a, d) => a + d).TotalSeconds, Is.EqualTo(2.91).Within(1e-9));
            Assert.That(pause, Has.Count.EqualTo(41));
            Assert.That(DemoClipLayout.GifFrames(walking.Aggregate(TimeSpan.Zero, (a, d) => a + d)), Is.EqualTo(73));
        });
        var order = GifTiming.Resample(walking, 73, 25);
        Assert.That(order[0], Is.Zero);
        Assert.That(order[^1], Is.EqualTo(34));
        Assert.That(order, Is.Ordered);
    }

    [Test]
    public void Manifest_marks_the_demo_files_as_rebuilt_by_a_recipe_and_every_entry_has_a_source()
    {
        var manifest = AssetManifest.Load(Path.Combine(TestPaths.RepositoryRoot, "assets", "manifest.tsv"));
        // Added with the bring-your-own-model work, still mirror-only (packaging/README.md, known gaps): any other entry
        // without a URL or a recipe fails here.
        string[] knownWithoutSource =
        [
            "models/retinaface/retinaface_mnet025_dynpatch.onnx",
            "models/retinaface/LICENSE.Pytorch_Retinaface.MIT.txt",
        ];
        Assert.That(manifest.Entries.Where(e => e.Url is null && e.Recipe is null).Select(e => e.RelativePath), Is.EquivalentTo(knownWithoutSource),
            "entries with neither a URL nor a recipe");
        Assert.That(manifest.Entries.Where(e => e.Recipe is not null).Select(e => e.RelativePath), Is.EquivalentTo(new[]
        {
            "media/facemask-demo-720p.mp4", "media/facemask-demo-720p-annotations.tsv", "media/facemask-demo-720p-segments.tsv",
        }));
        var sources = AssetManifest.Load(Path.Combine(TestPaths.RepositoryRoot, "assets", "recipes", "facemask-demo-720p.sources.tsv"));
        Assert.That(sources.Entries, Has.Count.EqualTo(88));
        Assert.That(sources.Entries.All(e => e.Url is { Scheme: "https" }));
    }

    [Test]
    public async Task Recipe_sources_match_the_local_copies_of_the_public_files()
    {
        // The shared dataset is a byte-for-byte copy of the repository the recipe downloads from; check the hashes.
        var sources = AssetManifest.Load(Path.Combine(TestPaths.RepositoryRoot, "assets", "recipes", "facemask-demo-720p.sources.tsv"));
        var mirror = Directory.CreateTempSubdirectory("dsnet-recipe-mirror-").FullName;
        try
        {
            var kaggle = Path.Combine(mirror, "kaggle");
            Directory.CreateSymbolicLink(kaggle, Path.Combine(TestPaths.Shared, "datasets", "kaggle-facemask-dev"));
            var results = await new AssetFetcher(http: null).FetchAllAsync(sources, Path.Combine(mirror, "out"), mirror);
            Assert.That(results.Where(r => r.Outcome != AssetFetchOutcome.FromMirror).Select(r => r.Entry.RelativePath + ": " + string.Join("; ", r.Problems)), Is.Empty);
        }
        finally
        {
            Directory.Delete(mirror, recursive: true);
        }
    }

    [Test]
    public void Rebuilt_clip_has_the_same_segments_and_annotations_and_708_frames()
    {
        var output = Directory.CreateTempSubdirectory("dsnet-demo-recipe-").FullName;
        try
        {
            var segments = DemoClipRecipe.Build(Path.Combine(TestPaths.Shared, "datasets", "kaggle-facemask-dev"), Media, output);
            Assert.Multiple(() =>
            {
                Assert.That(segments, Has.Count.EqualTo(46));
                Assert.That(File.ReadAllText(Path.Combine(output, DemoClipRecipe.SegmentsName)), Is.EqualTo(File.ReadAllText(Path.Combine(Media, DemoClipRecipe.SegmentsName))));
                Assert.That(File.ReadAllText(Path.Combine(output, DemoClipRecipe.AnnotationsName)), Is.EqualTo(File.ReadAllText(Path.Combine(Media, DemoClipRecipe.AnnotationsName))));
                Assert.That(DemoClipRecipe.CountFrames(Path.Combine(output, DemoClipRecipe.ClipName)), Is.EqualTo(DemoClipRecipe.ExpectedFrames));
                Assert.That(File.Exists(Path.Combine(output, DemoClipRecipe.ClipName + ".partial")), Is.False);
            });
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
