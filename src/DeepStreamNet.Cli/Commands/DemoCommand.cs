using System.CommandLine;
using System.Globalization;
using DeepStreamNet.Cli.Demo;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet demo [--config FILE] [--out FILE] [--duration SECONDS]</c>: runs the face-mask demo config on the demo clip
/// (portable backend unless DeepStream is installed), writes the annotated MP4 and prints per-second mask / no-mask
/// counts (distinct tracked faces) with the processing FPS.
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
            if (file is null || !file.Exists)
            {
                Console.Error.WriteLine($"demo config not found: {file?.FullName ?? DefaultConfig} (run from the checkout or pass --config)");
                return 2;
            }

            var clip = Path.GetFullPath(Path.Combine(file.DirectoryName!, "../../../assets/media/facemask-demo-720p.mp4"));
            if (parse.GetValue(config) is null && !File.Exists(clip))
            {
                Console.Error.WriteLine($"demo clip missing: {clip}. Fetch the assets first: ./dsnet assets fetch");
                return 2;
            }

            var overrides = new List<string>();
            if (parse.GetValue(output) is { } o)
            {
                overrides.Add("sink0.output-file=" + o.FullName);
            }

            var limit = parse.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : (TimeSpan?)null;
            Console.WriteLine("UltraFace masked-face models: MIT-licensed, trained on non-commercial datasets (WIDER FACE, MAFA).");
            ClassCounter? counter = null;
            var code = RunCommand.Execute(file, ConfigOptions.Overrides([.. overrides]), parse.GetValue(backend), null, parse.GetValue(logLevel), (runner, log) =>
            {
                counter = new ClassCounter(Print, limit, runner.RequestStop);
                if (counter.Attach(runner) is null)
                {
                    log.LogWarning("no inference in this pipeline: no counts");
                }
            });
            counter?.Finish();
            return code;
        });
        return command;
    }

    private static void Print(ClassCountSecond s)
    {
        var mask = s.Counts.GetValueOrDefault("mask");
        var noMask = s.Counts.GetValueOrDefault("no-mask");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"t={s.Second,4}s  mask={mask,3}  no-mask={noMask,3}  frames={s.Frames,3}  fps={s.Fps,6:F2}"));
    }

    private static FileInfo? FindDefaultConfig()
    {
        foreach (var start in new[] { Environment.GetEnvironmentVariable("DSNET_ROOT"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
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
