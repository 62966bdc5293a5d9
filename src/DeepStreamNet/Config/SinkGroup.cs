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

    public int RtspPort { get; init; } = SinkKeys.RtspPort.Default;

    public int UdpPort { get; init; } = SinkKeys.UdpPort.Default;

    public long UdpBufferSize { get; init; }

    public int ConnId { get; init; }

    public int PlaneId { get; init; }

    public int SetMode { get; init; } = SinkKeys.SetMode.Default;

    public int ColorRange { get; init; } = SinkKeys.ColorRange.Default;

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
        Type = r.Enum<SinkType>(SinkKeys.Type),
        Sync = r.Value(SinkKeys.Sync),
        Qos = r.Value(SinkKeys.Qos),
        Width = r.Value(SinkKeys.Width),
        Height = r.Value(SinkKeys.Height),
        SourceId = r.Value(SinkKeys.SourceId),
        LinkToDemux = r.Value(SinkKeys.LinkToDemux),
        GpuId = r.Value(CommonKeys.GpuId),
        NvbufMemoryType = r.Value(CommonKeys.NvbufMemoryType),
        ContainerValue = r.Value(SinkKeys.Container),
        CodecValue = r.Value(SinkKeys.Codec),
        EncTypeValue = r.Value(SinkKeys.EncType),
        OutputIoMode = r.Value(SinkKeys.OutputIoMode),
        Bitrate = r.Value(SinkKeys.Bitrate),
        Profile = r.Value(SinkKeys.Profile),
        IFrameInterval = r.Value(SinkKeys.IFrameInterval),
        OutputFile = r.Value(SinkKeys.OutputFile),
        CopyMeta = r.Value(SinkKeys.CopyMeta),
        SwPreset = r.Value(SinkKeys.SwPreset),
        RtspPort = r.Value(SinkKeys.RtspPort),
        UdpPort = r.Value(SinkKeys.UdpPort),
        UdpBufferSize = r.Value(SinkKeys.UdpBufferSize),
        ConnId = r.Value(SinkKeys.ConnId),
        PlaneId = r.Value(SinkKeys.PlaneId),
        SetMode = r.Value(SinkKeys.SetMode),
        ColorRange = r.Value(SinkKeys.ColorRange),
        MsgConv = MessageConverterGroup.Read(r),
        MsgBrokerProtoLib = r.Value(SinkKeys.MsgBrokerProtoLib),
        MsgBrokerConnStr = r.Value(SinkKeys.MsgBrokerConnStr),
        Topic = r.Value(SinkKeys.Topic),
        MsgBrokerConfig = r.Value(SinkKeys.MsgBrokerConfig),
        MsgBrokerCompId = r.Value(SinkKeys.MsgBrokerCompId),
        DisableMsgConv = r.Value(SinkKeys.DisableMsgConv),
        NewApi = r.Value(SinkKeys.NewApi),
        Group = r.Group,
    };
}
