using System.Diagnostics;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// Keeps the sources of a running pipeline apart: a source that fails is ended on its own (its elements leave, EOS
/// goes into its muxer pad) while the others go on; file sources loop with <c>[tests] file-loop</c>; RTSP sources are
/// reconnected by a watchdog after <c>rtsp-reconnect-interval-sec</c> without data. Runs on the main-loop thread
/// (the probes post to it).
/// </summary>
internal sealed unsafe partial class SourceSupervisor : IDisposable
{
    private readonly PipelineGraph _graph;
    private readonly RunState _state;
    private readonly ILogger _log;
    private readonly List<SourceSlot> _slots;
    private GraphInstance? _instance;
    private GstMainLoop? _loop;
    private Timer? _watchdog;

    public SourceSupervisor(PipelineGraph graph, RunState state, ILogger log)
    {
        _graph = graph;
        _state = state;
        _log = log;
        _slots = graph.Sources.Select(s => new SourceSlot(s)).ToList();
    }

    public IReadOnlyList<SourceSlot> Slots => _slots;

    /// <summary>Whether there were sources and every one failed.</summary>
    public bool AllFailed => _slots.Count > 0 && _slots.All(s => s.Failed);

    /// <summary>Sources whose file or camera is missing are failed before the start; returns the elements to leave out.</summary>
    public IReadOnlySet<string> CheckBeforeStart()
    {
        foreach (var slot in _slots)
        {
            if (Preflight.SourceProblem(slot.Source) is { } problem)
            {
                slot.Failed = true;
                var message = $"{slot.Describe()}: {problem}; this source is left out";
                _state.Errors.Add(message);
                _log.LogError("{Message}", message);
            }
        }

        return _slots.Where(s => s.Failed).SelectMany(s => s.Source.Elements).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Puts a <see cref="SourceWatch"/> on the feed pad of every running source.</summary>
    public void Attach(GraphInstance instance, GstMainLoop loop, List<PadProbe> probes)
    {
        _instance = instance;
        _loop = loop;
        foreach (var slot in _slots.Where(s => !s.Failed))
        {
            var pad = GstPads.Static(instance.Element(slot.Source.Feed), "src");
            if (pad is not null)
            {
                var watch = new SourceWatch(this, slot, _log);
                watch.Attach(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER | GstPadProbeType.GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM
                    | GstPadProbeType.GST_PAD_PROBE_TYPE_EVENT_FLUSH);
                probes.Add(watch);
            }
        }
    }

    /// <summary>Starts the data clock of every source and the RTSP watchdog (on the main loop).</summary>
    public void Start()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var s in _slots)
        {
            Interlocked.Exchange(ref s.LastDataTicks, now);
        }

        if (_slots.Any(s => s.Reconnects))
        {
            _watchdog = new Timer(_ => _loop?.Post(CheckRtspSources), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Sends EOS into the muxer pad of every running source (looping and reconnection stop first); false when no
    /// source has a muxer pad. An RTSP source that is down (never connected, or reconnecting) is taken out of the
    /// pipeline first: its source element never finished going to PLAYING, so the pipeline would not either, and a
    /// pipeline that is not PLAYING never posts the EOS that finalises the outputs of the healthy sources.</summary>
    public bool EndAll()
    {
        foreach (var slot in _slots.Where(s => !s.Failed && !s.Ended))
        {
            if (slot.Reconnects && Volatile.Read(ref slot.Delivering) == 0)
            {
                var text = $"{slot.Describe()}: not connected when the run stopped ({slot.ReconnectsDone} reconnection attempt(s))";
                _state.Errors.Add(text);
                _log.LogWarning("{Message}; taken out of the pipeline so the other sources' outputs are finalised", text);
                EndSource(slot, failed: true, resume: true);
                continue;
            }

            slot.Ended = true;
            SendEos(slot);
        }

        return _instance?.HasMuxerPads == true;
    }

    /// <summary>The source whose bin holds <paramref name="obj"/>, or null.</summary>
    public SourceSlot? SourceOf(GstObject* obj) =>
        _instance?.ChildHolding(obj) is { } name ? _slots.LastOrDefault(s => s.Source.Elements.Contains(name)) : null;

    /// <summary>Describes source <paramref name="index"/> (for the muxer's per-stream EOS).</summary>
    public string Describe(int index) => _slots.FirstOrDefault(x => x.Index == index)?.Describe() ?? $"source {index}";

    /// <summary>An error inside a source bin: reconnect (RTSP with reconnection) or end the source alone.</summary>
    public void OnError(SourceSlot slot, string message, string? debug)
    {
        if (slot.Failed || slot.Ended)
        {
            _log.LogDebug("{Source}: further error ignored: {Message}", slot.Describe(), message);
            return;
        }

        if (slot.Reconnects && Volatile.Read(ref _state.StopRequests) == 0)
        {
            // The watchdog reconnects once the interval passed without data (no tight retry loop on errors).
            if (slot.ErrorsSinceAttempt++ == 0)
            {
                _log.LogWarning("{Source}: {Message}; reconnecting within {Seconds} s", slot.Describe(), message, slot.Source.ReconnectIntervalSec);
            }

            return;
        }

        var text = $"{slot.Describe()}: {message}";
        _state.Errors.Add(text);
        _log.LogError("{Message} ({Debug}); ending this source, the others go on", text, debug);
        EndSource(slot, failed: true);
    }

    public void Dispose()
    {
        _watchdog?.Dispose();
        DisposeStallWatch();
    }

    /// <summary>Whether a source loops ([tests] file-loop on a file source still running).</summary>
    internal bool LoopsFile(SourceSlot slot) => _graph.RunOptions.FileLoop && slot.Source.Kind == SourceKind.File && !slot.Ended;

    /// <summary>Whether a source's EOS must be held back (looping files, reconnecting RTSP).</summary>
    internal bool HoldsEos(SourceSlot slot) => !_state.EosSent && !slot.Ended && (LoopsFile(slot) || slot.Reconnects);

    /// <summary>A held-back EOS of a source: a looping file seeks to the start, an RTSP source waits for the watchdog.</summary>
    internal void OnSourceEos(SourceSlot slot) => _loop?.Post(() =>
    {
        if (slot.Ended || _state.EosSent)
        {
            return;
        }

        if (slot.Reconnects)
        {
            _log.LogWarning("{Source}: stream ended; reconnecting within {Seconds} s", slot.Describe(), slot.Source.ReconnectIntervalSec);
            return;
        }

        _log.LogInformation("{Source}: end of file, looping", slot.Describe());

        // The seek restarts the file's timestamps at 0: shift the running time by what was played so far so the
        // muxer, encoders and file muxers see time go on.
        slot.LoopOffset += Interlocked.Read(ref slot.LastEnd);
        Interlocked.Exchange(ref slot.LastEnd, 0);
        if (GstPads.Static(_instance!.Element(slot.Source.Feed), "src") is var feed && feed is not null)
        {
            Gst.gst_pad_set_offset(feed, slot.LoopOffset);
        }

        var input = _instance.Element(slot.Source.Input);
        if (input is null || !Gst.gst_element_seek_simple(input, GstFormat.GST_FORMAT_TIME, GstSeekFlags.GST_SEEK_FLAG_FLUSH | GstSeekFlags.GST_SEEK_FLAG_KEY_UNIT, 0))
        {
            _log.LogWarning("{Source}: seek to the start failed; ending the source", slot.Describe());
            slot.Ended = true;
            SendEos(slot);
        }
    });

    /// <summary>Takes a source's elements out of the pipeline and sends EOS into its muxer pad.</summary>
    /// <param name="resume">Ask the pipeline for PLAYING again even when EOS was already sent for a stop.</param>
    private void EndSource(SourceSlot slot, bool failed, bool resume = false)
    {
        slot.Failed |= failed;
        slot.Ended = true;
        _instance!.Remove(slot.Source.Elements);

        // A source that failed while starting (a camera that cannot be opened fails NULL→READY, an RTSP server that
        // never answers) left the pipeline's state change unfinished: ask again now that it is gone, before the EOS,
        // so the muxer's pad is active and takes it (a flushing pad would drop it, and the run would wait for a
        // source that is gone) and the pipeline reaches PLAYING, where its EOS message is posted.
        if (!_state.EosSent || resume)
        {
            Gst.gst_element_set_state(_instance.Pipeline, GstState.GST_STATE_PLAYING);
        }

        SendEos(slot);
    }

    private void SendEos(SourceSlot slot)
    {
        if (_instance is not null)
        {
            PadEvents.SendEosDetached(_instance.MuxerPad(slot.Index), slot.Describe(), _log);
        }
    }

    private void CheckRtspSources()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var slot in _slots.Where(s => s.Reconnects && !s.Ended && !s.Failed))
        {
            var idle = Stopwatch.GetElapsedTime(Interlocked.Read(ref slot.LastDataTicks), now);
            if (idle.TotalSeconds >= slot.Source.ReconnectIntervalSec)
            {
                _log.LogWarning("{Source}: no data for {Seconds:F0} s", slot.Describe(), idle.TotalSeconds);
                Reconnect(slot);
            }
        }
    }

    private void Reconnect(SourceSlot slot)
    {
        if (_state.EosSent || slot.Ended)
        {
            return;
        }

        var attempts = slot.Source.ReconnectAttempts;
        if (attempts >= 0 && slot.ReconnectsDone >= attempts)
        {
            var text = $"{slot.Describe()}: gave up after {slot.ReconnectsDone} reconnection attempt(s)";
            _state.Errors.Add(text);
            _log.LogError("{Message}; ending this source", text);
            EndSource(slot, failed: true);
            return;
        }

        slot.ReconnectsDone++;
        slot.ErrorsSinceAttempt = 0;
        Volatile.Write(ref slot.Delivering, 0);
        _log.LogWarning("{Source}: reconnection attempt {Attempt}{Of}", slot.Describe(), slot.ReconnectsDone, attempts < 0 ? "" : $" of {attempts}");
        Interlocked.Exchange(ref slot.LastDataTicks, Stopwatch.GetTimestamp());

        // Down to NULL and back: rtspsrc reconnects, decodebin re-exposes its pads and pad-added relinks them.
        var restart = slot.Source.Elements.Where(n => n == slot.Source.Input || _graph.Find(n)?.Role == ElementRole.SourceDecoder).ToList();
        foreach (var name in restart)
        {
            var e = _instance!.Element(name);
            if (e is not null)
            {
                Gst.gst_element_set_state(e, GstState.GST_STATE_NULL);
            }
        }

        foreach (var name in restart)
        {
            var e = _instance!.Element(name);
            if (e is not null)
            {
                Gst.gst_element_sync_state_with_parent(e);
            }
        }
    }
}

/// <summary>What the runner's parts share about one run.</summary>
internal sealed class RunState
{
    /// <summary>Errors of the run (pipeline errors, failed sources), in order.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>EOS was sent for a stop: no source loops or reconnects any more.</summary>
    public bool EosSent { get; set; }

    /// <summary>Stop requests so far.</summary>
    public int StopRequests;
}
