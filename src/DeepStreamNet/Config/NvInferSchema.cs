namespace DeepStreamNet.Config;

/// <summary>Keys of an nvinfer config file (nvinfer-config.md §2–§3, DeepStream 6.3), plus 9.x-only keys.</summary>
public static class NvInferSchema
{
    private const string Only9 = "key of DeepStream 9.x; nvinfer 6.3 does not read it";
    private const string NotRead = "the name is defined but nvinfer 6.3 does not read it";

    private static readonly KeySpec[] Property =
    [
        new("gie-unique-id", KeyType.Int), new("process-mode", KeyType.Int), new("interval", KeyType.Int),
        new("gpu-id", KeyType.Int), new("batch-size", KeyType.Int), new("operate-on-gie-id", KeyType.Int),
        new("operate-on-class-ids", KeyType.IntList), new("filter-out-class-ids", KeyType.IntList),
        new("secondary-reinfer-interval", KeyType.Int), new("input-object-min-width", KeyType.Int),
        new("input-object-min-height", KeyType.Int), new("input-object-max-width", KeyType.Int),
        new("input-object-max-height", KeyType.Int), new("classifier-async-mode", KeyType.Bool),
        new("output-tensor-meta", KeyType.Bool), new("output-instance-mask", KeyType.Bool),
        new("input-tensor-from-meta", KeyType.Bool, "6.0"), new("crop-objects-to-roi-boundary", KeyType.Bool, "6.2"),
        new("tensor-meta-pool-size", KeyType.Int, "6.0"), new("maintain-aspect-ratio", KeyType.Bool),
        new("symmetric-padding", KeyType.Bool, "6.0"), new("scaling-filter", KeyType.Int), new("scaling-compute-hw", KeyType.Int),
        new("auto-inc-mem", KeyType.Int, "6.3"), new("max-gpu-mem-per", KeyType.Int, "6.3"),
        new("disable-output-host-copy", KeyType.String, "6.2", NotRead), new("parse-func", KeyType.String, "5.0", "legacy key; " + NotRead),
        new("network-type", KeyType.Int), new("is-classifier", KeyType.Bool), new("network-mode", KeyType.Int),
        new("model-engine-file", KeyType.Path), new("int8-calib-file", KeyType.Path), new("tlt-encoded-model", KeyType.Path),
        new("tlt-model-key", KeyType.String), new("onnx-file", KeyType.Path), new("uff-file", KeyType.Path),
        new("uff-input-blob-name", KeyType.String), new("model-file", KeyType.Path), new("proto-file", KeyType.Path),
        new("custom-network-config", KeyType.String), new("engine-create-func-name", KeyType.String),
        new("custom-lib-path", KeyType.Path), new("infer-dims", KeyType.IntList), new("input-dims", KeyType.IntList),
        new("uff-input-dims", KeyType.IntList), new("uff-input-order", KeyType.Int), new("network-input-order", KeyType.Int, "6.0"),
        new("force-implicit-batch-dim", KeyType.Bool), new("workspace-size", KeyType.Int), new("enable-dla", KeyType.Bool),
        new("use-dla-core", KeyType.Int), new("output-blob-names", KeyType.StringList), new("output-io-formats", KeyType.StringList),
        new("layer-device-precision", KeyType.StringList), new("net-scale-factor", KeyType.Double),
        new("offsets", KeyType.DoubleList), new("mean-file", KeyType.Path), new("model-color-format", KeyType.Int),
        new("num-detected-classes", KeyType.Int), new("cluster-mode", KeyType.Int), new("enable-dbscan", KeyType.Bool),
        new("parse-bbox-func-name", KeyType.String), new("parse-bbox-instance-mask-func-name", KeyType.String),
        new("parse-classifier-func-name", KeyType.String), new("classifier-threshold", KeyType.Double),
        new("classifier-type", KeyType.String, "6.0"), new("segmentation-threshold", KeyType.Double),
        new("segmentation-output-order", KeyType.Int, "6.0"), new("labelfile-path", KeyType.Path),
        new("parse-segmentation-func-name", KeyType.String, "9.1", Only9), new("dump-input-tensor", KeyType.Int, "9.1", Only9),
        new("dump-output-tensor", KeyType.Int, "9.1", Only9), new("overwrite-input-tensor", KeyType.Int, "9.1", Only9),
        new("overwrite-output-tensor", KeyType.Int, "9.1", Only9), new("ip-tensor-file", KeyType.String, "9.1", Only9),
        new("op-tensor-files", KeyType.StringList, "9.1", Only9), new("raw-output-file-write", KeyType.Bool, "9.1", Only9),
        new("strongly-typed", KeyType.Bool, "9.1", Only9), new("dynamic-properties", KeyType.String, "9.1", Only9),
        new("warmup-engine", KeyType.Bool, "9.1", Only9), new("stabilize-buffer-count", KeyType.Int, "9.1", Only9),
    ];

    private static readonly KeySpec[] ClassAttrs =
    [
        new("pre-cluster-threshold", KeyType.Double), new("threshold", KeyType.Double), new("post-cluster-threshold", KeyType.Double),
        new("eps", KeyType.Double), new("minBoxes", KeyType.Int), new("dbscan-min-score", KeyType.Double),
        new("group-threshold", KeyType.Int), new("nms-iou-threshold", KeyType.Double), new("topk", KeyType.Int),
        new("roi-top-offset", KeyType.Int), new("roi-bottom-offset", KeyType.Int), new("detected-min-w", KeyType.Int),
        new("detected-min-h", KeyType.Int), new("detected-max-w", KeyType.Int), new("detected-max-h", KeyType.Int),
        new("border-color", KeyType.Colour), new("bg-color", KeyType.Colour),
    ];

    public static KeySpec? FindProperty(string key) => Array.Find(Property, s => s.Name == key);

    public static KeySpec? FindClassAttr(string key) => Array.Find(ClassAttrs, s => s.Name == key);

    /// <summary>All <c>[property]</c> keys 6.3 reads.</summary>
    public static IEnumerable<KeySpec> PropertyKeys => Property;
}
