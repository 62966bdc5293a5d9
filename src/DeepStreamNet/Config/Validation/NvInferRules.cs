namespace DeepStreamNet.Config;

/// <summary>nvinfer 6.3's rules for an nvinfer config beyond each key's type and range (declared in
/// <see cref="NvInferKeys"/> and <see cref="ClassAttrKeys"/>): legacy keys, dimensions, the files it names.</summary>
internal static class NvInferRules
{
    public static void CheckProperty(GroupReader r, NvInferConfig c, ValidationTarget target)
    {
        if (c.NetworkMode == 3)
        {
            r.Error("network-mode", "network-mode 3 (BEST) exists only in DeepStream 9.x", "0 FP32, 1 INT8, 2 FP16");
        }
        else if (c.NetworkMode is not (0 or 1 or 2))
        {
            r.Error("network-mode", $"{c.NetworkMode} is not a valid network-mode", "0 FP32, 1 INT8, 2 FP16");
        }

        if (c.ClusterMode == 0 && c.NetworkType is 0)
        {
            r.Warning(r.Has("cluster-mode") ? "cluster-mode" : null, "cluster-mode 0 (GroupRectangles, also the default) needs OpenCV; DeepStream 6.x nvinfer replaces it with NMS (topk=20, nms-iou-threshold=0.5)", "set cluster-mode=2 (NMS) or 1 (DBSCAN) explicitly");
        }

        if (r.Has("is-classifier"))
        {
            r.Warning("is-classifier", "legacy key 'is-classifier' (read only when network-type is absent)", $"use network-type={c.NetworkType}");
        }

        if (r.Has("enable-dbscan"))
        {
            r.Warning("enable-dbscan", "deprecated key 'enable-dbscan'", "use cluster-mode=1");
        }

        if (c.Offsets.Count > 4)
        {
            r.Error("offsets", $"offsets has {c.Offsets.Count} values; at most 4 (one per channel)");
        }

        CheckDims(r, NvInferKeys.InferDims, 3);
        CheckDims(r, NvInferKeys.InputDims, 4);
        CheckDims(r, NvInferKeys.UffInputDims, 4);
        foreach (var legacy in new[] { NvInferKeys.InputDims, NvInferKeys.UffInputDims })
        {
            if (r.Value(legacy) is not { Count: 4 } d)
            {
                continue;
            }

            var name = legacy.Name;
            if (r.Has("infer-dims"))
            {
                r.Warning(name, $"{name} is ignored because infer-dims is present");
                continue;
            }

            var hint = $"infer-dims={d[0]};{d[1]};{d[2]} with uff-input-order={d[3]}";
            if (d[0] is 1 or 3 or 4 && d[1] > d[2])
            {
                // The face-mask recipe's defect: 3;960;544;0 declares H=960, W=544 for a 960×544 (W×H) model.
                r.Warning(name, $"{name} is C;H;W;order, so {d[0]};{d[1]};{d[2]};{d[3]} declares a portrait input H={d[1]}, W={d[2]}; detectors are normally landscape and the face-mask recipe's DetectNet_v2 model is W={d[1]}, H={d[2]} (swapped height and width give few or no detections)",
                    $"if the model is {d[1]} wide and {d[2]} tall use infer-dims={d[0]};{d[2]};{d[1]} (and uff-input-order={d[3]})");
            }
            else
            {
                r.Warning(name, $"{name} is deprecated", "use " + hint);
            }
        }

        if (c.NetworkType is 0 && c.NumDetectedClasses <= 0)
        {
            r.Warning(r.Has("num-detected-classes") ? "num-detected-classes" : null, "num-detected-classes is not set for a detector: every detection is discarded", "set num-detected-classes to the number of classes the model reports");
        }

        if (c.TltEncodedModel is not null && r.Value(NvInferKeys.TltModelKey) is null)
        {
            r.Error("tlt-encoded-model", "tlt-encoded-model needs tlt-model-key (the key the .etlt was exported with)");
        }
    }

    public static void CheckClassAttrs(GroupReader r)
    {
        if (r.Has(ClassAttrKeys.Threshold.Name))
        {
            r.Warning("threshold", "deprecated key 'threshold'", "use pre-cluster-threshold");
        }
    }

    /// <summary>Every file <see cref="NvInferKeys.Paths"/> names, by its role.</summary>
    public static void CheckFiles(GroupReader r, NvInferConfig c, ValidationTarget target)
    {
        const string relative = "paths are relative to the nvinfer config file's folder";
        var anyModelSet = false;
        var anyModel = false;
        foreach (var (key, role) in NvInferKeys.Paths)
        {
            if (r.Value(key) is not { } path)
            {
                continue;
            }

            anyModelSet |= role == NvInferPathRole.Model;
            var problem = FileLimits.Problem(path, role == NvInferPathRole.Labels ? FileLimits.MaxTextBytes : long.MaxValue);
            anyModel |= problem is null && role is NvInferPathRole.Model or NvInferPathRole.Engine;
            if (problem is null)
            {
                continue;
            }

            var missingHere = problem == "file not found" && target == ValidationTarget.DeepStreamElsewhere;
            switch (role)
            {
                case NvInferPathRole.Engine:
                    r.Warning(key.Name, $"engine {problem}: {path}", "nvinfer builds it from the model file and tries to save it there");
                    break;
                case NvInferPathRole.Calibration:
                    r.Warning(key.Name, $"calibration {problem}: {path}", c.NetworkMode == 1 ? "INT8 (network-mode=1) without a calibration cache gives wrong results unless the model carries its own scales" : null);
                    break;
                case NvInferPathRole.Model when missingHere && (key == NvInferKeys.TltEncodedModel || IsDeepStreamInstallPath(path)):
                    // User-supplied TAO models (and DeepStream's sample models) are installed on the target only.
                    r.Warning(key.Name, $"file not found: {path} (not found on this machine: must exist on the DeepStream target)", relative);
                    break;
                case NvInferPathRole.Required or NvInferPathRole.Labels when missingHere && IsDeepStreamInstallPath(path):
                    r.Warning(key.Name, $"file not found: {path} (not found on this machine: must exist on the DeepStream target)");
                    break;
                default:
                    r.Error(key.Name, $"{problem}: {path}", relative);
                    break;
            }
        }

        var custom = r.Has(NvInferKeys.EngineCreateFuncName.Name) || r.Has(NvInferKeys.CustomNetworkConfig.Name);
        if (!anyModel && !custom && !anyModelSet)
        {
            r.Error(null, "no model: none of onnx-file, tlt-encoded-model, uff-file, model-file or an existing model-engine-file is set", "the portable runtime needs onnx-file; DeepStream accepts any of them");
        }

        if (c.LabelFilePath is { } labelPath && FileLimits.Problem(labelPath, FileLimits.MaxTextBytes) is null && c.NetworkType == 0 && c.NumDetectedClasses > 0)
        {
            var labels = LabelFile.Read(labelPath);
            if (labels.Count < c.NumDetectedClasses)
            {
                r.Warning("labelfile-path", $"label file has {labels.Count} label(s) for {c.NumDetectedClasses} classes: classes without a line get no label");
            }
        }
    }

    private static void CheckDims(GroupReader r, Key<IReadOnlyList<int>?> key, int count)
    {
        if (r.Value(key) is { } d && d.Count != count)
        {
            r.Error(key.Name, $"{key.Name} needs exactly {count} values, got {d.Count}", count == 3 ? "C;H;W, e.g. infer-dims=3;544;960" : "C;H;W;order, e.g. 3;544;960;0");
        }
    }

    private static bool IsDeepStreamInstallPath(string path) => path.StartsWith(BackendRules.DeepStreamInstallDir, StringComparison.Ordinal);
}
