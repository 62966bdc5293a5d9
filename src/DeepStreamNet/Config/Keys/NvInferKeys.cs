namespace DeepStreamNet.Config;

/// <summary>
/// Keys of an nvinfer config file's <c>[property]</c> group (nvinfer-config.md §2–§3, DeepStream 6.3), plus 9.x-only
/// keys, with the ranges of the portable reader (<c>native/plugin/infer/infer_config.c</c>). The file keys carry their
/// <see cref="NvInferPathRole"/>: this table is the one list of nvinfer path keys.
/// </summary>
public static class NvInferKeys
{
    private const string Only9 = "key of DeepStream 9.x; nvinfer 6.3 does not read it";
    private const string NotRead = "the name is defined but nvinfer 6.3 does not read it";
    private const KeyBackends Ds = KeyBackends.DeepStream;

    public static readonly Key<int> GieUniqueId = Declare.Int("gie-unique-id", 15, min: 1);
    public static readonly Key<int> ProcessMode = Declare.Choice("process-mode", 1, [1, 2], "process-mode", "1 (primary) or 2 (secondary)");
    public static readonly Key<int> Interval = Declare.Int("interval", 0, min: 0);
    public static readonly Key<int> BatchSize = Declare.Int("batch-size", 1, min: 1, max: 1024);
    public static readonly Key<int?> NetworkType = Declare.OptionalChoice("network-type", [0, 1, 2, 3, 100], "network-type", "0 detector, 1 classifier, 2 segmentation, 3 instance segmentation, 100 other");

    /// <summary>Legacy: read only when network-type is absent.</summary>
    public static readonly Key<bool?> IsClassifier = Declare.OptionalBool("is-classifier");

    /// <summary>0 FP32, 1 INT8, 2 FP16 (3, BEST, is 9.x only: reported by the nvinfer rules).</summary>
    public static readonly Key<int> NetworkMode = Declare.Int("network-mode", 0);
    public static readonly Key<string?> ModelEngineFile = Declare.Path("model-engine-file", on: Ds);
    public static readonly Key<string?> Int8CalibFile = Declare.Path("int8-calib-file", on: Ds);
    public static readonly Key<string?> TltEncodedModel = Declare.Path("tlt-encoded-model", on: Ds);
    public static readonly Key<string?> TltModelKey = Declare.Text("tlt-model-key", on: Ds);
    public static readonly Key<string?> OnnxFile = Declare.Path("onnx-file");
    public static readonly Key<string?> UffFile = Declare.Path("uff-file", on: Ds);
    public static readonly Key<string?> ModelFile = Declare.Path("model-file", on: Ds);
    public static readonly Key<string?> ProtoFile = Declare.Path("proto-file", on: Ds);
    public static readonly Key<string?> CustomLibPath = Declare.Path("custom-lib-path");
    public static readonly Key<string?> MeanFile = Declare.Path("mean-file");
    public static readonly Key<string?> LabelFilePath = Declare.Path("labelfile-path");
    public static readonly Key<IReadOnlyList<int>?> InferDims = Declare.IntList("infer-dims", min: 1, max: CommonKeys.MaxDimension);
    public static readonly Key<IReadOnlyList<int>?> InputDims = Declare.IntList("input-dims", min: 0, max: CommonKeys.MaxDimension);
    public static readonly Key<IReadOnlyList<int>?> UffInputDims = Declare.IntList("uff-input-dims", min: 0, max: CommonKeys.MaxDimension);
    public static readonly Key<int> NumDetectedClasses = Declare.Int("num-detected-classes", 0, min: 0, max: CommonKeys.MaxClasses);
    public static readonly Key<int?> ClusterMode = Declare.OptionalChoice("cluster-mode", [0, 1, 2, 3, 4], "cluster-mode", "0 GroupRectangles, 1 DBSCAN, 2 NMS, 3 DBSCAN+NMS, 4 none");

    /// <summary>Deprecated: read only when cluster-mode is absent.</summary>
    public static readonly Key<bool?> EnableDbscan = Declare.OptionalBool("enable-dbscan");
    public static readonly Key<double> NetScaleFactor = Declare.Double("net-scale-factor", 1.0);
    public static readonly Key<IReadOnlyList<double>?> Offsets = Declare.DoubleList("offsets");
    public static readonly Key<int> ModelColorFormat = Declare.Choice("model-color-format", 0, [0, 1, 2], "model-color-format", "0 RGB, 1 BGR, 2 GRAY");
    public static readonly Key<IReadOnlyList<string>?> OutputBlobNames = Declare.StringList("output-blob-names");
    public static readonly Key<string?> ParseBboxFuncName = Declare.Text("parse-bbox-func-name");
    public static readonly Key<string?> ParseClassifierFuncName = Declare.Text("parse-classifier-func-name");
    public static readonly Key<int?> NetworkInputOrder = Declare.OptionalInt("network-input-order", min: 0, max: 1, since: "6.0");
    public static readonly Key<string?> EngineCreateFuncName = Declare.Text("engine-create-func-name", on: Ds);
    public static readonly Key<string?> CustomNetworkConfig = Declare.Text("custom-network-config", on: Ds);

    /// <summary>Every <c>[property]</c> key, in the spec's order.</summary>
    public static readonly KeySpec[] All =
    [
        GieUniqueId, ProcessMode, Interval, CommonKeys.GpuId, BatchSize, Declare.Typed("operate-on-gie-id", KeyType.Int, min: -1),
        Declare.IntList("operate-on-class-ids", min: 0), Declare.IntList("filter-out-class-ids", min: 0),
        Declare.Typed("secondary-reinfer-interval", KeyType.Int, min: 0), Declare.Typed("input-object-min-width", KeyType.Int, min: 0),
        Declare.Typed("input-object-min-height", KeyType.Int, min: 0), Declare.Typed("input-object-max-width", KeyType.Int, min: 0),
        Declare.Typed("input-object-max-height", KeyType.Int, min: 0), Declare.Typed("classifier-async-mode", KeyType.Bool),
        Declare.Typed("output-tensor-meta", KeyType.Bool), Declare.Typed("output-instance-mask", KeyType.Bool),
        Declare.Typed("input-tensor-from-meta", KeyType.Bool, since: "6.0"), Declare.Typed("crop-objects-to-roi-boundary", KeyType.Bool, since: "6.2"),
        Declare.Typed("tensor-meta-pool-size", KeyType.Int, min: 0, max: 65536, since: "6.0"), Declare.Typed("maintain-aspect-ratio", KeyType.Bool),
        Declare.Typed("symmetric-padding", KeyType.Bool, since: "6.0"), Declare.Typed("scaling-filter", KeyType.Int, min: 0, max: 6),
        Declare.Typed("scaling-compute-hw", KeyType.Int, min: 0, max: 2), Declare.Typed("auto-inc-mem", KeyType.Int, min: 0, since: "6.3", on: Ds),
        Declare.Typed("max-gpu-mem-per", KeyType.Int, min: 0, max: 100, since: "6.3", on: Ds),
        Declare.NotRead("disable-output-host-copy", KeyType.String, "6.2", NotRead), Declare.NotRead("parse-func", KeyType.String, "5.0", "legacy key; " + NotRead),
        NetworkType, IsClassifier, NetworkMode, ModelEngineFile, Int8CalibFile, TltEncodedModel, TltModelKey, OnnxFile, UffFile,
        Declare.Typed("uff-input-blob-name", KeyType.String, on: Ds), ModelFile, ProtoFile, CustomNetworkConfig, EngineCreateFuncName,
        CustomLibPath, InferDims, InputDims, UffInputDims, Declare.Typed("uff-input-order", KeyType.Int, min: 0, max: 2),
        NetworkInputOrder, Declare.Typed("force-implicit-batch-dim", KeyType.Bool, on: Ds),
        Declare.Typed("workspace-size", KeyType.Int, min: 0, on: Ds), Declare.Typed("enable-dla", KeyType.Bool, on: Ds),
        Declare.Typed("use-dla-core", KeyType.Int, min: 0, on: Ds), OutputBlobNames, Declare.Typed("output-io-formats", KeyType.StringList, on: Ds),
        Declare.Typed("layer-device-precision", KeyType.StringList, on: Ds), NetScaleFactor, Offsets, MeanFile, ModelColorFormat,
        NumDetectedClasses, ClusterMode, EnableDbscan, ParseBboxFuncName, Declare.Typed("parse-bbox-instance-mask-func-name", KeyType.String),
        ParseClassifierFuncName, Declare.Typed("classifier-threshold", KeyType.Double, min: 0),
        Declare.Typed("classifier-type", KeyType.String, since: "6.0"), Declare.Typed("segmentation-threshold", KeyType.Double, min: 0),
        Declare.Typed("segmentation-output-order", KeyType.Int, min: 0, max: 1, since: "6.0"), LabelFilePath,
        Declare.NotRead("parse-segmentation-func-name", KeyType.String, "9.1", Only9), Declare.NotRead("dump-input-tensor", KeyType.Int, "9.1", Only9),
        Declare.NotRead("dump-output-tensor", KeyType.Int, "9.1", Only9), Declare.NotRead("overwrite-input-tensor", KeyType.Int, "9.1", Only9),
        Declare.NotRead("overwrite-output-tensor", KeyType.Int, "9.1", Only9), Declare.NotRead("ip-tensor-file", KeyType.String, "9.1", Only9),
        Declare.NotRead("op-tensor-files", KeyType.StringList, "9.1", Only9), Declare.NotRead("raw-output-file-write", KeyType.Bool, "9.1", Only9),
        Declare.NotRead("strongly-typed", KeyType.Bool, "9.1", Only9), Declare.NotRead("dynamic-properties", KeyType.String, "9.1", Only9),
        Declare.NotRead("warmup-engine", KeyType.Bool, "9.1", Only9), Declare.NotRead("stabilize-buffer-count", KeyType.Int, "9.1", Only9),
    ];

    /// <summary>The file keys and what each file is: the one list of nvinfer path keys.</summary>
    // custom-lib-path is not here: a bare library name resolves beside the portable plugin (CustomParserRule checks it).
    public static readonly IReadOnlyList<(Key<string?> Key, NvInferPathRole Role)> Paths =
    [
        (TltEncodedModel, NvInferPathRole.Model), (OnnxFile, NvInferPathRole.Model), (UffFile, NvInferPathRole.Model),
        (ModelFile, NvInferPathRole.Model), (ProtoFile, NvInferPathRole.Model), (ModelEngineFile, NvInferPathRole.Engine),
        (Int8CalibFile, NvInferPathRole.Calibration), (MeanFile, NvInferPathRole.Required),
        (LabelFilePath, NvInferPathRole.Labels),
    ];
}
