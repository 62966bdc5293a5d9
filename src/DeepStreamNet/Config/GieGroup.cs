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
    public Rgba BboxBorderColor { get; init; } = new(1, 0, 0, 1);

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
    public int EffectiveUniqueId => GieUniqueId ?? Infer?.GieUniqueId ?? 15;

    internal static GieGroup Read(GroupReader r, bool primary) => new()
    {
        Name = r.Group.Name,
        IsPrimary = primary,
        ConfigFile = r.GetPath("config-file"),
        ModelEngineFile = r.GetPath("model-engine-file"),
        LabelFilePath = r.GetPath("labelfile-path"),
        BatchSize = r.GetInt("batch-size"),
        Interval = r.GetInt("interval"),
        GieUniqueId = r.GetInt("gie-unique-id"),
        OperateOnGieId = r.GetInt("operate-on-gie-id"),
        OperateOnClassIds = r.GetIntList("operate-on-class-ids"),
        GpuId = r.GetInt("gpu-id", 0),
        NvbufMemoryType = r.GetInt("nvbuf-memory-type", 0),
        BboxBorderColor = r.GetColour("bbox-border-color") ?? new Rgba(1, 0, 0, 1),
        BboxBorderColors = r.NumberedColours("bbox-border-color"),
        BboxBgColor = r.GetColour("bbox-bg-color"),
        BboxBgColors = r.NumberedColours("bbox-bg-color"),
        InferRawOutputDir = r.GetPath("infer-raw-output-dir"),
        PluginType = r.GetInt("plugin-type", 0),
        InputTensorMeta = r.GetBool("input-tensor-meta"),
        AudioTransform = r.GetString("audio-transform"),
        AudioFrameSize = r.GetInt("audio-framesize", 0),
        AudioHopSize = r.GetInt("audio-hopsize", 0),
        AudioInputRate = r.GetInt("audio-input-rate", 0),
        Group = r.Group,
    };
}
