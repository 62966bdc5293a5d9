using System.Security.Cryptography;
using System.Text;
using DeepStreamNet.Assets;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Runtime;

/// <summary>
/// Finds the portable plugin (libgstdsnet.so) for an app that did not say where it is, and points GStreamer at it
/// before <c>gst_init</c>: the folder the NuGet runtime package put beside the app (<see cref="PackagedNativeFolder"/>),
/// else a checkout's build/native/lib above the app. The registry then lives in the user's cache folder, one file per
/// plugin folder, so apps with different plugin folders never rescan each other's. An explicit
/// <c>GST_PLUGIN_PATH_1_0</c> (scripts/env.sh, tests) wins and nothing is changed.
/// </summary>
public static class PortableRuntimeLocation
{
    /// <summary>The plugin's file name.</summary>
    public const string PluginFile = "libgstdsnet.so";

    /// <summary>Where the plugin was found and how (null until <see cref="Apply"/> ran or when not found).</summary>
    public static PortablePluginSource? Applied { get; private set; }

    /// <summary>Every folder searched for the plugin, in order, with whether it holds it.</summary>
    public static IReadOnlyList<(string Folder, string How, bool Found)> SearchedFolders()
    {
        var list = new List<(string, string, bool)>();
        var native = Environment.GetEnvironmentVariable("DSNET_NATIVE_DIR");
        if (!string.IsNullOrEmpty(native))
        {
            list.Add((native, "DSNET_NATIVE_DIR", HasPlugin(native)));
        }

        foreach (var folder in PackagedNativeFolder.Candidates())
        {
            list.Add((folder, "beside the app, NuGet runtime package layout", HasPlugin(folder)));
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var lib = Path.Combine(d.FullName, "build", "native", "lib");
            if (Directory.Exists(lib))
            {
                list.Add((lib, "checkout build", HasPlugin(lib)));
                break;
            }
        }

        return list;
    }

    /// <summary>The folder holding the plugin, or null.</summary>
    public static string? FindPluginFolder() => SearchedFolders().FirstOrDefault(s => s.Found).Folder;

    /// <summary>The registry file used for <paramref name="pluginFolder"/>: in the user's cache folder, keyed by the folder.</summary>
    public static string RegistryFileFor(string pluginFolder)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(pluginFolder))))[..16];
        return Path.Combine(UserFolders.CacheRoot, "gstreamer-1.0", $"registry-{PackagedNativeFolder.RuntimeIdentifier}-{hash}.bin");
    }

    /// <summary>
    /// Before <c>gst_init</c>: when <c>GST_PLUGIN_PATH_1_0</c> is unset and the plugin is found, puts its folder first on
    /// GStreamer's plugin path (keeping <c>GST_PLUGIN_PATH</c>) and, unless a registry is set, uses the cache registry.
    /// </summary>
    public static void Apply()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GST_PLUGIN_PATH_1_0")) || FindPluginFolder() is not { } folder)
        {
            return;
        }

        var userPath = Environment.GetEnvironmentVariable("GST_PLUGIN_PATH");
        GStreamerRuntime.SetNativeEnv("GST_PLUGIN_PATH_1_0", string.IsNullOrEmpty(userPath) ? folder : folder + ":" + userPath);
        string? registry = null;
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GST_REGISTRY_1_0")) &&
            string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GST_REGISTRY")))
        {
            registry = RegistryFileFor(folder);
            Directory.CreateDirectory(Path.GetDirectoryName(registry)!);
            GStreamerRuntime.SetNativeEnv("GST_REGISTRY_1_0", registry);
        }

        Applied = new PortablePluginSource(folder, registry);
    }

    private static bool HasPlugin(string folder) => File.Exists(Path.Combine(folder, PluginFile));
}

/// <summary>The plugin folder <see cref="PortableRuntimeLocation.Apply"/> chose and the registry it set (null: the caller's).</summary>
public sealed record PortablePluginSource(string Folder, string? RegistryFile);
