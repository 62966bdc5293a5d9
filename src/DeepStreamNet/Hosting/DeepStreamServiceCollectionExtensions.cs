using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeepStreamNet.Hosting;

/// <summary><c>services.AddDeepStream(o => o.ConfigPath = "app.txt")</c>: runs a deepstream-app config as a hosted service.</summary>
public static class DeepStreamServiceCollectionExtensions
{
    public static IServiceCollection AddDeepStream(this IServiceCollection services, Action<DeepStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.TryAddSingleton<DeepStreamService>();
        services.AddHostedService(sp => sp.GetRequiredService<DeepStreamService>());
        return services;
    }

    /// <summary>Registers a pipeline attachment (probe) type as a singleton.</summary>
    public static IServiceCollection AddPipelineAttachment<T>(this IServiceCollection services)
        where T : class, IPipelineAttachment
    {
        services.AddSingleton<IPipelineAttachment, T>();
        return services;
    }
}
