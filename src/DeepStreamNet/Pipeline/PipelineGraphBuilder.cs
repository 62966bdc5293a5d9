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
