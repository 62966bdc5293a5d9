using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>The inference chain: primary and secondary GIEs (which secondaries deepstream-app builds) and the tracker.</summary>
public sealed partial class PipelineGraphBuilder
{
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

    /// <summary>
    /// Portable runtime, primary detector batched over several streams, model fixed at batch 1: a cached copy with a
    /// dynamic batch axis and its nvinfer config (<see cref="Onnx.BatchedModel"/>), so one ONNX Runtime run serves the batch.
    /// Only planned here; the runner writes it (<see cref="PipelineGraph.DerivedFiles"/>).
    /// </summary>
    private string? BatchedConfigFile(GieGroup gie)
    {
        var batch = gie.BatchSize ?? (_config.SourceList is not null ? _config.SourceCount : gie.Infer?.BatchSize ?? 1);
        if (_ds || !gie.IsPrimary || gie.Infer is not { } infer || Onnx.BatchedModel.Plan(infer, batch) is not { } derived)
        {
            return null;
        }

        _graph.DerivedFiles.Add(derived);
        return derived.Path;
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
}
