using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Cli.Bench;

/// <summary>
/// Runs every measurement of a <see cref="BenchPlan"/> in rounds, alternating the order (A B … B A) so that other load
/// on the machine slows all cells alike, and keeps each cell's median. Bare ONNX Runtime is measured at the start and
/// end of each round, and (with <see cref="BenchPlan.Bound"/>) the pipeline with inference off once per round.
/// </summary>
internal static class BenchRunner
{
    public sealed record Cell(string Model, int Streams, BenchOutput Output);

    public sealed class Results
    {
        public Dictionary<string, List<double>> Bare { get; } = new(StringComparer.Ordinal);

        public Dictionary<Cell, List<double>> Pipeline { get; } = [];

        /// <summary>CPU milliseconds per frame of each pipeline cell (all the process's threads).</summary>
        public Dictionary<Cell, List<double>> PipelineCpu { get; } = [];

        /// <summary>The 1-stream fakesink pipeline with the inference groups disabled: CPU ms per frame, per round.</summary>
        public List<double> InferenceOffCpu { get; } = [];

        /// <summary>Its frames/s, per round.</summary>
        public List<double> InferenceOffFramesPerSecond { get; } = [];

        /// <summary>Per model and stream count: element → mean ms per buffer (fakesink run with the tracer).</summary>
        public Dictionary<(string Model, int Streams), IReadOnlyDictionary<string, double>> Elements { get; } = [];

        public List<string> LoadAverages { get; } = [];
    }

    public static Results Run(BenchPlan plan, TextWriter progress)
    {
        var results = new Results();
        var cells = plan.Models.SelectMany(m => plan.Streams.SelectMany(n => plan.Outputs.Select(o => new Cell(m.Label, n, o)))).ToList();
        results.LoadAverages.Add(LoadAverage());
        for (var r = 0; r < plan.Rounds; r++)
        {
            var order = r % 2 == 0 ? cells : Enumerable.Reverse(cells).ToList();
            MeasureBare(plan, results, progress);
            foreach (var c in order)
            {
                var model = plan.Models.First(m => m.Label == c.Model);
                var res = PipelineRun.Measure(plan, model, c.Streams, c.Output, traceElements: false);
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r + 1}: {c.Model} {c.Streams} stream(s) {c.Output}: {res.FramesPerSecond:F2} frames/s, {res.CpuMillisecondsPerFrame:F2} CPU ms a frame ({res.Samples} s; load {LoadAverage()})"));
                Add(results.Pipeline, c, res.FramesPerSecond);
                Add(results.PipelineCpu, c, res.CpuMillisecondsPerFrame);
            }

            if (plan.Bound)
            {
                var off = PipelineRun.Measure(plan, plan.Models[0], 1, BenchOutput.FakeSink, traceElements: false, inferenceOff: true);
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r + 1}: inference off ({string.Join(", ", plan.InferenceGroups)} disabled), 1 stream fakesink: {off.FramesPerSecond:F2} frames/s, {off.CpuMillisecondsPerFrame:F2} CPU ms a frame (load {LoadAverage()})"));
                results.InferenceOffFramesPerSecond.Add(off.FramesPerSecond);
                results.InferenceOffCpu.Add(off.CpuMillisecondsPerFrame);
            }

            MeasureBare(plan, results, progress);
        }

        if (plan.ElementTimes)
        {
            foreach (var m in plan.Models)
            {
                foreach (var n in plan.Streams)
                {
                    var res = PipelineRun.Measure(plan, m, n, BenchOutput.FakeSink, traceElements: true);
                    results.Elements[(m.Label, n)] = res.ElementMilliseconds;
                    progress.WriteLine($"element times: {m.Label} {n} stream(s): {res.ElementMilliseconds.Count} elements");
                }
            }
        }

        results.LoadAverages.Add(LoadAverage());
        return results;
    }

    /// <summary>The config's primary model and, when present, its INT8 sibling (<c>NAME.int8.onnx</c> beside it, as
    /// <c>dsnet quantize</c> names it) or <paramref name="int8Model"/>; INT8 gets a copy of the nvinfer config naming it.</summary>
    public static IReadOnlyList<BenchModel> Models(string primaryInferConfig, string? int8Model, bool skipInt8, string workDirectory)
    {
        var report = new ValidationReport();
        var config = NvInferConfig.Load(primaryInferConfig, report)
            ?? throw new BenchException($"{primaryInferConfig}: cannot be read:{Environment.NewLine}{report}");
        if (string.IsNullOrEmpty(config.OnnxFile))
        {
            throw new BenchException($"{primaryInferConfig}: [property] onnx-file is not set: the portable runtime runs ONNX models");
        }

        var fp32 = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(primaryInferConfig)!, config.OnnxFile));
        var models = new List<BenchModel> { new("FP32", fp32, primaryInferConfig) };
        var sibling = Path.Combine(Path.GetDirectoryName(fp32)!, Path.GetFileNameWithoutExtension(fp32) + ".int8.onnx");
        var int8 = int8Model is not null ? Path.GetFullPath(int8Model) : File.Exists(sibling) ? sibling : null;
        if (int8 is not null && !skipInt8)
        {
            if (!File.Exists(int8))
            {
                throw new BenchException($"--int8 {int8Model}: no such file");
            }

            var copy = Path.Combine(workDirectory, Path.GetFileNameWithoutExtension(primaryInferConfig) + "_bench_int8.txt");
            NvInferConfigCopy.Write(primaryInferConfig, copy, new Dictionary<string, string?>
            {
                ["onnx-file"] = int8,
                ["network-mode"] = "1",
                ["int8-calib-file"] = null,
                ["model-engine-file"] = null,
            }, $"INT8 copy of {Path.GetFileName(primaryInferConfig)} written by dsnet bench");
            models.Add(new BenchModel("INT8", int8, copy));
        }

        return models;
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static void MeasureBare(BenchPlan plan, Results results, TextWriter progress)
    {
        foreach (var m in plan.Models)
        {
            var fps = BareInference.Measure(m.OnnxPath, plan.BareSeconds);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare ONNX Runtime {m.Label}: {fps:F2} frames/s (load {LoadAverage()})"));
            Add(results.Bare, m.Label, fps);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<double>> d, TKey key, double value)
        where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list))
        {
            d[key] = list = [];
        }

        list.Add(value);
    }
}
