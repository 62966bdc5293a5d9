namespace DeepStreamNet.Config;

/// <summary><c>[sinkN]</c> keys. Encoder keys are read as written and checked per sink type by the sink rules.</summary>
public static class SinkKeys
{
    private const string OverlayOnly = "overlay sink key of DeepStream 5.0-6.0.1 (old sink type 5); not read by 6.1+";

    public static readonly Key<int?> Type = Declare.Choice<SinkType>("type", "sink type", "1 (fakesink), 2 (EGL/3D renderer), 3 (encode to file), 4 (RTSP streaming), 5 (DRM renderer), 6 (message converter + broker)");

    /// <summary>0 = as fast as possible, 1 = synchronise to the clock.</summary>
    public static readonly Key<int> Sync = Declare.Int("sync", 0, min: 0, max: 1);
    public static readonly Key<bool?> Qos = Declare.OptionalBool("qos");
    public static readonly Key<int> Width = CommonKeys.Dimension("width");
    public static readonly Key<int> Height = CommonKeys.Dimension("height");
    public static readonly Key<int> SourceId = Declare.Int("source-id", 0, min: 0);
    public static readonly Key<bool> LinkToDemux = Declare.Flag("link-to-demux");
    public static readonly Key<int?> Container = Declare.OptionalInt("container");
    public static readonly Key<int?> Codec = Declare.OptionalInt("codec");
    public static readonly Key<int?> EncType = Declare.OptionalInt("enc-type");
    public static readonly Key<int> OutputIoMode = Declare.Int("output-io-mode", 0, min: 0, since: "6.2", on: KeyBackends.DeepStream);
    public static readonly Key<int> Bitrate = Declare.Int("bitrate", 0, min: 0);
    public static readonly Key<int> Profile = Declare.Int("profile", 0, min: 0);
    public static readonly Key<int> IFrameInterval = Declare.Int("iframeinterval", 0, min: 0);

    /// <summary>Type 3 output file (not resolved: relative to the working directory).</summary>
    public static readonly Key<string?> OutputFile = Declare.Text("output-file");
    public static readonly Key<int> CopyMeta = Declare.Int("copy-meta", 0, min: 0, since: "6.2", on: KeyBackends.DeepStream);
    public static readonly Key<int?> SwPreset = Declare.OptionalInt("sw-preset", min: 0, since: "6.3");
    public static readonly Key<int> RtspPort = Declare.Int("rtsp-port", 8554, min: 1, max: 65535);
    public static readonly Key<int> UdpPort = Declare.Int("udp-port", 5000, min: 1, max: 65535);
    public static readonly Key<long> UdpBufferSize = Declare.Long("udp-buffer-size", 0, min: 0);
    public static readonly Key<int> ConnId = Declare.Int("conn-id", 0, min: 0, since: "6.1");
    public static readonly Key<int> PlaneId = Declare.Int("plane-id", 0, min: 0, since: "6.1");
    public static readonly Key<int> SetMode = Declare.Int("set-mode", -1, min: -1, since: "6.1");
    public static readonly Key<int> ColorRange = Declare.Int("color-range", -1, min: -1, since: "6.1");
    public static readonly Key<string?> MsgBrokerProtoLib = Declare.Text("msg-broker-proto-lib");
    public static readonly Key<string?> MsgBrokerConnStr = Declare.Text("msg-broker-conn-str");
    public static readonly Key<string?> Topic = Declare.Text("topic");
    public static readonly Key<string?> MsgBrokerConfig = Declare.Path("msg-broker-config");
    public static readonly Key<int> MsgBrokerCompId = Declare.Int("msg-broker-comp-id", 0, min: 0);
    public static readonly Key<bool> DisableMsgConv = Declare.Flag("disable-msgconv");
    public static readonly Key<bool> NewApi = Declare.Bool("new-api");

    /// <summary>Keys only the encoding sinks (type 3 file, type 4 RTSP) use.</summary>
    public static readonly KeySpec[] EncoderKeys = [Container, Codec, EncType, Bitrate, OutputFile, IFrameInterval, RtspPort, UdpPort];

    public static readonly KeySpec[] All =
    [
        CommonKeys.Enable, Type, Sync, Qos, Width, Height, SourceId, LinkToDemux, CommonKeys.GpuId, CommonKeys.NvbufMemoryType,
        Container, Codec, EncType, OutputIoMode, Bitrate, Profile, IFrameInterval, OutputFile, CopyMeta, SwPreset, RtspPort,
        UdpPort, UdpBufferSize, ConnId, PlaneId, SetMode, ColorRange,
        Declare.NotRead("display-id", KeyType.Int, "5.0", OverlayOnly), Declare.NotRead("overlay-id", KeyType.Int, "5.0", OverlayOnly),
        Declare.NotRead("offset-x", KeyType.Int, "5.0", OverlayOnly), Declare.NotRead("offset-y", KeyType.Int, "5.0", OverlayOnly),
        .. MessageKeys.Conversion,
        MsgBrokerProtoLib, MsgBrokerConnStr, Topic, MsgBrokerConfig, MsgBrokerCompId, DisableMsgConv, NewApi,
    ];
}
