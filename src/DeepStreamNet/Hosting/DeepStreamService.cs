using DeepStreamNet.Config;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Runner;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeepStreamNet.Hosting;

/// <summary>
/// The hosted service that owns the <see cref="PipelineRunner"/>: makes the <see cref="PipelinePlan"/> (config loaded,
/// backend resolved, validated for it, graph built),
/// attaches every <see cref="IPipelineAttachment"/> from DI, runs until EOS, error or host shutdown (EOS first, so
/// files are finalised), then stops the host with the run's exit code (0 EOS/stop, 1 invalid config, 3 error).
/// </summary>
public sealed class DeepStreamService : BackgroundService
{
    private readonly DeepStreamOptions _options;
    private readonly IEnumerable<IPipelineAttachment> _attachments;
    private readonly ILoggerFactory _loggers;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _log;

    public DeepStreamService(IOptions<DeepStreamOptions> options, IEnumerable<IPipelineAttachment> attachments, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _attachments = attachments;
        _loggers = loggers;
        _lifetime = lifetime;
        _log = loggers.CreateLogger<DeepStreamService>();
    }

    /// <summary>The result of the run, once it ended.</summary>
    public RunResult? Result { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var code = 3;
        try
        {
            code = await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PipelineException or InvalidOperationException or IOException)
        {
            _log.LogError("{Message}", ex.Message);
        }
        finally
        {
            Environment.ExitCode = code;
            if (_options.StopHostWhenDone)
            {
                _lifetime.StopApplication();
            }
        }
    }

    private async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(_options.ConfigPath))
        {
            throw new InvalidOperationException("DeepStreamOptions.ConfigPath is not set");
        }

        GstStartup.Initialize();
        if (_options.BridgeGStreamerLog)
        {
            GstLogBridge.Install(_loggers);
        }

        var plan = PipelinePlan.Create(_options.ConfigPath, _options.Overrides, _options.Backend, _options.Platform);
        foreach (var issue in plan.Report.Issues)
        {
            _log.Log(issue.Severity == Severity.Error ? LogLevel.Error : LogLevel.Warning, "{Issue}", issue.ToDisplayString());
        }

        _log.LogInformation("{Verdict} for the {Backend} backend", plan.Verdict, plan.Backend);
        if (!plan.IsValid)
        {
            return 1;
        }

        var graph = plan.Graph!;
        PipelineRunner Create() => PipelineRunner.CreateBuilt(graph, _loggers.CreateLogger("DeepStreamNet.Pipeline"), runner =>
        {
            runner.StopTimeout = _options.StopTimeout;
            runner.HeapTrimInterval = _options.HeapTrimInterval;
            foreach (var a in _attachments)
            {
                a.Attach(runner);
            }
        });

        _log.LogInformation("running {Config} on the {Backend} backend", _options.ConfigPath, graph.Backend);
        Result = await PipelineCycles.RunAsync(Create, graph.RunOptions.PipelineRecreateSec, _log, cancellationToken: stoppingToken).ConfigureAwait(false);
        _log.LogInformation("pipeline ended: {Outcome}", Result.Outcome);
        return Result.ExitCode;
    }
}
