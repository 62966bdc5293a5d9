using DeepStreamNet.Hosting;
using DeepStreamNet.Service.Streams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service;

/// <summary>
/// The whole service as one web application (what <c>dsnet run --http-port/--dashboard</c> runs): the hosted pipeline,
/// its service parts and the HTTP endpoints on <see cref="ServiceOptions.Urls"/>. The host stops when the pipeline ends.
/// </summary>
public static class DeepStreamWebHost
{
    /// <param name="deepStream">What the hosted pipeline runs.</param>
    /// <param name="service">The service parts and where they listen.</param>
    /// <param name="services">More registrations (e.g. own <see cref="IPipelineAttachment"/> probes).</param>
    public static WebApplication Create(Action<DeepStreamOptions> deepStream, ServiceOptions service, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var builder = WebApplication.CreateSlimBuilder();

        // nvmultiurisrcbin's REST port ([source-list] http-ip/http-port) is one more address of the same server.
        var ds = new DeepStreamOptions();
        ArgumentNullException.ThrowIfNull(deepStream);
        deepStream(ds);
        builder.WebHost.UseUrls(new[] { service.Urls, StreamRestAddress.For(ds) }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
        builder.Logging.ClearProviders();
        if (service.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddDeepStreamService(deepStream, service);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDeepStreamService();
        return app;
    }

    /// <summary>The addresses the server listens on once started (the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }
}
