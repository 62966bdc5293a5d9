using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeepStreamNet.Interop;

/// <summary>
/// The one place that maps the logical library names of the generated bindings to files (see bindings/README.md).
/// Order for every name: <see cref="SetPath"/>, then env <c>DSNET_LIB_&lt;NAME&gt;</c> (e.g. DSNET_LIB_GSTREAMER), then
/// the default. GLib/GStreamer default to their sonames. The NvDs names default to DeepStream
/// (<c>$DEEPSTREAM_LIB_DIR</c>, then /opt/nvidia/deepstream/deepstream/lib: libnvds_meta.so for nvdsmeta.h,
/// libnvdsgst_meta.so for gstnvdsmeta.h) and otherwise to the portable libdsnet_meta.so, which exports both
/// headers' functions (<c>$DSNET_NATIVE_DIR</c>, then build/native/lib above this assembly, then the app's own folder as the
/// NuGet runtime package lays it out (<see cref="PackagedNativeFolder"/>), then the loader's search).
/// nvbufsurface.h likewise: DeepStream's libnvbufsurface.so, else the portable libdsnet_bufsurface.so; the portable
/// surface meta functions (<c>dsnet_buffer_*_surface*</c>) exist only in libdsnet_bufsurface.so.
/// </summary>
public static class NativeLibraryResolver
{
    /// <summary>Default DeepStream install folder probed for the NvDs libraries.</summary>
    public const string DeepStreamLibDir = "/opt/nvidia/deepstream/deepstream/lib";

    private const string PortableMeta = "libdsnet_meta.so";
    private const string PortableBufSurface = "libdsnet_bufsurface.so";

    private static readonly Dictionary<string, string> Sonames = new(StringComparer.Ordinal)
    {
        [LibraryNames.GLib] = "libglib-2.0.so.0",
        [LibraryNames.GObject] = "libgobject-2.0.so.0",
        [LibraryNames.GStreamer] = "libgstreamer-1.0.so.0",
        [LibraryNames.GstBase] = "libgstbase-1.0.so.0",
        [LibraryNames.GstVideo] = "libgstvideo-1.0.so.0",
        [LibraryNames.GstApp] = "libgstapp-1.0.so.0",
        [LibraryNames.GstRtspServer] = "libgstrtspserver-1.0.so.0",
    };

    private static readonly Dictionary<string, string> DeepStreamFiles = new(StringComparer.Ordinal)
    {
        [LibraryNames.NvDsMeta] = "libnvds_meta.so",
        [LibraryNames.NvDsGstMeta] = "libnvdsgst_meta.so",
        [LibraryNames.NvBufSurface] = "libnvbufsurface.so",
    };

    // The portable runtime's file for each non-GLib/GStreamer name (DeepStream has no dsnetbufsurface).
    private static readonly Dictionary<string, string> PortableFiles = new(StringComparer.Ordinal)
    {
        [LibraryNames.NvDsMeta] = PortableMeta,
        [LibraryNames.NvDsGstMeta] = PortableMeta,
        [LibraryNames.NvBufSurface] = PortableBufSurface,
        [LibraryNames.DsNetBufSurface] = PortableBufSurface,
    };

    private static readonly ConcurrentDictionary<string, string> Overrides = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (nint Handle, string Path)> Loaded = new(StringComparer.Ordinal);

    /// <summary>Every logical name the resolver knows.</summary>
    public static IReadOnlyCollection<string> LogicalNames => [.. Sonames.Keys, .. PortableFiles.Keys];

    // A module initializer (rather than a static constructor somewhere) guarantees the resolver is registered
    // before the first generated P/Invoke of this assembly runs, whichever it is.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    /// <summary>Uses <paramref name="path"/> for <paramref name="logicalName"/>; call before the first P/Invoke into it.</summary>
    public static void SetPath(string logicalName, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckName(logicalName);
        if (Loaded.TryGetValue(logicalName, out var loaded))
        {
            throw new InvalidOperationException($"library '{logicalName}' is already loaded from {loaded.Path}; set its path before first use");
        }

        Overrides[logicalName] = path;
    }

    /// <summary>Tests only: forgets the override and the cached handle of one name (the library stays loaded).</summary>
    internal static void Forget(string logicalName)
    {
        Overrides.TryRemove(logicalName, out _);
        Loaded.TryRemove(logicalName, out _);
    }

    /// <summary>The files tried for <paramref name="logicalName"/>, in order (paths, or bare names for the loader's search).</summary>
    public static IReadOnlyList<string> Candidates(string logicalName)
    {
        CheckName(logicalName);
        var list = new List<string>();
        if (Overrides.TryGetValue(logicalName, out string? forced))
        {
            list.Add(forced);
        }

        string? env = Environment.GetEnvironmentVariable("DSNET_LIB_" + logicalName.ToUpperInvariant());
        if (!string.IsNullOrEmpty(env))
        {
            list.Add(env);
        }

        if (Sonames.TryGetValue(logicalName, out string? soname))
        {
            list.Add(soname);
            return list;
        }

        if (DeepStreamFiles.TryGetValue(logicalName, out string? deepStreamFile))
        {
            string? dsDir = Environment.GetEnvironmentVariable("DEEPSTREAM_LIB_DIR");
            if (!string.IsNullOrEmpty(dsDir))
            {
                list.Add(Path.Combine(dsDir, deepStreamFile));
            }

            list.Add(Path.Combine(DeepStreamLibDir, deepStreamFile));
        }

        string portable = PortableFiles[logicalName];
        string? nativeDir = Environment.GetEnvironmentVariable("DSNET_NATIVE_DIR");
        if (!string.IsNullOrEmpty(nativeDir))
        {
            list.Add(Path.Combine(nativeDir, portable));
        }

        string? repoBuild = FindRepoBuild(portable);
        if (repoBuild != null)
        {
            list.Add(repoBuild);
        }

        if (PackagedNativeFolder.Find(portable) is { } packaged)
        {
            list.Add(Path.Combine(packaged, portable));
        }

        list.Add(portable);
        return list;
    }

    /// <summary>Loads (once) and returns the library for <paramref name="logicalName"/>.</summary>
    /// <exception cref="DllNotFoundException">No candidate loads; the message lists every one tried and why.</exception>
    public static nint Load(string logicalName) => LoadWithPath(logicalName).Handle;

    /// <summary>The file <paramref name="logicalName"/> was (or now is) loaded from.</summary>
    public static string LoadedPath(string logicalName) => LoadWithPath(logicalName).Path;

    private static (nint Handle, string Path) LoadWithPath(string logicalName) =>
        Loaded.GetOrAdd(logicalName, static name => LoadFirst(name, Candidates(name)));

    /// <summary>Loads the first candidate that loads; otherwise throws, listing each candidate with its failure.</summary>
    internal static (nint Handle, string Path) LoadFirst(string name, IReadOnlyList<string> candidates)
    {
        var failures = new List<string>();
        foreach (string candidate in candidates)
        {
            bool isPath = candidate.Contains('/', StringComparison.Ordinal);
            if (isPath && !File.Exists(candidate))
            {
                failures.Add(candidate + " (no such file)");
                continue;
            }

            try
            {
                return (NativeLibrary.Load(candidate), candidate);
            }
            catch (DllNotFoundException ex)
            {
                failures.Add(candidate + " (" + ex.Message + ")");
            }
            catch (BadImageFormatException ex)
            {
                failures.Add(candidate + " (" + ex.Message + ")");
            }
        }

        throw new DllNotFoundException($"native library '{name}' not found; tried: {string.Join("; ", failures)}. " +
            $"Set DSNET_LIB_{name.ToUpperInvariant()}=<path> or call NativeLibraryResolver.SetPath.");
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        Sonames.ContainsKey(libraryName) || PortableFiles.ContainsKey(libraryName) ? Load(libraryName) : 0;

    private static string? FindRepoBuild(string portable)
    {
        string? start = Path.GetDirectoryName(typeof(NativeLibraryResolver).Assembly.Location);
        if (string.IsNullOrEmpty(start))
        {
            start = AppContext.BaseDirectory;
        }

        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "build", "native", "lib", portable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void CheckName(string logicalName)
    {
        if (!Sonames.ContainsKey(logicalName) && !PortableFiles.ContainsKey(logicalName))
        {
            throw new ArgumentException($"unknown native library '{logicalName}'; known: {string.Join(", ", LogicalNames)}", nameof(logicalName));
        }
    }
}
