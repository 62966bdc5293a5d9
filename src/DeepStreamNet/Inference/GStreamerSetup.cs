using System.Runtime.InteropServices;
using System.Text;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Inference;

/// <summary>
/// GStreamer start-up for commands and tests that run pipelines without the deepstream-app runner: points the
/// registry at a checkout's native build (what scripts/env.sh does, through g_setenv since .NET's environment does not
/// reach getenv) unless the variables are already set, then <c>gst_init</c>.
/// </summary>
public static unsafe class GStreamerSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>Initialises GStreamer once; <paramref name="nativeLibDir"/> (libgstdsnet.so) is used when GST_PLUGIN_PATH_1_0 is unset.</summary>
    public static void EnsureInitialized(string? nativeLibDir = null, string? registryFile = null)
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            var dir = nativeLibDir ?? Environment.GetEnvironmentVariable("DSNET_NATIVE_DIR") ?? FindNativeLibDir();
            if (dir is not null)
            {
                SetEnv("GST_PLUGIN_PATH_1_0", dir, overwrite: false);
                SetEnv("GST_REGISTRY_1_0", registryFile ?? Path.Combine(Path.GetTempPath(), $"dsnet-registry-{Environment.UserName}-{(uint)dir.GetHashCode(StringComparison.Ordinal):x8}.bin"), overwrite: registryFile is not null);
                var multiarch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
                SetEnv("GST_PLUGIN_SYSTEM_PATH_1_0", $"/usr/lib/{multiarch}/gstreamer-1.0", overwrite: false);
            }

            GError* error = null;
            if (!Gst.gst_init_check(null, null, &error))
            {
                var message = error is null ? "unknown error" : Metadata.NativeUtf8.ToStringOrNull(error->message);
                throw new InvalidOperationException($"GStreamer failed to initialise: {message}");
            }

            _done = true;
        }
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

    private static void SetEnv(string name, string value, bool overwrite)
    {
        fixed (byte* n = Encoding.UTF8.GetBytes(name + "\0"))
        fixed (byte* v = Encoding.UTF8.GetBytes(value + "\0"))
        {
            GLib.g_setenv(n, v, overwrite);
        }
    }
}
