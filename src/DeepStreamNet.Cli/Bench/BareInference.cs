using DeepStreamNet.Training.Quantization;
using Microsoft.ML.OnnxRuntime;

namespace DeepStreamNet.Cli.Bench;

/// <summary>
/// The inference limit: frames/s of back-to-back ONNX Runtime runs of the model on a ready input tensor (batch 1),
/// with the session options dsnetinfer uses and the intra-op threads its rule picks for a fakesink pipeline.
/// </summary>
internal static class BareInference
{
    /// <summary>dsnetinfer's intra-op thread rule (native/plugin/README.md) for one primary detector and no encoder.</summary>
    public static int Threads => Math.Max(1, Environment.ProcessorCount);

    public static double Measure(string onnxPath, double seconds)
    {
        using var session = InferenceSpeed.Open(onnxPath, Threads);
        var meta = session.InputMetadata[session.InputNames[0]];
        var d = meta.Dimensions;
        if (d.Length != 4)
        {
            throw new BenchException($"{onnxPath}: input '{session.InputNames[0]}' has {d.Length} dimensions; an image input [N,C,H,W] is needed");
        }

        var input = new NetworkInput(d[1], d[2], d[3], 1f, [], 0);
        var tensor = new float[input.Size];
        var rng = new Random(17);
        for (var i = 0; i < tensor.Length; i++)
        {
            tensor[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        InferenceSpeed.Measure(session, input, tensor, TimeSpan.FromMilliseconds(300));    // arena, kernels
        return InferenceSpeed.Measure(session, input, tensor, TimeSpan.FromSeconds(seconds));
    }
}
