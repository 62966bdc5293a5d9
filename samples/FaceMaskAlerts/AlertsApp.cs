using System.Globalization;
using DeepStreamNet.Hosting;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace FaceMaskAlerts;

/// <summary>
/// The documented DeepStreamNet path: settings INI (+ command line) → <c>AddDeepStream</c> (the deepstream-app config)
/// → <see cref="MaskAlertProbe"/> registered in DI after the tracker → generic host (Ctrl+C / SIGTERM → EOS → exit).
/// </summary>
public static class AlertsApp
{
    /// <summary>Builds the host; throws <see cref="FileNotFoundException"/> naming the settings file when it is missing.</summary>
    public static IHost BuildHost(AlertsArguments args, Serilog.ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = Path.GetFullPath(args.Settings);
        if (!File.Exists(settings))
        {
            throw new FileNotFoundException($"settings file not found: {settings} (pass --settings FILE; the sample ships samples/FaceMaskAlerts/facemaskalerts.ini)", settings);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddIniFile(settings, optional: false, reloadOnChange: false);
        builder.Configuration.AddInMemoryCollection(CommandLineValues(args));
        builder.Services.AddSerilog(log ?? new LoggerConfiguration().WriteTo.Console().CreateLogger(), dispose: log is null);

        builder.Services.Configure<AlertOptions>(builder.Configuration.GetSection("Alerts"));
        var deepStream = builder.Configuration.GetSection("DeepStream");
        builder.Services.AddDeepStream(o =>
        {
            deepStream.Bind(o);
            if (!string.IsNullOrEmpty(o.ConfigPath))
            {
                // relative to the settings file (a --config value arrives already absolute)
                o.ConfigPath = Path.GetFullPath(o.ConfigPath, Path.GetDirectoryName(settings)!);
            }

            foreach (var s in args.Overrides ?? [])
            {
                o.Overrides.Add(s);
            }
        });
        builder.Services.AddBatchProbe<MaskAlertProbe>(ProbeTarget.At(ProbeAttachPoint.AfterTracker));
        return builder.Build();
    }

    /// <summary>Runs the host to the end; prints per-source counts; returns the run's exit code (0 EOS/stop, 1 bad config, 3 error).</summary>
    public static async Task<int> RunAsync(AlertsArguments args, CancellationToken cancellationToken = default)
    {
        using var host = BuildHost(args);
        var probe = host.Services.GetRequiredService<MaskAlertProbe>();
        var exitBefore = Environment.ExitCode;
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (source, counts) in probe.Counts.OrderBy(c => c.Key))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source {source}: {counts}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{probe.Alerts.Count} alerts"));
        var code = Environment.ExitCode;
        Environment.ExitCode = exitBefore;
        return code;
    }

    private static Dictionary<string, string?> CommandLineValues(AlertsArguments a)
    {
        var values = new Dictionary<string, string?>();
        if (a.Config is not null)
        {
            values["DeepStream:ConfigPath"] = Path.GetFullPath(a.Config);
        }

        if (a.Backend is { } backend)
        {
            values["DeepStream:Backend"] = backend.ToString();
        }

        if (a.OutputDirectory is not null)
        {
            values["Alerts:CropDirectory"] = a.OutputDirectory;
        }

        if (a.ConsecutiveFrames is { } n)
        {
            values["Alerts:ConsecutiveFrames"] = n.ToString(CultureInfo.InvariantCulture);
        }

        if (a.MaxFrames is { } m)
        {
            values["Alerts:MaxFrames"] = m.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
