namespace DeepStreamNet.Config;

/// <summary>Keys of the optional DeepStream plugins' groups (placed in the DeepStream graph only).</summary>
public static class AuxiliaryKeys
{
    private static readonly KeySpec UniqueId = Declare.Typed("unique-id", KeyType.Int, min: 0);
    private static readonly KeySpec SourceId = Declare.Typed("source-id", KeyType.Int, min: 0);
    private static readonly KeySpec Width = Declare.Typed("width", KeyType.Int, min: 0, max: CommonKeys.MaxDimension);
    private static readonly KeySpec Height = Declare.Typed("height", KeyType.Int, min: 0, max: CommonKeys.MaxDimension);

    /// <summary><c>[nvds-analytics]</c>.</summary>
    public static readonly KeySpec[] EnableConfig = [CommonKeys.Enable, CommonKeys.ConfigFile];

    /// <summary><c>[pre-process]</c>, <c>[secondary-pre-processN]</c>.</summary>
    public static readonly KeySpec[] PreProcess = [.. EnableConfig, Declare.Typed("operate-on-gie-id", KeyType.Int, min: -1)];

    public static readonly KeySpec[] DsExample =
    [
        CommonKeys.Enable, Declare.Typed("full-frame", KeyType.IntBool), Declare.Typed("processing-width", KeyType.Int, min: 0, max: CommonKeys.MaxDimension),
        Declare.Typed("processing-height", KeyType.Int, min: 0, max: CommonKeys.MaxDimension), Declare.Typed("blur-objects", KeyType.Bool, since: "6.0"),
        UniqueId, CommonKeys.GpuId, CommonKeys.NvbufMemoryType,
    ];

    public static readonly KeySpec[] Dewarper =
    [
        CommonKeys.Enable, CommonKeys.GpuId, CommonKeys.ConfigFile, CommonKeys.NvbufMemoryType,
        Declare.Typed("num-surfaces-per-frame", KeyType.Int, min: 0, max: 16), SourceId, Declare.Typed("num-output-buffers", KeyType.Int, min: 0, max: 1024, since: "6.3"),
    ];

    public static readonly KeySpec[] SegVisual =
    [
        CommonKeys.Enable, Width, Height, Declare.Typed("batch-size", KeyType.Int, min: 1, max: CommonKeys.MaxSources), CommonKeys.GpuId, CommonKeys.NvbufMemoryType,
    ];

    public static readonly KeySpec[] ImgSave =
    [
        CommonKeys.Enable, CommonKeys.GpuId, Declare.Typed("output-folder-path", KeyType.String), Declare.Typed("frame-to-skip-rules-path", KeyType.String),
        // deepstream_config_file_parser.c:1907-1918 reads these three as doubles.
        Declare.Typed("save-img-full-frame", KeyType.Double), Declare.Typed("save-img-cropped-obj", KeyType.Double),
        Declare.Typed("second-to-skip-interval", KeyType.Double, min: 0), Declare.Typed("min-confidence", KeyType.Double, min: 0, max: 1),
        Declare.Typed("max-confidence", KeyType.Double, min: 0, max: 1), Declare.Typed("min-box-width", KeyType.Int, min: 0),
        Declare.Typed("min-box-height", KeyType.Int, min: 0),
    ];
}
