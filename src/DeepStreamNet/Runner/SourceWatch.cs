using System.Diagnostics;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>Buffer/event probe on the element that feeds the muxer: data time for the RTSP watchdog, EOS for looping
/// and reconnection, the loop's flushes kept inside the source, and timestamps that do not advance (an animated GIF
/// decodes every frame at PTS 0) made to advance by the frame durations, so the muxer, encoders and file muxers see time
/// go on.</summary>
internal sealed unsafe class SourceWatch(SourceSupervisor supervisor, SourceSlot slot, ILogger logger) : PadProbe(logger)
{
    private ulong _lastInPts = ulong.MaxValue;
    private ulong _nextPts;
    private bool _retimeReported;

    protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
    {
        if (((uint)info->type & (uint)GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER) != 0)
        {
            Interlocked.Exchange(ref slot.LastDataTicks, Stopwatch.GetTimestamp());
            Volatile.Write(ref slot.Delivering, 1);
            Retime(info);
            var b = Gst.gst_pad_probe_info_get_buffer(info);
            if (b is not null && b->pts != ulong.MaxValue)
            {
                var end = (long)(b->pts + (b->duration == ulong.MaxValue ? 0 : b->duration));
                if (end > Interlocked.Read(ref slot.LastEnd))
                {
                    Interlocked.Exchange(ref slot.LastEnd, end);
                }
            }

            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        var ev = Gst.gst_pad_probe_info_get_event(info);
        if (ev is not null && (ev->type == GstEventType.GST_EVENT_FLUSH_STOP || ev->type == GstEventType.GST_EVENT_SEGMENT))
        {
            // A new segment (a loop's seek, a reconnection) starts its timestamps afresh.
            _lastInPts = ulong.MaxValue;
        }

        // The loop's flushing seek must stay inside the source branch: a flush reaching the muxer would travel on to
        // the encoder and file muxer and throw away what they hold (the MP4 lost earlier passes). The SEGMENT that
        // follows the seek still goes through, shifted by the pad offset.
        if (ev is not null && (ev->type == GstEventType.GST_EVENT_FLUSH_START || ev->type == GstEventType.GST_EVENT_FLUSH_STOP)
            && supervisor.LoopsFile(slot))
        {
            return GstPadProbeReturn.GST_PAD_PROBE_DROP;
        }

        if (ev is not null && ev->type == GstEventType.GST_EVENT_EOS && supervisor.HoldsEos(slot))
        {
            supervisor.OnSourceEos(slot);
            return GstPadProbeReturn.GST_PAD_PROBE_DROP;
        }

        if (ev is not null && ev->type == GstEventType.GST_EVENT_EOS)
        {
            slot.ReachedEos = true;
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    /// <summary>A buffer whose PTS is not after the previous one's gets the previous end as its PTS.</summary>
    private void Retime(GstPadProbeInfo* info)
    {
        var b = Gst.gst_pad_probe_info_get_buffer(info);
        if (b is null || b->pts == ulong.MaxValue)
        {
            return;
        }

        if (_lastInPts == ulong.MaxValue || b->pts > _lastInPts)
        {
            _lastInPts = b->pts;
            _nextPts = b->pts + (b->duration == ulong.MaxValue ? 0 : b->duration);
            return;
        }

        if (!_retimeReported)
        {
            _retimeReported = true;
            Logger.LogWarning("{Source}: frame timestamps do not advance (e.g. an animated GIF): frames are re-timed from their durations", slot.Describe());
        }

        var w = (GstBuffer*)Gst.gst_mini_object_make_writable((GstMiniObject*)b);
        info->data = w;
        w->pts = _nextPts;
        w->dts = ulong.MaxValue;
        _nextPts += w->duration == ulong.MaxValue || w->duration == 0 ? 40_000_000UL : w->duration;
    }
}
