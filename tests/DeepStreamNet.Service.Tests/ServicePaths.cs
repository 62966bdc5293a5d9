namespace DeepStreamNet.Service.Tests;

/// <summary>Where the checkout and the read-only shared material (../shared beside the checkout) are.</summary>
internal static class ServicePaths
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

    public static string RepositoryRoot => Root.Value;

    public static string SharedAssets => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "assets"));

    /// <summary>A fresh temporary folder.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "dsnet-service-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
