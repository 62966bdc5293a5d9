using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>Tiler / demuxer, output instances (OSD + sink tee) and sink bins per sink type.</summary>
public sealed partial class PipelineGraphBuilder
{
    private void AddOutputs(string tail)
    {
        var sinks = _config.Sinks.Where(s => s.Type is not null).ToList();
        switch (_config.TiledDisplay.Mode)
        {
            case TilerMode.Tiler:
                AddInstance(AddTiler(AddDsExample(tail)), string.Empty, sinks);
                break;
            case TilerMode.Disabled:
                AddDemuxInstances(AddDsExample(tail), sinks, firstOnly: false);
                break;
            default:
                var demuxSinks = sinks.Where(s => s.LinkToDemux).Take(1).ToList();
                var tee = _graph.Add("tiler_demux_tee", "tee");
                _graph.Link(tail, tee.Name);
                var tq = _graph.Add("tiler_branch_queue", "queue");
                _graph.Link(tee.Name, tq.Name, "src_%u", null);
                AddInstance(AddTiler(AddDsExample(tq.Name)), string.Empty, sinks.Where(s => !s.LinkToDemux).ToList());
                var dq = _graph.Add("demux_branch_queue", "queue");
                _graph.Link(tee.Name, dq.Name, "src_%u", null);
                AddDemuxInstances(dq.Name, demuxSinks, firstOnly: true);
                break;
        }
    }

    private string AddDsExample(string tail) => AddAuxiliary(tail, GroupKind.DsExample, "dsexample", "dsexample");

    private string AddTiler(string tail)
    {
        var t = _config.TiledDisplay;
        var (rows, columns) = t.GridFor(_config.SourceCount);
        var q = _graph.Add("tiled_display_queue", "queue");
        var e = _graph.Add("tiled_display_tiler", _factories.Tiler, ElementRole.Tiler);
        e.Set("rows", GraphValue.OfUInt((uint)rows)).Set("columns", GraphValue.OfUInt((uint)columns));
        e.Set("width", GraphValue.OfUInt((uint)t.Width)).Set("height", GraphValue.OfUInt((uint)t.Height));
        if (_ds)
        {
            e.Set("gpu-id", GraphValue.OfUInt((uint)t.GpuId)).Set("nvbuf-memory-type", t.NvbufMemoryType);
            if (t.ComputeHw != 0)
            {
                e.Set("compute-hw", t.ComputeHw);
            }
        }

        _graph.Chain(tail, q.Name, e.Name);
        return e.Name;
    }

    private void AddDemuxInstances(string tail, List<SinkGroup> sinks, bool firstOnly)
    {
        var demux = _graph.Add("demuxer", _factories.Demuxer, ElementRole.Demuxer);
        _graph.Link(tail, demux.Name);
        foreach (var group in sinks.GroupBy(s => s.SourceId).Take(firstOnly ? 1 : int.MaxValue))
        {
            var id = group.Key;
            if (id < 0 || id >= _config.SourceCount)
            {
                continue; // no such source: validation warned
            }

            var q = _graph.Add($"demux_queue_{id}", "queue");
            _graph.Link(demux.Name, q.Name, $"src_{id}", null);
            AddInstance(q.Name, $"_{id}", group.ToList());
        }
    }

    /// <summary>One output instance: OSD (when enabled), then a tee feeding every sink of the instance.</summary>
    private void AddInstance(string tail, string suffix, List<SinkGroup> sinks)
    {
        if (_config.Osd.Enable)
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
            }

            osd.Set("display-text", o.DisplayText).Set("display-bbox", o.DisplayBbox);
            if (_ds)
            {
                osd.Set("display-mask", o.DisplayMask);
            }

            if (o.ShowClock)
            {
                osd.Set("display-clock", true);
                osd.Set("clock-font-size", GraphValue.OfUInt((uint)o.ClockTextSize));
                osd.Set("x-clock-offset", GraphValue.OfUInt((uint)o.ClockXOffset)).Set("y-clock-offset", GraphValue.OfUInt((uint)o.ClockYOffset));
                if (o.ClockColor is { } cc)
                {
                    osd.Set("clock-color", GraphValue.OfUInt(PackColour(cc)));
                }
            }

            if (_ds && o.HwBlendColorAttr is not null)
            {
                osd.Set("hw-blend-color-attr", o.HwBlendColorAttr);
            }

            if (conv is not null)
            {
                _graph.Chain(tail, q.Name, conv.Name, osd.Name);
            }
            else
            {
                _graph.Chain(tail, q.Name, osd.Name);
            }

            tail = osd.Name;
        }

        if (sinks.Count == 0)
        {
            return;
        }

        var tee = _graph.Add($"sink_bin_tee{suffix}", "tee", ElementRole.OutputTee);
        _graph.Link(tail, tee.Name);
        foreach (var s in sinks)
        {
            var q = _graph.Add($"{s.Name}_queue", "queue");
            _graph.Link(tee.Name, q.Name, "src_%u", null);
            AddSink(s, q.Name);
        }
    }

    /// <summary>nvdsosd packs colours as 0xRRGGBBAA.</summary>
    internal static uint PackColour(Rgba c)
    {
        static uint B(double v) => (uint)Math.Clamp(Math.Round(v * 255), 0, 255);
        return (B(c.R) << 24) | (B(c.G) << 16) | (B(c.B) << 8) | B(c.A);
    }
}
