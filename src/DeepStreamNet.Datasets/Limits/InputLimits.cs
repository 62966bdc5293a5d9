namespace DeepStreamNet.Datasets.Limits;

/// <summary>
/// Upper bounds on what the dataset tools read, checked before anything is allocated: a crafted or broken input is
/// skipped with its reason instead of exhausting memory. Each bound is far above any file of the supported datasets.
/// </summary>
public static class InputLimits
{
    /// <summary>Annotation and label files (VOC XML, JSON, KITTI, FDDB/WIDER lists): 64 MiB (WIDER's largest list is 2 MiB).</summary>
    public const long MaxTextFileBytes = 64L << 20;

    /// <summary>MAT files on disk: 512 MiB (MAFA's and WIDER's are under 40 MiB).</summary>
    public const long MaxMatFileBytes = 512L << 20;

    /// <summary>What one compressed MAT variable may inflate to: 1 GiB.</summary>
    public const long MaxMatInflatedBytes = 1L << 30;

    /// <summary>Elements of one MAT array that is expanded in memory (sparse arrays, cells, structs): 2²⁴.</summary>
    public const long MaxMatElements = 1L << 24;

    /// <summary>Nesting depth of MAT cells and structs (the datasets use 3).</summary>
    public const int MaxMatDepth = 64;

    /// <summary>Image files: 1 GiB.</summary>
    public const long MaxImageFileBytes = 1L << 30;

    /// <summary>Pixels of one decoded image: 100 megapixels (400 MB as RGBA); larger images are skipped.</summary>
    public const long MaxImagePixels = 100_000_000;

    /// <summary>Width or height of one image: 32 767 pixels (the largest SkiaSharp draws).</summary>
    public const int MaxImageSide = 32_767;

    /// <summary>Why an image of this size is refused, or null when it is within the limits.</summary>
    public static string? CheckImageSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return $"image has no pixels ({width}x{height})";
        }

        if (width > MaxImageSide || height > MaxImageSide || (long)width * height > MaxImagePixels)
        {
            return FormattableString.Invariant(
                $"image is {width}x{height} ({(long)width * height / 1e6:0.#} megapixels), over the limit of {MaxImagePixels / 1_000_000} megapixels and {MaxImageSide} pixels a side: skipped");
        }

        return null;
    }
}
