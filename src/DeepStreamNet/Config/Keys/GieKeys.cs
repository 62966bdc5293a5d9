namespace DeepStreamNet.Config;

/// <summary><c>[primary-gie]</c> and <c>[secondary-gieN]</c> keys. Unset element overrides leave the nvinfer file's value.</summary>
public static class GieKeys
{
    public static readonly Key<string?> ConfigFile = Declare.Path("config-file");
    public static readonly Key<string?> ModelEngineFile = Declare.Path("model-engine-file", on: KeyBackends.DeepStream);
    public static readonly Key<string?> LabelFilePath = Declare.Path("labelfile-path");
    public static readonly Key<int?> BatchSize = Declare.OptionalInt("batch-size", min: 1, max: 1024);
    public static readonly Key<int?> Interval = Declare.OptionalInt("interval", min: 0);
    public static readonly Key<int?> GieUniqueId = Declare.OptionalInt("gie-unique-id", min: 1);
    public static readonly Key<int?> OperateOnGieId = Declare.OptionalInt("operate-on-gie-id", min: -1);
    public static readonly Key<IReadOnlyList<int>?> OperateOnClassIds = Declare.IntList("operate-on-class-ids", min: 0);

    /// <summary>Border colour of every object of this GIE (default red).</summary>
    public static readonly Key<Rgba?> BboxBorderColor = Declare.Colour("bbox-border-color", new Rgba(1, 0, 0, 1));
    public static readonly Key<Rgba?> BboxBgColor = Declare.Colour("bbox-bg-color");
    public static readonly Key<string?> InferRawOutputDir = Declare.Path("infer-raw-output-dir");
    public static readonly Key<int> PluginType = Declare.Choice("plugin-type", 0, [0, 1], "plugin-type", "0 nvinfer, 1 nvinferserver");
    public static readonly Key<bool?> InputTensorMeta = Declare.OptionalBool("input-tensor-meta", "6.0", on: KeyBackends.DeepStream);
    public static readonly Key<string?> AudioTransform = Declare.Text("audio-transform", "6.0", on: KeyBackends.DeepStream);
    public static readonly Key<int> AudioFrameSize = Declare.Int("audio-framesize", 0, min: 0, since: "6.0", on: KeyBackends.DeepStream);
    public static readonly Key<int> AudioHopSize = Declare.Int("audio-hopsize", 0, min: 0, since: "6.0", on: KeyBackends.DeepStream);
    public static readonly Key<int> AudioInputRate = Declare.Int("audio-input-rate", 0, min: 0, since: "6.0", on: KeyBackends.DeepStream);

    public static readonly KeySpec[] All =
    [
        CommonKeys.Enable, ConfigFile, ModelEngineFile, LabelFilePath, BatchSize, Interval, GieUniqueId, OperateOnGieId,
        OperateOnClassIds, CommonKeys.GpuId, CommonKeys.NvbufMemoryType, BboxBorderColor, BboxBgColor, InferRawOutputDir,
        PluginType, InputTensorMeta, AudioTransform, AudioFrameSize, AudioHopSize, AudioInputRate,
    ];
}
