namespace DeepStreamNet.Config;

/// <summary><c>[sink*] type</c> (NvDsSinkType, 6.2/6.3 numbering; 5.0–6.1 differ for 5 and 7, see the spec §4.2).</summary>
public enum SinkType
{
    /// <summary><c>fakesink</c>.</summary>
    Fake = 1,

    /// <summary>dGPU <c>nveglglessink</c>; Jetson <c>nv3dsink</c> (6.2+).</summary>
    RenderEgl = 2,

    /// <summary>Encoder → muxer → <c>filesink</c>.</summary>
    EncodeFile = 3,

    /// <summary>Encoder → RTP payloader → <c>udpsink</c>, served by an RTSP server.</summary>
    UdpSink = 4,

    /// <summary><c>nvdrmvideosink</c> (6.1+; Jetson overlay sink in 5.0–6.0.1).</summary>
    RenderDrm = 5,

    /// <summary><c>nvmsgconv</c> + <c>nvmsgbroker</c>.</summary>
    MsgConvBroker = 6,
}
