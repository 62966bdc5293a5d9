namespace DeepStreamNet.Assets;

/// <summary>Default places of the assets folder and its manifest in a DeepStreamNet checkout.</summary>
public static class AssetLocations
{
    /// <summary>
    /// The checkout's root: <c>DSNET_ROOT</c> when set (the <c>./dsnet</c> launcher sets it), else the first folder
    /// above the running assembly that holds <c>assets/manifest.tsv</c>; <c>null</c> when neither exists.
    /// </summary>
    public static string? FindRepositoryRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DSNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(ManifestIn(fromEnvironment)))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(ManifestIn(dir.FullName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The manifest path inside a checkout root.</summary>
    public static string ManifestIn(string root) => Path.Combine(root, "assets", "manifest.tsv");
}
