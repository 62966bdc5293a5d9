using System.Runtime.InteropServices;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Config;

/// <summary>
/// nvinfer custom parser checks (<c>custom-lib-path</c>, <c>parse-bbox-func-name</c>, <c>parse-classifier-func-name</c>):
/// the library exists (a bare file name such as <c>libdsnet_parsers.so</c> is found next to the portable plugin, as
/// dsnetinfer looks it up) and exports the configured parser; a parser name without a library is an error on both
/// backends (nvinfer would silently fall back to its built-in parser).
/// </summary>
internal static class CustomParserRule
{
    /// <summary>DeepStreamNet's own parser library, installed beside libgstdsnet.so.</summary>
    public const string ProjectLibrary = "libdsnet_parsers.so";

    /// <summary>The built-in detector parser's name (the only one that needs no library).</summary>
    private const string BuiltInDetectNet = "NvDsInferParseDetectNetV2";

    public static void Check(GroupReader r, NvInferConfig c, ValidationTarget target)
    {
        var parsers = new List<(string Key, string Name)>();
        if (c.NetworkType is 0 && r.Value(NvInferKeys.ParseBboxFuncName) is { } bbox && bbox != BuiltInDetectNet)
        {
            parsers.Add(("parse-bbox-func-name", bbox));
        }

        if (c.NetworkType is 1 && r.Value(NvInferKeys.ParseClassifierFuncName) is { } cls)
        {
            parsers.Add(("parse-classifier-func-name", cls));
        }

        if (c.CustomLibPath is null)
        {
            foreach (var (key, name) in parsers)
            {
                r.Error(key, $"'{name}' needs custom-lib-path (the library that exports it); without it nvinfer silently uses its built-in parser and dsnetinfer refuses to start",
                    $"DeepStreamNet's UltraFace, YuNet, RetinaFace and SSD parsers are in custom-lib-path={ProjectLibrary}");
            }

            return;
        }

        var raw = r.Group.Find("custom-lib-path")?.RawValue.Trim() ?? c.CustomLibPath;
        var library = Locate(raw, c.CustomLibPath, target);
        if (library is null)
        {
            var bare = !raw.Contains('/', StringComparison.Ordinal);
            var where = bare && target.Backend != PipelineBackend.DeepStream
                ? $"{c.CustomLibPath} nor {raw} beside libgstdsnet.so ({NativeLibDirs().FirstOrDefault() ?? "plugin folder unknown: build the native side"})"
                : c.CustomLibPath;
            var hint = bare ? "a bare file name is looked up next to the portable plugin only by dsnetinfer; nvinfer resolves it against the config folder" : "paths are relative to the nvinfer config file's folder";
            if (target.Backend == PipelineBackend.DeepStream && target.OnAnotherMachine)
            {
                r.Warning("custom-lib-path", $"file not found: {where} (not found on this machine: must exist on the DeepStream target)", hint);
            }
            else
            {
                r.Error("custom-lib-path", $"file not found: {where}", hint);
            }

            return;
        }

        // dlopen of a FIFO blocks (holding the loader's lock, so every later library load in the process blocks too)
        // and a device or an oversized file is no library: refuse anything but a regular file before loading it.
        if (FileLimits.Problem(library) is { } problem)
        {
            r.Error("custom-lib-path", $"{problem}: {library}", "custom-lib-path names the shared library (.so) that exports the parser");
            return;
        }

        if (target.Backend == PipelineBackend.DeepStream)
        {
            return; // a Jetson library cannot be loaded here
        }

        CheckSymbols(r, library, parsers);
    }

    /// <summary>The file dsnetinfer would load: the path as resolved against the config folder, else (bare names, portable) the plugin folder.</summary>
    private static string? Locate(string raw, string resolved, ValidationTarget target)
    {
        if (File.Exists(resolved))
        {
            return resolved;
        }

        if (raw.Contains('/', StringComparison.Ordinal) || target.Backend == PipelineBackend.DeepStream)
        {
            return null;
        }

        return NativeLibDirs().Select(d => Path.Combine(d, raw)).FirstOrDefault(File.Exists);
    }

    /// <summary>Folders that may hold libgstdsnet.so: GST_PLUGIN_PATH_1_0 entries, then <see cref="GStreamer.PortablePlugin.FindLibDir"/>.</summary>
    private static IEnumerable<string> NativeLibDirs()
    {
        var dirs = (Environment.GetEnvironmentVariable("GST_PLUGIN_PATH_1_0") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (GStreamer.PortablePlugin.FindLibDir() is { } found)
        {
            dirs.Add(found);
        }

        return dirs.Where(d => File.Exists(Path.Combine(d, "libgstdsnet.so"))).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Loads the library (as dsnetinfer will) and looks every configured parser up by its exact (unmangled) name.</summary>
    private static void CheckSymbols(GroupReader r, string library, List<(string Key, string Name)> parsers)
    {
        if (!NativeLibrary.TryLoad(library, out var handle))
        {
            r.Error("custom-lib-path", $"cannot load {library} (wrong architecture, or a library it needs is missing)", $"check it with: ldd {library}");
            return;
        }

        foreach (var (key, name) in parsers)
        {
            if (!NativeLibrary.TryGetExport(handle, name, out _))
            {
                r.Error(key, $"{library} does not export '{name}'", "parsers must be declared extern \"C\" (or the config must give the mangled name); list the exports with: nm -D --defined-only " + library);
            }
        }

        // Left loaded: unloading a C++ library that registered static destructors is unsafe, and dsnetinfer loads it again anyway.
    }
}
