namespace DeepStreamNet.Config;

/// <summary>An enabled <c>[source&lt;N&gt;]</c> group (or a <c>[source-list]</c> entry with <c>[source-attr-all]</c> applied).</summary>
public sealed record SourceGroup
{
    /// <summary>Group name (<c>source0</c>, or <c>source-list[i]</c> for list entries).</summary>
    public required string Name { get; init; }

    /// <summary>N of the group name (default camera-id).</summary>
    public int GroupNumber { get; init; }

    public SourceType? Type { get; init; }

    /// <summary>URI with its <c>file://</c> part resolved against the config folder.</summary>
    public string? Uri { get; init; }

    /// <summary>Instances for type 3 (≥ 1).</summary>
    public int NumSources { get; init; } = 1;

    public int GpuId { get; init; }

    public int CameraWidth { get; init; }

    public int CameraHeight { get; init; }

    public int CameraFpsN { get; init; }

    public int CameraFpsD { get; init; }

    public int CameraCsiSensorId { get; init; }

    public int CameraV4L2DevNode { get; init; }

    public int CameraId { get; init; }

    public int? SourceId { get; init; }

    /// <summary>RTSP jitter-buffer latency in ms.</summary>
    public int Latency { get; init; } = 100;

    public bool IntraDecodeEnable { get; init; }

    public bool LowLatencyDecode { get; init; }

    public int NumDecodeSurfaces { get; init; } = 16;

    public int NumExtraSurfaces { get; init; } = 1;

    public int DropFrameInterval { get; init; }

    public int SelectRtpProtocol { get; init; }

    public int RtspReconnectIntervalSec { get; init; }

    public int RtspReconnectAttempts { get; init; } = -1;

    public int UdpBufferSize { get; init; }

    public int CudadecMemType { get; init; }

    public int NvbufMemoryType { get; init; }

    public string? VideoFormat { get; init; }

    public string? AlsaDevice { get; init; }

    public int SmartRecord { get; init; }

    public string? SmartRecDirPath { get; init; }

    public string? SmartRecFilePrefix { get; init; }

    public int SmartRecCache { get; init; }

    public int SmartRecContainer { get; init; }

    public int SmartRecStartTime { get; init; }

    public int SmartRecDefaultDuration { get; init; }

    public int SmartRecDuration { get; init; }

    public int SmartRecInterval { get; init; }

    /// <summary>The group the values came from (for locating messages).</summary>
    public KeyFileGroup? Group { get; init; }

    /// <summary>Number of stream-muxer inputs this group creates.</summary>
    public int InstanceCount => Type == SourceType.MultiUri ? Math.Max(NumSources, 1) : 1;

    /// <summary>URI of instance <paramref name="index"/> (type 3 patterns receive the index through <c>%d</c>).</summary>
    public string? UriOf(int index) =>
        Uri is null || Type != SourceType.MultiUri || !Uri.Contains("%d", StringComparison.Ordinal)
            ? Uri
            : Uri.Replace("%d", index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    internal static SourceGroup Read(GroupReader r, string name, int number, SourceGroup? defaults = null)
    {
        var d = defaults ?? new SourceGroup { Name = name, CameraId = number };
        var numSources = r.GetInt("num-sources") ?? d.NumSources;
        var cache = r.GetInt("smart-rec-cache");
        if (cache is null && r.GetInt("smart-rec-video-cache") is { } legacyCache)
        {
            r.Warning("smart-rec-video-cache", "deprecated key 'smart-rec-video-cache'", "use smart-rec-cache");
            cache = legacyCache;
        }

        return d with
        {
            Name = name,
            GroupNumber = number,
            Type = r.Has("type") ? r.Enum<SourceType>("type", "source type", "1 (V4L2 camera), 2 (URI), 3 (multi-URI), 4 (RTSP), 5 (CSI camera), 6 (WAV), 7 (audio URI), 8 (ALSA)") : d.Type,
            Uri = r.GetUri("uri") ?? d.Uri,
            NumSources = numSources < 1 ? 1 : numSources,
            GpuId = r.GetInt("gpu-id", d.GpuId),
            CameraWidth = r.GetInt("camera-width", d.CameraWidth),
            CameraHeight = r.GetInt("camera-height", d.CameraHeight),
            CameraFpsN = r.GetInt("camera-fps-n", d.CameraFpsN),
            CameraFpsD = r.GetInt("camera-fps-d", d.CameraFpsD),
            CameraCsiSensorId = r.GetInt("camera-csi-sensor-id", d.CameraCsiSensorId),
            CameraV4L2DevNode = r.GetInt("camera-v4l2-dev-node", d.CameraV4L2DevNode),
            CameraId = r.GetInt("camera-id", defaults is null ? number : d.CameraId),
            SourceId = r.GetInt("source-id") ?? d.SourceId,
            Latency = r.GetInt("latency", d.Latency),
            IntraDecodeEnable = r.GetIntBool("intra-decode-enable", d.IntraDecodeEnable),
            LowLatencyDecode = r.GetIntBool("low-latency-decode", d.LowLatencyDecode),
            NumDecodeSurfaces = r.GetInt("num-decode-surfaces", d.NumDecodeSurfaces),
            NumExtraSurfaces = r.GetInt("num-extra-surfaces", d.NumExtraSurfaces),
            DropFrameInterval = r.GetInt("drop-frame-interval", d.DropFrameInterval),
            SelectRtpProtocol = r.GetInt("select-rtp-protocol", d.SelectRtpProtocol),
            RtspReconnectIntervalSec = r.GetInt("rtsp-reconnect-interval-sec", d.RtspReconnectIntervalSec),
            RtspReconnectAttempts = r.GetInt("rtsp-reconnect-attempts", d.RtspReconnectAttempts),
            UdpBufferSize = r.GetInt("udp-buffer-size", d.UdpBufferSize),
            CudadecMemType = r.GetInt("cudadec-memtype", d.CudadecMemType),
            NvbufMemoryType = r.GetInt("nvbuf-memory-type", d.NvbufMemoryType),
            VideoFormat = r.GetString("video-format") ?? d.VideoFormat,
            AlsaDevice = r.GetString("alsa-device") ?? d.AlsaDevice,
            SmartRecord = r.GetInt("smart-record", d.SmartRecord),
            SmartRecDirPath = r.GetString("smart-rec-dir-path") ?? d.SmartRecDirPath,
            SmartRecFilePrefix = r.GetString("smart-rec-file-prefix") ?? d.SmartRecFilePrefix,
            SmartRecCache = cache ?? d.SmartRecCache,
            SmartRecContainer = r.GetInt("smart-rec-container", d.SmartRecContainer),
            SmartRecStartTime = r.GetInt("smart-rec-start-time", d.SmartRecStartTime),
            SmartRecDefaultDuration = r.GetInt("smart-rec-default-duration", d.SmartRecDefaultDuration),
            SmartRecDuration = r.GetInt("smart-rec-duration", d.SmartRecDuration),
            SmartRecInterval = r.GetInt("smart-rec-interval", d.SmartRecInterval),
            Group = r.Group,
        };
    }
}
