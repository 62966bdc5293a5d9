namespace DeepStreamNet.Assets;

/// <summary>Default places of the assets folder and its manifest in a DeepStreamNet checkout.</summary>
public static class AssetLocations
{
    /// <summary>
    /// The checkout's root: <c>DSNET_ROOT</c> when set (the <c>./dsnet</c> launcher sets it), else the first folder
    /// above the running assembly that is a DeepStreamNet checkout (<see cref="FindCheckoutAbove"/>); <c>null</c> when
    /// neither exists.
    /// </summary>
    public static string? FindRepositoryRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DSNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(ManifestIn(fromEnvironment)))
        {
            return fromEnvironment;
        }

        return FindCheckoutAbove(AppContext.BaseDirectory);
    }

    /// <summary>
    /// The first folder from <paramref name="start"/> upwards that holds both <c>DeepStreamNet.sln</c> and
    /// <c>assets/manifest.tsv</c>, or null. A manifest alone is not enough: an installed tool lives under the user's
    /// home or /tmp, where any stray <c>assets/manifest.tsv</c> above it would otherwise be taken for a checkout.
    /// </summary>
    public static string? FindCheckoutAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)) && File.Exists(ManifestIn(dir.FullName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The file that marks a checkout's root.</summary>
    public const string SolutionFile = "DeepStreamNet.sln";

    /// <summary>The manifest path inside a checkout root.</summary>
    public static string ManifestIn(string root) => Path.Combine(root, "assets", "manifest.tsv");
}
