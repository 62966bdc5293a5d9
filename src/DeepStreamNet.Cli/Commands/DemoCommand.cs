using System.CommandLine;
using System.Globalization;
using DeepStreamNet.Cli.Demo;
using DeepStreamNet.Cli.Progress;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet demo [--config FILE] [--out FILE] [--duration SECONDS]</c>: runs the face-mask demo config on the demo clip
/// (portable backend unless DeepStream is installed), writes the annotated MP4 (its absolute path printed before and
/// after) and prints per second of video the distinct tracked faces per class and, separately, the mean detections per
/// frame, with the processing FPS; progress (seconds of video done / total, rate, time left) on a terminal.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1848", Justification = "a few messages per run")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1873", Justification = "a few messages per run")]
internal static class DemoCommand
{
    public const string DefaultConfig = "configs/face-mask/portable/deepstream_app_file_masknet.txt";

    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = $"config to run (default: {DefaultConfig} of this checkout)" };
        var output = new Option<FileInfo?>("--out") { Description = "annotated MP4 to write (default: the config's output-file, out/facemask-demo-annotated.mp4)" };
        var duration = new Option<double?>("--duration") { Description = "stop after this many seconds of video (default: the whole clip)" };
        var backend = ConfigOptions.BackendOption(PipelineBackend.Auto, "auto, deepstream or portable");
        var logLevel = RunCommand.LogLevelOption();
        logLevel.DefaultValueFactory = _ => LogEventLevel.Warning;
        var command = new Command("demo", "Face-mask detection demo on the bundled clip: annotated MP4 plus per-second mask / no-mask counts.")
        {
            config, output, duration, backend, logLevel,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(config) ?? FindDefaultConfig();
            if (file is not null && Directory.Exists(file.FullName))
            {
                Console.Error.WriteLine($"--config {file.FullName} is a folder; give the config file");
                return 2;
            }

            if (parse.GetValue(output) is { } outFile && Directory.Exists(outFile.FullName))
            {
                Console.Error.WriteLine($"--out {outFile.FullName} is a folder; give the MP4 file to write");
                return 2;
            }

            if (file is null || !file.Exists)
            {
                Console.Error.WriteLine($"demo config not found: {file?.FullName ?? DefaultConfig} (run `dsnet assets fetch` first, run from the checkout, or pass --config)");
                return 2;
            }

            var clip = Path.GetFullPath(Path.Combine(file.DirectoryName!, "../../../assets/media/facemask-demo-720p.mp4"));
            if (parse.GetValue(config) is null && !File.Exists(clip))
            {
                Console.Error.WriteLine($"demo clip missing: {clip}. Fetch the assets first: dsnet assets fetch");
                return 2;
            }

            var overrides = new List<string>();
            if (parse.GetValue(output) is { } o)
            {
                overrides.Add("sink0.output-file=" + o.FullName);
            }
            else if (parse.GetValue(config) is null && !ToolData.InCheckout)
            {
                // Installed tool: the annotated clip goes to the data folder, not beside the carried configs.
                overrides.Add("sink0.output-file=" + Path.Combine(Assets.UserFolders.DataRoot, "out", "facemask-demo-annotated.mp4"));
            }

            var limit = parse.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : (TimeSpan?)null;
            return CommandProgress.Run("demo", "s of video", progress =>
            {
                progress.Out.WriteLine("UltraFace masked-face models: MIT-licensed, trained on non-commercial datasets (WIDER FACE, MAFA).");
                List<string> written = [];
                ClassCounter? counter = null;
                var code = RunCommand.Execute(file, ConfigOptions.Overrides([.. overrides]), parse.GetValue(backend), null, parse.GetValue(logLevel), (runner, log) =>
                {
                    runner.PerfOutput = progress.Out.WriteLine;
                    written = OutputFiles(runner.Graph);
                    foreach (var path in written)
                    {
                        progress.Out.WriteLine($"writing the annotated video to {path}");
                    }

                    var total = VideoSeconds(runner.Graph, limit);
                    progress.Out.WriteLine(Legend);
                    progress.Report(("video", 0, total)); // the clock of the rate and time left starts with the run
                    counter = new ClassCounter(s =>
                    {
                        progress.Out.WriteLine(FormatSecond(s));
                        progress.Report(("video", s.Second + 1, total));
                    }, limit, runner.RequestStop);
                    if (counter.Attach(runner) is null)
                    {
                        log.LogWarning("no inference in this pipeline: no counts");
                    }
                });
                counter?.Finish();
                foreach (var path in written.Where(File.Exists))
                {
                    progress.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({new FileInfo(path).Length} bytes)"));
                }

                return code;
            });
        });
        return command;
    }

    /// <summary>What the two counts of the per-second line mean (printed once before them).</summary>
    public const string Legend =
        "per second of video: 'tracked' = distinct tracked faces per class (each tracking id once), 'per frame' = mean detections per frame per class";

    /// <summary>One per-second line: distinct tracked faces per class, then mean detections per frame per class.</summary>
    public static string FormatSecond(ClassCountSecond s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var tracked = s.Tracked
            ? string.Create(CultureInfo.InvariantCulture, $"tracked: mask={s.TrackedObjects.GetValueOrDefault("mask"),3} no-mask={s.TrackedObjects.GetValueOrDefault("no-mask"),3}")
            : "tracked: n/a (no tracker)  ";
        return string.Create(CultureInfo.InvariantCulture,
            $"t={s.Second,4}s  {tracked}  |  per frame: mask={s.DetectionsPerFrame("mask"),5:F2} no-mask={s.DetectionsPerFrame("no-mask"),5:F2}  |  frames={s.Frames,3}  fps={s.Fps,6:F2}");
    }

    /// <summary>Absolute paths of the files the pipeline's file sinks write.</summary>
    private static List<string> OutputFiles(PipelineGraph graph) =>
        [.. graph.OfFactory("filesink").Select(e => e.Get("location")?.Value as string).OfType<string>().Select(Path.GetFullPath)];

    /// <summary>Seconds of video the run will play: the longest local MP4 source, capped by --duration (0 when unknown).</summary>
    private static int VideoSeconds(PipelineGraph graph, TimeSpan? limit)
    {
        var longest = graph.Elements
            .Select(e => e.Get("uri")?.Value as string)
            .Where(u => u is not null && u.StartsWith("file:", StringComparison.Ordinal))
            .Select(u => Mp4Duration.TryRead(new Uri(u!).LocalPath))
            .Max();
        var seconds = limit is { } l && (longest is null || l < longest) ? l : longest;
        return seconds is { } t ? (int)Math.Ceiling(t.TotalSeconds) : 0;
    }

    private static FileInfo? FindDefaultConfig()
    {
        foreach (var start in new[] { Environment.GetEnvironmentVariable("DSNET_ROOT"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory, ToolData.FindRoot() })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = new FileInfo(Path.Combine(dir.FullName, DefaultConfig));
                if (candidate.Exists)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
