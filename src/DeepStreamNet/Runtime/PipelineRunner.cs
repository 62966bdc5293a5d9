using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using DeepStreamNet.Config;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepStreamNet.Runtime;

/// <summary>
/// Turns a <see cref="PipelineGraph"/> into a running GStreamer pipeline and runs it: elements, typed properties,
/// static / request / sometimes-pad links, a bus watch on a GLib main loop of its own thread, per-source error
/// isolation, file looping, RTSP reconnection, RTSP output servers, perf printing, KITTI output and deepstream-app's
/// GIE styling. Build with <see cref="Build"/>, attach probes through <see cref="FindPad(ProbeAttachPoint)"/>, then
/// <see cref="RunAsync"/>.
/// </summary>
public sealed unsafe partial class PipelineRunner : IDisposable
{
    private static readonly Regex SourceElement = new(@"^src_bin_(\d+)_", RegexOptions.CultureInvariant);

    private readonly ILogger _log;
    private readonly Dictionary<string, nint> _elements = new(StringComparer.Ordinal);
    private readonly Dictionary<int, nint> _muxPads = [];
    private readonly List<SourceSlot> _sources = [];
    private readonly List<PadProbe> _probes = [];
    private readonly List<RtspServerHost> _rtspServers = [];
    private readonly List<string> _errors = [];
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly AppConfig? _config;
    private GstObjectHandle? _pipeline;
    private GCHandle _self;
    private GMainContext* _context;
    private GMainLoop* _loop;
    private int _stopRequests;
    private bool _eosSent;
    private RunOutcome? _outcome;
    private Timer? _watchdog;
    private Timer? _heapTrim;
    private Timer? _stopTimer;
    private bool _disposed;

    /// <param name="graph">The graph to instantiate.</param>
    /// <param name="config">The config the graph was built from: gives the <c>[osd]</c> label style and the RTSP
    /// reconnect settings (optional).</param>
    /// <param name="logger">Where run-time messages go.</param>
    public PipelineRunner(PipelineGraph graph, AppConfig? config = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        _config = config;
        _log = logger ?? NullLogger.Instance;
    }

    /// <summary>A runner whose pipeline is built and prepared by <paramref name="prepare"/> (probes attached, settings
    /// made); when either throws, the runner is disposed before the exception goes on.</summary>
    public static PipelineRunner CreateBuilt(PipelineGraph graph, AppConfig? config, ILogger? logger, Action<PipelineRunner>? prepare = null)
    {
        var runner = new PipelineRunner(graph, config, logger);
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

    /// <summary>The config the graph was built from (null when none was given).</summary>
    public AppConfig? Config => _config;

    /// <summary>Where perf lines go (default: standard output, as deepstream-app prints them).</summary>
    public Action<string> PerfOutput { get; set; } = Console.WriteLine;

    /// <summary>Seconds to wait for EOS after a stop request before forcing the pipeline down.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often free native heap pages are handed back to the system while the pipeline runs (glibc
    /// <c>malloc_trim</c>; keeps resident memory flat over long runs). Zero or less: never.</summary>
    public TimeSpan HeapTrimInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The GstPipeline (valid after <see cref="Build"/>, until dispose).</summary>
    public GstElement* Pipeline => _pipeline is null ? null : (GstElement*)_pipeline.Raw;

    /// <summary>Sources that failed and were ended on their own (the run went on).</summary>
    public IReadOnlyList<int> FailedSources => _sources.Where(s => s.Failed).Select(s => s.Index).ToList();

    /// <summary>Probe faults of the runner's own probes.</summary>
    public int ProbeFaults => _probes.Sum(p => p.Faults);

    /// <summary>An element of the graph by name (borrowed pointer, null when absent or removed).</summary>
    public GstElement* Element(string name) => _elements.TryGetValue(name, out var e) ? (GstElement*)e : null;

    /// <summary>The pad of an attach point (borrowed: owned by its element), or null when the pipeline has none.</summary>
    public GstPad* FindPad(ProbeAttachPoint point)
    {
        var (element, pad) = point switch
        {
            ProbeAttachPoint.AfterMuxer => ("src_bin_muxer", "src"),
            ProbeAttachPoint.AfterPrimaryInference => ("primary_gie", "src"),
            ProbeAttachPoint.AfterTracker => ("tracking_tracker", "src"),
            ProbeAttachPoint.BeforeOsd => (FirstOf("nvosd"), "sink"),
            ProbeAttachPoint.BeforeSinks => (FirstOf("sink_bin_tee"), "sink"),
            _ => throw new ArgumentOutOfRangeException(nameof(point)),
        };
        return element is null ? null : FindPad(element, pad);
    }

    /// <summary>A static pad of an element by names (borrowed pointer), or null.</summary>
    public GstPad* FindPad(string element, string pad)
    {
        var e = Element(element);
        if (e is null)
        {
            return null;
        }

        using var n = new Utf8Z(pad);
        var p = Gst.gst_element_get_static_pad(e, n.P);
        if (p is not null)
        {
            Gst.gst_object_unref(p); // the element keeps its pad alive
        }

        return p;
    }

    private string? FirstOf(string prefix) =>
        Graph.Elements.Select(e => e.Name).FirstOrDefault(n => n == prefix || n.StartsWith(prefix + "_", StringComparison.Ordinal));

    /// <summary>Creates every element, sets properties, links, installs the runner's probes. Throws
    /// <see cref="PipelineException"/> naming what is missing or wrong.</summary>
    public void Build()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_pipeline is not null)
        {
            throw new InvalidOperationException("the pipeline is already built");
        }

        GStreamerRuntime.Initialize();
        CheckFactories();
        CheckDisplay();
        CollectSources();
        PrepareOutputFolders();

        using (var name = new Utf8Z("dsnet-pipeline"))
        {
            _pipeline = new GstObjectHandle(Gst.gst_object_ref_sink(Gst.gst_pipeline_new(name.P)));
        }

        _self = GCHandle.Alloc(this);
        var skipped = new HashSet<string>(_sources.Where(s => s.Failed).SelectMany(s => s.Elements), StringComparer.Ordinal);
        foreach (var ge in Graph.Elements.Where(e => !skipped.Contains(e.Name)))
        {
            AddElement(ge);
        }

        foreach (var link in Graph.Links.Where(l => !skipped.Contains(l.From) && !skipped.Contains(l.To)))
        {
            Link(link);
        }

        if (_sources.Count > 0 && _sources.All(s => s.Failed))
        {
            throw new PipelineException("no source can be read: " + string.Join("; ", _errors));
        }

        InstallProbes();
    }

    private void CheckFactories()
    {
        var missing = Graph.Elements.GroupBy(e => e.Factory).Where(g => !GStreamerRuntime.FactoryExists(g.Key)).ToList();
        if (missing.Count > 0)
        {
            throw new PipelineException(string.Join(Environment.NewLine, missing.Select(g =>
                $"GStreamer element '{g.Key}' (needed by {string.Join(", ", g.Select(e => e.Name))}) is not installed: {GStreamerRuntime.InstallHint(g.Key)}")));
        }
    }

    private void CheckDisplay()
    {
        var display = Graph.Elements.FirstOrDefault(e => e.Factory is "autovideosink" or "nveglglessink" or "xvimagesink" or "ximagesink" or "glimagesink");
        if (display is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            throw new PipelineException($"element '{display.Name}' ({display.Factory}) renders to a window but there is no display (DISPLAY/WAYLAND_DISPLAY unset): use a file sink (type=3), a fake sink (type=1) or RTSP (type=4), or run under a display (e.g. xvfb-run)");
        }
    }

    private void CollectSources()
    {
        var byIndex = new SortedDictionary<int, SourceSlot>();
        foreach (var e in Graph.Elements)
        {
            var m = SourceElement.Match(e.Name);
            if (!m.Success)
            {
                continue;
            }

            var index = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!byIndex.TryGetValue(index, out var slot))
            {
                var src = Graph.Find($"src_bin_{index}_src");
                var location = (src?.Get("uri") ?? src?.Get("location") ?? src?.Get("device"))?.Value as string;
                var rtsp = src?.Factory == "rtspsrc";
                slot = new SourceSlot(index, location, rtsp, location?.StartsWith("file:", StringComparison.Ordinal) == true)
                {
                    IsCamera = src?.Factory == "v4l2src",
                };
                byIndex.Add(index, slot);
            }

            slot.Elements.Add(e.Name);
        }

        var configSources = _config?.Sources.SelectMany(s => Enumerable.Repeat(s, s.InstanceCount)).ToList();
        foreach (var slot in byIndex.Values)
        {
            slot.Last = Graph.Links.FirstOrDefault(l => slot.Elements.Contains(l.From) && l.To == "src_bin_muxer")?.From;
            if (configSources is not null && slot.Index < configSources.Count && slot.IsRtsp)
            {
                slot.ReconnectIntervalSec = configSources[slot.Index].RtspReconnectIntervalSec;
                slot.ReconnectAttempts = configSources[slot.Index].RtspReconnectAttempts;
            }

            var problem = slot.IsFile && slot.Location is { } uri ? FileProblem(uri)
                : slot.IsCamera && slot.Location is { } device
                    ? CameraProblem(device, configSources is not null && slot.Index < configSources.Count ? configSources[slot.Index].Name : $"source{slot.Index}")
                    : null;
            if (problem is not null)
            {
                slot.Failed = true;
                var message = $"{slot.Describe()}: {problem}; this source is left out";
                _errors.Add(message);
                _log.LogError("{Message}", message);
            }

            _sources.Add(slot);
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

    private void PrepareOutputFolders()
    {
        foreach (var e in Graph.Elements.Where(e => e.Factory == "filesink"))
        {
            if (e.Get("location")?.Value is string location && Path.GetDirectoryName(Path.GetFullPath(location)) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }
        }

        foreach (var dir in new[] { Graph.RunOptions.GieKittiOutputDir, Graph.RunOptions.KittiTrackOutputDir })
        {
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
    }

    private void AddElement(GraphElement ge)
    {
        using var f = new Utf8Z(ge.Factory);
        using var n = new Utf8Z(ge.Name);
        var e = Gst.gst_element_factory_make(f.P, n.P);
        if (e is null)
        {
            throw new PipelineException($"GStreamer element '{ge.Factory}' for '{ge.Name}' could not be created: {GStreamerRuntime.InstallHint(ge.Factory)}");
        }

        if (!Gst.gst_bin_add((GstBin*)Pipeline, e))
        {
            Gst.gst_object_unref(Gst.gst_object_ref_sink(e));
            throw new PipelineException($"element '{ge.Name}' could not be added to the pipeline");
        }

        _elements[ge.Name] = (nint)e;
        foreach (var (property, value) in ge.Properties)
        {
            PropertySetter.Set((GObject*)e, ge.Name, ge.Factory, property, value);
        }
    }

    private void Link(GraphLink link)
    {
        var src = Element(link.From);
        var dst = Element(link.To);
        if (link.Caps is not null)
        {
            throw new PipelineException($"link {link}: caps on links are not supported by the runner; use a capsfilter element");
        }

        var srcTemplate = link.FromPad is null ? null : PadTemplate(src, link.FromPad);
        // A pattern with no template of that name (rtspsrc calls its pads stream_%u) means "its sometimes pads".
        var pattern = link.FromPad?.Contains('%', StringComparison.Ordinal) == true;
        if ((srcTemplate is not null && srcTemplate->presence == GstPadPresence.GST_PAD_SOMETIMES) || (pattern && srcTemplate is null))
        {
            ConnectPadAdded(link);
            return;
        }

        GstPad* srcPad = link.FromPad is null ? null : GetPad(src, link.FromPad, srcTemplate, link);
        GstPad* dstPad = link.ToPad is null ? null : GetPad(dst, link.ToPad, PadTemplate(dst, link.ToPad), link);
        if (link.To == "src_bin_muxer" && dstPad is not null)
        {
            var m = SourceElement.Match(link.From);
            if (m.Success)
            {
                _muxPads[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = (nint)dstPad;
            }
        }

        if (srcPad is null && dstPad is null)
        {
            if (!Gst.gst_element_link(src, dst))
            {
                throw new PipelineException($"cannot link {link.From} -> {link.To}: no compatible pads (caps do not intersect)");
            }

            return;
        }

        srcPad = srcPad is null ? CompatiblePad(src, dstPad, GstPadDirection.GST_PAD_SRC, link) : srcPad;
        dstPad = dstPad is null ? CompatiblePad(dst, srcPad, GstPadDirection.GST_PAD_SINK, link) : dstPad;
        var r = Gst.gst_pad_link(srcPad, dstPad);
        if (r != GstPadLinkReturn.GST_PAD_LINK_OK)
        {
            throw new PipelineException($"cannot link {link}: {r}");
        }
    }

    private static GstPadTemplate* PadTemplate(GstElement* e, string name)
    {
        using var n = new Utf8Z(name);
        var klass = (GstElementClass*)((GObject*)e)->g_type_instance.g_class;
        var t = Gst.gst_element_class_get_pad_template(klass, n.P);
        if (t is null && name.Contains('_', StringComparison.Ordinal) && !name.Contains('%', StringComparison.Ordinal))
        {
            // "sink_0" → template "sink_%u"
            using var generic = new Utf8Z(name[..(name.LastIndexOf('_') + 1)] + "%u");
            t = Gst.gst_element_class_get_pad_template(klass, generic.P);
        }

        return t;
    }

    /// <summary>A static pad, or a new request pad; borrowed (the element owns it).</summary>
    private static GstPad* GetPad(GstElement* e, string name, GstPadTemplate* template, GraphLink link)
    {
        using var n = new Utf8Z(name);
        var pad = Gst.gst_element_get_static_pad(e, n.P);
        if (pad is null && template is not null && template->presence == GstPadPresence.GST_PAD_REQUEST)
        {
            pad = Gst.gst_element_request_pad_simple(e, n.P);
        }

        if (pad is null)
        {
            throw new PipelineException($"link {link}: element has no pad '{name}'");
        }

        Gst.gst_object_unref(pad);
        return pad;
    }

    private static GstPad* CompatiblePad(GstElement* e, GstPad* other, GstPadDirection direction, GraphLink link)
    {
        var pad = direction == GstPadDirection.GST_PAD_SINK
            ? Gst.gst_element_get_compatible_pad(e, other, null)
            : Gst.gst_element_get_compatible_pad(e, other, null);
        if (pad is null)
        {
            throw new PipelineException($"link {link}: no compatible {(direction == GstPadDirection.GST_PAD_SINK ? "sink" : "source")} pad");
        }

        Gst.gst_object_unref(pad);
        return pad;
    }

    private void InstallProbes()
    {
        var o = Graph.RunOptions;
        if (o.EnablePerfMeasurement && FindPad(ProbeAttachPoint.AfterMuxer) is var muxSrc && muxSrc is not null)
        {
            var perf = new PerfMeasurement(_sources.Count, TimeSpan.FromSeconds(Math.Max(o.PerfMeasurementIntervalSec, 1)), s => PerfOutput(s), _log);
            perf.Attach(muxSrc, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER);
            _probes.Add(perf);
        }

        if (!string.IsNullOrEmpty(o.GieKittiOutputDir) && FindPad(ProbeAttachPoint.AfterPrimaryInference) is var pgie && pgie is not null)
        {
            var k = new KittiWriter(o.GieKittiOutputDir, tracker: false, _log);
            k.Attach(pgie, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER);
            _probes.Add(k);
        }

        if (!string.IsNullOrEmpty(o.KittiTrackOutputDir) && FindPad(ProbeAttachPoint.AfterTracker) is var trk && trk is not null)
        {
            var k = new KittiWriter(o.KittiTrackOutputDir, tracker: true, _log);
            k.Attach(trk, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER);
            _probes.Add(k);
        }

        if (Graph.GieStyles.Count > 0)
        {
            var osd = _config?.Osd ?? new OsdGroup { Enable = true };
            foreach (var name in Graph.Elements.Where(e => e.Name == "nvosd" || e.Name.StartsWith("nvosd_", StringComparison.Ordinal)).Select(e => e.Name))
            {
                var pad = FindPad(name, "sink");
                if (pad is not null)
                {
                    var styler = new GieStyler(Graph.GieStyles, osd, new RunOptionsView(o.RewriteLabels, o.DisplayTrackingId), _log);
                    styler.Attach(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER);
                    _probes.Add(styler);
                }
            }
        }

        foreach (var slot in _sources.Where(s => !s.Failed && s.Last is not null))
        {
            var pad = FindPad(slot.Last!, "src");
            if (pad is not null)
            {
                var watch = new SourceWatch(this, slot, _log);
                watch.Attach(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER | GstPadProbeType.GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM
                    | GstPadProbeType.GST_PAD_PROBE_TYPE_EVENT_FLUSH);
                _probes.Add(watch);
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _watchdog?.Dispose();
        _stopTimer?.Dispose();
        if (_pipeline is not null)
        {
            Gst.gst_element_set_state(Pipeline, GstState.GST_STATE_NULL);
        }

        foreach (var server in _rtspServers)
        {
            server.Dispose();
        }

        _pipeline?.Dispose();
        foreach (var p in _probes.OfType<IDisposable>())
        {
            p.Dispose();
        }

        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }
}
