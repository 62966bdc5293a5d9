using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>
/// Builds the <see cref="PipelineGraph"/> of an <see cref="AppConfig"/> for one backend: DeepStream 6.3
/// elements linked in deepstream-app's order (spec §3), or the portable dsnet* elements in the same roles.
/// Problems that only exist for one backend (CSI camera off Jetson, message broker on the portable runtime,
/// …) go to the report as errors with hints; the graph is still built as far as possible.
/// </summary>
public sealed partial class PipelineGraphBuilder
{
    private const string RawRgba = "video/x-raw, format=RGBA";

    private readonly AppConfig _config;
    private readonly ValidationReport _report;
    private readonly PipelineGraph _graph;
    private readonly bool _ds;
    private readonly BackendFactories _factories;

    private PipelineGraphBuilder(AppConfig config, PipelineBackend backend, TargetPlatform platform, ValidationReport report)
    {
        _config = config;
        _report = report;
        _graph = new PipelineGraph(backend, platform);
        _ds = backend == PipelineBackend.DeepStream;
        _factories = BackendFactories.For(backend);
    }

    /// <summary>Builds the graph; backend-specific problems are added to <paramref name="report"/>.</summary>
    /// <param name="backend">DeepStream or Portable (<see cref="PipelinePlan"/> resolves Auto).</param>
    public static PipelineGraph Build(AppConfig config, PipelineBackend backend, TargetPlatform platform, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(report);
        if (backend == PipelineBackend.Auto)
        {
            throw new ArgumentException("resolve PipelineBackend.Auto first (PipelinePlan does)", nameof(backend));
        }

        var b = new PipelineGraphBuilder(config, backend, platform, report);
        b.BuildAll();
        return b._graph;
    }

    private void BuildAll()
    {
        // 1. Sources, then the muxer they feed.
        // Type-3 copies 1..n-1 come after every group's first instance (deepstream_app_config_parser.c:552-575).
        var outputs = new List<string>();
        var pad = 0;
        foreach (var (s, inst) in UsesMultiUriSrcBin ? Enumerable.Empty<(SourceGroup, int)>() : SourceInstances(_config.Sources))
        {
            outputs.Add(BuildSource(s, inst, pad) ?? string.Empty);
            pad++;
        }

        var mux = UsesMultiUriSrcBin ? AddMultiUriSrcBin() : AddStreamMux(pad);
        ApplySourceListMuxBatch(mux, pad);
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].Length > 0)
            {
                _graph.Link(outputs[i], mux, null, $"sink_{i}");
            }
        }

        // 2. Processing chain in deepstream-app order.
        var tail = mux;
        tail = AddAuxiliary(tail, GroupKind.PreProcess, "nvdspreprocess", "preprocess");
        if (_config.PrimaryGie is { } pgie)
        {
            tail = AddGie(tail, pgie, "primary_gie");
        }

        if (_config.Tracker.Enable)
        {
            tail = AddTracker(tail);
        }

        tail = AddAuxiliary(tail, GroupKind.NvDsAnalytics, "nvdsanalytics", "nvds_analytics");
        if (_config.PrimaryGie is not null)
        {
            tail = AddAuxiliary(tail, GroupKind.SecondaryPreProcess, "nvdspreprocess", "secondary_preprocess");
            var k = 0;
            foreach (var sgie in CreatedSecondaryGies())
            {
                tail = AddGie(tail, sgie, $"secondary_gie_{k++}");
            }
        }

        tail = AddAuxiliary(tail, GroupKind.SegVisual, "nvsegvisual", "segvisual");

        // 3. Tiler and/or demuxer, then one output instance (OSD + sinks) per output.
        AddOutputs(tail);
        AddRunData();
        AddRuntimeSources();
    }

    /// <summary>Source instances in muxer-pad order: each group's first, then the multi-URI copies in group order.</summary>
    internal static IEnumerable<(SourceGroup Group, int Instance)> SourceInstances(IReadOnlyList<SourceGroup> sources) =>
        sources.Select(s => (s, 0)).Concat(sources.SelectMany(s => Enumerable.Range(1, Math.Max(s.InstanceCount - 1, 0)).Select(i => (s, i))));

    /// <summary>
    /// should_create_secondary_gie (deepstream_secondary_gie_bin.c:291-330): an SGIE is built only when its app-config
    /// operate-on-gie-id is the primary's app-config gie-unique-id (0 when absent) or that of a built SGIE.
    /// </summary>
    private List<GieGroup> CreatedSecondaryGies()
    {
        var ids = new HashSet<int> { _config.PrimaryGie?.GieUniqueId ?? 0 };
        var created = new List<GieGroup>();
        bool grew;
        do
        {
            grew = false;
            foreach (var g in _config.SecondaryGies.Where(g => !created.Contains(g) && ids.Contains(g.OperateOnGieId ?? 0)))
            {
                created.Add(g);
                ids.Add(g.GieUniqueId ?? 0);
                grew = true;
            }
        }
        while (grew);

        foreach (var g in _config.SecondaryGies.Where(g => !created.Contains(g)))
        {
            BackendWarning(g.Group, "operate-on-gie-id", $"[{g.Name}] is not built: its operate-on-gie-id ({g.OperateOnGieId ?? 0}) is neither the primary's gie-unique-id nor a built secondary's, and deepstream-app drops such a GIE");
        }

        return _config.SecondaryGies.Where(created.Contains).ToList();
    }

    private string AddStreamMux(int sources)
    {
        var m = _config.StreamMux;
        var e = _graph.Add("src_bin_muxer", _factories.Muxer, ElementRole.Muxer);
        if (_ds && Environment.GetEnvironmentVariable("USE_NEW_NVSTREAMMUX") == "yes")
        {
            return AddNewStreamMux(e, m, sources);
        }

        if (_ds)
        {
            e.Set("gpu-id", m.GpuId).Set("nvbuf-memory-type", m.NvbufMemoryType);
        }

        e.Set("live-source", m.LiveSource);
        e.Set("batched-push-timeout", m.BatchedPushTimeout);
        if (_config.SourceList is not null)
        {
            e.Set("batch-size", GraphValue.OfUInt((uint)Math.Max(sources, 1)));
            e.Note = "[source-list]: batch-size forced to the number of sources";
        }
        else if (m.BatchSize != 0)
        {
            e.Set("batch-size", GraphValue.OfUInt((uint)m.BatchSize));
        }
        else
        {
            e.Set("batch-size", GraphValue.OfUInt((uint)Math.Max(sources, 1)));
            e.Note = "batch-size not set in [streammux]: the number of sources is used";
        }

        if (_ds && m.BufferPoolSize >= 4)
        {
            e.Set("buffer-pool-size", m.BufferPoolSize);
        }

        e.Set("enable-padding", m.EnablePadding);
        if (m.Width > 0 && m.Height > 0)
        {
            e.Set("width", GraphValue.OfUInt((uint)m.Width)).Set("height", GraphValue.OfUInt((uint)m.Height));
        }

        if (_ds)
        {
            e.Set("attach-sys-ts", m.AttachSysTsAsNtp);
            if (m.NumSurfacesPerFrame > 0)
            {
                e.Set("num-surfaces-per-frame", m.NumSurfacesPerFrame);
            }

            if (m.ConfigFile is not null)
            {
                e.Set("config-file-path", m.ConfigFile);
            }

            if (m.SyncInputs)
            {
                e.Set("sync-inputs", true).Set("max-latency", GraphValue.OfUInt64((ulong)Math.Max(m.MaxLatency, 0)));
            }

            if (m.FrameNumResetOnEos)
            {
                e.Set("frame-num-reset-on-eos", true);
            }

            if (m.FrameNumResetOnStreamReset)
            {
                e.Set("frame-num-reset-on-stream-reset", true);
            }

            if (m.FrameDuration >= 0)
            {
                e.Set("frame-duration", GraphValue.OfUInt64((ulong)m.FrameDuration));
            }

            if (!m.AsyncProcess)
            {
                e.Set("async-process", false);
            }

            if (m.DropPipelineEos)
            {
                e.Set("drop-pipeline-eos", true);
            }
        }

        return e.Name;
    }

    /// <summary>
    /// USE_NEW_NVSTREAMMUX=yes (deepstream_streammux.c:33-59): the new muxer lacks the legacy one's GPU, size, padding
    /// and timeout properties, so deepstream-app sets only batch-size and the timing keys.
    /// </summary>
    private static string AddNewStreamMux(GraphElement e, StreamMuxGroup m, int sources)
    {
        e.Note = "USE_NEW_NVSTREAMMUX=yes: the new nvstreammux (no gpu-id, width/height, padding or push timeout)";
        e.Set("batch-size", GraphValue.OfUInt((uint)(m.BatchSize != 0 ? m.BatchSize : Math.Max(sources, 1))));
        e.Set("attach-sys-ts", m.AttachSysTsAsNtp);
        if (m.ConfigFile is not null)
        {
            e.Set("config-file-path", m.ConfigFile);
        }

        e.Set("sync-inputs", m.SyncInputs).Set("max-latency", GraphValue.OfUInt64((ulong)Math.Max(m.MaxLatency, 0)));
        e.Set("frame-num-reset-on-eos", m.FrameNumResetOnEos).Set("frame-num-reset-on-stream-reset", m.FrameNumResetOnStreamReset);
        e.Set("drop-pipeline-eos", m.DropPipelineEos);
        if (m.NumSurfacesPerFrame > 1)
        {
            e.Set("num-surfaces-per-frame", m.NumSurfacesPerFrame);
        }

        return e.Name;
    }

    /// <summary>
    /// Portable runtime, primary detector batched over several streams, model fixed at batch 1: a cached copy with a
    /// dynamic batch axis and its nvinfer config (<see cref="Onnx.BatchedModel"/>), so one ONNX Runtime run serves the batch.
    /// </summary>
    private string? BatchedConfigFile(GieGroup gie)
    {
        var batch = gie.BatchSize ?? (_config.SourceList is not null ? _config.SourceCount : gie.Infer?.BatchSize ?? 1);
        return !_ds && gie.IsPrimary && gie.Infer is { } infer ? Onnx.BatchedModel.Prepare(infer, batch) : null;
    }

    private string AddGie(string tail, GieGroup gie, string name)
    {
        if (!_ds && gie.PluginType == 1)
        {
            BackendError(gie.Group, "plugin-type", "plugin-type=1 (nvinferserver / Triton) is not available on the portable runtime", "use plugin-type=0 with an ONNX model (onnx-file in the nvinfer file)");
        }

        if (!_ds && gie.Infer is { } inf && inf.OnnxFile is null)
        {
            var where = inf.Path;
            _report.Error(where, 0, "property", "onnx-file", "the portable runtime runs ONNX models only: this nvinfer file has no onnx-file", "add onnx-file=<model>.onnx (e.g. the UltraFace models under shared/assets/models/ultraface, MIT-licensed, trained on non-commercial WIDER FACE/MAFA data)");
        }

        var q = _graph.Add($"{name}_queue", "queue");
        var e = _graph.Add(name, _ds && gie.PluginType == 1 ? "nvinferserver" : _factories.Inference,
            gie.IsPrimary ? ElementRole.PrimaryInference : ElementRole.SecondaryInference);
        if (gie.ConfigFile is not null)
        {
            e.Set("config-file-path", BatchedConfigFile(gie) ?? gie.ConfigFile);
        }

        e.Set("process-mode", GraphValue.Enum(gie.IsPrimary ? "primary" : "secondary"));
        if (gie.GieUniqueId is { } id)
        {
            e.Set("unique-id", GraphValue.OfUInt((uint)id));
        }

        if (GieBatchSize(gie) is { } bs)
        {
            e.Set("batch-size", GraphValue.OfUInt((uint)bs));
        }

        if (gie.Interval is { } interval)
        {
            e.Set("interval", GraphValue.OfUInt((uint)interval));
        }

        if (!gie.IsPrimary)
        {
            if (gie.OperateOnGieId is { } on)
            {
                e.Set("infer-on-gie-id", on);
            }

            if (gie.OperateOnClassIds is { Count: > 0 } ids)
            {
                // deepstream_secondary_gie_bin.c:192-196 writes each id followed by ':'.
                e.Set("infer-on-class-ids", string.Concat(ids.Select(i => i.ToString(CultureInfo.InvariantCulture) + ":")));
            }
        }

        if (_ds)
        {
            if (gie.PluginType == 0)
            {
                if (gie.Group?.Contains("gpu-id") == true)
                {
                    e.Set("gpu-id", GraphValue.OfUInt((uint)gie.GpuId)); // only when the key is set (primary_gie_bin.c:155-157)
                }

                if (gie.ModelEngineFile is not null)
                {
                    e.Set("model-engine-file", gie.ModelEngineFile);
                }
            }

        }
        else if (gie.ModelEngineFile is not null)
        {
            e.Note = "model-engine-file is a TensorRT engine: ignored on the portable runtime";
        }

        if (gie.InputTensorMeta is { } itm)
        {
            e.Set("input-tensor-meta", itm); // dsnetinfer reads dsnetpreprocess tensors like nvinfer
        }

        _graph.Chain(tail, q.Name, e.Name);
        return e.Name;
    }

    private string AddTracker(string tail)
    {
        var t = _config.Tracker;
        var e = _graph.Add("tracking_tracker", _factories.Tracker, ElementRole.Tracker);

        // dsnettracker has nvtracker's property names and types (native/plugin/README.md), so both backends get
        // the same set; the portable element accepts the GPU/library ones and ignores them.
        e.Set("tracker-width", GraphValue.OfUInt((uint)t.TrackerWidth)).Set("tracker-height", GraphValue.OfUInt((uint)t.TrackerHeight));
        e.Set("gpu-id", GraphValue.OfUInt((uint)t.GpuId));
        if (t.LlLibFile is not null)
        {
            e.Set("ll-lib-file", t.LlLibFile);
        }

        if (t.LlConfigFile is not null)
        {
            if (_ds || File.Exists(t.LlConfigFile) || !t.LlConfigFile.StartsWith("/opt/nvidia/deepstream/", StringComparison.Ordinal))
            {
                e.Set("ll-config-file", t.LlConfigFile);
            }
            else
            {
                // A DeepStream sample YAML that is not installed here: the built-in IoU defaults stand in for it.
                e.Note = $"ll-config-file {t.LlConfigFile} is not installed here: built-in IoU tracker defaults";
            }
        }

        e.Set("tracking-surface-type", GraphValue.OfUInt((uint)t.TrackerSurfaceType));
        e.Set("display-tracking-id", t.DisplayTrackingId);
        e.Set("tracking-id-reset-mode", GraphValue.OfUInt((uint)t.TrackingIdResetMode));
        if (t.InputTensorMeta)
        {
            e.Set("input-tensor-meta", true).Set("tensor-meta-gie-id", GraphValue.OfUInt((uint)t.TensorMetaGieId));
        }

        if (t.ComputeHw != 0)
        {
            e.Set("compute-hw", t.ComputeHw);
        }

        e.Set("user-meta-pool-size", GraphValue.OfUInt((uint)t.UserMetaPoolSize));
        if (!_ds && e.Note is null)
        {
            e.Note = "built-in IoU tracker (ll-lib-file is accepted and ignored)";
        }

        _graph.Link(tail, e.Name);
        return e.Name;
    }

    private string AddAuxiliary(string tail, GroupKind kind, string factory, string name)
    {
        var k = 0;
        foreach (var a in _config.Auxiliary.Where(a => a.Kind == kind))
        {
            if (kind == GroupKind.SecondaryPreProcess && a.Ints.TryGetValue("operate-on-gie-id", out var on) && on != (_config.PrimaryGie?.GieUniqueId ?? 0))
            {
                // deepstream_secondary_preprocess.c:187-199: built only when it operates on the primary GIE.
                _report.Warning(a.Group?.Origin ?? _config.Path, a.Group?.Line ?? 0, a.Name, "operate-on-gie-id", $"[{a.Name}] is not built: operate-on-gie-id {on} is not the primary's gie-unique-id, and deepstream-app drops it");
                continue;
            }

            if (!_ds && kind == GroupKind.PreProcess)
            {
                factory = "dsnetpreprocess"; // frame/ROI mode on the portable runtime (native/plugin/README.md)
            }
            else if (!_ds)
            {
                _report.Warning(a.Group?.Origin ?? _config.Path, a.Group?.Line ?? 0, a.Name, null, $"[{a.Name}] ({factory}) has no portable element: it is left out of the portable pipeline");
                continue;
            }

            var elementName = k == 0 ? name : $"{name}_{k}";
            k++;
            var q = _graph.Add($"{elementName}_queue", "queue");
            var e = _graph.Add(elementName, factory);
            if (a.ConfigFile is not null)
            {
                e.Set("config-file", a.ConfigFile);
            }

            foreach (var (key, value) in a.Ints.Where(p => p.Key != "enable"))
            {
                // The primary pre-process takes its target ids from its own config file; the secondary gets
                // operate-on-gie-id (deepstream_secondary_preprocess.c:119-123).
                if (key != "operate-on-gie-id" || kind == GroupKind.SecondaryPreProcess)
                {
                    if (kind == GroupKind.SegVisual && key == "nvbuf-memory-type")
                    {
                        e.Set(key, value); // not in nvsegvisual's documented properties: warned, not failed, when absent
                    }
                    else
                    {
                        e.SetExplicit(key, GraphValue.Of(value));
                    }
                }
            }

            _graph.Chain(tail, q.Name, e.Name);
            tail = e.Name;
        }

        return tail;
    }

    private void BackendError(KeyFileGroup? group, string? key, string message, string? hint)
    {
        var entry = key is null ? null : group?.Find(key);
        _report.Error(entry?.Origin ?? group?.Origin ?? _config.Path, entry?.Line ?? group?.Line ?? 0, group?.Name, key, message, hint);
    }

    private void BackendWarning(KeyFileGroup? group, string? key, string message, string? hint = null)
    {
        var entry = key is null ? null : group?.Find(key);
        _report.Warning(entry?.Origin ?? group?.Origin ?? _config.Path, entry?.Line ?? group?.Line ?? 0, group?.Name, key, message, hint);
    }

    /// <summary>Groups deepstream-app acts on that DeepStreamNet does not build yet: said, never dropped silently.</summary>
    private void WarnUnbuilt()
    {
        foreach (var d in _config.Auxiliary.Where(a => a.Kind == GroupKind.Dewarper && a.Enable))
        {
            _report.Warning(d.Group?.Origin ?? _config.Path, d.Group?.Line ?? 0, d.Name, null, $"[{d.Name}] is not built: deepstream-app's dewarper bin (deepstream_source_bin.c:1217-1299) has no DeepStreamNet equivalent yet, frames are not dewarped");
        }

        if (_config.MessageConsumers.Count > 0)
        {
            _report.Warning(_config.Path, 0, "message-consumer0", null, "[message-consumerN] is not built: cloud-to-device messaging (deepstream_app.c:1481-1490) is not implemented by DeepStreamNet");
        }

        foreach (var g in new[] { _config.PrimaryGie }.Concat(_config.SecondaryGies).OfType<GieGroup>().Where(g => g.InferRawOutputDir is not null))
        {
            BackendWarning(g.Group, "infer-raw-output-dir", "infer-raw-output-dir: raw tensors are not dumped (deepstream-app's raw-output-generated-callback is not implemented)", "attach a tensor probe (DeepStreamNet.Metadata) to write them");
        }
    }

    private void AddRunData()
    {
        WarnUnbuilt();
        var a = _config.Application;
        if (a.ReidTrackOutputDir is not null)
        {
            BackendWarning(_config.KeyFile?.Group("application"), "reid-track-output-dir",
                "reid-track-output-dir is not written by dsnet: the portable tracker computes no re-identification features, and the " +
                "host does not export nvtracker's NvDsObjReid tensors yet", "tracker ids and boxes per frame are in kitti-track-output-dir");
        }

        _graph.RunOptions = new RunOptions
        {
            EnablePerfMeasurement = a.EnablePerfMeasurement,
            PerfMeasurementIntervalSec = a.PerfMeasurementIntervalSec > 0 ? a.PerfMeasurementIntervalSec : 5,
            GieKittiOutputDir = a.GieKittiOutputDir,
            KittiTrackOutputDir = a.KittiTrackOutputDir,
            ReidTrackOutputDir = a.ReidTrackOutputDir,
            FileLoop = _config.Tests.FileLoop,
            PipelineRecreateSec = _config.Tests.PipelineRecreateSec,
            RewriteLabels = _config.TiledDisplay.Mode == TilerMode.Disabled || _config.SourceCount == 1,
            DisplayTrackingId = _config.Tracker.Enable && _config.Tracker.DisplayTrackingId,
        };
        var o = _config.Osd;
        _graph.LabelStyle = new LabelStyle(o.Font, o.TextSize, o.TextColor, o.TextBgColor is { AnyPositive: true } bg ? bg : null, o.BorderWidth);
        foreach (var gie in new[] { _config.PrimaryGie }.Concat(_config.SecondaryGies).OfType<GieGroup>())
        {
            _graph.GieStyles.Add(new GieStyle(gie.Name, gie.EffectiveUniqueId, gie.BboxBorderColor, gie.BboxBorderColors, gie.BboxBgColors, _config.Osd.BorderWidth));
        }
    }

}
