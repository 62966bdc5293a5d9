namespace DeepStreamNet.Config;

/// <summary><c>[sourceN]</c> and <c>[source-attr-all]</c> keys.</summary>
public static class SourceKeys
{
    private const string NeverParsed = "the name is defined by deepstream-app but never parsed; it has no effect";

    public static readonly Key<int?> Type = Declare.Choice<SourceType>("type", "source type", "1 (V4L2 camera), 2 (URI), 3 (multi-URI), 4 (RTSP), 5 (CSI camera), 6 (WAV), 7 (audio URI), 8 (ALSA)");
    public static readonly Key<string?> Uri = Declare.Uri("uri");

    /// <summary>Instances of a type-3 source (0 is read as 1).</summary>
    public static readonly Key<int> NumSources = Declare.Int("num-sources", 1, min: 0, max: CommonKeys.MaxSources);
    public static readonly Key<int> CameraWidth = CommonKeys.Dimension("camera-width");
    public static readonly Key<int> CameraHeight = CommonKeys.Dimension("camera-height");
    public static readonly Key<int> CameraFpsN = Declare.Int("camera-fps-n", 0, min: 0);
    public static readonly Key<int> CameraFpsD = Declare.Int("camera-fps-d", 0, min: 0);
    public static readonly Key<int> CameraCsiSensorId = Declare.Int("camera-csi-sensor-id", 0, min: 0, on: KeyBackends.DeepStream);
    public static readonly Key<int> CameraV4L2DevNode = Declare.Int("camera-v4l2-dev-node", 0, min: 0);

    /// <summary>Default: N of the group name.</summary>
    public static readonly Key<int?> CameraId = Declare.OptionalInt("camera-id", min: 0);
    public static readonly Key<int?> SourceId = Declare.OptionalInt("source-id", min: 0);
    public static readonly Key<int> Latency = Declare.Int("latency", 100, min: 0);
    public static readonly Key<bool> IntraDecodeEnable = Declare.Flag("intra-decode-enable", on: KeyBackends.DeepStream);
    public static readonly Key<bool> LowLatencyDecode = Declare.Flag("low-latency-decode", since: "6.2", on: KeyBackends.DeepStream);
    public static readonly Key<int> NumDecodeSurfaces = Declare.Int("num-decode-surfaces", 16, min: 0, max: 1024, on: KeyBackends.DeepStream);
    public static readonly Key<int> NumExtraSurfaces = Declare.Int("num-extra-surfaces", 1, min: 0, max: 1024, on: KeyBackends.DeepStream);
    public static readonly Key<int> DropFrameInterval = Declare.Int("drop-frame-interval", 0, min: 0);
    public static readonly Key<int> SelectRtpProtocol = Declare.Int("select-rtp-protocol", 0, min: 0);
    public static readonly Key<int> RtspReconnectIntervalSec = Declare.Int("rtsp-reconnect-interval-sec", 0, min: 0);
    public static readonly Key<int> RtspReconnectAttempts = Declare.Int("rtsp-reconnect-attempts", -1, min: -1, since: "6.0");
    public static readonly Key<int> UdpBufferSize = Declare.Int("udp-buffer-size", 0, min: 0, since: "6.1");
    public static readonly Key<int> CudadecMemType = Declare.Int("cudadec-memtype", 0, min: 0, max: 2, on: KeyBackends.DeepStream);
    public static readonly Key<string?> VideoFormat = Declare.Text("video-format", "6.2");
    public static readonly Key<string?> AlsaDevice = Declare.Text("alsa-device", "6.0");
    public static readonly Key<int> SmartRecord = Declare.Int("smart-record", 0, min: 0, max: 2);
    public static readonly Key<string?> SmartRecDirPath = Declare.Text("smart-rec-dir-path");
    public static readonly Key<string?> SmartRecFilePrefix = Declare.Text("smart-rec-file-prefix");
    public static readonly Key<int?> SmartRecCache = Declare.OptionalInt("smart-rec-cache", min: 0, since: "6.0");

    /// <summary>Deprecated name of <see cref="SmartRecCache"/>.</summary>
    public static readonly Key<int?> SmartRecVideoCache = Declare.OptionalInt("smart-rec-video-cache", min: 0);
    public static readonly Key<int> SmartRecContainer = Declare.Int("smart-rec-container", 0, min: 0, max: 1);
    public static readonly Key<int> SmartRecStartTime = Declare.Int("smart-rec-start-time", 0, min: 0);
    public static readonly Key<int> SmartRecDefaultDuration = Declare.Int("smart-rec-default-duration", 0, min: 0);
    public static readonly Key<int> SmartRecDuration = Declare.Int("smart-rec-duration", 0, min: 0);
    public static readonly Key<int> SmartRecInterval = Declare.Int("smart-rec-interval", 0, min: 0);

    public static readonly KeySpec[] All =
    [
        CommonKeys.Enable, Type, Uri, NumSources, CommonKeys.GpuId, CameraWidth, CameraHeight, CameraFpsN, CameraFpsD,
        CameraCsiSensorId, CameraV4L2DevNode, CameraId, SourceId, Latency, IntraDecodeEnable, LowLatencyDecode,
        NumDecodeSurfaces, NumExtraSurfaces, DropFrameInterval, SelectRtpProtocol, RtspReconnectIntervalSec,
        RtspReconnectAttempts, UdpBufferSize, CudadecMemType, CommonKeys.NvbufMemoryType, VideoFormat, AlsaDevice,
        SmartRecord, SmartRecDirPath, SmartRecFilePrefix, SmartRecCache, SmartRecVideoCache, SmartRecContainer,
        SmartRecStartTime, SmartRecDefaultDuration, SmartRecDuration, SmartRecInterval,
        Declare.NotRead("dec-skip-frames", KeyType.Int, "6.0", NeverParsed),
    ];
}
