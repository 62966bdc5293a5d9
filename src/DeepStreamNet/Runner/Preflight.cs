using DeepStreamNet.GStreamer;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Runner;

/// <summary>What is checked and prepared before a graph becomes a pipeline: installed elements, a display for window
/// sinks, readable files and present cameras per source, output folders.</summary>
internal static class Preflight
{
    /// <summary>Throws <see cref="PipelineException"/> naming every element that is not installed and what to install.</summary>
    public static void CheckFactories(PipelineGraph graph)
    {
        var missing = graph.Elements.GroupBy(e => e.Factory).Where(g => !ElementRegistry.FactoryExists(g.Key)).ToList();
        if (missing.Count > 0)
        {
            throw new PipelineException(string.Join(Environment.NewLine, missing.Select(g =>
                $"GStreamer element '{g.Key}' (needed by {string.Join(", ", g.Select(e => e.Name))}) is not installed: {ElementRegistry.InstallHint(g.Key)}")));
        }
    }

    /// <summary>Throws when a sink renders to a window but there is no display.</summary>
    public static void CheckDisplay(PipelineGraph graph)
    {
        var display = graph.WithRole(ElementRole.Sink).FirstOrDefault(e => e.Factory is "autovideosink" or "nveglglessink" or "xvimagesink" or "ximagesink" or "glimagesink");
        if (display is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            throw new PipelineException($"element '{display.Name}' ({display.Factory}) renders to a window but there is no display (DISPLAY/WAYLAND_DISPLAY unset): use a file sink (type=3), a fake sink (type=1) or RTSP (type=4), or run under a display (e.g. xvfb-run)");
        }
    }

    /// <summary>Why a source cannot start (its file is missing or unreadable, its camera is not connected), or null.</summary>
    public static string? SourceProblem(GraphSource source) => source switch
    {
        { Kind: SourceKind.File, Location: { } uri } => FileProblem(uri),
        { Kind: SourceKind.Camera, Location: { } device } => CameraProblem(device, source.Group),
        _ => null,
    };

    /// <summary>Creates the folders of file sinks and KITTI output.</summary>
    public static void PrepareOutputFolders(PipelineGraph graph)
    {
        foreach (var e in graph.Elements.Where(e => e.Factory == "filesink"))
        {
            if (e.Get("location")?.Value is string location && Path.GetDirectoryName(Path.GetFullPath(location)) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }
        }

        foreach (var dir in new[] { graph.RunOptions.GieKittiOutputDir, graph.RunOptions.KittiTrackOutputDir })
        {
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
    }

    /// <summary>Writes the files the graph derived (batched model copies); a cache that cannot be written stops the start
    /// with what to do instead of a half-written model.</summary>
    public static void WriteDerivedFiles(PipelineGraph graph)
    {
        foreach (var f in graph.DerivedFiles)
        {
            try
            {
                f.Write();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new PipelineException($"could not write {f.Description} at {f.Path}: {ex.Message}; set DSNET_CACHE_DIR to a writable folder", ex);
            }
        }
    }

    /// <summary>A V4L2 device node that is not there fails v4l2src at NULL→READY with "Cannot identify device": say
    /// what to do before the pipeline starts.</summary>
    private static string? CameraProblem(string device, string group) =>
        File.Exists(device) ? null
            : $"camera device {device} not found: connect the camera (ls /dev/video* lists the nodes) or set [{group}] camera-v4l2-dev-node to its number";

    private static string? FileProblem(string uri)
    {
        string path;
        try
        {
            path = new Uri(uri).LocalPath;
        }
        catch (UriFormatException ex)
        {
            return $"invalid URI: {ex.Message}";
        }

        if (!File.Exists(path))
        {
            return $"file not found: {path}";
        }

        try
        {
            using var f = File.OpenRead(path);
            return f.Length == 0 ? $"file is empty: {path}" : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {path}: {ex.Message}";
        }
    }
}
