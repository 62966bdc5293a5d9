namespace DeepStreamNet.Assets;

/// <summary>
/// The per-user folders DeepStreamNet uses outside a checkout (XDG base directories): data
/// (<c>$XDG_DATA_HOME/deepstreamnet</c>, default <c>~/.local/share/deepstreamnet</c>: the fetched assets and the configs
/// that use them) and cache (<c>$XDG_CACHE_HOME/deepstreamnet</c>, default <c>~/.cache/deepstreamnet</c>: the
/// GStreamer registry). <c>DSNET_DATA_DIR</c> / <c>DSNET_CACHE_DIR</c> override them.
/// </summary>
public static class UserFolders
{
    /// <summary>The data root: a folder shaped like a checkout (<c>assets/manifest.tsv</c>, <c>assets/…</c>, <c>configs/…</c>).</summary>
    public static string DataRoot => Resolve("DSNET_DATA_DIR", "XDG_DATA_HOME", Path.Combine(".local", "share"));

    /// <summary>Where <c>dsnet assets fetch</c> puts models and media outside a checkout.</summary>
    public static string Assets => Path.Combine(DataRoot, "assets");

    /// <summary>The cache root (safe to delete at any time).</summary>
    public static string CacheRoot => Resolve("DSNET_CACHE_DIR", "XDG_CACHE_HOME", ".cache");

    private static string Resolve(string own, string xdg, string homeRelative)
    {
        var explicitFolder = Environment.GetEnvironmentVariable(own);
        if (!string.IsNullOrEmpty(explicitFolder))
        {
            return Path.GetFullPath(explicitFolder);
        }

        var xdgFolder = Environment.GetEnvironmentVariable(xdg);
        if (!string.IsNullOrEmpty(xdgFolder) && Path.IsPathRooted(xdgFolder))
        {
            return Path.Combine(xdgFolder, "deepstreamnet");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
        {
            home = Path.GetTempPath();
        }

        return Path.Combine(home, homeRelative, "deepstreamnet");
    }
}
