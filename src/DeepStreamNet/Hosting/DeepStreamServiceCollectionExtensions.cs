using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeepStreamNet.Hosting;

/// <summary><c>services.AddDeepStream(o => o.ConfigPath = "app.txt")</c>: runs a deepstream-app config as a hosted service.</summary>
public static class DeepStreamServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="DeepStreamOptions"/> bind from (<c>[DeepStream]</c> in an INI
    /// settings file, <c>DeepStream__HeapTrimInterval</c> in the environment, …).</summary>
    public const string SectionName = "DeepStream";

    /// <summary>Adds the hosted service. Its <see cref="DeepStreamOptions"/> bind from the host's
    /// <see cref="IConfiguration"/> section <see cref="SectionName"/> first; <paramref name="configure"/> then has the last word.</summary>
    public static IServiceCollection AddDeepStream(this IServiceCollection services, Action<DeepStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DeepStreamOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (sp.GetService<IConfiguration>() is { } configuration)
            {
                configuration.GetSection(SectionName).Bind(o);
            }
        });
        if (configure is not null)
        {
            options.Configure(configure);
        }

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
