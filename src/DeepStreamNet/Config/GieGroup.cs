namespace DeepStreamNet.Config;

/// <summary><c>[primary-gie]</c> or an enabled <c>[secondary-gie*]</c> group.</summary>
public sealed record GieGroup
{
    public required string Name { get; init; }

    public bool IsPrimary { get; init; }

    /// <summary>nvinfer config file (resolved); required.</summary>
    public string? ConfigFile { get; init; }

    public string? ModelEngineFile { get; init; }

    public string? LabelFilePath { get; init; }

    /// <summary>Element overrides (null = not set, the nvinfer file decides).</summary>
    public int? BatchSize { get; init; }

    public int? Interval { get; init; }

    public int? GieUniqueId { get; init; }

    public int? OperateOnGieId { get; init; }

    public IReadOnlyList<int>? OperateOnClassIds { get; init; }

    public int GpuId { get; init; }

    public int NvbufMemoryType { get; init; }

    /// <summary>Border colour for every object of this GIE (default red).</summary>
    public Rgba BboxBorderColor { get; init; } = GieKeys.BboxBorderColor.Default!.Value;

    /// <summary><c>bbox-border-color&lt;N&gt;</c> by class id (wins over <see cref="BboxBorderColor"/>).</summary>
    public IReadOnlyDictionary<int, Rgba> BboxBorderColors { get; init; } = new Dictionary<int, Rgba>();

    public Rgba? BboxBgColor { get; init; }

    /// <summary><c>bbox-bg-color&lt;N&gt;</c> by class id (the only fill deepstream-app applies).</summary>
    public IReadOnlyDictionary<int, Rgba> BboxBgColors { get; init; } = new Dictionary<int, Rgba>();

    public string? InferRawOutputDir { get; init; }

    /// <summary>0 = nvinfer, 1 = nvinferserver.</summary>
    public int PluginType { get; init; }

    public bool? InputTensorMeta { get; init; }

    public string? AudioTransform { get; init; }

    public int AudioFrameSize { get; init; }

    public int AudioHopSize { get; init; }

    public int AudioInputRate { get; init; }

    /// <summary>The nvinfer file, when it could be read.</summary>
    public NvInferConfig? Infer { get; init; }

    public KeyFileGroup? Group { get; init; }

    /// <summary>The unique id the element will use: the group's value, else the nvinfer file's, else 15 (nvinfer default).</summary>
    public int EffectiveUniqueId => GieUniqueId ?? Infer?.GieUniqueId ?? NvInferKeys.GieUniqueId.Default;

    internal static GieGroup Read(GroupReader r, bool primary) => new()
    {
        Name = r.Group.Name,
        IsPrimary = primary,
        ConfigFile = r.Value(GieKeys.ConfigFile),
        ModelEngineFile = r.Value(GieKeys.ModelEngineFile),
        LabelFilePath = r.Value(GieKeys.LabelFilePath),
        BatchSize = r.Value(GieKeys.BatchSize),
        Interval = r.Value(GieKeys.Interval),
        GieUniqueId = r.Value(GieKeys.GieUniqueId),
        OperateOnGieId = r.Value(GieKeys.OperateOnGieId),
        OperateOnClassIds = r.Value(GieKeys.OperateOnClassIds),
        GpuId = r.Value(CommonKeys.GpuId),
        NvbufMemoryType = r.Value(CommonKeys.NvbufMemoryType),
        BboxBorderColor = r.Value(GieKeys.BboxBorderColor) ?? GieKeys.BboxBorderColor.Default!.Value,
        BboxBorderColors = r.NumberedColours("bbox-border-color"),
        BboxBgColor = r.Value(GieKeys.BboxBgColor),
        BboxBgColors = r.NumberedColours("bbox-bg-color"),
        InferRawOutputDir = r.Value(GieKeys.InferRawOutputDir),
        PluginType = r.Value(GieKeys.PluginType),
        InputTensorMeta = r.Value(GieKeys.InputTensorMeta),
        AudioTransform = r.Value(GieKeys.AudioTransform),
        AudioFrameSize = r.Value(GieKeys.AudioFrameSize),
        AudioHopSize = r.Value(GieKeys.AudioHopSize),
        AudioInputRate = r.Value(GieKeys.AudioInputRate),
        Group = r.Group,
    };
}
