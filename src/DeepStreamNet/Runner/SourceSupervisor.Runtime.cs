using System.Diagnostics;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Runner;

/// <summary>Sources added while playing are supervised like the configured ones (errors end them alone, file-loop,
/// RTSP reconnection).</summary>
internal sealed unsafe partial class SourceSupervisor
{
    /// <summary>Takes the slot of a source just added to the playing pipeline and watches its feed pad (main-loop thread).</summary>
    public void AddRuntime(SourceSlot slot, List<PadProbe> probes)
    {
        _slots.Add(slot);
        Interlocked.Exchange(ref slot.LastDataTicks, Stopwatch.GetTimestamp());
        var pad = GstPads.Static(_instance!.Element(slot.Source.Feed), "src");
        if (pad is not null)
        {
            var watch = new SourceWatch(this, slot, _log);
            watch.Attach(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER | GstPadProbeType.GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM
                | GstPadProbeType.GST_PAD_PROBE_TYPE_EVENT_FLUSH);
            probes.Add(watch);
        }

        if (slot.Reconnects && _watchdog is null)
        {
            _watchdog = new Timer(_ => _loop?.Post(CheckRtspSources), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }
}
