using System.CommandLine;
using System.Runtime.InteropServices;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Runner;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet run CONFIG [--backend auto|deepstream|portable] [--set group.key=value]… [--log-level …]</c>: validate, build,
/// run. Exit codes: <see cref="RunExitCodes"/> (0 EOS or Ctrl-C / SIGTERM with the outputs finalised, 1 invalid config,
/// 2 file not found, 3 pipeline error, 4 some sources failed, 5 stop forced). A second signal still lets the outputs be
/// finalised; a third stops at once.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1848", Justification = "a few messages per run")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1873", Justification = "a few messages per run")]
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Argument<FileInfo>("CONFIG") { Description = "deepstream-app config file (INI / GLib key file)" };
        var set = ConfigOptions.SetOption();
        var backend = ConfigOptions.BackendOption(PipelineBackend.Auto, "element set: auto (deepstream when the nvinfer factory exists, else portable), deepstream or portable");
        var platform = ConfigOptions.PlatformOption();
        var logLevel = LogLevelOption();
        var service = new ServiceRun();
        var command = new Command("run", "Run a deepstream-app config: builds the GStreamer pipeline and plays it until EOS or Ctrl-C.")
        {
            config, set, backend, platform, logLevel,
        };
        foreach (var o in service.Options)
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => service.Execute(parse, parse.GetValue(config)!, ConfigOptions.Overrides(parse.GetValue(set)), parse.GetValue(backend),
            parse.GetValue(platform), parse.GetValue(logLevel)));
        return command;
    }

    public static Option<LogEventLevel> LogLevelOption() => new("--log-level")
    {
        Description = "verbose, debug, information, warning, error (GStreamer's own log follows GST_DEBUG and lands here too)",
        DefaultValueFactory = _ => LogEventLevel.Information,
    };

    /// <summary>Loads, validates, builds and runs; <paramref name="configure"/> may attach probes before playing.</summary>
    public static int Execute(FileInfo path, IEnumerable<string> overrides, PipelineBackend requested, TargetPlatform? platform, LogEventLevel level,
        Action<PipelineRunner, Microsoft.Extensions.Logging.ILogger>? configure)
    {
        if (!ConfigOptions.ConfigFileExists(path))
        {
            return 2;
        }

        using var serilog = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
        using var factory = new SerilogLoggerFactory(serilog);
        var log = factory.CreateLogger("dsnet.run");

        PipelinePlan plan;
        try
        {
            GstStartup.Initialize();
            GstLogBridge.Install(factory);
            plan = PipelinePlan.Create(path.FullName, overrides, requested, platform);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 3;
        }

        ConfigOptions.Print(plan.Report);
        if (!plan.IsValid)
        {
            Console.WriteLine($"{plan.Verdict}: not running");
            return 1;
        }

        var graph = plan.Graph!;
        PipelineRunner Create() => PipelineRunner.CreateBuilt(graph, factory.CreateLogger("dsnet.pipeline"), r => configure?.Invoke(r, log));

        // The first signal stops the run (and any [tests] pipeline-recreate-sec cycling) with EOS; a second one goes to
        // the pipeline that is running and stops it at once.
        using var stop = new CancellationTokenSource();
        PipelineRunner? current = null;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // keep the process: EOS must finalise the outputs
            log.LogInformation("{Signal} received", context.Signal);
            if (!stop.IsCancellationRequested)
            {
                stop.Cancel();
            }
            else
            {
                Volatile.Read(ref current)?.RequestStop();
            }
        }

        log.LogInformation("running {Config} on the {Backend} backend ({Elements} elements)", path.Name, graph.Backend, graph.Elements.Count);
        OutputReport.Print(graph);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        RunResult outcome;
        try
        {
            outcome = PipelineCycles.RunAsync(Create, graph.RunOptions.PipelineRecreateSec, log, r => Volatile.Write(ref current, r), stop.Token)
                .GetAwaiter().GetResult();
        }
        catch (PipelineException ex)
        {
            Console.Error.WriteLine($"cannot build the pipeline: {ex.Message}");
            return 3;
        }

        foreach (var failure in outcome.SourceFailures)
        {
            log.LogWarning("failed source: {Source}", failure);
        }

        log.LogInformation("run ended: {Outcome} (exit {Code})", outcome.Outcome, outcome.ExitCode);
        return outcome.ExitCode;
    }
}
