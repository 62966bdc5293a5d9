namespace DeepStreamNet.Tests;

/// <summary>Where the checkout and the read-only shared material (../shared beside the checkout) are.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeepStreamNet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DeepStreamNet.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (folder of DeepStreamNet.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared folder beside the checkout.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The shared assets (models, media): the mirror that setup.sh points <c>dsnet assets fetch</c> at.</summary>
    public static string SharedAssets => Path.Combine(Shared, "assets");
}
