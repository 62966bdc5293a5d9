namespace DeepStreamNet.Config;

/// <summary>Sink rules: at least one sink, the keys each sink type needs (encoder, output file, ports, broker), demux links.</summary>
internal static class SinkRules
{
    public static void Check(AppConfig config, ValidationReport report)
    {
        if (config.Sinks.Count == 0)
        {
            // deepstream_sink_bin.c:778-788: deepstream-app falls back to a fakesink.
            report.Warning(config.Path, 0, null, null, "no enabled sink: the output ends in a fakesink, as in deepstream-app", "add a [sinkN] group with enable=1 to see or save the output");
        }

        var rtspPorts = new Dictionary<int, string>();
        var demuxSinks = 0;
        foreach (var s in config.Sinks)
        {
            var r = ConfigValidator.ReaderOf(s.Group, report)!;
            if (s.Type is null)
            {
                if (!r.Group.Contains("type"))
                {
                    r.Error("type", "sink type is missing", "1 fakesink, 2 display, 3 file, 4 RTSP, 5 DRM, 6 message broker");
                }
                else if (r.Group.Find("type") is { } e && e.RawValue.Trim() == "7")
                {
                    // The declaration's range check reported the value; add the version note.
                    r.Warning("type", "type 7 (RENDER_3D, nv3dsink) existed only in DeepStream 6.1/6.1.1", "on 6.2+ use type=2: it renders with nv3dsink on Jetson");
                }

                continue;
            }

            if (config.TiledDisplay.Mode == TilerMode.Disabled && config.SourceCount > 0)
            {
                if (s.SourceId < 0 || s.SourceId >= config.SourceCount)
                {
                    r.Warning("source-id", $"source-id {s.SourceId} names no source (0..{config.SourceCount - 1}): with [tiled-display] enable=0 this sink gets no stream");
                }
            }

            if (s.LinkToDemux)
            {
                if (config.TiledDisplay.Mode != TilerMode.TilerAndDemux)
                {
                    r.Warning("link-to-demux", "link-to-demux=1 sinks are built only with [tiled-display] enable=2: this sink is left out, as in deepstream-app");
                }
                else if (++demuxSinks > 1)
                {
                    r.Warning("link-to-demux", "every link-to-demux=1 sink reads the demuxer pad of the first one's source-id, as in deepstream-app");
                }
            }

            switch (s.Type)
            {
                case SinkType.Fake or SinkType.RenderEgl:
                    WarnUnusedEncoderKeys(r, s);
                    break;
                case SinkType.EncodeFile:
                    RequireEncoder(r, s, file: true);
                    if (string.IsNullOrEmpty(s.OutputFile))
                    {
                        r.Error("output-file", "output-file is required for type=3 (encode to file)");
                    }
                    else if (s.OutputFile.Contains('\0', StringComparison.Ordinal))
                    {
                        r.Error("output-file", "output-file contains a NUL character: no file can have that name", "write the path without control characters");
                    }
                    else
                    {
                        var ext = System.IO.Path.GetExtension(s.OutputFile).ToLowerInvariant();
                        if (s.Container == ContainerType.Mkv && ext == ".mp4" || s.Container == ContainerType.Mp4 && ext == ".mkv")
                        {
                            r.Warning("container", $"container={(int)s.Container} ({s.Container}) but output-file ends in {ext}", s.Container == ContainerType.Mkv ? "use container=1 for MP4" : "use container=2 for MKV");
                        }

                        var outDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(s.OutputFile));
                        if (outDir is not null && !Directory.Exists(outDir))
                        {
                            r.Warning("output-file", $"output folder does not exist: {outDir} (dsnet run creates it)", "output-file is relative to the working directory, not to the config file");
                        }
                    }

                    break;
                case SinkType.UdpSink:
                    RequireEncoder(r, s, file: false);
                    if (rtspPorts.TryGetValue(s.RtspPort, out var other))
                    {
                        r.Error("rtsp-port", $"rtsp-port {s.RtspPort} is already used by [{other}]");
                    }

                    rtspPorts[s.RtspPort] = s.Name; // udp-port may equal rtsp-port: UDP loopback vs TCP server (deepstream-app does not check)

                    break;
                case SinkType.RenderDrm:
                    r.Warning("type", "type 5 is RENDER_DRM (nvdrmvideosink, Jetson/DRM) in DeepStream 6.1+; in 5.0-6.0.1 it was the Jetson overlay sink", "configs written for 5.x with type=5 want type=2 on 6.x; set conn-id/plane-id for DRM");
                    break;
                case SinkType.MsgConvBroker:
                    if (string.IsNullOrEmpty(s.MsgBrokerProtoLib))
                    {
                        r.Error("msg-broker-proto-lib", "msg-broker-proto-lib is required for type=6 (the broker protocol adaptor, e.g. libnvds_kafka_proto.so)");
                    }

                    if (string.IsNullOrEmpty(s.MsgBrokerConnStr) && s.MsgBrokerConfig is null)
                    {
                        r.Error("msg-broker-conn-str", "type=6 needs msg-broker-conn-str (host;port) or msg-broker-config");
                    }

                    if (!s.DisableMsgConv && s.MsgConv.MsgConvConfig is null)
                    {
                        // deepstream_sink_bin.c:246-253 passes a NULL config to nvmsgconv.
                        r.Warning("msg-conv-config", "no msg-conv-config: nvmsgconv runs without sensor/place/analytics descriptions");
                    }

                    if (s.SourceId != 0)
                    {
                        // add_and_link_broker_sink (deepstream_app.c:771-811) finds the broker in processing instance 0 only.
                        r.Error("source-id", $"a type=6 sink reads every source from common_analytics_tee; source-id={s.SourceId} makes deepstream-app fail", "remove source-id (or set it to 0)");
                    }

                    if (config.PrimaryGie is null && !config.Tracker.Enable && !config.Auxiliary.Any(a => a.Enable && a.Kind is GroupKind.PreProcess or GroupKind.NvDsAnalytics or GroupKind.SegVisual))
                    {
                        r.Error("type", "broker added without analytics: deepstream-app needs a primary GIE, tracker, pre-process, nvdsanalytics or segvisual before a type=6 sink (deepstream_app.c:793-797)");
                    }

                    foreach (var (key, p) in new[] { ("msg-conv-config", s.MsgConv.MsgConvConfig), ("msg-broker-config", s.MsgBrokerConfig), ("msg-conv-msg2p-lib", s.MsgConv.MsgConvMsg2pLib) })
                    {
                        if (p is not null && FileLimits.Problem(p) is { } problem)
                        {
                            r.Error(key, $"{problem}: {p}");
                        }
                    }

                    if (string.IsNullOrEmpty(s.Topic))
                    {
                        r.Warning("topic", "no topic: most brokers (Kafka, MQTT) need one");
                    }

                    break;
            }
        }

        if (config.MessageConverter is { Enable: true } mc)
        {
            var r = ConfigValidator.ReaderOf(ConfigValidator.FindGroup(config, "message-converter"), report);
            if (mc.MsgConvConfig is null)
            {
                r?.Error("msg-conv-config", "msg-conv-config is required when [message-converter] is enabled");
            }
            else if (FileLimits.Problem(mc.MsgConvConfig) is { } problem)
            {
                r?.Error("msg-conv-config", $"{problem}: {mc.MsgConvConfig}");
            }
        }
    }

    private static void WarnUnusedEncoderKeys(GroupReader r, SinkGroup s)
    {
        var unused = SinkKeys.EncoderKeys.Select(k => k.Name).Where(r.Group.Contains).ToArray();
        if (unused.Length > 0)
        {
            r.Warning(unused[0], $"{string.Join(", ", unused)} {(unused.Length == 1 ? "is" : "are")} not used by sink type {(int)s.Type!} ({s.Type})", "they apply to type=3 (file) and type=4 (RTSP)");
        }
    }

    private static void RequireEncoder(GroupReader r, SinkGroup s, bool file)
    {
        var codecs = "1 (H.264), 2 (H.265)" + (file ? ", 3 (MPEG-4 part 2)" : "");
        if (s.CodecValue is null)
        {
            if (!r.Group.Contains("codec"))
            {
                r.Error("codec", $"codec is required for type={(int)s.Type!}", codecs);
            }
        }
        else if (s.Codec is null || (!file && s.Codec == EncoderCodec.Mpeg4))
        {
            r.Error("codec", $"{s.CodecValue} is not a valid codec for type={(int)s.Type!}", "valid values: " + codecs);
        }

        if (s.EncTypeValue is { } et && s.EncType is null)
        {
            r.Error("enc-type", $"{et} is not a valid encoder type", "valid values: 0 (hardware), 1 (software)");
        }

        if (file && s.ContainerValue is null && !r.Group.Contains("container"))
        {
            r.Error("container", "container is required for type=3", "1 (MP4), 2 (MKV)");
        }
        else if (file && s.ContainerValue is { } cv && s.Container is null)
        {
            r.Error("container", $"{cv} is not a valid container", "valid values: 1 (MP4), 2 (MKV)");
        }
    }
}
