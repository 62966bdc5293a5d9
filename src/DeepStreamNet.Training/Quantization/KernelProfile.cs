using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// Where a model's time goes in ONNX Runtime: runs it with <c>SessionOptions.EnableProfiling</c> and sums the kernel
/// events of the profile by operator (after ONNX Runtime's graph optimisations, so a fused QDQ group shows up as the
/// integer kernel that ran, e.g. <c>QLinearConv</c>, and an unfused one as <c>Conv</c> with its
/// QuantizeLinear/DequantizeLinear). The evidence for why INT8 is or is not faster on a given CPU.
/// </summary>
public static class KernelProfile
{
    /// <summary>One operator type: total kernel time per run (ms), how many nodes of it ran, which providers ran them.</summary>
    public sealed record OperatorTime(string Operator, double MillisecondsPerRun, int Nodes, string Providers);

    /// <summary>The profile of <paramref name="runs"/> runs (after two unprofiled-in-the-sum warm-ups), slowest operator first.</summary>
    public static IReadOnlyList<OperatorTime> Measure(string modelPath, NetworkInput input, float[] tensor, int threads, int runs,
        IReadOnlyDictionary<string, string> sessionConfig, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sessionConfig);
        Directory.CreateDirectory(outputDirectory);
        string file;
        using (var options = InferenceSpeed.Options(threads, sessionConfig))
        {
            // The prefix first: setting EnableProfiling starts the profiler with the prefix set at that moment.
            options.ProfileOutputPathPrefix = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(modelPath) + "-profile");
            options.EnableProfiling = true;
            using var session = new InferenceSession(modelPath, options);
            InferenceSpeed.Measure(session, input, tensor, TimeSpan.Zero); // 3 warm-up runs, dropped below
            for (var i = 0; i < runs; i++)
            {
                InferenceSpeed.Measure(session, input, tensor, TimeSpan.Zero, minimumRuns: 1);
            }

            file = session.EndProfiling();
        }

        return Summarize(File.ReadAllText(file), skipRuns: 3);
    }

    /// <summary>
    /// Profiles the FP32 and the QDQ model of <paramref name="result"/> on the first calibration image, rendered with the
    /// config's preprocessing (<paramref name="runs"/> runs each, the session config of <paramref name="options"/>).
    /// </summary>
    public static (IReadOnlyList<OperatorTime> Fp32, IReadOnlyList<OperatorTime> Int8) Compare(QuantizationResult result, QuantizationOptions options,
        string outputDirectory, int runs = 20)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var report = new DeepStreamNet.Config.ValidationReport();
        var config = DeepStreamNet.Config.NvInferConfig.Load(options.InferConfigPath, report)
            ?? throw new InvalidDataException($"{options.InferConfigPath}: {report}");
        var input = NetworkInput.FromConfig(config);
        var tensor = new float[input.Size];
        using (var image = DeepStreamNet.Datasets.Imaging.ImageIo.LoadOpaque(ModelQuantizer.PickImages(options.CalibrationDirectory, 1)[0]))
        {
            input.Render(image, tensor);
        }

        return (Measure(result.Fp32ModelPath, input, tensor, options.Threads, runs, options.SessionConfig, outputDirectory),
            Measure(result.QdqModelPath, input, tensor, options.Threads, runs, options.SessionConfig, outputDirectory));
    }

    /// <summary>Sums the "Node" kernel events of an ONNX Runtime profile (JSON array) by op_name, per model run.</summary>
    public static IReadOnlyList<OperatorTime> Summarize(string profileJson, int skipRuns)
    {
        using var doc = JsonDocument.Parse(profileJson);
        var runStarts = new List<long>();
        var kernels = new List<(long Ts, string Node, string Op, string Provider, long Dur)>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var cat = e.GetProperty("cat").GetString();
            var name = e.GetProperty("name").GetString() ?? string.Empty;
            var ts = e.GetProperty("ts").GetInt64();
            if (cat == "Session" && name == "model_run")
            {
                runStarts.Add(ts);
            }
            else if (cat == "Node" && name.EndsWith("_kernel_time", StringComparison.Ordinal) && e.TryGetProperty("args", out var args))
            {
                var op = args.TryGetProperty("op_name", out var o) ? o.GetString() ?? "?" : "?";
                var provider = args.TryGetProperty("provider", out var p) ? p.GetString() ?? "?" : "?";
                kernels.Add((ts, name[..^"_kernel_time".Length], op, provider, e.GetProperty("dur").GetInt64()));
            }
        }

        // model_run events are written when a run ends, stamped with its start: the runs to keep start after the skipped ones.
        runStarts.Sort();
        var from = runStarts.Count > skipRuns ? runStarts[skipRuns] : long.MinValue;
        var counted = Math.Max(1, runStarts.Count - skipRuns);
        return [.. kernels.Where(k => k.Ts >= from)
            .GroupBy(k => k.Op, StringComparer.Ordinal)
            .Select(g => new OperatorTime(g.Key, g.Sum(k => k.Dur) / 1000.0 / counted, g.Select(k => k.Node).Distinct(StringComparer.Ordinal).Count(),
                string.Join(",", g.Select(k => k.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))
            .OrderByDescending(t => t.MillisecondsPerRun)];
    }
}
