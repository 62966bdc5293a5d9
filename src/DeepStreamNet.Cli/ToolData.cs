using DeepStreamNet.Assets;

namespace DeepStreamNet.Cli;

/// <summary>
/// Where the command finds its asset manifest and ready configs. In a checkout: the checkout (as always). Installed
/// as a .NET tool: the user's data folder (<see cref="UserFolders.DataRoot"/>), shaped like a checkout
/// (<c>assets/manifest.tsv</c>, <c>assets/…</c>, <c>configs/…</c>) so the configs' relative paths
/// (<c>../../../assets/…</c>) reach the fetched assets; the tool fills it from the copy it carries (<c>dsnet-data/</c>).
/// </summary>
internal static class ToolData
{
    /// <summary>The copy of the manifest and configs the tool carries beside its assemblies.</summary>
    public static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "dsnet-data");

    /// <summary>The checkout root, else the user's data root once it holds a manifest; null when neither does.</summary>
    public static string? FindRoot() =>
        AssetLocations.FindRepositoryRoot() ??
        (File.Exists(AssetLocations.ManifestIn(UserFolders.DataRoot)) ? UserFolders.DataRoot : null);

    /// <summary>True when the command runs from a checkout (not as an installed tool).</summary>
    public static bool InCheckout => AssetLocations.FindRepositoryRoot() is not null;

    /// <summary>
    /// The root to fetch into: the checkout, else the data root after copying the carried manifest and configs there
    /// (files that differ are replaced; the user's own files beside them are left alone).
    /// </summary>
    public static string PrepareRoot()
    {
        if (AssetLocations.FindRepositoryRoot() is { } checkout)
        {
            return checkout;
        }

        var root = UserFolders.DataRoot;
        if (!Directory.Exists(BundledFolder))
        {
            throw new AssetException($"{BundledFolder}: this dsnet carries no manifest; reinstall the tool (dotnet tool update --global dsnet)");
        }

        foreach (var file in Directory.EnumerateFiles(BundledFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(BundledFolder, file));
            if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(file)))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return root;
    }
}
