using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepStreamNet.Runner;

/// <summary>
/// Runs a <see cref="PipelineGraph"/>: <see cref="Build"/> checks what the graph needs (<see cref="Preflight"/>),
/// makes the pipeline (<see cref="GraphInstance"/>) and installs the application's own probes
/// (<see cref="ApplicationProbes"/>); probes are attached through <see cref="FindPad(ProbeAttachPoint)"/>; then
/// <see cref="RunAsync"/> plays it on a main loop of its own thread (PipelineRunner.Bus.cs), with the sources kept
/// apart by the <see cref="SourceSupervisor"/>. Everything the runner knows comes from the graph: roles, sources,
/// label style, run options.
/// </summary>
public sealed unsafe partial class PipelineRunner : IDisposable
{
    private readonly ILogger _log;
    private readonly RunState _state = new();
    private readonly SourceSupervisor _sources;
    private readonly GstMainLoop _loop;
    private readonly List<PadProbe> _probes = [];
    private GraphInstance? _instance;
    private OutputFiles? _outputs;
    private bool _disposed;

    /// <param name="graph">The graph to instantiate.</param>
    /// <param name="logger">Where run-time messages go.</param>
    public PipelineRunner(PipelineGraph graph, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        _log = logger ?? NullLogger.Instance;
        _sources = new SourceSupervisor(graph, _state, _log);
        _loop = new GstMainLoop(_log);
    }

    /// <summary>A runner whose pipeline is built and prepared by <paramref name="prepare"/> (probes attached, settings
    /// made); when either throws, the runner is disposed before the exception goes on.</summary>
    public static PipelineRunner CreateBuilt(PipelineGraph graph, ILogger? logger, Action<PipelineRunner>? prepare = null)
    {
        var runner = new PipelineRunner(graph, logger);
        try
        {
            runner.Build();
            prepare?.Invoke(runner);
            return runner;
        }
        catch
        {
            runner.Dispose();
            throw;
        }
    }

    public PipelineGraph Graph { get; }

    /// <summary>Where perf lines go (default: standard output, as deepstream-app prints them).</summary>
    public Action<string> PerfOutput { get; set; } = Console.WriteLine;

    /// <summary>Seconds to wait for EOS after a stop request before forcing the pipeline down.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long taking the pipeline down (to NULL) may take at the end of a run before it is left behind with
    /// a message (a streaming thread stuck for good); the run's result is returned either way.</summary>
    public TimeSpan TeardownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A source that delivered no frame for this long, and is not held up downstream, is reported and ended on
    /// its own (RTSP sources with reconnection: the reconnect watchdog instead). Zero or less: never.</summary>
    public TimeSpan SourceStallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often free native heap pages are handed back to the system while the pipeline runs (glibc
    /// <c>malloc_trim</c>; keeps resident memory flat over long runs). Zero or less: never.</summary>
    public TimeSpan HeapTrimInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The GstPipeline (valid after <see cref="Build"/>, until dispose).</summary>
    public GstElement* Pipeline => _instance is null ? null : _instance.Pipeline;

    /// <summary>Sources that failed and were ended on their own (the run went on).</summary>
    public IReadOnlyList<int> FailedSources => _sources.Slots.Where(s => s.Failed).Select(s => s.Index).ToList();

    /// <summary>Probe faults of the runner's own probes.</summary>
    public int ProbeFaults => (int)_probes.Sum(p => p.Faults);

    /// <summary>An element of the graph by name (borrowed pointer, null when absent or removed).</summary>
    public GstElement* Element(string name) => _instance is null ? null : _instance.Element(name);

    /// <summary>The pad of an attach point (borrowed: owned by its element), or null when the pipeline has none.</summary>
    public GstPad* FindPad(ProbeAttachPoint point)
    {
        var (role, pad) = point switch
        {
            ProbeAttachPoint.AfterMuxer => (ElementRole.Muxer, "src"),
            ProbeAttachPoint.AfterPrimaryInference => (ElementRole.PrimaryInference, "src"),
            ProbeAttachPoint.AfterTracker => (ElementRole.Tracker, "src"),
            ProbeAttachPoint.BeforeOsd => (ElementRole.Osd, "sink"),
            ProbeAttachPoint.BeforeSinks => (ElementRole.OutputTee, "sink"),
            _ => throw new ArgumentOutOfRangeException(nameof(point)),
        };
        return Graph.FirstWithRole(role) is { } element ? FindPad(element.Name, pad) : null;
    }

    /// <summary>A static pad of an element by names (borrowed pointer), or null.</summary>
    public GstPad* FindPad(string element, string pad) => GstPads.Static(Element(element), pad);

    /// <summary>Creates every element, sets properties, links, installs the runner's probes. Throws
    /// <see cref="PipelineException"/> naming what is missing or wrong.</summary>
    public void Build()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_instance is not null)
        {
            throw new InvalidOperationException("the pipeline is already built");
        }

        GstStartup.Initialize();
        Preflight.CheckFactories(Graph);
        Preflight.CheckDisplay(Graph);
        var skipped = _sources.CheckBeforeStart();
        OutputFiles.PrepareFolders(Graph);
        Preflight.PrepareOutputFolders(Graph);
        Preflight.WriteDerivedFiles(Graph);
        _instance = new GraphInstance(Graph, skipped, _log);
        _outputs = OutputFiles.Redirect(Graph, _instance, _log);
        LiveSources.MakeMuxerLive(Graph, _instance, _log);
        if (_sources.AllFailed)
        {
            throw new PipelineException("no source can be read: " + string.Join("; ", _state.Errors));
        }

        ApplicationProbes.Install(this, _probes, _log);
        _sources.Attach(_instance, _loop, _probes);
        CreateDynamicSources();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _sources.Dispose();
        _stopTimer?.Dispose();
        _outputs?.Complete(finalised: false);
        if (_abandoned)
        {
            _instance?.Abandon();
        }

        _instance?.Dispose();

        // Probes that hold native memory (the styler's font) go only after the pipeline reached NULL.
        foreach (var p in _probes.OfType<IDisposable>())
        {
            p.Dispose();
        }

        _loop.Dispose();
    }
}
