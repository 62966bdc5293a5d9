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
                SetRenderDefaults(fake, s);
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
                    // deepstream_sink_bin.c:75-79: "nvdrmvideosink is only supported for Jetson", creation fails.
                    BackendError(s.Group, "type", "type=5 (nvdrmvideosink) is only supported on Jetson: deepstream-app fails on dGPU", "use type=2 (nveglglessink) on dGPU");
                }

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

                SetRenderDefaults(drm, s);
                _graph.Link(tail, drm.Name); // no converter on integrated GPUs (deepstream_sink_bin.c:93-100)
                break;
        }
    }

    /// <summary>
    /// deepstream_sink_bin.c:98-115 (+ deepstream_app.c:1187-1205 for the qos default): renderers and fakesinks never
    /// drop late frames and do not wait for preroll. On the portable runtime only the configured qos applies.
    /// </summary>
    private void SetRenderDefaults(GraphElement e, SinkGroup s)
    {
        if (!_ds)
        {
            SetQos(e, s);
            return;
        }

        e.Set("max-lateness", GraphValue.Of(-1L)).Set("async", false).Set("enable-last-sample", false).Set("qos", s.Qos ?? false);
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
        if (_ds && _graph.Platform == TargetPlatform.Jetson)
        {
            sink = _graph.Add($"{n}_sink", "nv3dsink", ElementRole.Sink); // no converter on Jetson (deepstream_sink_bin.c:116)
            _graph.Link(tail, sink.Name);
        }
        else if (_ds)
        {
            // deepstream_sink_bin.c:116-160: converter (gpu-id, nvbuf-memory-type) → NVMM caps → nveglglessink.
            var conv = _graph.Add($"{n}_conv", "nvvideoconvert").Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId)).Set("nvbuf-memory-type", s.NvbufMemoryType);
            var caps = _graph.Add($"{n}_cap_filter", "capsfilter").Set("caps", GraphValue.Caps("video/x-raw(memory:NVMM)"));
            sink = _graph.Add($"{n}_sink", "nveglglessink", ElementRole.Sink);
            _graph.Chain(tail, conv.Name, caps.Name, sink.Name);
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
        SetRenderDefaults(sink, s);
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
        else if (software && _ds)
        {
            // deepstream_sink_bin.c:404-411: bitrate/1000, and for file sinks speed-preset (0 when unset) on both codecs.
            enc = _graph.Add($"{n}_encoder", codec == EncoderCodec.H264 ? "x264enc" : "x265enc");
            enc.Set("bitrate", GraphValue.OfUInt((uint)(Math.Max(s.Bitrate, 0) / 1000)));
            if (!rtsp)
            {
                enc.Set("speed-preset", GraphValue.Enum((s.SwPreset ?? 0).ToString(CultureInfo.InvariantCulture)));
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

            // deepstream_sink_bin.c:381-402 (file) and 600-640 (RTSP): profile, iframeinterval (0 when unset),
            // MMAP output, copy-meta on request; RTSP on Jetson also preset-level 1 and SPS/PPS with every IDR.
            enc.Set("profile", s.Profile);
            enc.Set("iframeinterval", GraphValue.OfUInt((uint)Math.Max(s.IFrameInterval, 0)));
            if (!rtsp)
            {
                enc.Set("output-io-mode", GraphValue.Enum("2"));
                if (s.CopyMeta != 0)
                {
                    enc.Set("copy-meta", true);
                }
            }
            else if (_graph.Platform == TargetPlatform.Jetson)
            {
                enc.Set("preset-level", GraphValue.Enum("1")).Set("insert-sps-pps", true);
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
        sink.Set("host", "224.224.255.255").Set("port", s.UdpPort).Set("async", false);
        if (_ds)
        {
            // deepstream_sink_bin.c:542-689: parser (config-interval -1) before the payloader, udpsink sync=0;
            // udp-buffer-size is only the RTSP server's.
            var parse = _graph.Add($"{n}_parse", h265 ? "h265parse" : "h264parse").Set("config-interval", -1);
            sink.Set("sync", false);
            _graph.Chain(enc, parse.Name, pay.Name, sink.Name);
        }
        else
        {
            sink.Set("sync", s.Sync != 0);
            if (s.UdpBufferSize > 0)
            {
                sink.Set("buffer-size", (int)Math.Min(s.UdpBufferSize, int.MaxValue));
            }

            SetQos(sink, s);
            _graph.Chain(enc, pay.Name, sink.Name);
        }
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
            var conv = _graph.Add($"{n}_msgconv", "nvmsgconv");
            SetMsgConv(conv, s.MsgConv);
            _graph.Link(last, conv.Name);
            last = conv.Name;
        }
        else
        {
            // deepstream_sink_bin.c:236-238: a queue stands where nvmsgconv would be.
            var q = _graph.Add($"{n}_conv_queue", "queue");
            _graph.Link(last, q.Name);
            last = q.Name;
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

        broker.Set("comp-id", GraphValue.OfUInt((uint)s.MsgBrokerCompId)).Set("new-api", s.NewApi).Set("sync", s.Sync != 0);
        _graph.Link(last, broker.Name);
    }
}
