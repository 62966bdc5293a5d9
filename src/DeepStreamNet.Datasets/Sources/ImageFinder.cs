namespace DeepStreamNet.Datasets.Sources;

/// <summary>Finds an image by stem in a folder, trying the extensions the datasets use.</summary>
internal static class ImageFinder
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG", ".bmp", ".webp"];

    public static string? Find(string directory, string stem)
    {
        foreach (var ext in Extensions)
        {
            var p = Path.Combine(directory, stem + ext);
            if (File.Exists(p))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>First existing directory among the candidates, or null.</summary>
    public static string? FirstDirectory(params string[] candidates) => candidates.FirstOrDefault(Directory.Exists);
}
