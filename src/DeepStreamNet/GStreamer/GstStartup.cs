using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>
/// Process-wide GStreamer start-up, the one way in for every command, the runner, the hosted service and samples.
/// <c>gst_init</c> reads the registry and plugin paths from the environment (<c>GST_REGISTRY_1_0</c>,
/// <c>GST_PLUGIN_PATH_1_0</c>, <c>GST_PLUGIN_SYSTEM_PATH_1_0</c> — see scripts/env.sh). When
/// <c>GST_PLUGIN_PATH_1_0</c> is unset, the portable plugin found by <see cref="PortablePlugin.FindLibDir"/> (a checkout's
/// build, or beside an app that uses the NuGet packages) is used with a private registry
/// (<see cref="PortablePlugin.RegistryFileFor"/>: the checkout's, or one in the user's cache folder).
/// </summary>
public static unsafe class GstStartup
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
    /// <param name="nativeLibDir">Folder of libgstdsnet.so to use when GST_PLUGIN_PATH_1_0 is unset (default: found
    /// by <see cref="PortablePlugin.FindLibDir"/>).</param>
    /// <exception cref="InvalidOperationException">gst_init_check failed (the message says why).</exception>
    public static void Initialize(string? nativeLibDir = null)
    {
        lock (Gate)
        {
            if (_initialized)
            {
                return;
            }

            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GST_PLUGIN_PATH_1_0")) &&
                (nativeLibDir ?? PortablePlugin.FindLibDir()) is { } dir)
            {
                UseIsolatedRegistry(dir, PortablePlugin.RegistryFileFor(dir));
            }

            GError* error = null;
            if (!Gst.gst_init_check(null, null, &error))
            {
                throw new InvalidOperationException($"GStreamer failed to initialise: {GstErrors.Take(error)}");
            }

            _initialized = true;
        }
    }

    /// <summary>
    /// Points GStreamer at a native build with a private registry (what scripts/env.sh does), through the native
    /// environment (.NET's Environment.SetEnvironmentVariable does not reach getenv). Call before <see cref="Initialize"/>.
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
}
