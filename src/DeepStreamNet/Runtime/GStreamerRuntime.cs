using DeepStreamNet.Interop;

namespace DeepStreamNet.Runtime;

/// <summary>
/// Process-wide GStreamer start-up. <c>gst_init</c> reads the registry and plugin paths from the environment
/// (<c>GST_REGISTRY_1_0</c>, <c>GST_PLUGIN_PATH_1_0</c>, <c>GST_PLUGIN_SYSTEM_PATH_1_0</c> — see scripts/env.sh), so
/// callers that need an isolated registry call <see cref="UseIsolatedRegistry"/> first.
/// </summary>
public static unsafe class GStreamerRuntime
{
    private static readonly Lock Gate = new();
    private static bool _initialized;

    /// <summary>True once <see cref="Initialize"/> ran.</summary>
    public static bool IsInitialized
    {
        get
        {
            lock (Gate)
            {
                return _initialized;
            }
        }
    }

    /// <summary>Initialises GStreamer once (later calls do nothing).</summary>
    /// <exception cref="InvalidOperationException">gst_init_check failed (the message says why).</exception>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (_initialized)
            {
                return;
            }

            PortableRuntimeLocation.Apply();
            GError* error = null;
            if (!Gst.gst_init_check(null, null, &error))
            {
                var message = error is null ? "unknown error" : NativeText.From(error->message);
                if (error is not null)
                {
                    GLib.g_error_free(error);
                }

                throw new InvalidOperationException($"GStreamer failed to initialise: {message}");
            }

            _initialized = true;
        }
    }

    /// <summary>
    /// Points GStreamer at this checkout's native build with a private registry (what scripts/env.sh does), through
    /// the native environment (.NET's Environment.SetEnvironmentVariable does not reach getenv). Call before
    /// <see cref="Initialize"/>.
    /// </summary>
    /// <param name="nativeLibDir">Folder holding libgstdsnet.so and libdsnet_meta.so.</param>
    /// <param name="registryFile">Registry cache file to use.</param>
    public static void UseIsolatedRegistry(string nativeLibDir, string registryFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(nativeLibDir);
        ArgumentException.ThrowIfNullOrEmpty(registryFile);
        SetNativeEnv("GST_PLUGIN_PATH_1_0", nativeLibDir);
        SetNativeEnv("GST_REGISTRY_1_0", registryFile);
        SetNativeEnv("GST_REGISTRY", registryFile);
        SetNativeEnv("DSNET_NATIVE_DIR", nativeLibDir);
        foreach (var multiarch in new[] { "/usr/lib/x86_64-linux-gnu/gstreamer-1.0", "/usr/lib/aarch64-linux-gnu/gstreamer-1.0" })
        {
            if (Directory.Exists(multiarch))
            {
                SetNativeEnv("GST_PLUGIN_SYSTEM_PATH_1_0", multiarch);
                break;
            }
        }
    }

    /// <summary>Sets a variable in both the managed and the native environment.</summary>
    public static void SetNativeEnv(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        using var n = new Utf8Z(name);
        using var v = new Utf8Z(value);
        GLib.g_setenv(n.P, v.P, true);
    }

    /// <summary>Whether an element factory is installed (initialises GStreamer).</summary>
    public static bool FactoryExists(string factory)
    {
        Initialize();
        using var f = new Utf8Z(factory);
        var found = Gst.gst_element_factory_find(f.P);
        if (found is null)
        {
            return false;
        }

        Gst.gst_object_unref(found);
        return true;
    }

    /// <summary>What to install or build for a missing element factory.</summary>
    public static string InstallHint(string factory) => factory switch
    {
        _ when factory.StartsWith("dsnet", StringComparison.Ordinal) =>
            "it comes from the portable plugin libgstdsnet.so: add the NuGet package DeepStreamNet.Runtime.Portable to the app (dotnet add package DeepStreamNet.Runtime.Portable), or in a checkout build it (cmake -S . -B build/native && cmake --build build/native); `dsnet doctor` shows where the plugin was looked for",
        _ when factory.StartsWith("nv", StringComparison.Ordinal) =>
            "it is an NVIDIA DeepStream 6.3 element: install DeepStream (or run with --backend portable)",
        "x264enc" => "install gstreamer1.0-plugins-ugly (x264enc)",
        "x265enc" => "install gstreamer1.0-plugins-bad (x265enc)",
        "avenc_mpeg4" or "avdec_h264" => "install gstreamer1.0-libav",
        "rtspsrc" or "rtph264pay" or "rtph265pay" or "rtph264depay" or "rtph265depay" or "udpsink" or "udpsrc" or "mp4mux" or "qtmux" or "matroskamux" or "autovideosink" or "v4l2src" =>
            "install gstreamer1.0-plugins-good",
        "h264parse" or "h265parse" or "mpeg4videoparse" => "install gstreamer1.0-plugins-bad (videoparsersbad)",
        _ => "install the GStreamer plugin package that provides it (gst-inspect-1.0 " + factory + " must find it)",
    };
}
