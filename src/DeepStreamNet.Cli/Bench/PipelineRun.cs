using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DeepStreamNet.Runner;

namespace DeepStreamNet.Cli.Bench;

/// <summary>
/// One measured pipeline: <c>dsnet run CONFIG --backend portable</c> in a child process with the bench's overrides
/// (N looping copies of source0, the output variant, the model), stopped after warm-up + measuring time. Frames/s is
/// the mean over the measured seconds of the per-second <c>**PERF</c> values summed over the streams; per-element
/// times come from GStreamer's latency tracer (<c>GST_TRACERS=latency(flags=element)</c>) when asked for, the elements
/// of every source (names that differ only in numbers) averaged together. CPU per frame is the child's CPU time (all its
/// threads) over the measured seconds divided by the frames they carried.
/// </summary>
internal static partial class PipelineRun
{
    /// <param name="CpuMillisecondsPerFrame">CPU milliseconds the process spent per frame (all streams); NaN with fewer
    /// than two measured seconds.</param>
    public sealed record Result(double FramesPerSecond, int Samples, IReadOnlyDictionary<string, double> ElementMilliseconds, double CpuMillisecondsPerFrame);

    /// <summary>Runs the pipeline; <paramref name="inferenceOff"/> disables the plan's inference groups.</summary>
    public static Result Measure(BenchPlan plan, BenchModel model, int streams, BenchOutput output, bool traceElements, bool inferenceOff = false)
    {
        var psi = ChildStart();
        foreach (var a in RunArguments(plan, model, streams, output, traceElements, inferenceOff))
        {
            psi.ArgumentList.Add(a);
        }

        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = plan.WorkDirectory;
        if (traceElements)
        {
            psi.Environment["GST_TRACERS"] = "latency(flags=element)";
            psi.Environment["GST_DEBUG"] = "GST_TRACER:7";
        }

        var perf = new List<double>();
        var clock = new CpuClock();
        var perElement = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        var tail = new Queue<string>();
        var started = false;
        var skip = (int)Math.Ceiling(plan.WarmupSeconds);
        var wanted = Math.Max(1, (int)Math.Round(plan.Seconds));
        using var done = new ManualResetEventSlim();
        using var p = new Process { StartInfo = psi };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (perf)
            {
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }

                if (PerfValues(line) is { } total)
                {
                    started |= total > 0;
                    if (started && skip-- <= 0)
                    {
                        perf.Add(total);
                        clock.Mark(p, perf.Count);
                        if (perf.Count >= wanted)
                        {
                            done.Set();
                        }
                    }
                }
                else if (traceElements && ElementLatency().Match(line) is { Success: true } m)
                {
                    var name = PerSourceDigits().Replace(m.Groups[1].Value, "*");   // src_bin_3_queue → src_bin_*_queue
                    var ns = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                    perElement[name] = perElement.TryGetValue(name, out var s) ? (s.Sum + ns, s.N + 1) : (ns, 1);
                }
            }
        }

        p.OutputDataReceived += (_, e) => OnLine(e.Data);
        p.ErrorDataReceived += (_, e) => OnLine(e.Data);
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var limit = TimeSpan.FromSeconds(plan.WarmupSeconds + plan.Seconds + 120);
        while (!done.Wait(TimeSpan.FromMilliseconds(200)) && !p.HasExited)
        {
            if (DateTime.Now - p.StartTime > limit)
            {
                break;
            }
        }

        if (!p.HasExited)
        {
            p.Kill(entireProcessTree: true);
        }

        p.WaitForExit();
        lock (perf)
        {
            if (perf.Count == 0)
            {
                throw new BenchException($"dsnet run gave no frames/s for {streams} stream(s), {output}, {model.Label} (exit {(p.HasExited ? p.ExitCode : -1)}); its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}");
            }

            return new Result(perf.Average(), perf.Count, perElement.ToDictionary(e => e.Key, e => e.Value.Sum / e.Value.N / 1e6, StringComparer.Ordinal),
                clock.MillisecondsPerFrame(perf));
        }
    }

    /// <summary>The <c>dsnet run</c> arguments of one measurement.</summary>
    public static IReadOnlyList<string> RunArguments(BenchPlan plan, BenchModel model, int streams, BenchOutput output, bool traceElements, bool inferenceOff = false)
    {
        var grid = (int)Math.Ceiling(Math.Sqrt(streams));
        var sets = new List<string>
        {
            "application.enable-perf-measurement=1",
            "application.perf-measurement-interval-sec=1",
            "tests.file-loop=1",
            "source0.type=3",
            $"source0.num-sources={streams}",
            $"streammux.batch-size={streams}",
            $"primary-gie.batch-size={streams}",
            $"primary-gie.config-file={model.InferConfigPath}",
            $"tiled-display.rows={(streams + grid - 1) / grid}",
            $"tiled-display.columns={grid}",
            $"osd.enable={(output == BenchOutput.FakeSink ? 0 : 1)}",
        };
        if (inferenceOff)
        {
            sets.AddRange(plan.InferenceGroups.Select(g => $"{g}.enable=0"));
        }

        if (output == BenchOutput.Encode)
        {
            sets.AddRange(["sink0.type=3", "sink0.container=1", "sink0.codec=1", "sink0.enc-type=1", "sink0.sync=0",
                $"sink0.output-file={Path.Combine(plan.WorkDirectory, $"bench-{model.Label}-{streams}.mp4")}"]);
        }
        else
        {
            sets.AddRange(["sink0.type=1", "sink0.sync=0"]);
        }

        var args = new List<string> { "run", plan.AppConfigPath, "--backend", "portable", "--log-level", traceElements ? "Verbose" : "Warning" };
        foreach (var s in sets)
        {
            args.Add("--set");
            args.Add(s);
        }

        return args;
    }

    /// <summary>The total of one <c>**PERF:  25.02 (24.87)\t…</c> line (current values, all streams), or null.</summary>
    public static double? PerfValues(string line) =>
        PerfLine.TryParse(line, out var streams) ? streams.Sum(s => s.Current) : null;

    /// <summary>
    /// The child's CPU time at the first and the latest measured <c>**PERF</c> line. Each line reports the second before
    /// it, so the CPU between the two lines belongs to the frames of the lines after the first.
    /// </summary>
    private sealed class CpuClock
    {
        private TimeSpan _cpu0, _cpu1;
        private long _t0, _t1;
        private int _lines;

        public void Mark(Process p, int line)
        {
            try
            {
                p.Refresh();
                var cpu = p.TotalProcessorTime;
                var t = Stopwatch.GetTimestamp();
                if (line == 1)
                {
                    (_cpu0, _t0) = (cpu, t);
                }

                (_cpu1, _t1, _lines) = (cpu, t, line);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // the child has exited: the marks so far stand
            }
        }

        public double MillisecondsPerFrame(List<double> perf)
        {
            if (_lines < 2 || _t1 <= _t0)
            {
                return double.NaN;
            }

            var framesPerSecond = perf.Skip(1).Take(_lines - 1).Average();
            var cores = (_cpu1 - _cpu0).TotalSeconds / Stopwatch.GetElapsedTime(_t0, _t1).TotalSeconds;
            return framesPerSecond > 0 ? cores / framesPerSecond * 1000 : double.NaN;
        }
    }

    /// <summary>This process again: the apphost, or <c>dotnet dsnet.dll</c>.</summary>
    private static ProcessStartInfo ChildStart()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            psi.ArgumentList.Add(typeof(PipelineRun).Assembly.Location);
        }

        return psi;
    }

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex PerSourceDigits();

    [GeneratedRegex(@"element-latency, element-id=\(string\)[^,]*, element=\(string\)([^,]+), src=\(string\)[^,]*, time=\(guint64\)([0-9]+)")]
    private static partial Regex ElementLatency();
}

/// <summary>A bench measurement that could not be made (the message says which and why).</summary>
internal sealed class BenchException(string message) : Exception(message);
