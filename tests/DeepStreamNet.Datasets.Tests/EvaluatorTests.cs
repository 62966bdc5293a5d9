using DeepStreamNet.Datasets.Evaluation;
using DeepStreamNet.Datasets.Kitti;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

public sealed class EvaluatorTests
{
    private static KittiObject Gt(string cls, double l, double t, double r, double b) => new(cls, new Box(l, t, r, b));

    private static KittiObject Det(string cls, double score, double l, double t, double r, double b) => new(cls, new Box(l, t, r, b)) { Score = score };

    private static Dictionary<string, IReadOnlyList<KittiObject>> Map(params (string Id, KittiObject[] Objects)[] items) =>
        items.ToDictionary(i => i.Id, i => (IReadOnlyList<KittiObject>)i.Objects);

    [Test]
    public void All_point_ap_of_a_hand_computed_ranking()
    {
        // Two ground-truth masks. Ranked detections: TP (0.9), FP (0.8), TP (0.7).
        // Recall 0.5, 0.5, 1; precision 1, 0.5, 2/3 → envelope 1 up to recall 0.5, 2/3 up to 1 → AP = 0.5 + 1/3.
        var gt = Map(("a", [Gt("mask", 0, 0, 10, 10), Gt("mask", 100, 100, 120, 120)]));
        var pred = Map(("a", [Det("mask", 0.9, 0, 0, 10, 10), Det("mask", 0.8, 50, 50, 60, 60), Det("mask", 0.7, 101, 101, 120, 120)]));
        var r = Evaluator.Evaluate(gt, pred, new EvaluationOptions { ScoreThreshold = 0.75 });
        var mask = r.PerClass.Single(c => c.Class == "mask");
        Assert.That(mask.AveragePrecision, Is.EqualTo(0.5 + (1.0 / 3)).Within(1e-12));
        Assert.That(mask.TruePositives, Is.EqualTo(1));
        Assert.That(mask.FalsePositives, Is.EqualTo(1));
        Assert.That(mask.Precision, Is.EqualTo(0.5));
        Assert.That(mask.Recall, Is.EqualTo(0.5));
        Assert.That(double.IsNaN(r.PerClass.Single(c => c.Class == "no-mask").AveragePrecision), Is.True);
        Assert.That(r.MeanAveragePrecision, Is.EqualTo(mask.AveragePrecision), "classes without ground truth stay out of mAP");
    }

    [Test]
    public void Ap_function_matches_voc_reference_values()
    {
        // Monotone curve: AP = sum of recall steps times precision.
        Assert.That(Evaluator.AveragePrecision([0.25, 0.5, 0.75, 1.0], [1, 1, 1, 1]), Is.EqualTo(1.0));
        Assert.That(Evaluator.AveragePrecision([0.5, 0.5], [1, 0.5]), Is.EqualTo(0.5));

        // Non-monotone: precision 0.5 at recall 1/3 is raised to the later 0.6 (interpolation).
        Assert.That(Evaluator.AveragePrecision([0, 1.0 / 3, 2.0 / 3, 1], [0, 0.5, 0.5, 0.6]), Is.EqualTo(0.6).Within(1e-12));
        Assert.That(Evaluator.AveragePrecision([], []), Is.Zero);
    }

    [Test]
    public void Duplicate_detections_are_false_positives_and_iou_threshold_applies()
    {
        var gt = Map(("a", [Gt("no-mask", 0, 0, 10, 10)]));

        // Second detection duplicates; third overlaps with IoU 0.25 (below 0.5).
        var pred = Map(("a", [Det("no-mask", 0.9, 0, 0, 10, 10), Det("no-mask", 0.8, 0, 0, 10, 10), Det("no-mask", 0.7, 5, 5, 15, 15)]));
        var r = Evaluator.Evaluate(gt, pred, new EvaluationOptions { ScoreThreshold = 0 });
        var nm = r.PerClass.Single(c => c.Class == "no-mask");
        Assert.That(nm.TruePositives, Is.EqualTo(1));
        Assert.That(nm.FalsePositives, Is.EqualTo(2));
        Assert.That(nm.AveragePrecision, Is.EqualTo(1.0));
        var loose = Evaluator.Evaluate(gt, Map(("a", [Det("no-mask", 0.7, 5, 5, 15, 15)])), new EvaluationOptions { IouThreshold = 0.1 });
        Assert.That(loose.PerClass.Single(c => c.Class == "no-mask").AveragePrecision, Is.EqualTo(1.0));
    }

    [Test]
    public void Missing_prediction_files_count_as_no_detections_and_are_reported()
    {
        var gt = Map(("a", [Gt("mask", 0, 0, 10, 10)]), ("b", [Gt("mask", 0, 0, 10, 10)]));
        var pred = Map(("a", [Det("mask", 0.9, 0, 0, 10, 10)]), ("zzz", [Det("mask", 0.9, 0, 0, 10, 10)]));
        var r = Evaluator.Evaluate(gt, pred);
        Assert.That(r.MissingPredictions, Is.EqualTo(new[] { "b" }));
        Assert.That(r.PredictionsWithoutGroundTruth, Is.EqualTo(new[] { "zzz" }));
        Assert.That(r.PerClass[0].AveragePrecision, Is.EqualTo(0.5));
        Assert.That(r.PerClass[0].Recall, Is.EqualTo(0.5));
    }

    [Test]
    public void Dontcare_and_size_filtered_boxes_are_ignore_regions()
    {
        var gt = Map(("a", [Gt("mask", 0, 0, 40, 40), Gt("DontCare", 100, 100, 140, 140), Gt("mask", 200, 200, 205, 205)]));
        var pred = Map(("a", [Det("mask", 0.9, 0, 0, 40, 40), Det("mask", 0.8, 100, 100, 140, 140), Det("mask", 0.7, 200, 200, 205, 205)]));

        // DontCare: the 0.8 detection is neither TP nor FP. The 5x5 face counts without a filter.
        var plain = Evaluator.Evaluate(gt, pred).PerClass[0];
        Assert.That((plain.GroundTruth, plain.Detections, plain.AveragePrecision), Is.EqualTo((2, 2, 1.0)));

        // TLT-style filter (height >= 20, width >= 10): the 5x5 ground truth and detection leave the evaluation.
        var filtered = Evaluator.Evaluate(gt, pred, new EvaluationOptions { MinBoxHeight = 20, MinBoxWidth = 10 }).PerClass[0];
        Assert.That((filtered.GroundTruth, filtered.Detections, filtered.AveragePrecision), Is.EqualTo((1, 1, 1.0)));
    }

    [Test]
    public void Wrong_class_is_a_false_positive_per_class_but_a_hit_for_face_ap_and_lowers_accuracy()
    {
        var gt = Map(("a", [Gt("Mask", 0, 0, 10, 10), Gt("No-Mask", 50, 50, 60, 60)]));
        var pred = Map(("a", [Det("mask", 0.9, 0, 0, 10, 10), Det("mask", 0.8, 50, 50, 60, 60)]));
        var r = Evaluator.Evaluate(gt, pred);
        var mask = r.PerClass.Single(c => c.Class == "mask");
        var noMask = r.PerClass.Single(c => c.Class == "no-mask");
        Assert.That((mask.TruePositives, mask.FalsePositives), Is.EqualTo((1, 1)));
        Assert.That(noMask.AveragePrecision, Is.Zero);
        Assert.That(r.MeanAveragePrecision, Is.EqualTo(0.5));
        Assert.That(r.Face!.AveragePrecision, Is.EqualTo(1.0));
        Assert.That((r.MatchedDetections, r.CorrectlyClassified), Is.EqualTo((2, 1)));
        Assert.That(r.ClassificationAccuracy, Is.EqualTo(0.5));
        Assert.That(r.Confusion["no-mask->mask"], Is.EqualTo(1));
    }

    [Test]
    public void Class_names_are_mapped_between_label_sets()
    {
        var gt = Map(("a", [Gt("with_mask", 0, 0, 10, 10), Gt("none", 50, 50, 60, 60)]));
        var pred = Map(("a", [Det("Masked", 0.9, 0, 0, 10, 10), Det("no-mask", 0.8, 50, 50, 60, 60)]));
        var r = Evaluator.Evaluate(gt, pred, new EvaluationOptions { ClassMap = EvaluationOptions.ParseClassMap("Masked=mask") });
        Assert.That(r.MeanAveragePrecision, Is.EqualTo(1.0));
        Assert.That(() => EvaluationOptions.ParseClassMap("oops"), Throws.TypeOf<FormatException>().With.Message.Contains("oops"));
    }

    [Test]
    public void Directory_evaluation_against_voc_ground_truth_with_a_missing_and_a_broken_prediction_file()
    {
        using var tmp = new TempDir();
        var preds = tmp.Sub("pred");
        var vocDir = SharedData.Fixture("medical-mask-voc");
        var stems = Directory.GetFiles(Path.Combine(vocDir, "labels"), "*.xml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var expected = SharedData.ReadTsv(Path.Combine(vocDir, "EXPECTED.tsv"));

        // Perfect predictions for all but two images: one file missing, one malformed.
        foreach (var stem in stems.Skip(2))
        {
            var lines = expected.Where(r => r["label_file"] == $"labels/{stem}.xml" && r["name"] != "poor")
                .Select(r => $"{r["name"]} 0 0 0 {r["xmin"]} {r["ymin"]} {r["xmax"]} {r["ymax"]} 0 0 0 0 0 0 0 0.95");
            File.WriteAllLines(Path.Combine(preds, stem + ".txt"), lines);
        }

        File.WriteAllText(Path.Combine(preds, stems[1] + ".txt"), "mask 0 0 0 1 2 3\n");
        var r = Evaluator.Evaluate(preds, vocDir, new EvaluationOptions { GroundTruthFormat = GroundTruthFormat.Voc });
        Assert.That(r.Images, Is.EqualTo(10));
        Assert.That(r.MissingPredictions, Is.EqualTo(new[] { stems[0], stems[1] }));
        Assert.That(r.Problems.Single(), Does.Contain(stems[1] + ".txt:1").And.Contain("fields"));
        var missed = expected.Count(x => (x["label_file"] == $"labels/{stems[0]}.xml" || x["label_file"] == $"labels/{stems[1]}.xml") && x["name"] == "mask");
        var mask = r.PerClass.Single(c => c.Class == "mask");
        Assert.That(mask.GroundTruth, Is.EqualTo(67));
        Assert.That(mask.TruePositives, Is.EqualTo(67 - missed));
        Assert.That(mask.AveragePrecision, Is.EqualTo((67.0 - missed) / 67).Within(1e-12));
        Assert.That(r.ToJson(), Does.Contain("\"MeanAveragePrecision\""));
    }
}
