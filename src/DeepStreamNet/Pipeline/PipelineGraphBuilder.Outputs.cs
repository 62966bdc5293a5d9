using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>
/// After the analytics: common_msg_conv and common_analytics_tee with the broker sinks, dsexample, then the tiler and/or
/// demuxer and one output instance (OSD + sinks) per output, with deepstream-app's sink selection rules.
/// </summary>
public sealed partial class PipelineGraphBuilder
{
    private void AddOutputs(string tail)
    {
        var sinks = _config.Sinks.Where(s => s.Type is not null).ToList();
        tail = AddBrokers(tail, sinks.Where(s => s.Type == SinkType.MsgConvBroker).ToList());
        var rendered = sinks.Where(s => s.Type != SinkType.MsgConvBroker).ToList();

        // dsexample sits before tiler_tee, so the tiled and demuxed branches both get it (deepstream_app.c:1430-1443).
        tail = AddDsExample(tail);
        switch (_config.TiledDisplay.Mode)
        {
            case TilerMode.Disabled:
                AddDemuxInstances(tail, sinks);
                break;
            case TilerMode.TilerAndDemux:
                var tee = _graph.Add("tiler_demux_tee", "tee");
                _graph.Link(tail, tee.Name);
                var tq = _graph.Add("tiler_branch_queue", "queue");
                _graph.Link(tee.Name, tq.Name, "src_%u", null);
                AddInstance(AddTiler(tq.Name), string.Empty, TiledSinks(rendered));
                var dq = _graph.Add("demux_branch_queue", "queue");
                _graph.Link(tee.Name, dq.Name, "src_%u", null);
                AddLinkToDemuxInstance(dq.Name, rendered.Where(s => s.LinkToDemux).ToList());
                break;
            default:
                AddInstance(AddTiler(tail), string.Empty, TiledSinks(rendered));
                break;
        }
    }

    /// <summary>The tiled instance is processing instance 0: sinks with source-id 0 that are not link-to-demux (deepstream_sink_bin.c:731-736).</summary>
    private static List<SinkGroup> TiledSinks(List<SinkGroup> sinks) => sinks.Where(s => s.SourceId == 0 && !s.LinkToDemux).ToList();

    private string AddTiler(string tail)
    {
        var t = _config.TiledDisplay;
        var q = _graph.Add("tiled_display_queue", "queue");
        if (t.Mode == TilerMode.Identity)
        {
            // enable=3: tiled_display_identity instead of the tiler (deepstream_tiled_display_bin.c:42-46).
            var id = _graph.Add("tiled_display_identity", "identity");
            _graph.Chain(tail, q.Name, id.Name);
            return id.Name;
        }

        var (rows, columns) = t.GridFor(_config.SourceCount);
        var e = _graph.Add("tiled_display_tiler", _factories.Tiler, ElementRole.Tiler);
        e.Set("rows", GraphValue.OfUInt((uint)rows)).Set("columns", GraphValue.OfUInt((uint)columns));
        if (t.Width > 0 && t.Height > 0)
        {
            e.Set("width", GraphValue.OfUInt((uint)t.Width)).Set("height", GraphValue.OfUInt((uint)t.Height));
        }

        if (_ds)
        {
            e.Set("gpu-id", GraphValue.OfUInt((uint)t.GpuId)).Set("nvbuf-memory-type", t.NvbufMemoryType);
            if (t.BufferPoolSize > 0)
            {
                e.Set("buffer-pool-size", GraphValue.OfUInt((uint)t.BufferPoolSize)); // :64-65
            }

            if (t.ComputeHw != 0 && _graph.Platform == TargetPlatform.Jetson)
            {
                e.Set("compute-hw", t.ComputeHw); // #ifdef IS_TEGRA, :67-70
            }
        }

        _graph.Chain(tail, q.Name, e.Name);
        return e.Name;
    }

    /// <summary>enable=0: one instance per source that has a sink not marked link-to-demux (deepstream_app.c:1375-1410).</summary>
    private void AddDemuxInstances(string tail, List<SinkGroup> sinks)
    {
        var demux = _graph.Add("demuxer", _factories.Demuxer, ElementRole.Demuxer);
        _graph.Link(tail, demux.Name);
        for (var id = 0; id < _config.SourceCount; id++)
        {
            var own = sinks.Where(s => s.SourceId == id && !s.LinkToDemux).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var q = _graph.Add($"demux_queue_{id}", "queue");
            _graph.Link(demux.Name, q.Name, $"src_{id}", null);
            AddInstance(q.Name, $"_{id}", own.Where(s => s.Type != SinkType.MsgConvBroker).ToList());
        }
    }

    /// <summary>enable=2: every link-to-demux sink, fed from the demuxer pad of the first one's source-id (deepstream_app.c:1300-1318).</summary>
    private void AddLinkToDemuxInstance(string tail, List<SinkGroup> sinks)
    {
        var demux = _graph.Add("demuxer", _factories.Demuxer, ElementRole.Demuxer);
        _graph.Link(tail, demux.Name);
        if (sinks.Count == 0)
        {
            return;
        }

        var id = sinks[0].SourceId;
        if (id < 0 || id >= _config.SourceCount)
        {
            return; // no such source: validation warned
        }

        var q = _graph.Add($"demux_queue_{id}", "queue");
        _graph.Link(demux.Name, q.Name, $"src_{id}", null);
        AddInstance(q.Name, $"_{id}", sinks);
    }

    /// <summary>One output instance: OSD (when enabled), then a tee feeding every sink of the instance, or a fakesink when none.</summary>
    private void AddInstance(string tail, string suffix, List<SinkGroup> sinks)
    {
        if (_config.Osd.Enable)
        {
            tail = AddOsd(tail, suffix);
        }

        var tee = _graph.Add($"sink_bin_tee{suffix}", "tee", ElementRole.OutputTee);
        _graph.Link(tail, tee.Name);
        if (sinks.Count == 0)
        {
            // deepstream_sink_bin.c:778-788: an instance without a sink of its own gets a fakesink.
            var q = _graph.Add($"sink_fake_queue{suffix}", "queue");
            var fake = _graph.Add($"sink_fake{suffix}", "fakesink", ElementRole.Sink).Set("sync", false).Set("async", false);
            fake.Note = "no enabled sink for this output: deepstream-app's fallback fakesink";
            _graph.Link(tee.Name, q.Name, "src_%u", null);
            _graph.Link(q.Name, fake.Name);
            return;
        }

        foreach (var s in sinks)
        {
            var q = _graph.Add($"{s.Name}_queue", "queue");
            _graph.Link(tee.Name, q.Name, "src_%u", null);
            AddSink(s, q.Name);
        }
    }

    private string AddOsd(string tail, string suffix)
    {
        var o = _config.Osd;
        var q = _graph.Add($"osd_queue{suffix}", "queue");
        var conv = _ds ? _graph.Add($"osd_conv{suffix}", "nvvideoconvert") : null;
        conv?.Set("gpu-id", GraphValue.OfUInt((uint)o.GpuId)).Set("nvbuf-memory-type", o.NvbufMemoryType);
        var osd = _graph.Add($"nvosd{suffix}", _factories.Osd, ElementRole.Osd);
        if (_ds)
        {
            osd.Set("gpu-id", GraphValue.OfUInt((uint)o.GpuId));
            osd.Set("process-mode", GraphValue.Enum(((int)o.ProcessMode).ToString(CultureInfo.InvariantCulture)));
            if (o.ProcessMode == OsdProcessMode.HwOrNone && _graph.Platform != TargetPlatform.Jetson)
            {
                // gstnvdsosd.c:88-100: MODE_NONE (2) exists only on Tegra; g_object_set warns and keeps the default.
                BackendWarning(o.Group, "process-mode", "process-mode=2 exists only on Jetson's nvdsosd: on dGPU the element keeps its default mode");
            }
        }

        osd.Set("display-text", o.DisplayText).Set("display-bbox", o.DisplayBbox);
        if (_ds)
        {
            osd.Set("display-mask", o.DisplayMask);

            // deepstream_osd_bin.c:28-31, 63-66: the clock properties are always set, alpha forced to opaque.
            osd.Set("display-clock", o.ShowClock);
            osd.Set("clock-font", o.Font ?? "DEFAULT_FONT");
            osd.Set("clock-font-size", GraphValue.OfUInt((uint)o.ClockTextSize));
            osd.Set("x-clock-offset", GraphValue.OfUInt((uint)o.ClockXOffset)).Set("y-clock-offset", GraphValue.OfUInt((uint)o.ClockYOffset));
            var cc = o.ClockColor ?? default;
            osd.Set("clock-color", GraphValue.OfUInt(PackColour(cc with { A = 1 })));
            if (o.ProcessMode == OsdProcessMode.HwOrNone && o.HwBlendColorAttr is not null)
            {
                // :79-81; DeepStream 6.3's nvdsosd has no such property: the runner warns like g_object_set.
                osd.Set("hw-blend-color-attr", o.HwBlendColorAttr);
            }
        }
        else if (o.ShowClock)
        {
            osd.Set("display-clock", true);
            osd.Set("clock-font-size", GraphValue.OfUInt((uint)o.ClockTextSize));
            osd.Set("x-clock-offset", GraphValue.OfUInt((uint)o.ClockXOffset)).Set("y-clock-offset", GraphValue.OfUInt((uint)o.ClockYOffset));
            if (o.ClockColor is { } cc)
            {
                osd.Set("clock-color", GraphValue.OfUInt(PackColour(cc)));
            }
        }

        if (conv is not null)
        {
            _graph.Chain(tail, q.Name, conv.Name, osd.Name);
        }
        else
        {
            _graph.Chain(tail, q.Name, osd.Name);
        }

        return osd.Name;
    }

    /// <summary>nvdsosd packs colours as 0xRRGGBBAA.</summary>
    internal static uint PackColour(Rgba c)
    {
        static uint B(double v) => (uint)Math.Clamp(Math.Round(v * 255), 0, 255);
        return (B(c.R) << 24) | (B(c.G) << 16) | (B(c.B) << 8) | B(c.A);
    }
}
