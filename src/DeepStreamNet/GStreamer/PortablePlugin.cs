using System.Security.Cryptography;
using System.Text;
using DeepStreamNet.Assets;
using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>
/// Where the portable plugin (<c>libgstdsnet.so</c>) is when the environment does not say: the one place that looks
/// for it. In order: <c>DSNET_NATIVE_DIR</c>; beside the app as the NuGet package DeepStreamNet.Runtime.Portable lays it
/// out (<see cref="PackagedNativeFolder"/>: <c>runtimes/&lt;rid&gt;/native/</c> or the app folder); a checkout's
/// <c>build/native/lib</c> above the running assembly.
/// </summary>
public static class PortablePlugin
{
    /// <summary>The plugin's file name.</summary>
    public const string PluginFile = "libgstdsnet.so";

    /// <summary>The folder holding libgstdsnet.so, or null when no candidate has it.</summary>
    public static string? FindLibDir() => SearchedFolders().FirstOrDefault(s => s.Found).Folder;

    /// <summary>Every folder looked at, in order, how it was chosen, and whether it holds the plugin.</summary>
    public static IReadOnlyList<(string Folder, string How, bool Found)> SearchedFolders()
    {
        var list = new List<(string, string, bool)>();
        if (Environment.GetEnvironmentVariable("DSNET_NATIVE_DIR") is { Length: > 0 } configured)
        {
            list.Add((configured, "DSNET_NATIVE_DIR", HasPlugin(configured)));
        }

        foreach (var folder in PackagedNativeFolder.Candidates())
        {
            list.Add((folder, "beside the app, NuGet runtime package layout", HasPlugin(folder)));
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var lib = Path.Combine(d.FullName, "build", "native", "lib");
            if (HasPlugin(lib))
            {
                list.Add((lib, "checkout build", true));
                break;
            }
        }

        return list;
    }

    /// <summary>
    /// The private registry for a plugin folder: beside a checkout's build (<c>build/native/gst-registry-dsnet.bin</c>),
    /// else in the user's cache folder (<c>~/.cache/deepstreamnet/gstreamer-1.0/</c>), one file per folder so apps
    /// with different plugin folders never rescan each other's.
    /// </summary>
    public static string RegistryFileFor(string pluginFolder)
    {
        var full = Path.GetFullPath(pluginFolder);
        if (full.EndsWith(Path.Combine("build", "native", "lib"), StringComparison.Ordinal))
        {
            return Path.Combine(full, "..", "gst-registry-dsnet.bin");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        var file = Path.Combine(UserFolders.CacheRoot, "gstreamer-1.0", $"registry-{PackagedNativeFolder.RuntimeIdentifier}-{hash}.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }

    private static bool HasPlugin(string folder) => File.Exists(Path.Combine(folder, PluginFile));
}
