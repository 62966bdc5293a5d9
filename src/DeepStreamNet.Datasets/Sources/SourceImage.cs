namespace DeepStreamNet.Datasets.Sources;

/// <summary>An image of a source dataset and its faces, before budget, clipping and resizing.</summary>
/// <param name="Dataset">Dataset key (<c>kaggle</c>, <c>medical-json</c>, <c>mafa</c>, <c>fddb</c>, <c>widerface</c>).</param>
/// <param name="ImagePath">Absolute path of the image file.</param>
/// <param name="RelativeId">Path-derived identifier, unique within the dataset (used for the output name).</param>
/// <param name="Faces">Faces in source pixels.</param>
public sealed record SourceImage(string Dataset, string ImagePath, string RelativeId, IReadOnlyList<SourceFace> Faces)
{
    /// <summary>The recipe drops portrait MAFA images (width &lt; height).</summary>
    public bool RequireLandscape { get; init; }
}
