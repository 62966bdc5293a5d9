namespace DeepStreamNet.Datasets.Visualization;

/// <summary>Inputs of <c>dsnet visualize</c>.</summary>
public sealed record VisualizeOptions(string ImagesDirectory, string LabelsDirectory, string OutputDirectory)
{
    /// <summary>KITTI result files (16th field = score) to draw beside the ground truth.</summary>
    public string? PredictionsDirectory { get; init; }

    /// <summary>Predictions below this score are not drawn.</summary>
    public double ScoreThreshold { get; init; }

    public int LineWidth { get; init; } = 2;

    /// <summary>"png" (lossless, default) or "jpg".</summary>
    public string Format { get; init; } = "png";

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
