using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>Sink bins per sink type: fake, renderers, encoders into files and RTSP, message brokers.</summary>
public sealed partial class PipelineGraphBuilder
{
    private void AddSink(SinkGroup s, string tail)
    {
        var n = s.Name;
        switch (s.Type)
        {
            case SinkType.Fake:
                var fake = _graph.Add($"{n}_sink", "fakesink", ElementRole.Sink).Set("sync", s.Sync != 0).Set("async", false);
                SetQos(fake, s);
                _graph.Link(tail, fake.Name);
                break;
            case SinkType.RenderEgl:
                AddRenderer(s, tail);
                break;
            case SinkType.EncodeFile:
                AddFileSink(s, tail);
                break;
            case SinkType.UdpSink:
                AddRtspSink(s, tail);
                break;
            case SinkType.RenderDrm:
                if (!_ds)
                {
                    BackendError(s.Group, "type", "type=5 (DRM renderer nvdrmvideosink) exists only on Jetson/DeepStream", "use type=2 (window) or type=3 (file) on the portable runtime");
                    break;
                }

                if (_graph.Platform != TargetPlatform.Jetson)
                {
                    BackendWarning(s.Group, "type", "nvdrmvideosink is a Jetson element; dGPU installs usually lack it");
                }

                var conv = _graph.Add($"{n}_conv", "nvvideoconvert").Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId));
                var drm = _graph.Add($"{n}_sink", "nvdrmvideosink", ElementRole.Sink).Set("sync", s.Sync != 0);
                drm.Set("conn-id", s.ConnId).Set("plane-id", s.PlaneId);
                if (s.SetMode >= 0)
                {
                    drm.Set("set-mode", s.SetMode);
                }

                if (s.ColorRange >= 0)
                {
                    drm.Set("color-range", s.ColorRange);
                }

                SetQos(drm, s);
                _graph.Chain(tail, conv.Name, drm.Name);
                break;
            case SinkType.MsgConvBroker:
                AddMsgBroker(s, tail);
                break;
        }
    }

    private static void SetQos(GraphElement e, SinkGroup s)
    {
        if (s.Qos is { } qos)
        {
            e.Set("qos", qos);
        }
    }

    private void AddRenderer(SinkGroup s, string tail)
    {
        var n = s.Name;
        GraphElement sink;
        if (_ds)
        {
            var conv = _graph.Add($"{n}_conv", "nvvideoconvert").Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId));
            var jetson = _graph.Platform == TargetPlatform.Jetson;
            sink = _graph.Add($"{n}_sink", jetson ? "nv3dsink" : "nveglglessink", ElementRole.Sink);
            if (!jetson)
            {
                sink.Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId));
            }

            _graph.Chain(tail, conv.Name, sink.Name);
        }
        else
        {
            var bconv = _graph.Add($"{n}_batchconv", "dsnetvideoconvert");
            var conv = _graph.Add($"{n}_conv", "videoconvert");
            sink = _graph.Add($"{n}_sink", "autovideosink", ElementRole.Sink);
            sink.Note = "needs a display (DISPLAY/WAYLAND_DISPLAY); headless machines fail at run time: use type=1 or type=3";
            if (s.Width > 0 && s.Height > 0)
            {
                // X11/Wayland sinks size their window from the caps, so the sink's width/height become a scale.
                var scale = _graph.Add($"{n}_scale", "videoscale");
                var caps = _graph.Add($"{n}_cap_filter", "capsfilter")
                    .Set("caps", GraphValue.Caps(string.Create(CultureInfo.InvariantCulture, $"video/x-raw, width={s.Width}, height={s.Height}")));
                _graph.Chain(tail, bconv.Name, conv.Name, scale.Name, caps.Name, sink.Name);
            }
            else
            {
                _graph.Chain(tail, bconv.Name, conv.Name, sink.Name);
            }
        }

        sink.Set("sync", s.Sync != 0);
        SetQos(sink, s);
        if (_ds && s.Width > 0 && s.Height > 0)
        {
            sink.Set("window-width", GraphValue.OfUInt((uint)s.Width)).Set("window-height", GraphValue.OfUInt((uint)s.Height));
        }
    }

    /// <summary>Converter + encoder (+ parser) shared by file and RTSP sinks; returns the last element.</summary>
    private string AddEncoder(SinkGroup s, string tail, bool rtsp)
    {
        var n = s.Name;
        var codec = s.Codec ?? EncoderCodec.H264;
        var software = !_ds || s.EncType == EncoderType.Software || codec == EncoderCodec.Mpeg4;
        if (!_ds && s.EncType is null or EncoderType.Hardware && codec != EncoderCodec.Mpeg4)
        {
            BackendWarning(s.Group, s.Group?.Contains("enc-type") == true ? "enc-type" : null, "the portable runtime has no hardware encoder: a software encoder (x264enc/x265enc) is used");
        }

        if (_ds)
        {
            _graph.Add($"{n}_conv", "nvvideoconvert").Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId));
            _graph.Link(tail, $"{n}_conv");
        }
        else
        {
            _graph.Add($"{n}_batchconv", "dsnetvideoconvert");
            _graph.Add($"{n}_conv", "videoconvert");
            _graph.Chain(tail, $"{n}_batchconv", $"{n}_conv");
        }

        var caps = software ? "video/x-raw, format=I420" : "video/x-raw(memory:NVMM), format=I420";
        _graph.Add($"{n}_cap_filter", "capsfilter").Set("caps", GraphValue.Caps(caps));
        _graph.Link($"{n}_conv", $"{n}_cap_filter");

        GraphElement enc;
        if (codec == EncoderCodec.Mpeg4)
        {
            enc = _graph.Add($"{n}_encoder", "avenc_mpeg4");
            if (s.Bitrate > 0)
            {
                enc.Set("bitrate", s.Bitrate);
            }
        }
        else if (software)
        {
            enc = _graph.Add($"{n}_encoder", codec == EncoderCodec.H264 ? "x264enc" : "x265enc");
            if (s.Bitrate > 0)
            {
                enc.Set("bitrate", GraphValue.OfUInt((uint)(s.Bitrate / 1000)));
                enc.Note = "bitrate in kbit/s (config value / 1000)";
            }

            if (s.IFrameInterval > 0)
            {
                enc.Set("key-int-max", GraphValue.OfUInt((uint)s.IFrameInterval));
            }

            if (codec == EncoderCodec.H264 && s.SwPreset is { } preset)
            {
                enc.Set("speed-preset", GraphValue.Enum(preset.ToString(CultureInfo.InvariantCulture)));
            }

            if (rtsp)
            {
                enc.Set("tune", GraphValue.Enum("zerolatency"));
            }
        }
        else
        {
            enc = _graph.Add($"{n}_encoder", codec == EncoderCodec.H264 ? "nvv4l2h264enc" : "nvv4l2h265enc");
            if (s.Bitrate > 0)
            {
                enc.Set("bitrate", GraphValue.OfUInt((uint)s.Bitrate));
            }

            enc.Set("profile", s.Profile);
            if (s.IFrameInterval > 0)
            {
                enc.Set("iframeinterval", GraphValue.OfUInt((uint)s.IFrameInterval));
            }

            if (rtsp)
            {
                enc.Set("insert-sps-pps", true);
            }
        }

        _graph.Link($"{n}_cap_filter", enc.Name);
        return enc.Name;
    }

    private void AddFileSink(SinkGroup s, string tail)
    {
        var n = s.Name;
        var enc = AddEncoder(s, tail, rtsp: false);
        var codec = s.Codec ?? EncoderCodec.H264;
        var parse = _graph.Add($"{n}_parse", codec switch
        {
            EncoderCodec.H265 => "h265parse",
            EncoderCodec.Mpeg4 => "mpeg4videoparse",
            _ => "h264parse",
        });
        var mux = _graph.Add($"{n}_mux", s.Container == ContainerType.Mkv ? "matroskamux" : _factories.Mp4Muxer);
        var sink = _graph.Add($"{n}_sink", "filesink", ElementRole.Sink);
        if (s.OutputFile is not null)
        {
            sink.Set("location", s.OutputFile);
        }

        sink.Set("sync", s.Sync != 0).Set("async", false);
        SetQos(sink, s);
        _graph.Chain(enc, parse.Name, mux.Name, sink.Name);
    }

    private void AddRtspSink(SinkGroup s, string tail)
    {
        var n = s.Name;
        var enc = AddEncoder(s, tail, rtsp: true);
        var h265 = s.Codec == EncoderCodec.H265;
        var pay = _graph.Add($"{n}_rtppay", h265 ? "rtph265pay" : "rtph264pay");
        var sink = _graph.Add($"{n}_sink", "udpsink", ElementRole.Sink);
        sink.Set("host", "224.224.255.255").Set("port", s.UdpPort).Set("async", false).Set("sync", s.Sync != 0);
        if (s.UdpBufferSize > 0)
        {
            sink.Set("buffer-size", (int)Math.Min(s.UdpBufferSize, int.MaxValue));
        }

        SetQos(sink, s);
        _graph.Chain(enc, pay.Name, sink.Name);
        _graph.RtspServers.Add(new RtspServerSpec(n, s.RtspPort, "/ds-test", s.UdpPort, h265 ? "H265" : "H264", s.UdpBufferSize > 0 ? s.UdpBufferSize : 524288));
    }

    private void AddMsgBroker(SinkGroup s, string tail)
    {
        if (!_ds)
        {
            // Portable: conversion and brokering are managed code (DeepStreamNet.Service's broker sink probes this
            // element's sink pad); without the service the events end here.
            var end = _graph.Add($"{s.Name}_sink", "fakesink", ElementRole.Sink).Set("sync", s.Sync != 0).Set("async", false);
            end.Note = "type=6 on the portable runtime: events are converted and published by DeepStreamNet.Service (dsnet run / AddDeepStreamService)";
            _graph.Link(tail, end.Name);
            _graph.MessageSinks.Add(new MessageSinkSpec(end.Name, s));
            return;
        }

        var n = s.Name;
        var last = tail;
        if (!s.DisableMsgConv)
        {
            var c = s.MsgConv;
            var conv = _graph.Add($"{n}_msgconv", "nvmsgconv");
            if (c.MsgConvConfig is not null)
            {
                conv.Set("config", c.MsgConvConfig);
            }

            conv.Set("payload-type", c.MsgConvPayloadType);
            if (c.MsgConvMsg2pLib is not null)
            {
                conv.Set("msg2p-lib", c.MsgConvMsg2pLib);
            }

            conv.Set("comp-id", GraphValue.OfUInt((uint)c.MsgConvCompId));
            if (c.DebugPayloadDir is not null)
            {
                conv.Set("debug-payload-dir", c.DebugPayloadDir);
            }

            conv.Set("multiple-payloads", c.MultiplePayloads).Set("msg2p-newapi", c.MsgConvMsg2pNewApi);
            conv.Set("frame-interval", GraphValue.OfUInt((uint)c.MsgConvFrameInterval));
            _graph.Link(last, conv.Name);
            last = conv.Name;
        }

        var broker = _graph.Add($"{n}_msgbroker", "nvmsgbroker");
        if (s.MsgBrokerProtoLib is not null)
        {
            broker.Set("proto-lib", s.MsgBrokerProtoLib);
        }

        if (s.MsgBrokerConnStr is not null)
        {
            broker.Set("conn-str", s.MsgBrokerConnStr);
        }

        if (s.Topic is not null)
        {
            broker.Set("topic", s.Topic);
        }

        if (s.MsgBrokerConfig is not null)
        {
            broker.Set("config", s.MsgBrokerConfig);
        }

        broker.Set("comp-id", GraphValue.OfUInt((uint)s.MsgBrokerCompId)).Set("new-api", s.NewApi).Set("sync", false);
        _graph.Link(last, broker.Name);
    }
}
