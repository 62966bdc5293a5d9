using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>
/// What deepstream-app puts between the analytics and the tiler: <c>common_msg_conv</c> ([message-converter]),
/// <c>common_analytics_tee</c> with the type-6 broker sinks (deepstream_app.c:771-811, 1085-1118), and the dsexample bin.
/// </summary>
public sealed partial class PipelineGraphBuilder
{
    /// <summary>Adds common_msg_conv and, for broker sinks, common_analytics_tee; returns the new tail.</summary>
    private string AddBrokers(string tail, List<SinkGroup> brokers)
    {
        if (_config.MessageConverter is { Enable: true } mc)
        {
            if (_ds)
            {
                var conv = _graph.Add("common_msg_conv", "nvmsgconv");
                SetMsgConv(conv, mc);
                _graph.Link(tail, conv.Name);
                tail = conv.Name;
            }
            else
            {
                _report.Warning(_config.Path, 0, "message-converter", null, "[message-converter] has no portable element: type-6 sinks convert their own events (DeepStreamNet.Service)");
            }
        }

        if (brokers.Count == 0)
        {
            return tail;
        }

        var tee = _graph.Add("common_analytics_tee", "tee");
        _graph.Link(tail, tee.Name);
        foreach (var s in brokers)
        {
            // deepstream_sink_bin.c:226-233: a leaky queue of 20 buffers, so a slow broker drops messages, not frames.
            var q = _graph.Add($"{s.Name}_queue", "queue").Set("leaky", GraphValue.Enum("downstream")).Set("max-size-buffers", GraphValue.OfUInt(20));
            _graph.Link(tee.Name, q.Name, "src_%u", null);
            AddMsgBroker(s, q.Name);
        }

        var main = _graph.Add("common_analytics_queue", "queue");
        _graph.Link(tee.Name, main.Name, "src_%u", null);
        return main.Name;
    }

    private static void SetMsgConv(GraphElement conv, MessageConverterGroup c)
    {
        if (c.MsgConvConfig is not null)
        {
            conv.Set("config", c.MsgConvConfig);
        }

        conv.Set("payload-type", c.MsgConvPayloadType);
        conv.Set("msg2p-lib", c.MsgConvMsg2pLib ?? "null");
        conv.Set("comp-id", GraphValue.OfUInt((uint)c.MsgConvCompId));
        if (c.DebugPayloadDir is not null)
        {
            conv.Set("debug-payload-dir", c.DebugPayloadDir);
        }

        conv.Set("multiple-payloads", c.MultiplePayloads).Set("msg2p-newapi", c.MsgConvMsg2pNewApi);
        conv.Set("frame-interval", GraphValue.OfUInt((uint)c.MsgConvFrameInterval));
    }

    /// <summary>
    /// deepstream_dsexample.c:46-94: queue → nvvideoconvert (gpu-id, nvbuf-memory-type) → caps (RGBA when blurring)
    /// → dsexample with its own six properties.
    /// </summary>
    private string AddDsExample(string tail)
    {
        var a = _config.Auxiliary.FirstOrDefault(a => a.Kind == GroupKind.DsExample);
        if (a is null)
        {
            return tail;
        }

        if (!_ds)
        {
            _report.Warning(a.Group?.Origin ?? _config.Path, a.Group?.Line ?? 0, a.Name, null, $"[{a.Name}] (dsexample) has no portable element: it is left out of the portable pipeline");
            return tail;
        }

        int Int(string key, int fallback) => a.Ints.TryGetValue(key, out var v) ? v : fallback;
        var blur = Int("blur-objects", 0) != 0;
        var q = _graph.Add("dsexample_queue", "queue");
        var conv = _graph.Add("dsexample_conv0", "nvvideoconvert").Set("gpu-id", GraphValue.OfUInt((uint)Int("gpu-id", 0)));
        if (a.Ints.TryGetValue("nvbuf-memory-type", out var mem))
        {
            conv.Set("nvbuf-memory-type", mem);
        }

        var caps = _graph.Add("dsexample_caps", "capsfilter").Set("caps", GraphValue.Caps(blur ? "video/x-raw(memory:NVMM), format=RGBA" : "video/x-raw(memory:NVMM)"));
        var e = _graph.Add("dsexample0", "dsexample");
        foreach (var key in new[] { "unique-id", "processing-width", "processing-height", "full-frame", "gpu-id" })
        {
            if (a.Ints.TryGetValue(key, out var v))
            {
                e.Set(key, key == "full-frame" ? GraphValue.Of(v != 0) : GraphValue.OfUInt((uint)v));
            }
        }

        e.Set("blur-objects", blur);
        _graph.Chain(tail, q.Name, conv.Name, caps.Name, e.Name);
        return e.Name;
    }
}
