using DeepStreamNet.Hosting;
using DeepStreamNet.Service.Dashboard;
using DeepStreamNet.Service.Sink;
using DeepStreamNet.Service.Streams;
using DeepStreamNet.Service.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace DeepStreamNet.Service;

/// <summary>
/// <c>services.AddDeepStreamService(ds => ds.ConfigPath = "app.txt", svc => svc.NoMaskEvents = true)</c> and
/// <c>app.MapDeepStreamService()</c>: the hosted pipeline of <see cref="DeepStreamServiceCollectionExtensions.AddDeepStream"/>
/// plus the service parts — type-6 broker sinks on the portable backend, optional no-mask events, metrics
/// (OpenTelemetry, Prometheus at <c>/metrics</c>), <c>/health/live</c> and <c>/health/ready</c>, and the dashboard.
/// </summary>
public static class DeepStreamServiceExtensions
{
    public static IServiceCollection AddDeepStreamService(this IServiceCollection services, Action<DeepStreamOptions> deepStream, Action<ServiceOptions>? service = null)
    {
        var options = new ServiceOptions();
        service?.Invoke(options);
        return services.AddDeepStreamService(deepStream, options);
    }

    public static IServiceCollection AddDeepStreamService(this IServiceCollection services, Action<DeepStreamOptions> deepStream, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddDeepStream(deepStream);
        services.TryAddSingleton(options);
        services.TryAddSingleton<BrokerSinkAttachment>();
        services.AddSingleton<IPipelineAttachment>(sp => sp.GetRequiredService<BrokerSinkAttachment>());
        if (options.NoMaskEvents || options.Dashboard)
        {
            services.TryAddSingleton<NoMaskEventProbe>();
            services.TryAddSingleton<NoMaskEventAttachment>();
            services.AddSingleton<IPipelineAttachment>(sp => sp.GetRequiredService<NoMaskEventAttachment>());
        }

        services.TryAddSingleton<StreamControl>();
        services.AddSingleton<IPipelineAttachment>(sp => sp.GetRequiredService<StreamControl>());
        services.TryAddSingleton<PipelineMonitor>();
        services.TryAddSingleton(sp => new PipelineMetrics(sp.GetRequiredService<PipelineMonitor>(), sp.GetRequiredService<BrokerSinkAttachment>(),
            sp.GetService<NoMaskEventAttachment>()));
        services.AddSingleton<IPipelineAttachment>(sp =>
        {
            _ = sp.GetRequiredService<PipelineMetrics>(); // the instruments exist before the first frame
            return sp.GetRequiredService<PipelineMonitor>();
        });
        services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(PipelineMetrics.MeterName).AddPrometheusExporter());
        services.AddHealthChecks().AddCheck<PipelineReadiness>("pipeline", tags: ["ready"]);
        if (options.Dashboard)
        {
            services.TryAddSingleton<DashboardFeed>();
            services.AddSingleton<IPipelineAttachment>(sp => sp.GetRequiredService<DashboardFeed>());
        }

        return services;
    }

    /// <summary>Maps <c>/metrics</c>, <c>/health/live</c> (the process answers), <c>/health/ready</c> (see
    /// <see cref="PipelineReadiness"/>), the stream REST API (<c>/stream/add</c>, <c>/stream/remove</c>,
    /// <c>/api/streams</c>) and, when enabled, the dashboard at <c>/</c>.</summary>
    public static WebApplication MapDeepStreamService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapStreamRestApi();
        if (app.Services.GetRequiredService<ServiceOptions>().Dashboard)
        {
            app.MapDashboard();
        }

        return app;
    }
}
