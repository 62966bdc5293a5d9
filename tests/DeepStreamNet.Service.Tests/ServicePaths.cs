using DeepStreamNet.Tests;

namespace DeepStreamNet.Service.Tests;

/// <summary>The checkout and shared folders (<see cref="TestPaths"/>, linked from DeepStreamNet.Tests) and temporary folders.</summary>
internal static class ServicePaths
{
    public static string RepositoryRoot => TestPaths.RepositoryRoot;

    public static string SharedAssets => TestPaths.SharedAssets;

    /// <summary>A fresh temporary folder.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "dsnet-service-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
