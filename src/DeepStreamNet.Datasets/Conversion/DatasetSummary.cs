namespace DeepStreamNet.Datasets.Conversion;

/// <summary>What one dataset contributed: counts taken from the files actually written.</summary>
public sealed class DatasetSummary
{
    public required string Dataset { get; init; }

    public int ImagesListed { get; set; }

    public int ImagesWritten { get; set; }

    public int MaskFaces { get; set; }

    public int NoMaskFaces { get; set; }

    public int DontCareFaces { get; set; }

    /// <summary>Images not written, by reason (budget, portrait, unreadable, …).</summary>
    public SortedDictionary<string, int> ImagesSkipped { get; } = new(StringComparer.Ordinal);

    /// <summary>Annotations not written as mask/no-mask, by reason.</summary>
    public SortedDictionary<string, int> FacesNotLabelled { get; } = new(StringComparer.Ordinal);

    internal static void Add(SortedDictionary<string, int> d, string key, int n = 1) => d[key] = d.GetValueOrDefault(key) + n;
}
