using System.Globalization;
using System.Text;

namespace DeepStreamNet.Cli.Bench;

/// <summary>
/// The bench's table: per model and stream count the frames/s of bare ONNX Runtime and of each pipeline output, the
/// ratios the issue's targets name (pipeline(fakesink)/bare ≥ 0.95 at one stream, N-stream total / 1-stream ≥ 0.9),
/// what the cores allow (<see cref="CoreBound"/>, from the inference-off run) and the per-element times.
/// </summary>
internal static class BenchReport
{
    public const double PipelineTarget = 0.95;
    public const double StreamsTarget = 0.9;

    public static string Format(BenchPlan plan, BenchRunner.Results results)
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        b.AppendLine(string.Create(inv, $"dsnet bench {plan.AppConfigPath}"));
        b.AppendLine(string.Create(inv, $"{Environment.ProcessorCount} core(s); bare ONNX Runtime with {BareInference.Threads} intra-op thread(s) (dsnetinfer's rule for a fakesink pipeline); {plan.Seconds:0.#} s measured per run after {plan.WarmupSeconds:0.#} s; median of {plan.Rounds} round(s)"));
        b.AppendLine($"load average: {results.LoadAverages[0]} at the start, {results.LoadAverages[^1]} at the end");
        b.AppendLine();
        var outputs = plan.Outputs;
        b.Append("| model | streams | bare ORT (batch 1) |");
        foreach (var o in outputs)
        {
            b.Append(inv, $" {Name(o)} |");
        }

        b.AppendLine(" fakesink/bare | N/1 streams |");
        b.Append("|---|---|---|");
        b.Append(string.Concat(Enumerable.Repeat("---|", outputs.Count)));
        b.AppendLine("---|---|");
        var targets = new List<string>();
        foreach (var m in plan.Models)
        {
            var bare = Median(results.Bare[m.Label]);
            var one = results.Pipeline.TryGetValue(new BenchRunner.Cell(m.Label, 1, BenchOutput.FakeSink), out var oneRuns) ? Median(oneRuns) : (double?)null;
            foreach (var n in plan.Streams)
            {
                b.Append(inv, $"| {m.Label} | {n} | {bare:F2} |");
                foreach (var o in outputs)
                {
                    b.Append(inv, $" {Median(results.Pipeline[new BenchRunner.Cell(m.Label, n, o)]):F2} |");
                }

                var fake = results.Pipeline.TryGetValue(new BenchRunner.Cell(m.Label, n, BenchOutput.FakeSink), out var f) ? Median(f) : (double?)null;
                b.Append(fake is { } x ? string.Create(inv, $" {x / bare:F3} |") : " - |");
                b.AppendLine(fake is { } y && one is { } z ? string.Create(inv, $" {y / z:F3} |") : " - |");
                if (fake is { } pf && n == 1)
                {
                    targets.Add(string.Create(inv, $"{m.Label} pipeline(fakesink)/bare = {pf / bare:F3} (target ≥ {PipelineTarget}: {Verdict(pf / bare >= PipelineTarget)})"));
                }
                else if (fake is { } nf && one is { } o1)
                {
                    targets.Add(string.Create(inv, $"{m.Label} {n} streams / 1 stream = {nf / o1:F3} (target ≥ {StreamsTarget}: {Verdict(nf / o1 >= StreamsTarget)})"));
                }
            }
        }

        b.AppendLine();
        foreach (var t in targets)
        {
            b.AppendLine(t);
        }

        if (results.InferenceOffCpu.Count > 0)
        {
            AppendBound(b, plan, results);
        }

        foreach (var m in plan.Models)
        {
            var perStreams = plan.Streams.Where(n => results.Elements.ContainsKey((m.Label, n))).ToList();
            if (perStreams.Count == 0)
            {
                continue;
            }

            b.AppendLine();
            b.AppendLine($"per-element time, {m.Label}, fakesink (mean ms per buffer from entering the element to leaving it, elements of all sources together as NAME_*; for queues and the muxer this is mostly waiting):");
            b.Append("| element |");
            b.AppendLine(string.Concat(perStreams.Select(n => $" {n} stream(s) |")));
            b.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", perStreams.Count)));
            var names = perStreams.SelectMany(n => results.Elements[(m.Label, n)].Keys).Distinct(StringComparer.Ordinal)
                .OrderByDescending(e => results.Elements[(m.Label, perStreams[0])].GetValueOrDefault(e)).ToList();
            foreach (var e in names)
            {
                b.Append(inv, $"| {e} |");
                foreach (var n in perStreams)
                {
                    b.Append(results.Elements[(m.Label, n)].TryGetValue(e, out var ms) ? string.Create(inv, $" {ms:F2} |") : " - |");
                }

                b.AppendLine();
            }
        }

        return b.ToString();
    }

    /// <summary>CPU per frame of the 1-stream fakesink runs, with and without inference, and the bound they set.</summary>
    private static void AppendBound(StringBuilder b, BenchPlan plan, BenchRunner.Results results)
    {
        var inv = CultureInfo.InvariantCulture;
        var cores = Environment.ProcessorCount;
        var other = Median(results.InferenceOffCpu);
        b.AppendLine();
        b.AppendLine("what the cores allow (1 stream, fakesink; CPU ms a frame = the process's CPU time, all threads, over its frames):");
        b.AppendLine("| run | frames/s | CPU ms a frame |");
        b.AppendLine("|---|---|---|");
        b.AppendLine(string.Create(inv, $"| inference off ({string.Join(", ", plan.InferenceGroups)} disabled) | {Median(results.InferenceOffFramesPerSecond):F2} | {other:F2} |"));
        var lines = new List<string>();
        foreach (var m in plan.Models)
        {
            var cell = new BenchRunner.Cell(m.Label, 1, BenchOutput.FakeSink);
            if (!results.Pipeline.TryGetValue(cell, out var fps))
            {
                continue;
            }

            var cpu = Median(results.PipelineCpu[cell]);
            var bare = Median(results.Bare[m.Label]);
            var pipeline = Median(fps);
            var bound = CoreBound.FramesPerSecond(bare, other, cores);
            var bareMs = 1000 / bare; // wall ms a frame, every core busy
            b.AppendLine(string.Create(inv, $"| {m.Label} | {pipeline:F2} | {cpu:F2} |"));
            lines.Add(string.Create(inv, $"{m.Label} bound: bare ONNX Runtime keeps {cores} core(s) busy {bareMs:F2} ms a frame, the other work takes {other:F2} CPU ms a frame: no pipeline on these cores exceeds 1 / ({bareMs:F2} ms + {other:F2} ms / {cores}) = {bound:F2} frames/s = {bound / bare:F3} × bare; this pipeline(fakesink)/bound = {pipeline / bound:F3}; inference and tracking in the pipeline take {cpu - other:F2} CPU ms a frame, bare {cores * bareMs:F2}; pipeline(fakesink)/bare ≥ {PipelineTarget} needs the other work under {CoreBound.OtherWorkAllowed(bare, PipelineTarget, cores):F2} CPU ms a frame"));
        }

        b.AppendLine();
        foreach (var l in lines)
        {
            b.AppendLine(l);
        }
    }

    public static string Name(BenchOutput o) => o switch
    {
        BenchOutput.FakeSink => "fakesink",
        BenchOutput.Osd => "OSD",
        _ => "OSD + encode",
    };

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static double Median(List<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }
}
