using DeepStreamNet.Hosting;
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
    public static WebApplication Create(Action<DeepStreamOptions> deepStream, ServiceOptions service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(service.Urls);
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
