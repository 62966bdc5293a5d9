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
    public int NumSources { get; init; } = SourceKeys.NumSources.Default;

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
    public int Latency { get; init; } = SourceKeys.Latency.Default;

    public bool IntraDecodeEnable { get; init; }

    public bool LowLatencyDecode { get; init; }

    public int NumDecodeSurfaces { get; init; } = SourceKeys.NumDecodeSurfaces.Default;

    public int NumExtraSurfaces { get; init; } = SourceKeys.NumExtraSurfaces.Default;

    public int DropFrameInterval { get; init; }

    public int SelectRtpProtocol { get; init; }

    public int RtspReconnectIntervalSec { get; init; }

    public int RtspReconnectAttempts { get; init; } = SourceKeys.RtspReconnectAttempts.Default;

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
        var numSources = r.Value(SourceKeys.NumSources, d.NumSources);
        var cache = r.Value(SourceKeys.SmartRecCache);
        if (cache is null && r.Value(SourceKeys.SmartRecVideoCache) is { } legacyCache)
        {
            r.Warning(SourceKeys.SmartRecVideoCache.Name, "deprecated key 'smart-rec-video-cache'", "use smart-rec-cache");
            cache = legacyCache;
        }

        return d with
        {
            Name = name,
            GroupNumber = number,
            Type = r.Has(SourceKeys.Type.Name) ? r.Enum<SourceType>(SourceKeys.Type) : d.Type,
            Uri = r.Value(SourceKeys.Uri) ?? d.Uri,
            NumSources = numSources < 1 ? 1 : numSources,
            GpuId = r.Value(CommonKeys.GpuId, d.GpuId),
            CameraWidth = r.Value(SourceKeys.CameraWidth, d.CameraWidth),
            CameraHeight = r.Value(SourceKeys.CameraHeight, d.CameraHeight),
            CameraFpsN = r.Value(SourceKeys.CameraFpsN, d.CameraFpsN),
            CameraFpsD = r.Value(SourceKeys.CameraFpsD, d.CameraFpsD),
            CameraCsiSensorId = r.Value(SourceKeys.CameraCsiSensorId, d.CameraCsiSensorId),
            CameraV4L2DevNode = r.Value(SourceKeys.CameraV4L2DevNode, d.CameraV4L2DevNode),
            CameraId = r.Value(SourceKeys.CameraId) ?? (defaults is null ? number : d.CameraId),
            SourceId = r.Value(SourceKeys.SourceId) ?? d.SourceId,
            Latency = r.Value(SourceKeys.Latency, d.Latency),
            IntraDecodeEnable = r.Value(SourceKeys.IntraDecodeEnable, d.IntraDecodeEnable),
            LowLatencyDecode = r.Value(SourceKeys.LowLatencyDecode, d.LowLatencyDecode),
            NumDecodeSurfaces = r.Value(SourceKeys.NumDecodeSurfaces, d.NumDecodeSurfaces),
            NumExtraSurfaces = r.Value(SourceKeys.NumExtraSurfaces, d.NumExtraSurfaces),
            DropFrameInterval = r.Value(SourceKeys.DropFrameInterval, d.DropFrameInterval),
            SelectRtpProtocol = r.Value(SourceKeys.SelectRtpProtocol, d.SelectRtpProtocol),
            RtspReconnectIntervalSec = r.Value(SourceKeys.RtspReconnectIntervalSec, d.RtspReconnectIntervalSec),
            RtspReconnectAttempts = r.Value(SourceKeys.RtspReconnectAttempts, d.RtspReconnectAttempts),
            UdpBufferSize = r.Value(SourceKeys.UdpBufferSize, d.UdpBufferSize),
            CudadecMemType = r.Value(SourceKeys.CudadecMemType, d.CudadecMemType),
            NvbufMemoryType = r.Value(CommonKeys.NvbufMemoryType, d.NvbufMemoryType),
            VideoFormat = r.Value(SourceKeys.VideoFormat) ?? d.VideoFormat,
            AlsaDevice = r.Value(SourceKeys.AlsaDevice) ?? d.AlsaDevice,
            SmartRecord = r.Value(SourceKeys.SmartRecord, d.SmartRecord),
            SmartRecDirPath = r.Value(SourceKeys.SmartRecDirPath) ?? d.SmartRecDirPath,
            SmartRecFilePrefix = r.Value(SourceKeys.SmartRecFilePrefix) ?? d.SmartRecFilePrefix,
            SmartRecCache = cache ?? d.SmartRecCache,
            SmartRecContainer = r.Value(SourceKeys.SmartRecContainer, d.SmartRecContainer),
            SmartRecStartTime = r.Value(SourceKeys.SmartRecStartTime, d.SmartRecStartTime),
            SmartRecDefaultDuration = r.Value(SourceKeys.SmartRecDefaultDuration, d.SmartRecDefaultDuration),
            SmartRecDuration = r.Value(SourceKeys.SmartRecDuration, d.SmartRecDuration),
            SmartRecInterval = r.Value(SourceKeys.SmartRecInterval, d.SmartRecInterval),
            Group = r.Group,
        };
    }
}
