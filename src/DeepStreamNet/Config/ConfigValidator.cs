namespace DeepStreamNet.Config;

/// <summary>
/// Cross-group and file-system checks of a parsed <see cref="AppConfig"/> (backend-neutral): referenced files,
/// the nvinfer files the GIEs point at, batch sizes, unique GIE ids, sink requirements, version notes.
/// </summary>
public static class ConfigValidator
{
    private const string DeepStreamInstallDir = "/opt/nvidia/deepstream/";
    private static readonly string[] EncoderKeys = ["container", "codec", "enc-type", "bitrate", "output-file", "iframeinterval", "rtsp-port", "udp-port"];
    private static readonly string[] Klt5Libraries = ["libnvds_mot_klt.so", "libnvds_mot_iou.so", "libnvds_nvdcf.so"];

    /// <summary>Adds every finding to <paramref name="report"/>; returns the config with the GIEs' nvinfer files attached.</summary>
    public static AppConfig Validate(AppConfig config, ValidationReport report, ValidationTarget target = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(report);
        var rootGroup = (string?)null;
        var n = config.SourceCount;
        if (config.Sources.Count == 0)
        {
            report.Error(config.Path, 0, rootGroup, null, "no enabled source: add a [sourceN] group with enable=1 (or a [source-list])");
        }

        foreach (var s in config.Sources)
        {
            ValidateSource(config, s, report);
        }

        ValidateStreamMux(config, n, report);
        var gies = ValidateGies(config, n, report, target);
        ValidateTracker(config.Tracker, report, target);
        ValidateTiler(config, n, report);
        ValidateOsd(config.Osd, report);
        ValidateSinks(config, report);
        ValidateApplication(config, report);
        return config with
        {
            PrimaryGie = gies.FirstOrDefault(g => g.IsPrimary),
            SecondaryGies = gies.Where(g => !g.IsPrimary).ToArray(),
        };
    }

    private static GroupReader? ReaderOf(KeyFileGroup? group, ValidationReport report) =>
        group is null ? null : new GroupReader(group, ConfigSchema.Classify(group.Name), "/", report);

    private static void ValidateSource(AppConfig config, SourceGroup s, ValidationReport report)
    {
        var r = ReaderOf(s.Group, report);
        void Err(string? key, string msg, string? hint = null)
        {
            if (r is not null)
            {
                r.Error(key, msg, hint);
            }
            else
            {
                report.Error(config.Path, 0, s.Name, key, msg, hint);
            }
        }

        if (s.Type is null)
        {
            if (r is null || !r.Group.Contains("type"))
            {
                Err("type", "source type is missing", "type=1 V4L2 camera, 2 URI, 3 multi-URI, 4 RTSP, 5 CSI camera");
            }
            else if (r.Group.Find("type") is { } e && e.RawValue.Trim() == "9")
            {
                // Enum() reported the value; add the version note.
                r.Warning("type", "type 9 (IPC source) exists only in DeepStream 9.x", "DeepStream 6.3 sources are types 1-8");
            }

            return;
        }

        switch (s.Type)
        {
            case SourceType.Uri or SourceType.MultiUri or SourceType.Rtsp:
                if (string.IsNullOrEmpty(s.Uri))
                {
                    Err("uri", $"uri is required for source type {(int)s.Type}");
                    break;
                }

                if (s.Type == SourceType.Rtsp && !s.Uri.StartsWith("rtsp://", StringComparison.Ordinal) && !s.Uri.StartsWith("rtsps://", StringComparison.Ordinal))
                {
                    Err("uri", $"type=4 (RTSP) needs an rtsp:// URI, got '{s.Uri}'", "use type=2 for files and other URIs");
                }

                for (var i = 0; i < s.InstanceCount; i++)
                {
                    if (s.UriOf(i) is { } u && ConfigPaths.LocalFileOf(u) is { } local && !File.Exists(local))
                    {
                        Err("uri", $"media file not found: {local}", "file:// URIs are relative to the config file's folder; file:/ with one slash is absolute and not resolved");
                        break;
                    }
                }

                if (s.Type == SourceType.MultiUri && s.NumSources > 1 && !s.Uri.Contains("%d", StringComparison.Ordinal))
                {
                    r?.Warning("uri", $"num-sources={s.NumSources} but the uri has no %d: every instance plays the same URI");
                }

                break;
            case SourceType.CameraV4L2:
                if (s.CameraWidth <= 0 || s.CameraHeight <= 0 || s.CameraFpsN <= 0 || s.CameraFpsD <= 0)
                {
                    r?.Warning(null, "camera-width, camera-height, camera-fps-n and camera-fps-d should all be set for a V4L2 camera (they form the capture caps)");
                }

                if (!config.StreamMux.LiveSource)
                {
                    r?.Warning("type", "a camera source is live but [streammux] live-source is not set", "set [streammux] live-source=1 so batches are formed on time");
                }

                break;
            case SourceType.CameraCsi:
                break;
            default:
                Err("type", $"source type {(int)s.Type} ({s.Type}) is audio: the deepstream-app video pipeline and DeepStreamNet do not support it", "audio sources belong to the deepstream-audio sample");
                break;
        }

        if (s.SmartRecord != 0)
        {
            if (s.SmartRecDirPath is { } d && !Directory.Exists(d))
            {
                Err("smart-rec-dir-path", $"smart-record directory does not exist: {d}", "deepstream-app requires it to exist and be writable (relative to the working directory)");
            }

            if (s.Type != SourceType.Rtsp)
            {
                r?.Warning("smart-record", "smart-record is implemented for RTSP sources only");
            }
        }
    }

    private static void ValidateStreamMux(AppConfig config, int n, ValidationReport report)
    {
        var m = config.StreamMux;
        var r = ReaderOf(m.Group, report);
        if (r is null)
        {
            report.Error(config.Path, 0, "streammux", null, "no [streammux] group: the muxer output width and height are required");
            return;
        }

        if ((m.Width <= 0 || m.Height <= 0) && !r.IsMalformed("width", KeyType.Int) && !r.IsMalformed("height", KeyType.Int))
        {
            r.Error(m.Width <= 0 ? "width" : "height", "[streammux] width and height must both be set (> 0): nvstreammux scales every frame to them", "e.g. width=1920 and height=1080");
        }

        if (config.SourceList is not null)
        {
            // deepstream-app forces the muxer and primary GIE batch sizes to the number of listed sources.
        }
        else if (m.BatchSize < 0)
        {
            r.Error("batch-size", "batch-size must be positive");
        }
        else if (m.BatchSize == 0)
        {
            if (n > 1)
            {
                r.Warning(null, $"batch-size is not set with {n} sources", $"set batch-size={n}");
            }
        }
        else if (m.BatchSize < n)
        {
            r.Warning("batch-size", $"batch-size {m.BatchSize} is smaller than the number of sources ({n}): frames of some sources wait for later batches", $"set batch-size={n}");
        }

        if (m.BatchedPushTimeout < -1)
        {
            r.Error("batched-push-timeout", "batched-push-timeout must be -1 (wait for a full batch) or a time in microseconds");
        }

        if (m.ConfigFile is { } cf && !File.Exists(cf))
        {
            r.Error("config-file", $"file not found: {cf}");
        }
    }

    private static List<GieGroup> ValidateGies(AppConfig config, int n, ValidationReport report, ValidationTarget target)
    {
        var all = new List<GieGroup>();
        if (config.PrimaryGie is { } pgie)
        {
            all.Add(pgie);
        }
        else if (config.SecondaryGies.Count > 0)
        {
            var g = config.SecondaryGies[0];
            ReaderOf(g.Group, report)?.Warning("enable", "secondary GIEs are built only when [primary-gie] is enabled: they are ignored");
        }

        all.AddRange(config.SecondaryGies);
        var ids = new Dictionary<int, GieGroup>();
        var loaded = new List<GieGroup>();
        foreach (var gie in all)
        {
            var r = ReaderOf(gie.Group, report)!;
            if (gie.PluginType is not (0 or 1))
            {
                r.Error("plugin-type", $"{gie.PluginType} is not a valid plugin-type", "0 nvinfer, 1 nvinferserver");
            }

            NvInferConfig? infer = null;
            if (gie.ConfigFile is null)
            {
                r.Error("config-file", "config-file is required (the nvinfer config file)");
            }
            else if (!File.Exists(gie.ConfigFile))
            {
                r.Error("config-file", $"file not found: {gie.ConfigFile}", "paths are relative to this config file's folder");
            }
            else if (gie.PluginType == 0)
            {
                infer = NvInferConfig.Load(gie.ConfigFile, report, target);
            }

            var loadedGie = gie with { Infer = infer };
            loaded.Add(loadedGie);

            if (gie.ModelEngineFile is { } engine && !File.Exists(engine))
            {
                r.Warning("model-engine-file", $"engine file not found: {engine}", "nvinfer then builds an engine from the model named in the nvinfer file (slow first start); DeepStream 5.x engines never load on 6.x");
            }

            if (gie.LabelFilePath is { } labels && !File.Exists(labels))
            {
                r.Error("labelfile-path", $"file not found: {labels}");
            }

            if (gie.InferRawOutputDir is { } rawDir && !Directory.Exists(rawDir))
            {
                r.Error("infer-raw-output-dir", $"directory does not exist: {rawDir}");
            }

            var batch = gie.BatchSize ?? infer?.BatchSize;
            if (gie.IsPrimary && config.SourceList is null && batch is { } b && b < n)
            {
                r.Warning(gie.BatchSize is null ? null : "batch-size", $"primary GIE batch-size {b} is smaller than the number of sources ({n}): each muxer batch is inferred in several passes", $"set batch-size={n}");
            }

            if (gie.BatchSize is < 1 or > 1024)
            {
                r.Error("batch-size", "batch-size must be 1..1024");
            }

            if (gie.Interval is < 0)
            {
                r.Error("interval", "interval must be >= 0");
            }

            var id = gie.GieUniqueId ?? infer?.GieUniqueId ?? 15;
            if (gie.GieUniqueId is <= 0)
            {
                r.Error("gie-unique-id", "gie-unique-id must be > 0");
            }
            else if (ids.TryGetValue(id, out var other))
            {
                r.Error(gie.GieUniqueId is null ? null : "gie-unique-id", $"gie-unique-id {id} is already used by [{other.Name}]", "give every GIE a distinct gie-unique-id");
            }
            else
            {
                ids[id] = gie;
            }

            foreach (var (cls, c) in gie.BboxBorderColors.Concat(gie.BboxBgColors))
            {
                if (infer is { NetworkType: 0, NumDetectedClasses: > 0 } && cls >= infer.NumDetectedClasses)
                {
                    r.Warning(null, $"colour for class {cls} but the detector has {infer.NumDetectedClasses} classes (0..{infer.NumDetectedClasses - 1})");
                }

                if (!c.IsInRange)
                {
                    r.Warning(null, $"colour {c} of class {cls} has components outside 0-1");
                }
            }
        }

        foreach (var gie in all.Where(g => !g.IsPrimary))
        {
            if (gie.OperateOnGieId is { } targetId && !ids.ContainsKey(targetId))
            {
                ReaderOf(gie.Group, report)!.Warning("operate-on-gie-id", $"no GIE has gie-unique-id {targetId}: this secondary GIE will see no objects");
            }
        }

        return loaded;
    }

    private static void ValidateTracker(TrackerGroup t, ValidationReport report, ValidationTarget target)
    {
        var r = ReaderOf(t.Group, report);
        if (r is null)
        {
            return;
        }

        if (t.LlLibFile is { } lib && Klt5Libraries.Any(k => lib.EndsWith(k, StringComparison.Ordinal)))
        {
            r.Warning("ll-lib-file", $"{System.IO.Path.GetFileName(lib)} is a DeepStream 5.x tracker library; 6.x ships only the unified tracker", "use /opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so with an IOU/NvDCF/DeepSORT ll-config-file");
        }

        if (!t.Enable)
        {
            return;
        }

        if (t.LlLibFile is null)
        {
            DeepStreamOnly(r, target, "ll-lib-file", "ll-lib-file is required by nvtracker when the tracker is enabled", "point it at libnvds_nvmultiobjecttracker.so (the portable tracker does not need it)");
        }
        else if (!File.Exists(t.LlLibFile))
        {
            DeepStreamOnly(r, target, "ll-lib-file", $"file not found: {t.LlLibFile}", "on DeepStream point it at libnvds_nvmultiobjecttracker.so; the portable tracker ignores this key", missingFile: true);
        }

        if (t.LlConfigFile is { } cfg && !File.Exists(cfg))
        {
            if (cfg.StartsWith(DeepStreamInstallDir, StringComparison.Ordinal))
            {
                DeepStreamOnly(r, target, "ll-config-file", $"file not found: {cfg}", "this is a file of the DeepStream installation", missingFile: true);
            }
            else
            {
                r.Error("ll-config-file", $"file not found: {cfg}");
            }
        }

        if (t.TrackerWidth <= 0 || t.TrackerHeight <= 0)
        {
            r.Warning(null, "tracker-width/tracker-height are not set", "e.g. tracker-width=640 and tracker-height=384 (multiples of 32)");
        }
    }

    private static void ValidateTiler(AppConfig config, int n, ValidationReport report)
    {
        var t = config.TiledDisplay;
        if (t.Mode == TilerMode.Disabled)
        {
            return;
        }

        var r = ReaderOf(FindGroup(config, "tiled-display"), report);
        if (r is null)
        {
            return;
        }

        if (t.Width <= 0 || t.Height <= 0)
        {
            r.Error(t.Width <= 0 ? "width" : "height", "tiler width and height must be set (> 0)");
        }

        var mux = config.StreamMux;
        var (gridRows, gridColumns) = t.GridFor(n);
        if (t.Width > 0 && t.Height > 0 && mux.Width > 0 && mux.Height > 0 && gridRows > 0 && gridColumns > 0)
        {
            // Each tile is (width/columns) x (height/rows); frames are scaled into it without keeping their aspect.
            var tileAspect = (double)t.Width / gridColumns / ((double)t.Height / gridRows);
            var muxAspect = (double)mux.Width / mux.Height;
            if (Math.Abs(tileAspect / muxAspect - 1) > 0.02)
            {
                r.Warning("width", $"tiles of {t.Width / gridColumns}x{t.Height / gridRows} stretch the {mux.Width}x{mux.Height} muxer frames (aspect {tileAspect:0.###} vs {muxAspect:0.###})",
                    $"e.g. width={(int)Math.Round(t.Height / (double)gridRows * muxAspect * gridColumns)} for height={t.Height}");
            }
        }

        if (t.Rows * t.Columns < n)
        {
            var (rows, cols) = t.GridFor(n);
            r.Warning(t.Rows * t.Columns == 0 ? null : "rows", $"rows x columns ({t.Rows}x{t.Columns}) is smaller than the number of sources ({n}); deepstream-app uses {rows}x{cols}", $"set rows={rows} and columns={cols}");
        }
    }

    private static void ValidateOsd(OsdGroup o, ValidationReport report)
    {
        var r = ReaderOf(o.Group, report);
        if (r is null)
        {
            return;
        }

        foreach (var (key, c) in new[] { ("text-color", (Rgba?)o.TextColor), ("text-bg-color", o.TextBgColor), ("clock-color", o.ClockColor) })
        {
            if (c is { IsInRange: false } bad && r.Has(key))
            {
                r.Warning(key, $"colour {bad} has components outside 0-1");
            }
        }
    }

    private static void ValidateSinks(AppConfig config, ValidationReport report)
    {
        if (config.Sinks.Count == 0)
        {
            report.Error(config.Path, 0, null, null, "no enabled sink: add a [sinkN] group with enable=1 (type=1 is a fakesink)");
        }

        var rtspPorts = new Dictionary<int, string>();
        var demuxSinks = 0;
        foreach (var s in config.Sinks)
        {
            var r = ReaderOf(s.Group, report)!;
            if (s.Type is null)
            {
                if (!r.Group.Contains("type"))
                {
                    r.Error("type", "sink type is missing", "1 fakesink, 2 display, 3 file, 4 RTSP, 5 DRM, 6 message broker");
                }
                else if (r.Group.Find("type") is { } e && e.RawValue.Trim() == "7")
                {
                    // Enum() reported the value; add the version note.
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
                    r.Warning("link-to-demux", "link-to-demux=1 has effect only with [tiled-display] enable=2");
                }
                else if (++demuxSinks > 1)
                {
                    r.Warning("link-to-demux", "only the first sink with link-to-demux=1 is built by deepstream-app; this one is ignored");
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

                    rtspPorts[s.RtspPort] = s.Name;
                    if (s.RtspPort == s.UdpPort)
                    {
                        r.Error("udp-port", "udp-port must differ from rtsp-port");
                    }

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
                        r.Error("msg-conv-config", "msg-conv-config is required for type=6 unless disable-msgconv=1");
                    }

                    foreach (var (key, p) in new[] { ("msg-conv-config", s.MsgConv.MsgConvConfig), ("msg-broker-config", s.MsgBrokerConfig), ("msg-conv-msg2p-lib", s.MsgConv.MsgConvMsg2pLib) })
                    {
                        if (p is not null && !File.Exists(p))
                        {
                            r.Error(key, $"file not found: {p}");
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
            var r = ReaderOf(FindGroup(config, "message-converter"), report);
            if (mc.MsgConvConfig is null)
            {
                r?.Error("msg-conv-config", "msg-conv-config is required when [message-converter] is enabled");
            }
            else if (!File.Exists(mc.MsgConvConfig))
            {
                r?.Error("msg-conv-config", $"file not found: {mc.MsgConvConfig}");
            }
        }
    }

    private static void WarnUnusedEncoderKeys(GroupReader r, SinkGroup s)
    {
        var unused = EncoderKeys.Where(r.Group.Contains).ToArray();
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

        if (s.Bitrate < 0)
        {
            r.Error("bitrate", "bitrate must be >= 0 (bit/s)");
        }
    }

    /// <summary>A resource only DeepStream needs: error for DeepStream, warning when the backend is open, nothing for portable.</summary>
    /// <param name="missingFile">The finding is a file missing on this machine: only a warning when DeepStream is checked elsewhere.</param>
    internal static void DeepStreamOnly(GroupReader r, ValidationTarget target, string key, string message, string? hint, bool missingFile = false)
    {
        if (target == ValidationTarget.DeepStreamElsewhere && missingFile)
        {
            r.Warning(key, message + " (not found on this machine: must exist on the DeepStream target)", hint);
        }
        else if (target.Backend == PipelineBackend.DeepStream)
        {
            r.Error(key, message, hint);
        }
        else if (target == ValidationTarget.Any)
        {
            r.Warning(key, message + " (needed on DeepStream)", hint);
        }
    }

    private static void ValidateApplication(AppConfig config, ValidationReport report)
    {
        var a = config.Application;
        var r = ReaderOf(FindGroup(config, "application"), report);
        foreach (var (key, dir) in new[] { ("gie-kitti-output-dir", a.GieKittiOutputDir), ("kitti-track-output-dir", a.KittiTrackOutputDir), ("reid-track-output-dir", a.ReidTrackOutputDir) })
        {
            if (dir is not null && !Directory.Exists(dir))
            {
                r?.Warning(key, $"directory does not exist: {dir} (dsnet run creates it; deepstream-app does not)");
            }
        }

        if (a.EnablePerfMeasurement && a.PerfMeasurementIntervalSec < 0)
        {
            r?.Error("perf-measurement-interval-sec", "perf-measurement-interval-sec must be >= 0");
        }
    }

    private static KeyFileGroup? FindGroup(AppConfig config, string name) => config.KeyFile?.Group(name);
}
