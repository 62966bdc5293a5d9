namespace DeepStreamNet.Pipeline;

/// <summary>
/// A file the graph names but nothing has written yet (e.g. a batched copy of a model and its nvinfer config): building
/// a graph stays free of side effects (<c>describe</c>, <c>validate</c>), and the runner calls <see cref="Write"/> just
/// before it creates the elements. <see cref="Write"/> is idempotent (a file already there with the same key is kept).
/// </summary>
public sealed record DerivedFile(string Path, string Description, Action Write)
{
    public override string ToString() => $"{Path} ({Description})";
}
