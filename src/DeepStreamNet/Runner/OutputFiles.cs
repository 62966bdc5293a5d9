using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// No lost output: every file sink writes to a temporary name beside its <c>output-file</c>
/// (<c>.NAME.dsnet-partial-PID</c>) and the file gets its real name only when EOS reached the sinks (the file muxer
/// finalised it). A run that fails to start, fails, or is stopped by force leaves an older file of that name as it was;
/// an unfinished file that holds data is kept as <c>NAME.incomplete</c> (recoverable with MP4 repair tools), an
/// unfinished one without data is removed.
/// </summary>
internal sealed unsafe class OutputFiles
{
    private readonly List<(string Sink, string Final, string Partial)> _files = [];
    private readonly ILogger _log;

    /// <summary>An unfinished file up to this size holds no frames (a container header at most).</summary>
    private const long IncompleteMinBytes = 4096;

    private OutputFiles(ILogger log) => _log = log;

    /// <summary>The temporary name for <paramref name="final"/>.</summary>
    public static string PartialName(string final) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(final)) ?? ".", $".{Path.GetFileName(final)}.dsnet-partial-{Environment.ProcessId}");

    /// <summary>Creates the sinks' folders (a clear error when one cannot be made, e.g. under a regular file) and points
    /// every file sink of <paramref name="instance"/> at its temporary name.</summary>
    public static OutputFiles Redirect(PipelineGraph graph, GraphInstance instance, ILogger log)
    {
        var files = new OutputFiles(log);
        foreach (var e in graph.Elements.Where(e => e.Factory == "filesink"))
        {
            if (e.Get("location")?.Value is not string location || instance.Element(e.Name) is var element && element is null)
            {
                continue;
            }

            var partial = PartialName(location);
            ObjectProperties.Set((GObject*)element, e.Name, e.Factory, "location", partial);
            files._files.Add((e.Name, Path.GetFullPath(location), partial));
        }

        return files;
    }

    /// <summary>Creates the folder of every file sink; throws <see cref="PipelineException"/> naming the file when it cannot.</summary>
    public static void PrepareFolders(PipelineGraph graph)
    {
        foreach (var e in graph.Elements.Where(e => e.Factory == "filesink"))
        {
            if (e.Get("location")?.Value is not string location)
            {
                continue;
            }

            try
            {
                if (Path.GetDirectoryName(Path.GetFullPath(location)) is { Length: > 0 } dir)
                {
                    Directory.CreateDirectory(dir);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new PipelineException($"output file {location} of {e.Name}: its folder cannot be created ({ex.Message}): choose another output-file");
            }
        }
    }

    /// <summary>After the run: finalised files take their real names; unfinished ones are removed (the old file stays).</summary>
    public void Complete(bool finalised)
    {
        foreach (var (sink, final, partial) in _files)
        {
            try
            {
                if (!File.Exists(partial))
                {
                    continue;
                }

                if (finalised)
                {
                    File.Move(partial, final, overwrite: true);
                    _log.LogInformation("{Sink}: wrote {File}", sink, final);
                }
                else if (new FileInfo(partial).Length > IncompleteMinBytes)
                {
                    File.Move(partial, final + ".incomplete", overwrite: true);
                    _log.LogWarning("{Sink}: the output was not finalised (EOS did not reach the sink): what was written is in {File}.incomplete; {File} was left as it was",
                        sink, final, final);
                }
                else
                {
                    File.Delete(partial);
                    _log.LogWarning("{Sink}: nothing was written (EOS did not reach the sink); {File} was left as it was", sink, final);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _log.LogError("{Sink}: cannot move {Partial} to {File}: {Message}", sink, partial, final, ex.Message);
            }
        }

        _files.Clear();
    }
}
