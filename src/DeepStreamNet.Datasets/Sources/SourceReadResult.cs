namespace DeepStreamNet.Datasets.Sources;

/// <summary>The images a reader found and the problems (skipped files, lines, objects) it hit.</summary>
public sealed class SourceReadResult
{
    public List<SourceImage> Images { get; } = [];

    public List<SourceProblem> Problems { get; } = [];

    /// <summary>Annotations that were dropped outright (not faces, zero-size boxes), by reason.</summary>
    public Dictionary<string, int> DroppedAnnotations { get; } = new(StringComparer.Ordinal);

    internal void Drop(string reason) => DroppedAnnotations[reason] = DroppedAnnotations.GetValueOrDefault(reason) + 1;
}
