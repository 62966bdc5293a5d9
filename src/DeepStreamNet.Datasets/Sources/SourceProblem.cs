namespace DeepStreamNet.Datasets.Sources;

/// <summary>Something that was skipped: the file (with line when known) and why.</summary>
public sealed record SourceProblem(string Dataset, string Path, string Message)
{
    public override string ToString() => $"{Dataset}: {Path}: {Message}";
}
