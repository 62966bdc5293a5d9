using System.Diagnostics;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>Buffer/event probe on the element that feeds the muxer: data time for the RTSP watchdog, EOS for looping
/// and reconnection, and the loop's flushes kept inside the source.</summary>
internal sealed unsafe class SourceWatch(SourceSupervisor supervisor, SourceSlot slot, ILogger logger) : PadProbe(logger)
{
    protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
    {
        if (((uint)info->type & (uint)GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER) != 0)
        {
            Interlocked.Exchange(ref slot.LastDataTicks, Stopwatch.GetTimestamp());
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

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }
}
