namespace DeepStreamNet.Config;

/// <summary>An enabled <c>[sink*]</c> group.</summary>
public sealed record SinkGroup
{
    public required string Name { get; init; }

    public SinkType? Type { get; init; }

    /// <summary>0 = as fast as possible, 1 = synchronise to the clock.</summary>
    public int Sync { get; init; }

    /// <summary>Set on the sink only when given.</summary>
    public bool? Qos { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public int SourceId { get; init; }

    public bool LinkToDemux { get; init; }

    public int GpuId { get; init; }

    public int NvbufMemoryType { get; init; }

    /// <summary><c>container</c> as written (checked only for sink types that encode).</summary>
    public int? ContainerValue { get; init; }

    public int? CodecValue { get; init; }

    public int? EncTypeValue { get; init; }

    /// <summary>The container, or null when not set or not a valid value.</summary>
    public ContainerType? Container => ContainerValue is { } v && Enum.IsDefined((ContainerType)v) ? (ContainerType)v : null;

    public EncoderCodec? Codec => CodecValue is { } v && Enum.IsDefined((EncoderCodec)v) ? (EncoderCodec)v : null;

    public EncoderType? EncType => EncTypeValue is { } v && Enum.IsDefined((EncoderType)v) ? (EncoderType)v : null;

    public int OutputIoMode { get; init; }

    public int Bitrate { get; init; }

    public int Profile { get; init; }

    public int IFrameInterval { get; init; }

    /// <summary>Type 3 output file (not resolved: relative to the working directory).</summary>
    public string? OutputFile { get; init; }

    public int CopyMeta { get; init; }

    public int? SwPreset { get; init; }

    public int RtspPort { get; init; } = 8554;

    public int UdpPort { get; init; } = 5000;

    public long UdpBufferSize { get; init; }

    public int ConnId { get; init; }

    public int PlaneId { get; init; }

    public int SetMode { get; init; } = -1;

    public int ColorRange { get; init; } = -1;

    public MessageConverterGroup MsgConv { get; init; } = new();

    public string? MsgBrokerProtoLib { get; init; }

    public string? MsgBrokerConnStr { get; init; }

    public string? Topic { get; init; }

    public string? MsgBrokerConfig { get; init; }

    public int MsgBrokerCompId { get; init; }

    public bool DisableMsgConv { get; init; }

    public bool NewApi { get; init; }

    public KeyFileGroup? Group { get; init; }

    internal static SinkGroup Read(GroupReader r) => new()
    {
        Name = r.Group.Name,
        Type = r.Enum<SinkType>("type", "sink type", "1 (fakesink), 2 (EGL/3D renderer), 3 (encode to file), 4 (RTSP streaming), 5 (DRM renderer), 6 (message converter + broker)"),
        Sync = r.GetInt("sync", 0),
        Qos = r.GetBool("qos"),
        Width = r.GetInt("width", 0),
        Height = r.GetInt("height", 0),
        SourceId = r.GetInt("source-id", 0),
        LinkToDemux = r.GetIntBool("link-to-demux", false),
        GpuId = r.GetInt("gpu-id", 0),
        NvbufMemoryType = r.GetInt("nvbuf-memory-type", 0),
        ContainerValue = r.GetInt("container"),
        CodecValue = r.GetInt("codec"),
        EncTypeValue = r.GetInt("enc-type"),
        OutputIoMode = r.GetInt("output-io-mode", 0),
        Bitrate = r.GetInt("bitrate", 0),
        Profile = r.GetInt("profile", 0),
        IFrameInterval = r.GetInt("iframeinterval", 0),
        OutputFile = r.GetString("output-file"),
        CopyMeta = r.GetInt("copy-meta", 0),
        SwPreset = r.GetInt("sw-preset"),
        RtspPort = r.GetInt("rtsp-port", 8554),
        UdpPort = r.GetInt("udp-port", 5000),
        UdpBufferSize = r.GetInt64("udp-buffer-size") ?? 0,
        ConnId = r.GetInt("conn-id", 0),
        PlaneId = r.GetInt("plane-id", 0),
        SetMode = r.GetInt("set-mode", -1),
        ColorRange = r.GetInt("color-range", -1),
        MsgConv = MessageConverterGroup.Read(r),
        MsgBrokerProtoLib = r.GetString("msg-broker-proto-lib"),
        MsgBrokerConnStr = r.GetString("msg-broker-conn-str"),
        Topic = r.GetString("topic"),
        MsgBrokerConfig = r.GetPath("msg-broker-config"),
        MsgBrokerCompId = r.GetInt("msg-broker-comp-id", 0),
        DisableMsgConv = r.GetIntBool("disable-msgconv", false),
        NewApi = r.GetBool("new-api", false),
        Group = r.Group,
    };
}
