using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeepStreamNet.Hosting;

/// <summary>
/// The hosted service that owns the <see cref="PipelineRunner"/>: loads and validates the config, builds the graph,
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

        var loaded = AppConfigLoader.Load(Path.GetFullPath(_options.ConfigPath), _options.Overrides);
        foreach (var issue in loaded.Report.Issues)
        {
            _log.Log(issue.Severity == Severity.Error ? LogLevel.Error : LogLevel.Warning, "{Issue}", issue.ToDisplayString());
        }

        if (loaded.Config is null)
        {
            return 1;
        }

        GStreamerRuntime.Initialize();
        if (_options.BridgeGStreamerLog)
        {
            GstLogBridge.Install(_loggers);
        }

        var backend = BackendSelector.Resolve(_options.Backend, GStreamerRuntime.FactoryExists);
        var graph = PipelineGraphBuilder.Build(loaded.Config, backend, _options.Platform ?? BackendSelector.DetectPlatform(), loaded.Report);
        if (!loaded.Report.IsValid)
        {
            foreach (var issue in loaded.Report.Errors)
            {
                _log.LogError("{Issue}", issue.ToDisplayString());
            }

            return 1;
        }

        var config = loaded.Config;
        PipelineRunner Create() => PipelineRunner.CreateBuilt(graph, config, _loggers.CreateLogger("DeepStreamNet.Pipeline"), runner =>
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
