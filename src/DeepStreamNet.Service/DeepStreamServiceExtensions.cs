using DeepStreamNet.Hosting;
using DeepStreamNet.Service.Sink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeepStreamNet.Service;

/// <summary>
/// <c>services.AddDeepStreamService(ds => ds.ConfigPath = "app.txt", svc => svc.NoMaskEvents = true)</c>: the hosted
/// pipeline of <see cref="DeepStreamServiceCollectionExtensions.AddDeepStream"/> plus the service parts — type-6 broker
/// sinks on the portable backend and, when asked, one event per tracked no-mask face.
/// </summary>
public static class DeepStreamServiceExtensions
{
    public static IServiceCollection AddDeepStreamService(this IServiceCollection services, Action<DeepStreamOptions> deepStream, Action<ServiceOptions>? service = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ServiceOptions();
        service?.Invoke(options);
        services.AddDeepStream(deepStream);
        services.TryAddSingleton(options);
        services.TryAddSingleton<BrokerSinkAttachment>();
        services.AddSingleton<IPipelineAttachment>(sp => sp.GetRequiredService<BrokerSinkAttachment>());
        if (options.NoMaskEvents)
        {
            services.TryAddSingleton<NoMaskEventProbe>();
            services.TryAddSingleton<NoMaskEventAttachment>();
            services.AddSingleton<IPipelineAttachment>(sp => sp.GetRequiredService<NoMaskEventAttachment>());
        }

        return services;
    }
}
