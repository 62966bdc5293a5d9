using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// Bare ONNX Runtime frames/s of two models on the same ready tensors, measured in rounds that alternate between them
/// (a shared, loaded machine slows both alike), each model's best round kept.
/// </summary>
public static class InferenceSpeed
{
    public sealed record Comparison(double BaselineFramesPerSecond, double CandidateFramesPerSecond, int Rounds)
    {
        public double Ratio => CandidateFramesPerSecond / BaselineFramesPerSecond;
    }

    /// <summary>Creates a CPU session as dsnetinfer does (all graph optimisations; <paramref name="threads"/> 0 = default).</summary>
    public static InferenceSession Open(string modelPath, int threads, IReadOnlyDictionary<string, string>? sessionConfig = null)
    {
        using var options = Options(threads, sessionConfig ?? new Dictionary<string, string>());
        return new InferenceSession(modelPath, options);
    }

    /// <summary>
    /// dsnetinfer's session options plus <paramref name="sessionConfig"/> (ONNX Runtime session config entries, e.g.
    /// <c>session.x64quantprecision=1</c>: uint8 × uint8 kernels on x86 without VNNI).
    /// </summary>
    public static SessionOptions Options(int threads, IReadOnlyDictionary<string, string> sessionConfig)
    {
        ArgumentNullException.ThrowIfNull(sessionConfig);
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (threads > 0)
        {
            options.IntraOpNumThreads = threads;
        }

        foreach (var (key, value) in sessionConfig)
        {
            options.AddSessionConfigEntry(key, value);
        }

        return options;
    }

    public static Comparison Compare(string baseline, string candidate, NetworkInput input, float[] tensor, int threads, double seconds,
        IReadOnlyDictionary<string, string>? sessionConfig = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var a = Open(baseline, threads, sessionConfig);
        using var b = Open(candidate, threads, sessionConfig);
        const int rounds = 6;
        var perRound = TimeSpan.FromSeconds(seconds / rounds / 2);
        double bestA = 0, bestB = 0;
        Measure(a, input, tensor, TimeSpan.FromMilliseconds(200));  // warm-up: arena, kernels
        Measure(b, input, tensor, TimeSpan.FromMilliseconds(200));
        for (var r = 0; r < rounds; r++)
        {
            bestA = Math.Max(bestA, Measure(a, input, tensor, perRound));
            bestB = Math.Max(bestB, Measure(b, input, tensor, perRound));
        }

        return new Comparison(bestA, bestB, rounds);
    }

    /// <summary>Frames/s of back-to-back runs for about <paramref name="duration"/> (at least <paramref name="minimumRuns"/> runs).</summary>
    public static double Measure(InferenceSession session, NetworkInput input, float[] tensor, TimeSpan duration, int minimumRuns = 3)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        long[] shape = [1, input.Channels, input.Height, input.Width];
        var name = session.InputNames[0];
        using var value = OrtValue.CreateTensorValueFromMemory(tensor, shape);
        using var runOptions = new RunOptions();
        var sw = Stopwatch.StartNew();
        var runs = 0;
        while (runs < minimumRuns || sw.Elapsed < duration)
        {
            using var outputs = session.Run(runOptions, [name], [value], session.OutputNames);
            runs++;
        }

        return runs / sw.Elapsed.TotalSeconds;
    }
}
