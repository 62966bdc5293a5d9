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
        var names = elements.Select(e => e.Name).ToList();
        if (s.Type == SourceType.Rtsp)
        {
            names.InsertRange(1, [$"{p}_depay", $"{p}_parse"]); // made by the runner from the RTP caps
        }

        _graph.AddSource(new GraphSource(pad, s.Name, kind, names, input, feed)
        {
            ReconnectIntervalSec = kind == SourceKind.Rtsp ? s.RtspReconnectIntervalSec : 0,
            ReconnectAttempts = s.RtspReconnectAttempts,
        });
        return feed;
    }

    private static string CameraCaps(SourceGroup s, string head)
    {
        var caps = head;
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
        _graph.Add($"{p}_cap_filter1", "capsfilter").Set("caps", GraphValue.Caps(CameraCaps(s, "video/x-raw")));
        _graph.Link($"{p}_src", $"{p}_cap_filter1");
        if (!_ds || _graph.Platform == TargetPlatform.Jetson)
        {
            // deepstream_source_bin.c:140-150: the system-memory videoconvert only on dGPU (!prop.integrated).
            return ConvertForMuxer(s, p, $"{p}_cap_filter1", camera: true);
        }

        _graph.Add($"{p}_vidconv1", "videoconvert");
        _graph.Link($"{p}_cap_filter1", $"{p}_vidconv1");
        return ConvertForMuxer(s, p, $"{p}_vidconv1", camera: true);
    }

    private string UriSource(SourceGroup s, int instance, string p)
    {
        var e = _graph.Add($"{p}_src", "uridecodebin");
        var uri = s.UriOf(instance);
        if (uri is not null)
        {
            e.Set("uri", uri);
        }

        AddDecoderSettings(s, e.Name);
        if (uri?.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) == true)
        {
            // deepstream_source_bin.c:292-302 (source-setup): the rtspsrc uridecodebin makes gets latency and
            // udp-buffer-size, like a type-4 source.
            Child(e.Name, ["rtspsrc"], "latency", GraphValue.OfUInt((uint)Math.Max(s.Latency, 0)), "deepstream_source_bin.c:296 source-setup");
            if (s.UdpBufferSize > 0)
            {
                Child(e.Name, ["rtspsrc"], "udp-buffer-size", GraphValue.Of(s.UdpBufferSize), "deepstream_source_bin.c:298 source-setup");
            }
        }

        _graph.Add($"{p}_queue", "queue");
        _graph.Link(e.Name, $"{p}_queue", "src_%u", null);
        return ConvertForMuxer(s, p, $"{p}_queue");
    }

    /// <summary>
    /// deepstream_source_bin.c:372-435 (decodebin_child_added): decoder and parser settings applied when decodebin
    /// plugs them. The portable decoders (avdec_*) have none of nvv4l2decoder's properties; the parsers' config-interval
    /// applies on both backends.
    /// </summary>
    private void AddDecoderSettings(SourceGroup s, string container)
    {
        const string Where = "deepstream_source_bin.c:372-435 decodebin_child_added";
        string[] parsers = ["h264parse", "h265parse"];
        Child(container, parsers, "config-interval", GraphValue.Of(-1), Where);
        if (!_ds)
        {
            return;
        }

        string[] dec = ["nvv4l2decoder"];
        Child(container, dec, "gpu-id", GraphValue.OfUInt((uint)s.GpuId), Where);
        if (s.CudadecMemType != 0)
        {
            Child(container, dec, "cudadec-memtype", GraphValue.Enum(s.CudadecMemType.ToString(CultureInfo.InvariantCulture)), Where);
        }

        if (s.IntraDecodeEnable)
        {
            Child(container, dec, "skip-frames", GraphValue.Enum("2"), Where);
        }

        if (_graph.Platform == TargetPlatform.Jetson)
        {
            Child(container, dec, "enable-max-performance", GraphValue.Of(true), Where + " (__aarch64__)");
        }

        if (s.LowLatencyDecode)
        {
            Child(container, dec, "low-latency-mode", GraphValue.Of(true), Where);
        }

        Child(container, dec, "drop-frame-interval", GraphValue.OfUInt((uint)Math.Max(s.DropFrameInterval, 0)), Where);
        Child(container, dec, "num-extra-surfaces", GraphValue.OfUInt((uint)Math.Max(s.NumExtraSurfaces, 0)), Where);
    }

    private void Child(string container, IReadOnlyList<string> factories, string property, GraphValue value, string origin) =>
        _graph.ChildSettings.Add(new ChildSetting(container, factories, property, value, origin));

    private string RtspSource(SourceGroup s, string p)
    {
        var src = _graph.Add($"{p}_src", "rtspsrc");
        if (s.Uri is not null)
        {
            src.Set("location", s.Uri);
        }

        src.Set("latency", GraphValue.OfUInt((uint)Math.Max(s.Latency, 0)));
        src.Set("drop-on-latency", true); // deepstream_source_bin.c:869
        if (s.SelectRtpProtocol is 4 or 7)
        {
            // deepstream_source_bin.c:872-880: 4 = TCP only, 7 = UDP + multicast + TCP.
            src.Set("protocols", GraphValue.Enum(s.SelectRtpProtocol == 4 ? "tcp" : "udp+udp-mcast+tcp"));
        }

        if (s.UdpBufferSize > 0)
        {
            src.Set("udp-buffer-size", s.UdpBufferSize);
        }

        if (s.RtspReconnectIntervalSec > 0)
        {
            src.Note = $"reconnect after {s.RtspReconnectIntervalSec} s without data ({(s.RtspReconnectAttempts < 0 ? "unlimited" : s.RtspReconnectAttempts.ToString(CultureInfo.InvariantCulture))} attempts)";
        }

        if (s.SmartRecord != 0)
        {
            BackendWarning(s.Group, "smart-record", "smart-record is not built: deepstream-app's NvDsSR recordbin (deepstream_source_bin.c:897-915) has no DeepStreamNet equivalent yet, nothing is recorded");
        }

        // The depayloader and parser are chosen by the runner from the RTP caps (both backends), then a queue and the
        // decoder: nvv4l2decoder on DeepStream (configured as in decodebin_child_added), decodebin on the portable runtime.
        var queue = _graph.Add($"{p}_queue", "queue");
        _graph.Add(new GraphLink(src.Name, "src_%u", queue.Name, null) { RtpDepayPrefix = p });
        _graph.ChildSettings.Add(new ChildSetting(src.Name, ["h264parse", "h265parse"], "config-interval", GraphValue.Of(-1), "deepstream_source_bin.c:520 cb_rtspsrc_select_stream"));
        if (_ds)
        {
            var dec = _graph.Add($"{p}_decoder", "nvv4l2decoder");
            dec.Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId));
            if (s.CudadecMemType != 0)
            {
                dec.Set("cudadec-memtype", GraphValue.Enum(s.CudadecMemType.ToString(CultureInfo.InvariantCulture)));
            }

            if (s.IntraDecodeEnable)
            {
                dec.Set("skip-frames", GraphValue.Enum("decode_key"));
            }

            if (_graph.Platform == TargetPlatform.Jetson)
            {
                dec.Set("enable-max-performance", true);
            }

            if (s.LowLatencyDecode)
            {
                dec.Set("low-latency-mode", true);
            }

            dec.Set("drop-frame-interval", GraphValue.OfUInt((uint)Math.Max(s.DropFrameInterval, 0)));
            dec.Set("num-extra-surfaces", GraphValue.OfUInt((uint)s.NumExtraSurfaces));
            _graph.Link(queue.Name, dec.Name);
            return ConvertForMuxer(s, p, dec.Name);
        }

        _graph.Add($"{p}_decodebin", "decodebin", ElementRole.SourceDecoder);
        _graph.Add($"{p}_dec_queue", "queue");
        _graph.Link(queue.Name, $"{p}_decodebin");
        _graph.Link($"{p}_decodebin", $"{p}_dec_queue", "src_%u", null);
        return ConvertForMuxer(s, p, $"{p}_dec_queue");
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
            // DeepStream 6.3 (deepstream_source_bin.c:45-52, 101-120, 184-188): nvarguscamerasrc with sensor-id only
            // (bufapi-version left JetPack 5's element, and deepstream-app with 6.1), NVMM NV12 caps, straight to the muxer.
            _graph.Add($"{p}_src", "nvarguscamerasrc").Set("sensor-id", s.CameraCsiSensorId);
            _graph.Add($"{p}_cap_filter", "capsfilter").Set("caps", GraphValue.Caps(CameraCaps(s, $"video/x-raw(memory:NVMM), format={s.VideoFormat ?? "NV12"}")));
            _graph.Chain($"{p}_src", $"{p}_cap_filter");
            return $"{p}_cap_filter";
        }

        // Deliberately different (README, conformance): deepstream-app's dGPU build gives videotestsrc NVMM caps and
        // fails to negotiate; the host converts so the stand-in source runs.
        var e = _graph.Add($"{p}_src", "videotestsrc").Set("is-live", true);
        e.Note = "dGPU builds of deepstream-app replace the CSI camera with videotestsrc";
        _graph.Add($"{p}_cap_filter1", "capsfilter").Set("caps", GraphValue.Caps(CameraCaps(s, "video/x-raw")));
        BackendWarning(s.Group, "type", "type=5 (CSI camera) exists only on Jetson: on dGPU deepstream-app uses videotestsrc (and cannot negotiate its NVMM caps; DeepStreamNet converts instead)");
        _graph.Chain($"{p}_src", $"{p}_cap_filter1");
        return ConvertForMuxer(s, p, $"{p}_cap_filter1", camera: true);
    }

    /// <summary>
    /// The converter + caps filter every source bin ends with: NVMM for nvstreammux (format only when
    /// <c>video-format</c> is set, deepstream_source_bin.c:1251-1266; camera bins NV12 with size and rate, :153-163),
    /// RGBA for dsnetstreammux.
    /// </summary>
    private string ConvertForMuxer(SourceGroup s, string p, string from, bool camera = false)
    {
        var conv = _graph.Add($"{p}_nvvidconv", _factories.SourceConverter);
        if (_ds)
        {
            conv.Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId)).Set("nvbuf-memory-type", s.NvbufMemoryType);
        }

        var caps = !_ds ? RawRgba
            : camera ? CameraCaps(s, $"video/x-raw(memory:NVMM), format={s.VideoFormat ?? "NV12"}")
            : s.VideoFormat is { } f ? $"video/x-raw(memory:NVMM), format={f}" : "video/x-raw(memory:NVMM)";
        _graph.Add($"{p}_cap_filter", "capsfilter").Set("caps", GraphValue.Caps(caps));
        _graph.Chain(from, conv.Name, $"{p}_cap_filter");
        return $"{p}_cap_filter";
    }
}
