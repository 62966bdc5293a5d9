using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// Sources added and removed while the pipeline plays (nvmultiurisrcbin's job on DeepStream). Runs on the main-loop
/// thread. Add: a source bin from <see cref="RuntimeSourceSpec.BuildSource"/>, a new muxer pad (ids round-robin after
/// the last one given, as nvmultiurisrcbin), running time shifted to now. Remove: elements out, EOS into its muxer pad
/// (the muxer reports the source's end downstream and on the bus), the pad released once the muxer took the EOS.
/// A source added at run time that ends by itself is taken out the same way. The last source still playing keeps its
/// pad, so the muxer can end the run.
/// </summary>
internal sealed unsafe class DynamicSources
{
    private const int PadIds = 1024;
    private readonly RuntimeSourceSpec _spec;
    private readonly GraphInstance _instance;
    private readonly SourceSupervisor _sources;
    private readonly List<PadProbe> _probes;
    private readonly ILogger _log;
    private readonly Action<SourceEvent> _raise;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, RunningSource> _active = [];
    private readonly HashSet<int> _ended = [];
    private readonly HashSet<int> _removing = [];
    private int _lastId;

    public DynamicSources(PipelineGraph graph, GraphInstance instance, SourceSupervisor sources, List<PadProbe> probes, ILogger log, Action<SourceEvent> raise)
    {
        _spec = graph.RuntimeSources!;
        _instance = instance;
        _sources = sources;
        _probes = probes;
        _log = log;
        _raise = raise;
        foreach (var slot in sources.Slots.Where(s => !s.Failed))
        {
            _active[slot.Index] = new RunningSource(slot.Index, _spec.SensorIds.GetValueOrDefault(slot.Index, slot.Source.Group), null, slot.Source.Location, false);
        }

        _lastId = graph.Sources.Count == 0 ? -1 : graph.Sources.Max(s => s.Index);
    }

    /// <summary>The sources whose muxer pad is in use (any thread).</summary>
    public IReadOnlyList<RunningSource> Snapshot()
    {
        lock (_gate)
        {
            return [.. _active.Values.OrderBy(s => s.SourceId)];
        }
    }

    public SourceChange Add(string uri, string sensorId, string? sensorName)
    {
        if (string.IsNullOrWhiteSpace(sensorId))
        {
            return SourceChange.Fail(SourceChangeError.InvalidRequest, "camera id empty: every stream needs a sensor id");
        }

        if (string.IsNullOrWhiteSpace(uri))
        {
            return SourceChange.Fail(SourceChangeError.InvalidRequest, "camera url empty: give the URI to read (file://, rtsp://, http://)");
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return SourceChange.Fail(SourceChangeError.InvalidRequest, $"'{uri}' is not an absolute URI (file:///path/clip.mp4, rtsp://host/stream)");
        }

        if (parsed.Scheme is not ("file" or "rtsp" or "rtsps" or "http" or "https"))
        {
            return SourceChange.Fail(SourceChangeError.UnreadableUri, $"cannot read {parsed.Scheme}: URIs: use file://, rtsp:// or http(s)://");
        }

        RunningSource? same;
        int live;
        lock (_gate)
        {
            same = _active.Values.FirstOrDefault(s => s.SensorId == sensorId && !_removing.Contains(s.SourceId));
            live = _active.Keys.Count(k => !_ended.Contains(k) && !_removing.Contains(k));
        }

        if (same is not null)
        {
            return SourceChange.Fail(SourceChangeError.DuplicateSensorId, $"sensor id '{sensorId}' is already source {same.SourceId}: remove it first or use another camera_id");
        }

        if (_spec.MaxSources > 0 && live >= _spec.MaxSources)
        {
            return SourceChange.Fail(SourceChangeError.CapacityReached, $"{live} sources are playing and max-batch-size is {_spec.MaxSources}: remove one first");
        }

        if (NextId() is not { } id)
        {
            return SourceChange.Fail(SourceChangeError.CapacityReached, $"all {PadIds} muxer pads are in use");
        }

        PipelineGraph fragment;
        try
        {
            fragment = _spec.BuildSource(uri, id);
        }
        catch (ArgumentException ex)
        {
            return SourceChange.Fail(SourceChangeError.UnreadableUri, ex.Message);
        }

        var source = fragment.Sources[0];
        if (Preflight.SourceProblem(source) is { } problem)
        {
            return SourceChange.Fail(SourceChangeError.UnreadableUri, problem);
        }

        long offset;
        try
        {
            offset = _instance.AddRuntimeSource(fragment, source);
        }
        catch (PipelineException ex)
        {
            return SourceChange.Fail(SourceChangeError.NotRunning, ex.Message);
        }

        _sources.AddRuntime(new SourceSlot(source) { LoopOffset = offset }, _probes);
        var entry = new RunningSource(id, sensorId, sensorName, uri, true);
        lock (_gate)
        {
            _active[id] = entry;
        }

        _lastId = id;
        _log.LogInformation("source {Id} added: sensor {Sensor} reading {Uri}", id, sensorId, uri);
        _raise(new SourceEvent(SourceEventKind.Added, entry, ""));
        return SourceChange.Done(id);
    }

    /// <summary>The source id of an active sensor id, or null.</summary>
    public int? IdOf(string sensorId)
    {
        lock (_gate)
        {
            return _active.Values.FirstOrDefault(s => s.SensorId == sensorId && !_removing.Contains(s.SourceId))?.SourceId;
        }
    }

    public SourceChange Remove(int id)
    {
        bool ended;
        lock (_gate)
        {
            if (!_active.ContainsKey(id) || !_removing.Add(id))
            {
                return SourceChange.Fail(SourceChangeError.UnknownSource, $"no active source {id}");
            }

            ended = _ended.Contains(id);
        }

        var slot = _sources.Slots.LastOrDefault(s => s.Index == id);
        if (slot is not null)
        {
            slot.Ended = true;
            _instance.Remove(slot.Source.Elements);
        }

        _log.LogInformation("source {Id} removed", id);
        var pad = _instance.MuxerPad(id);
        if (ended || pad is null || !Gst.gst_pad_send_event(pad, Gst.gst_event_new_eos()))
        {
            Release(id);
        }

        return SourceChange.Done(id);
    }

    /// <summary>The muxer reported source <paramref name="id"/>'s end of stream: say so; release what is gone.</summary>
    public void OnStreamEos(int id)
    {
        RunningSource? entry;
        bool removing, othersLive;
        lock (_gate)
        {
            if (!_active.TryGetValue(id, out entry) || !_ended.Add(id))
            {
                return;
            }

            removing = _removing.Contains(id);
            othersLive = _active.Keys.Any(k => k != id && !_ended.Contains(k));
        }

        var slot = _sources.Slots.LastOrDefault(s => s.Index == id);
        _raise(new SourceEvent(SourceEventKind.Ended, entry, removing ? "removed" : slot?.Failed == true ? "failed" : "end of stream"));

        // Releasing the last pad that could still play would leave the muxer waiting for new pads instead of ending.
        if ((removing || entry.AddedAtRunTime) && othersLive)
        {
            if (!removing && slot is not null)
            {
                slot.Ended = true;
                _instance.Remove(slot.Source.Elements);
            }

            Release(id);
        }
    }

    private void Release(int id)
    {
        _instance.ReleaseMuxerPad(id);
        RunningSource? entry;
        lock (_gate)
        {
            _active.Remove(id, out entry);
            _removing.Remove(id);
            _ended.Remove(id);
        }

        if (entry is not null)
        {
            _raise(new SourceEvent(SourceEventKind.Removed, entry, ""));
        }
    }

    private int? NextId()
    {
        for (var i = 1; i <= PadIds; i++)
        {
            var id = (_lastId + i) % PadIds;
            bool taken;
            lock (_gate)
            {
                taken = _active.ContainsKey(id);
            }

            if (!taken && _instance.MuxerPad(id) is null && _instance.Element($"src_bin_{id}_src") is null)
            {
                return id;
            }
        }

        return null;
    }
}
