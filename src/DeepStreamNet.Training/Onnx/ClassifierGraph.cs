using DeepStreamNet.Onnx;
using DeepStreamNet.Onnx.Proto;
using DeepStreamNet.Training.Classifier;

namespace DeepStreamNet.Training.Onnx;

/// <summary>
/// Builds the mask classifier as one ONNX graph from the ImageNet ResNet-18 of
/// <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>:
/// <c>input</c> (float32 NCHW BGR 0–255, 224×224, dynamic batch) − the package's mean image (its
/// <c>ResNetPreprocess.onnx</c> without the RGB→BGR split, which the input order makes unnecessary) → ResNet-18 up
/// to its pooled layer → Flatten → <c>features</c> [batch, 512]; with a head, → Gemm → Softmax → <c>prob</c>
/// [batch, classes]. Only operators that nvinfer/TensorRT and ONNX Runtime both run (opset 8 as the backbone).
/// </summary>
public static class ClassifierGraph
{
    public const string InputName = "input";
    public const string FeaturesName = "features";
    public const string OutputName = "prob";
    /// <summary>The backbone's native input size; other sizes (32 to 1024) are supported by pooling globally.</summary>
    public const int NativeInputSize = 224;
    public const string BackboneFile = "ResNet18Onnx/ResNet18.onnx";
    public const string PreprocessFile = "ResNetPrepOnnx/ResNetPreprocess.onnx";

    /// <summary>The folder holding the backbone files next to the running program (<c>DnnImageModels/</c>).</summary>
    public static string DefaultModelsDirectory => Path.Combine(AppContext.BaseDirectory, "DnnImageModels");

    /// <summary>The feature extractor (no head): output <see cref="FeaturesName"/>.</summary>
    /// <exception cref="InvalidDataException">The backbone files are missing or not the expected graphs.</exception>
    public static byte[] BuildFeatureModel(string modelsDirectory, int inputSize) => Serialize(Build(modelsDirectory, inputSize, null));

    /// <summary>The deployable classifier (backbone + head + softmax), written to <paramref name="path"/>.</summary>
    public static void WriteClassifier(string modelsDirectory, int inputSize, SoftmaxHead head, string path, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var model = Build(modelsDirectory, inputSize, head);
        foreach (var (k, v) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = k, Value = v });
        }

        OnnxModel.Save(model, path);
    }

    private static byte[] Serialize(ModelProto model)
    {
        using var ms = new MemoryStream();
        Google.Protobuf.MessageExtensions.WriteTo(model, ms);
        return ms.ToArray();
    }

    private static ModelProto Build(string modelsDirectory, int inputSize, SoftmaxHead? head)
    {
        if (inputSize is < 32 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "the input size must be 32 to 1024 pixels");
        }

        var backbonePath = Path.Combine(modelsDirectory, BackboneFile);
        var prepPath = Path.Combine(modelsDirectory, PreprocessFile);
        foreach (var p in new[] { backbonePath, prepPath })
        {
            if (!File.Exists(p))
            {
                throw new InvalidDataException($"backbone file not found: {p} (it comes with the Microsoft.ML.DnnImageFeaturizer.ResNet18 NuGet package; pass --backbone DIR with ResNet18Onnx/ and ResNetPrepOnnx/)");
            }
        }

        var model = OnnxModel.Load(backbonePath);
        var g = model.Graph;
        var mean = MeanImage(OnnxModel.Load(prepPath), prepPath);
        var realInputs = g.Input.Where(i => g.Initializer.All(t => t.Name != i.Name)).ToList();
        if (realInputs.Count != 1 || g.Output.Count != 1 || !OnnxModel.Dims(realInputs[0]).SequenceEqual(new long?[] { 1, 3, NativeInputSize, NativeInputSize }))
        {
            throw new InvalidDataException($"{backbonePath}: expected one input [1,3,224,224] and one output; found {OnnxModel.Describe(model)}");
        }

        var backboneInput = realInputs[0].Name;
        var pooled = g.Output[0].Name;
        if (inputSize != NativeInputSize)
        {
            // The final 7×7 average pool only fits 224×224 inputs; a global average pool is the same there.
            var pool = g.Node.Single(n => n.Output.Contains(pooled));
            if (pool.OpType != "AveragePool")
            {
                throw new InvalidDataException($"{backbonePath}: expected the output to come from an AveragePool, found {pool.OpType}");
            }

            pool.OpType = "GlobalAveragePool";
            pool.Attribute.Clear();
            mean = ResizeMean(mean, inputSize);
        }

        // Per-image shapes recorded by the exporter would pin the batch to 1.
        g.ValueInfo.Clear();
        g.Input.Remove(realInputs[0]);
        g.Input.Insert(0, OnnxModel.FloatValue(InputName, [null, 3, inputSize, inputSize]));
        g.Initializer.Add(OnnxModel.FloatTensor("dsnet_mean_image", [1, 3, inputSize, inputSize], mean));
        g.Node.Insert(0, OnnxModel.Node("Sub", "dsnet_subtract_mean", [InputName, "dsnet_mean_image"], [backboneInput]));
        g.Node.Add(OnnxModel.Node("Flatten", "dsnet_flatten", [pooled], [FeaturesName], OnnxModel.Int("axis", 1)));
        g.Output.Clear();
        if (head is null)
        {
            g.Output.Add(OnnxModel.FloatValue(FeaturesName, [null, 512]));
        }
        else
        {
            g.Initializer.Add(OnnxModel.FloatTensor("dsnet_head_weight", [head.Classes, head.Features], head.Weights));
            g.Initializer.Add(OnnxModel.FloatTensor("dsnet_head_bias", [head.Classes], head.Bias));
            g.Node.Add(OnnxModel.Node("Gemm", "dsnet_head", [FeaturesName, "dsnet_head_weight", "dsnet_head_bias"], ["dsnet_logits"],
                OnnxModel.Float("alpha", 1), OnnxModel.Float("beta", 1), OnnxModel.Int("transB", 1)));
            g.Node.Add(OnnxModel.Node("Softmax", "dsnet_softmax", ["dsnet_logits"], [OutputName], OnnxModel.Int("axis", 1)));
            g.Output.Add(OnnxModel.FloatValue(OutputName, [null, head.Classes]));
        }

        g.Name = head is null ? "dsnet_resnet18_features" : "dsnet_mask_classifier";
        model.ProducerName = "DeepStreamNet.Training";
        model.ProducerVersion = typeof(ClassifierGraph).Assembly.GetName().Version?.ToString() ?? "0";
        return model;
    }

    /// <summary>The mean image the preprocessing graph subtracts (already in BGR order: it is subtracted after the swap).</summary>
    private static float[] MeanImage(ModelProto prep, string path)
    {
        var sub = prep.Graph.Node.FirstOrDefault(n => n.OpType == "Sub");
        var mean = sub is null ? null : prep.Graph.Initializer.FirstOrDefault(t => t.Name == sub.Input[1]);
        if (mean is null || !mean.Dims.SequenceEqual(new long[] { 1, 3, NativeInputSize, NativeInputSize }))
        {
            throw new InvalidDataException($"{path}: expected a Sub of a [1,3,224,224] mean image; found {OnnxModel.Describe(prep)}");
        }

        return OnnxModel.FloatData(mean);
    }

    /// <summary>The mean image averaged down (box filter) or sampled to <paramref name="size"/>².</summary>
    private static float[] ResizeMean(float[] mean, int size)
    {
        const int n = NativeInputSize;
        var result = new float[3 * size * size];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < size; y++)
            {
                int y0 = y * n / size, y1 = Math.Max(y0 + 1, (y + 1) * n / size);
                for (var x = 0; x < size; x++)
                {
                    int x0 = x * n / size, x1 = Math.Max(x0 + 1, (x + 1) * n / size);
                    double sum = 0;
                    for (var sy = y0; sy < y1; sy++)
                    {
                        for (var sx = x0; sx < x1; sx++)
                        {
                            sum += mean[(c * n * n) + (sy * n) + sx];
                        }
                    }

                    result[(c * size * size) + (y * size) + x] = (float)(sum / ((y1 - y0) * (x1 - x0)));
                }
            }
        }

        return result;
    }
}
