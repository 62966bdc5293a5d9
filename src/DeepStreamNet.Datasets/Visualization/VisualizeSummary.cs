namespace DeepStreamNet.Datasets.Visualization;

/// <summary>What <c>dsnet visualize</c> drew and what it had to skip.</summary>
public sealed class VisualizeSummary
{
    public int ImagesWritten { get; set; }

    public int GroundTruthBoxes { get; set; }

    public int PredictionBoxes { get; set; }

    public List<string> Problems { get; } = [];
}
