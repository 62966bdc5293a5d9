using System.Diagnostics;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// The stall watchdog: a running source that delivered no frame to the muxer for <see cref="PipelineRunner.SourceStallTimeout"/>
/// and is not blocked handing one over (its feed pad is idle: the decoder hangs, caps never came, the device stopped) is
/// reported and ended on its own, so the muxer stops waiting for it and the others go on. A source whose feed pad is
/// busy is held up downstream, not stalled (a non-live muxer waits for every source). RTSP sources with reconnection
/// are left to the reconnect watchdog. The stalled source's elements go down on a thread of their own: a hung decoder
/// must not block the main loop.
/// </summary>
internal sealed unsafe partial class SourceSupervisor
{
    private Timer? _stallWatch;
    private TimeSpan _stallTimeout;
    private bool _downstreamReported;

    /// <summary>Starts the watchdog (ticks on the main loop); the data clocks restart now, after the pipeline was set to PLAYING.</summary>
    public void StartStallWatch(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || _loop is null)
        {
            return;
        }

        _stallTimeout = timeout;
        var now = Stopwatch.GetTimestamp();
        foreach (var s in _slots)
        {
            Interlocked.Exchange(ref s.LastDataTicks, now);
        }

        var tick = TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 4, 100, 1000));
        _stallWatch = new Timer(_ => _loop?.Post(CheckStalls), null, tick, tick);
    }

    private void CheckStalls()
    {
        if (_state.EosSent || _instance is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var running = _slots.Where(s => !s.Failed && !s.Ended && !s.ReachedEos).ToList();
        var busy = 0;
        foreach (var slot in running.Where(s => !s.Reconnects))
        {
            var idle = Stopwatch.GetElapsedTime(Interlocked.Read(ref slot.LastDataTicks), now);
            if (idle < _stallTimeout)
            {
                continue;
            }

            var feed = GstPads.Static(_instance.Element(slot.Source.Feed), "src");
            if (feed is not null && !IdleCheck.IsIdle(feed, _log))
            {
                busy++;
                continue;
            }

            var text = $"{slot.Describe()}: no frame for {idle.TotalSeconds:F0} s (stalled: a decoder that hangs, caps that never came or a device that stopped)";
            _state.Errors.Add(text);
            _log.LogError("{Message}; ending this source, the others go on", text);
            EndStalled(slot);
        }

        if (busy > 0 && busy == running.Count(s => !s.Reconnects) && !_downstreamReported)
        {
            _downstreamReported = true;
            _log.LogWarning("no source delivered a frame for {Seconds:F0} s and every one is blocked handing one over: the pipeline is stalled after the muxer (inference, encoder or sink)",
                _stallTimeout.TotalSeconds);
        }
    }

    /// <summary>EOS into the stalled source's muxer pad, its elements to NULL off the main loop, then out of the pipeline.</summary>
    private void EndStalled(SourceSlot slot)
    {
        slot.Failed = true;
        slot.Ended = true;
        PadEvents.SendEosDetached(_instance!.MuxerPad(slot.Index), slot.Describe(), _log);
        var elements = slot.Source.Elements.Select(n => (Name: n, Element: (nint)_instance.Element(n))).Where(x => x.Element != 0).ToList();
        foreach (var (_, e) in elements)
        {
            Gst.gst_element_set_locked_state((GstElement*)e, true);
            Gst.gst_object_ref((void*)e);
        }

        var loop = _loop;
        var thread = new Thread(() =>
        {
            foreach (var (_, e) in elements)
            {
                Gst.gst_element_set_state((GstElement*)e, GstState.GST_STATE_NULL);
            }

            loop?.Post(() =>
            {
                _instance?.Remove(elements.Select(x => x.Name));
                foreach (var (_, e) in elements)
                {
                    Gst.gst_object_unref((void*)e);
                }
            });
        })
        {
            IsBackground = true,
            Name = "dsnet-source-down",
        };
        thread.Start();
    }

    private void DisposeStallWatch() => _stallWatch?.Dispose();

    /// <summary>Whether a pad is idle (no buffer or event is going through it) right now: an IDLE probe runs at once on an
    /// idle pad; on a busy one it would wait, so it is taken off again.</summary>
    private sealed class IdleCheck(ILogger logger) : PadProbe(logger)
    {
        private int _ran;

        public static bool IsIdle(GstPad* pad, ILogger log)
        {
            var check = new IdleCheck(log);
            var id = check.Attach(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_IDLE);
            if (Volatile.Read(ref check._ran) == 1)
            {
                return true;
            }

            // Busy: the probe waits for the current push to end; take it off (if it ran meanwhile, the pad was busy
            // at the time of the check all the same).
            if (id != 0)
            {
                Gst.gst_pad_remove_probe(pad, id);
            }

            return false;
        }

        protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
        {
            Volatile.Write(ref _ran, 1);
            return GstPadProbeReturn.GST_PAD_PROBE_REMOVE;
        }
    }
}
