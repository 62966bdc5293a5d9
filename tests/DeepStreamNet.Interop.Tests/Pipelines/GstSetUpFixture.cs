using System.Runtime.InteropServices;
using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests.Pipelines;

/// <summary>
/// Initialises GStreamer once for the pipeline tests with an isolated registry (like scripts/env.sh): the variables
/// are set with g_setenv because .NET's Environment does not change the native environment GStreamer reads.
/// </summary>
[SetUpFixture]
public sealed unsafe class GstSetUpFixture
{
    private static readonly Lock Gate = new();
    private static bool _initialized;

    [OneTimeSetUp]
    public void InitGStreamer() => EnsureInitialized();

    /// <summary>For tests outside this namespace that need GStreamer (idempotent).</summary>
    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (!_initialized)
            {
                Init();
                _initialized = true;
            }
        }
    }

    private static void Init()
    {
        string multiarch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        SetEnv("GST_REGISTRY_1_0", Path.Combine(TestContext.CurrentContext.WorkDirectory, "gst-registry-interop-tests.bin"), overwrite: true);
        SetEnv("GST_PLUGIN_SYSTEM_PATH_1_0", $"/usr/lib/{multiarch}/gstreamer-1.0", overwrite: false);
        SetEnv("GST_PLUGIN_PATH_1_0", RepoPaths.NativeLibDir, overwrite: false);
        Gst.gst_init(null, null);
    }

    private static void SetEnv(string name, string value, bool overwrite)
    {
        using var n = new Utf8(name);
        using var v = new Utf8(value);
        GLib.g_setenv(n.Pointer, v.Pointer, overwrite);
    }
}
