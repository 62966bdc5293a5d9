namespace DeepStreamNet.Config;

/// <summary>nvmsgconv keys (<c>[message-converter]</c> and type-6 sinks) and <c>[message-consumerN]</c> keys.</summary>
public static class MessageKeys
{
    public static readonly Key<string?> MsgConvConfig = Declare.Path("msg-conv-config");
    public static readonly Key<int> MsgConvPayloadType = Declare.Int("msg-conv-payload-type", 0, min: 0);
    public static readonly Key<string?> MsgConvMsg2pLib = Declare.Path("msg-conv-msg2p-lib");
    public static readonly Key<int> MsgConvCompId = Declare.Int("msg-conv-comp-id", 0, min: 0);
    public static readonly Key<string?> DebugPayloadDir = Declare.Path("debug-payload-dir");
    public static readonly Key<bool> MultiplePayloads = Declare.Bool("multiple-payloads");
    public static readonly Key<bool> MsgConvMsg2pNewApi = Declare.Bool("msg-conv-msg2p-new-api", since: "6.0");
    public static readonly Key<int> MsgConvFrameInterval = Declare.Int("msg-conv-frame-interval", 30, min: 0, since: "6.0");

    public static readonly Key<string?> ProtoLib = Declare.Text("proto-lib");
    public static readonly Key<string?> ConnStr = Declare.Text("conn-str");
    public static readonly Key<string?> SensorListFile = Declare.Path("sensor-list-file");
    public static readonly Key<IReadOnlyList<string>?> SubscribeTopicList = Declare.StringList("subscribe-topic-list");

    /// <summary>The converter keys a type-6 sink shares with <c>[message-converter]</c>.</summary>
    public static readonly KeySpec[] Conversion =
    [
        MsgConvConfig, MsgConvPayloadType, MsgConvMsg2pLib, MsgConvCompId, DebugPayloadDir, MultiplePayloads, MsgConvMsg2pNewApi, MsgConvFrameInterval,
    ];

    public static readonly KeySpec[] Converter = [CommonKeys.Enable, .. Conversion];

    public static readonly KeySpec[] Consumer = [CommonKeys.Enable, CommonKeys.ConfigFile, ProtoLib, ConnStr, SensorListFile, SubscribeTopicList];
}
