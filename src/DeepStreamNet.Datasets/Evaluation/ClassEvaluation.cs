namespace DeepStreamNet.Datasets.Evaluation;

/// <summary>Figures for one class (or for all faces, class-agnostic).</summary>
public sealed class ClassEvaluation
{
    public required string Class { get; init; }

    /// <summary>Ground-truth boxes that count (size filter passed).</summary>
    public int GroundTruth { get; init; }

    /// <summary>Detections that count (size filter passed, not on an ignored region).</summary>
    public int Detections { get; init; }

    /// <summary>Average precision (VOC all-point interpolation, TLT "INTEGRATE"); NaN when there is no ground truth.</summary>
    public double AveragePrecision { get; init; }

    /// <summary>True positives among detections with score ≥ the threshold.</summary>
    public int TruePositives { get; init; }

    public int FalsePositives { get; init; }

    public double Precision { get; init; }

    public double Recall { get; init; }
}
