using System.Globalization;
using System.Text;
using DeepStreamNet.Training.Onnx;

namespace DeepStreamNet.Training.Classifier;

/// <summary>
/// Writes the nvinfer configuration of the trained classifier as a secondary GIE (read by nvinfer and dsnetinfer
/// alike) and its label file (classifier format: one line per output layer, classes separated by <c>;</c>).
/// </summary>
public static class SgieConfigWriter
{
    /// <summary>Writes <c>&lt;name&gt;_labels.txt</c> and <c>config_infer_secondary_&lt;name&gt;.txt</c>; returns their paths.</summary>
    public static (string Config, string Labels) Write(string directory, string name, string onnxFile, int inputSize, IReadOnlyList<string> classes, int operateOnGieId = 1, double classifierThreshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var labels = Path.Combine(directory, $"{name}_labels.txt");
        File.WriteAllText(labels, string.Join(';', classes) + "\n");
        var inv = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.Append(inv, $"""
            # Secondary GIE: the mask classifier written by `dsnet train classifier` (ImageNet ResNet-18, frozen, from the
            # Microsoft.ML.DnnImageFeaturizer.ResNet18 package + a trained linear/softmax head) on the faces of the
            # primary GIE (gie-unique-id {operateOnGieId}). Input: the face box stretched to {inputSize}x{inputSize}, BGR, 0-255 (the mean
            # image is subtracted inside the graph); output `{ClassifierGraph.OutputName}`: class probabilities.
            [property]
            gie-unique-id=2
            process-mode=2
            network-type=1
            onnx-file={onnxFile}
            model-engine-file={onnxFile}_b16_gpu0_fp16.engine
            labelfile-path={Path.GetFileName(labels)}
            infer-dims=3;{inputSize};{inputSize}
            net-scale-factor=1.0
            model-color-format=1
            batch-size=16
            # 2 = FP16 on TensorRT; ignored by dsnetinfer
            network-mode=2
            output-blob-names={ClassifierGraph.OutputName}
            operate-on-gie-id={operateOnGieId}
            classifier-threshold={classifierThreshold.ToString(inv)}
            classifier-type=mask
            # with the tracker: classify a tracked face again only every 30 frames (or when its box grew), and
            # asynchronously on DeepStream
            classifier-async-mode=1
            secondary-reinfer-interval=30
            input-object-min-width=16
            input-object-min-height=16
            """);
        b.Append('\n');
        var config = Path.Combine(directory, $"config_infer_secondary_{name}.txt");
        File.WriteAllText(config, b.ToString());
        return (config, labels);
    }
}
