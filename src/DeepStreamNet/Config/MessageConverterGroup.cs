namespace DeepStreamNet.Config;

/// <summary><c>[message-converter]</c>, and the nvmsgconv keys of a type-6 sink.</summary>
public sealed record MessageConverterGroup
{
    public bool Enable { get; init; }

    public string? MsgConvConfig { get; init; }

    public int MsgConvPayloadType { get; init; }

    public string? MsgConvMsg2pLib { get; init; }

    public int MsgConvCompId { get; init; }

    public string? DebugPayloadDir { get; init; }

    public bool MultiplePayloads { get; init; }

    public bool MsgConvMsg2pNewApi { get; init; }

    public int MsgConvFrameInterval { get; init; } = MessageKeys.MsgConvFrameInterval.Default;

    internal static MessageConverterGroup Read(GroupReader r) => new()
    {
        Enable = r.Value(CommonKeys.Enable),
        MsgConvConfig = r.Value(MessageKeys.MsgConvConfig),
        MsgConvPayloadType = r.Value(MessageKeys.MsgConvPayloadType),
        MsgConvMsg2pLib = r.Value(MessageKeys.MsgConvMsg2pLib),
        MsgConvCompId = r.Value(MessageKeys.MsgConvCompId),
        DebugPayloadDir = r.Value(MessageKeys.DebugPayloadDir),
        MultiplePayloads = r.Value(MessageKeys.MultiplePayloads),
        MsgConvMsg2pNewApi = r.Value(MessageKeys.MsgConvMsg2pNewApi),
        MsgConvFrameInterval = r.Value(MessageKeys.MsgConvFrameInterval),
    };
}
