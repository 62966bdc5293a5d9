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

    public int GieUniqueId { get; init; } = NvInferKeys.GieUniqueId.Default;

    public int ProcessMode { get; init; } = NvInferKeys.ProcessMode.Default;

    public int Interval { get; init; }

    public int BatchSize { get; init; } = NvInferKeys.BatchSize.Default;

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

    public double NetScaleFactor { get; init; } = NvInferKeys.NetScaleFactor.Default;

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
            GieUniqueId = r.Value(NvInferKeys.GieUniqueId),
            ProcessMode = r.Value(NvInferKeys.ProcessMode),
            Interval = r.Value(NvInferKeys.Interval),
            BatchSize = r.Value(NvInferKeys.BatchSize),
            NetworkType = r.Value(NvInferKeys.NetworkType) ?? (r.Value(NvInferKeys.IsClassifier) == true ? 1 : 0),
            NetworkMode = r.Value(NvInferKeys.NetworkMode),
            ModelEngineFile = r.Value(NvInferKeys.ModelEngineFile),
            Int8CalibFile = r.Value(NvInferKeys.Int8CalibFile),
            TltEncodedModel = r.Value(NvInferKeys.TltEncodedModel),
            OnnxFile = r.Value(NvInferKeys.OnnxFile),
            UffFile = r.Value(NvInferKeys.UffFile),
            ModelFile = r.Value(NvInferKeys.ModelFile),
            CustomLibPath = r.Value(NvInferKeys.CustomLibPath),
            LabelFilePath = r.Value(NvInferKeys.LabelFilePath),
            InferDims = r.Value(NvInferKeys.InferDims) ?? r.Value(NvInferKeys.InputDims)?.Take(3).ToArray() ?? r.Value(NvInferKeys.UffInputDims)?.Take(3).ToArray(),
            NumDetectedClasses = r.Value(NvInferKeys.NumDetectedClasses),
            ClusterMode = r.Value(NvInferKeys.ClusterMode) ?? (r.Value(NvInferKeys.EnableDbscan) == true ? 1 : 0),
            NetScaleFactor = r.Value(NvInferKeys.NetScaleFactor),
            Offsets = r.Value(NvInferKeys.Offsets) ?? [],
            ModelColorFormat = r.Value(NvInferKeys.ModelColorFormat),
            OutputBlobNames = r.Value(NvInferKeys.OutputBlobNames) ?? [],
        };

        NvInferRules.CheckProperty(r, cfg, target);
        cfg = cfg with { Classes = ReadClasses(file, dir, report, cfg) };
        NvInferRules.CheckFiles(r, cfg, target);
        CustomParserRule.Check(r, cfg, target);
        ModelIoRule.Check(r, cfg);
        return cfg;
    }

    private static ClassAttributes[] ReadClasses(KeyFile file, string dir, ValidationReport report, NvInferConfig c)
    {
        var n = c.NumDetectedClasses;
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
            NvInferRules.CheckClassAttrs(r);
            var suffix = group.Name["class-attrs-".Length..];
            if (suffix == "all")
            {
                all = all.Apply(r);
            }
            else if (!ConfigSchema.IsNumbered(group.Name, "class-attrs-"))
            {
                r.Warning(null, $"[{group.Name}] is ignored: the suffix must be 'all' or a decimal class id");
            }
            else if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= n)
            {
                r.Error(null, $"[{group.Name}]: class id {suffix} is not below num-detected-classes ({n})", $"class ids are 0..{Math.Max(n - 1, 0)}");
            }
            else
            {
                perClass[id] = r;
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
}
