namespace DeepStreamNet.GStreamer;

/// <summary>
/// Where the portable plugin (<c>libgstdsnet.so</c>) is when the environment does not say: the one place that looks
/// for it, so packaging can teach it new places.
/// </summary>
public static class PortablePlugin
{
    /// <summary>The folder holding libgstdsnet.so: <c>DSNET_NATIVE_DIR</c>, else <c>build/native/lib</c> of a
    /// checkout above the running assembly; null when neither has it.</summary>
    public static string? FindLibDir()
    {
        if (Environment.GetEnvironmentVariable("DSNET_NATIVE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var lib = Path.Combine(d.FullName, "build", "native", "lib");
            if (File.Exists(Path.Combine(lib, "libgstdsnet.so")))
            {
                return lib;
            }
        }

        return null;
    }
}
