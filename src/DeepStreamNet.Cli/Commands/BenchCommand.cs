using System.CommandLine;
using System.Globalization;
using DeepStreamNet.Cli.Bench;
using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using DeepStreamNet.InferImages;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet bench CONFIG</c>: on this machine, in one run, bare ONNX Runtime frames/s of the config's primary model
/// against the portable pipeline's frames/s (fakesink, OSD, OSD + encoding) for 1, 2, 4 and 8 streams, per-element
/// times, FP32 and INT8, and what the cores allow (a run with inference off); prints the table and the target ratios. Exit 0, 2 for bad options or a run that failed.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var config = new Argument<FileInfo>("CONFIG") { Description = "deepstream-app config (source0 is replicated N times; its [primary-gie] model is measured)" };
        var streams = new Option<string>("--streams") { Description = "Stream counts, comma-separated", DefaultValueFactory = _ => "1,2,4,8" };
        var outputs = new Option<string>("--outputs") { Description = "Pipeline outputs: fakesink, osd, encode (comma-separated)", DefaultValueFactory = _ => "fakesink,osd,encode" };
        var seconds = new Option<double>("--seconds") { Description = "Seconds measured per pipeline run (after the warm-up)", DefaultValueFactory = _ => 20 };
        var warmup = new Option<double>("--warmup") { Description = "Seconds skipped after each pipeline's first frame", DefaultValueFactory = _ => 5 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds, in alternating order (each cell's median is printed)", DefaultValueFactory = _ => 1 };
        var bare = new Option<double>("--bare-seconds") { Description = "Seconds of bare ONNX Runtime runs at the start and end of each round", DefaultValueFactory = _ => 5 };
        var int8 = new Option<FileInfo?>("--int8") { Description = "INT8 model to measure too (default: NAME.int8.onnx beside the config's model, when present)" };
        var noInt8 = new Option<bool>("--no-int8") { Description = "Measure the FP32 model only" };
        var noElements = new Option<bool>("--no-element-times") { Description = "Skip the per-element runs (GStreamer latency tracer)" };
        var noBound = new Option<bool>("--no-bound") { Description = "Skip the inference-off run per round that measures what the cores allow a pipeline" };
        var work = new Option<DirectoryInfo?>("--work-dir") { Description = "Folder for encoded files and config copies (default: a temporary folder, deleted)" };
        var command = new Command("bench", "Benchmark a config on this machine: bare ONNX Runtime vs the pipeline (fakesink, OSD, encoding) for 1/2/4/8 streams, per-element times, FP32 and INT8.");
        command.Arguments.Add(config);
        foreach (var o in new Option[] { streams, outputs, seconds, warmup, rounds, bare, int8, noInt8, noElements, noBound, work })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var given = parse.GetValue(work);
            var dir = given?.FullName ?? Directory.CreateTempSubdirectory("dsnet-bench-").FullName;
            try
            {
                Directory.CreateDirectory(dir);
                var appConfig = parse.GetValue(config)!.FullName;
                var pipelinePlan = PipelinePlan.Create(appConfig, backend: PipelineBackend.Portable);
                var chain = InferenceChain.FromPlan(pipelinePlan, appConfig);
                var plan = new BenchPlan
                {
                    AppConfigPath = appConfig,
                    Streams = ParseList(parse.GetValue(streams)!, "--streams", s => int.Parse(s, CultureInfo.InvariantCulture) is var n and >= 1 and <= 64 ? n : throw new FormatException($"--streams: {s} is not 1…64")),
                    Outputs = ParseList(parse.GetValue(outputs)!, "--outputs", s => s.ToLowerInvariant() switch
                    {
                        "fakesink" => BenchOutput.FakeSink,
                        "osd" => BenchOutput.Osd,
                        "encode" => BenchOutput.Encode,
                        _ => throw new FormatException($"--outputs: '{s}' is not fakesink, osd or encode"),
                    }),
                    Models = BenchRunner.Models(chain.PrimaryConfig, parse.GetValue(int8)?.FullName, parse.GetValue(noInt8), dir),
                    Seconds = Positive(parse.GetValue(seconds), "--seconds"),
                    WarmupSeconds = Math.Max(0, parse.GetValue(warmup)),
                    Rounds = Math.Max(1, parse.GetValue(rounds)),
                    BareSeconds = Positive(parse.GetValue(bare), "--bare-seconds"),
                    ElementTimes = !parse.GetValue(noElements),
                    Bound = !parse.GetValue(noBound),
                    InferenceGroups = InferenceGroups(pipelinePlan.Config!), // FromPlan threw if there were none
                    WorkDirectory = dir,
                };
                var results = BenchRunner.Run(plan, Console.Error);
                Console.Out.Write(BenchReport.Format(plan, results));
                return 0;
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or BenchException or IOException or OverflowException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            finally
            {
                if (given is null)
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        });
        return command;
    }

    /// <summary>The enabled groups that infer or track (pre-process, GIEs, tracker): disabled for the bound run.</summary>
    private static List<string> InferenceGroups(AppConfig config)
    {
        var groups = config.Auxiliary.Where(a => a.Enable && a.Kind is GroupKind.PreProcess or GroupKind.SecondaryPreProcess).Select(a => a.Name).ToList();
        groups.AddRange(new[] { config.PrimaryGie }.Concat(config.SecondaryGies).OfType<GieGroup>().Select(g => g.Name));
        if (config.Tracker.Enable)
        {
            groups.Add("tracker");
        }

        return groups;
    }

    private static List<T> ParseList<T>(string text, string option, Func<string, T> parse)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).Distinct().ToList();
        return items.Count > 0 ? items : throw new FormatException($"{option}: empty list");
    }

    private static double Positive(double value, string option) =>
        value > 0 ? value : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{option}: {value} is not a positive number"));
}
