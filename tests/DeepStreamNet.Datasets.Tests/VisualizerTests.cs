using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Visualization;
using NUnit.Framework;
using SkiaSharp;

namespace DeepStreamNet.Datasets.Tests;

public sealed class VisualizerTests
{
    [Test]
    public void Rendered_png_has_ground_truth_and_prediction_colours_on_box_edges()
    {
        using var tmp = new TempDir();
        var images = tmp.Sub("images");
        var labels = tmp.Sub("labels");
        var preds = tmp.Sub("pred");
        var src = SharedData.Fixture("medical-mask-voc", "images", "crowd_street_01.jpg");
        File.Copy(src, Path.Combine(images, "street.jpg"));
        File.WriteAllText(Path.Combine(labels, "street.txt"), "mask 0 0 0 40 60 120 150 0 0 0 0 0 0 0\nDontCare 0 0 0 300 100 340 140 0 0 0 0 0 0 0\n");
        File.WriteAllText(Path.Combine(preds, "street.txt"), "no-mask 0 0 0 200 50 260 120 0 0 0 0 0 0 0 0.87\nmask 0 0 0 10 10 30 30 0 0 0 0 0 0 0 0.1\n");

        var summary = Visualizer.Run(new VisualizeOptions(images, labels, tmp.Sub("out")) { PredictionsDirectory = preds, ScoreThreshold = 0.5, LineWidth = 2 });
        Assert.That((summary.ImagesWritten, summary.GroundTruthBoxes, summary.PredictionBoxes), Is.EqualTo((1, 2, 1)));

        using var original = ImageIo.LoadOpaque(src);
        using var drawn = SKBitmap.Decode(Path.Combine(tmp.Path, "out", "street.png"));
        Assert.That((drawn.Width, drawn.Height), Is.EqualTo((original.Width, original.Height)));

        // Ground truth: left edge column 40-41, right edge column 118-119, bottom row 148-149.
        Assert.That(drawn.GetPixel(40, 100), Is.EqualTo(Visualizer.GroundTruthColor));
        Assert.That(drawn.GetPixel(41, 100), Is.EqualTo(Visualizer.GroundTruthColor));
        Assert.That(drawn.GetPixel(119, 100), Is.EqualTo(Visualizer.GroundTruthColor));
        Assert.That(drawn.GetPixel(80, 149), Is.EqualTo(Visualizer.GroundTruthColor));
        Assert.That(drawn.GetPixel(300, 120), Is.EqualTo(Visualizer.DontCareColor));

        // Prediction above threshold in its own colour; the one below threshold is not drawn.
        Assert.That(drawn.GetPixel(200, 80), Is.EqualTo(Visualizer.PredictionColor));
        Assert.That(drawn.GetPixel(259, 80), Is.EqualTo(Visualizer.PredictionColor));
        Assert.That(drawn.GetPixel(230, 50), Is.EqualTo(Visualizer.PredictionColor));
        Assert.That(drawn.GetPixel(10, 20), Is.EqualTo(original.GetPixel(10, 20)));

        // Inside the boxes and just outside the edges the photo is untouched.
        Assert.That(drawn.GetPixel(80, 100), Is.EqualTo(original.GetPixel(80, 100)));
        Assert.That(drawn.GetPixel(39, 100), Is.EqualTo(original.GetPixel(39, 100)));
        Assert.That(drawn.GetPixel(42, 100), Is.EqualTo(original.GetPixel(42, 100)));
        Assert.That(drawn.GetPixel(230, 100), Is.EqualTo(original.GetPixel(230, 100)));
    }

    [Test]
    public void Missing_label_is_reported_and_bad_label_skips_the_image()
    {
        using var tmp = new TempDir();
        var images = tmp.Sub("images");
        var labels = tmp.Sub("labels");
        File.Copy(SharedData.Fixture("mafa", "images", "test_00000001.jpg"), Path.Combine(images, "a.jpg"));
        File.Copy(SharedData.Fixture("mafa", "images", "test_00000002.jpg"), Path.Combine(images, "b.jpg"));
        File.WriteAllText(Path.Combine(labels, "b.txt"), "mask 1 2\n");
        var summary = Visualizer.Run(new VisualizeOptions(images, labels, tmp.Sub("out")));
        Assert.That(summary.ImagesWritten, Is.EqualTo(1));
        Assert.That(summary.Problems, Has.Count.EqualTo(2));
        Assert.That(summary.Problems[1], Does.Contain("b.txt:1"));
    }
}
