namespace DeepStreamNet.Datasets.Visualization;

/// <summary>What <c>dsnet visualize</c> drew and what it had to skip.</summary>
public sealed class VisualizeSummary
{
    public int ImagesWritten { get; set; }

    /// <summary>Images that could not be drawn (listed in <see cref="Problems"/>); the others are written.</summary>
    public int ImagesSkipped { get; set; }

    /// <summary>The absolute output folder.</summary>
    public string OutputDirectory { get; set; } = string.Empty;

    public int GroundTruthBoxes { get; set; }

    public int PredictionBoxes { get; set; }

    public List<string> Problems { get; } = [];
}
