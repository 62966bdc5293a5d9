namespace DeepStreamNet.Config;

/// <summary>
/// The keys deepstream-app 6.3 reads in each group (spec deepstream-app-config.md §5), with their types,
/// plus keys of other releases that 6.3 reports as unknown. Drives unknown-key warnings and typed reads.
/// </summary>
public static class ConfigSchema
{
    private const string Removed63 = "removed in DeepStream 6.3 (read by 5.0-6.2 only); deepstream-app 6.3 ignores it";
    private const string NeverParsed = "the name is defined by deepstream-app but never parsed; it has no effect";
    private const string OverlayOnly = "overlay sink key of DeepStream 5.0-6.0.1 (old sink type 5); not read by 6.1+";

    private static readonly KeySpec[] Application =
    [
        new("enable-perf-measurement", KeyType.IntBool),
        new("perf-measurement-interval-sec", KeyType.Int),
        new("gie-kitti-output-dir", KeyType.Path),
        new("kitti-track-output-dir", KeyType.Path),
        new("reid-track-output-dir", KeyType.Path, "6.3"),
    ];

    private static readonly KeySpec[] TiledDisplay =
    [
        new("enable", KeyType.Int), new("rows", KeyType.Int), new("columns", KeyType.Int),
        new("width", KeyType.Int), new("height", KeyType.Int), new("gpu-id", KeyType.Int),
        new("nvbuf-memory-type", KeyType.Int), new("compute-hw", KeyType.Int, "6.2"), new("buffer-pool-size", KeyType.Int, "6.0"),
    ];

    private static readonly KeySpec[] SourceList =
    [
        new("list", KeyType.StringList), new("num-source-bins", KeyType.Int), new("sensor-id-list", KeyType.StringList, "6.2"),
        new("use-nvmultiurisrcbin", KeyType.Bool, "6.2"), new("max-batch-size", KeyType.Int, "6.2"),
        new("http-ip", KeyType.String, "6.2"), new("http-port", KeyType.String, "6.2"), new("sgie-batch-size", KeyType.Int, "6.0"),
    ];

    private static readonly KeySpec[] Source =
    [
        new("enable", KeyType.IntBool), new("type", KeyType.Int), new("uri", KeyType.Uri), new("num-sources", KeyType.Int),
        new("gpu-id", KeyType.Int), new("camera-width", KeyType.Int), new("camera-height", KeyType.Int),
        new("camera-fps-n", KeyType.Int), new("camera-fps-d", KeyType.Int), new("camera-csi-sensor-id", KeyType.Int),
        new("camera-v4l2-dev-node", KeyType.Int), new("camera-id", KeyType.Int), new("source-id", KeyType.Int),
        new("latency", KeyType.Int), new("intra-decode-enable", KeyType.IntBool), new("low-latency-decode", KeyType.IntBool, "6.2"),
        new("num-decode-surfaces", KeyType.Int), new("num-extra-surfaces", KeyType.Int), new("drop-frame-interval", KeyType.Int),
        new("select-rtp-protocol", KeyType.Int), new("rtsp-reconnect-interval-sec", KeyType.Int),
        new("rtsp-reconnect-attempts", KeyType.Int, "6.0"), new("udp-buffer-size", KeyType.Int, "6.1"),
        new("cudadec-memtype", KeyType.Int), new("nvbuf-memory-type", KeyType.Int), new("video-format", KeyType.String, "6.2"),
        new("alsa-device", KeyType.String, "6.0"), new("smart-record", KeyType.Int), new("smart-rec-dir-path", KeyType.String),
        new("smart-rec-file-prefix", KeyType.String), new("smart-rec-cache", KeyType.Int, "6.0"),
        new("smart-rec-video-cache", KeyType.Int), new("smart-rec-container", KeyType.Int),
        new("smart-rec-start-time", KeyType.Int), new("smart-rec-default-duration", KeyType.Int),
        new("smart-rec-duration", KeyType.Int), new("smart-rec-interval", KeyType.Int),
        new("dec-skip-frames", KeyType.Int, "6.0", NeverParsed),
    ];

    private static readonly KeySpec[] StreamMux =
    [
        new("gpu-id", KeyType.Int), new("batch-size", KeyType.Int), new("batched-push-timeout", KeyType.Int),
        new("width", KeyType.Int), new("height", KeyType.Int), new("enable-padding", KeyType.IntBool),
        new("live-source", KeyType.IntBool), new("nvbuf-memory-type", KeyType.Int), new("buffer-pool-size", KeyType.Int, "6.0"),
        new("attach-sys-ts-as-ntp", KeyType.IntBool), new("num-surfaces-per-frame", KeyType.Int),
        new("config-file", KeyType.Path, "6.0"), new("sync-inputs", KeyType.IntBool, "6.0"), new("max-latency", KeyType.Int64, "6.0"),
        new("frame-num-reset-on-eos", KeyType.Bool, "6.0"), new("frame-num-reset-on-stream-reset", KeyType.Bool, "6.2"),
        new("frame-duration", KeyType.Int64, "6.2"), new("async-process", KeyType.Bool, "6.2"), new("drop-pipeline-eos", KeyType.Bool, "6.2"),
    ];

    private static readonly KeySpec[] Gie =
    [
        new("enable", KeyType.IntBool), new("config-file", KeyType.Path), new("model-engine-file", KeyType.Path),
        new("labelfile-path", KeyType.Path), new("batch-size", KeyType.Int), new("interval", KeyType.Int),
        new("gie-unique-id", KeyType.Int), new("operate-on-gie-id", KeyType.Int), new("operate-on-class-ids", KeyType.IntList),
        new("gpu-id", KeyType.Int), new("nvbuf-memory-type", KeyType.Int), new("bbox-border-color", KeyType.Colour),
        new("bbox-bg-color", KeyType.Colour), new("infer-raw-output-dir", KeyType.Path), new("plugin-type", KeyType.Int),
        new("input-tensor-meta", KeyType.Bool, "6.0"), new("audio-transform", KeyType.String, "6.0"),
        new("audio-framesize", KeyType.Int, "6.0"), new("audio-hopsize", KeyType.Int, "6.0"), new("audio-input-rate", KeyType.Int, "6.0"),
    ];

    private static readonly KeySpec[] Tracker =
    [
        new("enable", KeyType.IntBool), new("tracker-width", KeyType.Int), new("tracker-height", KeyType.Int),
        new("gpu-id", KeyType.Int), new("ll-lib-file", KeyType.Path), new("ll-config-file", KeyType.Path),
        new("tracker-surface-type", KeyType.Int), new("tracking-surface-type", KeyType.Int),
        new("display-tracking-id", KeyType.IntBool), new("tracking-id-reset-mode", KeyType.Int, "6.0"),
        new("input-tensor-meta", KeyType.Bool, "6.2"), new("tensor-meta-gie-id", KeyType.Int, "6.2"),
        new("compute-hw", KeyType.Int, "6.2"), new("user-meta-pool-size", KeyType.Int, "6.3"),
        new("enable-batch-process", KeyType.IntBool, "5.0", Removed63),
        new("enable-past-frame", KeyType.IntBool, "5.0", Removed63),
        new("tracker-algorithm", KeyType.String, "5.0", NeverParsed),
        new("iou-threshold", KeyType.String, "5.0", NeverParsed),
    ];

    private static readonly KeySpec[] Osd =
    [
        new("enable", KeyType.IntBool), new("gpu-id", KeyType.Int), new("process-mode", KeyType.Int),
        new("border-width", KeyType.Int), new("text-size", KeyType.Int), new("text-color", KeyType.Colour),
        new("text-bg-color", KeyType.Colour), new("font", KeyType.String), new("show-clock", KeyType.IntBool),
        new("clock-x-offset", KeyType.Int), new("clock-y-offset", KeyType.Int), new("clock-text-size", KeyType.Int),
        new("clock-color", KeyType.Colour), new("hw-blend-color-attr", KeyType.String), new("nvbuf-memory-type", KeyType.Int),
        new("display-text", KeyType.Bool), new("display-bbox", KeyType.Bool), new("display-mask", KeyType.Bool),
        new("border-color", KeyType.Colour, "5.0", NeverParsed + " (per-class box colours are bbox-border-color<N> of the GIE groups)"),
    ];

    private static readonly KeySpec[] MsgConv =
    [
        new("msg-conv-config", KeyType.Path), new("msg-conv-payload-type", KeyType.Int), new("msg-conv-msg2p-lib", KeyType.Path),
        new("msg-conv-comp-id", KeyType.Int), new("debug-payload-dir", KeyType.Path), new("multiple-payloads", KeyType.Bool),
        new("msg-conv-msg2p-new-api", KeyType.Bool, "6.0"), new("msg-conv-frame-interval", KeyType.Int, "6.0"),
    ];

    private static readonly KeySpec[] Sink =
    [
        new("enable", KeyType.IntBool), new("type", KeyType.Int), new("sync", KeyType.Int), new("qos", KeyType.Bool),
        new("width", KeyType.Int), new("height", KeyType.Int), new("source-id", KeyType.Int), new("link-to-demux", KeyType.IntBool),
        new("gpu-id", KeyType.Int), new("nvbuf-memory-type", KeyType.Int), new("container", KeyType.Int), new("codec", KeyType.Int),
        new("enc-type", KeyType.Int), new("output-io-mode", KeyType.Int, "6.2"), new("bitrate", KeyType.Int), new("profile", KeyType.Int),
        new("iframeinterval", KeyType.Int), new("output-file", KeyType.String), new("copy-meta", KeyType.Int, "6.2"),
        new("sw-preset", KeyType.Int, "6.3"), new("rtsp-port", KeyType.Int), new("udp-port", KeyType.Int),
        new("udp-buffer-size", KeyType.Int64), new("conn-id", KeyType.Int, "6.1"), new("plane-id", KeyType.Int, "6.1"),
        new("set-mode", KeyType.Int, "6.1"), new("color-range", KeyType.Int, "6.1"),
        new("display-id", KeyType.Int, "5.0", OverlayOnly), new("overlay-id", KeyType.Int, "5.0", OverlayOnly),
        new("offset-x", KeyType.Int, "5.0", OverlayOnly), new("offset-y", KeyType.Int, "5.0", OverlayOnly),
        .. MsgConv,
        new("msg-broker-proto-lib", KeyType.String), new("msg-broker-conn-str", KeyType.String), new("topic", KeyType.String),
        new("msg-broker-config", KeyType.Path), new("msg-broker-comp-id", KeyType.Int), new("disable-msgconv", KeyType.IntBool),
        new("new-api", KeyType.Bool),
    ];

    private static readonly KeySpec[] MessageConverter = [new("enable", KeyType.IntBool), .. MsgConv];

    private static readonly KeySpec[] MessageConsumer =
    [
        new("enable", KeyType.IntBool), new("config-file", KeyType.Path), new("proto-lib", KeyType.String),
        new("conn-str", KeyType.String), new("sensor-list-file", KeyType.Path), new("subscribe-topic-list", KeyType.StringList),
    ];

    private static readonly KeySpec[] EnableConfig = [new("enable", KeyType.IntBool), new("config-file", KeyType.Path)];

    private static readonly KeySpec[] PreProcess = [.. EnableConfig, new("operate-on-gie-id", KeyType.Int)];

    private static readonly KeySpec[] DsExample =
    [
        new("enable", KeyType.IntBool), new("full-frame", KeyType.IntBool), new("processing-width", KeyType.Int),
        new("processing-height", KeyType.Int), new("blur-objects", KeyType.Bool, "6.0"), new("unique-id", KeyType.Int),
        new("gpu-id", KeyType.Int), new("nvbuf-memory-type", KeyType.Int),
    ];

    private static readonly KeySpec[] Dewarper =
    [
        new("enable", KeyType.IntBool), new("gpu-id", KeyType.Int), new("config-file", KeyType.Path),
        new("nvbuf-memory-type", KeyType.Int), new("num-surfaces-per-frame", KeyType.Int), new("source-id", KeyType.Int),
        new("num-output-buffers", KeyType.Int, "6.3"),
    ];

    private static readonly KeySpec[] SegVisual =
    [
        new("enable", KeyType.IntBool), new("width", KeyType.Int), new("height", KeyType.Int), new("batch-size", KeyType.Int),
        new("gpu-id", KeyType.Int), new("nvbuf-memory-type", KeyType.Int),
    ];

    private static readonly KeySpec[] ImgSave =
    [
        new("enable", KeyType.IntBool), new("gpu-id", KeyType.Int), new("output-folder-path", KeyType.String),
        new("frame-to-skip-rules-path", KeyType.String), new("save-img-full-frame", KeyType.IntBool),
        new("save-img-cropped-obj", KeyType.IntBool), new("second-to-skip-interval", KeyType.Int),
        new("min-confidence", KeyType.Double), new("max-confidence", KeyType.Double),
        new("min-box-width", KeyType.Int), new("min-box-height", KeyType.Int),
    ];

    private static readonly KeySpec[] Tests = [new("file-loop", KeyType.IntBool), new("pipeline-recreate-sec", KeyType.Int, "6.1")];

    /// <summary>Group kinds deepstream-app reads, in the order the spec lists them.</summary>
    public static GroupKind Classify(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        return groupName switch
        {
            "application" => GroupKind.Application,
            "tiled-display" => GroupKind.TiledDisplay,
            "source-list" => GroupKind.SourceList,
            "source-attr-all" => GroupKind.SourceAttrAll,
            "streammux" => GroupKind.StreamMux,
            "pre-process" => GroupKind.PreProcess,
            "primary-gie" => GroupKind.PrimaryGie,
            "tracker" => GroupKind.Tracker,
            "osd" => GroupKind.Osd,
            "segvisual" => GroupKind.SegVisual,
            "nvds-analytics" => GroupKind.NvDsAnalytics,
            "ds-example" => GroupKind.DsExample,
            "img-save" => GroupKind.ImgSave,
            "message-converter" => GroupKind.MessageConverter,
            "tests" => GroupKind.Tests,
            _ when IsNumbered(groupName, "source") => GroupKind.Source,
            _ when IsNumbered(groupName, "dewarper") => GroupKind.Dewarper,
            _ when groupName.StartsWith("sink", StringComparison.Ordinal) => GroupKind.Sink,
            _ when groupName.StartsWith("secondary-gie", StringComparison.Ordinal) => GroupKind.SecondaryGie,
            _ when groupName.StartsWith("secondary-pre-process", StringComparison.Ordinal) => GroupKind.SecondaryPreProcess,
            _ when groupName.StartsWith("message-consumer", StringComparison.Ordinal) => GroupKind.MessageConsumer,
            _ => GroupKind.Unknown,
        };
    }

    /// <summary>The keys of a group kind.</summary>
    public static IReadOnlyList<KeySpec> KeysOf(GroupKind kind) => kind switch
    {
        GroupKind.Application => Application,
        GroupKind.TiledDisplay => TiledDisplay,
        GroupKind.SourceList => SourceList,
        GroupKind.SourceAttrAll or GroupKind.Source => Source,
        GroupKind.StreamMux => StreamMux,
        GroupKind.PreProcess or GroupKind.SecondaryPreProcess => PreProcess,
        GroupKind.PrimaryGie or GroupKind.SecondaryGie => Gie,
        GroupKind.Tracker => Tracker,
        GroupKind.Osd => Osd,
        GroupKind.SegVisual => SegVisual,
        GroupKind.NvDsAnalytics => EnableConfig,
        GroupKind.DsExample => DsExample,
        GroupKind.ImgSave => ImgSave,
        GroupKind.MessageConverter => MessageConverter,
        GroupKind.MessageConsumer => MessageConsumer,
        GroupKind.Dewarper => Dewarper,
        GroupKind.Sink => Sink,
        GroupKind.Tests => Tests,
        _ => [],
    };

    /// <summary>Looks a key up, including the numbered GIE colour keys <c>bbox-border-color&lt;N&gt;</c> / <c>bbox-bg-color&lt;N&gt;</c>.</summary>
    public static KeySpec? Find(GroupKind kind, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var spec in KeysOf(kind))
        {
            if (spec.Name == key)
            {
                return spec;
            }
        }

        if (kind is GroupKind.PrimaryGie or GroupKind.SecondaryGie && (ColourClass(key, "bbox-border-color") is not null || ColourClass(key, "bbox-bg-color") is not null))
        {
            return new KeySpec(key, KeyType.Colour);
        }

        return null;
    }

    /// <summary>The class id N of <c>prefix&lt;N&gt;</c>, or null when <paramref name="key"/> is not of that form.</summary>
    public static int? ColourClass(string key, string prefix)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(prefix);
        if (key.Length <= prefix.Length || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = key.AsSpan(prefix.Length);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
        }

        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>True for <c>prefix&lt;unsigned decimal&gt;</c>.</summary>
    public static bool IsNumbered(string name, string prefix)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
