namespace DeepStreamNet.Interop.Tests;

/// <summary>Locates the repository (the folder holding DeepStreamNet.sln) and its native build from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NativeLibDir =>
        Environment.GetEnvironmentVariable("DSNET_NATIVE_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Root, "build", "native", "lib");

    public static string GeneratedDir => Path.Combine(Root, "bindings", "DeepStreamNet.Interop", "Generated");

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "DeepStreamNet.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("DeepStreamNet.sln not found above " + AppContext.BaseDirectory);
    }
}
