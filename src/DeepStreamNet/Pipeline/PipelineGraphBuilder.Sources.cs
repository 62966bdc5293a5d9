using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>Source bins per source type (deepstream-app's create_*_source_bin, or the portable equivalents).</summary>
public sealed partial class PipelineGraphBuilder
{
    /// <summary>Adds the elements of one source instance and its <see cref="GraphSource"/>; returns the element that
    /// feeds the muxer, or null.</summary>
    private string? BuildSource(SourceGroup s, int instance, int pad)
    {
        var p = $"src_bin_{pad}";
        var first = _graph.Elements.Count;
        var feed = s.Type switch
        {
            SourceType.CameraV4L2 => V4L2Source(s, p),
            SourceType.Uri or SourceType.MultiUri => UriSource(s, instance, p),
            SourceType.Rtsp => RtspSource(s, p),
            SourceType.CameraCsi => CsiSource(s, p),
            _ => null, // missing type or audio type: reported by validation
        };
        if (feed is null)
        {
            return null;
        }

        var elements = _graph.Elements.Skip(first).ToList();
        var input = elements[0];
        input.Role = ElementRole.SourceInput;
        var location = (input.Get("uri") ?? input.Get("location") ?? input.Get("device"))?.Value as string;
        var kind = s.Type switch
        {
            SourceType.Rtsp => SourceKind.Rtsp,
            SourceType.CameraV4L2 => SourceKind.Camera,
            _ when location?.StartsWith("file:", StringComparison.Ordinal) == true => SourceKind.File,
            _ => SourceKind.Other,
        };
        _graph.AddSource(new GraphSource(pad, s.Name, kind, elements.Select(e => e.Name).ToList(), input, feed)
        {
            ReconnectIntervalSec = kind == SourceKind.Rtsp ? s.RtspReconnectIntervalSec : 0,
            ReconnectAttempts = s.RtspReconnectAttempts,
        });
        return feed;
    }

    private static string CameraCaps(SourceGroup s, bool nvmm)
    {
        var caps = nvmm ? "video/x-raw(memory:NVMM)" : "video/x-raw";
        if (s.CameraWidth > 0 && s.CameraHeight > 0)
        {
            caps += $", width={s.CameraWidth}, height={s.CameraHeight}";
        }

        if (s.CameraFpsN > 0 && s.CameraFpsD > 0)
        {
            caps += $", framerate={s.CameraFpsN}/{s.CameraFpsD}";
        }

        return caps;
    }

    private string V4L2Source(SourceGroup s, string p)
    {
        _graph.Add($"{p}_src", "v4l2src").Set("device", $"/dev/video{s.CameraV4L2DevNode}");
        _graph.Add($"{p}_cap_filter1", "capsfilter").Set("caps", GraphValue.Caps(CameraCaps(s, nvmm: false)));
        _graph.Link($"{p}_src", $"{p}_cap_filter1");
        if (!_ds)
        {
            return ConvertForMuxer(s, p, $"{p}_cap_filter1");
        }

        // deepstream-app converts raw camera formats in system memory first (videoconvert), then to NVMM.
        _graph.Add($"{p}_vidconv1", "videoconvert");
        _graph.Link($"{p}_cap_filter1", $"{p}_vidconv1");
        return ConvertForMuxer(s, p, $"{p}_vidconv1");
    }

    private string UriSource(SourceGroup s, int instance, string p)
    {
        var e = _graph.Add($"{p}_src", "uridecodebin");
        if (s.UriOf(instance) is { } uri)
        {
            e.Set("uri", uri);
        }

        if (_ds)
        {
            e.Note = DecoderNote(s);
        }

        _graph.Add($"{p}_queue", "queue");
        _graph.Link(e.Name, $"{p}_queue", "src_%u", null);
        return ConvertForMuxer(s, p, $"{p}_queue");
    }

    private string RtspSource(SourceGroup s, string p)
    {
        var src = _graph.Add($"{p}_src", "rtspsrc");
        if (s.Uri is not null)
        {
            src.Set("location", s.Uri);
        }

        src.Set("latency", GraphValue.OfUInt((uint)Math.Max(s.Latency, 0)));
        if (s.SelectRtpProtocol == 4)
        {
            src.Set("protocols", GraphValue.Enum("tcp"));
        }

        if (s.UdpBufferSize > 0)
        {
            src.Set("udp-buffer-size", s.UdpBufferSize);
        }

        if (s.RtspReconnectIntervalSec > 0)
        {
            src.Note = $"reconnect after {s.RtspReconnectIntervalSec} s without data ({(s.RtspReconnectAttempts < 0 ? "unlimited" : s.RtspReconnectAttempts.ToString(CultureInfo.InvariantCulture))} attempts)";
        }

        if (_ds)
        {
            var depay = _graph.Add($"{p}_depay", "rtph264depay");
            depay.Note = "chosen from the stream caps at run time: rtph264depay/h264parse for H.264, rtph265depay/h265parse for H.265";
            _graph.Add($"{p}_parse", "h264parse");
            _graph.Add($"{p}_queue", "queue");
            var dec = _graph.Add($"{p}_decoder", "nvv4l2decoder");
            if (s.DropFrameInterval > 0)
            {
                dec.Set("drop-frame-interval", GraphValue.OfUInt((uint)s.DropFrameInterval));
            }

            dec.Set("num-extra-surfaces", GraphValue.OfUInt((uint)s.NumExtraSurfaces));
            if (s.IntraDecodeEnable)
            {
                dec.Set("skip-frames", GraphValue.Enum("decode_key"));
            }

            if (s.LowLatencyDecode)
            {
                dec.Set("low-latency-mode", true);
            }

            _graph.Link(src.Name, depay.Name, "src_%u", null);
            _graph.Chain(depay.Name, $"{p}_parse", $"{p}_queue", dec.Name);
            return ConvertForMuxer(s, p, dec.Name);
        }

        _graph.Add($"{p}_decodebin", "decodebin", ElementRole.SourceDecoder);
        _graph.Add($"{p}_queue", "queue");
        _graph.Link(src.Name, $"{p}_decodebin", "src_%u", null);
        _graph.Link($"{p}_decodebin", $"{p}_queue", "src_%u", null);
        return ConvertForMuxer(s, p, $"{p}_queue");
    }

    private string? CsiSource(SourceGroup s, string p)
    {
        if (!_ds)
        {
            BackendError(s.Group, "type", "type=5 (CSI camera) needs a Jetson with nvarguscamerasrc; the portable runtime has no CSI source", "use type=1 (V4L2) for USB cameras, or run on DeepStream on the Jetson");
            return null;
        }

        if (_graph.Platform == TargetPlatform.Jetson)
        {
            _graph.Add($"{p}_src", "nvarguscamerasrc").Set("sensor-id", s.CameraCsiSensorId).Set("bufapi-version", true);
            _graph.Add($"{p}_cap_filter1", "capsfilter").Set("caps", GraphValue.Caps(CameraCaps(s, nvmm: true)));
        }
        else
        {
            var e = _graph.Add($"{p}_src", "videotestsrc").Set("is-live", true);
            e.Note = "dGPU builds of deepstream-app replace the CSI camera with videotestsrc";
            _graph.Add($"{p}_cap_filter1", "capsfilter").Set("caps", GraphValue.Caps(CameraCaps(s, nvmm: false)));
            BackendWarning(s.Group, "type", "type=5 (CSI camera) exists only on Jetson: on dGPU deepstream-app uses videotestsrc");
        }

        _graph.Chain($"{p}_src", $"{p}_cap_filter1");
        return ConvertForMuxer(s, p, $"{p}_cap_filter1");
    }

    /// <summary>The converter + caps filter every source bin ends with (NVMM NV12 for nvstreammux, RGBA for dsnetstreammux).</summary>
    private string ConvertForMuxer(SourceGroup s, string p, string from)
    {
        var conv = _graph.Add($"{p}_nvvidconv", _factories.SourceConverter);
        if (_ds)
        {
            conv.Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId)).Set("nvbuf-memory-type", s.NvbufMemoryType);
        }

        _graph.Add($"{p}_cap_filter", "capsfilter").Set("caps", GraphValue.Caps(_ds ? NvmmNv12 : RawRgba));
        _graph.Chain(from, conv.Name, $"{p}_cap_filter");
        return $"{p}_cap_filter";
    }

    private static string DecoderNote(SourceGroup s) =>
        $"decoder chosen at run time (nvv4l2decoder): num-extra-surfaces={s.NumExtraSurfaces}" +
        (s.DropFrameInterval > 0 ? $", drop-frame-interval={s.DropFrameInterval}" : "") +
        (s.IntraDecodeEnable ? ", skip-frames=decode_key" : "") +
        (s.CudadecMemType != 0 ? $", cudadec-memtype={s.CudadecMemType}" : "");
}
