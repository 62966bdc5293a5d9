using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>
/// <c>[source-list]</c> rules (audit S16–S18): with <c>use-nvmultiurisrcbin=1</c> DeepStream gets one nvmultiurisrcbin
/// instead of per-source bins and a muxer; batch sizes follow deepstream-app; the portable backend keeps per-source bins
/// and gets a <see cref="RuntimeSourceSpec"/> so the runner can add and remove sources while playing.
/// </summary>
public sealed partial class PipelineGraphBuilder
{
    private const string MultiUriSrcBin = "src_nvmultiurisrcbin";

    /// <summary>DeepStream with <c>use-nvmultiurisrcbin=1</c>: the whole source side is one nvmultiurisrcbin.</summary>
    private bool UsesMultiUriSrcBin => _ds && _config.SourceList is { UseNvMultiUriSrcBin: true };

    /// <summary>deepstream-app's nvmultiurisrcbin (APP/deepstream_app.c:1209-1241): <c>uri-list</c>,
    /// <c>sensor-id-list</c>, <c>max-batch-size</c>, <c>ip-address</c>, <c>port</c>; the per-source settings of
    /// <c>[source-attr-all]</c>; the muxer's properties without batch-size and async-process. Its src pad is the
    /// muxer output, so it takes the muxer role.</summary>
    private string AddMultiUriSrcBin()
    {
        var list = _config.SourceList!;

        // The [streammux] properties exactly as the muxer would get them, minus the two deepstream-app leaves out.
        var mux = _graph[AddStreamMux(list.List.Count)];
        _graph.Remove(mux.Name);
        var e = _graph.Add(MultiUriSrcBin, "nvmultiurisrcbin", ElementRole.Muxer);
        e.Set("uri-list", string.Join(',', list.List));
        if (list.SensorIdList.Count > 0)
        {
            e.Set("sensor-id-list", string.Join(',', list.SensorIdList));
        }

        e.Set("max-batch-size", GraphValue.OfUInt((uint)MaxBatchSize(list)));
        e.Set("ip-address", list.HttpIp ?? "localhost").Set("port", list.HttpPort ?? "9000");
        if (_config.Sources.Count > 0 && _config.Sources[0] is var s)
        {
            e.Set("gpu-id", GraphValue.OfUInt((uint)s.GpuId)).Set("num-extra-surfaces", GraphValue.OfUInt((uint)s.NumExtraSurfaces))
                .Set("cudadec-memtype", GraphValue.Enum(s.CudadecMemType.ToString(CultureInfo.InvariantCulture)))
                .Set("drop-frame-interval", GraphValue.OfUInt((uint)s.DropFrameInterval))
                .Set("select-rtp-protocol", GraphValue.Enum(s.SelectRtpProtocol.ToString(CultureInfo.InvariantCulture)))
                .Set("latency", GraphValue.OfUInt((uint)Math.Max(s.Latency, 0)))
                .Set("rtsp-reconnect-interval", GraphValue.OfUInt((uint)s.RtspReconnectIntervalSec));
            if (s.UdpBufferSize > 0)
            {
                e.Set("udp-buffer-size", GraphValue.OfUInt((uint)s.UdpBufferSize));
            }

            if (s.SmartRecord > 0)
            {
                e.Set("smart-record", GraphValue.Enum(s.SmartRecord.ToString(CultureInfo.InvariantCulture)))
                    .Set("smart-rec-container", GraphValue.Enum(s.SmartRecContainer.ToString(CultureInfo.InvariantCulture)))
                    .Set("smart-rec-cache", GraphValue.OfUInt((uint)s.SmartRecCache))
                    .Set("smart-rec-default-duration", GraphValue.OfUInt((uint)s.SmartRecDefaultDuration));
                if (s.SmartRecDirPath is not null)
                {
                    e.Set("smart-rec-dir-path", s.SmartRecDirPath);
                }

                if (s.SmartRecFilePrefix is not null)
                {
                    e.Set("smart-rec-file-prefix", s.SmartRecFilePrefix);
                }
            }
        }

        e.Set("file-loop", _config.Tests.FileLoop);
        foreach (var (key, value) in mux.Properties.Where(p => p.Key is not ("batch-size" or "async-process")))
        {
            e.Set(key, value);
        }

        e.Note = $"REST API (stream add/remove) on port {list.HttpPort ?? "9000"}" + (list.HttpPort == "0" ? " (off)" : "") +
            "; sensor-name-list does not exist in DeepStream 6.3";
        return e.Name;
    }

    /// <summary>The muxer's batch size under <c>[source-list]</c>: <c>max-batch-size</c> when sources come and go,
    /// else the number of listed sources (deepstream-app).</summary>
    private void ApplySourceListMuxBatch(string mux, int sources)
    {
        if (_config.SourceList is { UseNvMultiUriSrcBin: true } list && !_ds)
        {
            _graph[mux].Set("batch-size", GraphValue.OfUInt((uint)MaxBatchSize(list)));
            _graph[mux].Note = "[source-list] use-nvmultiurisrcbin: batch-size = max-batch-size (sources are added while playing)";
        }
        else if (_config.SourceList is not null && !UsesMultiUriSrcBin)
        {
            _graph[mux].Set("batch-size", GraphValue.OfUInt((uint)Math.Max(sources, 1)));
        }
    }

    /// <summary>A GIE's batch-size (APP/deepstream_app_config_parser.c:521-530, deepstream_app.c:958-963, 1040-1043):
    /// only a group with its own <c>batch-size</c> key gets one; under <c>[source-list]</c> the primary's becomes the
    /// number of listed sources (<c>max-batch-size</c> with nvmultiurisrcbin) and each secondary's <c>sgie-batch-size</c>.</summary>
    private int? GieBatchSize(GieGroup gie)
    {
        if (gie.BatchSize is not { } own)
        {
            return null;
        }

        if (_config.SourceList is not { } list)
        {
            return own;
        }

        var value = gie.IsPrimary ? (list.UseNvMultiUriSrcBin ? MaxBatchSize(list) : _config.SourceCount) : list.SgieBatchSize;
        return value > 0 ? value : null;
    }

    /// <summary><c>max-batch-size</c>, or (unset) nvmultiurisrcbin's default 30 but at least the listed sources.</summary>
    private static int MaxBatchSize(SourceListGroup list) => list.MaxBatchSize > 0 ? list.MaxBatchSize : Math.Max(30, list.List.Count);

    /// <summary>Portable backend: how the runner builds a source bin for a URI added while playing (from the first
    /// configured source's settings, i.e. <c>[source-attr-all]</c> under <c>[source-list]</c>).</summary>
    private void AddRuntimeSources()
    {
        if (_ds || _graph.FirstWithRole(ElementRole.Muxer) is null)
        {
            return;
        }

        var template = _config.Sources.Count > 0 ? _config.Sources[0] : new SourceGroup { Name = "source-attr-all", Type = SourceType.Uri };
        var list = _config.SourceList;
        var config = _config;
        var backend = _graph.Backend;
        var platform = _graph.Platform;
        _graph.RuntimeSources = new RuntimeSourceSpec
        {
            MaxSources = list is { UseNvMultiUriSrcBin: true } ? MaxBatchSize(list) : 0,
            RestApi = list is { UseNvMultiUriSrcBin: true },
            HttpIp = list?.HttpIp ?? "localhost",
            HttpPort = list?.HttpPort ?? "9000",
            SensorIds = _graph.Sources.ToDictionary(s => s.Index, s => list is not null && s.Index < list.SensorIdList.Count ? list.SensorIdList[s.Index] : s.Group),
            BuildSource = (uri, pad) =>
            {
                var type = uri.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) ? SourceType.Rtsp : SourceType.Uri;
                var report = new ValidationReport();
                var b = new PipelineGraphBuilder(config, backend, platform, report);
                var source = template with { Name = $"stream {pad}", Type = type, Uri = uri, NumSources = 1 };
                if (b.BuildSource(source, 0, pad) is null || !report.IsValid)
                {
                    throw new ArgumentException($"no source bin can read {uri}: {string.Join("; ", report.Errors.Select(i => i.Message))}", nameof(uri));
                }

                return b._graph;
            },
        };
    }
}
