using DeepStreamNet.Onnx;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// Per-layer quantization error, measured on calibration images (never on the split accuracy is reported on): for each
/// Conv, a model where only that Conv is quantized (its input, weights, bias and output, with the chosen ranges) runs in
/// ONNX Runtime on its integer kernels, and its outputs are compared with the FP32 model's. The error of an output is
/// its mean squared difference over the FP32 output's variance (so scores and box offsets weigh alike), summed over the
/// outputs and averaged over the images. The Convs with the largest error are the ones worth keeping in float.
/// </summary>
public static class LayerSensitivity
{
    /// <summary>One Conv (by <see cref="QdqGraphBuilder.ConvId"/>) and the relative output error its quantization alone causes.</summary>
    public sealed record Entry(string Conv, double Error);

    /// <summary>Every quantizable Conv's error, largest first.</summary>
    public static IReadOnlyList<Entry> Measure(string fp32Path, IReadOnlyDictionary<string, (float Min, float Max)> ranges, QuantizationOptions options,
        NetworkInput input, IReadOnlyList<float[]> tensors, IProgress<TrainingProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tensors);
        var fp32 = OnnxModel.Load(fp32Path);
        var convs = QdqGraphBuilder.ConvIds(fp32.Graph);
        List<float[][]> reference;
        using (var session = InferenceSpeed.Open(fp32Path, options.Threads))
        {
            reference = [.. tensors.Select(t => Outputs(session, input, t))];
        }

        var entries = new List<Entry>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < convs.Count; i++)
        {
            var id = convs[i];
            var model = fp32.Clone();
            if (QdqGraphBuilder.Quantize(model, ranges, options.SignedActivations, options.WeightBits, c => QdqGraphBuilder.ConvId(c) == id, options.SymmetricActivations) == 1)
            {
                using var sessionOptions = InferenceSpeed.Options(options.Threads, options.SessionConfig);
                using var session = new InferenceSession(model.ToByteArray(), sessionOptions);
                double error = 0;
                for (var k = 0; k < tensors.Count; k++)
                {
                    error += RelativeError(Outputs(session, input, tensors[k]), reference[k]);
                }

                entries.Add(new Entry(id, error / tensors.Count));
            }

            progress?.Report(TrainingProgress.Of("sensitivity: one Conv quantized at a time", i + 1, convs.Count, started));
        }

        return [.. entries.OrderByDescending(e => e.Error)];
    }

    /// <summary>Σ over outputs of mean((a − b)²) / var(b).</summary>
    public static double RelativeError(float[][] outputs, float[][] reference)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(reference);
        double sum = 0;
        for (var o = 0; o < reference.Length; o++)
        {
            var b = reference[o];
            var a = outputs[o];
            var mean = b.Average(v => (double)v);
            double diff = 0, variance = 0;
            for (var j = 0; j < b.Length; j++)
            {
                diff += (a[j] - b[j]) * (double)(a[j] - b[j]);
                variance += (b[j] - mean) * (b[j] - mean);
            }

            sum += variance > 0 ? diff / variance : diff / b.Length;
        }

        return sum;
    }

    private static float[][] Outputs(InferenceSession session, NetworkInput input, float[] tensor)
    {
        long[] shape = [1, input.Channels, input.Height, input.Width];
        using var value = OrtValue.CreateTensorValueFromMemory(tensor, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [session.InputNames[0]], [value], session.OutputNames);
        return [.. results.Select(r => r.GetTensorDataAsSpan<float>().ToArray())];
    }
}
