using CsCheck;
using DeepStreamNet.Datasets.Evaluation;
using DeepStreamNet.Datasets.Kitti;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

/// <summary>Issue 18 minor items: matching is not quadratic in boxes per image; nonsense thresholds are refused.</summary>
public sealed class EvaluatorScaleTests
{
    private static int BruteForce(Box[] gts, Box det, double minIou)
    {
        var best = -1;
        var bestIou = 0.0;
        for (var k = 0; k < gts.Length; k++)
        {
            var iou = det.IoU(gts[k]);
            if (iou > bestIou)
            {
                bestIou = iou;
                best = k;
            }
        }

        return best >= 0 && bestIou >= minIou ? best : -1;
    }

    private static readonly Gen<Box> BoxGen =
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, 200], Gen.Int[-2, 60], Gen.Int[-2, 60]).Select((x, y, w, h) => new Box(x, y, x + w, y + h));

    /// <summary>Property: the grid index picks the same box as comparing with every box, for any boxes and threshold.</summary>
    [Test]
    public void Index_matches_the_exhaustive_search()
    {
        Fuzz.Run(Gen.Select(BoxGen.Array[0, 40], BoxGen.Array[1, 10], Gen.Int[1, 20]), c =>
        {
            var (gts, dets, t) = c;
            var minIou = t / 20.0;
            var index = new GroundTruthIndex(gts);
            foreach (var d in dets)
            {
                Assert.That(index.BestMatch(d, minIou, out _), Is.EqualTo(BruteForce(gts, d, minIou)));
            }
        }, seed: 20261206, iterations: 3000);
    }

    [Test]
    public void Matching_work_grows_linearly_with_boxes_per_image()
    {
        // 40 000 faces of 20-40 px on a 4000x4000 picture, every one detected slightly shifted: the exhaustive search
        // would compare 1.6e9 pairs.
        var random = new Random(7);
        var gts = new List<Box>();
        var dets = new List<Box>();
        for (var i = 0; i < 40_000; i++)
        {
            double x = random.Next(4000), y = random.Next(4000), s = 20 + random.Next(20);
            gts.Add(new Box(x, y, x + s, y + s));
            dets.Add(new Box(x + 2, y + 1, x + s + 2, y + s + 1));
        }

        var index = new GroundTruthIndex(gts);
        var matched = dets.Count(d => index.BestMatch(d, 0.5, out _) >= 0);
        Assert.That(matched, Is.EqualTo(dets.Count));
        Assert.That(index.Comparisons, Is.LessThan(dets.Count * 50L), "a few dozen comparisons per detection, not 40 000");
    }

    [Test]
    public void Evaluation_of_200k_boxes_in_one_image_completes_with_every_match()
    {
        var random = new Random(3);
        var gt = new List<KittiObject>();
        var pred = new List<KittiObject>();
        for (var i = 0; i < 200_000; i++)
        {
            double x = random.Next(20000), y = random.Next(20000);
            gt.Add(new KittiObject(i % 2 == 0 ? "mask" : "no-mask", new Box(x, y, x + 30, y + 30)));
            pred.Add(new KittiObject(i % 2 == 0 ? "mask" : "no-mask", new Box(x + 1, y, x + 31, y + 30)) { Score = random.NextDouble() });
        }

        var result = Evaluator.Evaluate(new Dictionary<string, IReadOnlyList<KittiObject>> { ["a"] = gt }, new Dictionary<string, IReadOnlyList<KittiObject>> { ["a"] = pred });
        Assert.That(result.Face!.AveragePrecision, Is.GreaterThan(0.99));
    }

    [TestCase(double.NaN)]
    [TestCase(2.0)]
    [TestCase(0.0)]
    [TestCase(-0.5)]
    public void Iou_threshold_outside_zero_to_one_is_refused(double iou)
    {
        var empty = new Dictionary<string, IReadOnlyList<KittiObject>>();
        Assert.That(() => Evaluator.Evaluate(empty, empty, new EvaluationOptions { IouThreshold = iou }),
            Throws.ArgumentException.With.Message.Contain("IoU threshold").And.Message.Contain("(0, 1]"));
    }

    [Test]
    public void A_file_given_for_a_folder_says_so()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "pred.txt");
        File.WriteAllText(file, string.Empty);
        Assert.That(() => Evaluator.Evaluate(file, tmp.Path), Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contain("is a file"));
    }
}
