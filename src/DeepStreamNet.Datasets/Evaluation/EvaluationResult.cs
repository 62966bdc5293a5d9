using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DeepStreamNet.Datasets.Evaluation;

/// <summary>Outcome of <see cref="Evaluator"/>: per-class AP, mAP, face AP, mask/no-mask accuracy and file bookkeeping.</summary>
public sealed class EvaluationResult
{
    public required double IouThreshold { get; init; }

    public required double ScoreThreshold { get; init; }

    public int Images { get; init; }

    public List<ClassEvaluation> PerClass { get; } = [];

    /// <summary>Mean of the per-class APs of classes that have ground truth.</summary>
    public double MeanAveragePrecision { get; set; }

    /// <summary>Class-agnostic figures: every evaluated class counts as "face".</summary>
    public ClassEvaluation? Face { get; set; }

    /// <summary>Detections (score ≥ threshold) matched to a face regardless of class.</summary>
    public int MatchedDetections { get; set; }

    /// <summary>Of those, how many predicted the ground-truth face's class.</summary>
    public int CorrectlyClassified { get; set; }

    /// <summary>Mask/no-mask accuracy of matched detections (NaN when none matched).</summary>
    public double ClassificationAccuracy => MatchedDetections > 0 ? (double)CorrectlyClassified / MatchedDetections : double.NaN;

    /// <summary>Confusion counts of matched detections: "groundTruth->predicted" → count.</summary>
    public SortedDictionary<string, int> Confusion { get; } = new(StringComparer.Ordinal);

    /// <summary>Ground-truth images without a prediction file (counted as no detections).</summary>
    public List<string> MissingPredictions { get; } = [];

    /// <summary>Prediction files without ground truth (not evaluated).</summary>
    public List<string> PredictionsWithoutGroundTruth { get; } = [];

    /// <summary>Unreadable files and lines (skipped).</summary>
    public List<string> Problems { get; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.IndentedWithNaN);

    public string ToText()
    {
        var I = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(I, $"{Images} images, IoU >= {IouThreshold}, score threshold {ScoreThreshold}");
        sb.AppendLine(I, $"{"class",-10} {"gt",6} {"dets",6} {"AP",7} {"TP",6} {"FP",6} {"prec",7} {"recall",7}");
        foreach (var c in PerClass.Append(Face!).Where(c => c is not null))
        {
            sb.AppendLine(I, $"{c.Class,-10} {c.GroundTruth,6} {c.Detections,6} {Pct(c.AveragePrecision),7} {c.TruePositives,6} {c.FalsePositives,6} {Pct(c.Precision),7} {Pct(c.Recall),7}");
        }

        sb.AppendLine(I, $"mAP {Pct(MeanAveragePrecision)}");
        sb.AppendLine(I, $"mask/no-mask accuracy of matched detections: {Pct(ClassificationAccuracy)} ({CorrectlyClassified}/{MatchedDetections})");
        foreach (var (k, v) in Confusion)
        {
            sb.AppendLine(I, $"  {k}: {v}");
        }

        if (MissingPredictions.Count > 0)
        {
            sb.AppendLine(I, $"{MissingPredictions.Count} image(s) without a prediction file (counted as no detections): {string.Join(", ", MissingPredictions.Take(20))}{(MissingPredictions.Count > 20 ? ", …" : string.Empty)}");
        }

        if (PredictionsWithoutGroundTruth.Count > 0)
        {
            sb.AppendLine(I, $"{PredictionsWithoutGroundTruth.Count} prediction file(s) without ground truth (ignored): {string.Join(", ", PredictionsWithoutGroundTruth.Take(20))}");
        }

        foreach (var p in Problems)
        {
            sb.Append("problem: ").AppendLine(p);
        }

        return sb.ToString();
    }

    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
