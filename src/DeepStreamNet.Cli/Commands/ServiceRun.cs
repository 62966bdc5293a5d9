using System.CommandLine;
using System.Globalization;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Runner;
using DeepStreamNet.Service;
using DeepStreamNet.Hosting;
using DeepStreamNet.Service.Sink;
using DeepStreamNet.Service.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serilog.Events;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// The service side of <c>dsnet run</c>: <c>--http-port</c>/<c>--dashboard</c>/<c>--json-logs</c> run the config inside
/// the DeepStreamNet.Service web host (metrics, health, dashboard); without them type-6 broker sinks and
/// <c>--no-mask-events</c> are attached to the plain run.
/// </summary>
internal sealed class ServiceRun
{
    private readonly Option<int?> _httpPort = new("--http-port") { Description = "serve /metrics, /health/live, /health/ready (and the dashboard) on this port (0: a free one)" };
    private readonly Option<string> _httpAddress = new("--http-address") { Description = "address the HTTP endpoints listen on", DefaultValueFactory = _ => "127.0.0.1" };
    private readonly Option<bool> _dashboard = new("--dashboard") { Description = "serve the live dashboard at / (annotated video, per-source counts, recent no-mask events); implies --no-mask-events" };
    private readonly Option<bool> _noMaskEvents = new("--no-mask-events") { Description = "attach one event per tracked no-mask face (published by the config's type=6 sinks)" };
    private readonly Option<bool> _jsonLogs = new("--json-logs") { Description = "log JSON lines (with --http-port/--dashboard)" };
    private readonly Option<string?> _spool = new("--spool-dir") { Description = "folder of the broker sinks' on-disk spools (default: $TMPDIR/dsnet-spool)" };

    public IEnumerable<Option> Options => [_httpPort, _httpAddress, _dashboard, _noMaskEvents, _jsonLogs, _spool];

    public int Execute(ParseResult parse, FileInfo config, IEnumerable<string> overrides, PipelineBackend backend, TargetPlatform? platform, LogEventLevel level)
    {
        var service = new ServiceOptions
        {
            Dashboard = parse.GetValue(_dashboard),
            NoMaskEvents = parse.GetValue(_noMaskEvents),
            JsonLogs = parse.GetValue(_jsonLogs),
        };
        if (parse.GetValue(_spool) is { } spool)
        {
            service.SpoolDirectory = Path.GetFullPath(spool);
        }

        var port = parse.GetValue(_httpPort);
        if (port is null && (service.Dashboard || service.JsonLogs))
        {
            port = 8080;
        }

        if (port is { } p)
        {
            if (!ConfigOptions.ConfigFileExists(config))
            {
                return 2;
            }

            service.Urls = string.Create(CultureInfo.InvariantCulture, $"http://{parse.GetValue(_httpAddress)}:{p}");
            return Hosted(config, overrides, backend, platform, service);
        }

        // [source-list] use-nvmultiurisrcbin=1 on the portable backend: the stream REST API needs the web host.
        if (config.Exists && StreamRestAddress.For(DeepStreamOptionsFor(config, overrides, backend, platform)) is { } rest)
        {
            service.Urls = rest;
            return Hosted(config, overrides, backend, platform, service);
        }

        // Plain run: the broker sinks (and no-mask events) ride along as probes; the spools are flushed at the end.
        BrokerSinkAttachment? sinks = null;
        NoMaskEventAttachment? events = null;
        try
        {
            return RunCommand.Execute(config, overrides, backend, platform, level, (runner, log) =>
            {
                sinks ??= new BrokerSinkAttachment(service, NullLoggerFactory.Instance);
                sinks.Attach(runner);
                if (service.NoMaskEvents)
                {
                    events ??= new NoMaskEventAttachment(new NoMaskEventProbe(), NullLogger<NoMaskEventAttachment>.Instance);
                    events.Attach(runner);
                }
            });
        }
        finally
        {
            sinks?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Hosted(FileInfo config, IEnumerable<string> overrides, PipelineBackend backend, TargetPlatform? platform, ServiceOptions service)
    {
        var app = DeepStreamWebHost.Create(ds => Configure(ds, config, overrides, backend, platform), service);
        app.Start();
        var log = app.Services.GetService(typeof(ILoggerFactory)) is ILoggerFactory f ? f.CreateLogger("dsnet.run") : NullLogger.Instance;
#pragma warning disable CA1848, CA1873 // once per run
        log.LogInformation("HTTP endpoints on {Addresses}: /metrics, /health/live, /health/ready, /stream/add, /stream/remove{Dashboard}", string.Join(", ", app.Addresses()), service.Dashboard ? ", / (dashboard)" : "");
#pragma warning restore CA1848, CA1873
        app.WaitForShutdown();
        ((IDisposable)app).Dispose();
        return Environment.ExitCode;
    }

    private static DeepStreamOptions DeepStreamOptionsFor(FileInfo config, IEnumerable<string> overrides, PipelineBackend backend, TargetPlatform? platform)
    {
        var ds = new DeepStreamOptions();
        Configure(ds, config, overrides, backend, platform);
        return ds;
    }

    private static void Configure(DeepStreamOptions ds, FileInfo config, IEnumerable<string> overrides, PipelineBackend backend, TargetPlatform? platform)
    {
        ds.ConfigPath = config.FullName;
        foreach (var o in overrides)
        {
            ds.Overrides.Add(o);
        }

        ds.Backend = backend;
        ds.Platform = platform;
    }
}
