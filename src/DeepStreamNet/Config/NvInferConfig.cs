using System.Globalization;

namespace DeepStreamNet.Config;

/// <summary>
/// An nvinfer config file (<c>[property]</c> and <c>[class-attrs-*]</c>) read with the same key-file reader,
/// with the values the host needs and nvinfer 6.3's validity rules. Relative paths resolve against the
/// nvinfer file's folder.
/// </summary>
public sealed record NvInferConfig
{
    /// <summary>The nvinfer file.</summary>
    public required string Path { get; init; }

    public int GieUniqueId { get; init; } = 15;

    public int ProcessMode { get; init; } = 1;

    public int Interval { get; init; }

    public int BatchSize { get; init; } = 1;

    public int NetworkType { get; init; }

    public int NetworkMode { get; init; }

    public string? ModelEngineFile { get; init; }

    public string? Int8CalibFile { get; init; }

    public string? TltEncodedModel { get; init; }

    public string? OnnxFile { get; init; }

    public string? UffFile { get; init; }

    public string? ModelFile { get; init; }

    public string? CustomLibPath { get; init; }

    public string? LabelFilePath { get; init; }

    /// <summary>Network input C;H;W from <c>infer-dims</c>, else from deprecated <c>input-dims</c>/<c>uff-input-dims</c>.</summary>
    public IReadOnlyList<int>? InferDims { get; init; }

    public int NumDetectedClasses { get; init; }

    public int ClusterMode { get; init; }

    public double NetScaleFactor { get; init; } = 1.0;

    public IReadOnlyList<double> Offsets { get; init; } = [];

    public int ModelColorFormat { get; init; }

    public IReadOnlyList<string> OutputBlobNames { get; init; } = [];

    /// <summary>Per-class attributes (index = class id) for detectors, after precedence rules.</summary>
    public IReadOnlyList<ClassAttributes> Classes { get; init; } = [];

    /// <summary>Reads and validates an nvinfer file; every finding goes to <paramref name="report"/>. Null when unreadable.</summary>
    public static NvInferConfig? Load(string path, ValidationReport report, ValidationTarget target = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        KeyFile file;
        try
        {
            file = KeyFile.Load(path);
        }
        catch (KeyFileException ex)
        {
            report.Add(ex);
            return null;
        }

        return Read(file, report, target);
    }

    internal static NvInferConfig? Read(KeyFile file, ValidationReport report, ValidationTarget target)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file.Origin)) ?? "/";
        var prop = file.Group("property");
        if (prop is null)
        {
            report.Error(file.Origin, 0, "property", null, "nvinfer config has no [property] group", "nvinfer requires a [property] group");
            return null;
        }

        var r = new GroupReader(prop, GroupKind.Unknown, dir, report);
        r.CheckKeys((k, _) => $"Unknown or legacy key specified '{k}' for group [property]", NvInferSchema.FindProperty);

        var cfg = new NvInferConfig
        {
            Path = file.Origin,
            GieUniqueId = r.GetInt("gie-unique-id", 15),
            ProcessMode = r.GetInt("process-mode", 1),
            Interval = r.GetInt("interval", 0),
            BatchSize = r.GetInt("batch-size", 1),
            NetworkType = r.GetInt("network-type") ?? (r.GetBool("is-classifier") is { } isc ? (isc ? 1 : 0) : 0),
            NetworkMode = r.GetInt("network-mode", 0),
            ModelEngineFile = r.GetPath("model-engine-file"),
            Int8CalibFile = r.GetPath("int8-calib-file"),
            TltEncodedModel = r.GetPath("tlt-encoded-model"),
            OnnxFile = r.GetPath("onnx-file"),
            UffFile = r.GetPath("uff-file"),
            ModelFile = r.GetPath("model-file"),
            CustomLibPath = r.GetPath("custom-lib-path"),
            LabelFilePath = r.GetPath("labelfile-path"),
            InferDims = r.GetIntList("infer-dims") ?? r.GetIntList("input-dims")?.Take(3).ToArray() ?? r.GetIntList("uff-input-dims")?.Take(3).ToArray(),
            NumDetectedClasses = r.GetInt("num-detected-classes", 0),
            ClusterMode = r.GetInt("cluster-mode") ?? (r.GetBool("enable-dbscan") == true ? 1 : 0),
            NetScaleFactor = r.GetDouble("net-scale-factor") ?? 1.0,
            ModelColorFormat = r.GetInt("model-color-format", 0),
            OutputBlobNames = r.GetStringList("output-blob-names") ?? [],
        };
        cfg = cfg with { Offsets = ReadOffsets(prop) };

        ValidateProperty(r, cfg, target);
        cfg = cfg with { Classes = ReadClasses(file, dir, report, cfg) };
        ValidateFiles(r, cfg, target);
        CustomParserRule.Check(r, cfg, target);
        ModelIoRule.Check(r, cfg);
        return cfg;
    }

    private static IReadOnlyList<double> ReadOffsets(KeyFileGroup prop)
    {
        try
        {
            return prop.Find("offsets") is { } e ? KeyFileValues.ParseDoubleList(e.RawValue) : [];
        }
        catch (FormatException)
        {
            return []; // reported by CheckKeys
        }
    }

    private static void ValidateProperty(GroupReader r, NvInferConfig c, ValidationTarget target)
    {
        if (r.Has("gie-unique-id") && c.GieUniqueId <= 0)
        {
            r.Error("gie-unique-id", $"gie-unique-id must be > 0 (got {c.GieUniqueId})");
        }

        if (c.ProcessMode is not (1 or 2))
        {
            r.Error("process-mode", $"{c.ProcessMode} is not a valid process-mode", "1 (primary) or 2 (secondary)");
        }

        if (c.Interval < 0)
        {
            r.Error("interval", $"interval must be >= 0 (got {c.Interval})");
        }

        if (c.BatchSize is < 1 or > 1024)
        {
            r.Error("batch-size", $"batch-size must be 1..1024 (got {c.BatchSize})");
        }

        if (c.NetworkType is not (0 or 1 or 2 or 3 or 100))
        {
            r.Error("network-type", $"{c.NetworkType} is not a valid network-type", "0 detector, 1 classifier, 2 segmentation, 3 instance segmentation, 100 other");
        }

        if (c.NetworkMode == 3)
        {
            r.Error("network-mode", "network-mode 3 (BEST) exists only in DeepStream 9.x", "0 FP32, 1 INT8, 2 FP16");
        }
        else if (c.NetworkMode is not (0 or 1 or 2))
        {
            r.Error("network-mode", $"{c.NetworkMode} is not a valid network-mode", "0 FP32, 1 INT8, 2 FP16");
        }

        if (c.ModelColorFormat is not (0 or 1 or 2))
        {
            r.Error("model-color-format", $"{c.ModelColorFormat} is not a valid model-color-format", "0 RGB, 1 BGR, 2 GRAY");
        }

        if (c.ClusterMode is < 0 or > 4)
        {
            r.Error("cluster-mode", $"{c.ClusterMode} is not a valid cluster-mode", "0 GroupRectangles, 1 DBSCAN, 2 NMS, 3 DBSCAN+NMS, 4 none");
        }
        else if (c.ClusterMode == 0 && c.NetworkType is 0)
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

        CheckDims(r, "infer-dims", 3);
        CheckDims(r, "input-dims", 4);
        CheckDims(r, "uff-input-dims", 4);
        foreach (var legacy in new[] { "input-dims", "uff-input-dims" })
        {
            if (!r.Has(legacy) || r.GetIntList(legacy) is not { Count: 4 } d)
            {
                continue;
            }

            if (r.Has("infer-dims"))
            {
                r.Warning(legacy, $"{legacy} is ignored because infer-dims is present");
                continue;
            }

            var hint = $"infer-dims={d[0]};{d[1]};{d[2]} with uff-input-order={d[3]}";
            if (d[0] is 1 or 3 or 4 && d[1] > d[2])
            {
                // The face-mask recipe's defect: 3;960;544;0 declares H=960, W=544 for a 960×544 (W×H) model.
                r.Warning(legacy, $"{legacy} is C;H;W;order, so {d[0]};{d[1]};{d[2]};{d[3]} declares a portrait input H={d[1]}, W={d[2]}; detectors are normally landscape and the face-mask recipe's DetectNet_v2 model is W={d[1]}, H={d[2]} (swapped height and width give few or no detections)",
                    $"if the model is {d[1]} wide and {d[2]} tall use infer-dims={d[0]};{d[2]};{d[1]} (and uff-input-order={d[3]})");
            }
            else
            {
                r.Warning(legacy, $"{legacy} is deprecated", "use " + hint);
            }
        }

        if (c.NetworkType is 0 && c.NumDetectedClasses <= 0)
        {
            r.Warning(r.Has("num-detected-classes") ? "num-detected-classes" : null, "num-detected-classes is not set for a detector: every detection is discarded", "set num-detected-classes to the number of classes the model reports");
        }

        if (c.TltEncodedModel is not null && r.GetString("tlt-model-key") is null)
        {
            r.Error("tlt-encoded-model", "tlt-encoded-model needs tlt-model-key (the key the .etlt was exported with)");
        }
    }

    private static void CheckDims(GroupReader r, string key, int count)
    {
        if (r.GetIntList(key) is { } d && d.Count != count)
        {
            r.Error(key, $"{key} needs exactly {count} values, got {d.Count}", count == 3 ? "C;H;W, e.g. infer-dims=3;544;960" : "C;H;W;order, e.g. 3;544;960;0");
        }
    }

    private static ClassAttributes[] ReadClasses(KeyFile file, string dir, ValidationReport report, NvInferConfig c)
    {
        var n = Math.Max(c.NumDetectedClasses, 0);
        var detectorLike = c.NetworkType is 0 or 3;
        var all = new ClassAttributes();
        var perClass = new Dictionary<int, GroupReader>();
        foreach (var group in file.Groups)
        {
            if (!group.Name.StartsWith("class-attrs-", StringComparison.Ordinal))
            {
                continue;
            }

            var r = new GroupReader(group, GroupKind.Unknown, dir, report);
            if (!detectorLike)
            {
                r.Warning(null, $"[{group.Name}] is ignored: class attributes are read only for network-type 0 or 3");
                continue;
            }

            r.CheckKeys((k, _) => $"Unknown or legacy key specified '{k}' for group [property]", NvInferSchema.FindClassAttr);
            ValidateClassAttrs(r);
            var suffix = group.Name["class-attrs-".Length..];
            if (suffix == "all")
            {
                all = all.Apply(r);
            }
            else if (ConfigSchema.IsNumbered(group.Name, "class-attrs-") && int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                if (id >= n)
                {
                    r.Error(null, $"[{group.Name}]: class id {id} is not below num-detected-classes ({n})", $"class ids are 0..{Math.Max(n - 1, 0)}");
                }
                else
                {
                    perClass[id] = r;
                }
            }
            else
            {
                r.Warning(null, $"[{group.Name}] is ignored: the suffix must be 'all' or a decimal class id");
            }
        }

        var classes = new ClassAttributes[n];
        for (var i = 0; i < n; i++)
        {
            classes[i] = perClass.TryGetValue(i, out var r) ? all.Apply(r) : all;
            if (c.ClusterMode is 1 or 3 && classes[i].MinBoxes <= 0)
            {
                var at = perClass.GetValueOrDefault(i);
                var name = at?.Group.Name ?? file.Group("class-attrs-all")?.Name ?? "property";
                var (f, line) = at?.Where("minBoxes") ?? (file.Origin, file.Group(name)?.Line ?? 0);
                report.Warning(f, line, name, "minBoxes", $"cluster-mode={c.ClusterMode} (DBSCAN) is skipped for class {i} because minBoxes is 0: every grid cell above pre-cluster-threshold becomes its own box",
                    "set minBoxes=1 (or more) and tune eps, e.g. in [class-attrs-all]");
            }
        }

        return classes;
    }

    private static void ValidateClassAttrs(GroupReader r)
    {
        foreach (var key in new[] { "pre-cluster-threshold", "threshold", "post-cluster-threshold", "eps", "dbscan-min-score" })
        {
            if (r.GetDouble(key) is < 0)
            {
                r.Error(key, $"{key} must be >= 0");
            }
        }

        foreach (var key in new[] { "minBoxes", "group-threshold", "topk", "roi-top-offset", "roi-bottom-offset", "detected-min-w", "detected-min-h", "detected-max-w", "detected-max-h" })
        {
            if (r.GetInt(key) is < 0)
            {
                r.Error(key, $"{key} must be >= 0");
            }
        }

        if (r.GetDouble("nms-iou-threshold") is < 0 or > 1)
        {
            r.Error("nms-iou-threshold", "nms-iou-threshold must be within 0..1");
        }

        if (r.Has("threshold"))
        {
            r.Warning("threshold", "deprecated key 'threshold'", "use pre-cluster-threshold");
        }
    }

    private static void ValidateFiles(GroupReader r, NvInferConfig c, ValidationTarget target)
    {
        var models = new (string Key, string? Path)[]
        {
            ("tlt-encoded-model", c.TltEncodedModel), ("onnx-file", c.OnnxFile), ("uff-file", c.UffFile),
            ("model-file", c.ModelFile), ("proto-file", r.GetPath("proto-file")),
        };
        var anyModel = false;
        foreach (var (key, path) in models)
        {
            if (path is null)
            {
                continue;
            }

            if (File.Exists(path))
            {
                anyModel = true;
            }
            else if (target == ValidationTarget.DeepStreamElsewhere && (key == "tlt-encoded-model" || IsDeepStreamInstallPath(path)))
            {
                // User-supplied TAO models (and DeepStream's sample models) are installed on the target only.
                r.Warning(key, $"file not found: {path} (not found on this machine: must exist on the DeepStream target)", "paths are relative to the nvinfer config file's folder");
            }
            else
            {
                r.Error(key, $"file not found: {path}", "paths are relative to the nvinfer config file's folder");
            }
        }

        var engineOk = c.ModelEngineFile is not null && File.Exists(c.ModelEngineFile);
        if (c.ModelEngineFile is not null && !engineOk)
        {
            r.Warning("model-engine-file", $"engine file not found: {c.ModelEngineFile}", "nvinfer builds it from the model file and tries to save it there");
        }

        var custom = r.Has("engine-create-func-name") || r.Has("custom-network-config");
        if (!anyModel && !engineOk && !custom && !models.Any(m => m.Path is not null))
        {
            r.Error(null, "no model: none of onnx-file, tlt-encoded-model, uff-file, model-file or an existing model-engine-file is set", "the portable runtime needs onnx-file; DeepStream accepts any of them");
        }

        if (c.Int8CalibFile is not null && !File.Exists(c.Int8CalibFile))
        {
            r.Warning("int8-calib-file", $"calibration file not found: {c.Int8CalibFile}", c.NetworkMode == 1 ? "INT8 (network-mode=1) without a calibration cache gives wrong results unless the model carries its own scales" : null);
        }

        foreach (var key in new[] { "mean-file", "labelfile-path" })
        {
            if (r.GetPath(key) is not { } p || File.Exists(p))
            {
                continue;
            }

            if (target == ValidationTarget.DeepStreamElsewhere && IsDeepStreamInstallPath(p))
            {
                r.Warning(key, $"file not found: {p} (not found on this machine: must exist on the DeepStream target)");
            }
            else
            {
                r.Error(key, $"file not found: {p}", "paths are relative to the nvinfer config file's folder");
            }
        }

        if (c.LabelFilePath is not null && File.Exists(c.LabelFilePath) && c.NetworkType == 0 && c.NumDetectedClasses > 0)
        {
            var labels = LabelFile.Read(c.LabelFilePath);
            if (labels.Count < c.NumDetectedClasses)
            {
                r.Warning("labelfile-path", $"label file has {labels.Count} label(s) for {c.NumDetectedClasses} classes: classes without a line get no label");
            }
        }
    }

    private static bool IsDeepStreamInstallPath(string path) => path.StartsWith("/opt/nvidia/deepstream/", StringComparison.Ordinal);
}
