using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runtime;

/// <summary>Running: the main-loop thread, the bus, stop requests, per-source errors, looping and reconnection.</summary>
public sealed unsafe partial class PipelineRunner
{
    /// <summary>
    /// Plays the pipeline on a dedicated thread running a GLib main loop (bus watch, RTSP servers) and completes when
    /// the run ends: EOS, a pipeline error, or a stop request. Cancelling <paramref name="cancellationToken"/> is a
    /// stop request (EOS first so files are finalised; a second request stops at once).
    /// </summary>
    public Task<RunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_pipeline is null)
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
    /// the sinks; a second stops at once.</summary>
    public void RequestStop()
    {
        var n = Interlocked.Increment(ref _stopRequests);
        Post(() =>
        {
            _outcome ??= RunOutcome.Stopped;
            if (n == 1)
            {
                _log.LogInformation("stop requested: sending EOS (waiting up to {Seconds} s for the sinks to finish)", StopTimeout.TotalSeconds);
                SendEos();
                _stopTimer = new Timer(_ => Post(() =>
                {
                    _log.LogWarning("EOS did not reach the sinks within {Seconds} s: stopping now", StopTimeout.TotalSeconds);
                    Quit();
                }), null, StopTimeout, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _log.LogWarning("second stop request: stopping without waiting for EOS");
                Quit();
            }
        });
    }

    private void SendEos()
    {
        if (_eosSent)
        {
            return;
        }

        _eosSent = true;

        // Into every muxer pad of a running source (uridecodebin/rtspsrc may ignore EOS sent to the pipeline
        // while they are reconnecting or looping); looping and reconnection stop first.
        foreach (var slot in _sources.Where(s => !s.Failed && !s.Ended))
        {
            slot.Ended = true;
            if (_muxPads.TryGetValue(slot.Index, out var pad))
            {
                Gst.gst_pad_send_event((GstPad*)pad, Gst.gst_event_new_eos());
            }
        }

        if (_muxPads.Count == 0)
        {
            Gst.gst_element_send_event(Pipeline, Gst.gst_event_new_eos());
        }
    }

    private RunResult RunLoop()
    {
        _context = GLib.g_main_context_new();
        GLib.g_main_context_push_thread_default(_context);
        _loop = GLib.g_main_loop_new(_context, false);
        var bus = Gst.gst_pipeline_get_bus((GstPipeline*)Pipeline);
        var watch = Gst.gst_bus_add_watch(bus, &OnBusMessage, (void*)GCHandle.ToIntPtr(_self));
        try
        {
            foreach (var spec in Graph.RtspServers)
            {
                _rtspServers.Add(new RtspServerHost(spec, _context));
                _log.LogInformation("RTSP output of [{Sink}] at {Url}", spec.Sink, spec.Url);
            }

            if (_sources.Any(s => s.IsRtsp && s.ReconnectIntervalSec > 0))
            {
                _watchdog = new Timer(_ => Post(CheckRtspSources), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            }

            if (HeapTrimInterval > TimeSpan.Zero)
            {
                _heapTrim = new Timer(_ => NativeHeapTrimmer.Trim(), null, HeapTrimInterval, HeapTrimInterval);
            }

            var now = Stopwatch.GetTimestamp();
            foreach (var s in _sources)
            {
                Interlocked.Exchange(ref s.LastDataTicks, now);
            }

            var r = Gst.gst_element_set_state(Pipeline, GstState.GST_STATE_PLAYING);
            if (r == GstStateChangeReturn.GST_STATE_CHANGE_FAILURE)
            {
                // The bus holds the element's error: let the loop report it (or isolate the source).
                _log.LogDebug("pipeline refused PLAYING; errors follow on the bus");
            }

            if (_stopRequests > 0)
            {
                _outcome ??= RunOutcome.Stopped;
                SendEos();
            }

            if (_outcome is null || _stopRequests > 0)
            {
                GLib.g_main_loop_run(_loop);
            }
        }
        finally
        {
            _watchdog?.Dispose();
            _heapTrim?.Dispose();
            _stopTimer?.Dispose();
            DrainPosted();
            Gst.gst_element_set_state(Pipeline, GstState.GST_STATE_NULL);
            foreach (var server in _rtspServers)
            {
                server.Dispose();
            }

            _rtspServers.Clear();
            var source = GLib.g_main_context_find_source_by_id(_context, watch);
            if (source is not null)
            {
                GLib.g_source_destroy(source);
            }

            Gst.gst_object_unref(bus);
            GLib.g_main_context_pop_thread_default(_context);
            GLib.g_main_loop_unref(_loop);
            _loop = null;
            GLib.g_main_context_unref(_context);
            _context = null;
        }

        var outcome = _outcome ?? RunOutcome.EndOfStream;
        if (outcome != RunOutcome.Error && _sources.Count > 0 && _sources.All(s => s.Failed))
        {
            outcome = RunOutcome.Error;
        }

        return new RunResult(outcome, [.. _errors], _sources.Where(s => s.Failed).Select(s => s.Describe()).ToList());
    }

    private void Quit()
    {
        if (_loop is not null)
        {
            GLib.g_main_loop_quit(_loop);
        }
    }

    /// <summary>Runs <paramref name="action"/> on the main-loop thread (or drops it when no loop runs).</summary>
    internal void Post(Action action)
    {
        _posted.Enqueue(action);
        var ctx = _context;
        if (ctx is not null && _self.IsAllocated)
        {
            GLib.g_main_context_invoke(ctx, &OnInvoke, (void*)GCHandle.ToIntPtr(_self));
        }
    }

    private void DrainPosted()
    {
        while (_posted.TryDequeue(out var a))
        {
            try
            {
                a();
            }
#pragma warning disable CA1031 // a failing action must not stop the loop
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.LogError(ex, "main-loop action failed");
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnInvoke(void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is PipelineRunner r)
        {
            r.DrainPosted();
        }

        return 0; // G_SOURCE_REMOVE
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusMessage(GstBus* bus, GstMessage* message, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is PipelineRunner r)
        {
            try
            {
                r.HandleMessage(message);
            }
#pragma warning disable CA1031 // nothing may unwind into GLib
            catch (Exception ex)
#pragma warning restore CA1031
            {
                r._log.LogError(ex, "bus message handling failed");
            }
        }

        return 1; // keep the watch
    }

    private void HandleMessage(GstMessage* m)
    {
        var path = m->src is null ? "?" : NativeText.Take(Gst.gst_object_get_path_string(m->src)) ?? "?";
        if (m->src is not null && !InPipeline(m->src))
        {
            // Posted by an element of a source already taken out of the pipeline (its last words).
            _log.LogDebug("message {Type} from removed element {Path} ignored", m->type, path);
            return;
        }

        switch (m->type)
        {
            case GstMessageType.GST_MESSAGE_EOS:
                _log.LogInformation("end of stream");
                _outcome ??= RunOutcome.EndOfStream;
                Quit();
                break;
            case GstMessageType.GST_MESSAGE_ERROR:
            {
                var (text, debug) = ParseError(m, warning: false);
                var slot = SourceOf(m->src);
                if (slot is not null)
                {
                    OnSourceError(slot, $"{path}: {text}", debug);
                }
                else
                {
                    var message = $"{path}: {text}";
                    _errors.Add(message);
                    _log.LogError("pipeline error: {Message} ({Debug})", message, debug);
                    _outcome = RunOutcome.Error;
                    Quit();
                }

                break;
            }

            case GstMessageType.GST_MESSAGE_WARNING:
            {
                var (text, debug) = ParseError(m, warning: true);
                var slot = SourceOf(m->src);
                _log.LogWarning("{Where}: {Message} ({Debug})", slot is null ? path : $"{slot.Describe()}: {path}", text, debug);
                break;
            }

            case GstMessageType.GST_MESSAGE_ELEMENT:
            {
                var s = Gst.gst_message_get_structure(m);
                if (s is not null)
                {
                    var name = NativeText.From(Gst.gst_structure_get_name(s));
                    if (name == "stream-eos")
                    {
                        uint id = 0;
                        using var field = new Utf8Z("stream-id");
                        Gst.gst_structure_get_uint(s, field.P, &id);
                        var index = (int)id;
                        var slot = _sources.FirstOrDefault(x => x.Index == index);
                        _log.LogInformation("{Source}: end of stream", slot?.Describe() ?? $"source {id}");
                    }
                }

                break;
            }

            case GstMessageType.GST_MESSAGE_STATE_CHANGED when m->src == (GstObject*)Pipeline:
            {
                GstState oldState, newState, pending;
                Gst.gst_message_parse_state_changed(m, &oldState, &newState, &pending);
                _log.LogDebug("pipeline {Old} -> {New}", oldState, newState);
                break;
            }
        }
    }

    private static (string Text, string? Debug) ParseError(GstMessage* m, bool warning)
    {
        GError* error = null;
        byte* debug = null;
        if (warning)
        {
            Gst.gst_message_parse_warning(m, &error, &debug);
        }
        else
        {
            Gst.gst_message_parse_error(m, &error, &debug);
        }

        var text = error is null ? "unknown error" : NativeText.From(error->message) ?? "unknown error";
        if (error is not null)
        {
            GLib.g_error_free(error);
        }

        return (text, NativeText.Take(debug));
    }

    private bool InPipeline(GstObject* obj)
    {
        for (var o = obj; o is not null; o = o->parent)
        {
            if (o == (GstObject*)Pipeline)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The source whose bin holds <paramref name="obj"/> (walking up to the pipeline's direct child).</summary>
    private SourceSlot? SourceOf(GstObject* obj)
    {
        for (var o = obj; o is not null; o = o->parent)
        {
            var name = NativeText.From(o->name);
            if (name is not null)
            {
                var m = SourceElement.Match(name);
                if (m.Success && o->parent == (GstObject*)Pipeline)
                {
                    var index = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    return _sources.FirstOrDefault(s => s.Index == index);
                }
            }
        }

        return null;
    }

    private void OnSourceError(SourceSlot slot, string message, string? debug)
    {
        if (slot.Failed || slot.Ended)
        {
            _log.LogDebug("{Source}: further error ignored: {Message}", slot.Describe(), message);
            return;
        }

        if (slot.IsRtsp && slot.ReconnectIntervalSec > 0 && _stopRequests == 0)
        {
            // The watchdog reconnects once the interval passed without data (no tight retry loop on errors).
            if (slot.ErrorsSinceAttempt++ == 0)
            {
                _log.LogWarning("{Source}: {Message}; reconnecting within {Seconds} s", slot.Describe(), message, slot.ReconnectIntervalSec);
            }

            return;
        }

        var text = $"{slot.Describe()}: {message}";
        _errors.Add(text);
        _log.LogError("{Message} ({Debug}); ending this source, the others go on", text, debug);
        EndSource(slot, failed: true);
    }

    /// <summary>Takes a source's elements out of the pipeline and sends EOS into its muxer pad.</summary>
    private void EndSource(SourceSlot slot, bool failed)
    {
        slot.Failed |= failed;
        slot.Ended = true;
        foreach (var name in slot.Elements)
        {
            var e = Element(name);
            if (e is null)
            {
                continue;
            }

            Gst.gst_element_set_locked_state(e, true);
            Gst.gst_element_set_state(e, GstState.GST_STATE_NULL);
            Gst.gst_bin_remove((GstBin*)Pipeline, e);
            _elements.Remove(name);
        }

        // A source that failed while starting (a camera that cannot be opened fails NULL→READY) left the pipeline's
        // state change unfinished: ask again now that it is gone, before the EOS, so the muxer's pad is active and
        // takes it (a flushing pad would drop it, and the run would wait for a source that is gone).
        if (!_eosSent)
        {
            Gst.gst_element_set_state(Pipeline, GstState.GST_STATE_PLAYING);
        }

        if (_muxPads.TryGetValue(slot.Index, out var pad))
        {
            Gst.gst_pad_send_event((GstPad*)pad, Gst.gst_event_new_eos());
        }
    }

    /// <summary>[tests] file-loop: a file source's EOS is dropped and the source seeks back to the start.</summary>
    internal void OnSourceEos(SourceSlot slot)
    {
        Post(() =>
        {
            if (slot.Ended || _eosSent)
            {
                return;
            }

            if (slot.IsRtsp && slot.ReconnectIntervalSec > 0)
            {
                _log.LogWarning("{Source}: stream ended; reconnecting within {Seconds} s", slot.Describe(), slot.ReconnectIntervalSec);
                return;
            }

            var src = Element($"src_bin_{slot.Index}_src");
            _log.LogInformation("{Source}: end of file, looping", slot.Describe());

            // The seek restarts the file's timestamps at 0: shift the running time by what was played so far so
            // the muxer, encoders and file muxers see time go on.
            slot.LoopOffset += Interlocked.Read(ref slot.LastEnd);
            Interlocked.Exchange(ref slot.LastEnd, 0);
            if (slot.Last is not null && FindPad(slot.Last, "src") is var feed && feed is not null)
            {
                Gst.gst_pad_set_offset(feed, slot.LoopOffset);
            }

            if (src is null || !Gst.gst_element_seek_simple(src, GstFormat.GST_FORMAT_TIME, GstSeekFlags.GST_SEEK_FLAG_FLUSH | GstSeekFlags.GST_SEEK_FLAG_KEY_UNIT, 0))
            {
                _log.LogWarning("{Source}: seek to the start failed; ending the source", slot.Describe());
                slot.Ended = true;
                if (_muxPads.TryGetValue(slot.Index, out var pad))
                {
                    Gst.gst_pad_send_event((GstPad*)pad, Gst.gst_event_new_eos());
                }
            }
        });
    }

    /// <summary>Whether a source loops ([tests] file-loop on a file source still running).</summary>
    internal bool LoopsFile(SourceSlot slot) => Graph.RunOptions.FileLoop && slot.IsFile && !slot.Ended;

    /// <summary>Whether a source's EOS must be held back (looping files, reconnecting RTSP).</summary>
    internal bool HoldsEos(SourceSlot slot) =>
        !_eosSent && !slot.Ended && ((Graph.RunOptions.FileLoop && slot.IsFile) || (slot.IsRtsp && slot.ReconnectIntervalSec > 0));

    private void CheckRtspSources()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var slot in _sources.Where(s => s.IsRtsp && s.ReconnectIntervalSec > 0 && !s.Ended && !s.Failed))
        {
            var idle = Stopwatch.GetElapsedTime(Interlocked.Read(ref slot.LastDataTicks), now);
            if (idle.TotalSeconds >= slot.ReconnectIntervalSec)
            {
                _log.LogWarning("{Source}: no data for {Seconds:F0} s", slot.Describe(), idle.TotalSeconds);
                Reconnect(slot);
            }
        }
    }

    private void Reconnect(SourceSlot slot)
    {
        if (_eosSent || slot.Ended)
        {
            return;
        }

        if (slot.ReconnectAttempts >= 0 && slot.ReconnectsDone >= slot.ReconnectAttempts)
        {
            var text = $"{slot.Describe()}: gave up after {slot.ReconnectsDone} reconnection attempt(s)";
            _errors.Add(text);
            _log.LogError("{Message}; ending this source", text);
            EndSource(slot, failed: true);
            return;
        }

        slot.ReconnectsDone++;
        slot.ErrorsSinceAttempt = 0;
        _log.LogWarning("{Source}: reconnection attempt {Attempt}{Of}", slot.Describe(), slot.ReconnectsDone,
            slot.ReconnectAttempts < 0 ? "" : $" of {slot.ReconnectAttempts}");
        Interlocked.Exchange(ref slot.LastDataTicks, Stopwatch.GetTimestamp());

        // Down to NULL and back: rtspsrc reconnects, decodebin re-exposes its pads and pad-added relinks them.
        foreach (var name in slot.Elements.Where(n => n != slot.Last && n.EndsWith("_src", StringComparison.Ordinal) || n.EndsWith("_decodebin", StringComparison.Ordinal)))
        {
            var e = Element(name);
            if (e is not null)
            {
                Gst.gst_element_set_state(e, GstState.GST_STATE_NULL);
            }
        }

        foreach (var name in slot.Elements.Where(n => n.EndsWith("_src", StringComparison.Ordinal) || n.EndsWith("_decodebin", StringComparison.Ordinal)))
        {
            var e = Element(name);
            if (e is not null)
            {
                Gst.gst_element_sync_state_with_parent(e);
            }
        }
    }

    /// <summary>Buffer/event probe on the element that feeds the muxer: data time for the RTSP watchdog, EOS for
    /// looping and reconnection.</summary>
    private sealed class SourceWatch : PadProbe
    {
        private readonly PipelineRunner _runner;
        private readonly SourceSlot _slot;

        public SourceWatch(PipelineRunner runner, SourceSlot slot, ILogger logger)
            : base(logger)
        {
            _runner = runner;
            _slot = slot;
        }

        protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
        {
            if (((uint)info->type & (uint)GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER) != 0)
            {
                Interlocked.Exchange(ref _slot.LastDataTicks, Stopwatch.GetTimestamp());
                var b = Gst.gst_pad_probe_info_get_buffer(info);
                if (b is not null && b->pts != ulong.MaxValue)
                {
                    var end = (long)(b->pts + (b->duration == ulong.MaxValue ? 0 : b->duration));
                    if (end > Interlocked.Read(ref _slot.LastEnd))
                    {
                        Interlocked.Exchange(ref _slot.LastEnd, end);
                    }
                }

                return GstPadProbeReturn.GST_PAD_PROBE_OK;
            }

            var ev = Gst.gst_pad_probe_info_get_event(info);

            // The loop's flushing seek must stay inside the source branch: a flush reaching the muxer would travel
            // on to the encoder and file muxer and throw away what they hold (the MP4 lost earlier passes). The
            // SEGMENT that follows the seek still goes through, shifted by the pad offset.
            if (ev is not null && (ev->type == GstEventType.GST_EVENT_FLUSH_START || ev->type == GstEventType.GST_EVENT_FLUSH_STOP)
                && _runner.LoopsFile(_slot))
            {
                return GstPadProbeReturn.GST_PAD_PROBE_DROP;
            }

            if (ev is not null && ev->type == GstEventType.GST_EVENT_EOS && _runner.HoldsEos(_slot))
            {
                _runner.OnSourceEos(_slot);
                return GstPadProbeReturn.GST_PAD_PROBE_DROP;
            }

            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }
    }
}
