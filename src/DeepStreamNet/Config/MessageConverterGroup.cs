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

    public int MsgConvFrameInterval { get; init; } = 30;

    internal static MessageConverterGroup Read(GroupReader r) => new()
    {
        Enable = r.GetIntBool("enable", false),
        MsgConvConfig = r.GetPath("msg-conv-config"),
        MsgConvPayloadType = r.GetInt("msg-conv-payload-type", 0),
        MsgConvMsg2pLib = r.GetPath("msg-conv-msg2p-lib"),
        MsgConvCompId = r.GetInt("msg-conv-comp-id", 0),
        DebugPayloadDir = r.GetPath("debug-payload-dir"),
        MultiplePayloads = r.GetBool("multiple-payloads", false),
        MsgConvMsg2pNewApi = r.GetBool("msg-conv-msg2p-new-api", false),
        MsgConvFrameInterval = r.GetInt("msg-conv-frame-interval", 30),
    };
}
