using System.Globalization;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>Playing: the main-loop thread, the bus, stop requests, RTSP output servers and the heap trim.</summary>
public sealed unsafe partial class PipelineRunner
{
    private RunOutcome? _outcome;
    private Timer? _stopTimer;
    private bool _eosReachedSinks;
    private bool _stopForced;
    private bool _abandoned;

    /// <summary>
    /// Plays the pipeline on a dedicated thread running a GLib main loop (bus watch, RTSP servers) and completes when
    /// the run ends: EOS, a pipeline error, or a stop request. Cancelling <paramref name="cancellationToken"/> is a
    /// stop request (EOS first so files are finalised; a second request stops at once).
    /// </summary>
    public Task<RunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_instance is null)
        {
            Build();
        }

        var done = new TaskCompletionSource<RunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(RunLoop());
            }
#pragma warning disable CA1031 // the failure goes to the awaiting caller
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "dsnet-main-loop",
        };
        thread.Start();
        var registration = cancellationToken.Register(() => RequestStop());
        _ = done.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        return done.Task;
    }

    /// <summary>Stop request: the first sends EOS and waits (bounded by <see cref="StopTimeout"/>) for it to reach
    /// the sinks, then stops by force with a message; a second one still lets the outputs be finalised (it only says
    /// so); a third stops at once. Never blocks: EOS goes into the pads from threads of their own.</summary>
    public void RequestStop()
    {
        var n = Interlocked.Increment(ref _state.StopRequests);
        _loop.Post(() =>
        {
            _outcome ??= RunOutcome.Stopped;
            if (n == 1)
            {
                _log.LogInformation("stop requested: sending EOS (waiting up to {Seconds} s for the sinks to finish)", StopTimeout.TotalSeconds);
                SendEos();
                _stopTimer = new Timer(_ => _loop.Post(() =>
                {
                    _log.LogWarning("EOS did not reach the sinks within {Seconds} s: stopping by force (file outputs are not finalised)", StopTimeout.TotalSeconds);
                    _stopForced = true;
                    _loop.Quit();
                }), null, StopTimeout, Timeout.InfiniteTimeSpan);
            }
            else if (n == 2)
            {
                _log.LogWarning("second stop request: still finalising the outputs (at most {Seconds} s); a third request stops at once without finalising",
                    StopTimeout.TotalSeconds);
            }
            else
            {
                _log.LogWarning("stop request {N}: stopping now without waiting for EOS (file outputs are not finalised)", n);
                _stopForced = true;
                _loop.Quit();
            }
        });
    }

    private void SendEos()
    {
        if (_state.EosSent)
        {
            return;
        }

        _state.EosSent = true;

        // Into every muxer pad of a running source (uridecodebin/rtspsrc may ignore EOS sent to the pipeline while
        // they are reconnecting or looping).
        if (!_sources.EndAll())
        {
            Gst.gst_element_send_event(Pipeline, Gst.gst_event_new_eos());
        }
    }

    private RunResult RunLoop()
    {
        var rtspServers = new List<RtspServerHost>();
        Timer? heapTrim = null;
        _loop.Enter();
        using var bus = new GstObjectHandle(Gst.gst_pipeline_get_bus((GstPipeline*)Pipeline));
        _loop.WatchBus((GstBus*)bus.Raw, HandleMessage);
        try
        {
            foreach (var spec in Graph.RtspServers)
            {
                var launch = string.Create(CultureInfo.InvariantCulture,
                    $"( udpsrc name=pay0 port={spec.UdpPort} buffer-size={spec.UdpBufferSize} caps=\"application/x-rtp, media=video, clock-rate=90000, encoding-name={spec.EncodingName}, payload=96\" )");
                rtspServers.Add(new RtspServerHost($"[{spec.Sink}]", spec.Port, spec.MountPoint, launch, _loop.Context));
                _log.LogInformation("RTSP output of [{Sink}] at {Url}", spec.Sink, spec.Url);
            }

            _sources.Start();
            if (HeapTrimInterval > TimeSpan.Zero)
            {
                NativeHeapTrimmer.ConfigureAllocator(); // before PLAYING: the streaming threads start sharing arenas
                heapTrim = new Timer(_ => NativeHeapTrimmer.Trim(), null, HeapTrimInterval, HeapTrimInterval);
            }

            if (Gst.gst_element_set_state(Pipeline, GstState.GST_STATE_PLAYING) == GstStateChangeReturn.GST_STATE_CHANGE_FAILURE)
            {
                // The bus holds the element's error: let the loop report it (or isolate the source).
                _log.LogDebug("pipeline refused PLAYING; errors follow on the bus");
            }

            _sources.StartStallWatch(SourceStallTimeout);

            if (Volatile.Read(ref _state.StopRequests) > 0)
            {
                _outcome ??= RunOutcome.Stopped;
                SendEos();
            }

            if (_outcome is null || Volatile.Read(ref _state.StopRequests) > 0)
            {
                _loop.Run();
            }
        }
        finally
        {
            _sources.Dispose();
            heapTrim?.Dispose();
            _stopTimer?.Dispose();
            _loop.Leave();
            _abandoned = !BoundedStop.ToNull(Pipeline, TeardownTimeout, _log);
            _outputs?.Complete(_eosReachedSinks && !_stopForced);
            foreach (var server in rtspServers)
            {
                server.Dispose();
            }
        }

        var outcome = _outcome ?? RunOutcome.EndOfStream;
        if (outcome != RunOutcome.Error && _sources.AllFailed)
        {
            outcome = RunOutcome.Error;
        }

        return new RunResult(outcome, [.. _state.Errors], _sources.Slots.Where(s => s.Failed).Select(s => s.Describe()).ToList())
        {
            StopForced = _stopForced || (_abandoned && outcome != RunOutcome.Error),
        };
    }

    private void HandleMessage(GstMessage* m)
    {
        var path = m->src is null ? "?" : NativeText.Take(Gst.gst_object_get_path_string(m->src)) ?? "?";
        if (m->src is not null && !_instance!.Contains(m->src))
        {
            // Posted by an element of a source already taken out of the pipeline (its last words).
            _log.LogDebug("message {Type} from removed element {Path} ignored", m->type, path);
            return;
        }

        switch (m->type)
        {
            case GstMessageType.GST_MESSAGE_EOS:
                _log.LogInformation("end of stream");
                _eosReachedSinks = true;
                _outcome ??= RunOutcome.EndOfStream;
                _loop.Quit();
                break;
            case GstMessageType.GST_MESSAGE_ERROR:
            {
                var (text, debug) = GstErrors.Parse(m);
                if (_sources.SourceOf(m->src) is { } slot)
                {
                    _sources.OnError(slot, $"{path}: {text}", debug);
                }
                else
                {
                    var message = $"{path}: {text}";
                    _state.Errors.Add(message);
                    _log.LogError("pipeline error: {Message} ({Debug})", message, debug);
                    _outcome = RunOutcome.Error;
                    _loop.Quit();
                }

                break;
            }

            case GstMessageType.GST_MESSAGE_WARNING:
            {
                var (text, debug) = GstErrors.Parse(m, warning: true);
                var slot = _sources.SourceOf(m->src);
                _log.LogWarning("{Where}: {Message} ({Debug})", slot is null ? path : $"{slot.Describe()}: {path}", text, debug);
                break;
            }

            case GstMessageType.GST_MESSAGE_ELEMENT when StreamEosId(m) is { } id:
                _log.LogInformation("{Source}: end of stream", _sources.Describe(id));
                OnStreamEos(id);
                break;
            case GstMessageType.GST_MESSAGE_STATE_CHANGED when m->src == (GstObject*)Pipeline:
            {
                GstState oldState, newState, pending;
                Gst.gst_message_parse_state_changed(m, &oldState, &newState, &pending);
                _log.LogDebug("pipeline {Old} -> {New}", oldState, newState);
                break;
            }
        }
    }

    /// <summary>The source id of the muxer's per-stream <c>stream-eos</c> element message, or null for other messages.</summary>
    private static int? StreamEosId(GstMessage* m)
    {
        var s = Gst.gst_message_get_structure(m);
        if (s is null || NativeText.From(Gst.gst_structure_get_name(s)) != "stream-eos")
        {
            return null;
        }

        uint id = 0;
        using var field = new Utf8Z("stream-id");
        Gst.gst_structure_get_uint(s, field.P, &id);
        return (int)id;
    }
}
