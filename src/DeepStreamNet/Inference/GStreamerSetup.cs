using DeepStreamNet.Runtime;

namespace DeepStreamNet.Inference;

/// <summary>
/// GStreamer start-up for commands and samples that run pipelines without the deepstream-app runner: when
/// GST_PLUGIN_PATH_1_0 is not set (no scripts/env.sh, no ./dsnet launcher), points GStreamer at the checkout's
/// build/native/lib with a private registry (<see cref="GStreamerRuntime.UseIsolatedRegistry"/>), then initialises it.
/// </summary>
public static class GStreamerSetup
{
    /// <summary>Initialises GStreamer once; <paramref name="nativeLibDir"/> (libgstdsnet.so) is used when GST_PLUGIN_PATH_1_0 is unset.</summary>
    public static void EnsureInitialized(string? nativeLibDir = null)
    {
        if (GStreamerRuntime.IsInitialized)
        {
            return;
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GST_PLUGIN_PATH_1_0")) &&
            (nativeLibDir ?? Environment.GetEnvironmentVariable("DSNET_NATIVE_DIR") ?? FindNativeLibDir()) is { } dir)
        {
            GStreamerRuntime.UseIsolatedRegistry(dir, Path.Combine(dir, "..", "gst-registry-dsnet.bin"));
        }

        GStreamerRuntime.Initialize();
    }

    /// <summary>build/native/lib above the running assembly (a checkout), or null.</summary>
    public static string? FindNativeLibDir()
    {
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
